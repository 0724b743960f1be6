#include "TestSupport.h"
#include "dedupe/ContactMerger.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <unistd.h>

using namespace ContactDesk;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int pragmaInt(const QSqlDatabase& db, const QString& pragma)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(pragma)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsAndMigratesFromEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/contacts.sqlite")); // folder created too
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QSqlDatabase c = db.value()->connection();
        QCOMPARE(pragmaInt(c, QStringLiteral("user_version")), Database::latestVersion());
        QCOMPARE(pragmaInt(c, QStringLiteral("foreign_keys")), 1);
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(db.value()->backupPath().isEmpty()); // nothing to back up in a new file
        for (const char* table : {"contacts", "contact_emails", "contact_phones", "field_definitions", "contact_fields",
                                  "tags", "contact_tags", "notes", "campaigns", "campaign_members", "import_runs",
                                  "merge_log", "not_duplicates", "contact_counts", "lists", "list_members"}) {
            QSqlQuery t(c);
            QVERIFY(t.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
        }
    }

    void migratesFromPreviousVersionWithBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        const int previous = Database::latestVersion() - 1;
        {
            DatabaseOptions v1;
            v1.targetVersion = previous;
            auto db = Database::open(path, v1);
            QVERIFY2(db.ok(), qPrintable(db.error().toString()));
            QCOMPARE(db.value()->schemaVersion(), previous);
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (uuid, first_name, last_name, sort_key, created_at, "
                                          "updated_at) VALUES ('u1', 'Kate', 'Bell', 'bell kate', 1, 1)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (uuid, first_name, created_at, updated_at, deleted_at) "
                                          "VALUES ('u2', 'Gone', 1, 1, 5)")));
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestVersion());
        QVERIFY(QFile::exists(db.value()->backupPath()));
        // The counter added by the newer version counts what was already there.
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT live, trashed FROM contact_counts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), 1);
        // The backup is the old version, intact.
        auto backup = Database::open(db.value()->backupPath(), [] {
            DatabaseOptions o;
            o.targetVersion = 0;
            return o;
        }());
        QVERIFY2(backup.ok(), qPrintable(backup.error().toString()));
        QCOMPARE(backup.value()->schemaVersion(), previous);
    }

    // Version 6 adds saved lists to a store that has contacts; a member is there at most once and
    // leaves with its contact.
    void listsArriveOnAnExistingStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        {
            DatabaseOptions v5;
            v5.targetVersion = 5;
            auto db = Database::open(path, v5);
            QVERIFY2(db.ok(), qPrintable(db.error().toString()));
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO contacts (id, uuid, first_name, created_at, updated_at) "
                                          "VALUES (7, 'u1', 'Kate', 1, 1)")));
            QVERIFY(!q.exec(QStringLiteral("SELECT COUNT(*) FROM lists")));
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QVERIFY(db.value()->schemaVersion() >= 6);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO lists (id, name, name_norm, kind, created_at) "
                                      "VALUES (1, 'Fair', 'fair', 'static', 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) VALUES (1, 7, 1)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) VALUES (1, 7, 2)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO lists (name, name_norm, kind, created_at) "
                                       "VALUES ('FAIR', 'fair', 'static', 1)")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO lists (name, name_norm, kind, created_at) "
                                       "VALUES ('X', 'x', 'other', 1)")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM contacts WHERE id = 7")));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM list_members")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void refusesNewerVersionAndLeavesFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = fileHash(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, Error::Code::NewerVersion);
        QVERIFY2(db.error().message.contains(QLatin1String("newer version")), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QLatin1String("999")));
        QCOMPARE(db.error().where, path);
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 0);
    }

    void refusesForeignSqliteFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER)")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QLatin1String("not a ContactDesk database")), qPrintable(db.error().message));
    }

    void refusesGarbageFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QLatin1String("not a ContactDesk database")), qPrintable(db.error().message));
    }

    void readOnlyFileGetsClearMessage()
    {
        if (::geteuid() == 0)
            QSKIP("root can write read-only files; CI runs the tests as an unprivileged user");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, Error::Code::ReadOnly);
        QVERIFY2(db.error().message.contains(QLatin1String("read-only")), qPrintable(db.error().message));
        QCOMPARE(db.error().where, path);
    }

    void lockedFileGetsClearMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        // Another program holds an exclusive lock on a new database file.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        {
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE lock_holder (x)")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        }
        DatabaseOptions options;
        options.busyTimeoutMs = 100;
        auto db = Database::open(path, options);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, Error::Code::Locked);
        QVERIFY2(db.error().message.contains(QLatin1String("locked")), qPrintable(db.error().message));
        {
            QSqlQuery q(other);
            q.exec(QStringLiteral("ROLLBACK"));
        }
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
    }

    void writeWhileLockedFailsCleanly()
    {
        Test::TempDatabase temp;
        QVERIFY2(temp.isOpen(), qPrintable(temp.error()));
        ScopedConnection writer(temp.path(), QStringLiteral("writer"), 100);
        QSqlQuery hold(writer.database());
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        // The main connection's busy timeout is 5 s by default; use a short-timeout connection.
        ScopedConnection main(temp.path(), QStringLiteral("main2"), 100);
        ContactRepository repo2(main.database(), PhoneNormalizer(QStringLiteral("US")));
        auto id = repo2.create(Test::makeContact(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("a@b.com")));
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, Error::Code::Locked);
        hold.exec(QStringLiteral("ROLLBACK"));
        auto retry = repo2.create(Test::makeContact(QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("a@b.com")));
        QVERIFY2(retry.ok(), qPrintable(retry.error().toString()));
    }

    void connectionPerThread()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        ContactRepository repo(temp.db().connection(), PhoneNormalizer(QStringLiteral("US")));
        QVERIFY(repo.create(Test::makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                              QStringLiteral("kate@example.com")))
                    .ok());
        const QString path = temp.path();
        auto future = QtConcurrent::run([path]() -> qint64 {
            ScopedConnection c(path, QStringLiteral("worker"));
            if (!c.status())
                return -1;
            ContactRepository r(c.database(), PhoneNormalizer(QStringLiteral("US")));
            auto stats = r.stats();
            return stats ? stats->contacts : -1;
        });
        QCOMPARE(future.result(), qint64(1));
    }

    void migratesCampaignMembers()
    {
        // A store from just before the campaign step, with memberships: a trashed member, an
        // unsubscribed one.
        int campaignStep = 0;
        for (const auto& m : Migrations::all())
            if (QLatin1String(m.summary).startsWith(QLatin1String("campaign members")))
                campaignStep = m.version;
        QVERIFY(campaignStep > 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        {
            DatabaseOptions before;
            before.targetVersion = campaignStep - 1;
            auto db = Database::open(path, before);
            QVERIFY2(db.ok(), qPrintable(db.error().toString()));
            QSqlQuery q(db.value()->connection());
            for (const char* sql :
                 {"INSERT INTO contacts (id, uuid, first_name, created_at, updated_at) VALUES (1, 'u1', 'Ann', 1, 1)",
                  "INSERT INTO contacts (id, uuid, first_name, created_at, updated_at, deleted_at) VALUES (2, 'u2', 'Ben', 1, 1, 9)",
                  "INSERT INTO contacts (id, uuid, first_name, created_at, updated_at) VALUES (3, 'u3', 'Cat', 1, 1)",
                  "INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Spring', 1)",
                  "INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, updated_at) VALUES "
                  "(1, 1, 'opened', 5), (1, 2, 'sent', 5), (1, 3, 'unsubscribed', 7)"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QVERIFY(db.value()->schemaVersion() >= campaignStep);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT contact_id, live FROM campaign_members ORDER BY contact_id")));
        QList<int> live;
        while (q.next())
            live.append(q.value(1).toInt());
        QCOMPARE(live, (QList<int>{1, 0, 1})); // Ben is in the Trash
        QVERIFY(q.exec(QStringLiteral("SELECT id, unsubscribed_at FROM contacts ORDER BY id")));
        QStringList marks;
        while (q.next())
            marks.append(q.value(1).isNull() ? QStringLiteral("-") : q.value(1).toString());
        QCOMPARE(marks, (QStringList{QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("7")}));
        // The trigger keeps `live` in step from now on: Ben restored, Ann trashed.
        QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET deleted_at = NULL WHERE id = 2")));
        QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET deleted_at = 10 WHERE id = 1")));
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(live, ',') FROM (SELECT live FROM campaign_members "
                                      "ORDER BY contact_id)")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("0,1,1"));
    }

    // Version 9 rebuilds `contacts` without the uuid index: every row of every table stays, the
    // other indexes and the triggers are back, foreign keys are on again, and a merge logged
    // before (JSON rows) is still undone exactly.
    void contactsRebuiltWithoutTheUuidIndexKeepEverything()
    {
        int step = 0;
        for (const auto& m : Migrations::all())
            if (QLatin1String(m.summary).startsWith(QLatin1String("contacts without the uuid index")))
                step = m.version;
        QVERIFY(step > 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        QString beforeMerge, beforeUpgrade, indexes;
        qint64 mergeId = 0;
        auto schemaOf = [](const QSqlDatabase& c) {
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'contacts' "
                                  "AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"));
            QStringList out;
            while (q.next())
                out.append(q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ')
                           + q.value(2).toString().simplified());
            return out.join(QLatin1Char('\n'));
        };
        {
            DatabaseOptions before;
            before.targetVersion = step - 1;
            auto db = Database::open(path, before);
            QVERIFY2(db.ok(), qPrintable(db.error().toString()));
            QSqlDatabase c = db.value()->connection();
            ContactRepository repo(c, PhoneNormalizer(QStringLiteral("US")));
            QList<qint64> ids;
            for (int i = 0; i < 6; ++i) {
                Contact contact = Test::makeContact(QStringLiteral("Kate%1").arg(i), QStringLiteral("Bell"),
                                                    QStringLiteral("kate%1@example.com").arg(i),
                                                    QStringLiteral("+1 415 555 01%1").arg(i, 2, 10, QLatin1Char('0')));
                contact.tags = {QStringLiteral("fair")};
                auto id = repo.create(contact);
                QVERIFY2(id, qPrintable(id.error().toString()));
                ids.append(*id);
            }
            QSqlQuery q(c);
            for (const QString& sql :
                 {QStringLiteral("UPDATE contacts SET deleted_at = 5 WHERE id = %1").arg(ids.last()),
                  QStringLiteral("INSERT INTO notes (contact_id, body, created_at, updated_at) VALUES (%1, 'met at the fair', 1, 1)")
                      .arg(ids.at(1)),
                  QStringLiteral("INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Spring', 1)"),
                  QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, updated_at) "
                                 "VALUES (1, %1, 'unsubscribed', 7)")
                      .arg(ids.at(2))})
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(repo.refreshSearch(ids.at(1))); // the note is searchable, as the notes pane would make it
            indexes = schemaOf(c);
            beforeMerge = Test::dumpDatabase(c);
            ContactMerger merger(c, PhoneNormalizer(QStringLiteral("US")));
            MergeRequest r;
            r.survivorId = ids.at(0);
            r.mergedIds = {ids.at(1), ids.at(2)};
            auto merged = merger.merge(r);
            QVERIFY2(merged, qPrintable(merged.error().toString()));
            mergeId = *merged;
            beforeUpgrade = Test::dumpDatabase(c);
        }
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QCOMPARE(db.value()->schemaVersion(), Database::latestVersion());
        QSqlDatabase c = db.value()->connection();
        QCOMPARE(pragmaInt(c, QStringLiteral("foreign_keys")), 1);
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!q.next());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'contacts' "
                                      "AND name LIKE 'sqlite_autoindex%'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(schemaOf(c), indexes); // the same indexes and triggers as before
        // Every row of every table that was there before; the new typed undo tables are empty.
        QStringList after = Test::dumpDatabase(c).split(QLatin1Char('\n'));
        after.removeIf([](const QString& line) { return line.startsWith(QLatin1String("== merge_saved_")); });
        QCOMPARE(after.join(QLatin1Char('\n')), beforeUpgrade);
        // A merge logged as JSON rows before the upgrade is undone exactly after it.
        ContactMerger merger(c, PhoneNormalizer(QStringLiteral("US")));
        const Status undone = merger.undo(mergeId);
        QVERIFY2(undone, qPrintable(undone ? QString() : undone.error().toString()));
        after = Test::dumpDatabase(c).split(QLatin1Char('\n'));
        after.removeIf([](const QString& line) { return line.startsWith(QLatin1String("== merge_saved_")); });
        QCOMPARE(after.join(QLatin1Char('\n')), beforeMerge);
        // The rebuilt table's triggers still count, and deleting still clears the search row.
        QVERIFY(q.exec(QStringLiteral("SELECT live, trashed FROM contact_counts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM contacts WHERE id = (SELECT MIN(id) FROM contacts)")));
        QVERIFY(q.exec(QStringLiteral("SELECT live, (SELECT COUNT(*) FROM contact_search), (SELECT COUNT(*) FROM contact_emails) "
                                      "FROM contact_counts")) && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        QCOMPARE(q.value(1).toInt(), 5);
        QCOMPARE(q.value(2).toInt(), 5);
    }

    void migrationsAreNumberedInOrder()
    {
        int expected = 1;
        for (const auto& m : Migrations::all())
            QCOMPARE(m.version, expected++);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
