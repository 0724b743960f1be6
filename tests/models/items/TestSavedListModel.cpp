// The sidebar's saved lists as a two-level tree, under QAbstractItemModelTester, following the
// store's list changes (create, rename, delete, and a bulk job that made a list).

#include "TestSupport.h"
#include "items/SavedListModel.h"
#include "store/BulkEdit.h"
#include "store/ContactStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;

class TestSavedListModel : public QObject
{
    Q_OBJECT

    static QStringList names(const SavedListModel& model, SavedListModel::Group group)
    {
        QStringList out;
        const QModelIndex parent = model.groupIndex(group);
        for (int r = 0; r < model.rowCount(parent); ++r)
            out.append(model.index(r, 0, parent).data().toString());
        return out;
    }

private Q_SLOTS:
    void groupsFollowTheStore()
    {
        Test::TempDatabase temp;
        QVERIFY(temp.isOpen());
        ContactStore store(temp.db(), PhoneNormalizer(QStringLiteral("US")));
        SavedListModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.groupIndex(SavedListModel::SmartGroup).data().toString(), QStringLiteral("Smart lists"));
        QCOMPARE(model.groupIndex(SavedListModel::StaticGroup).data().toString(), QStringLiteral("Lists"));
        QVERIFY(!(model.flags(model.groupIndex(SavedListModel::SmartGroup)) & Qt::ItemIsSelectable));

        ContactFilter vip;
        vip.allTags = {QStringLiteral("vip")};
        auto smart = store.createSmartList(QStringLiteral("VIPs"), vip, QStringLiteral("acme"));
        QVERIFY(smart);
        auto fair = store.createStaticList(QStringLiteral("Fair"));
        QVERIFY(fair);
        QVERIFY(store.createSmartList(QStringLiteral("all leads"), {}, {}));
        QCOMPARE(names(model, SavedListModel::SmartGroup), (QStringList{QStringLiteral("all leads"), QStringLiteral("VIPs")}));
        QCOMPARE(names(model, SavedListModel::StaticGroup), QStringList{QStringLiteral("Fair")});

        const QModelIndex vips = model.indexOf(*smart);
        QVERIFY(vips.isValid());
        QCOMPARE(vips.parent(), model.groupIndex(SavedListModel::SmartGroup));
        QCOMPARE(vips.data(SavedListModel::ListIdRole).toLongLong(), *smart);
        QVERIFY(vips.data(SavedListModel::IsSmartRole).toBool());
        QCOMPARE(model.list(vips)->filter, vip);
        QCOMPARE(model.list(vips)->searchText, QStringLiteral("acme"));
        QVERIFY(!model.list(model.groupIndex(SavedListModel::StaticGroup)));
        QCOMPARE(model.staticLists().size(), 1);

        QVERIFY(store.renameList(*fair, QStringLiteral("Autumn fair")).ok());
        QCOMPARE(names(model, SavedListModel::StaticGroup), QStringList{QStringLiteral("Autumn fair")});

        // A bulk add in a job makes a list: the model hears of it when the job ends.
        auto a = store.createContact(Test::makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        QVERIFY(a);
        QSignalSpy finished(&store, &ContactStore::jobFinished);
        store.runJob(QStringLiteral("add"), BulkEdit::Steps, [](const QSqlDatabase& db, const ContactStore::JobProgress& p) {
            auto change = BulkEdit::addToList(db, QStringLiteral("Booth"), {}, p);
            return change ? Status() : Status(change.error());
        });
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(names(model, SavedListModel::StaticGroup), (QStringList{QStringLiteral("Autumn fair"), QStringLiteral("Booth")}));

        store.removeList(*fair);
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(names(model, SavedListModel::StaticGroup), QStringList{QStringLiteral("Booth")});
        QVERIFY(!model.indexOf(*fair).isValid());
    }
};

QTEST_GUILESS_MAIN(TestSavedListModel)
#include "TestSavedListModel.moc"
