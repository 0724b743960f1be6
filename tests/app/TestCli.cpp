// Runs the real contactdesk-cli binary against a real database file, as a script would.

#include "TestSupport.h"
#include "store/ContactRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run cli(QStringList args, bool withDatabase = true)
    {
        if (withDatabase)
            args = QStringList{QStringLiteral("--database"), m_db} + args;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("CONTACTDESK_CLI"), args);
        if (!p.waitForFinished(60000))
            return {};
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    static QJsonDocument json(const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("CONTACTDESK_CLI")), "CONTACTDESK_CLI not set"); }

    void init() { m_db = m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))); }

    void helpAndVersion()
    {
        Run help = cli({QStringLiteral("--help")}, false);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("generate-demo N OUT.csv")));
        QVERIFY(help.out.contains(QLatin1String("--database PATH")));
        Run version = cli({QStringLiteral("--version")}, false);
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("contactdesk-cli 0.")));
    }

    void addShowListStats()
    {
        Run add = cli({QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("José"),
                       QStringLiteral("--last-name"), QStringLiteral("Müller"), QStringLiteral("--email"),
                       QStringLiteral("jose@example.com"), QStringLiteral("--phone"), QStringLiteral("(415) 555-3695"),
                       QStringLiteral("--company"), QStringLiteral("ACME"), QStringLiteral("--tag"),
                       QStringLiteral("vip,trade show"), QStringLiteral("--json")});
        QCOMPARE(add.exitCode, 0);
        const qint64 id = json(add).object().value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);

        Run show = cli({QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject c = json(show).object();
        QCOMPARE(c.value(QStringLiteral("display_name")).toString(), QStringLiteral("José Müller"));
        QCOMPARE(c.value(QStringLiteral("company")).toString(), QStringLiteral("ACME"));
        QCOMPARE(c.value(QStringLiteral("phones")).toArray().first().toObject().value(QStringLiteral("e164")).toString(),
                 QStringLiteral("+14155553695"));
        QCOMPARE(c.value(QStringLiteral("tags")).toArray().size(), 2);
        Run text = cli({QStringLiteral("show"), QString::number(id)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("José Müller")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("[+14155553695]")));

        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Kate"),
                      QStringLiteral("--email"), QStringLiteral("kate@example.com")})
                     .exitCode,
                 0);
        Run list = cli({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = json(list).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("display_name")).toString(), QStringLiteral("Kate"));
        Run limited = cli({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(limited.out.count(QLatin1Char('\n')), 1);

        Run stats = cli({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(json(stats).object().value(QStringLiteral("contacts")).toInt(), 2);
        QCOMPARE(json(stats).object().value(QStringLiteral("tags")).toInt(), 2);
        QCOMPARE(json(stats).object().value(QStringLiteral("notes")).toInt(), 0);
        Run plain = cli({QStringLiteral("stats")});
        QVERIFY(plain.out.contains(QLatin1String("contacts: 2")));
    }

    void regionOption()
    {
        Run add = cli({QStringLiteral("--region"), QStringLiteral("DE"), QStringLiteral("add"),
                       QStringLiteral("--phone"), QStringLiteral("030 123456"), QStringLiteral("--json")});
        QCOMPARE(add.exitCode, 0);
        const qint64 id = json(add).object().value(QStringLiteral("id")).toInteger();
        Run show = cli({QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
        QCOMPARE(json(show).object().value(QStringLiteral("phones")).toArray().first().toObject().value(
                     QStringLiteral("e164")).toString(),
                 QStringLiteral("+4930123456"));
        Run bad = cli({QStringLiteral("--region"), QStringLiteral("XX"), QStringLiteral("stats")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QLatin1String("\"XX\" is not a phone region")));
    }

    void badInputGivesOneLineAndNonZeroExit_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("no command") << QStringList{} << 2 << "no command given";
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << "unknown command";
        QTest::addRow("unknown option") << QStringList{QStringLiteral("--frob"), QStringLiteral("stats")} << 2
                                        << "Unknown option";
        QTest::addRow("no email or phone") << QStringList{QStringLiteral("add"), QStringLiteral("--first-name"),
                                                          QStringLiteral("X")}
                                           << 1 << "at least one email address or phone number";
        QTest::addRow("bad email") << QStringList{QStringLiteral("add"), QStringLiteral("--email"), QStringLiteral("bob@")}
                                   << 1 << "\"bob@\" is not an email address";
        QTest::addRow("bad id") << QStringList{QStringLiteral("show"), QStringLiteral("abc")} << 2
                                << "\"abc\" is not a contact id";
        QTest::addRow("missing contact") << QStringList{QStringLiteral("show"), QStringLiteral("999")} << 1
                                         << "contact #999 does not exist";
        QTest::addRow("bad limit") << QStringList{QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("x")}
                                   << 2 << "--limit needs a number";
        QTest::addRow("generate-demo args") << QStringList{QStringLiteral("generate-demo"), QStringLiteral("10")} << 2
                                            << "generate-demo needs a count and an output file";
    }

    void badInputGivesOneLineAndNonZeroExit()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.startsWith(QLatin1String("contactdesk-cli: ")));
    }

    void duplicatesAreRefused()
    {
        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Kate"),
                      QStringLiteral("--last-name"), QStringLiteral("Bell"), QStringLiteral("--email"),
                      QStringLiteral("kate@example.com"), QStringLiteral("--phone"), QStringLiteral("(415) 555-3695")})
                     .exitCode,
                 0);
        Run email = cli({QStringLiteral("add"), QStringLiteral("--email"), QStringLiteral("KATE@example.com")});
        QCOMPARE(email.exitCode, 1);
        QVERIFY2(email.err.contains(QLatin1String("already belongs to Kate Bell")), qPrintable(email.err));
        Run phone = cli({QStringLiteral("add"), QStringLiteral("--phone"), QStringLiteral("+1 415 555 3695")});
        QCOMPARE(phone.exitCode, 1);
        QVERIFY(phone.err.contains(QLatin1String("Phone")));
    }

    void newerDatabaseIsRefused()
    {
        {
            Test::TempDatabase temp;
            QVERIFY(temp.isOpen());
        }
        QVERIFY(cli({QStringLiteral("stats")}).exitCode == 0);
        {
            auto db = Database::open(m_db);
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 77")));
        }
        Run r = cli({QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("newer version of ContactDesk")), qPrintable(r.err));
    }

    void generateDemo()
    {
        const QString a = m_dir.filePath(QStringLiteral("a.csv"));
        const QString b = m_dir.filePath(QStringLiteral("b.csv"));
        const QString c = m_dir.filePath(QStringLiteral("c.csv"));
        QCOMPARE(cli({QStringLiteral("generate-demo"), QStringLiteral("300"), a, QStringLiteral("--seed"),
                      QStringLiteral("7")},
                     false)
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("generate-demo"), QStringLiteral("300"), b, QStringLiteral("--seed"),
                      QStringLiteral("7")},
                     false)
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("generate-demo"), QStringLiteral("300"), c, QStringLiteral("--seed"),
                      QStringLiteral("8")},
                     false)
                     .exitCode,
                 0);
        QFile fa(a), fb(b), fc(c);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly) && fc.open(QIODevice::ReadOnly));
        const QByteArray da = fa.readAll();
        QCOMPARE(da, fb.readAll());
        QVERIFY(da != fc.readAll());
        QVERIFY(da.startsWith("first_name,last_name,email,phone,company,job_title,city,source,tags,notes\r\n"));
        QVERIFY(da.count("\r\n") >= 301);
        Run bad = cli({QStringLiteral("generate-demo"), QStringLiteral("10"), m_dir.filePath(QStringLiteral("no/such/dir/x.csv"))},
                      false);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(QLatin1String("no/such/dir/x.csv")));
    }

    void importExportHistoryAndRevert()
    {
        const QString csv = m_dir.filePath(QStringLiteral("fair.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("name,email,phone,tags\n"
                    "Kate Bell,kate@example.com,(415) 555-3695,\"vip, fair\"\n"
                    "Dan Higgins,dan@example.com,,\n"
                    "Bad Row,bob@,,\n");
        }
        Run dry = cli({QStringLiteral("import"), csv, QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.startsWith(QLatin1String("added 2, updated 0, skipped 1, failed 0")), qPrintable(dry.out));
        QCOMPARE(json(cli({QStringLiteral("stats"), QStringLiteral("--json")})).object().value(QStringLiteral("contacts")).toInt(), 0);

        Run run = cli({QStringLiteral("import"), csv, QStringLiteral("--tag"), QStringLiteral("trade show"),
                       QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = json(run).object();
        QCOMPARE(summary.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("skipped")).toInt(), 1);
        const QJsonObject problem = summary.value(QStringLiteral("problems")).toArray().first().toObject();
        QCOMPARE(problem.value(QStringLiteral("line")).toInt(), 4);
        QVERIFY(problem.value(QStringLiteral("reason")).toString().contains(QLatin1String("bob@")));
        const qint64 runId = summary.value(QStringLiteral("run_id")).toInteger();

        // Update only, with a saved mapping file in the seeds' shape.
        const QString update = m_dir.filePath(QStringLiteral("update.csv"));
        const QString map = m_dir.filePath(QStringLiteral("map.json"));
        {
            QFile f(update);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Mail;Role\nkate@example.com;Buyer\nzoe@example.com;CEO\n");
            QFile m(map);
            QVERIFY(m.open(QIODevice::WriteOnly));
            m.write(R"({"mappings": {"Mail": {"attribute_type": "email"}, "Role": {"attribute_type": "job_title"}}})");
        }
        Run upd = cli({QStringLiteral("import"), update, QStringLiteral("--mapping"), map, QStringLiteral("--policy"),
                       QStringLiteral("update"), QStringLiteral("--delimiter"), QStringLiteral(";")});
        QCOMPARE(upd.exitCode, 0);
        QVERIFY2(upd.out.startsWith(QLatin1String("added 0, updated 1, skipped 1, failed 0")), qPrintable(upd.out));

        Run history = cli({QStringLiteral("imports"), QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(json(history).array().size(), 2);

        const QString out = m_dir.filePath(QStringLiteral("out.csv"));
        Run exported = cli({QStringLiteral("export"), out, QStringLiteral("--tag"), QStringLiteral("vip")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains(QLatin1String("Exported 1 contacts")));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.startsWith("first_name,last_name,email,phone,company"));
        QVERIFY(data.contains("kate@example.com"));
        QVERIFY(!data.contains("dan@example.com"));

        // The newer run changed Kate: the first cannot be reverted before it.
        Run refused = cli({QStringLiteral("revert-import"), QString::number(runId)});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QLatin1String("revert it first")));
        QCOMPARE(cli({QStringLiteral("revert-import"), QString::number(runId + 1)}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("revert-import"), QString::number(runId)}).exitCode, 0);
        QCOMPARE(json(cli({QStringLiteral("stats"), QStringLiteral("--json")})).object().value(QStringLiteral("contacts")).toInt(), 0);
    }

    void killedImportLeavesTheDatabaseAsItWas()
    {
        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("--first-name"), QStringLiteral("Kate"),
                      QStringLiteral("--email"), QStringLiteral("kate@example.com")})
                     .exitCode,
                 0);
        QString before;
        {
            auto db = Database::open(m_db);
            QVERIFY(db.ok());
            before = Test::dumpDatabase(db.value()->connection());
        }
        const QString big = m_dir.filePath(QStringLiteral("big.csv"));
        QCOMPARE(cli({QStringLiteral("generate-demo"), QStringLiteral("60000"), big}, false).exitCode, 0);
        QProcess p;
        p.start(qEnvironmentVariable("CONTACTDESK_CLI"),
                {QStringLiteral("--database"), m_db, QStringLiteral("import"), big});
        QVERIFY(p.waitForStarted());
        QTest::qWait(1500); // well inside the import: thousands of rows written, not committed
        QCOMPARE(p.state(), QProcess::Running);
        p.kill();
        QVERIFY(p.waitForFinished());
        auto db = Database::open(m_db);
        QVERIFY2(db.ok(), qPrintable(db.error().toString()));
        QCOMPARE(Test::dumpDatabase(db.value()->connection()), before);
    }

    void importErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing file") << QStringList{QStringLiteral("import"), QStringLiteral("/no/such.csv")} << 1
                                      << "/no/such.csv";
        QTest::addRow("bad policy") << QStringList{QStringLiteral("import"), QStringLiteral("x.csv"),
                                                   QStringLiteral("--policy"), QStringLiteral("merge")}
                                    << 2 << "--policy must be";
        QTest::addRow("bad encoding") << QStringList{QStringLiteral("import"), QStringLiteral("x.csv"),
                                                     QStringLiteral("--encoding"), QStringLiteral("EBCDIC")}
                                      << 2 << "--encoding must be one of";
        QTest::addRow("bad revert id") << QStringList{QStringLiteral("revert-import"), QStringLiteral("42")} << 1
                                       << "there is no import #42";
    }

    void importErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
