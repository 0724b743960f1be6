#include "TestSupport.h"
#include "dedupe/ContactMerger.h"
#include "io/ImportJob.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace ContactDesk;

class TestImportJob : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    int m_fileCounter = 0;

    QString writeFile(const QByteArray& content)
    {
        const QString path = m_temp->dir() + QStringLiteral("/import-%1.csv").arg(++m_fileCounter);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    ImportSummary import(const QByteArray& content, ImportPolicy policy = ImportPolicy::CreateAndUpdate,
                         bool dryRun = false)
    {
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = writeFile(content);
        request.policy = policy;
        request.dryRun = dryRun;
        return ImportJob::importFile(m_temp->db().connection(), request);
    }

    // Everything a user sees: the import bookkeeping tables are left out.
    QString userData()
    {
        QStringList kept;
        bool skip = false;
        for (const QString& line : Test::dumpDatabase(m_temp->db().connection()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("== ")))
                skip = line.startsWith(QLatin1String("== import_"));
            if (!skip)
                kept.append(line);
        }
        return kept.join(QLatin1Char('\n'));
    }

    ContactRepository& repo() { return *m_repo; }
    qint64 idByEmail(const QString& email) { return *repo().findByEmail(email.toLower()); }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(0);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    void seedsColumns()
    {
        const auto s = import("name,email,phone,tags\n"
                              "Kate Bell,kate@example.com,(415) 555-3695,\"vip, trade show\"\n"
                              "Daniel Higgins,dan@example.com,,lead\n"
                              "\"Bell, Anna\",,+1 212 555 0100,\n");
        QVERIFY(!s.error);
        QCOMPARE(s.toText(), QStringLiteral("added 3, updated 0, skipped 0, failed 0"));
        QVERIFY(s.runId > 0);
        auto kate = repo().load(idByEmail(QStringLiteral("kate@example.com")));
        QCOMPARE(kate->firstName, QStringLiteral("Kate"));
        QCOMPARE(kate->lastName, QStringLiteral("Bell"));
        QCOMPARE(kate->tags, (QStringList{QStringLiteral("trade show"), QStringLiteral("vip")}));
        QCOMPARE(kate->phones.first().e164, QStringLiteral("+14155553695"));
        QCOMPARE(kate->source, QStringLiteral("csv"));
        auto anna = repo().load(*repo().findByPhone(QStringLiteral("+12125550100")));
        QCOMPARE(anna->firstName, QStringLiteral("Anna"));
        QCOMPARE(anna->lastName, QStringLiteral("Bell"));
    }

    void createOrUpdateNeverBlanksAndAdds()
    {
        QVERIFY(import("First Name,Last Name,Email,Company,Job Title,Tags\n"
                       "Kate,Bell,kate@example.com,ACME,Buyer,vip\n")
                    .ok());
        const qint64 kate = idByEmail(QStringLiteral("kate@example.com"));
        const auto s = import("first_name,last_name,email,phone,company,job_title,tags\n"
                              ",,KATE@Example.com,(415) 555-3695,,Head of Purchasing,\"newsletter\"\n");
        QCOMPARE(s.toText(), QStringLiteral("added 0, updated 1, skipped 0, failed 0"));
        auto k = repo().load(kate);
        QCOMPARE(k->firstName, QStringLiteral("Kate"));                     // blank cell: kept
        QCOMPARE(k->company, QStringLiteral("ACME"));                       // blank cell: kept
        QCOMPARE(k->jobTitle, QStringLiteral("Head of Purchasing"));       // new value: updated
        QCOMPARE(k->phones.size(), 1);                                      // phone added
        QCOMPARE(k->tags, (QStringList{QStringLiteral("newsletter"), QStringLiteral("vip")})); // tags added
        QCOMPARE(k->emails.size(), 1);
        // The same file again brings nothing new.
        const auto again = import("email,phone\nkate@example.com,+1 415 555 3695\n");
        QCOMPARE(again.toText(), QStringLiteral("added 0, updated 0, skipped 1, failed 0"));
        QVERIFY(again.problems.first().reason.contains(QLatin1String("no new information")));
    }

    void matchesByExternalIdThenEmailThenPhone()
    {
        QVERIFY(import("external_id,name,email,phone\n"
                       "ERP-1,Kate Bell,kate@example.com,\n"
                       "ERP-2,Dan Higgins,,(415) 555-3695\n")
                    .ok());
        const auto s = import("external_id,name,email,phone\n"
                              "ERP-1,Katherine Bell,kate.bell@work.example,\n" // by external id: adds an email
                              ",,,+1 415 555 3695\n"                               // by phone
                              ",Ann,new@example.com,\n");                          // no match: new
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 1, skipped 1, failed 0"));
        auto kate = repo().load(idByEmail(QStringLiteral("kate@example.com")));
        QCOMPARE(kate->firstName, QStringLiteral("Katherine"));
        QCOMPARE(kate->emails.size(), 2);
        QCOMPARE(kate->primaryEmail(), QStringLiteral("kate@example.com")); // the existing primary stays
        QCOMPARE(repo().stats()->contacts, 3);
    }

    void rowsOfOneFileBecomeOneContact()
    {
        const auto s = import("name,email,phone,tags\n"
                              "Kate Bell,kate@example.com,,vip\n"
                              "Kate Bell,KATE@example.com,(415) 555-3695,lead\n");
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 1, skipped 0, failed 0"));
        QCOMPARE(repo().stats()->contacts, 1);
        QCOMPARE(repo().load(idByEmail(QStringLiteral("kate@example.com")))->tags.size(), 2);
    }

    void policies()
    {
        QVERIFY(import("name,email\nKate Bell,kate@example.com\n").ok());
        const auto createOnly = import("name,email\nKate B,kate@example.com\nDan,dan@example.com\n",
                                       ImportPolicy::CreateOnly);
        QCOMPARE(createOnly.toText(), QStringLiteral("added 1, updated 0, skipped 1, failed 0"));
        QVERIFY(createOnly.problems.first().reason.contains(QLatin1String("create only")));
        QCOMPARE(repo().load(idByEmail(QStringLiteral("kate@example.com")))->lastName, QStringLiteral("Bell"));
        const auto updateOnly = import("name,email\nKate Bellamy,kate@example.com\nZoe,zoe@example.com\n",
                                       ImportPolicy::UpdateOnly);
        QCOMPARE(updateOnly.toText(), QStringLiteral("added 0, updated 1, skipped 1, failed 0"));
        QCOMPARE(updateOnly.problems.first().line, 3);
        QCOMPARE(repo().stats()->contacts, 2);
    }

    void badRowsAreSkippedWithReasonAndLine()
    {
        const auto s = import("name,email,phone,birthday,status\n"
                              "Good One,good@example.com,,1980-01-31,active\n"
                              "Bad Email,bob@,,,\n"
                              "No Reach,,,,\n"
                              "Bad Date,date@example.com,,31/31/1990,\n"
                              "Bad Status,status@example.com,,,sleepy\n"
                              "Bad Phone,,12,,\n"
                              "Also Good,,+44 20 7946 0958,,\n");
        QCOMPARE(s.toText(), QStringLiteral("added 2, updated 0, skipped 5, failed 0"));
        QCOMPARE(s.problems.size(), 5);
        QCOMPARE(s.problems[0].line, 3);
        QVERIFY2(s.problems[0].reason.contains(QLatin1String("column \"email\": \"bob@\" is not an email address")),
                 qPrintable(s.problems[0].reason));
        QCOMPARE(s.problems[1].line, 4);
        QVERIFY(s.problems[1].reason.contains(QLatin1String("no valid email address or phone number")));
        QVERIFY(s.problems[2].reason.contains(QLatin1String("\"31/31/1990\" is not a date")));
        QVERIFY(s.problems[3].reason.contains(QLatin1String("\"sleepy\" is not one of")));
        QVERIFY(s.problems[4].reason.contains(QLatin1String("column \"phone\"")));
        QCOMPARE(s.problems[0].fields, (QStringList{QStringLiteral("Bad Email"), QStringLiteral("bob@"), {}, {}, {}}));
        QCOMPARE(repo().load(idByEmail(QStringLiteral("good@example.com")))->birthday, QDate(1980, 1, 31));
        // Stored for the history, and written out for the rep.
        auto stored = ImportJob::problems(m_temp->db().connection(), s.runId);
        QCOMPARE(stored->size(), 5);
        const QString out = m_temp->dir() + QStringLiteral("/problems.csv");
        QVERIFY(ImportJob::writeProblems(out, s.header, *stored).ok());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine(), QByteArray("line,reason,name,email,phone,birthday,status\r\n"));
        QVERIFY(f.readLine().startsWith("3,\"column \"\"email\"\": \"\"bob@\"\""));
    }

    void malformedRowFailsAndTheRestIsImported()
    {
        const auto s = import("name,email\n"
                              "Kate Bell,kate@example.com\n"
                              "\"Broken,broken@example.com\n"
                              "Dan Higgins,dan@example.com\n");
        QCOMPARE(s.failed, 1);
        QCOMPARE(s.problems.first().line, 3);
        QVERIFY(s.problems.first().failed);
        QVERIFY(repo().findByEmail(QStringLiteral("dan@example.com")).value() > 0);
        QVERIFY(repo().findByEmail(QStringLiteral("kate@example.com")).value() > 0);
    }

    void valueOfAnotherContactIsAConflict()
    {
        QVERIFY(import("name,email,phone\nKate Bell,kate@example.com,\nDan Higgins,dan@example.com,(415) 555-3695\n").ok());
        const auto s = import("name,email,phone\nKate Bell,kate@example.com,+1 415 555 3695\n");
        QCOMPARE(s.toText(), QStringLiteral("added 0, updated 0, skipped 1, failed 0"));
        QVERIFY2(s.problems.first().reason.contains(QLatin1String("belongs to Dan Higgins")), qPrintable(s.problems.first().reason));
    }

    void dryRunWritesNothing()
    {
        QVERIFY(import("name,email\nKate Bell,kate@example.com\n").ok());
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        const auto s = import("name,email\nKate Bellamy,kate@example.com\nDan,dan@example.com\nX,bad@\n",
                              ImportPolicy::CreateAndUpdate, true);
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 1, skipped 1, failed 0"));
        QVERIFY(s.dryRun);
        QCOMPARE(s.runId, 0);
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before);
    }

    void dryRunListsProbableDuplicatesOfNewRows()
    {
        QVERIFY(import("name,email,company\nJonathan Smith,jon.smith@gmail.com,Acme\n").ok());
        const qint64 jon = idByEmail(QStringLiteral("jon.smith@gmail.com"));
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        const auto s = import("name,email,company\n"
                              "Kate Bell,kate@example.com,Bell & Co\n"
                              "Jon Smith,jonsmith+crm@gmail.com,Acme\n"
                              "Katie Bell,kate.bell@example.com,Bell & Co\n",
                              ImportPolicy::CreateAndUpdate, true);
        QCOMPARE(s.toText(), QStringLiteral("added 3, updated 0, skipped 0, failed 0"));
        QCOMPARE(s.duplicateRowsChecked, 3);
        QCOMPARE(s.probableDuplicates.size(), 1);
        const ImportDuplicate& d = s.probableDuplicates.first();
        QCOMPARE(d.line, 3);
        QCOMPARE(d.name, QStringLiteral("Jon Smith"));
        QCOMPARE(d.existingId, jon);
        QCOMPARE(d.existingName, QStringLiteral("Jonathan Smith"));
        QVERIFY2(d.evidence.contains(QStringLiteral("same mailbox")), qPrintable(d.evidence));
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before); // still a dry run
        // A real import does not spend time on it.
        QVERIFY(import("name,email\nJon Smith,jonsmith+crm@gmail.com\n").probableDuplicates.isEmpty());
    }

    void revertWaitsForAMergeOfItsContactsToBeUndone()
    {
        const auto s = import("name,email\nJonathan Smith,jon.smith@gmail.com\nJon Smith,jonsmith@gmail.com\n");
        QVERIFY(s.ok());
        ContactMerger merger(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
        MergeRequest request;
        request.survivorId = idByEmail(QStringLiteral("jon.smith@gmail.com"));
        request.mergedIds = {idByEmail(QStringLiteral("jonsmith@gmail.com"))};
        auto mergeId = merger.merge(request);
        QVERIFY(mergeId);
        const Status refused = ImportJob::revert(m_temp->db().connection(), s.runId);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("merge #%1").arg(*mergeId)),
                 qPrintable(refused.error().message));
        QVERIFY(merger.undo(*mergeId));
        QVERIFY(ImportJob::revert(m_temp->db().connection(), s.runId));
        QCOMPARE(repo().stats()->contacts, 0);
    }

    void cancelLeavesDatabaseAsItWas()
    {
        QByteArray csv("name,email\n");
        for (int i = 0; i < 3000; ++i)
            csv += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@example.com\n";
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = writeFile(csv);
        int calls = 0;
        const auto s = ImportJob::importFile(m_temp->db().connection(), request, [&calls](qint64, qint64) {
            return ++calls < 3; // cancel after ~500 rows were written
        });
        QVERIFY(s.cancelled);
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before);
    }

    void backgroundRunWithProgressAndCancel()
    {
        QByteArray csv("name,email,phone\n");
        for (int i = 0; i < 2000; ++i)
            csv += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@example.com,\n";
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = writeFile(csv);
        request.extraTags = {QStringLiteral("trade show 2026")};
        QFutureWatcher<ImportSummary> watcher;
        QSignalSpy progress(&watcher, &QFutureWatcher<ImportSummary>::progressValueChanged);
        QSignalSpy finished(&watcher, &QFutureWatcher<ImportSummary>::finished);
        watcher.setFuture(QtConcurrent::run(&ImportJob::run, request));
        QVERIFY(finished.wait(30000));
        const ImportSummary s = watcher.result();
        QCOMPARE(s.toText(), QStringLiteral("added 2000, updated 0, skipped 0, failed 0"));
        QVERIFY(progress.count() > 0);
        QCOMPARE(repo().stats()->contacts, 2000);
        QCOMPARE(repo().allTags()->first().contactCount, 2000);

        // Cancel a second run at once: nothing of it lands.
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        QByteArray more("name,email\n");
        for (int i = 0; i < 5000; ++i)
            more += "Other " + QByteArray::number(i) + ",o" + QByteArray::number(i) + "@example.com\n";
        request.filePath = writeFile(more);
        QFutureWatcher<ImportSummary> second;
        QSignalSpy done(&second, &QFutureWatcher<ImportSummary>::finished);
        second.setFuture(QtConcurrent::run(&ImportJob::run, request));
        second.cancel();
        QVERIFY(done.count() > 0 || done.wait(30000));
        second.waitForFinished();
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before);
    }

    void revertTakesTheRunBackExactly()
    {
        QVERIFY(import("name,email,phone,tags,job_title\n"
                       "Kate Bell,kate@example.com,,vip,Buyer\n"
                       "Dan Higgins,dan@example.com,(415) 555-3695,,\n")
                    .ok());
        QVERIFY(repo().addNote(idByEmail(QStringLiteral("kate@example.com")), QStringLiteral("me"), QStringLiteral("hi")).ok());
        const QString before = userData();
        const auto s = import("name,email,phone,tags,job_title,notes\n"
                              "Katherine Bell,kate@example.com,+1 212 555 0100,\"newsletter, vip\",Head Buyer,Met in Berlin\n"
                              "Zoe New,zoe@example.com,,newsletter,,\n"
                              "Dan Higgins,dan.private@example.org,+1 415 555 3695,,Engineer,\n");
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 2, skipped 0, failed 0"));
        QVERIFY(userData() != before);
        QVERIFY(ImportJob::revert(m_temp->db().connection(), s.runId).ok());
        QCOMPARE(userData(), before);
        auto again = ImportJob::revert(m_temp->db().connection(), s.runId);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QLatin1String("already reverted")));
        auto runs = ImportJob::history(m_temp->db().connection());
        QCOMPARE(runs->size(), 2);
        QVERIFY(runs->first().revertedAt > 0);
        QCOMPARE(runs->first().updated, 2);
    }

    void revertRefusesWhenALaterImportChangedTheSameContacts()
    {
        const auto first = import("name,email\nKate Bell,kate@example.com\n");
        const auto second = import("name,email,job_title\nKate Bell,kate@example.com,Buyer\n");
        QCOMPARE(second.updated, 1);
        auto refused = ImportJob::revert(m_temp->db().connection(), first.runId);
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("import #%1").arg(second.runId)));
        QVERIFY(ImportJob::revert(m_temp->db().connection(), second.runId).ok());
        QVERIFY(ImportJob::revert(m_temp->db().connection(), first.runId).ok());
        QCOMPARE(repo().stats()->contacts, 0);
    }

    void googleContactsExport()
    {
        const auto s = import("Name,Given Name,Family Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
                              "Phone 1 - Value,Organization Name,Organization Title,Labels\n"
                              "Kate Bell,Kate,Bell,* Work,kate@example.com ::: kate.b@home.example,Mobile,"
                              "(415) 555-3695,ACME,Buyer,* myContacts ::: Customers\n");
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 0, skipped 0, failed 0"));
        auto k = repo().load(idByEmail(QStringLiteral("kate@example.com")));
        QCOMPARE(k->emails.size(), 2);
        QCOMPARE(k->emails.first().label, QStringLiteral("work"));
        QCOMPARE(k->phones.first().label, QStringLiteral("mobile"));
        QCOMPARE(k->company, QStringLiteral("ACME"));
        QCOMPARE(k->tags, QStringList{QStringLiteral("Customers")});
    }

    void outlookExport()
    {
        const auto s = import("First Name,Middle Name,Last Name,E-mail Address,E-mail 2 Address,Business Phone,"
                              "Mobile Phone,Company,Job Title,Business City\r\n"
                              "Daniel,,Higgins,dan@example.com,dan@home.example,(408) 555-3514,(415) 555-0198,"
                              "Globex,CTO,San Jose\r\n");
        QCOMPARE(s.toText(), QStringLiteral("added 1, updated 0, skipped 0, failed 0"));
        auto d = repo().load(idByEmail(QStringLiteral("dan@example.com")));
        QCOMPARE(d->emails.size(), 2);
        QCOMPARE(d->phones.size(), 2);
        QCOMPARE(d->city, QStringLiteral("San Jose"));
        QCOMPARE(d->jobTitle, QStringLiteral("CTO"));
    }

    void linkedinConnectionsWithNotesAboveTheHeader()
    {
        const auto s = import("Notes:\n"
                              "\"When exporting your connection data, you may notice that some of the email addresses "
                              "are missing.\"\n"
                              "\n"
                              "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                              "Anna,Haro,https://www.linkedin.com/in/annaharo,anna@example.com,Initech,Analyst,"
                              "12 Mar 2024\n"
                              "Mo,Salah,https://www.linkedin.com/in/mo,,Acme,Engineer,1 Jan 2024\n");
        QCOMPARE(s.header.first(), QStringLiteral("First Name"));
        QCOMPARE(s.added, 1);
        QCOMPARE(s.skipped, 1); // LinkedIn hides most emails: no way to reach Mo
        QCOMPARE(s.problems.first().line, 6);
        QCOMPARE(repo().load(idByEmail(QStringLiteral("anna@example.com")))->jobTitle, QStringLiteral("Analyst"));
    }

    void windows1252File()
    {
        QByteArray csv("name;email\n");
        csv += "Jos\xe9 M\xfcller;jose@example.com\n"; // Windows-1252 bytes, semicolon-separated
        const auto s = import(csv);
        QCOMPARE(s.encoding, QStringLiteral("Windows-1252"));
        QCOMPARE(s.delimiter, QLatin1Char(';'));
        QCOMPARE(s.added, 1);
        QCOMPARE(repo().load(idByEmail(QStringLiteral("jose@example.com")))->displayName(), QStringLiteral("José Müller"));
    }

    void customFieldColumns()
    {
        // An explicit mapping turns "Shoe size" into a new custom field.
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = writeFile("name,email,Shoe size\nKate Bell,kate@example.com,38\n");
        ColumnMapping mapping = ColumnMapping::suggest({QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("Shoe size")});
        mapping.setTarget(2, ColumnTarget::fromName(QStringLiteral("custom:shoe_size")));
        request.mapping = mapping;
        const auto first = ImportJob::importFile(m_temp->db().connection(), request);
        QCOMPARE(first.added, 1);
        const qint64 kate = idByEmail(QStringLiteral("kate@example.com"));
        QCOMPARE(repo().load(kate)->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("38"));
        QCOMPARE(repo().customFieldLabels()->value(QStringLiteral("shoe_size")), QStringLiteral("Shoe size"));
        // The next file's column of that key is recognised without a mapping (seeds: custom-field keys).
        const QString before = userData();
        const auto second = import("email,shoe_size\nkate@example.com,39\n");
        QCOMPARE(second.toText(), QStringLiteral("added 0, updated 1, skipped 0, failed 0"));
        QCOMPARE(repo().load(kate)->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("39"));
        QVERIFY(ImportJob::revert(m_temp->db().connection(), second.runId).ok());
        QCOMPARE(userData(), before);
        QVERIFY(ImportJob::revert(m_temp->db().connection(), first.runId).ok());
        QVERIFY(repo().customFieldLabels()->isEmpty()); // the field the first run created is gone too
    }

    void noEmailOrPhoneColumnIsRefused()
    {
        const auto s = import("first,last\nKate,Bell\n");
        QVERIFY(s.error);
        QVERIFY(s.error->message.contains(QLatin1String("no column is mapped to an email or a phone")));
        const auto empty = import("");
        QVERIFY(empty.error);
        QCOMPARE(repo().stats()->contacts, 0);
        ImportRequest request;
        request.filePath = m_temp->dir() + QStringLiteral("/missing.csv");
        const auto missing = ImportJob::importFile(m_temp->db().connection(), request);
        QVERIFY(missing.error);
        QVERIFY(missing.error->toString().contains(QLatin1String("missing.csv")));
    }
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "TestImportJob.moc"
