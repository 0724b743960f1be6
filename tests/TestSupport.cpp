#include "TestSupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace ContactDesk::Test {

TempDatabase::TempDatabase(int busyTimeoutMs)
{
    m_path = m_dir.filePath(QStringLiteral("contacts.sqlite"));
    DatabaseOptions options;
    options.busyTimeoutMs = busyTimeoutMs;
    auto db = Database::open(m_path, options);
    if (db)
        m_db = std::move(db).value();
    else
        m_error = db.error().toString();
}

Contact makeContact(const QString& first, const QString& last, const QString& email, const QString& phone,
                    const QString& company)
{
    Contact c;
    c.firstName = first;
    c.lastName = last;
    c.company = company;
    if (!email.isEmpty())
        c.emails.append(EmailAddress{0, email, QStringLiteral("work"), true});
    if (!phone.isEmpty())
        c.phones.append(PhoneNumber{0, phone, {}, QStringLiteral("mobile"), true});
    return c;
}

QString dumpDatabase(const QSqlDatabase& db)
{
    QStringList out;
    QSqlQuery tables(db);
    // The full-text index's shadow tables hold segment layouts that differ after equivalent
    // writes; its content table (contact_search) is compared instead.
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'contact\\_search\\_%' ESCAPE '\\' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString& table : names) {
        out.append(QStringLiteral("== %1").arg(table));
        QSqlQuery rows(db);
        rows.exec(table == QLatin1String("contact_search")
                      ? QStringLiteral("SELECT rowid, * FROM contact_search ORDER BY rowid")
                      : QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table));
        while (rows.next()) {
            QStringList values;
            for (int i = 0; i < rows.record().count(); ++i)
                values.append(rows.value(i).isNull() ? QStringLiteral("NULL") : rows.value(i).toString());
            out.append(values.join(QLatin1Char('|')));
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace ContactDesk::Test
