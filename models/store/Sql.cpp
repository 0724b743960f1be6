#include "Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace ContactDesk::Sql {

namespace {
std::atomic<qint64> s_fixedClock{0};

// CONTACTDESK_SQL_TRACE=MS prints every statement run through Sql::run (and every commit) that
// takes at least MS milliseconds to stderr: the profiling aid behind docs/BENCHMARKS.md.
double traceThresholdMs()
{
    static const double threshold = [] {
        const char* v = std::getenv("CONTACTDESK_SQL_TRACE");
        return v ? std::atof(v) : -1.0;
    }();
    return threshold;
}

void trace(const QElapsedTimer& timer, const QString& name, const QString& sql)
{
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (ms >= traceThresholdMs())
        std::fprintf(stderr, "[sql %8.1f ms] %s: %s\n", ms, name.toUtf8().constData(),
                     sql.simplified().left(160).toUtf8().constData());
}

// Transaction depth per connection name; a connection lives in one thread, so this does too.
QHash<QString, int>& depths()
{
    thread_local QHash<QString, int> map;
    return map;
}
} // namespace

Error errorFrom(const QSqlError& error, const QString& statement)
{
    Error e;
    e.where = statement;
    if (isBusy(error)) {
        e.code = Error::Code::Locked;
        e.message = QCoreApplication::translate(
            "Sql", "the database is locked by another program; close it or try again in a moment");
    } else if (error.nativeErrorCode() == QLatin1String("2067") || error.nativeErrorCode() == QLatin1String("1555")) {
        // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY: another writer got there first.
        e.code = Error::Code::Duplicate;
        e.message = QCoreApplication::translate("Sql", "the value already belongs to another contact");
    } else if (isReadOnly(error)) {
        e.code = Error::Code::ReadOnly;
        e.message = QCoreApplication::translate("Sql", "the database file is read-only; changes cannot be saved");
    } else {
        e.code = Error::Code::Sql;
        e.message = QCoreApplication::translate("Sql", "database error %1: %2")
                        .arg(error.nativeErrorCode(), error.databaseText().isEmpty() ? error.text() : error.databaseText());
    }
    return e;
}

bool isBusy(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with extended codes (e.g. 517 BUSY_SNAPSHOT).
    bool ok = false;
    const int n = code.toInt(&ok);
    if (ok && ((n & 0xff) == 5 || (n & 0xff) == 6))
        return true;
    return error.databaseText().contains(QLatin1String("database is locked"));
}

bool isReadOnly(const QSqlError& error)
{
    bool ok = false;
    const int n = error.nativeErrorCode().toInt(&ok);
    if (ok && (n & 0xff) == 8) // SQLITE_READONLY and its extended codes
        return true;
    return error.databaseText().contains(QLatin1String("readonly database"));
}

Result<QSqlQuery> run(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& values)
{
    QElapsedTimer timer;
    if (traceThresholdMs() >= 0)
        timer.start();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorFrom(query.lastError(), name);
    for (const QVariant& v : values)
        query.addBindValue(v);
    if (!query.exec())
        return errorFrom(query.lastError(), name);
    if (timer.isValid())
        trace(timer, name, sql);
    return query;
}

Result<QSqlQuery> run(const QSqlDatabase& db, const QString& name, const QString& sql,
                      std::initializer_list<QVariant> values)
{
    return run(db, name, sql, QVariantList(values));
}

Status exec(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& values)
{
    auto q = run(db, name, sql, values);
    return q ? Status() : Status(q.error());
}

Result<QVariant> scalar(const QSqlDatabase& db, const QString& name, const QString& sql,
                        std::initializer_list<QVariant> values)
{
    auto q = run(db, name, sql, values);
    if (!q)
        return q.error();
    if (!q.value().next())
        return QVariant();
    return q.value().value(0);
}

QString idsJson(const QList<qint64>& ids)
{
    QString out;
    out.reserve(ids.size() * 8 + 2);
    out.append(QLatin1Char('['));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            out.append(QLatin1Char(','));
        out.append(QString::number(ids[i]));
    }
    out.append(QLatin1Char(']'));
    return out;
}

qint64 nowMs()
{
    const qint64 fixed = s_fixedClock.load();
    return fixed ? fixed : QDateTime::currentMSecsSinceEpoch();
}

void setClockForTesting(qint64 fixedMs)
{
    s_fixedClock.store(fixedMs);
}

TransactionGuard::TransactionGuard(const QSqlDatabase& db)
    : m_db(db)
{
    int& depth = depths()[m_db.connectionName()];
    m_depth = depth;
    const QString sql = m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                     : QStringLiteral("SAVEPOINT cd_sp%1").arg(m_depth);
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        m_begin = errorFrom(q.lastError(), QStringLiteral("begin transaction"));
        m_done = true;
        return;
    }
    ++depth;
}

TransactionGuard::~TransactionGuard()
{
    if (m_done)
        return;
    QSqlQuery q(m_db);
    if (m_depth == 0) {
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        q.exec(QStringLiteral("ROLLBACK TO cd_sp%1").arg(m_depth));
        q.exec(QStringLiteral("RELEASE cd_sp%1").arg(m_depth));
    }
    depths()[m_db.connectionName()] = m_depth;
}

Status TransactionGuard::commit()
{
    if (m_done)
        return m_begin.ok() ? Status(Error{Error::Code::Sql, QStringLiteral("transaction already finished"), {}})
                            : m_begin;
    QElapsedTimer timer;
    if (traceThresholdMs() >= 0)
        timer.start();
    QSqlQuery q(m_db);
    const QString sql = m_depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE cd_sp%1").arg(m_depth);
    if (!q.exec(sql))
        return errorFrom(q.lastError(), QStringLiteral("commit"));
    if (timer.isValid())
        trace(timer, QStringLiteral("commit"), sql);
    m_done = true;
    depths()[m_db.connectionName()] = m_depth;
    return {};
}

ScopedCacheSize::ScopedCacheSize(const QSqlDatabase& db, int megabytes)
    : m_db(db)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
        m_previous = q.value(0);
    q.finish();
    q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(megabytes * 1024));
}

ScopedCacheSize::~ScopedCacheSize()
{
    if (!m_previous.isValid())
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous.toLongLong()));
}

} // namespace ContactDesk::Sql
