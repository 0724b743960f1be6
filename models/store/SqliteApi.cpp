#include "SqliteApi.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace ContactDesk::SqliteApi {

sqlite3* handle(const QSqlDatabase& db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(v.constData());
    return nullptr;
}

Statement::Statement(sqlite3* db, const QString& sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    if (!db) {
        m_failed = true;
        m_error = QStringLiteral("not an SQLite connection");
    } else if (sqlite3_prepare_v2(db, utf8.constData(), static_cast<int>(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
        m_failed = true;
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Status Statement::status(const QString& what) const
{
    if (!m_failed)
        return {};
    return Error{Error::Code::Sql, m_error.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error, what};
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void Statement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

bool Statement::next()
{
    if (!m_stmt || m_failed)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

bool Statement::reset()
{
    return m_stmt && sqlite3_reset(m_stmt) == SQLITE_OK;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::string_view Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string_view();
}

Status exec(sqlite3* db, const char* sql, const QString& what)
{
    if (!db)
        return Error{Error::Code::Sql, QStringLiteral("not an SQLite connection"), what};
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return Error{Error::Code::Sql, QString::fromUtf8(sqlite3_errmsg(db)), what};
    return {};
}

Status inTransaction(sqlite3* db, const std::function<Status()>& work, const QString& what)
{
    if (Status s = exec(db, "BEGIN", what); !s)
        return s;
    Status s = work();
    Status end = exec(db, "COMMIT", what);
    return s ? end : s;
}

} // namespace ContactDesk::SqliteApi
