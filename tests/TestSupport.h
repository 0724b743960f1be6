#pragma once
// Shared by the tests: a real SQLite file in a fresh temporary folder, opened and migrated, and
// small builders for contacts.

#include "domain/Contact.h"
#include "store/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace ContactDesk::Test {

class TempDatabase
{
public:
    explicit TempDatabase(int busyTimeoutMs = 5000);
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    Database& db() { return *m_db; }
    bool isOpen() const { return m_db != nullptr; }
    QString error() const { return m_error; }
    void close() { m_db.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    QString m_error;
};

Contact makeContact(const QString& first, const QString& last, const QString& email, const QString& phone = {},
                    const QString& company = {});
// Every table's rows as text, for "the database is unchanged" comparisons.
QString dumpDatabase(const QSqlDatabase& db);

} // namespace ContactDesk::Test
