// The campaign parts of the main window, driven like a rep: "Add to campaign…" on picked rows and
// on every matching contact (in the background, with the skipped and why in the banner, undone
// and redone with Ctrl+Z / redo), the "Campaigns…" toolbar action, and the profile's campaign pane.

#include "CampaignPane.h"
#include "CampaignsDialog.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "TestSupport.h"
#include "ToolbarClick.h"
#include "items/ContactCampaignsModel.h"
#include "items/ContactListModel.h"
#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Sql.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace ContactDesk;

class TestCampaignActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;

    QSqlDatabase db() { return m_temp->db().connection(); }

    qint64 add(const QString& first, const QString& last)
    {
        auto id = m_store->createContact(Test::makeContact(first, last, first.toLower() + QStringLiteral("@example.com")));
        return id ? *id : 0;
    }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    template <typename T>
    T* child(const char* name)
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    void clickAction(const char* name)
    {
        Test::clickToolbarAction(m_window.get(), name);
    }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        QTableView* table = m_window->tableView();
        const QModelIndex index = table->model()->index(row, 0);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
    }

    // The next modal input dialog: type the campaign's name and press Enter.
    void answerInputDialog(const QString& text)
    {
        QTimer::singleShot(0, this, [text] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* combo = dialog->findChild<QComboBox*>();
            QVERIFY(combo && combo->isEditable());
            combo->lineEdit()->selectAll();
            QTest::keyClicks(combo->lineEdit(), text);
            QTest::keyClick(combo->lineEdit(), Qt::Key_Return);
        });
    }

    void pressInList(Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        QApplication::setActiveWindow(m_window.get());
        m_window->tableView()->setFocus();
        QTest::keyClick(m_window->tableView(), key, modifiers);
    }

    int members(qint64 campaign)
    {
        auto n = Sql::scalar(db(), QStringLiteral("t"), QStringLiteral("SELECT COUNT(*) FROM campaign_members WHERE campaign_id = ?"),
                             {campaign});
        return n ? n->toInt() : -1;
    }

    // The window's banner over the list (the profile has banners of its own, hidden here).
    QString bannerText()
    {
        for (MessageBanner* banner : m_window->findChildren<MessageBanner*>())
            if (banner->isVisible())
                return banner->text();
        return {};
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void addAllMatchingSkipsTheUnsubscribedAndUndoes()
    {
        // 260 contacts (more than the list loads at once); 5 of them unsubscribed from an old campaign.
        QList<qint64> ids;
        {
            Sql::TransactionGuard tx(db());
            for (int i = 0; i < 260; ++i)
                ids.append(add(QStringLiteral("P%1").arg(i), QStringLiteral("Name%1").arg(i, 3, 10, QLatin1Char('0'))));
            QVERIFY(tx.commit().ok());
        }
        auto old = CampaignStore::create(db(), QStringLiteral("Winter"));
        CampaignStore::Target five;
        five.useIds = true;
        five.ids = ids.mid(0, 5);
        QVERIFY(CampaignStore::addMembers(db(), *old, five).ok());
        QVERIFY(CampaignStore::setMemberStatus(db(), *old, five.ids, DeliveryStatus::Unsubscribed).ok());
        auto spring = CampaignStore::create(db(), QStringLiteral("Spring"));
        QVERIFY(spring);

        openWindow();
        clickRow(0);
        clickAction("selectAllMatchingAction");
        QVERIFY(m_window->isAllMatchingSelected());
        answerInputDialog(QStringLiteral("spring"));
        clickAction("addToCampaignAction");
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QCOMPARE(members(*spring), 255);
        QTRY_COMPARE(bannerText(), QStringLiteral("Added 255 contacts to \"Spring\". Skipped 5 contacts: unsubscribed. "
                                                  "Undo with Ctrl+Z."));
        QCOMPARE(m_window->undoStack()->count(), 1);

        pressInList(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(members(*spring), 0);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        const QKeyCombination redo = child<QAction>("redoAction")->shortcut()[0];
        pressInList(redo.key(), redo.keyboardModifiers());
        QTRY_COMPARE(members(*spring), 255);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
    }

    void addPickedRowsToANewCampaignAndSeeItOnTheProfile()
    {
        const qint64 ada = add(QStringLiteral("Ada"), QStringLiteral("Avery"));
        const qint64 bob = add(QStringLiteral("Bob"), QStringLiteral("Brown"));
        add(QStringLiteral("Cy"), QStringLiteral("Cole"));
        openWindow();
        QTRY_COMPARE(m_window->listModel()->rowCount(), 3);
        clickRow(0);
        clickRow(1, Qt::ControlModifier);
        QVERIFY(!m_window->isAllMatchingSelected());
        // A name no campaign has creates it.
        answerInputDialog(QStringLiteral("Trade show follow-up"));
        clickAction("addToCampaignAction");
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        auto created = CampaignStore::find(db(), QStringLiteral("Trade show follow-up"));
        QVERIFY(created);
        QCOMPARE(created->channel, QStringLiteral("email"));
        QCOMPARE(members(created->id), 2);
        QTRY_COMPARE(bannerText(), QStringLiteral("Added 2 contacts to \"Trade show follow-up\". Undo with Ctrl+Z."));

        // The profile of Ada lists the campaign with her status and its date.
        clickRow(0);
        auto* pane = child<CampaignPane>("campaignPane");
        QVERIFY(pane);
        QTRY_COMPARE(pane->model()->contactId(), ada);
        auto* view = child<QTableView>("contactCampaignsTableView");
        QTRY_COMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, ContactCampaignsModel::CampaignColumn).data().toString(),
                 QStringLiteral("Trade show follow-up"));
        QCOMPARE(view->model()->index(0, ContactCampaignsModel::StatusColumn).data().toString(), QStringLiteral("Pending"));
        QVERIFY(view->isVisible());
        QVERIFY(!child<QLabel>("unsubscribedLabel")->isVisible());

        // She unsubscribes (set in the campaigns view): the pane follows and says new campaigns skip her.
        QVERIFY(m_store->setMemberStatus(created->id, {ada}, DeliveryStatus::Unsubscribed).ok());
        QTRY_COMPARE(view->model()->index(0, ContactCampaignsModel::StatusColumn).data().toString(),
                     QStringLiteral("Unsubscribed"));
        QTRY_VERIFY(child<QLabel>("unsubscribedLabel")->isVisible());
        QVERIFY2(child<QLabel>("unsubscribedLabel")->text().startsWith(QLatin1String("Unsubscribed on ")),
                 qPrintable(child<QLabel>("unsubscribedLabel")->text()));

        // Bob's profile: the same campaign, still pending; Cy is in none.
        clickRow(1);
        QTRY_COMPARE(pane->model()->contactId(), bob);
        QTRY_COMPARE(view->model()->index(0, ContactCampaignsModel::StatusColumn).data().toString(), QStringLiteral("Pending"));
        clickRow(2);
        QTRY_COMPARE(view->model()->rowCount(), 0);
        QVERIFY(child<QLabel>("noCampaignsLabel")->isVisible());

        // Adding Ada again to another campaign skips her, with the reason.
        QTRY_COMPARE(m_window->listModel()->rowCount(), 3);
        clickRow(0);
        answerInputDialog(QStringLiteral("Spring"));
        clickAction("addToCampaignAction");
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QTRY_COMPARE(bannerText(), QStringLiteral("Added no contacts to \"Spring\". Skipped 1 contact: unsubscribed."));
        QCOMPARE(m_window->undoStack()->count(), 1); // nothing to undo for the second
    }

    void campaignsActionOpensTheView()
    {
        auto spring = CampaignStore::create(db(), QStringLiteral("Spring"));
        QVERIFY(spring);
        openWindow();
        clickAction("campaignsAction");
        CampaignsDialog* dialog = m_window->campaignsDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTRY_COMPARE(dialog->currentCampaignId(), *spring);
        // Only one at a time.
        clickAction("campaignsAction");
        QCOMPARE(m_window->findChildren<CampaignsDialog*>().size(), 1);
        dialog->close();
        QTRY_VERIFY(!m_window->campaignsDialog());
    }

    void profilePaneSetsStatusUndoably()
    {
        const qint64 ada = add(QStringLiteral("Ada"), QStringLiteral("Lovelace"));
        add(QStringLiteral("Bob"), QStringLiteral("Brown"));
        auto spring = CampaignStore::create(db(), QStringLiteral("Spring"));
        QVERIFY(spring);
        QVERIFY(CampaignStore::addMembers(db(), *spring, CampaignStore::Target{}).ok());
        openWindow();
        QTRY_COMPARE(m_window->listModel()->rowCount(), 2);
        clickRow(m_window->listModel()->rowOf(ada));
        auto* pane = child<CampaignPane>("campaignPane");
        QTRY_COMPARE(pane->model()->contactId(), ada);
        auto* view = child<QTableView>("contactCampaignsTableView");
        QTRY_COMPARE(view->model()->rowCount(), 1);
        auto* set = child<QPushButton>("campaignPaneSetStatusButton");
        QVERIFY(set->isVisible());
        QVERIFY(!set->isEnabled()); // no campaign picked yet
        const QString start = Test::dumpDatabase(db());

        Sql::setClockForTesting(1700000200000);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        QVERIFY(set->isEnabled());
        auto* combo = child<QComboBox>("campaignPaneStatusComboBox");
        QCOMPARE(combo->currentData().toString(), QStringLiteral("pending")); // her status now
        combo->setCurrentIndex(combo->findData(QStringLiteral("unsubscribed")));
        QTest::mouseClick(set, Qt::LeftButton);
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), ada), qint64(1700000200000));
        QTRY_COMPARE(view->model()->index(0, ContactCampaignsModel::StatusColumn).data().toString(),
                     QStringLiteral("Unsubscribed"));
        QTRY_VERIFY(child<QLabel>("unsubscribedLabel")->isVisible());
        QCOMPARE(m_window->undoStack()->count(), 1);
        const QString after = Test::dumpDatabase(db());

        pressInList(Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), start);
        QTRY_COMPARE(view->model()->index(0, ContactCampaignsModel::StatusColumn).data().toString(),
                     QStringLiteral("Pending"));
        QTRY_VERIFY(!child<QLabel>("unsubscribedLabel")->isVisible());
        pressInList(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), after);
    }
};

QTEST_MAIN(TestCampaignActions)
#include "TestCampaignActions.moc"
