#include "ContactTagCache.h"

#include "SqliteApi.h"

#include <QHash>

#include <algorithm>

namespace ContactDesk {

namespace {

const QString What = QStringLiteral("tag column cache");

} // namespace

Result<std::shared_ptr<const ContactTagCache>> ContactTagCache::load(const QSqlDatabase& db)
{
    sqlite3* h = SqliteApi::handle(db);
    if (!h)
        return Error{Error::Code::Sql, QStringLiteral("not an SQLite connection"), What};
    auto cache = std::make_shared<ContactTagCache>();
    const Status s = SqliteApi::inTransaction(h, [&]() -> Status {
        // Positions in name order: sorting a contact's positions sorts its names.
        QHash<qint64, std::uint32_t> position;
        SqliteApi::Statement tags(h, QStringLiteral("SELECT id, name FROM tags ORDER BY name_norm"));
        while (tags.next()) {
            position.insert(tags.int64(0), std::uint32_t(cache->m_names.size()));
            const std::string_view name = tags.text(1);
            cache->m_names.append(QString::fromUtf8(name.data(), qsizetype(name.size())));
        }
        if (Status t = tags.status(What); !t)
            return t;
        // The primary key's own index: contacts ascending, no sort.
        SqliteApi::Statement links(h, QStringLiteral("SELECT contact_id, tag_id FROM contact_tags ORDER BY contact_id"));
        while (links.next()) {
            const qint64 contact = links.int64(0);
            const auto it = position.constFind(links.int64(1));
            if (it == position.cend())
                continue; // cannot happen with foreign keys on; never show a tag without a name
            if (cache->m_contacts.empty() || cache->m_contacts.back() != contact) {
                cache->m_contacts.push_back(contact);
                cache->m_start.push_back(std::uint32_t(cache->m_tags.size()));
            }
            cache->m_tags.push_back(*it);
        }
        if (Status t = links.status(What); !t)
            return t;
        cache->m_start.push_back(std::uint32_t(cache->m_tags.size()));
        for (size_t i = 0; i + 1 < cache->m_start.size(); ++i)
            std::sort(cache->m_tags.begin() + cache->m_start[i], cache->m_tags.begin() + cache->m_start[i + 1]);
        return {};
    }, What);
    if (!s)
        return s.error();
    return std::shared_ptr<const ContactTagCache>(std::move(cache));
}

QString ContactTagCache::tagsOf(qint64 contactId) const
{
    const auto it = std::lower_bound(m_contacts.cbegin(), m_contacts.cend(), contactId);
    if (it == m_contacts.cend() || *it != contactId)
        return {};
    const size_t i = size_t(it - m_contacts.cbegin());
    QString text;
    for (std::uint32_t t = m_start[i]; t < m_start[i + 1]; ++t) {
        if (!text.isEmpty())
            text += QLatin1String(", ");
        text += m_names.at(qsizetype(m_tags[t]));
    }
    return text;
}

} // namespace ContactDesk
