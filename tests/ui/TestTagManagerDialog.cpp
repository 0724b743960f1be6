// Drives the tag manager like a rep: opens it from the toolbar, adds a tag, renames one in place,
// renames onto an existing tag (merge), picks a colour in the colour dialog and deletes a tag
// after the confirmation, checking the store after each step; then takes each back with Ctrl+Z in
// the main window or the dialog's Undo, comparing a dump of the whole database.

#include "MainWindow.h"
#include "MessageBox.h"
#include "TagManagerDialog.h"
#include "TestSupport.h"
#include "items/TagTableModel.h"
#include "store/ContactStore.h"
#include "store/TagCatalog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColorDialog>
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
using Test::makeContact;

class TestTagManagerDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_ada = 0, m_bob = 0, m_cy = 0;

    ContactRepository& repo() { return m_store->repository(); }

    qint64 tagId(const QString& name)
    {
        auto id = repo().tagId(name, false);
        return id ? *id : 0;
    }

    TagInfo tag(const QString& name)
    {
        auto tags = TagCatalog::list(m_temp->db().connection());
        for (const TagInfo& t : *tags)
            if (t.name == name)
                return t;
        return {};
    }

    QStringList tagsOf(qint64 id) { return repo().load(id)->tags; }

    TagManagerDialog* open()
    {
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return nullptr;
        auto* action = m_window->findChild<QAction*>(QStringLiteral("tagManagerAction"));
        auto* toolbar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(action));
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        TagManagerDialog* dialog = m_window->tagManager();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        new QAbstractItemModelTester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, dialog);
        if (!QTest::qWaitFor([dialog] { return !dialog->model()->isLoading(); }, 10000))
            return nullptr;
        return dialog;
    }

    template <typename T>
    T* child(QWidget* dialog, const char* name)
    {
        T* w = dialog->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    // Clicks the name cell of the tag, as a rep would.
    void clickTag(TagManagerDialog* dialog, qint64 id)
    {
        auto* table = child<QTableView>(dialog, "tagsTableView");
        const int row = dialog->model()->rowOf(id);
        QVERIFY(row >= 0);
        const QRect rect = table->visualRect(dialog->model()->index(row, TagTableModel::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(dialog->currentTagId(), id);
    }

    // Colour…, then picks `colour` in Qt's colour dialog.
    void pickColour(TagManagerDialog* dialog, const QString& colour)
    {
        QTimer::singleShot(0, this, [colour] {
            auto* colors = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
            QVERIFY(colors);
            colors->setCurrentColor(QColor(colour));
            colors->accept();
        });
        QTest::mouseClick(child<QPushButton>(dialog, "colorTagButton"), Qt::LeftButton);
    }

    // Types into the open name editor and presses Enter.
    void typeName(const QString& name)
    {
        auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, name);
        QTest::keyClick(editor, Qt::Key_Return);
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_ada = *m_store->createContact(makeContact(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.org")));
        m_bob = *m_store->createContact(makeContact(QStringLiteral("Bob"), QStringLiteral("Brown"), QStringLiteral("bob@x.org")));
        m_cy = *m_store->createContact(makeContact(QStringLiteral("Cy"), QStringLiteral("Cole"), QStringLiteral("cy@x.org")));
        QVERIFY(m_store->addTags({m_ada, m_bob}, {QStringLiteral("VIP")}).ok());
        QVERIFY(m_store->addTags({m_bob, m_cy}, {QStringLiteral("customer")}).ok());
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_temp.reset();
    }

    void listsTagsWithCounts()
    {
        TagManagerDialog* dialog = open();
        QVERIFY(dialog);
        TagTableModel* model = dialog->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, TagTableModel::NameColumn).data().toString(), QStringLiteral("customer"));
        QCOMPARE(model->index(1, TagTableModel::NameColumn).data().toString(), QStringLiteral("VIP"));
        QCOMPARE(model->index(1, TagTableModel::CountColumn).data().toInt(), 2);
        QCOMPARE(child<QLabel>(dialog, "tagStatusLabel")->text(), QStringLiteral("2 tags"));
    }

    void addRenameMergeColourDelete()
    {
        TagManagerDialog* dialog = open();
        QVERIFY(dialog);
        TagTableModel* model = dialog->model();

        // Add a tag nobody carries yet.
        auto* newTag = child<QLineEdit>(dialog, "newTagLineEdit");
        QTest::keyClicks(newTag, QStringLiteral("Partner"));
        QTest::mouseClick(child<QPushButton>(dialog, "addTagButton"), Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), 3);
        QVERIFY(tagId(QStringLiteral("partner")) != 0);
        QCOMPARE(tag(QStringLiteral("Partner")).contactCount, 0);
        QVERIFY(newTag->text().isEmpty());
        QTRY_COMPARE(dialog->currentTagId(), tagId(QStringLiteral("partner")));

        // Adding it again names the clash.
        QTest::keyClicks(newTag, QStringLiteral("partner"));
        QTest::keyClick(newTag, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 3);

        // Rename with the button: the name cell becomes an editor.
        const qint64 vip = tagId(QStringLiteral("vip"));
        clickTag(dialog, vip);
        QTest::mouseClick(child<QPushButton>(dialog, "renameTagButton"), Qt::LeftButton);
        typeName(QStringLiteral("Key account"));
        QTRY_COMPARE_WITH_TIMEOUT(tagId(QStringLiteral("key account")), vip, 20000);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(tagsOf(m_ada), QStringList{QStringLiteral("Key account")});
        QTRY_COMPARE(model->index(model->rowOf(vip), TagTableModel::NameColumn).data().toString(),
                     QStringLiteral("Key account"));
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000); // a reload landing would close the editor

        // Rename in place (F2) onto an existing tag: the two merge.
        clickTag(dialog, vip);
        QTest::keyClick(child<QTableView>(dialog, "tagsTableView"), Qt::Key_F2);
        typeName(QStringLiteral("Customer"));
        QTRY_COMPARE_WITH_TIMEOUT(tagId(QStringLiteral("key account")), 0, 20000);
        QTRY_VERIFY(!m_store->isJobRunning());
        QCOMPARE(tagsOf(m_ada), QStringList{QStringLiteral("Customer")});
        QCOMPARE(tagsOf(m_bob), QStringList{QStringLiteral("Customer")}); // had both: one link
        QCOMPARE(tag(QStringLiteral("Customer")).contactCount, 3);
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);

        // Colour through the colour dialog.
        const qint64 customer = tagId(QStringLiteral("customer"));
        clickTag(dialog, customer);
        pickColour(dialog, QStringLiteral("#3366cc"));
        QCOMPARE(tag(QStringLiteral("Customer")).color, QStringLiteral("#3366cc"));
        QTRY_COMPARE(model->index(model->rowOf(customer), TagTableModel::ColorColumn).data().toString(),
                     QStringLiteral("#3366cc"));

        // Delete: "No" keeps the tag, "Yes" removes it from every contact.
        clickTag(dialog, customer);
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(child<QPushButton>(dialog, "deleteTagButton"), Qt::LeftButton);
        QCOMPARE(tagId(QStringLiteral("customer")), customer);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(dialog, "deleteTagButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tagId(QStringLiteral("customer")), 0, 20000);
        QTRY_VERIFY(!m_store->isJobRunning());
        QVERIFY(tagsOf(m_bob).isEmpty());
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, TagTableModel::NameColumn).data().toString(), QStringLiteral("Partner"));
    }

    void undoRedoRenameMergeDeleteAndAdd()
    {
        TagManagerDialog* dialog = open();
        QVERIFY(dialog);
        TagTableModel* model = dialog->model();
        QSqlDatabase db = m_temp->db().connection();
        auto* undoButton = child<QToolButton>(dialog, "tagUndoButton");
        auto* redoButton = child<QToolButton>(dialog, "tagRedoButton");
        QVERIFY(undoButton && redoButton);
        QVERIFY(!undoButton->isEnabled());
        // A job, then the table's background reload it causes: an edit started while a reload is
        // under way could be closed by it (slow under the sanitizers).
        const auto waitForJobs = [this, model] {
            QTRY_VERIFY_WITH_TIMEOUT(!m_store->isJobRunning(), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 20000);
        };
        const QString start = Test::dumpDatabase(db);

        // Rename in place, then the dialog's Undo and Redo.
        const qint64 vip = tagId(QStringLiteral("vip"));
        clickTag(dialog, vip);
        QTest::keyClick(child<QTableView>(dialog, "tagsTableView"), Qt::Key_F2);
        typeName(QStringLiteral("Key account"));
        QTRY_COMPARE(m_window->undoStack()->count(), 1);
        const QString renamed = Test::dumpDatabase(db);
        QCOMPARE(tagsOf(m_ada), QStringList{QStringLiteral("Key account")});
        QVERIFY(undoButton->isEnabled());
        QCOMPARE(undoButton->toolTip(), QStringLiteral("Undo Rename tag \"VIP\" to \"Key account\" (Ctrl+Z)"));
        QTest::mouseClick(undoButton, Qt::LeftButton);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);
        QTRY_COMPARE(model->index(model->rowOf(vip), TagTableModel::NameColumn).data().toString(), QStringLiteral("VIP"));
        QTest::mouseClick(redoButton, Qt::LeftButton);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), renamed);
        QTest::mouseClick(undoButton, Qt::LeftButton);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);

        // Merge VIP into customer: Bob keeps one link; Ctrl+Z in the dialog splits them again.
        QTRY_COMPARE(model->rowOf(vip) >= 0, true);
        clickTag(dialog, vip);
        QTest::keyClick(child<QTableView>(dialog, "tagsTableView"), Qt::Key_F2);
        typeName(QStringLiteral("customer"));
        QTRY_COMPARE_WITH_TIMEOUT(tagId(QStringLiteral("vip")), 0, 20000);
        waitForJobs();
        QCOMPARE(tagsOf(m_bob), QStringList{QStringLiteral("customer")});
        QTRY_COMPARE(model->rowCount(), 1);
        QApplication::setActiveWindow(dialog);
        QTest::keyClick(child<QTableView>(dialog, "tagsTableView"), Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);
        QTRY_COMPARE(model->rowCount(), 2);

        // Delete customer from every contact, then Ctrl+Z in the main window.
        const qint64 customer = tagId(QStringLiteral("customer"));
        clickTag(dialog, customer);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>(dialog, "deleteTagButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tagId(QStringLiteral("customer")), 0, 20000);
        waitForJobs();
        QVERIFY(tagsOf(m_cy).isEmpty());
        const QString deleted = Test::dumpDatabase(db);
        QApplication::setActiveWindow(m_window.get());
        m_window->tableView()->setFocus();
        QTest::keyClick(m_window->tableView(), Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);
        QCOMPARE(tagId(QStringLiteral("customer")), customer);
        QCOMPARE(tagsOf(m_cy), QStringList{QStringLiteral("customer")});
        QTest::keyClick(m_window->tableView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), deleted);
        QTest::keyClick(m_window->tableView(), Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);

        // Add and colour: one step each.
        auto* newTag = child<QLineEdit>(dialog, "newTagLineEdit");
        QTest::keyClicks(newTag, QStringLiteral("Partner"));
        QTest::keyClick(newTag, Qt::Key_Return);
        QVERIFY(tagId(QStringLiteral("partner")) != 0);
        QTest::mouseClick(undoButton, Qt::LeftButton);
        waitForJobs();
        QCOMPARE(tagId(QStringLiteral("partner")), 0);
        QCOMPARE(Test::dumpDatabase(db), start);
        clickTag(dialog, customer);
        pickColour(dialog, QStringLiteral("#3366cc"));
        QCOMPARE(tag(QStringLiteral("customer")).color, QStringLiteral("#3366cc"));
        QTest::mouseClick(undoButton, Qt::LeftButton);
        waitForJobs();
        QCOMPARE(Test::dumpDatabase(db), start);
    }
};

QTEST_MAIN(TestTagManagerDialog)
#include "TestTagManagerDialog.moc"
