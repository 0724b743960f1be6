// Runs the real contactdesk-cli binary against a real database file, as a script would.

#include "TestSupport.h"
#include "store/ContactRepository.h"
#include "store/Database.h"

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

    // Two pairs of duplicates with external ids, and a stranger; written before the CLI runs.
    QList<qint64> seedDuplicates()
    {
        QList<qint64> ids;
        auto db = Database::open(m_db);
        if (!db)
            return ids;
        ContactRepository repo(db.value()->connection(), PhoneNormalizer(QStringLiteral("US")));
        auto add = [&](const QString& first, const QString& last, const QString& email, const QString& externalId) {
            Contact c = Test::makeContact(first, last, email);
            c.externalId = externalId;
            auto id = repo.create(c);
            ids.append(id ? *id : 0);
        };
        add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("p.novak@gmail.com"), QStringLiteral("ERP-1"));
        add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("pnovak@gmail.com"), QStringLiteral("ERP-2"));
        add(QStringLiteral("Ana"), QStringLiteral("Ferreira"), QStringLiteral("ana.ferreira@gmail.com"), QString());
        add(QStringLiteral("Ana"), QStringLiteral("Ferreira"), QStringLiteral("anaferreira+x@googlemail.com"), QString());
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@bell.com"), QString());
        return ids;
    }

    // Ada (vip, customer; owner kim; plan=gold), Bob (vip), Cy (customer, status archived).
    QList<qint64> seedTagged()
    {
        QList<qint64> ids;
        auto db = Database::open(m_db);
        if (!db)
            return ids;
        ContactRepository repo(db.value()->connection(), PhoneNormalizer(QStringLiteral("US")));
        for (const QString& first : {QStringLiteral("Ada"), QStringLiteral("Bob"), QStringLiteral("Cy")}) {
            auto id = repo.create(Test::makeContact(first, first + QStringLiteral("son"), first.toLower() + QStringLiteral("@x.org")));
            ids.append(id ? *id : 0);
        }
        for (const Status& s : {repo.addTags({ids[0], ids[1]}, {QStringLiteral("VIP")}),
                                repo.addTags({ids[0], ids[2]}, {QStringLiteral("customer")}),
                                repo.updateField(ids[0], ContactField::Owner, QStringLiteral("kim")),
                                repo.updateField(ids[2], ContactField::ContactStatus, QStringLiteral("archived")),
                                repo.setCustomValue(ids[0], QStringLiteral("plan"), QStringLiteral("gold"))}) {
            if (!s) {
                qWarning("%s", qPrintable(s.error().toString()));
                ids.clear();
            }
        }
        return ids;
    }

    QStringList names(const Run& r)
    {
        QStringList out;
        for (const QJsonValue& v : json(r).array())
            out.append(v.toObject().value(QStringLiteral("display_name")).toString());
        return out;
    }

    Run listWith(QStringList args)
    {
        return cli(QStringList{QStringLiteral("list"), QStringLiteral("--json")} + args);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("CONTACTDESK_CLI")), "CONTACTDESK_CLI not set"); }

    void init()
    {
        // Rows of a data-driven test get a database each.
        m_db = m_dir.filePath(QStringLiteral("cli-%1-%2.sqlite")
                                  .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                       QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    }

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

    void duplicatesMergeAndUndo()
    {
        const QList<qint64> id = seedDuplicates();
        QCOMPARE(id.size(), 5);
        QVERIFY(!id.contains(0));
        auto idArg = [&id](int i) { return QString::number(id.at(i)); };

        Run dup = cli({QStringLiteral("duplicates"), QStringLiteral("--json")});
        QCOMPARE(dup.exitCode, 0);
        QJsonArray clusters = json(dup).array();
        QCOMPARE(clusters.size(), 2);
        QJsonObject novak;
        for (const QJsonValue& v : std::as_const(clusters))
            if (v.toObject().value(QStringLiteral("contact_ids")).toArray().contains(id.at(0)))
                novak = v.toObject();
        QCOMPARE(novak.value(QStringLiteral("contact_ids")).toArray(), (QJsonArray{id.at(0), id.at(1)}));
        QCOMPARE(novak.value(QStringLiteral("external_ids")).toArray(),
                 (QJsonArray{QStringLiteral("ERP-1"), QStringLiteral("ERP-2")}));
        QCOMPARE(novak.value(QStringLiteral("names")).toArray(),
                 (QJsonArray{QStringLiteral("Peter Novak"), QStringLiteral("Peter Novak")}));
        QVERIFY(novak.value(QStringLiteral("score")).toDouble() >= 0.8);
        QVERIFY(novak.value(QStringLiteral("score")).toDouble() <= 1.0);
        QVERIFY2(novak.value(QStringLiteral("evidence")).toString().contains(QLatin1String("same mailbox pnovak@gmail.com")),
                 qPrintable(novak.value(QStringLiteral("evidence")).toString()));
        QCOMPARE(novak.value(QStringLiteral("pairs")).toArray().size(), 1);
        // Text output: one line per cluster; the counts go to stderr.
        Run text = cli({QStringLiteral("duplicates")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count(QLatin1Char('\n')), 2);
        QVERIFY2(text.out.contains(QStringLiteral("#%1 Peter Novak").arg(id.at(0))), qPrintable(text.out));
        QVERIFY2(text.err.contains(QLatin1String("2 clusters among 5 contacts")), qPrintable(text.err));
        // A threshold above every score finds nothing.
        Run strict = cli({QStringLiteral("duplicates"), QStringLiteral("--min-score"), QStringLiteral("1"),
                          QStringLiteral("--json")});
        QCOMPARE(strict.exitCode, 0);
        QVERIFY(json(strict).array().isEmpty());

        // Not duplicates: the Novaks are not suggested again.
        Run notDup = cli({QStringLiteral("not-duplicates"), idArg(1), idArg(0)});
        QCOMPARE(notDup.exitCode, 0);
        QVERIFY(notDup.out.contains(QLatin1String("Marked 2 contacts as different people")));
        clusters = json(cli({QStringLiteral("duplicates"), QStringLiteral("--json")})).array();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters.first().toObject().value(QStringLiteral("contact_ids")).toArray(), (QJsonArray{id.at(2), id.at(3)}));

        // Merge by hand, see it in the history, undo it.
        Run merge = cli({QStringLiteral("merge"), idArg(2), idArg(3), QStringLiteral("--json")});
        QCOMPARE(merge.exitCode, 0);
        const QJsonObject m = json(merge).object();
        const qint64 mergeId = m.value(QStringLiteral("merge_id")).toInteger();
        QVERIFY(mergeId > 0);
        QCOMPARE(m.value(QStringLiteral("survivor")).toInteger(), id.at(2));
        QCOMPARE(m.value(QStringLiteral("merged")).toArray(), QJsonArray{id.at(3)});
        QCOMPARE(cli({QStringLiteral("show"), idArg(3)}).exitCode, 1);
        Run shown = cli({QStringLiteral("show"), idArg(2), QStringLiteral("--json")});
        QCOMPARE(json(shown).object().value(QStringLiteral("emails")).toArray().size(), 2);
        Run merges = cli({QStringLiteral("merges"), QStringLiteral("--json")});
        QCOMPARE(merges.exitCode, 0);
        QJsonArray history = json(merges).array();
        QCOMPARE(history.size(), 1);
        const QJsonObject h = history.first().toObject();
        QCOMPARE(h.value(QStringLiteral("id")).toInteger(), mergeId);
        QCOMPARE(h.value(QStringLiteral("survivor")).toInteger(), id.at(2));
        QCOMPARE(h.value(QStringLiteral("survivor_name")).toString(), QStringLiteral("Ana Ferreira"));
        QCOMPARE(h.value(QStringLiteral("merged")).toArray(), QJsonArray{id.at(3)});
        QCOMPARE(h.value(QStringLiteral("merged_names")).toArray(), QJsonArray{QStringLiteral("Ana Ferreira")});
        QVERIFY(h.value(QStringLiteral("batch_id")).isNull());
        QVERIFY(!h.value(QStringLiteral("created_at")).toString().isEmpty());
        Run plainHistory = cli({QStringLiteral("merges")});
        QVERIFY2(plainHistory.out.contains(QStringLiteral("#%1").arg(mergeId)), qPrintable(plainHistory.out));
        Run undo = cli({QStringLiteral("undo-merge"), QString::number(mergeId)});
        QCOMPARE(undo.exitCode, 0);
        QVERIFY(undo.out.contains(QStringLiteral("Undid merge #%1").arg(mergeId)));
        QCOMPARE(cli({QStringLiteral("show"), idArg(3)}).exitCode, 0);
        QVERIFY(json(cli({QStringLiteral("merges"), QStringLiteral("--json")})).array().isEmpty());
        Run undoAgain = cli({QStringLiteral("undo-merge"), QString::number(mergeId)});
        QCOMPARE(undoAgain.exitCode, 1);
        QVERIFY2(undoAgain.err.contains(QStringLiteral("there is no merge #%1").arg(mergeId)), qPrintable(undoAgain.err));

        // Bulk merge: the Ana pair only (the Novaks are marked), undone as a whole.
        Run all = cli({QStringLiteral("merge-all"), QStringLiteral("--min-score"), QStringLiteral("0.8"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        const QJsonObject bulk = json(all).object();
        const qint64 batch = bulk.value(QStringLiteral("batch_id")).toInteger();
        QVERIFY(batch > 0);
        QCOMPARE(bulk.value(QStringLiteral("clusters_merged")).toInt(), 1);
        QCOMPARE(bulk.value(QStringLiteral("contacts_removed")).toInt(), 1);
        QCOMPARE(bulk.value(QStringLiteral("skipped")).toInt(), 0);
        QCOMPARE(cli({QStringLiteral("show"), idArg(3)}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("show"), idArg(1)}).exitCode, 0);
        history = json(cli({QStringLiteral("merges"), QStringLiteral("--json")})).array();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().toObject().value(QStringLiteral("batch_id")).toInteger(), batch);
        Run undoBatch = cli({QStringLiteral("undo-merge"), QStringLiteral("--batch"), QString::number(batch)});
        QCOMPARE(undoBatch.exitCode, 0);
        QVERIFY(undoBatch.out.contains(QStringLiteral("Undid bulk merge #%1").arg(batch)));
        QCOMPARE(cli({QStringLiteral("show"), idArg(3)}).exitCode, 0);
        QVERIFY(json(cli({QStringLiteral("merges"), QStringLiteral("--json")})).array().isEmpty());
        QCOMPARE(json(cli({QStringLiteral("stats"), QStringLiteral("--json")})).object().value(QStringLiteral("contacts")).toInt(), 5);
    }

    void dedupeErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString one = QStringLiteral("1"), two = QStringLiteral("2");
        QTest::addRow("merge one id") << QStringList{QStringLiteral("merge"), one} << 2 << "merge needs the surviving contact";
        QTest::addRow("merge bad id") << QStringList{QStringLiteral("merge"), QStringLiteral("abc"), two} << 2
                                      << "\"abc\" is not a contact id";
        QTest::addRow("merge zero id") << QStringList{QStringLiteral("merge"), one, QStringLiteral("0")} << 2
                                       << "\"0\" is not a contact id";
        QTest::addRow("merge same id") << QStringList{QStringLiteral("merge"), one, one} << 2 << "two different contacts";
        QTest::addRow("merge unknown contact") << QStringList{QStringLiteral("merge"), one, QStringLiteral("999")} << 1
                                               << "999";
        QTest::addRow("merge bad policy") << QStringList{QStringLiteral("merge"), one, two, QStringLiteral("--policy"),
                                                         QStringLiteral("newest")}
                                          << 2 << "is not a merge policy";
        QTest::addRow("merge-all without min-score") << QStringList{QStringLiteral("merge-all")} << 2 << "--min-score";
        QTest::addRow("merge-all bad min-score") << QStringList{QStringLiteral("merge-all"), QStringLiteral("--min-score"),
                                                                QStringLiteral("high")}
                                                 << 2 << "--min-score needs a number from 0 to 1";
        QTest::addRow("duplicates min-score above 1") << QStringList{QStringLiteral("duplicates"),
                                                                     QStringLiteral("--min-score"), QStringLiteral("1.5")}
                                                      << 2 << "--min-score needs a number from 0 to 1";
        QTest::addRow("duplicates bad import run") << QStringList{QStringLiteral("duplicates"), QStringLiteral("--import-run"),
                                                                  QStringLiteral("x")}
                                                   << 2 << "is not an import id";
        QTest::addRow("undo-merge no id") << QStringList{QStringLiteral("undo-merge")} << 2 << "exactly one merge id";
        QTest::addRow("undo-merge bad id") << QStringList{QStringLiteral("undo-merge"), QStringLiteral("x1")} << 2
                                           << "\"x1\" is not a merge id";
        QTest::addRow("undo-merge unknown") << QStringList{QStringLiteral("undo-merge"), QStringLiteral("42")} << 1
                                            << "there is no merge #42";
        QTest::addRow("undo-merge unknown batch") << QStringList{QStringLiteral("undo-merge"), QStringLiteral("--batch"),
                                                                 QStringLiteral("42")}
                                                  << 1 << "there is no bulk merge #42";
        QTest::addRow("not-duplicates one id") << QStringList{QStringLiteral("not-duplicates"), one} << 2
                                               << "two or more contact ids";
        QTest::addRow("not-duplicates bad id") << QStringList{QStringLiteral("not-duplicates"), one, QStringLiteral("zz")}
                                               << 2 << "\"zz\" is not a contact id";
        QTest::addRow("not-duplicates unknown") << QStringList{QStringLiteral("not-duplicates"), one, QStringLiteral("999")}
                                                << 1 << "there is no contact #999";
    }

    void dedupeErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        m_db = m_dir.filePath(QStringLiteral("cli-dedupeErrors-%1.sqlite").arg(QString::fromUtf8(QTest::currentDataTag())));
        const QList<qint64> ids = seedDuplicates();
        QCOMPARE(ids.first(), qint64(1));
        QCOMPARE(ids.at(1), qint64(2));
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        // Nothing was merged or marked.
        QVERIFY(json(cli({QStringLiteral("merges"), QStringLiteral("--json")})).array().isEmpty());
        QCOMPARE(json(cli({QStringLiteral("stats"), QStringLiteral("--json")})).object().value(QStringLiteral("contacts")).toInt(), 5);
    }

    void listFilters_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        const QString ada = QStringLiteral("Ada Adason"), bob = QStringLiteral("Bob Bobson"), cy = QStringLiteral("Cy Cyson");
        QTest::addRow("none") << QStringList{} << QStringList{ada, bob, cy};
        QTest::addRow("tag") << QStringList{QStringLiteral("--tag"), QStringLiteral("vip")} << QStringList{ada, bob};
        QTest::addRow("all-of") << QStringList{QStringLiteral("--tag"), QStringLiteral("vip"), QStringLiteral("--tag"),
                                               QStringLiteral("Customer")}
                                << QStringList{ada};
        QTest::addRow("any-of") << QStringList{QStringLiteral("--any-tag"), QStringLiteral("vip"),
                                               QStringLiteral("--any-tag"), QStringLiteral("customer")}
                                << QStringList{ada, bob, cy};
        QTest::addRow("none-of") << QStringList{QStringLiteral("--not-tag"), QStringLiteral("customer")} << QStringList{bob};
        QTest::addRow("owner") << QStringList{QStringLiteral("--owner"), QStringLiteral("kim")} << QStringList{ada};
        QTest::addRow("status") << QStringList{QStringLiteral("--status"), QStringLiteral("archived")} << QStringList{cy};
        QTest::addRow("source") << QStringList{QStringLiteral("--source"), QStringLiteral("csv")} << QStringList{};
        QTest::addRow("letter") << QStringList{QStringLiteral("--letter"), QStringLiteral("B")} << QStringList{bob};
        QTest::addRow("field") << QStringList{QStringLiteral("--field"), QStringLiteral("plan=gold")} << QStringList{ada};
        QTest::addRow("created after") << QStringList{QStringLiteral("--created-after"), QStringLiteral("2000-01-01")}
                                       << QStringList{ada, bob, cy};
        QTest::addRow("created before") << QStringList{QStringLiteral("--created-before"), QStringLiteral("2000-01-01")}
                                        << QStringList{};
        QTest::addRow("updated after") << QStringList{QStringLiteral("--updated-after"), QStringLiteral("2999-01-01")}
                                       << QStringList{};
        QTest::addRow("search option") << QStringList{QStringLiteral("--search"), QStringLiteral("cy")} << QStringList{cy};
    }

    void listFilters()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        QCOMPARE(seedTagged().size(), 3);
        Run r = listWith(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(names(r), expected);
        Run count = cli(QStringList{QStringLiteral("list"), QStringLiteral("--count")} + args);
        QCOMPARE(count.exitCode, 0);
        QCOMPARE(count.out.trimmed().toInt(), expected.size());
    }

    void searchUsesTheListSearch()
    {
        QCOMPARE(seedTagged().size(), 3);
        Run r = cli({QStringLiteral("search"), QStringLiteral("bob"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(names(r), QStringList{QStringLiteral("Bob Bobson")});
        Run byTag = cli({QStringLiteral("search"), QStringLiteral("custo"), QStringLiteral("--json")});
        QCOMPARE(names(byTag), (QStringList{QStringLiteral("Ada Adason"), QStringLiteral("Cy Cyson")}));
        Run limited = cli({QStringLiteral("search"), QStringLiteral("custo"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(limited.exitCode, 0);
        QCOMPARE(limited.out.count(QLatin1Char('\n')), 1);
        QVERIFY(limited.out.contains(QLatin1String("Ada Adason")));
        Run none = cli({QStringLiteral("search"), QStringLiteral("zzz"), QStringLiteral("--count")});
        QCOMPARE(none.out.trimmed(), QStringLiteral("0"));
    }

    void tagsAddRemoveRenameDelete()
    {
        QCOMPARE(seedTagged().size(), 3);
        Run tags = cli({QStringLiteral("tags"), QStringLiteral("--json")});
        QCOMPARE(tags.exitCode, 0);
        QJsonArray all = json(tags).array();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("VIP"));
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("contacts")).toInt(), 2);
        QCOMPARE(cli({QStringLiteral("tags")}).out, QStringLiteral("customer\t2\nVIP\t2\n"));

        // Add to everyone without customer: only Bob changes (he has no customer tag).
        Run add = cli({QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("prospect"), QStringLiteral("--not-tag"),
                       QStringLiteral("customer")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QCOMPARE(add.out.trimmed(), QStringLiteral("Added \"prospect\" to 1 contact"));
        QCOMPARE(names(listWith({QStringLiteral("--tag"), QStringLiteral("prospect")})), QStringList{QStringLiteral("Bob Bobson")});
        Run again = cli({QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("prospect"), QStringLiteral("--json")});
        QCOMPARE(json(again).object().value(QStringLiteral("changed")).toInt(), 2); // Bob had it

        Run remove = cli({QStringLiteral("tag"), QStringLiteral("remove"), QStringLiteral("prospect"), QStringLiteral("--tag"),
                          QStringLiteral("vip")});
        QCOMPARE(remove.exitCode, 0);
        QCOMPARE(remove.out.trimmed(), QStringLiteral("Removed \"prospect\" from 2 contacts"));
        QCOMPARE(names(listWith({QStringLiteral("--tag"), QStringLiteral("prospect")})), QStringList{QStringLiteral("Cy Cyson")});

        Run rename = cli({QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("prospect"), QStringLiteral("Lead")});
        QCOMPARE(rename.exitCode, 0);
        QCOMPARE(rename.out.trimmed(), QStringLiteral("Renamed \"prospect\" to \"Lead\" (1 contact)"));
        QCOMPARE(names(cli({QStringLiteral("search"), QStringLiteral("lead"), QStringLiteral("--json")})),
                 QStringList{QStringLiteral("Cy Cyson")});

        // Onto an existing tag: merged.
        Run merge = cli({QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("lead"), QStringLiteral("customer")});
        QCOMPARE(merge.exitCode, 0);
        QVERIFY2(merge.out.startsWith(QLatin1String("Merged \"lead\" into \"customer\"")), qPrintable(merge.out));
        QCOMPARE(cli({QStringLiteral("tags")}).out, QStringLiteral("customer\t2\nVIP\t2\n"));

        QCOMPARE(cli({QStringLiteral("tag"), QStringLiteral("color"), QStringLiteral("vip"), QStringLiteral("#FF0000")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("tags")}).out, QStringLiteral("customer\t2\nVIP\t2\t#ff0000\n"));

        Run del = cli({QStringLiteral("tag"), QStringLiteral("delete"), QStringLiteral("VIP")});
        QCOMPARE(del.exitCode, 0);
        QCOMPARE(del.out.trimmed(), QStringLiteral("Deleted \"VIP\" from 2 contacts"));
        QCOMPARE(cli({QStringLiteral("tags")}).out, QStringLiteral("customer\t2\n"));
        QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("vip"), QStringLiteral("--count")}).out.trimmed(),
                 QStringLiteral("0"));
        Run show = cli({QStringLiteral("list"), QStringLiteral("--letter"), QStringLiteral("a")});
        QVERIFY2(show.out.trimmed().endsWith(QLatin1String("\tcustomer")), qPrintable(show.out));
    }

    void listsAndSetField()
    {
        QCOMPARE(seedTagged().size(), 3);
        // A smart list from the filter options: it shows whoever matches, now and later.
        Run smart = cli({QStringLiteral("list-create"), QStringLiteral("VIP people"), QStringLiteral("--tag"),
                         QStringLiteral("vip")});
        QVERIFY2(smart.exitCode == 0, qPrintable(smart.err));
        QVERIFY2(smart.out.startsWith(QLatin1String("Created smart list \"VIP people\"")), qPrintable(smart.out));
        // Static: made by list-add, each contact once.
        Run add = cli({QStringLiteral("list-add"), QStringLiteral("Fair"), QStringLiteral("--any-tag"),
                       QStringLiteral("customer")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QCOMPARE(add.out.trimmed(), QStringLiteral("Added 2 contacts to \"Fair\" (new list)"));
        Run again = cli({QStringLiteral("list-add"), QStringLiteral("fair"), QStringLiteral("--json")});
        QCOMPARE(json(again).object().value(QStringLiteral("changed")).toInt(), 1); // only Bob was not in it
        QCOMPARE(cli({QStringLiteral("lists")}).out,
                 QStringLiteral("1\tVIP people\tsmart\t2\n2\tFair\tstatic\t3\n"));
        Run remove = cli({QStringLiteral("list-remove"), QStringLiteral("Fair"), QStringLiteral("--status"),
                          QStringLiteral("archived")});
        QCOMPARE(remove.out.trimmed(), QStringLiteral("Removed 1 contact from \"Fair\""));
        QCOMPARE(names(listWith({QStringLiteral("--in-list"), QStringLiteral("fair")})),
                 (QStringList{QStringLiteral("Ada Adason"), QStringLiteral("Bob Bobson")}));

        // Set a field on the members of a list, and a custom field on a smart list's filter.
        Run owner = cli({QStringLiteral("set-field"), QStringLiteral("owner"), QStringLiteral("lee"),
                         QStringLiteral("--in-list"), QStringLiteral("Fair")});
        QVERIFY2(owner.exitCode == 0, qPrintable(owner.err));
        QCOMPARE(owner.out.trimmed(), QStringLiteral("Set owner to \"lee\" on 2 contacts"));
        QCOMPARE(names(listWith({QStringLiteral("--owner"), QStringLiteral("lee")})),
                 (QStringList{QStringLiteral("Ada Adason"), QStringLiteral("Bob Bobson")}));
        Run plan = cli({QStringLiteral("set-field"), QStringLiteral("plan"), QStringLiteral("silver"), QStringLiteral("--tag"),
                        QStringLiteral("vip"), QStringLiteral("--json")});
        QCOMPARE(json(plan).object().value(QStringLiteral("changed")).toInt(), 2);
        QCOMPARE(names(listWith({QStringLiteral("--field"), QStringLiteral("plan=silver")})).size(), 2);
        Run status = cli({QStringLiteral("set-field"), QStringLiteral("status"), QStringLiteral("unsubscribed"),
                          QStringLiteral("--search"), QStringLiteral("bob")});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(names(listWith({QStringLiteral("--status"), QStringLiteral("unsubscribed")})),
                 QStringList{QStringLiteral("Bob Bobson")});

        Run lists = cli({QStringLiteral("lists"), QStringLiteral("--json")});
        const QJsonArray all = json(lists).array();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("smart"));
        QCOMPARE(all.at(1).toObject().value(QStringLiteral("contacts")).toInt(), 2);
        QCOMPARE(cli({QStringLiteral("list-delete"), QStringLiteral("FAIR")}).out.trimmed(),
                 QStringLiteral("Deleted list \"Fair\""));
        QCOMPARE(json(cli({QStringLiteral("lists"), QStringLiteral("--json")})).array().size(), 1);
        Run empty = cli({QStringLiteral("list-create"), QStringLiteral("Later"), QStringLiteral("--static")});
        QCOMPARE(empty.out.trimmed(), QStringLiteral("Created static list \"Later\" (#2)"));
    }

    void filterAndTagErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad date") << QStringList{QStringLiteral("list"), QStringLiteral("--created-after"), QStringLiteral("2024-13-01")}
                                  << 2 << "--created-after needs a date like 2024-03-01, not \"2024-13-01\"";
        QTest::addRow("reversed range") << QStringList{QStringLiteral("list"), QStringLiteral("--updated-after"),
                                                       QStringLiteral("2024-02-01"), QStringLiteral("--updated-before"),
                                                       QStringLiteral("2024-01-01")}
                                        << 2 << "--updated-after must come before --updated-before";
        QTest::addRow("unknown filter tag") << QStringList{QStringLiteral("list"), QStringLiteral("--not-tag"), QStringLiteral("nope")}
                                            << 1 << "there is no tag \"nope\"";
        QTest::addRow("bad source") << QStringList{QStringLiteral("list"), QStringLiteral("--source"), QStringLiteral("fax")}
                                    << 2 << "--source must be one of";
        QTest::addRow("bad letter") << QStringList{QStringLiteral("list"), QStringLiteral("--letter"), QStringLiteral("ab")}
                                    << 2 << "--letter needs one letter";
        QTest::addRow("bad field") << QStringList{QStringLiteral("list"), QStringLiteral("--field"), QStringLiteral("plan")}
                                   << 2 << "--field needs KEY=VALUE";
        QTest::addRow("unknown field") << QStringList{QStringLiteral("list"), QStringLiteral("--field"), QStringLiteral("size=9")}
                                       << 1 << "there is no custom field \"size\"";
        QTest::addRow("search without text") << QStringList{QStringLiteral("search")} << 2 << "search needs some text";
        QTest::addRow("tags with argument") << QStringList{QStringLiteral("tags"), QStringLiteral("x")} << 2
                                            << "tags takes no arguments";
        QTest::addRow("tag without verb") << QStringList{QStringLiteral("tag")} << 2 << "tag needs add, remove, rename";
        QTest::addRow("tag add without tag") << QStringList{QStringLiteral("tag"), QStringLiteral("add")} << 2
                                             << "tag add needs one tag";
        QTest::addRow("remove unknown tag") << QStringList{QStringLiteral("tag"), QStringLiteral("remove"), QStringLiteral("nope")}
                                            << 1 << "there is no tag \"nope\"";
        QTest::addRow("rename unknown tag") << QStringList{QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("nope"),
                                                           QStringLiteral("x")}
                                            << 1 << "there is no tag \"nope\"";
        QTest::addRow("rename one name") << QStringList{QStringLiteral("tag"), QStringLiteral("rename"), QStringLiteral("vip")}
                                         << 2 << "tag rename needs the old and the new name";
        QTest::addRow("delete unknown tag") << QStringList{QStringLiteral("tag"), QStringLiteral("delete"), QStringLiteral("nope")}
                                            << 1 << "there is no tag \"nope\"";
        QTest::addRow("bad colour") << QStringList{QStringLiteral("tag"), QStringLiteral("color"), QStringLiteral("vip"),
                                                   QStringLiteral("red")}
                                    << 2 << "\"red\" is not a colour";
        QTest::addRow("unknown list filter") << QStringList{QStringLiteral("list"), QStringLiteral("--in-list"), QStringLiteral("nope")}
                                             << 1 << "there is no list \"nope\"";
        QTest::addRow("list-create without name") << QStringList{QStringLiteral("list-create")} << 2
                                                  << "list-create needs one name";
        QTest::addRow("static list with filter") << QStringList{QStringLiteral("list-create"), QStringLiteral("X"),
                                                                QStringLiteral("--static"), QStringLiteral("--tag"), QStringLiteral("vip")}
                                                 << 2 << "a static list starts empty";
        QTest::addRow("remove from unknown list") << QStringList{QStringLiteral("list-remove"), QStringLiteral("nope")} << 1
                                                  << "there is no list \"nope\"";
        QTest::addRow("set-field unknown field") << QStringList{QStringLiteral("set-field"), QStringLiteral("first_name"),
                                                                QStringLiteral("X")}
                                                 << 2 << "\"first_name\" is neither a field that can be set";
        QTest::addRow("set-field bad status") << QStringList{QStringLiteral("set-field"), QStringLiteral("status"),
                                                             QStringLiteral("gone")}
                                              << 2 << "\"gone\" is not one of";
        QTest::addRow("set-field without value") << QStringList{QStringLiteral("set-field"), QStringLiteral("owner")} << 2
                                                 << "set-field needs a field and a value";
    }

    void filterAndTagErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QCOMPARE(seedTagged().size(), 3);
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
    }

    void campaignCreateAddStatusImportShow()
    {
        const QList<qint64> ids = seedTagged(); // Ada (vip, customer), Bob (vip), Cy (customer)
        QCOMPARE(ids.size(), 3);
        Run create = cli({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Spring launch"),
                          QStringLiteral("--channel"), QStringLiteral("email")});
        QVERIFY2(create.exitCode == 0, qPrintable(create.err));
        QVERIFY2(create.out.startsWith(QLatin1String("Created campaign #1 \"Spring launch\"")), qPrintable(create.out));
        QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Fall"), QStringLiteral("--channel"),
                      QStringLiteral("sms")})
                     .exitCode,
                 0);

        // Add with the list's filter options: the two VIPs.
        Run add = cli({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("spring launch"), QStringLiteral("--tag"),
                       QStringLiteral("vip")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        QCOMPARE(add.out.trimmed(), QStringLiteral("Added 2 contacts to \"Spring launch\"."));
        // Bob unsubscribes; adding everyone to Fall skips him, saying why.
        Run unsub = cli({QStringLiteral("campaign"), QStringLiteral("set-status"), QStringLiteral("1"),
                         QString::number(ids[1]), QStringLiteral("unsubscribed")});
        QVERIFY2(unsub.exitCode == 0, qPrintable(unsub.err));
        QCOMPARE(unsub.out.trimmed(), QStringLiteral("Contact #%1 in \"Spring launch\": unsubscribed").arg(ids[1]));
        Run all = cli({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Fall")});
        QCOMPARE(all.out.trimmed(), QStringLiteral("Added 2 contacts to \"Fall\". Skipped 1 contact: unsubscribed."));
        Run again = cli({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Fall"), QString::number(ids[0]),
                         QString::number(ids[1]), QStringLiteral("--json")});
        QJsonObject o = json(again).object();
        QCOMPARE(o.value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("already_members")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("skipped_unsubscribed")).toInt(), 1);
        // The unsubscribed contact is findable with the list's status filter.
        QCOMPARE(names(listWith({QStringLiteral("--status"), QStringLiteral("unsubscribed")})),
                 QStringList{QStringLiteral("Bob Bobson")});

        // Statuses from an email service's export, with a bad line reported.
        const QString csv = m_dir.filePath(QStringLiteral("events.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("email,status,timestamp\nada@x.org,open,2024-03-01T10:00:00Z\nzed@x.org,click,2024-03-01T10:00:00Z\n");
        }
        Run import = cli({QStringLiteral("campaign"), QStringLiteral("import-status"), QStringLiteral("Spring launch"), csv});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        QCOMPARE(import.out,
                 QStringLiteral("Updated 1 member, 0 unchanged, 1 skipped.\nline 3: no contact has the email zed@x.org\n"));

        Run show = cli({QStringLiteral("campaign"), QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        o = json(show).object();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("Spring launch"));
        QCOMPARE(o.value(QStringLiteral("members")).toInt(), 2);
        const QJsonObject counts = o.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("opened")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("unsubscribed")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("pending")).toInt(), 0);
        Run text = cli({QStringLiteral("campaign"), QStringLiteral("show"), QStringLiteral("Spring launch")});
        QVERIFY2(text.out.contains(QLatin1String("    opened: 1\n")), qPrintable(text.out));

        Run list = cli({QStringLiteral("campaigns"), QStringLiteral("--json")});
        const QJsonArray campaigns = json(list).array();
        QCOMPARE(campaigns.size(), 2);
        QCOMPARE(campaigns.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Fall"));
        QCOMPARE(campaigns.at(0).toObject().value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(campaigns.at(0).toObject().value(QStringLiteral("members")).toInt(), 2);
        Run plain = cli({QStringLiteral("campaigns")});
        QVERIFY2(plain.out.startsWith(QLatin1String("2\tFall\tsms\tdraft\t2\tpending 2\t")), qPrintable(plain.out));

        QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("archive"), QStringLiteral("Fall")}).out.trimmed(),
                 QStringLiteral("Archived \"Fall\""));
        Run archived = cli({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Fall")});
        QCOMPARE(archived.exitCode, 2);
        QCOMPARE(archived.err.trimmed(), QStringLiteral("contactdesk-cli: Campaign: the campaign \"Fall\" is archived; unarchive it to add contacts"));
    }

    void campaignErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addRow("no verb") << QStringList{QStringLiteral("campaign")} << 2 << "campaign needs create, rename";
        QTest::addRow("unknown verb") << QStringList{QStringLiteral("campaign"), QStringLiteral("send"), QStringLiteral("Spring")}
                                      << 2 << "not \"send\"";
        QTest::addRow("create without name") << QStringList{QStringLiteral("campaign"), QStringLiteral("create")} << 2
                                             << "campaign create needs a name";
        QTest::addRow("duplicate name") << QStringList{QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("SPRING")}
                                        << 1 << "there is already a campaign \"Spring\"";
        QTest::addRow("bad channel") << QStringList{QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("X"),
                                                    QStringLiteral("--channel"), QStringLiteral("fax")}
                                     << 2 << "the channel must be one of";
        QTest::addRow("unknown campaign") << QStringList{QStringLiteral("campaign"), QStringLiteral("show"), QStringLiteral("Nope")}
                                          << 1 << "there is no campaign \"Nope\"";
        QTest::addRow("bad contact id") << QStringList{QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Spring"),
                                                       QStringLiteral("abc")}
                                        << 2 << "\"abc\" is not a contact id";
        QTest::addRow("unknown filter tag") << QStringList{QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Spring"),
                                                           QStringLiteral("--tag"), QStringLiteral("nope")}
                                            << 1 << "there is no tag \"nope\"";
        QTest::addRow("bad status") << QStringList{QStringLiteral("campaign"), QStringLiteral("set-status"), QStringLiteral("Spring"),
                                                   QStringLiteral("1"), QStringLiteral("maybe")}
                                    << 2 << "the status must be one of pending, sent";
        QTest::addRow("not a member") << QStringList{QStringLiteral("campaign"), QStringLiteral("set-status"), QStringLiteral("Spring"),
                                                     QStringLiteral("3"), QStringLiteral("sent")}
                                      << 1 << "contact #3 is not a member of \"Spring\"";
        QTest::addRow("set-status arguments") << QStringList{QStringLiteral("campaign"), QStringLiteral("set-status"),
                                                             QStringLiteral("Spring"), QStringLiteral("1")}
                                              << 2 << "campaign set-status needs a contact id and a status";
        QTest::addRow("missing csv") << QStringList{QStringLiteral("campaign"), QStringLiteral("import-status"),
                                                    QStringLiteral("Spring"), QStringLiteral("/nonexistent/x.csv")}
                                     << 1 << "/nonexistent/x.csv";
        QTest::addRow("campaigns with argument") << QStringList{QStringLiteral("campaigns"), QStringLiteral("x")} << 2
                                                 << "campaigns takes no arguments";
    }

    void campaignErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QList<qint64> ids = seedTagged();
        QCOMPARE(ids.size(), 3);
        QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("create"), QStringLiteral("Spring")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("add"), QStringLiteral("Spring"), QString::number(ids[0])}).exitCode, 0);
        const QString before = Test::dumpDatabase(Database::open(m_db).value()->connection());
        Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(Test::dumpDatabase(Database::open(m_db).value()->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
