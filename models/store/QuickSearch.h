#pragma once
// Search as you type over the whole store in name order, the list's most common question, without
// materialising and sorting every match in SQL (176,000 rows for "j" took 1.5 s that way).
// It keeps every live contact's position in the name order (from the covering name index, 12
// bytes a contact) and rebuilds it only when another connection changed the database (SQLite's
// data_version). A search then marks each match's position in a bitmap, straight from the
// full-text index's doclist (and from contact_tags for tag names a word starts), and reads the
// bitmap in order: the matches come out sorted, counted and trash-free in time that grows with
// the matches, not with the store. The same rules as ContactListQuery's SQL (which answers every
// other list: filters, other orders, the Trash), checked against it by TestQuickSearch.
//
// Not thread-safe: one instance belongs to one thread and the SQLite connection it is given
// there (ContactListModel's search thread).

#include "ContactListQuery.h"
#include "SearchMatches.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ContactDesk {

class QuickSearch
{
public:
    // A word whose matches may exceed this many contacts keeps its matches between searches
    // (walking a doclist costs about 60 ns a match: 65,536 matches take 4 ms, "com" 40 ms).
    static constexpr int DefaultHeavyMatches = 65536;
    explicit QuickSearch(int heavyMatches = DefaultHeavyMatches)
        : m_heavyMatches(heavyMatches)
    {
    }

    // Live contacts, a non-empty search, no filter, sorted by name, on SQLite.
    static bool handles(const ContactListQuery& query, const QSqlDatabase& db);

    // The matches in list order, from one read snapshot: a bitmap over the name order.
    Result<SearchMatches> find(const QSqlDatabase& db, const ContactListQuery& query);
    // One piece of the background warm-up after a change, in a read transaction of its own (at
    // most one doclist walk, so a search waits for little): brings the name order up to date,
    // finds the heavy words (once, and again when the store grew or shrank by a tenth), or
    // marks one kept word's matches. True while there is more to do.
    Result<bool> prepareStep(const QSqlDatabase& db);
    // All of the warm-up at once.
    Status prepare(const QSqlDatabase& db);

    bool hasOrder() const { return m_dataVersion >= 0; }
    int orderRebuilds() const { return m_rebuilds; }
    // Whether `word`'s matches are kept and up to date (one-character words and heavy words).
    bool hasKeptMatches(const QString& word) const;
    // The words of two to four characters kept because they match many contacts.
    QStringList heavyWords() const;

private:
    struct Kept
    {
        std::vector<std::uint64_t> bits; // positions in the name order the word matches
        bool ready = false;
    };
    static QString keptKey(const QString& word);
    static QList<qint64> tagsStartedBy(const QSqlDatabase& db, const QString& word);
    Status refreshOrder(const QSqlDatabase& db);
    Status findHeavyWords(const QSqlDatabase& db);
    bool needsHeavyWords() const;
    Status markWord(const QSqlDatabase& db, const QString& word, const QList<qint64>& tagIds,
                    std::vector<std::uint64_t>& bits) const;
    Status ensureKept(const QSqlDatabase& db, const QString& key);

    int m_heavyMatches;
    qint64 m_dataVersion = -1;         // the connection's data_version the order was read at
    std::shared_ptr<const NameOrder> m_names = std::make_shared<NameOrder>(); // live ids in name order
    // Matches kept between searches, by case-folded word: a–z and 0–9 always, and the heavy
    // words of two to four such characters (from the full-text index's vocabulary).
    std::map<QString, Kept> m_kept;
    qint64 m_heavyFoundAt = -1; // live contacts when the heavy words were last looked for
    int m_heavyScan = -1;       // while looking: the next first character to read the vocabulary of
    std::vector<std::pair<qint64, std::string>> m_heavyFound; // (matches at most, word) so far
    int m_rebuilds = 0;
};

} // namespace ContactDesk
