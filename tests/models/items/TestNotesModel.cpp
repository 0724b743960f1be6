#include "TestSupport.h"
#include "items/NotesModel.h"
#include "store/ContactStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;

class TestNotesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheStore()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        ContactStore store(temp.db(), PhoneNormalizer(QStringLiteral("US")));
        store.setAuthor(QStringLiteral("sam"));
        auto a = store.createContact(Test::makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        auto b = store.createContact(Test::makeContact(QStringLiteral("B"), {}, QStringLiteral("b@example.com")));
        NotesModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setContact(*a);
        QCOMPARE(model.rowCount(), 0);

        auto n1 = store.addNote(*a, QStringLiteral("first"));
        QVERIFY(n1.ok());
        auto n2 = store.addNote(*a, QStringLiteral("second, with a comma"));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(NotesModel::BodyRole).toString(), QStringLiteral("second, with a comma"));
        QCOMPARE(model.index(0).data(NotesModel::AuthorRole).toString(), QStringLiteral("sam"));
        QVERIFY(model.index(0).data().toString().contains(QLatin1String("sam")));
        QVERIFY(store.addNote(*b, QStringLiteral("other contact")).ok());
        QCOMPARE(inserted.count(), 2); // not this contact's notes

        QVERIFY(store.updateNote(*a, *n1, QStringLiteral("first, edited")).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1).data(NotesModel::BodyRole).toString(), QStringLiteral("first, edited"));
        QVERIFY(store.removeNote(*a, *n2).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        model.setContact(*b);
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNotesModel)
#include "TestNotesModel.moc"
