// Drives the campaigns view like a rep: create a campaign, rename it in place, set its status,
// archive and unarchive it, change a member's delivery status, import statuses from a CSV export,
// and read the funnel; each step is checked in the store. A status change and an import are each
// one step on the undo stack, taken back exactly (a dump of the whole database).

#include "CampaignsDialog.h"
#include "FileDialog.h"
#include "MessageBanner.h"
#include "TestSupport.h"
#include "items/CampaignMembersModel.h"
#include "items/CampaignTableModel.h"
#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Sql.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace ContactDesk;

class TestCampaignsDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<CampaignsDialog> m_dialog;
    QList<qint64> m_ids;

    QSqlDatabase db() { return m_temp->db().connection(); }

    template <typename T>
    T* child(const char* name)
    {
        T* w = m_dialog->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    void open()
    {
        m_undo = std::make_unique<QUndoStack>();
        m_dialog = std::make_unique<CampaignsDialog>(m_store.get(), m_undo.get());
        m_dialog->show();
        QApplication::setActiveWindow(m_dialog.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QTRY_VERIFY(!m_dialog->model()->isLoading());
    }

    void click(const char* name)
    {
        auto* button = child<QPushButton>(name);
        QVERIFY(button);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void clickRow(QTableView* table, int row, Qt::KeyboardModifiers modifiers = {})
    {
        const QModelIndex index = table->model()->index(row, 0);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
    }

    void chooseInCombo(const char* name, const QString& data)
    {
        auto* box = child<QComboBox>(name);
        QVERIFY(box);
        const int target = box->findData(data);
        QVERIFY2(target >= 0, qPrintable(data));
        box->setFocus();
        while (box->currentIndex() != target)
            QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    }

    Campaign stored(qint64 id) { return *CampaignStore::campaign(db(), id); }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_ids.clear();
        for (const QString& n : {QStringLiteral("Ada"), QStringLiteral("Bob"), QStringLiteral("Cy"), QStringLiteral("Dee")}) {
            auto id = m_store->createContact(Test::makeContact(n, QStringLiteral("Lee"), n.toLower() + QStringLiteral("@x.org")));
            QVERIFY(id);
            m_ids.append(*id);
        }
    }

    void cleanup()
    {
        m_dialog.reset();
        m_undo.reset();
        m_store->waitForJobs();
        m_store.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void createRenameStatusArchive()
    {
        open();
        QCOMPARE(child<QLabel>("membersLabel")->text(),
                 QStringLiteral("Create a campaign, then add contacts from the list (select them, then \"Add to campaign…\")."));
        QTest::keyClicks(child<QLineEdit>("newCampaignLineEdit"), QStringLiteral("Spring launch"));
        chooseInCombo("channelComboBox", QStringLiteral("sms"));
        click("createCampaignButton");
        QTRY_COMPARE(m_dialog->model()->rowCount(), 1);
        QTRY_VERIFY(m_dialog->currentCampaignId() > 0); // the new campaign is selected
        const qint64 id = m_dialog->currentCampaignId();
        QCOMPARE(stored(id).name, QStringLiteral("Spring launch"));
        QCOMPARE(stored(id).channel, QStringLiteral("sms"));
        QVERIFY(child<QLineEdit>("newCampaignLineEdit")->text().isEmpty());

        // A second one with the same name (other case) is refused in the banner.
        QTest::keyClicks(child<QLineEdit>("newCampaignLineEdit"), QStringLiteral("SPRING LAUNCH"));
        QTest::keyClick(child<QLineEdit>("newCampaignLineEdit"), Qt::Key_Return);
        QVERIFY(m_dialog->findChild<MessageBanner*>()->isVisible());
        QVERIFY2(m_dialog->findChild<MessageBanner*>()->text().contains(QLatin1String("there is already a campaign")),
                 qPrintable(m_dialog->findChild<MessageBanner*>()->text()));
        QCOMPARE(CampaignStore::list(db())->size(), 1);

        // Rename in place: Rename opens the editor on the name.
        click("renameCampaignButton");
        auto* table = child<QTableView>("campaignsTableView");
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Spring sale"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(stored(id).name, QStringLiteral("Spring sale"));
        QTRY_COMPARE(table->model()->index(0, CampaignTableModel::NameColumn).data().toString(), QStringLiteral("Spring sale"));

        // Status from the combo.
        chooseInCombo("campaignStatusComboBox", QStringLiteral("active"));
        QTest::keyClick(child<QComboBox>("campaignStatusComboBox"), Qt::Key_Return);
        QTRY_COMPARE(stored(id).status, QStringLiteral("active"));
        // Return there picks nothing else (no button is the dialog's default): still one campaign.
        QCOMPARE(CampaignStore::list(db())->size(), 1);

        // Archive: gone from the table until "Show archived"; then unarchive.
        click("archiveCampaignButton");
        QVERIFY(stored(id).isArchived());
        QTRY_COMPARE(m_dialog->model()->rowCount(), 0);
        QTest::mouseClick(child<QCheckBox>("showArchivedCheckBox"), Qt::LeftButton);
        QTRY_COMPARE(m_dialog->model()->rowCount(), 1);
        clickRow(table, 0);
        QCOMPARE(child<QPushButton>("archiveCampaignButton")->text(), QStringLiteral("Unarchive"));
        click("archiveCampaignButton");
        QVERIFY(!stored(id).isArchived());
        QTRY_COMPARE(child<QPushButton>("archiveCampaignButton")->text(), QStringLiteral("Archive"));
    }

    void memberStatusImportAndFunnel()
    {
        auto spring = CampaignStore::create(db(), QStringLiteral("Spring"));
        QVERIFY(spring);
        QVERIFY(CampaignStore::addMembers(db(), *spring, CampaignStore::Target{}).ok());
        open();
        QTRY_COMPARE(m_dialog->currentCampaignId(), *spring); // the only campaign is selected
        auto* members = child<QTableView>("membersTableView");
        QTRY_COMPARE(members->model()->rowCount(), 4);
        QCOMPARE(child<QLabel>("membersLabel")->text(), QStringLiteral("4 members"));
        QCOMPARE(m_dialog->funnelValues(), (QList<qint64>{4, 0, 0, 0, 0, 0}));

        // Bob and Dee clicked: select both rows, pick the status, Set status.
        clickRow(members, 1);
        clickRow(members, 3, Qt::ControlModifier);
        chooseInCombo("memberStatusComboBox", QStringLiteral("clicked"));
        click("setMemberStatusButton");
        auto counts = [&] { return *CampaignStore::counts(db(), *spring); };
        QCOMPARE(counts().of(DeliveryStatus::Clicked), qint64(2));
        QCOMPARE(members->model()->index(1, CampaignMembersModel::StatusColumn).data().toString(), QStringLiteral("Clicked"));
        QTRY_COMPARE(m_dialog->funnelValues(), (QList<qint64>{4, 2, 2, 2, 0, 0}));

        // Import an export: Ada opened, Cy unsubscribed, one unknown address, one unknown word.
        const QString csv = m_temp->dir() + QStringLiteral("/export.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Email,Event,Timestamp\n"
                    "ada@x.org,open,2024-03-01T10:00:00Z\n"
                    "cy@x.org,unsubscribe,2024-03-02T10:00:00Z\n"
                    "zed@x.org,open,2024-03-01T10:00:00Z\n"
                    "dee@x.org,forwarded,2024-03-01T10:00:00Z\n");
        }
        FileDialog::setNextFileName(csv);
        click("importStatusesButton");
        QTRY_VERIFY(!m_dialog->isImporting());
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(counts().of(DeliveryStatus::Opened), qint64(1));
        QCOMPARE(counts().of(DeliveryStatus::Unsubscribed), qint64(1));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[2]), qint64(1709373600000));
        auto* banner = m_dialog->findChild<MessageBanner*>();
        QTRY_COMPARE(banner->text(), QStringLiteral("export.csv: Updated 2 members, 0 unchanged, 2 skipped; 1 contact newly "
                                                    "unsubscribed."));
        auto* problems = child<QListWidget>("importProblemsListWidget");
        QVERIFY(problems->isVisible());
        QCOMPARE(problems->count(), 2);
        QCOMPARE(problems->item(0)->text(), QStringLiteral("Line 4: no contact has the email zed@x.org"));
        QCOMPARE(problems->item(1)->text(), QStringLiteral("Line 5: unknown status \"forwarded\" for dee@x.org"));
        // Members 4: sent = opened(1) + clicked(2) + unsubscribed(1); opened = 1 + 2.
        QTRY_COMPARE(m_dialog->funnelValues(), (QList<qint64>{4, 4, 3, 2, 1, 0}));
        QTRY_COMPARE(members->model()->index(2, CampaignMembersModel::StatusColumn).data().toString(),
                     QStringLiteral("Unsubscribed"));

        // Only the clicked ones.
        chooseInCombo("memberFilterComboBox", QStringLiteral("clicked"));
        QTRY_COMPARE(members->model()->rowCount(), 2);
        QCOMPARE(child<QLabel>("membersLabel")->text(), QStringLiteral("2 clicked of 4 members"));
    }

    void statusChangeAndImportUndo()
    {
        auto spring = CampaignStore::create(db(), QStringLiteral("Spring"));
        QVERIFY(spring);
        QVERIFY(CampaignStore::addMembers(db(), *spring, CampaignStore::Target{}).ok());
        open();
        QTRY_COMPARE(m_dialog->currentCampaignId(), *spring);
        auto* members = child<QTableView>("membersTableView");
        QTRY_COMPARE(members->model()->rowCount(), 4);
        auto* undo = child<QToolButton>("campaignUndoButton");
        auto* redo = child<QToolButton>("campaignRedoButton");
        const QString start = Test::dumpDatabase(db());

        // Ada and Cy unsubscribed by hand: both contacts are marked too; Ctrl+Z puts all back.
        Sql::setClockForTesting(1700000100000);
        clickRow(members, 0);
        clickRow(members, 2, Qt::ControlModifier);
        chooseInCombo("memberStatusComboBox", QStringLiteral("unsubscribed"));
        click("setMemberStatusButton");
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[0]), qint64(1700000100000));
        QCOMPARE(m_undo->count(), 1);
        QCOMPARE(m_undo->undoText(), QStringLiteral("Set 2 members of \"Spring\" to unsubscribed"));
        const QString unsubscribed = Test::dumpDatabase(db());
        QApplication::setActiveWindow(m_dialog.get());
        QTest::keyClick(members, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), start);
        QTRY_COMPARE(members->model()->index(0, CampaignMembersModel::StatusColumn).data().toString(),
                     QStringLiteral("Pending"));
        QTest::mouseClick(redo, Qt::LeftButton);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), unsubscribed);
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), start);

        // An import is one step: every member's status and date and the contact it marked.
        const QString csv = m_temp->dir() + QStringLiteral("/export.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("email,status,timestamp\n"
                    "ada@x.org,open,2024-03-01T10:00:00Z\n"
                    "bob@x.org,click,2024-03-01T10:00:00Z\n"
                    "cy@x.org,unsubscribe,2024-03-02T10:00:00Z\n");
        }
        FileDialog::setNextFileName(csv);
        click("importStatusesButton");
        QTRY_VERIFY(!m_dialog->isImporting());
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(CampaignStore::counts(db(), *spring)->of(DeliveryStatus::Clicked), qint64(1));
        QCOMPARE(m_undo->count(), 1); // the undone status change was replaced
        QCOMPARE(m_undo->undoText(), QStringLiteral("Import statuses from export.csv"));
        QTest::mouseClick(undo, Qt::LeftButton);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(Test::dumpDatabase(db()), start);
        QTRY_COMPARE(m_dialog->funnelValues(), (QList<qint64>{4, 0, 0, 0, 0, 0}));
    }
};

QTEST_MAIN(TestCampaignsDialog)
#include "TestCampaignsDialog.moc"
