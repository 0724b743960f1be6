#pragma once
// SQLite's own C API under a QSqlDatabase, for the few readers that step through a million rows
// (the duplicate finder's loader, quick search): no QVariant or QString per value. Only valid on
// the QSQLITE driver, in the thread that opened the connection.

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace ContactDesk::SqliteApi {

// The connection's sqlite3 handle, or null when the driver is not SQLite.
sqlite3* handle(const QSqlDatabase& db);

// One prepared statement, finalized when it goes.
class Statement
{
public:
    Statement(sqlite3* db, const QString& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Empty when it prepared; else SQLite's message with `what` as the place.
    Status status(const QString& what) const;
    void bind(int index, qint64 value);   // 1-based, as SQLite counts
    void bind(int index, const QString& value);
    bool next();                          // steps; false when done or failed (see failed())
    bool failed() const { return m_failed; }
    bool reset();                         // to run again with new binds
    qint64 int64(int column) const;
    std::string_view text(int column) const;
    sqlite3_stmt* get() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
    QString m_error;
};

// Runs one statement that returns nothing (BEGIN, COMMIT…).
Status exec(sqlite3* db, const char* sql, const QString& what);
// Runs `work` between BEGIN and COMMIT (one read snapshot when it only reads); the first
// failure is the one reported.
Status inTransaction(sqlite3* db, const std::function<Status()>& work, const QString& what);

} // namespace ContactDesk::SqliteApi
