#include "TestSupport.h"
#include "io/DemoData.h"
#include "store/ContactRepository.h"

#include <QFile>
#include <QTest>

using namespace ContactDesk;

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsTheStore()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        int lastProgress = -1;
        auto summary = DemoData::fill(temp.db().connection(), PhoneNormalizer(QStringLiteral("US")), 1500, 3,
                                      [&lastProgress](int done, int) {
                                          lastProgress = done;
                                          return true;
                                      });
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        QCOMPARE(lastProgress, 1500);
        ContactRepository repo(temp.db().connection(), PhoneNormalizer(QStringLiteral("US")));
        auto stats = repo.stats();
        QCOMPARE(stats->contacts, qint64(summary->added));
        QVERIFY(summary->added >= 1450); // near-duplicates sharing an email with their original are skipped
        QVERIFY(stats->tags > 5);
        QCOMPARE(stats->notes, qint64(summary->notes));
        QVERIFY(summary->notes > 0);
        // Realistic names: some are not ASCII.
        auto rows = repo.list(1500);
        int nonAscii = 0;
        for (const auto& r : *rows)
            for (QChar ch : r.displayName)
                if (ch.unicode() > 127) {
                    ++nonAscii;
                    break;
                }
        QVERIFY2(nonAscii > 30, qPrintable(QString::number(nonAscii)));
    }

    void cancelLeavesDatabaseAsItWas()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        const QString before = Test::dumpDatabase(temp.db().connection());
        auto summary = DemoData::fill(temp.db().connection(), PhoneNormalizer(QStringLiteral("US")), 3000, 3,
                                      [](int done, int) { return done < 2000; });
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().code, Error::Code::Cancelled);
        QCOMPARE(Test::dumpDatabase(temp.db().connection()), before);
    }

    void writesCsv()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.csv"));
        QVERIFY(DemoData::writeCsv(path, 50, 1).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readLine(), QByteArray("first_name,last_name,email,phone,company,job_title,city,source,tags,notes\r\n"));
        QVERIFY(!DemoData::writeCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")), 5, 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "TestDemoData.moc"
