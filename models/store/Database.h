#pragma once
// Opens the SQLite store: checks the file, refuses a newer schema without touching it, switches
// to WAL with foreign keys and a busy timeout, backs the file up and migrates it. A Database
// owns the connection of the thread that opened it; other threads open a ScopedConnection.

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QThread;

namespace ContactDesk {

namespace Migrations {
struct Migration;
}

struct DatabaseOptions
{
    int busyTimeoutMs = 5000;
    int targetVersion = -1; // -1: the latest; tests migrate step by step
    bool backupBeforeMigrating = true;
};

class Database
{
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<std::unique_ptr<Database>> open(const QString& path, const DatabaseOptions& options = {});

    QString path() const { return m_path; }
    int busyTimeoutMs() const { return m_options.busyTimeoutMs; }
    int schemaVersion() const { return m_version; }
    QString backupPath() const { return m_backupPath; } // the copy taken before the last migration
    // The connection of the thread that opened this Database; use only from that thread.
    QSqlDatabase connection() const;

    static int latestVersion();

private:
    Database(QString path, QString connectionName, DatabaseOptions options);
    Status initialize();
    Status migrate(int from, int to);
    static Status apply(const QSqlDatabase& db, const Migrations::Migration& migration);
    static Status setForeignKeys(const QSqlDatabase& db, bool on);

    QString m_path;
    QString m_connectionName;
    DatabaseOptions m_options;
    QThread* m_thread = nullptr;
    int m_version = 0;
    QString m_backupPath;
};

// A connection for one job in one thread, removed when it goes out of scope (after every query
// on it is gone). Same pragmas as the main connection; it never migrates.
class ScopedConnection
{
public:
    ScopedConnection(const QString& path, const QString& purpose, int busyTimeoutMs = 5000);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection&) = delete;
    ScopedConnection& operator=(const ScopedConnection&) = delete;

    const Status& status() const { return m_status; }
    QSqlDatabase database() const;

private:
    QString m_name;
    Status m_status;
};

} // namespace ContactDesk
