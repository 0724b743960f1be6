// The campaign item models under QAbstractItemModelTester while the store changes beneath them:
// the campaigns table (loaded in the background), a campaign's members (paged) and a contact's
// campaigns (the profile pane), each with the narrow signals expected.

#include "TestSupport.h"
#include "items/CampaignMembersModel.h"
#include "items/CampaignTableModel.h"
#include "items/ContactCampaignsModel.h"
#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Sql.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ContactDesk;

class TestCampaignModels : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    QList<qint64> m_ids;

    QSqlDatabase db() { return m_temp->db().connection(); }

    CampaignStore::Target all() { return CampaignStore::Target{}; }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_ids.clear();
        Sql::TransactionGuard tx(db());
        for (int i = 0; i < 450; ++i) {
            auto id = m_store->repository().create(Test::makeContact(QStringLiteral("P%1").arg(i), QStringLiteral("Q"),
                                                                     QStringLiteral("p%1@x.org").arg(i)));
            QVERIFY(id);
            m_ids.append(*id);
        }
        QVERIFY(tx.commit().ok());
    }

    void cleanup()
    {
        m_store.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void campaignTable()
    {
        CampaignTableModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 11);
        QCOMPARE(model.headerData(CampaignTableModel::FirstCountColumn + 4, Qt::Horizontal).toString(),
                 QStringLiteral("Unsubscribed"));

        QSignalSpy loaded(&model, &CampaignTableModel::loaded);
        auto spring = m_store->createCampaign(QStringLiteral("Spring"), QStringLiteral("email"));
        QVERIFY(spring);
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CampaignTableModel::NameColumn).data().toString(), QStringLiteral("Spring"));
        QCOMPARE(model.index(0, CampaignTableModel::ChannelColumn).data().toString(), QStringLiteral("Email"));
        QCOMPARE(model.index(0, CampaignTableModel::StatusColumn).data().toString(), QStringLiteral("Draft"));
        QCOMPARE(model.index(0, CampaignTableModel::MembersColumn).data(CampaignTableModel::CountRole).toLongLong(), 0);

        // Members added by a job: the counts come in as dataChanged on the same row.
        QVERIFY(CampaignStore::addMembers(db(), *spring, all()).ok());
        QVERIFY(CampaignStore::setMemberStatus(db(), *spring, {m_ids[0], m_ids[1]}, DeliveryStatus::Opened).ok());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_store->notifyExternalChange();
        QVERIFY(loaded.wait());
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(0, CampaignTableModel::MembersColumn).data(CampaignTableModel::CountRole).toLongLong(), 450);
        QCOMPARE(model.index(0, CampaignTableModel::FirstCountColumn + 2).data(CampaignTableModel::CountRole).toLongLong(), 2);
        QCOMPARE(model.index(0, CampaignTableModel::FirstCountColumn).data().toString(), QStringLiteral("448"));

        // Rename by editing the name; archive hides it until "show archived".
        QVERIFY(model.setData(model.index(0, CampaignTableModel::NameColumn), QStringLiteral("Spring sale")));
        QVERIFY(loaded.wait());
        QCOMPARE(CampaignStore::campaign(db(), *spring)->name, QStringLiteral("Spring sale"));
        QSignalSpy failed(&model, &CampaignTableModel::failed);
        auto fall = m_store->createCampaign(QStringLiteral("Fall"), QStringLiteral("sms"));
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.setData(model.index(model.rowOf(*fall), CampaignTableModel::NameColumn), QStringLiteral("spring SALE")));
        QCOMPARE(failed.count(), 1);
        QVERIFY(m_store->setCampaignArchived(*fall, true).ok());
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 1);
        model.setShowArchived(true);
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(), 2);
        const int row = model.rowOf(*fall);
        QCOMPARE(model.index(row, CampaignTableModel::StatusColumn).data().toString(), QStringLiteral("Draft · archived"));
        QVERIFY(model.index(row, 0).data(CampaignTableModel::ArchivedRole).toBool());

        // Trashing members changes the counts.
        QVERIFY(m_store->moveToTrash({m_ids[0]}).ok());
        QVERIFY(loaded.wait());
        QCOMPARE(model.index(model.rowOf(*spring), CampaignTableModel::MembersColumn).data(CampaignTableModel::CountRole).toLongLong(),
                 449);
    }

    void membersPagesAndFilters()
    {
        auto spring = m_store->createCampaign(QStringLiteral("Spring"), QStringLiteral("email"));
        QVERIFY(spring);
        QVERIFY(CampaignStore::addMembers(db(), *spring, all()).ok());
        CampaignMembersModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        QVERIFY(!model.canFetchMore({}));
        model.setCampaign(*spring);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.canFetchMore({}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), CampaignMembersModel::PageSize);
        model.fetchMore({});
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.index(0, CampaignMembersModel::NameColumn).data().toString(), QStringLiteral("P0 Q"));
        QCOMPARE(model.index(449, CampaignMembersModel::EmailColumn).data().toString(), QStringLiteral("p449@x.org"));
        QCOMPARE(model.index(0, CampaignMembersModel::StatusColumn).data().toString(), QStringLiteral("Pending"));

        // A status change: the same rows, dataChanged only.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        auto n = m_store->setMemberStatus(*spring, {m_ids[3], m_ids[300]}, DeliveryStatus::Clicked);
        QVERIFY(n);
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(300, CampaignMembersModel::StatusColumn).data().toString(), QStringLiteral("Clicked"));
        QCOMPARE(model.index(3, 0).data(CampaignMembersModel::StatusKeyRole).toString(), QStringLiteral("clicked"));

        // Only the clicked ones.
        model.setStatusFilter(DeliveryStatus::Clicked);
        QCOMPARE(reset.count(), 1);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, 0).data(CampaignMembersModel::ContactIdRole).toLongLong(), m_ids[300]);
        QVERIFY(!model.canFetchMore({}));

        // A member trashed leaves the list (a reset: other rows).
        QVERIFY(m_store->moveToTrash({m_ids[3]}).ok());
        QCOMPARE(model.rowCount(), 1);
    }

    void contactCampaigns()
    {
        auto spring = m_store->createCampaign(QStringLiteral("Spring"), QStringLiteral("email"));
        Sql::setClockForTesting(1700000001000);
        auto fall = m_store->createCampaign(QStringLiteral("Fall"), QStringLiteral("sms"));
        QVERIFY(spring && fall);
        ContactCampaignsModel model(m_store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContact(m_ids[5]);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(CampaignStore::addMembers(db(), *spring, all()).ok());
        m_store->notifyExternalChange();
        QCOMPARE(model.rowCount(), 1);
        CampaignStore::Target one;
        one.useIds = true;
        one.ids = {m_ids[5]};
        QVERIFY(CampaignStore::addMembers(db(), *fall, one).ok());
        m_store->notifyExternalChange();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ContactCampaignsModel::CampaignColumn).data().toString(), QStringLiteral("Fall")); // newest
        QCOMPARE(model.index(1, ContactCampaignsModel::StatusColumn).data().toString(), QStringLiteral("Pending"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const int resets = reset.count();
        QVERIFY(m_store->setMemberStatus(*spring, {m_ids[5]}, DeliveryStatus::Unsubscribed).ok());
        QCOMPARE(reset.count(), resets);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.index(1, ContactCampaignsModel::StatusColumn).data().toString(), QStringLiteral("Unsubscribed"));
        QCOMPARE(model.unsubscribedAt(), qint64(1700000001000));
        QCOMPARE(model.index(1, 0).data(ContactCampaignsModel::CampaignIdRole).toLongLong(), *spring);

        model.setContact(m_ids[6]);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.unsubscribedAt(), qint64(0));
        model.setContact(0);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCampaignModels)
#include "TestCampaignModels.moc"
