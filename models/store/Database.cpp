#include "Database.h"

#include "Migrations.h"
#include "Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Database", text);
}

QString uniqueConnectionName(const QString& purpose)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("cd-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1) + 1);
}

QSqlDatabase addConnection(const QString& name, const QString& path, int busyTimeoutMs)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    return db;
}

Error describe(const Error& e, const QString& path)
{
    Error out = e;
    out.where = path;
    return out;
}

// Pragmas every connection needs; journal_mode is persistent and set once by Database.
Status configureConnection(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return Sql::errorFrom(q.lastError(), QStringLiteral("foreign_keys"));
    if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))) // safe with WAL, much faster than FULL
        return Sql::errorFrom(q.lastError(), QStringLiteral("synchronous"));
    return {};
}

} // namespace

Database::Database(QString path, QString connectionName, DatabaseOptions options)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_options(options)
    , m_thread(QThread::currentThread())
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestVersion()
{
    return Migrations::latestVersion();
}

QSqlDatabase Database::connection() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database::connection",
               "a connection is used only by the thread that opened it");
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const DatabaseOptions& options)
{
    if (path.isEmpty())
        return Error{Error::Code::Io, tr("no database file given"), {}};
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error{Error::Code::Io, tr("the Qt SQLite driver is not installed (package libqt6sql6-sqlite)"), path};

    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return Error{Error::Code::Io, tr("is not a file"), path};
        if (!info.isReadable())
            return Error{Error::Code::Io, tr("cannot be read: permission denied"), path};
        if (!info.isWritable())
            return Error{Error::Code::ReadOnly,
                         tr("the file is read-only; ContactDesk needs to save changes to it. "
                            "Make it writable or open a copy."),
                         path};
    } else {
        const QDir dir = info.absoluteDir();
        if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
            return Error{Error::Code::Io, tr("cannot create the folder %1").arg(dir.absolutePath()), path};
    }
    const QFileInfo dirInfo(info.absolutePath());
    if (!dirInfo.isWritable())
        return Error{Error::Code::ReadOnly,
                     tr("the folder %1 is read-only; SQLite needs to create its journal files there")
                         .arg(info.absolutePath()),
                     path};

    std::unique_ptr<Database> database(
        new Database(info.absoluteFilePath(), uniqueConnectionName(QStringLiteral("main")), options));
    QSqlDatabase db = addConnection(database->m_connectionName, database->m_path, options.busyTimeoutMs);
    if (!db.open())
        return describe(Sql::errorFrom(db.lastError(), QStringLiteral("open")), path);
    db = QSqlDatabase(); // initialize() fetches it again; keep no extra handle alive

    if (Status s = database->initialize(); !s)
        return describe(s.error(), path);
    return database;
}

Status Database::initialize()
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    // Read the version before anything writes: a newer file must stay byte for byte as it is.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const QSqlError err = q.lastError();
        if (Sql::isBusy(err))
            return Sql::errorFrom(err, QStringLiteral("user_version"));
        return Error{Error::Code::Io, tr("is not a ContactDesk database, or it is damaged (%1)").arg(err.databaseText()),
                     {}};
    }
    const int version = q.value(0).toInt();
    q.finish();
    const int target = m_options.targetVersion < 0 ? Migrations::latestVersion() : m_options.targetVersion;
    if (version > Migrations::latestVersion())
        return Error{Error::Code::NewerVersion,
                     tr("was written by a newer version of ContactDesk (database version %1; this version reads up "
                        "to %2). Update ContactDesk to open it. The file was not changed.")
                         .arg(version)
                         .arg(Migrations::latestVersion()),
                     {}};
    if (version == 0) {
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !q.next())
            return Sql::errorFrom(q.lastError(), QStringLiteral("sqlite_master"));
        if (q.value(0).toInt() > 0)
            return Error{Error::Code::Io, tr("is an SQLite file but not a ContactDesk database; it was not changed"),
                         {}};
        q.finish();
    }

    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return Sql::errorFrom(q.lastError(), QStringLiteral("journal_mode"));
    q.finish();
    if (Status s = configureConnection(db); !s)
        return s;
    m_version = version;
    if (version < target)
        return migrate(version, target);
    return {};
}

Status Database::migrate(int from, int to)
{
    QSqlDatabase db = connection();
    if (from > 0 && m_options.backupBeforeMigrating) {
        // VACUUM INTO writes a consistent copy, WAL content included, without a checkpoint.
        const QString backup = QStringLiteral("%1.v%2-%3.bak")
                                   .arg(m_path)
                                   .arg(from)
                                   .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmss")));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("VACUUM INTO ?"));
        q.addBindValue(backup);
        if (!q.exec())
            return Error{Error::Code::Io,
                         tr("could not write the backup %1 before upgrading: %2").arg(backup, q.lastError().databaseText()),
                         {}};
        m_backupPath = backup;
    }
    for (const auto& migration : Migrations::all()) {
        if (migration.version <= from || migration.version > to)
            continue;
        // foreign_keys cannot change inside a transaction: off before it, on again whatever happens.
        if (migration.rebuildsTables)
            if (Status s = setForeignKeys(db, false); !s)
                return s;
        Status applied = apply(db, migration);
        if (migration.rebuildsTables)
            if (Status s = setForeignKeys(db, true); !s && applied)
                applied = s;
        if (!applied)
            return applied;
        m_version = migration.version;
    }
    return {};
}

Status Database::apply(const QSqlDatabase& db, const Migrations::Migration& migration)
{
    const QString where = QStringLiteral("migration %1").arg(migration.version);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QSqlQuery q(db);
    for (const QString& statement : migration.statements)
        if (!q.exec(statement))
            return Sql::errorFrom(q.lastError(), where);
    if (migration.code)
        if (Status s = migration.code(db); !s)
            return s;
    if (migration.rebuildsTables) {
        // With the checks off while the table was rebuilt, every reference is checked once here.
        if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
            return Sql::errorFrom(q.lastError(), where);
        if (q.next())
            return Error{Error::Code::Sql,
                         tr("upgrading to version %1 left a broken reference in %2").arg(migration.version).arg(q.value(0).toString()),
                         {}};
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version)))
        return Sql::errorFrom(q.lastError(), where);
    q.finish();
    return tx.commit();
}

Status Database::setForeignKeys(const QSqlDatabase& db, bool on)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = %1").arg(on ? QStringLiteral("ON") : QStringLiteral("OFF"))))
        return Sql::errorFrom(q.lastError(), QStringLiteral("foreign_keys"));
    return {};
}

ScopedConnection::ScopedConnection(const QString& path, const QString& purpose, int busyTimeoutMs)
    : m_name(uniqueConnectionName(purpose))
{
    QSqlDatabase db = addConnection(m_name, path, busyTimeoutMs);
    if (!db.open()) {
        m_status = Sql::errorFrom(db.lastError(), QStringLiteral("open"));
        return;
    }
    m_status = configureConnection(db);
}

ScopedConnection::~ScopedConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase ScopedConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

} // namespace ContactDesk
