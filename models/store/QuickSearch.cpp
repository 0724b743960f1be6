#include "QuickSearch.h"

#include "SqliteApi.h"

#include <sqlite3.h>


#include <algorithm>

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
    std::vector<qint64> order;
    order.reserve(m_order.size());
    qint64 maxId = 0;
    while (ids.next()) {
        order.push_back(ids.int64(0));
        maxId = std::max(maxId, order.back());
    }
    if (Status s = ids.status(What); !s)
        return s;
    m_rank.assign(static_cast<size_t>(maxId) + 1, 0);
    for (size_t i = 0; i < order.size(); ++i)
        m_rank[static_cast<size_t>(order[i])] = static_cast<std::uint32_t>(i + 1);
    m_order = std::move(order);
    m_charReady.fill(false); // positions moved: the kept matches are read again when needed
    m_dataVersion = dataVersion;
    ++m_rebuilds;
    return {};
}

// Which one-character word keeps its matches between searches: a–z and 0–9 as FTS5 folds them
// ("M" and "m" alike); -1 for any other word.
int QuickSearch::charSlot(const QString& word)
{
    if (word.size() != 1)
        return -1;
    const char16_t c = word.at(0).toCaseFolded().unicode();
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'0' && c <= u'9')
        return 26 + (c - u'0');
    return -1;
}

// The positions of the contacts `word` matches: a word of the full-text row starting with it,
// or one of `tagIds` (the tags whose name has a word starting with it). Inside a read transaction.
Status QuickSearch::markWord(const QSqlDatabase& db, const QString& word, const QList<qint64>& tagIds,
                             std::vector<std::uint64_t>& bits) const
{
    sqlite3* h = SqliteApi::handle(db);
    if (Status s = markAll(h, FtsMatches, ContactListQuery::ftsTerm(word), m_rank, bits); !s)
        return s;
    for (qint64 tagId : tagIds) {
        if (Status s = markAll(h, TagCarriers, tagId, m_rank, bits); !s)
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

Status QuickSearch::ensureChar(const QSqlDatabase& db, int slot)
{
    if (m_charReady[static_cast<size_t>(slot)])
        return {};
    const QString word = slot < 26 ? QString(QChar(u'a' + slot)) : QString(QChar(u'0' + (slot - 26)));
    std::vector<std::uint64_t>& bits = m_charBits[static_cast<size_t>(slot)];
    bits.assign(m_order.size() / 64 + 1, 0);
    if (Status s = markWord(db, word, tagsStartedBy(db, word), bits); !s)
        return s;
    m_charReady[static_cast<size_t>(slot)] = true;
    return {};
}

Status QuickSearch::prepare(const QSqlDatabase& db)
{
    sqlite3* h = SqliteApi::handle(db);
    if (Status s = SqliteApi::exec(h, "BEGIN", What); !s)
        return s;
    Status s = refreshOrder(db);
    // The one-character words, whose matches are the most (a third of a store for "m") and
    // cost the most to collect: ready before the first keystroke needs them.
    for (int slot = 0; s && slot < CharSlots; ++slot)
        s = ensureChar(db, slot);
    Status end = SqliteApi::exec(h, "COMMIT", What);
    return s ? end : s;
}

Result<QVector<qint64>> QuickSearch::find(const QSqlDatabase& db, const ContactListQuery& query)
{
    sqlite3* h = SqliteApi::handle(db);
    // One snapshot for the order and the matches: a read transaction, opened by its first read.
    if (Status s = SqliteApi::exec(h, "BEGIN", What); !s)
        return s.error();
    // Ends the read transaction; the first failure is the one reported.
    auto finish = [h](Status s) {
        Status end = SqliteApi::exec(h, "COMMIT", What);
        return s ? end : s;
    };
    {
        SqliteApi::Statement first(h, QStringLiteral("SELECT live FROM contact_counts WHERE id = 1"));
        first.next();
        if (Status s = first.status(What); !s)
            return finish(s).error();
    }
    if (Status s = refreshOrder(db); !s)
        return finish(s).error();

    // One-character words come from their kept matches; words that start a tag name match
    // through the tag's contacts as well; the others go to the full-text index together, which
    // intersects their doclists itself.
    const QStringList words = ContactListQuery::searchWords(query.searchText);
    QStringList textOnly;
    QList<QPair<QString, QList<qint64>>> tagWords;
    QList<int> charWords;
    for (const QString& word : words) {
        if (const int slot = charSlot(word); slot >= 0) {
            if (Status s = ensureChar(db, slot); !s)
                return finish(s).error();
            charWords.append(slot);
        } else if (const QList<qint64> tagIds = tagsStartedBy(db, word); tagIds.isEmpty()) {
            textOnly.append(ContactListQuery::ftsTerm(word));
        } else {
            tagWords.append({word, tagIds});
        }
    }

    const size_t wordCount = m_order.size() / 64 + 1;
    Bits result;
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
        if (Status s = markAll(h, FtsMatches, textOnly.join(QLatin1Char(' ')), m_rank, result); !s)
            return finish(s).error();
        haveResult = true;
    }
    for (const auto& [word, tagIds] : std::as_const(tagWords)) {
        Bits bits(wordCount, 0);
        if (Status s = markWord(db, word, tagIds, bits); !s)
            return finish(s).error();
        intersect(bits);
    }
    for (int slot : std::as_const(charWords))
        intersect(m_charBits[static_cast<size_t>(slot)]);
    if (Status s = finish({}); !s)
        return s.error();

    // Positions in name order are the bits in order.
    QVector<qint64> ids;
    size_t matches = 0;
    for (std::uint64_t w : result)
        matches += static_cast<size_t>(__builtin_popcountll(w));
    ids.reserve(static_cast<qsizetype>(matches));
    for (size_t i = 0; i < result.size(); ++i) {
        for (std::uint64_t w = result[i]; w != 0; w &= w - 1)
            ids.append(m_order[i * 64 + static_cast<size_t>(__builtin_ctzll(w))]);
    }
    if (query.descending)
        std::reverse(ids.begin(), ids.end());
    return ids;
}

} // namespace ContactDesk
