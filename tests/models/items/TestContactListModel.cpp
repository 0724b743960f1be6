#include "TestSupport.h"
#include "items/ContactListModel.h"
#include "store/ContactStore.h"
#include "store/Sql.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestContactListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;

    // Bulk rows straight into SQL: fast and with names whose order is known ("name 00042").
    void insertMany(int count, int offset = 0)
    {
        QSqlDatabase db = m_temp->db().connection();
        Sql::TransactionGuard tx(db);
        QSqlQuery c(db);
        c.prepare(QStringLiteral("INSERT INTO contacts (uuid, first_name, last_name, display_name, sort_key, company, "
                                 "primary_email, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'csv', ?, ?)"));
        QSqlQuery e(db);
        e.prepare(QStringLiteral("INSERT INTO contact_emails (contact_id, address, email_norm, is_primary) VALUES (?, ?, ?, 1)"));
        for (int i = offset; i < offset + count; ++i) {
            const QString last = QStringLiteral("Name%1").arg(i, 5, 10, QLatin1Char('0'));
            const QString email = QStringLiteral("p%1@example.com").arg(i);
            c.addBindValue(QStringLiteral("u%1").arg(i));
            c.addBindValue(QStringLiteral("P"));
            c.addBindValue(last);
            c.addBindValue(QStringLiteral("P ") + last);
            c.addBindValue(last.toLower() + QStringLiteral(" p"));
            c.addBindValue(QStringLiteral("Company %1").arg(i % 7));
            c.addBindValue(email);
            c.addBindValue(qint64(1000 + i));
            c.addBindValue(qint64(1000 + i));
            QVERIFY(c.exec());
            e.addBindValue(c.lastInsertId());
            e.addBindValue(email);
            e.addBindValue(email);
            QVERIFY(e.exec());
        }
        QSqlQuery fts(db);
        QVERIFY(fts.exec(QStringLiteral("INSERT INTO contact_search (rowid, name, email) SELECT id, display_name, "
                                        "primary_email FROM contacts WHERE id NOT IN (SELECT rowid FROM contact_search)")));
        QVERIFY(tx.commit().ok());
    }

    // A filtered list is found in the background: wait for it.
    static void search(ContactListModel& model, const QString& text)
    {
        QSignalSpy done(&model, &ContactListModel::searchFinished);
        model.setSearchText(text);
        if (model.isFiltered())
            QVERIFY(done.wait(10000));
    }

    static void waitForSearch(ContactListModel& model)
    {
        QSignalSpy done(&model, &ContactListModel::searchFinished);
        QVERIFY(done.wait(10000));
    }

    QStringList names(ContactListModel& model)
    {
        QStringList list;
        for (int r = 0; r < model.rowCount(); ++r)
            list.append(model.index(r, ContactListModel::NameColumn).data().toString());
        return list;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
    }

    void cleanup()
    {
        m_store.reset();
        m_temp.reset();
    }

    void passesModelTester()
    {
        insertMany(300);
        ContactListModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(model.columnCount(), int(ContactListModel::ColumnCount));
        QCOMPARE(model.headerData(ContactListModel::EmailColumn, Qt::Horizontal).toString(), QStringLiteral("Email"));
        model.sort(ContactListModel::CompanyColumn, Qt::DescendingOrder);
        search(model, QStringLiteral("name0001"));
        QCOMPARE(model.rowCount(), 10);
        search(model, {});
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("Ann"), QStringLiteral("Aardvark"),
                                                   QStringLiteral("ann@example.com")))
                    .ok());
        QCOMPARE(model.rowCount(), 301);
    }

    void pagesInNameOrderWithBoundedCache()
    {
        insertMany(3000);
        ContactListModel model(m_store.get());
        QCOMPARE(model.rowCount(), 3000);
        QSignalSpy ready(&model, &ContactListModel::anchorsReady);
        // Rows near the top are walked to synchronously.
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("P Name00000"));
        QCOMPARE(model.index(1000, 0).data().toString(), QStringLiteral("P Name01000"));
        // A deep row becomes available once the background anchor scan lands.
        if (!model.anchorsComplete())
            QVERIFY(ready.wait(5000));
        QVERIFY(model.anchorsComplete());
        QCOMPARE(model.index(2999, 0).data().toString(), QStringLiteral("P Name02999"));
        QCOMPARE(model.index(2500, ContactListModel::EmailColumn).data().toString(), QStringLiteral("p2500@example.com"));
        QVERIFY(model.index(2500, 0).data(ContactListModel::ContactIdRole).toLongLong() > 0);
        for (int r = 0; r < 3000; r += 7)
            QCOMPARE(model.index(r, 0).data().toString(), QStringLiteral("P Name%1").arg(r, 5, 10, QLatin1Char('0')));
        QVERIFY(model.cachedBlockCount() <= ContactListModel::MaxCachedBlocks);
    }

    void sortsByColumn()
    {
        insertMany(400);
        ContactListModel model(m_store.get());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(ContactListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("P Name00399"));
        QCOMPARE(model.index(399, 0).data().toString(), QStringLiteral("P Name00000"));
        model.sort(ContactListModel::UpdatedColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("P Name00000"));
        model.sort(ContactListModel::CompanyColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, ContactListModel::CompanyColumn).data().toString(), QStringLiteral("Company 0"));
        QCOMPARE(model.index(399, ContactListModel::CompanyColumn).data().toString(), QStringLiteral("Company 6"));
        // Within a company, rows stay in id order, so every row appears exactly once.
        QSet<qint64> ids;
        for (int r = 0; r < 400; ++r)
            ids.insert(model.contactId(r));
        QCOMPARE(ids.size(), 400);
    }

    void searchFoldsAccents()
    {
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("José"), QStringLiteral("Müller"),
                                                   QStringLiteral("jm@example.com")))
                    .ok());
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                                   QStringLiteral("kate@acme.com"), {}, QStringLiteral("ACME")))
                    .ok());
        ContactListModel model(m_store.get());
        search(model, QStringLiteral("muller"));
        QCOMPARE(names(model), QStringList{QStringLiteral("José Müller")});
        search(model, QStringLiteral("acme"));
        QCOMPARE(names(model), QStringList{QStringLiteral("Kate Bell")});
        search(model, QStringLiteral("100%_"));
        QCOMPARE(model.rowCount(), 0);
    }

    void searchThreadKeepsItsConnection()
    {
        // Searches and the name-order warm-up run on the model's one search thread; its
        // connection is used and closed there, never from the UI thread (Qt would warn).
        QTest::failOnWarning(QRegularExpression(QStringLiteral("does not belong to the calling thread")));
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                                   QStringLiteral("kate@acme.com")))
                    .ok());
        {
            ContactListModel model(m_store.get());
            search(model, QStringLiteral("kat"));
            QCOMPARE(names(model), QStringList{QStringLiteral("Kate Bell")});
            model.waitForSearchThread();
            search(model, QStringLiteral("bell"));
            QCOMPARE(model.rowCount(), 1);
        }
        ContactListModel again(m_store.get());
        search(again, QStringLiteral("kate"));
        QCOMPARE(again.rowCount(), 1);
    }

    void tagsColumnFromMemoryFollowsChanges()
    {
        insertMany(400);
        QVERIFY(m_store->addTags({10, 11}, {QStringLiteral("zeta"), QStringLiteral("Ärzte")}).ok());
        ContactListModel model(m_store.get());
        QVERIFY(!model.hasTagCache()); // pages read tags from SQL until the warm-up has run
        QCOMPARE(model.index(9, ContactListModel::TagsColumn).data().toString(), QStringLiteral("zeta, Ärzte"));
        QTRY_VERIFY_WITH_TIMEOUT(model.hasTagCache(), 10000);
        // Pages read now take their tags from memory: the same text (name order, accents folded).
        model.sort(ContactListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(390, ContactListModel::NameColumn).data().toString(), QStringLiteral("P Name00009"));
        QCOMPARE(model.index(390, ContactListModel::TagsColumn).data().toString(), QStringLiteral("zeta, Ärzte"));
        QCOMPARE(model.index(389, ContactListModel::TagsColumn).data().toString(), QStringLiteral("zeta, Ärzte"));
        QCOMPARE(model.index(388, ContactListModel::TagsColumn).data().toString(), QString());
        // A change shows at once (the cache is dropped and the row read from SQL)…
        QVERIFY(m_store->addTags({10}, {QStringLiteral("Alpha")}).ok());
        QVERIFY(!model.hasTagCache());
        QCOMPARE(model.index(390, ContactListModel::TagsColumn).data().toString(), QStringLiteral("Alpha, zeta, Ärzte"));
        // …and the next snapshot has it; a search's rows take their tags from it as well.
        QTRY_VERIFY_WITH_TIMEOUT(model.hasTagCache(), 10000);
        search(model, QStringLiteral("name00009"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ContactListModel::TagsColumn).data().toString(), QStringLiteral("Alpha, zeta, Ärzte"));
        search(model, {});
        QVERIFY(m_store->removeTags({10}, {QStringLiteral("zeta")}).ok());
        QCOMPARE(model.index(390, ContactListModel::TagsColumn).data().toString(), QStringLiteral("Alpha, Ärzte"));
        QTRY_VERIFY_WITH_TIMEOUT(model.hasTagCache(), 10000);
        model.sort(ContactListModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(9, ContactListModel::TagsColumn).data().toString(), QStringLiteral("Alpha, Ärzte"));
    }

    void searchFindsEveryKindOfValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("first name prefix") << "kat" << "Kate Bell";
        QTest::addRow("accent folded") << "muller" << "José Müller";
        QTest::addRow("accent typed") << "Mül" << "José Müller";
        QTest::addRow("polish l") << "lukasz" << "Łukasz Nowak";
        QTest::addRow("han as pinyin") << "wang xiao" << "王小明";
        QTest::addRow("email part") << "kb.private" << "Kate Bell";
        QTest::addRow("phone national digits") << "4155553695" << "Kate Bell";
        QTest::addRow("phone groups") << "555 3695" << "Kate Bell";
        QTest::addRow("phone e164") << "+1 415 555" << "Kate Bell";
        QTest::addRow("company") << "initech" << "Łukasz Nowak";
        QTest::addRow("job title") << "purchasing" << "Kate Bell";
        QTest::addRow("tag") << "trade" << "José Müller";
        QTest::addRow("note") << "berlin" << "Łukasz Nowak";
        QTest::addRow("two words, both required") << "kate bell" << "Kate Bell";
    }

    void searchFindsEveryKindOfValue()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Contact kate = makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kb.private@example.com"),
                                   QStringLiteral("(415) 555-3695"));
        kate.jobTitle = QStringLiteral("Head of Purchasing");
        QVERIFY(m_store->createContact(kate).ok());
        Contact jose = makeContact(QStringLiteral("José"), QStringLiteral("Müller"), QStringLiteral("jm@example.com"));
        jose.tags = QStringList{QStringLiteral("trade show")};
        QVERIFY(m_store->createContact(jose).ok());
        auto lukasz = m_store->createContact(makeContact(QStringLiteral("Łukasz"), QStringLiteral("Nowak"),
                                                         QStringLiteral("ln@example.com"), {}, QStringLiteral("Initech")));
        QVERIFY(lukasz.ok());
        QVERIFY(m_store->addNote(*lukasz, QStringLiteral("Met him in Berlin")).ok());
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("小明"), QStringLiteral("王"), QStringLiteral("w@example.com"))).ok());
        ContactListModel model(m_store.get());
        search(model, text);
        QCOMPARE(names(model), QStringList{expected});
    }

    void searchIndexFollowsEdits()
    {
        auto id = m_store->createContact(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                                     QStringLiteral("kate@example.com")));
        ContactListModel model(m_store.get());
        search(model, QStringLiteral("oslo"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(m_store->updateField(*id, ContactField::JobTitle, QStringLiteral("Oslo office lead")).ok());
        waitForSearch(model);
        QCOMPARE(model.rowCount(), 1); // the edit makes it match: the list re-queries in the background
        QVERIFY(m_store->updateField(*id, ContactField::JobTitle, QStringLiteral("Buyer")).ok());
        waitForSearch(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(m_store->setPhones(*id, {PhoneNumber{0, QStringLiteral("+49 30 123456"), {}, {}, true}}).ok());
        search(model, QStringLiteral("30123456"));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(m_store->moveToTrash({*id}).ok());
        waitForSearch(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(m_store->emptyTrash().ok());
        QSqlQuery q(m_temp->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM contact_search")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // purged contacts leave the index
    }

    void insertsRemovesAndMovesRows()
    {
        insertMany(500);
        ContactListModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QCOMPARE(model.index(499, 0).data().toString(), QStringLiteral("P Name00499")); // learn all anchors

        // "P Name00250a" sorts right after Name00250: one row inserted at 251.
        auto id = m_store->createContact(makeContact(QStringLiteral("P"), QStringLiteral("Name00250a"),
                                                     QStringLiteral("new@example.com")));
        QVERIFY(id.ok());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 251);
        QCOMPARE(model.rowCount(), 501);
        QCOMPARE(model.rowOf(*id), 251);
        QCOMPARE(model.index(251, 0).data().toString(), QStringLiteral("P Name00250a"));
        QCOMPARE(model.index(252, 0).data().toString(), QStringLiteral("P Name00251"));

        // An edit that keeps the order is one dataChanged.
        QVERIFY(m_store->updateField(*id, ContactField::Company, QStringLiteral("Zeta")).ok());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(251, ContactListModel::CompanyColumn).data().toString(), QStringLiteral("Zeta"));

        // Renaming moves the row to its new place.
        QVERIFY(m_store->updateField(*id, ContactField::LastName, QStringLiteral("Name00010a")).ok());
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.rowOf(*id), 11);
        QCOMPARE(model.index(11, 0).data().toString(), QStringLiteral("P Name00010a"));
        QCOMPARE(model.index(252, 0).data().toString(), QStringLiteral("P Name00251"));

        // Trash removes the row; restore brings it back where it was.
        QVERIFY(m_store->moveToTrash({*id}).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 11);
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(model.index(11, 0).data().toString(), QStringLiteral("P Name00011"));
        QVERIFY(m_store->restore({*id}).ok());
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowOf(*id), 11);
        QCOMPARE(reset.count(), 0); // all of it without a reset

        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(model.contactId(r) > 0);
    }

    void trashView()
    {
        auto a = m_store->createContact(makeContact(QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("a@example.com")));
        auto b = m_store->createContact(makeContact(QStringLiteral("B"), QStringLiteral("B"), QStringLiteral("b@example.com")));
        ContactListModel trash(m_store.get());
        trash.setTrash(true);
        QCOMPARE(trash.rowCount(), 0);
        QSignalSpy inserted(&trash, &QAbstractItemModel::rowsInserted);
        QVERIFY(m_store->moveToTrash({*a}).ok()); // one contact: one row inserted
        QCOMPARE(inserted.count(), 1);
        QVERIFY(m_store->moveToTrash({*b}).ok());
        QCOMPARE(trash.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        QVERIFY(m_store->restore({*a}).ok());
        QCOMPARE(trash.rowCount(), 1);
        QCOMPARE(trash.index(0, 0).data().toString(), QStringLiteral("B B"));
        QVERIFY(m_store->emptyTrash().ok());
        QCOMPARE(trash.rowCount(), 0);
    }

    void batchesRequery()
    {
        insertMany(300);
        ContactListModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QCOMPARE(model.index(299, 0).data().toString(), QStringLiteral("P Name00299"));
        // Ids given against the list order, rows far apart and mostly not cached.
        const QList<qint64> ids{model.contactId(250), model.contactId(3), model.contactId(140)};
        model.index(0, 0).data();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(m_store->moveToTrash(ids).ok());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 297);
        QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("P Name00004"));
        QCOMPARE(model.index(296, 0).data().toString(), QStringLiteral("P Name00299"));
        QVERIFY(m_store->restore(ids).ok());
        QCOMPARE(model.rowCount(), 300);
        for (int r = 0; r < 300; r += 13)
            QCOMPARE(model.index(r, 0).data().toString(), QStringLiteral("P Name%1").arg(r, 5, 10, QLatin1Char('0')));
        QCOMPARE(model.index(250, 0).data().toString(), QStringLiteral("P Name00250"));
    }

    void editOfARowNotLoadedKeepsTheOrder()
    {
        insertMany(600);
        ContactListModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("P Name00000"));
        auto far = m_store->repository().findByEmail(QStringLiteral("p550@example.com"));
        QVERIFY(far.ok() && *far > 0);
        QVERIFY(m_store->updateField(*far, ContactField::LastName, QStringLiteral("Name00001a")).ok());
        QCOMPARE(model.rowCount(), 600);
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("P Name00001a"));
        QCOMPARE(model.index(551, 0).data().toString(), QStringLiteral("P Name00551"));
    }

    void anchorsSurviveChangesDuringScan()
    {
        insertMany(2000);
        ContactListModel model(m_store.get());
        QSignalSpy ready(&model, &ContactListModel::anchorsReady);
        // Change the list while the scan may be running: the stale scan is dropped and redone.
        QVERIFY(m_store->createContact(makeContact(QStringLiteral("P"), QStringLiteral("Name01500a"),
                                                   QStringLiteral("x@example.com")))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(model.anchorsComplete(), 5000);
        QCOMPARE(model.rowCount(), 2001);
        QCOMPARE(model.index(1501, 0).data().toString(), QStringLiteral("P Name01500a"));
        QCOMPARE(model.index(2000, 0).data().toString(), QStringLiteral("P Name01999"));
    }
};

QTEST_GUILESS_MAIN(TestContactListModel)
#include "TestContactListModel.moc"
