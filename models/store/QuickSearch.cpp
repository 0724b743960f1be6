#include "QuickSearch.h"

#include "SqliteApi.h"

#include <sqlite3.h>


#include <algorithm>
#include <cstdlib>
#include <string>

namespace ContactDesk {

namespace {

using Bits = std::vector<std::uint64_t>;

const QString What = QStringLiteral("search");

void setBit(Bits& bits, std::uint32_t bit)
{
    bits[bit >> 6] |= std::uint64_t(1) << (bit & 63);
}

struct MarkTarget
{
    const std::vector<std::uint32_t>* rank = nullptr;
    Bits* bits = nullptr;
};

// The aggregate cd_mark(id): marks each contact's position inside SQLite's own loop, so half a
// million full-text matches never come back as result rows (stepping them out one by one cost
// three times what the index walk itself costs).
void markStep(sqlite3_context* context, int, sqlite3_value** argv)
{
    auto* target = static_cast<MarkTarget*>(sqlite3_user_data(context));
    const sqlite3_int64 id = sqlite3_value_int64(argv[0]);
    const auto& rank = *target->rank;
    if (id > 0 && static_cast<std::uint64_t>(id) < rank.size() && rank[static_cast<size_t>(id)] != 0)
        setBit(*target->bits, rank[static_cast<size_t>(id)] - 1);
}

void markFinal(sqlite3_context* context)
{
    sqlite3_result_null(context);
}

// Marks the position of every contact `select` (a statement whose first column is named "id")
// returns, binding `text` or `number` to its one parameter.
Status markAll(sqlite3* h, const QString& select, const QVariant& bind, const std::vector<std::uint32_t>& rank,
               Bits& bits)
{
    MarkTarget target{&rank, &bits};
    if (sqlite3_create_function_v2(h, "cd_mark", 1, SQLITE_UTF8, &target, nullptr, markStep, markFinal, nullptr)
        != SQLITE_OK)
        return Error{Error::Code::Sql, QString::fromUtf8(sqlite3_errmsg(h)), What};
    Status result;
    {
        SqliteApi::Statement st(h, QStringLiteral("SELECT cd_mark(id) FROM (%1)").arg(select));
        if (bind.typeId() == QMetaType::QString)
            st.bind(1, bind.toString());
        else
            st.bind(1, bind.toLongLong());
        st.next();
        result = st.status(What);
    }
    // The function points at this frame's target: gone with it.
    sqlite3_create_function_v2(h, "cd_mark", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    return result;
}

const QString FtsMatches = QStringLiteral("SELECT rowid AS id FROM contact_search WHERE contact_search MATCH ?");
const QString TagCarriers = QStringLiteral("SELECT contact_id AS id FROM contact_tags WHERE tag_id = ?");

} // namespace

bool QuickSearch::handles(const ContactListQuery& query, const QSqlDatabase& db)
{
    return !query.trash && query.filter.isEmpty() && query.sortColumn == ContactListQuery::SortColumn::Name
           && !ContactListQuery::searchWords(query.searchText).isEmpty() && SqliteApi::handle(db) != nullptr;
}

Status QuickSearch::refreshOrder(const QSqlDatabase& db)
{
    sqlite3* h = SqliteApi::handle(db);
    SqliteApi::Statement version(h, QStringLiteral("PRAGMA data_version"));
    if (!version.next())
        return version.status(What);
    const qint64 dataVersion = version.int64(0);
    if (dataVersion == m_dataVersion)
        return {};
    // The list's own order (ContactListQuery, SortColumn::Name), read from the covering index.
    SqliteApi::Statement ids(h, QStringLiteral("SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_key, id"));
    // A new snapshot: matches handed out earlier keep the one they were made from.
    auto names = std::make_shared<NameOrder>();
    std::vector<qint64>& order = names->ids;
    order.reserve(m_names->ids.size());
    qint64 maxId = 0;
    while (ids.next()) {
        order.push_back(ids.int64(0));
        maxId = std::max(maxId, order.back());
    }
    if (Status s = ids.status(What); !s)
        return s;
    names->rank.assign(static_cast<size_t>(maxId) + 1, 0);
    for (size_t i = 0; i < order.size(); ++i)
        names->rank[static_cast<size_t>(order[i])] = static_cast<std::uint32_t>(i + 1);
    m_names = std::move(names);
    for (auto& [word, kept] : m_kept)
        kept.ready = false; // positions moved: the kept matches are read again when needed
    m_dataVersion = dataVersion;
    ++m_rebuilds;
    return {};
}

// The key under which a word's matches are kept: the word as FTS5 folds it when it is one to
// four characters a–z and 0–9 ("M" and "m" alike); empty for any other word, which is never kept.
QString QuickSearch::keptKey(const QString& word)
{
    if (word.isEmpty() || word.size() > 4)
        return {};
    const QString folded = word.toCaseFolded();
    for (QChar c : folded) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            return {};
    }
    return folded;
}

bool QuickSearch::hasKeptMatches(const QString& word) const
{
    const auto it = m_kept.find(keptKey(word));
    return it != m_kept.end() && it->second.ready;
}

QStringList QuickSearch::heavyWords() const
{
    QStringList words;
    for (const auto& [word, kept] : m_kept) {
        if (word.size() > 1)
            words.append(word);
    }
    return words;
}

// The positions of the contacts `word` matches: a word of the full-text row starting with it,
// or one of `tagIds` (the tags whose name has a word starting with it). Inside a read transaction.
Status QuickSearch::markWord(const QSqlDatabase& db, const QString& word, const QList<qint64>& tagIds,
                             std::vector<std::uint64_t>& bits) const
{
    sqlite3* h = SqliteApi::handle(db);
    if (Status s = markAll(h, FtsMatches, ContactListQuery::ftsTerm(word), m_names->rank, bits); !s)
        return s;
    for (qint64 tagId : tagIds) {
        if (Status s = markAll(h, TagCarriers, tagId, m_names->rank, bits); !s)
            return s;
    }
    return {};
}

QList<qint64> QuickSearch::tagsStartedBy(const QSqlDatabase& db, const QString& word)
{
    SqliteApi::Statement tags(SqliteApi::handle(db), QStringLiteral("SELECT id FROM tags WHERE ' ' || name_norm LIKE ?"));
    tags.bind(1, ContactListQuery::tagWordPattern(word));
    QList<qint64> ids;
    while (tags.next())
        ids.append(tags.int64(0));
    return ids; // a failure here shows again in the FTS statement of the same connection
}

Status QuickSearch::ensureKept(const QSqlDatabase& db, const QString& key)
{
    Kept& kept = m_kept[key];
    if (kept.ready)
        return {};
    kept.bits.assign(m_names->ids.size() / 64 + 1, 0);
    if (Status s = markWord(db, key, tagsStartedBy(db, key), kept.bits); !s)
        return s;
    kept.ready = true;
    return {};
}

bool QuickSearch::needsHeavyWords() const
{
    const auto live = qint64(m_names->ids.size());
    return m_heavyScan >= 0 || m_heavyFoundAt < 0 || std::abs(live - m_heavyFoundAt) * 10 > m_heavyFoundAt;
}

// The words of two to four characters that may match more than m_heavyMatches contacts, from the
// full-text index's vocabulary (each term with the number of rows it is in; summed over the terms
// a word starts, an upper bound of its matches). One first character a step (the whole
// vocabulary of a million contacts takes 1.2 s); terms come sorted, so every prefix is one run.
Status QuickSearch::findHeavyWords(const QSqlDatabase& db)
{
    static const char Firsts[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    constexpr int FirstCount = int(sizeof(Firsts) - 1);
    sqlite3* h = SqliteApi::handle(db);
    if (m_heavyScan < 0) {
        if (Status s = SqliteApi::exec(h,
                                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cd_search_terms "
                                       "USING fts5vocab(main, contact_search, row)",
                                       What);
            !s)
            return s;
        m_heavyScan = 0;
        m_heavyFound.clear();
    }
    const char first = Firsts[m_heavyScan];
    SqliteApi::Statement terms(h, QStringLiteral("SELECT term, doc FROM temp.cd_search_terms WHERE term >= ? AND term < ?"));
    terms.bind(1, QString(QLatin1Char(first)));
    terms.bind(2, QString(QLatin1Char(char(first + 1))));
    constexpr int Longest = 4;
    std::string run[Longest + 1]; // the prefix of each length being summed
    qint64 sum[Longest + 1] = {};
    auto close = [&](int n) {
        if (!run[n].empty() && sum[n] > m_heavyMatches)
            m_heavyFound.emplace_back(sum[n], run[n]);
        run[n].clear();
        sum[n] = 0;
    };
    auto plain = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    while (terms.next()) {
        const std::string_view term = terms.text(0);
        const qint64 docs = terms.int64(1);
        for (int n = 2; n <= Longest; ++n) {
            const bool keyable = term.size() >= size_t(n) && std::all_of(term.begin(), term.begin() + n, plain);
            if (!keyable || term.substr(0, size_t(n)) != run[n])
                close(n);
            if (keyable) {
                run[n].assign(term.substr(0, size_t(n)));
                sum[n] += docs;
            }
        }
    }
    if (Status s = terms.status(What); !s) {
        m_heavyScan = -1;
        return s;
    }
    for (int n = 2; n <= Longest; ++n)
        close(n);
    if (++m_heavyScan < FirstCount)
        return {};

    // All read: keep at most 256 (32 MB of positions at a million contacts), the heaviest.
    constexpr size_t MostKept = 256;
    auto& heavy = m_heavyFound;
    std::sort(heavy.begin(), heavy.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (heavy.size() > MostKept)
        heavy.resize(MostKept);
    std::map<QString, Kept> kept;
    for (char c : std::string_view(Firsts))
        kept[QString(QLatin1Char(c))];
    for (const auto& [docs, word] : heavy)
        kept[QString::fromLatin1(word.data(), qsizetype(word.size()))];
    for (auto& [word, k] : kept) {
        if (auto old = m_kept.find(word); old != m_kept.end())
            k = std::move(old->second); // kept matches stay valid: the order has not moved
    }
    m_kept = std::move(kept);
    m_heavyFound.clear();
    m_heavyScan = -1;
    m_heavyFoundAt = qint64(m_names->ids.size());
    return {};
}

Result<bool> QuickSearch::prepareStep(const QSqlDatabase& db)
{
    bool more = true;
    const Status s = SqliteApi::inTransaction(SqliteApi::handle(db), [&]() -> Status {
        if (Status order = refreshOrder(db); !order)
            return order;
        if (needsHeavyWords())
            return findHeavyWords(db);
        // One-character words first: the most matches, and every search starts with one.
        auto next = std::find_if(m_kept.begin(), m_kept.end(), [](const auto& k) { return !k.second.ready && k.first.size() == 1; });
        if (next == m_kept.end())
            next = std::find_if(m_kept.begin(), m_kept.end(), [](const auto& k) { return !k.second.ready; });
        Status step = next != m_kept.end() ? ensureKept(db, next->first) : Status();
        more = std::any_of(m_kept.begin(), m_kept.end(), [](const auto& k) { return !k.second.ready; });
        return step;
    }, What);
    if (!s)
        return s.error();
    return more;
}

Status QuickSearch::prepare(const QSqlDatabase& db)
{
    for (;;) {
        auto more = prepareStep(db);
        if (!more)
            return more.error();
        if (!*more)
            return {};
    }
}

Result<SearchMatches> QuickSearch::find(const QSqlDatabase& db, const ContactListQuery& query)
{
    sqlite3* h = SqliteApi::handle(db);
    Bits result;
    // One snapshot for the order and the matches: a read transaction, opened by its first read.
    const Status done = SqliteApi::inTransaction(h, [&]() -> Status {
        {
            SqliteApi::Statement first(h, QStringLiteral("SELECT live FROM contact_counts WHERE id = 1"));
            first.next();
            if (Status s = first.status(What); !s)
                return s;
        }
        if (Status s = refreshOrder(db); !s)
            return s;

        // One-character and heavy words come from their kept matches; words that start a tag
        // name match through the tag's contacts as well; the others go to the full-text index
        // together, which intersects their doclists itself.
        const QStringList words = ContactListQuery::searchWords(query.searchText);
        QStringList textOnly;
        QList<QPair<QString, QList<qint64>>> tagWords;
        QList<QString> keptWords;
        for (const QString& word : words) {
            if (const QString key = keptKey(word); !key.isEmpty() && (key.size() == 1 || m_kept.count(key))) {
                if (Status s = ensureKept(db, key); !s)
                    return s;
                keptWords.append(key);
            } else if (const QList<qint64> tagIds = tagsStartedBy(db, word); tagIds.isEmpty()) {
                textOnly.append(ContactListQuery::ftsTerm(word));
            } else {
                tagWords.append({word, tagIds});
            }
        }

        const size_t wordCount = m_names->ids.size() / 64 + 1;
        bool haveResult = false;
        auto intersect = [&](const Bits& bits) {
            if (!haveResult) {
                result = bits;
                haveResult = true;
            } else {
                for (size_t i = 0; i < wordCount; ++i)
                    result[i] &= bits[i];
            }
        };
        if (!textOnly.isEmpty()) {
            result.assign(wordCount, 0);
            if (Status s = markAll(h, FtsMatches, textOnly.join(QLatin1Char(' ')), m_names->rank, result); !s)
                return s;
            haveResult = true;
        }
        for (const auto& [word, tagIds] : std::as_const(tagWords)) {
            Bits bits(wordCount, 0);
            if (Status s = markWord(db, word, tagIds, bits); !s)
                return s;
            intersect(bits);
        }
        for (const QString& key : std::as_const(keptWords))
            intersect(m_kept[key].bits);
        return {};
    }, What);
    if (!done)
        return done.error();
    // Positions in name order are the bits in order.
    return SearchMatches(m_names, std::move(result), query.descending);
}

} // namespace ContactDesk
