#include "ExportJob.h"

#include "CsvWriter.h"
#include "store/ContactListQuery.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QSqlQuery>

namespace ContactDesk::ExportJob {

namespace {
constexpr int PageSize = 1000;
} // namespace

Result<int> exportCsv(const QSqlDatabase& db, const Request& request, const std::function<bool(int)>& progress)
{
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::Io, file.errorString(), request.path};
    CsvWriter writer(&file);
    const QStringList header{QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email"),
                             QStringLiteral("phone"),      QStringLiteral("company"),   QStringLiteral("job_title"),
                             QStringLiteral("street"),     QStringLiteral("city"),      QStringLiteral("region"),
                             QStringLiteral("postal_code"), QStringLiteral("country"),  QStringLiteral("birthday"),
                             QStringLiteral("source"),     QStringLiteral("owner"),     QStringLiteral("status"),
                             QStringLiteral("type"),       QStringLiteral("external_id"), QStringLiteral("tags")};
    if (!writer.writeRow(header))
        return Error{Error::Code::Io, file.errorString(), request.path};

    ContactListQuery filter; // the list's own filter SQL: export writes what the list shows
    filter.searchText = request.search;
    filter.filter = request.filter;
    if (!request.tag.trimmed().isEmpty())
        filter.filter.allTags.append(request.tag);
    QString where = filter.whereClause();
    QVariantList binds = filter.whereBinds();
    if (request.useIds) {
        QStringList ids;
        for (qint64 id : request.ids)
            ids.append(QString::number(id));
        where += QStringLiteral(" AND c.id IN (SELECT value FROM json_each(?))");
        binds << QStringLiteral("[%1]").arg(ids.join(QLatin1Char(',')));
    }
    const QString sql = QStringLiteral(
        "SELECT c.id, c.sort_key, c.first_name, c.last_name, "
        "(SELECT group_concat(address, '; ') FROM (SELECT address FROM contact_emails e WHERE e.contact_id = c.id "
        " ORDER BY is_primary DESC, position)), "
        "(SELECT group_concat(number, '; ') FROM (SELECT number FROM contact_phones p WHERE p.contact_id = c.id "
        " ORDER BY is_primary DESC, position)), "
        "c.company, c.job_title, c.street, c.city, c.region, c.postal_code, c.country, c.birthday, c.source, c.owner, "
        "c.status, c.type, c.external_id, %1 FROM contacts c WHERE %2 AND (c.sort_key, c.id) > (?, ?) "
        "ORDER BY c.sort_key, c.id LIMIT %3").arg(ContactListQuery::tagsSql(QStringLiteral("c.id")), where).arg(PageSize);
    QString lastKey;
    qint64 lastId = 0;
    int written = 0;
    for (;;) {
        QVariantList pageBinds = binds;
        pageBinds << Sql::text(lastKey) << lastId;
        auto q = Sql::run(db, QStringLiteral("export page"), sql, pageBinds);
        if (!q)
            return q.error();
        int rows = 0;
        while (q.value().next()) {
            const QSqlQuery& r = q.value();
            lastId = r.value(0).toLongLong();
            lastKey = r.value(1).toString();
            QStringList fields;
            for (int col = 2; col < 20; ++col)
                fields.append(r.value(col).toString());
            if (!writer.writeRow(fields))
                return Error{Error::Code::Io, file.errorString(), request.path};
            ++rows;
        }
        written += rows;
        if (progress && !progress(written))
            return Error{Error::Code::Cancelled, QCoreApplication::translate("ExportJob", "export cancelled"), request.path};
        if (rows < PageSize)
            break;
    }
    if (!file.commit())
        return Error{Error::Code::Io, file.errorString(), request.path};
    return written;
}

} // namespace ContactDesk::ExportJob
