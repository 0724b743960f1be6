// Renders the real windows and dialogs on a demo database and saves them as PNG for
// docs/screenshots/ (run under xvfb-run; not a ctest case):
//   xvfb-run -a build/tests/ui/contactdesk_screenshots DEMO.csv OUT_DIR

#include "CampaignsDialog.h"
#include "FilterBar.h"
#include "ProfilePane.h"
#include "DuplicateReviewDialog.h"
#include "MainWindow.h"
#include "TagManagerDialog.h"
#include "items/CampaignTableModel.h"
#include "items/TagTableModel.h"
#include "items/DuplicateClusterModel.h"
#include "import/ImportSummaryDialog.h"
#include "import/ImportWizard.h"
#include "io/DemoData.h"
#include "io/ImportJob.h"
#include "store/BulkEdit.h"
#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/SavedLists.h"
#include "store/Database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ContactDesk;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc != 3) {
        qWarning("usage: contactdesk_screenshots DEMO.csv OUT_DIR");
        return 2;
    }
    const QString csv = QString::fromLocal8Bit(argv[1]);
    const QString out = QString::fromLocal8Bit(argv[2]);
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("c.sqlite")));
    if (!db)
        return 1;
    if (!DemoData::fill(db.value()->connection(), PhoneNormalizer(QStringLiteral("US")), 2000, 2026))
        return 1;
    ContactStore store(*db.value(), PhoneNormalizer(QStringLiteral("US")));
    MainWindow window(&store);
    window.resize(1280, 800);
    window.show();
    QTest::qWait(500);

    ImportWizard wizard(db.value()->path(), QStringLiteral("US"), &window);
    wizard.show();
    wizard.findChild<QLineEdit*>(QStringLiteral("fileLineEdit"))->setText(csv);
    auto snap = [&](const QString& name) {
        QTest::qWait(300);
        wizard.grab().save(out + QLatin1Char('/') + name);
    };
    for (int page = 0; page < 4; ++page) {
        wizard.next();
        if (page == 0)
            snap(QStringLiteral("import-preview.png"));
        if (page == 1)
            snap(QStringLiteral("import-mapping.png"));
    }
    for (int i = 0; i < 600 && !wizard.button(QWizard::FinishButton)->isEnabled(); ++i)
        QTest::qWait(100);
    snap(QStringLiteral("import-dry-run.png"));
    wizard.hide();

    ImportRequest request = wizard.request();
    const ImportSummary summary = ImportJob::importFile(db.value()->connection(), request);
    store.notifyExternalChange();
    ImportSummaryDialog done(summary, QStringLiteral("fair.csv"), &window);
    done.show();
    QTest::qWait(300);
    done.grab().save(out + QStringLiteral("/import-summary.png"));
    done.hide();
    window.showImportedContacts(summary.runId);
    QTest::qWait(300);
    window.grab().save(out + QStringLiteral("/import-filter.png"));

    // The filter bar: two tags all-of, one none-of, a letter.
    window.showImportedContacts(0);
    window.findChild<QLineEdit*>(QStringLiteral("allTagsLineEdit"))->setText(QStringLiteral("customer"));
    window.findChild<QLineEdit*>(QStringLiteral("noneTagsLineEdit"))->setText(QStringLiteral("churn risk"));
    window.findChild<QAbstractButton*>(QStringLiteral("letterButtonM"))->click();
    QTest::qWait(800);
    window.grab().save(out + QStringLiteral("/filter-bar.png"));

    // The tag manager: a few coloured tags, one selected.
    const QStringList colors{QStringLiteral("#d9534f"), QStringLiteral("#f0ad4e"), QStringLiteral("#5cb85c"),
                             QStringLiteral("#337ab7")};
    auto tags = store.repository().allTags();
    for (qsizetype i = 0; tags && i < tags->size() && i < 2 * colors.size(); i += 2)
        (void)store.setTagColor(tags->at(i).id, colors.at(i / 2));
    window.showTagManager();
    TagManagerDialog* tagManager = window.tagManager();
    for (int i = 0; i < 100 && tagManager->model()->isLoading(); ++i)
        QTest::qWait(100);
    if (tags && tags->size() > 2)
        tagManager->selectTag(tags->at(2).id);
    QTest::qWait(300);
    tagManager->grab().save(out + QStringLiteral("/tag-manager.png"));
    tagManager->close();

    // The sidebar's lists: two smart lists and two static ones, one of them shown.
    window.findChild<QPushButton*>(QStringLiteral("clearFiltersButton"))->click();
    ContactFilter customers;
    customers.allTags = {QStringLiteral("customer")};
    customers.noneTags = {QStringLiteral("churn risk")};
    auto shown = store.createSmartList(QStringLiteral("Happy customers"), customers, {});
    ContactFilter unsubscribed;
    unsubscribed.status = QStringLiteral("unsubscribed");
    (void)store.createSmartList(QStringLiteral("Unsubscribed"), unsubscribed, {});
    BulkEdit::Target some;
    some.query.filter.letter = QStringLiteral("k");
    (void)BulkEdit::addToList(db.value()->connection(), QStringLiteral("Spring fair"), some);
    some.query.filter.letter = QStringLiteral("b");
    (void)BulkEdit::addToList(db.value()->connection(), QStringLiteral("Call back in May"), some);
    store.notifyExternalChange();
    if (shown)
        if (auto list = SavedLists::byId(db.value()->connection(), *shown))
            window.showSavedList(*list);
    QTest::qWait(800);
    window.grab().save(out + QStringLiteral("/lists-sidebar.png"));
    window.findChild<QPushButton*>(QStringLiteral("clearFiltersButton"))->click();
    window.showImportedContacts(0);
    window.showDuplicates({});
    DuplicateReviewDialog* dupes = window.duplicateDialog();
    QTest::mouseClick(dupes->findChild<QPushButton*>(QStringLiteral("findButton")), Qt::LeftButton);
    for (int i = 0; i < 600 && dupes->isScanning(); ++i)
        QTest::qWait(100);
    // A cluster where the contacts disagree on something shows the choice best.
    auto* clusters = dupes->findChild<QTableView*>(QStringLiteral("clusterTableView"));
    for (int row = 0; row < dupes->clusterModel()->rowCount(); ++row) {
        if (dupes->clusterModel()->cluster(row).evidence.contains(QStringLiteral("alike"))) {
            clusters->selectRow(row);
            break;
        }
    }
    QTest::qWait(300);
    dupes->grab().save(out + QStringLiteral("/duplicates-review.png"));
    QTest::mouseClick(dupes->findChild<QPushButton*>(QStringLiteral("mergeButton")), Qt::LeftButton);
    dupes->findChild<QTabWidget*>(QStringLiteral("duplicateTabWidget"))->setCurrentIndex(1);
    QTest::qWait(300);
    dupes->grab().save(out + QStringLiteral("/duplicates-history.png"));
    dupes->close();

    // Campaigns: three of them, the newest with members in every delivery status.
    const QSqlDatabase c = db.value()->connection();
    const auto winter = CampaignStore::create(c, QStringLiteral("Winter newsletter"));
    const auto webinar = CampaignStore::create(c, QStringLiteral("Webinar invitations"), QStringLiteral("email"));
    const auto spring = CampaignStore::create(c, QStringLiteral("Spring launch"), QStringLiteral("email"));
    if (!winter || !webinar || !spring)
        return 1;
    (void)CampaignStore::setStatus(c, *winter, QStringLiteral("completed"));
    (void)CampaignStore::setStatus(c, *spring, QStringLiteral("active"));
    CampaignStore::Target customerTarget;
    customerTarget.query.filter.allTags = {QStringLiteral("customer")};
    auto added = CampaignStore::addMembers(c, *spring, customerTarget);
    if (!added)
        return 1;
    const QVector<qint64> members = added->ids;
    // A plausible spread: most sent, a share opened, fewer clicked, a few unsubscribed or bounced.
    for (qsizetype i = 0; i < members.size(); ++i) {
        const int r = int(i % 20);
        const DeliveryStatus status = r < 2 ? DeliveryStatus::Pending
                                      : r < 9 ? DeliveryStatus::Sent
                                      : r < 15 ? DeliveryStatus::Opened
                                      : r < 18 ? DeliveryStatus::Clicked
                                      : r < 19 ? DeliveryStatus::Unsubscribed
                                               : DeliveryStatus::Bounced;
        (void)CampaignStore::setMemberStatus(c, *spring, {members[i]}, status, 1772000000000 + i * 60000);
    }
    CampaignStore::Target first120;
    first120.useIds = true;
    first120.ids = QList<qint64>(members.cbegin(), members.cbegin() + std::min<qsizetype>(members.size(), 120));
    (void)CampaignStore::addMembers(c, *winter, first120); // the unsubscribed are skipped
    (void)CampaignStore::addMembers(c, *webinar, first120);
    store.notifyExternalChange();
    window.showCampaigns();
    CampaignsDialog* campaigns = window.campaignsDialog();
    campaigns->resize(1100, 720);
    for (int i = 0; i < 100 && campaigns->model()->isLoading(); ++i)
        QTest::qWait(100);
    campaigns->selectCampaign(*spring);
    QTest::qWait(500);
    campaigns->grab().save(out + QStringLiteral("/campaigns.png"));
    campaigns->close();

    // The profile of a member who unsubscribed, scrolled to its campaign pane.
    if (members.size() > 18) {
        window.showImportedContacts(0);
        // The list keeps its width (filter sidebar and columns), so the profile gets the rest of a
        // wide window.
        window.resize(1700, 800);
        QTest::qWait(500);
        window.profilePane()->showContact(members[18]);
        QTest::qWait(300);
        auto* scroll = window.profilePane()->findChild<QScrollArea*>(QStringLiteral("profileScrollArea"));
        if (auto* box = window.profilePane()->findChild<QWidget*>(QStringLiteral("campaignsGroupBox")))
            scroll->verticalScrollBar()->setValue(box->y() - 220); // the tags above it, the address below
        QTest::qWait(300);
        window.profilePane()->grab().save(out + QStringLiteral("/profile-campaigns.png"));
    }
    return 0;
}
