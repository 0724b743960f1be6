// Drives the main window like a user (typing, clicking, shortcuts) on a real SQLite file and
// checks the store after each step.

#include "ContactPointsEditor.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ProfilePane.h"
#include "TestSupport.h"
#include "ToolbarClick.h"
#include "items/ContactListModel.h"
#include "items/NotesModel.h"
#include "store/ContactStore.h"
#include "store/Sql.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QTimer>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace ContactDesk;
using Test::makeContact;

class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;

    ContactRepository& repo() { return m_store->repository(); }

    qint64 add(const QString& first, const QString& last, const QString& email, const QString& phone = {})
    {
        auto id = m_store->createContact(makeContact(first, last, email, phone));
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

    void clickRow(int row)
    {
        QTableView* table = m_window->tableView();
        const QModelIndex index = table->model()->index(row, 0);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }

    void replaceText(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
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

    QString countText() { return child<QLabel>("countLabel")->text(); }

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

    void typeNewContactAndFindItInTheList()
    {
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(m_window->profilePane()->isDraft());
        QVERIFY(child<QLabel>("draftHintLabel")->isVisible());
        QTest::keyClicks(child<QLineEdit>("firstNameLineEdit"), QStringLiteral("Ada"));
        QTest::keyClicks(child<QLineEdit>("lastNameLineEdit"), QStringLiteral("Lovelace"));
        QTest::keyClicks(child<QLineEdit>("companyLineEdit"), QStringLiteral("Analytical Engines"));
        // Nothing is saved until the contact can be reached.
        QTest::qWait(ProfilePane::SaveDelayMs + 100);
        QCOMPARE(repo().stats()->contacts, 1);
        QTest::keyClicks(child<QLineEdit>("emailLineEdit0"), QStringLiteral("ada@example.com"));
        QTRY_COMPARE(repo().stats()->contacts, 2);
        auto rows = repo().list(10);
        QCOMPARE(rows->at(1).displayName, QStringLiteral("Ada Lovelace"));
        const qint64 id = rows->at(1).id;
        QCOMPARE(repo().load(id)->company, QStringLiteral("Analytical Engines"));
        QCOMPARE(repo().load(id)->primaryEmail(), QStringLiteral("ada@example.com"));
        // It is in the list, selected, and the profile keeps editing the same contact.
        QTableView* table = m_window->tableView();
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->currentIndex().data(ContactListModel::ContactIdRole).toLongLong(), id);
        QCOMPARE(table->currentIndex().data().toString(), QStringLiteral("Ada Lovelace"));
        QTest::keyClicks(child<QLineEdit>("jobTitleLineEdit"), QStringLiteral("Analyst"));
        QTRY_COMPARE(repo().load(id)->jobTitle, QStringLiteral("Analyst"));
        QCOMPARE(repo().stats()->contacts, 2);
    }

    void duplicateEmailIsShownInlineAndStoreUnchanged()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        const qint64 dan = add(QStringLiteral("Dan"), QStringLiteral("Higgins"), QStringLiteral("dan@example.com"));
        openWindow();
        clickRow(1); // Bell, Higgins: Dan is the second row
        QCOMPARE(m_window->profilePane()->contactId(), dan);
        auto* email = child<QLineEdit>("emailLineEdit0");
        QCOMPARE(email->text(), QStringLiteral("dan@example.com"));
        replaceText(email, QStringLiteral("KATE@example.com"));
        auto* error = child<QLabel>("emailErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Kate Bell (#%1)").arg(kate)), qPrintable(error->text()));
        QCOMPARE(email->text(), QStringLiteral("KATE@example.com")); // nothing typed is lost
        QCOMPARE(repo().load(dan)->primaryEmail(), QStringLiteral("dan@example.com"));
        // Fixing it clears the message and saves.
        replaceText(email, QStringLiteral("dan.higgins@example.com"));
        QTRY_COMPARE(repo().load(dan)->primaryEmail(), QStringLiteral("dan.higgins@example.com"));
        QTRY_VERIFY(!error->isVisible());

        // A phone another contact has, typed another way.
        QVERIFY(m_store->setPhones(kate, {PhoneNumber{0, QStringLiteral("(415) 555-3695"), {}, {}, true}}).ok());
        auto* phone = child<QLineEdit>("phoneLineEdit0");
        QTest::keyClicks(phone, QStringLiteral("+1 415 555 3695"));
        auto* phoneError = child<QLabel>("phoneErrorLabel");
        QTRY_VERIFY(phoneError->isVisible());
        QVERIFY(phoneError->text().contains(QLatin1String("Kate Bell")));
        QCOMPARE(repo().load(dan)->phones.size(), 0);
    }

    void invalidFieldKeepsTextAndShowsMessage()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        clickRow(0);
        auto* birthday = child<QLineEdit>("birthdayLineEdit");
        QTest::keyClicks(birthday, QStringLiteral("31.02.1990"));
        auto* error = child<QLabel>("birthdayErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("not a date")));
        QCOMPARE(birthday->text(), QStringLiteral("31.02.1990"));
        QVERIFY(!repo().load(kate)->birthday.isValid());
        replaceText(birthday, QStringLiteral("1990-02-28"));
        QTRY_COMPARE(repo().load(kate)->birthday, QDate(1990, 2, 28));
        QVERIFY(!error->isVisible());
    }

    void filterBarNarrowsTheListAndShowsTheCount()
    {
        const qint64 ada = add(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com"));
        const qint64 bob = add(QStringLiteral("Bob"), QStringLiteral("Brown"), QStringLiteral("bob@example.com"));
        const qint64 cy = add(QStringLiteral("Cy"), QStringLiteral("Černý"), QStringLiteral("cy@example.com"));
        add(QStringLiteral("Dee"), QStringLiteral("Wang"), QStringLiteral("dee@example.com"));
        QVERIFY(m_store->addTags({ada, bob}, {QStringLiteral("vip")}).ok());
        QVERIFY(m_store->addTags({ada}, {QStringLiteral("customer")}).ok());
        QVERIFY(m_store->updateField(bob, ContactField::Source, QStringLiteral("csv")).ok());
        QVERIFY(m_store->updateField(cy, ContactField::ContactStatus, QStringLiteral("bounced")).ok());
        openWindow();
        QTableView* table = m_window->tableView();
        auto names = [table] {
            QStringList out;
            for (int r = 0; r < table->model()->rowCount(); ++r)
                out.append(table->model()->index(r, 0).data().toString());
            return out;
        };
        QCOMPARE(countText(), QStringLiteral("4 contacts"));

        QTest::keyClicks(child<QLineEdit>("allTagsLineEdit"), QStringLiteral("VIP"));
        QTRY_COMPARE(names(), (QStringList{QStringLiteral("Bob Brown"), QStringLiteral("Ada Lovelace")}));
        QTRY_COMPARE(countText(), QStringLiteral("2 matching contacts"));
        QTest::keyClicks(child<QLineEdit>("noneTagsLineEdit"), QStringLiteral("customer"));
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Bob Brown")});
        QTRY_COMPARE(countText(), QStringLiteral("1 matching contact"));

        // Filter and search combine.
        QTest::mouseClick(child<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        QTRY_COMPARE(countText(), QStringLiteral("4 contacts"));
        QTest::keyClicks(child<QLineEdit>("anyTagsLineEdit"), QStringLiteral("vip, customer"));
        QTRY_COMPARE(names().size(), 2);
        QTest::keyClicks(m_window->findChild<QLineEdit*>(QStringLiteral("searchLineEdit")), QStringLiteral("ada"));
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Ada Lovelace")});
        replaceText(m_window->findChild<QLineEdit*>(QStringLiteral("searchLineEdit")), {});
        QTest::mouseClick(child<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        QTRY_COMPARE(names().size(), 4);

        chooseInCombo("sourceFilterComboBox", QStringLiteral("csv"));
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Bob Brown")});
        chooseInCombo("sourceFilterComboBox", QString());
        chooseInCombo("statusFilterComboBox", QStringLiteral("bounced"));
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Cy Černý")});
        QTRY_COMPARE(countText(), QStringLiteral("1 matching contact"));
        chooseInCombo("statusFilterComboBox", QString());

        // The letter strip: C finds Černý (folded), W finds Wang.
        QTest::mouseClick(child<QToolButton>("letterButtonC"), Qt::LeftButton);
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Cy Černý")});
        QTest::mouseClick(child<QToolButton>("letterButtonW"), Qt::LeftButton);
        QTRY_COMPARE(names(), QStringList{QStringLiteral("Dee Wang")});
        QTest::mouseClick(child<QToolButton>("letterButtonAll"), Qt::LeftButton);
        QTRY_COMPARE(names().size(), 4);
        QTRY_COMPARE(countText(), QStringLiteral("4 contacts"));

        // A created range that ends before today shows nobody; Clear filters brings everyone back.
        auto* createdTo = child<QDateEdit>("createdToDateEdit");
        createdTo->setFocus();
        createdTo->setDate(QDate(2001, 1, 1));
        QTRY_COMPARE(names().size(), 0);
        QTRY_COMPARE(countText(), QStringLiteral("0 matching contacts"));
        QTest::mouseClick(child<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        QTRY_COMPARE(names().size(), 4);
        QCOMPARE(createdTo->text(), QStringLiteral("any"));
    }

    // The rep is back in the list (a dialog or a re-query may have taken the focus) and presses a key.
    void pressInList(Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        QApplication::setActiveWindow(m_window.get());
        m_window->tableView()->setFocus();
        QTest::keyClick(m_window->tableView(), key, modifiers);
    }

    int taggedWith(const QString& tag)
    {
        auto n = Sql::scalar(m_temp->db().connection(), QStringLiteral("count"),
                             QStringLiteral("SELECT COUNT(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                            "WHERE t.name_norm = ?"),
                             {tag});
        return n ? n->toInt() : -1;
    }

    // Answers the next modal input dialog the way a rep would: type the text, press Enter.
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

    void selectAllMatchingThenBulkTagAndUndo()
    {
        // 300 contacts, 200 of them leads: more than the rows a view ever loads at once.
        QList<qint64> leads;
        QSqlDatabase db = m_temp->db().connection();
        {
            Sql::TransactionGuard tx(db);
            for (int i = 0; i < 300; ++i) {
                const qint64 id = add(QStringLiteral("P%1").arg(i), QStringLiteral("Name%1").arg(i, 3, 10, QLatin1Char('0')),
                                      QStringLiteral("p%1@example.com").arg(i));
                QVERIFY(id > 0);
                if (i % 3 != 0)
                    leads.append(id);
            }
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(m_store->addTags(leads, {QStringLiteral("lead")}).ok());
        QVERIFY(m_store->addTags(leads.mid(0, 10), {QStringLiteral("hot")}).ok()); // some have it already
        openWindow();
        QTest::keyClicks(child<QLineEdit>("allTagsLineEdit"), QStringLiteral("lead"));
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        clickRow(0);
        QVERIFY(!m_window->isAllMatchingSelected());
        clickAction("selectAllMatchingAction");
        QVERIFY(m_window->isAllMatchingSelected());

        answerInputDialog(QStringLiteral("Hot"));
        clickAction("addTagAction");
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QCOMPARE(taggedWith(QStringLiteral("hot")), 200);
        QCOMPARE(repo().load(leads.last())->tags, (QStringList{QStringLiteral("hot"), QStringLiteral("lead")}));
        QCOMPARE(m_window->undoStack()->count(), 1);
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));

        // The 10 that had "hot" before keep it after the undo.
        // Back in the window after the dialog, Ctrl+Z takes back exactly what the action did.
        pressInList(Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QTRY_COMPARE(taggedWith(QStringLiteral("hot")), 10);
        const QKeyCombination redo = child<QAction>("redoAction")->shortcut()[0]; // Ctrl+Shift+Z or Ctrl+Y
        pressInList(redo.key(), redo.keyboardModifiers());
        QTRY_COMPARE(taggedWith(QStringLiteral("hot")), 200);
        QTRY_VERIFY(!m_window->isStoreJobRunning());

        // Removing from two hand-picked rows touches only those two (once the list has re-read the
        // filter after the job; a re-read finishing later would clear the selection).
        QTRY_VERIFY(!m_window->listModel()->isSearching());
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        clickRow(0);
        QTest::mouseClick(m_window->tableView()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                          m_window->tableView()->visualRect(m_window->tableView()->model()->index(1, 0)).center());
        QVERIFY(!m_window->isAllMatchingSelected());
        answerInputDialog(QStringLiteral("hot"));
        clickAction("removeTagAction");
        QTRY_COMPARE(taggedWith(QStringLiteral("hot")), 198);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        pressInList(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(taggedWith(QStringLiteral("hot")), 200);
        QTRY_VERIFY(!m_window->isStoreJobRunning());
    }

    void addAndRemoveTag()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        QVERIFY(m_store->addTags({kate}, {QStringLiteral("newsletter")}).ok());
        openWindow();
        clickRow(0);
        auto* tagEdit = child<QLineEdit>("tagLineEdit");
        QTest::keyClicks(tagEdit, QStringLiteral("VIP"));
        QTest::keyClick(tagEdit, Qt::Key_Return);
        QCOMPARE(repo().load(kate)->tags, (QStringList{QStringLiteral("newsletter"), QStringLiteral("VIP")}));
        QTRY_COMPARE(m_window->tableView()->model()->index(0, ContactListModel::TagsColumn).data().toString(),
                     QStringLiteral("newsletter, VIP"));
        auto* list = child<QListWidget>("tagListWidget");
        QCOMPARE(list->count(), 2);
        const QRect rect = list->visualItemRect(list->findItems(QStringLiteral("newsletter"), Qt::MatchExactly).first());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseClick(child<QPushButton>("removeTagButton"), Qt::LeftButton);
        QCOMPARE(repo().load(kate)->tags, QStringList{QStringLiteral("VIP")});
        QCOMPARE(list->count(), 1);
    }

    void addEditAndDeleteNote()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        clickRow(0);
        auto* text = child<QPlainTextEdit>("noteTextEdit");
        QTest::keyClicks(text, QStringLiteral("Met at the trade show, wants a demo"));
        QTest::mouseClick(child<QPushButton>("saveNoteButton"), Qt::LeftButton);
        auto notes = repo().notes(kate);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().body, QStringLiteral("Met at the trade show, wants a demo"));
        QCOMPARE(notes->first().author, QStringLiteral("tester"));
        auto* view = child<QListView>("notesListView");
        QCOMPARE(view->model()->rowCount(), 1);
        QVERIFY(view->model()->index(0, 0).data().toString().contains(QLatin1String("tester")));
        QVERIFY(text->toPlainText().isEmpty());

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        QTest::mouseClick(child<QPushButton>("editNoteButton"), Qt::LeftButton);
        QCOMPARE(text->toPlainText(), QStringLiteral("Met at the trade show, wants a demo"));
        QTest::keyClicks(text, QStringLiteral(" on Friday"));
        QTest::mouseClick(child<QPushButton>("saveNoteButton"), Qt::LeftButton);
        QCOMPARE(repo().notes(kate)->first().body, QStringLiteral("Met at the trade show, wants a demo on Friday"));

        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(child<QPushButton>("deleteNoteButton"), Qt::LeftButton);
        QCOMPARE(repo().notes(kate)->size(), 0);
        QCOMPARE(view->model()->rowCount(), 0);
    }

    void deleteAndUndo()
    {
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        const qint64 dan = add(QStringLiteral("Dan"), QStringLiteral("Higgins"), QStringLiteral("dan@example.com"));
        openWindow();
        clickRow(1);
        QTest::keyClick(m_window->tableView(), Qt::Key_Delete);
        QCOMPARE(repo().stats()->contacts, 1);
        QCOMPARE(repo().stats()->trashed, 1);
        QVERIFY(repo().load(dan)->deletedAt.isValid());
        QCOMPARE(m_window->tableView()->model()->rowCount(), 1);
        QCOMPARE(child<QLabel>("countLabel")->text(), QStringLiteral("1 contact"));
        QTest::keyClick(m_window->tableView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(repo().stats()->contacts, 2);
        QVERIFY(!repo().load(dan)->deletedAt.isValid());
        QCOMPARE(m_window->tableView()->model()->rowCount(), 2);
        // Redo deletes again; the toolbar's Undo takes it back.
        clickAction("redoAction");
        QCOMPARE(repo().stats()->contacts, 1);
        clickAction("undoAction");
        QCOMPARE(repo().stats()->contacts, 2);
    }

    void trashViewRestoreAndEmpty()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        const qint64 dan = add(QStringLiteral("Dan"), QStringLiteral("Higgins"), QStringLiteral("dan@example.com"));
        openWindow();
        m_window->tableView()->selectAll();
        clickAction("deleteAction");
        QCOMPARE(repo().stats()->trashed, 2);
        QCOMPARE(m_window->tableView()->model()->rowCount(), 0);
        clickAction("trashAction");
        QVERIFY(m_window->isTrashView());
        QCOMPARE(m_window->tableView()->model()->rowCount(), 2);
        QCOMPARE(child<QLabel>("countLabel")->text(), QStringLiteral("2 in the Trash"));
        clickRow(0); // Kate Bell
        clickAction("restoreAction");
        QVERIFY(!repo().load(kate)->deletedAt.isValid());
        QCOMPARE(m_window->tableView()->model()->rowCount(), 1);
        // Empty Trash asks first; "No" keeps Dan.
        MessageBox::setNextAnswer(QMessageBox::No);
        clickAction("emptyTrashAction");
        QVERIFY(repo().exists(dan));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        clickAction("emptyTrashAction");
        QVERIFY(!repo().exists(dan));
        QCOMPARE(m_window->tableView()->model()->rowCount(), 0);
        QCOMPARE(m_window->undoStack()->count(), 0);
        clickAction("trashAction");
        QVERIFY(!m_window->isTrashView());
        QCOMPARE(m_window->tableView()->model()->rowCount(), 1);
    }

    void searchFiltersTheList()
    {
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        add(QStringLiteral("José"), QStringLiteral("Müller"), QStringLiteral("jm@example.com"));
        add(QStringLiteral("Dan"), QStringLiteral("Higgins"), QStringLiteral("dan@example.com"));
        openWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        auto* search = child<QLineEdit>("searchLineEdit");
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("muller"));
        QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 1);
        QCOMPARE(m_window->tableView()->model()->index(0, 0).data().toString(), QStringLiteral("José Müller"));
        QCOMPARE(child<QLabel>("countLabel")->text(), QStringLiteral("1 contact"));
        search->clear();
        QTRY_COMPARE(m_window->tableView()->model()->rowCount(), 3);
    }

    void typedTextSurvivesAnExternalChange()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        clickRow(0);
        QTest::keyClicks(child<QLineEdit>("cityLineEdit"), QStringLiteral("Berlin"));
        m_store->notifyExternalChange(); // e.g. an import finished while the rep was typing
        QCOMPARE(child<QLineEdit>("cityLineEdit")->text(), QStringLiteral("Berlin"));
        QTRY_COMPARE(repo().load(kate)->city, QStringLiteral("Berlin"));
    }

    void editWhileAJobHoldsTheWriteLockIsKeptAndSavedLater()
    {
        // Reopen with the GUI's short busy timeout.
        m_store.reset();
        m_temp = std::make_unique<Test::TempDatabase>(300);
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        clickRow(0);
        auto job = std::make_unique<ScopedConnection>(m_temp->path(), QStringLiteral("job"));
        QSqlQuery hold(job->database());
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE"))); // an import is writing
        QTest::keyClicks(child<QLineEdit>("cityLineEdit"), QStringLiteral("Oslo"));
        auto* error = child<QLabel>("cityErrorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("kept and saved")), qPrintable(error->text()));
        QVERIFY(hold.exec(QStringLiteral("COMMIT")));
        hold = QSqlQuery();
        job.reset();
        m_store->notifyExternalChange(); // the job is done
        QTRY_COMPARE(repo().load(kate)->city, QStringLiteral("Oslo"));
        QCOMPARE(child<QLineEdit>("cityLineEdit")->text(), QStringLiteral("Oslo"));
    }

    void draftSavedWhenPickingAnotherContact()
    {
        const qint64 kate = add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        openWindow();
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        QTest::keyClicks(child<QLineEdit>("firstNameLineEdit"), QStringLiteral("Zed"));
        QTest::keyClicks(child<QLineEdit>("emailLineEdit0"), QStringLiteral("zed@example.com"));
        clickRow(0); // before the save delay: the draft is saved, the clicked contact shown
        QCOMPARE(repo().stats()->contacts, 2);
        QCOMPARE(m_window->profilePane()->contactId(), kate);
        QCOMPARE(m_window->tableView()->currentIndex().data(ContactListModel::ContactIdRole).toLongLong(), kate);
    }

    void sortByClickingHeader()
    {
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@example.com"));
        add(QStringLiteral("Anna"), QStringLiteral("Haro"), QStringLiteral("anna@example.com"));
        openWindow();
        QTableView* table = m_window->tableView();
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("Kate Bell"));
        auto* header = table->horizontalHeader();
        const int x = header->sectionViewportPosition(ContactListModel::EmailColumn) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        QCOMPARE(table->model()->index(0, ContactListModel::EmailColumn).data().toString(),
                 QStringLiteral("anna@example.com"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
