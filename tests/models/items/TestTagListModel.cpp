#include "TestSupport.h"
#include "items/TagListModel.h"
#include "store/ContactStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;

class TestTagListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsTagsWithCounts()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        ContactStore store(temp.db(), PhoneNormalizer(QStringLiteral("US")));
        TagListModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.rowCount(), 0);
        auto a = store.createContact(Test::makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        auto b = store.createContact(Test::makeContact(QStringLiteral("B"), {}, QStringLiteral("b@example.com")));
        QVERIFY(store.addTags({*a, *b}, {QStringLiteral("vip")}).ok());
        QCOMPARE(reset.count(), 1);
        QVERIFY(store.addTags({*a}, {QStringLiteral("lead")}).ok());
        QCOMPARE(model.names(), (QStringList{QStringLiteral("lead"), QStringLiteral("vip")}));
        // Counts come from a worker thread.
        QTRY_COMPARE(model.index(1).data(TagListModel::CountRole).toInt(), 2);
        QVERIFY(store.moveToTrash({*b}).ok()); // counts are of live contacts
        QVERIFY(changed.count() >= 1);
        QTRY_COMPARE(model.index(1).data(TagListModel::CountRole).toInt(), 1);
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), QStringLiteral("1 contact(s)"));
        QTRY_VERIFY(!model.isCounting());
    }
};

QTEST_GUILESS_MAIN(TestTagListModel)
#include "TestTagListModel.moc"
