// QuickSearch against the list's SQL (ContactListQuery::idsSql) on a real SQLite file of demo
// contacts: the same ids in the same order for every kind of word, tags, several words, accents,
// phones, descending order, trashed contacts, and after changes made on another connection.

#include "TestSupport.h"
#include "io/DemoData.h"
#include "store/ContactRepository.h"
#include "store/QuickSearch.h"
#include "store/Sql.h"

#include <QTest>

using namespace ContactDesk;

class TestQuickSearch : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ScopedConnection> m_reader; // QuickSearch's own connection, as in the list model

    QSqlDatabase db() { return m_temp->db().connection(); }

    QVector<qint64> bySql(const ContactListQuery& q)
    {
        auto r = Sql::run(db(), QStringLiteral("ids"), q.idsSql(), q.whereBinds());
        QVector<qint64> ids;
        if (!r)
            return ids;
        while (r->next())
            ids.append(r->value(0).toLongLong());
        return ids;
    }

    static ContactListQuery search(const QString& text, bool descending = false)
    {
        ContactListQuery q;
        q.searchText = text;
        q.descending = descending;
        return q;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        auto filled = DemoData::fill(db(), PhoneNormalizer(QStringLiteral("US")), 1200, 7, {});
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toString()));
        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto muller = repo.create(Test::makeContact(QStringLiteral("Jörg"), QStringLiteral("Müller"),
                                                    QStringLiteral("jm@example.de"), QStringLiteral("(415) 555-3695")));
        QVERIFY(muller);
        QVERIFY(repo.addTags({*muller}, {QStringLiteral("Key account")}).ok());
        // Some contacts in the Trash: never in a search of live contacts.
        QVERIFY(repo.moveToTrash({1, 2, 3, 50, 51, *muller - 1}).ok());
        m_reader = std::make_unique<ScopedConnection>(m_temp->path(), QStringLiteral("quick"));
        QVERIFY(m_reader->status().ok());
    }

    void cleanupTestCase()
    {
        m_reader.reset();
        m_temp.reset();
    }

    void sameAsSql_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<bool>("finds"); // the case is only worth something if the SQL finds contacts
        for (const char* text : {"a", "j", "m", "jo", "mar", "muller", "müll", "MÜLLER", "4155553695", "555 3695",
                                 "415", "jörg key", "key", "acc", "vip", "customer", "cust a", "a b", "example.de", "jm",
                                 "j m", "x y z", "jörg vip"})
            QTest::newRow(text) << QString::fromUtf8(text) << false << true;
        for (const char* text : {"zzzzq", "@", "muller zzzzq"})
            QTest::newRow(text) << QString::fromUtf8(text) << false << false;
        QTest::newRow("m descending") << QStringLiteral("m") << true << true;
        QTest::newRow("key descending") << QStringLiteral("key j") << true << true;
    }

    void sameAsSql()
    {
        QFETCH(QString, text);
        QFETCH(bool, descending);
        QFETCH(bool, finds);
        const ContactListQuery q = search(text, descending);
        const QVector<qint64> expected = bySql(q);
        QCOMPARE(!expected.isEmpty(), finds);
        if (ContactListQuery::searchWords(text).isEmpty()) {
            QVERIFY(!QuickSearch::handles(q, m_reader->database())); // the SQL path says "no match"
            QVERIFY(expected.isEmpty());
            return;
        }
        QVERIFY(QuickSearch::handles(q, m_reader->database()));
        QuickSearch quick;
        auto ids = quick.find(m_reader->database(), q);
        QVERIFY2(ids, ids ? "" : qPrintable(ids.error().toString()));
        QCOMPARE(ids->toVector(), expected);
    }

    void notForFiltersOtherOrdersOrTheTrash()
    {
        ContactListQuery q = search(QStringLiteral("a"));
        QVERIFY(QuickSearch::handles(q, m_reader->database()));
        q.trash = true;
        QVERIFY(!QuickSearch::handles(q, m_reader->database()));
        q = search(QStringLiteral("a"));
        q.filter.allTags = QStringList{QStringLiteral("vip")};
        QVERIFY(!QuickSearch::handles(q, m_reader->database()));
        q = search(QStringLiteral("a"));
        q.sortColumn = ContactListQuery::SortColumn::Company;
        QVERIFY(!QuickSearch::handles(q, m_reader->database()));
    }

    void followsChangesOnOtherConnections()
    {
        QuickSearch quick;
        const ContactListQuery q = search(QStringLiteral("zebediah"));
        auto before = quick.find(m_reader->database(), q);
        QVERIFY(before);
        QVERIFY(before->isEmpty());
        QCOMPARE(quick.orderRebuilds(), 1);
        auto again = quick.find(m_reader->database(), search(QStringLiteral("a")));
        QVERIFY(again);
        QCOMPARE(quick.orderRebuilds(), 1); // nothing changed: the order is reused

        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto first = repo.create(Test::makeContact(QStringLiteral("Zebediah"), QStringLiteral("Aaronson"),
                                                   QStringLiteral("zeb@example.org")));
        auto second = repo.create(Test::makeContact(QStringLiteral("Zebediah"), QStringLiteral("Zywicki"),
                                                    QStringLiteral("zeb2@example.org")));
        QVERIFY(first && second);
        auto after = quick.find(m_reader->database(), q);
        QVERIFY(after);
        QCOMPARE(after->toVector(), (QVector<qint64>{*first, *second})); // new contacts, in name order
        QCOMPARE(quick.orderRebuilds(), 2);

        // A rename moves a contact in the order; the trash takes it out; a tag brings it in.
        QVERIFY(repo.updateField(*second, ContactField::LastName, QStringLiteral("Aardvark")).ok());
        after = quick.find(m_reader->database(), q);
        QCOMPARE(after->toVector(), (QVector<qint64>{*second, *first}));
        QCOMPARE(after->toVector(), bySql(q));
        QVERIFY(repo.moveToTrash({*first}).ok());
        after = quick.find(m_reader->database(), q);
        QCOMPARE(after->toVector(), (QVector<qint64>{*second}));
        const ContactListQuery byTag = search(QStringLiteral("zebra"));
        QVERIFY(repo.addTags({*second}, {QStringLiteral("Zebra crossing")}).ok());
        after = quick.find(m_reader->database(), byTag);
        QCOMPARE(after->toVector(), (QVector<qint64>{*second}));
        QCOMPARE(after->toVector(), bySql(byTag));

        // prepare() brings the order and every one-character word's matches up to date ahead of
        // the next search; a change makes them stale, and the next search reads what it needs.
        QVERIFY(repo.restore({*first}).ok());
        QVERIFY(quick.prepare(m_reader->database()).ok());
        QVERIFY(quick.hasKeptMatches(QStringLiteral("z")) && quick.hasKeptMatches(QStringLiteral("7")));
        QVERIFY(!quick.hasKeptMatches(QStringLiteral("zz")) && !quick.hasKeptMatches(QStringLiteral("é")));
        QVERIFY(quick.heavyWords().isEmpty()); // 1,200 contacts: no word has 65,536 matches
        const int rebuilds = quick.orderRebuilds();
        after = quick.find(m_reader->database(), q);
        QCOMPARE(quick.orderRebuilds(), rebuilds);
        QCOMPARE(after->toVector(), (QVector<qint64>{*second, *first}));
        const ContactListQuery z = search(QStringLiteral("Z"));
        QCOMPARE(quick.find(m_reader->database(), z)->toVector(), bySql(z)); // from the kept matches
        QVERIFY(repo.updateField(*first, ContactField::FirstName, QStringLiteral("Zeb")).ok());
        QCOMPARE(quick.find(m_reader->database(), search(QStringLiteral("q")))->toVector(), bySql(search(QStringLiteral("q"))));
        QVERIFY(!quick.hasKeptMatches(QStringLiteral("z"))); // the change made it stale
        QCOMPARE(quick.find(m_reader->database(), z)->toVector(), bySql(z));
        QVERIFY(quick.hasKeptMatches(QStringLiteral("z")));
    }

    // Words that match many contacts keep their matches like one-character words: found from
    // the full-text vocabulary (here with a low bar), kept, and the same answers as SQL, also
    // after changes and in combination with other words.
    void heavyWordsKeptAndExact()
    {
        QuickSearch quick(40);
        int steps = 0;
        for (;;) {
            auto more = quick.prepareStep(m_reader->database());
            QVERIFY2(more, more ? "" : qPrintable(more.error().toString()));
            ++steps;
            if (!*more)
                break;
        }
        const QStringList heavy = quick.heavyWords();
        QVERIFY2(heavy.size() >= 10, qPrintable(heavy.join(QLatin1Char(' '))));
        QVERIFY(steps > heavy.size() + 36); // one word a step, after the order and the vocabulary
        for (const QString& word : heavy) {
            QVERIFY(word.size() >= 2 && word.size() <= 4);
            QVERIFY(quick.hasKeptMatches(word));
            QVERIFY(quick.hasKeptMatches(word.toUpper()));
        }
        QVERIFY(heavy.contains(QStringLiteral("com"))); // every demo email ends in .com or so
        QVERIFY(!quick.hasKeptMatches(QStringLiteral("zzzz")));
        auto compareAll = [&] {
            for (const QString& word : heavy) {
                for (const QString& text : {word, word.toUpper() + QStringLiteral(" a"), QStringLiteral("jörg ") + word}) {
                    const ContactListQuery q = search(text);
                    auto ids = quick.find(m_reader->database(), q);
                    QVERIFY(ids);
                    QCOMPARE(ids->toVector(), bySql(q));
                }
            }
        };
        compareAll();
        if (QTest::currentTestFailed())
            return;
        // A change moves the order: kept matches are stale and read again, by a search or the warm-up.
        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto added = repo.create(Test::makeContact(QStringLiteral("Comfort"), QStringLiteral("Aamodt"),
                                                   QStringLiteral("ca@example.com")));
        QVERIFY(added);
        QVERIFY(repo.addTags({*added}, {QStringLiteral("Community")}).ok());
        compareAll();
        QVERIFY(repo.moveToTrash({*added}).ok());
        QVERIFY(quick.prepare(m_reader->database()).ok());
        for (const QString& word : heavy)
            QVERIFY(quick.hasKeptMatches(word));
        compareAll();
        QVERIFY(repo.restore({*added}).ok());
    }
};

QTEST_GUILESS_MAIN(TestQuickSearch)
#include "TestQuickSearch.moc"
