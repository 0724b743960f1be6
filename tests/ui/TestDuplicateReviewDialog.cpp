// Drives the duplicate-review dialog like a rep: finds duplicates, picks the surviving contact's
// values, merges, marks "not duplicates", merges everything above a score, and undoes, checking
// the store (and a full dump of it) after each step.

#include "DuplicateReviewDialog.h"
#include "MainWindow.h"
#include "MessageBanner.h"
#include "ProfilePane.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "ToolbarClick.h"
#include "items/ContactListModel.h"
#include "items/DuplicateClusterModel.h"
#include "store/ContactStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace ContactDesk;
using Test::makeContact;

class TestDuplicateReviewDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;

    ContactRepository& repo() { return m_store->repository(); }
    QString dump() { return Test::dumpDatabase(m_temp->db().connection()); }

    qint64 add(const QString& first, const QString& last, const QString& email, const QString& phone = {},
               const QString& company = {}, const QString& jobTitle = {})
    {
        Contact c = makeContact(first, last, email, phone, company);
        c.jobTitle = jobTitle;
        auto id = m_store->createContact(c);
        if (!id)
            qWarning("%s", qPrintable(id.error().toString()));
        return id ? *id : 0;
    }

    void openWindow()
    {
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void clickToolbar(const char* name)
    {
        Test::clickToolbarAction(m_window.get(), name);
    }

    template <typename T>
    T* child(DuplicateReviewDialog* dialog, const char* name)
    {
        T* w = dialog->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    DuplicateReviewDialog* openAndFind()
    {
        clickToolbar("duplicatesAction");
        DuplicateReviewDialog* dialog = m_window->duplicateDialog();
        if (!dialog)
            return nullptr;
        new QAbstractItemModelTester(dialog->clusterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "findButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([dialog] { return !dialog->isScanning(); }, 20000))
            return nullptr;
        return dialog;
    }

    // Clicks the value of `label` in the column of contact `id` in the comparison table.
    void chooseValue(DuplicateReviewDialog* dialog, const QString& label, qint64 id)
    {
        auto* table = child<QTableWidget>(dialog, "compareTableWidget");
        int row = -1, column = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->verticalHeaderItem(r) && table->verticalHeaderItem(r)->text() == label)
                row = r;
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->horizontalHeaderItem(c)->text().startsWith(QStringLiteral("#%1 ").arg(id)))
                column = c;
        QVERIFY2(row >= 0 && column >= 0, qPrintable(label));
        const QRect rect = table->visualItemRect(table->item(row, column));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_store->setAuthor(QStringLiteral("tester"));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_temp.reset();
    }

    void reviewPickValueMergeAndUndo()
    {
        const qint64 a = add(QStringLiteral("Jonathan"), QStringLiteral("Smith"), QStringLiteral("jon.smith@gmail.com"),
                             {}, QStringLiteral("Acme"), QStringLiteral("Buyer"));
        const qint64 b = add(QStringLiteral("Jon"), QStringLiteral("Smith"), QStringLiteral("jonsmith+crm@gmail.com"),
                             QStringLiteral("(415) 555-3695"), QStringLiteral("Acme"), QStringLiteral("Head of Buying"));
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        QVERIFY(m_store->addNote(b, QStringLiteral("met at the fair")));
        QVERIFY(m_store->addTags({b}, {QStringLiteral("fair")}));
        const QString before = dump();
        openWindow();

        DuplicateReviewDialog* dialog = openAndFind();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 1);
        QCOMPARE(dialog->clusterModel()->cluster(0).contactIds, (QList<qint64>{a, b}));
        QVERIFY2(dialog->clusterModel()->cluster(0).evidence.contains(QStringLiteral("same mailbox")),
                 qPrintable(dialog->clusterModel()->cluster(0).evidence));
        auto* clusters = child<QTableView>(dialog, "clusterTableView");
        QTest::mouseClick(clusters->viewport(), Qt::LeftButton, {},
                          clusters->visualRect(dialog->clusterModel()->index(0, 1)).center());
        // The oldest contact survives; the rep keeps the other one's job title.
        chooseValue(dialog, Fields::label(ContactField::JobTitle), b);
        QTest::mouseClick(child<QPushButton>(dialog, "mergeButton"), Qt::LeftButton);

        QVERIFY(!repo().exists(b));
        auto merged = repo().load(a);
        QVERIFY(merged);
        QCOMPARE(merged->firstName, QStringLiteral("Jonathan"));
        QCOMPARE(merged->jobTitle, QStringLiteral("Head of Buying"));
        QCOMPARE(merged->emails.size(), 2);
        QCOMPARE(merged->phones.size(), 1);
        QCOMPARE(merged->tags, QStringList{QStringLiteral("fair")});
        QCOMPARE(repo().notes(a)->size(), 1);
        QCOMPARE(dialog->clusterModel()->rowCount(), 0);
        QCOMPARE(m_window->listModel()->rowCount(), 2);

        // Ctrl+Z in the main window takes the merge back exactly.
        dialog->close();
        QApplication::setActiveWindow(m_window.get());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(dump(), before);
        QTRY_COMPARE(m_window->listModel()->rowCount(), 3);
        // And Ctrl+Shift+Z merges again.
        m_window->undoStack()->redo();
        QVERIFY(!repo().exists(b));
        QCOMPARE(repo().load(a)->jobTitle, QStringLiteral("Head of Buying"));
    }

    void mergeSelectedContactsFromTheList()
    {
        const qint64 a = add(QStringLiteral("Ann"), QStringLiteral("Lee"), QStringLiteral("ann@one.example"));
        const qint64 b = add(QStringLiteral("Anne"), QStringLiteral("Li"), QStringLiteral("anne@two.example"));
        add(QStringLiteral("Zed"), QStringLiteral("Zulu"), QStringLiteral("zed@example.com"));
        openWindow();
        QTableView* table = m_window->tableView();
        const int rowA = m_window->listModel()->rowOf(a), rowB = m_window->listModel()->rowOf(b);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(rowA, 0)).center());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          table->visualRect(table->model()->index(rowB, 0)).center());
        QTest::keyClick(table, Qt::Key_M, Qt::ControlModifier);
        DuplicateReviewDialog* dialog = m_window->duplicateDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 1);
        QCOMPARE(dialog->clusterModel()->cluster(0).contactIds, (QList<qint64>{a, b}));
        // The rep picks the second contact as the one to keep.
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* radio = dialog->findChild<QAbstractButton*>(QStringLiteral("survivorRadioButton1"));
        QVERIFY(radio && radio->isVisible());
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
        QVERIFY(radio->isChecked());
        QTest::mouseClick(child<QPushButton>(dialog, "mergeButton"), Qt::LeftButton);
        QVERIFY2(!repo().exists(a), qPrintable(child<QLabel>(dialog, "statusLabel")->text()));
        QCOMPARE(repo().load(b)->emails.size(), 2);
        QCOMPARE(repo().load(b)->lastName, QStringLiteral("Li"));
    }

    void mergingTooManyByHandIsRefusedWithAReason()
    {
        for (int i = 0; i < 26; ++i)
            add(QStringLiteral("P%1").arg(i), QStringLiteral("Person"), QStringLiteral("p%1@example.com").arg(i));
        openWindow();
        QTableView* table = m_window->tableView();
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 26);
        QTest::keyClick(table, Qt::Key_M, Qt::ControlModifier);
        DuplicateReviewDialog* dialog = m_window->duplicateDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 0);
        QVERIFY2(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("at most 25")),
                 qPrintable(child<QLabel>(dialog, "statusLabel")->text()));
        QCOMPARE(repo().stats()->contacts, 26);
    }

    void notDuplicatesAreNotSuggestedAgain()
    {
        const qint64 a = add(QStringLiteral("Maria"), QStringLiteral("Garcia"), QStringLiteral("m.garcia@gmail.com"));
        const qint64 b = add(QStringLiteral("Maria"), QStringLiteral("Garcia"), QStringLiteral("mgarcia@gmail.com"));
        openWindow();
        DuplicateReviewDialog* dialog = openAndFind();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 1);
        dialog->findChild<QTableView*>(QStringLiteral("clusterTableView"))->selectRow(0);
        QTest::mouseClick(child<QPushButton>(dialog, "notDuplicatesButton"), Qt::LeftButton);
        QCOMPARE(dialog->clusterModel()->rowCount(), 0);
        QSqlQuery q(m_temp->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT contact_a, contact_b FROM not_duplicates")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), a);
        QCOMPARE(q.value(1).toLongLong(), b);
        q.finish();
        QTest::mouseClick(child<QPushButton>(dialog, "findButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([dialog] { return !dialog->isScanning(); }, 20000));
        QCOMPARE(dialog->clusterModel()->rowCount(), 0);
        QVERIFY(repo().exists(a) && repo().exists(b));
    }

    void typingAProbableDuplicateShowsABannerThatOpensTheReview()
    {
        const qint64 jon = add(QStringLiteral("Jon"), QStringLiteral("Smith"), QStringLiteral("jon.smith@gmail.com"));
        openWindow();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        auto* profile = m_window->profilePane();
        QTest::keyClicks(profile->findChild<QLineEdit*>(QStringLiteral("firstNameLineEdit")), QStringLiteral("Jonathan"));
        QTest::keyClicks(profile->findChild<QLineEdit*>(QStringLiteral("lastNameLineEdit")), QStringLiteral("Smith"));
        QTest::keyClicks(profile->findChild<QLineEdit*>(QStringLiteral("emailLineEdit0")),
                         QStringLiteral("jonsmith+fair@gmail.com"));
        QTRY_COMPARE(repo().stats()->contacts, 2);
        MessageBanner* banner = profile->duplicateBanner();
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("Possible duplicate of Jon Smith")), qPrintable(banner->text()));
        // Nothing was blocked: the new contact is saved as typed.
        const qint64 created = profile->contactId();
        QCOMPARE(repo().load(created)->primaryEmail(), QStringLiteral("jonsmith+fair@gmail.com"));
        auto* review = banner->findChild<QToolButton*>(QStringLiteral("messageBannerActionButton"));
        QVERIFY(review && review->isVisible());
        QTest::mouseClick(review, Qt::LeftButton);
        DuplicateReviewDialog* dialog = m_window->duplicateDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 1);
        QCOMPARE(dialog->clusterModel()->cluster(0).contactIds, (QList<qint64>{jon, created}));
    }

    void mergeAllAboveAScoreAndUndoAsOne()
    {
        add(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada.lovelace@gmail.com"));
        add(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("adalovelace@gmail.com"));
        add(QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("alan.turing@gmail.com"));
        add(QStringLiteral("Alan"), QStringLiteral("Turing"), QStringLiteral("a.lan.turing+x@gmail.com"));
        add(QStringLiteral("Grace"), QStringLiteral("Hopper"), QStringLiteral("grace@navy.example"));
        const QString before = dump();
        openWindow();
        DuplicateReviewDialog* dialog = openAndFind();
        QVERIFY(dialog);
        QCOMPARE(dialog->clusterModel()->rowCount(), 2);
        auto* score = child<QDoubleSpinBox>(dialog, "bulkScoreSpinBox");
        score->setValue(0.9);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(dialog, "mergeAllButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([dialog] { return !dialog->isBulkMerging(); }, 20000));
        QCOMPARE(repo().stats()->contacts, 3);
        QCOMPARE(dialog->clusterModel()->rowCount(), 0);
        QTRY_COMPARE(m_window->listModel()->rowCount(), 3);
        // One Ctrl+Z takes the whole bulk merge back, in the background.
        m_window->undoStack()->undo();
        QVERIFY(QTest::qWaitFor([this] { return !m_store->isJobRunning(); }, 20000));
        QCOMPARE(dump(), before);
        QTRY_COMPARE(m_window->listModel()->rowCount(), 5);
    }
};

QTEST_MAIN(TestDuplicateReviewDialog)
#include "TestDuplicateReviewDialog.moc"
