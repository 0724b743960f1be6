#pragma once
// Small helpers around QSqlQuery: run a named statement and turn a failure into an Error that
// names the statement and SQLite's code (never the contact data), and a transaction guard.

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace ContactDesk::Sql {

// Prepares `sql` on `db`, binds `values` positionally and executes it.
Result<QSqlQuery> run(const QSqlDatabase& db, const QString& name, const QString& sql,
                      std::initializer_list<QVariant> values = {});
Result<QSqlQuery> run(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& values);
// The same for a statement whose rows (if any) are not needed.
Status exec(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& values = {});
// First column of the first row, or an invalid QVariant when there is no row.
Result<QVariant> scalar(const QSqlDatabase& db, const QString& name, const QString& sql,
                        std::initializer_list<QVariant> values = {});
Error errorFrom(const QSqlError& error, const QString& statement);
bool isBusy(const QSqlError& error);
bool isReadOnly(const QSqlError& error);

// A text value for a NOT NULL column: a null QString would bind as SQL NULL.
inline QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// A JSON array of ids ("[1,2,3]"), to bind once and read with json_each(?) in set-based SQL.
QString idsJson(const QList<qint64>& ids);

// Epoch milliseconds, UTC: what every timestamp column stores.
qint64 nowMs();
// Tests and demo data can pin the clock.
void setClockForTesting(qint64 fixedMs);

// A bigger page cache for one bulk job on its connection (SQLite's default is 2 MB): a bulk merge
// or tag change touches every index of many rows, and re-reading pages from the OS costs more
// than the work. Restores the previous size when it goes.
class ScopedCacheSize
{
public:
    ScopedCacheSize(const QSqlDatabase& db, int megabytes);
    ~ScopedCacheSize();
    ScopedCacheSize(const ScopedCacheSize&) = delete;
    ScopedCacheSize& operator=(const ScopedCacheSize&) = delete;

private:
    QSqlDatabase m_db;
    QVariant m_previous;
};

// A write transaction that rolls back unless commit() succeeds. Nested guards on the same
// connection become savepoints, so an operation is atomic on its own and inside a bigger one.
class TransactionGuard
{
public:
    explicit TransactionGuard(const QSqlDatabase& db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard&) = delete;
    TransactionGuard& operator=(const TransactionGuard&) = delete;

    const Status& beginStatus() const { return m_begin; }
    Status commit();

private:
    QSqlDatabase m_db;
    Status m_begin;
    int m_depth = 0;
    bool m_done = false;
};

} // namespace ContactDesk::Sql
