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
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <array>
#include <cstdint>
#include <vector>

namespace ContactDesk {

class QuickSearch
{
public:
    // Live contacts, a non-empty search, no filter, sorted by name, on SQLite.
    static bool handles(const ContactListQuery& query, const QSqlDatabase& db);

    // The matching ids in list order, from one read snapshot.
    Result<QVector<qint64>> find(const QSqlDatabase& db, const ContactListQuery& query);
    // Brings the name order up to date now (a background warm-up after a change).
    Status prepare(const QSqlDatabase& db);

    bool hasOrder() const { return m_dataVersion >= 0; }
    int orderRebuilds() const { return m_rebuilds; }
    bool hasCharMatches(const QString& word) const
    {
        const int slot = charSlot(word);
        return slot >= 0 && m_charReady[static_cast<size_t>(slot)];
    }

private:
    static constexpr int CharSlots = 36;
    static int charSlot(const QString& word);
    static QList<qint64> tagsStartedBy(const QSqlDatabase& db, const QString& word);
    Status refreshOrder(const QSqlDatabase& db);
    Status markWord(const QSqlDatabase& db, const QString& word, const QList<qint64>& tagIds,
                    std::vector<std::uint64_t>& bits) const;
    Status ensureChar(const QSqlDatabase& db, int slot);

    qint64 m_dataVersion = -1;         // the connection's data_version the order was read at
    std::vector<qint64> m_order;       // live ids in (sort_key, id) order
    std::vector<std::uint32_t> m_rank; // id -> position in m_order + 1; 0: not a live contact
    std::array<std::vector<std::uint64_t>, CharSlots> m_charBits; // positions a one-character word matches
    std::array<bool, CharSlots> m_charReady{};
    int m_rebuilds = 0;
};

} // namespace ContactDesk
