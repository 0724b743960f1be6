#pragma once
// Every contact's tag names in memory, for the list's Tags column. Read per row from
// contact_tags, a page of 128 contacts costs 128 scattered index lookups (a deep page went from
// 0.6 to 1.6 ms when tags left the contact row); this snapshot answers the same from two arrays.
// It is read in one transaction (about 0.2 s for a million links) on a background connection
// and is immutable afterwards, so the UI thread may read it while the next one is built.
// Whoever holds one must drop it when the store changes (ContactListModel does on every
// change signal of ContactStore and reads tags from SQL until a new one arrives).

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace ContactDesk {

class ContactTagCache
{
public:
    // Reads tags and links in one read transaction, on the connection's own thread (SQLite only).
    static Result<std::shared_ptr<const ContactTagCache>> load(const QSqlDatabase& db);

    // The contact's tag names in name order, comma-separated: ContactListQuery::tagsSql's text.
    QString tagsOf(qint64 contactId) const;
    qsizetype linkCount() const { return qsizetype(m_tags.size()); }

private:
    std::vector<qint64> m_contacts;       // contacts with at least one tag, ascending
    std::vector<std::uint32_t> m_start;   // m_contacts[i]'s tags are m_tags[m_start[i] .. m_start[i + 1])
    std::vector<std::uint32_t> m_tags;    // positions in m_names, ascending for each contact
    QStringList m_names;                  // tag names in name_norm order
};

} // namespace ContactDesk
