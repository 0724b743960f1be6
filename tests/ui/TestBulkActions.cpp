// Saved lists and the Selection menu's bulk actions, driven like a user on a real SQLite file:
// save a smart list and click it, add picked rows to a static list, set the status of every
// matching contact and take it back with Ctrl+Z, delete every matching contact and undo it.

#include "BulkActions.h"
#include "FileDialog.h"
#include "SelectAllHeader.h"
#include "FilterBar.h"
#include "ListsPane.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "items/ContactListModel.h"
#include "items/SavedListModel.h"
#include "store/ContactStore.h"
#include "store/SavedLists.h"
#include "store/Sql.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace ContactDesk;

class TestBulkActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QList<qint64> m_leads;

    QSqlDatabase db() { return m_temp->db().connection(); }

    int scalar(const QString& sql, const QVariantList& binds = {})
    {
        auto q = Sql::run(db(), QStringLiteral("t"), sql, binds);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    template <typename T>
    T* child(const char* name)
    {
        T* w = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }

    QString countText() { return child<QLabel>("countLabel")->text(); }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        QTableView* table = m_window->tableView();
        const QModelIndex index = table->model()->index(row, 0);
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, table->visualRect(index).center());
    }

    void clickList(const QString& name)
    {
        auto list = SavedLists::byName(db(), name);
        QVERIFY(list);
        QTreeView* view = m_window->listsPane()->view();
        const QModelIndex index = m_window->listsPane()->model()->indexOf(list->id);
        QVERIFY(index.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    // Runs `step` on the next modal dialog (or popup menu) once it is on screen.
    void whenShown(bool popup, std::function<void(QWidget*)> step)
    {
        auto* timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, popup, step] {
            QWidget* w = popup ? QApplication::activePopupWidget() : QApplication::activeModalWidget();
            if (!w || !w->isVisible())
                return;
            timer->stop();
            timer->deleteLater();
            step(w);
        });
        timer->start();
    }

    // Opens the Selection menu and clicks one of its entries, as a rep does.
    void chooseInSelectionMenu(const char* actionName)
    {
        auto* action = child<QAction>(actionName);
        QVERIFY(action && action->isEnabled());
        whenShown(true, [action](QWidget* w) {
            auto* menu = qobject_cast<QMenu*>(w);
            QVERIFY(menu);
            QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        });
        auto* button = child<QToolButton>("bulkActionsButton");
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Types into the next input dialog (a line edit or an editable combo) and presses Enter.
    void answerInput(const QString& text)
    {
        whenShown(false, [text](QWidget* w) {
            auto* dialog = qobject_cast<QInputDialog*>(w);
            QVERIFY(dialog);
            QLineEdit* edit = dialog->findChild<QLineEdit*>();
            QVERIFY(edit);
            edit->selectAll();
            QTest::keyClicks(edit, text);
            QTest::keyClick(edit, Qt::Key_Return);
        });
    }

    void pressInList(Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        QApplication::setActiveWindow(m_window.get());
        m_window->tableView()->setFocus();
        QTest::keyClick(m_window->tableView(), key, modifiers);
    }

    void waitForJobs()
    {
        QTRY_VERIFY(!m_window->isStoreJobRunning());
        QTRY_VERIFY(!m_window->listModel()->isSearching());
    }

    void tickHeader()
    {
        auto* header = qobject_cast<SelectAllHeader*>(m_window->tableView()->horizontalHeader());
        QVERIFY(header);
        QVERIFY(!header->isChecked());
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, header->checkBoxRect().center());
        QVERIFY(m_window->isAllMatchingSelected());
        QVERIFY(header->isChecked());
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_store = std::make_unique<ContactStore>(m_temp->db(), PhoneNormalizer(QStringLiteral("US")));
        m_leads.clear();
        {
            Sql::TransactionGuard tx(db());
            for (int i = 0; i < 300; ++i) {
                auto id = m_store->createContact(Test::makeContact(QStringLiteral("P%1").arg(i),
                                                                   QStringLiteral("Name%1").arg(i, 3, 10, QLatin1Char('0')),
                                                                   QStringLiteral("p%1@example.com").arg(i)));
                QVERIFY(id);
                if (i % 3 != 0)
                    m_leads.append(*id);
            }
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(m_store->addTags(m_leads, {QStringLiteral("lead")}).ok());
        m_window = std::make_unique<MainWindow>(m_store.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_temp.reset();
    }

    void smartListSavedAndClicked()
    {
        QTest::keyClicks(child<QLineEdit>("allTagsLineEdit"), QStringLiteral("lead"));
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        answerInput(QStringLiteral("Leads"));
        QTest::mouseClick(child<QPushButton>("saveSmartListButton"), Qt::LeftButton);
        auto saved = SavedLists::byName(db(), QStringLiteral("leads"));
        QVERIFY(saved);
        QVERIFY(saved->isSmart());
        QCOMPARE(saved->filter.allTags, QStringList{QStringLiteral("lead")});
        QCOMPARE(m_window->listsPane()->currentListId(), saved->id); // it is what the list shows

        QTest::mouseClick(child<QPushButton>("clearFiltersButton"), Qt::LeftButton);
        QTRY_COMPARE(countText(), QStringLiteral("300 contacts"));
        QCOMPARE(m_window->listsPane()->currentListId(), qint64(0));
        clickList(QStringLiteral("Leads"));
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        QCOMPARE(child<QLineEdit>("allTagsLineEdit")->text(), QStringLiteral("lead"));
        // It updates itself: a new lead is in it.
        auto extra = m_store->createContact(Test::makeContact(QStringLiteral("New"), QStringLiteral("Lead"),
                                                              QStringLiteral("new@example.com")));
        QVERIFY(extra);
        QVERIFY(m_store->addTags({*extra}, {QStringLiteral("lead")}).ok());
        QTRY_COMPARE(countText(), QStringLiteral("201 matching contacts"));

        // Rename and delete from the list's context actions.
        answerInput(QStringLiteral("Warm leads"));
        child<QAction>("renameListAction")->trigger();
        QCOMPARE(SavedLists::byId(db(), saved->id)->name, QStringLiteral("Warm leads"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        child<QAction>("deleteListAction")->trigger();
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM lists")), 0);
        QCOMPARE(m_window->listsPane()->model()->rowCount(
                     m_window->listsPane()->model()->groupIndex(SavedListModel::SmartGroup)),
                 0);
    }

    void addPickedRowsToAStaticListThenShowIt()
    {
        QTRY_COMPARE(countText(), QStringLiteral("300 contacts"));
        clickRow(0);
        clickRow(2, Qt::ControlModifier);
        const qint64 first = m_window->tableView()->model()->index(0, 0).data(ContactListModel::ContactIdRole).toLongLong();
        answerInput(QStringLiteral("Spring fair"));
        chooseInSelectionMenu("addToListAction");
        waitForJobs();
        auto fair = SavedLists::byName(db(), QStringLiteral("Spring fair"));
        QVERIFY(fair);
        QVERIFY(!fair->isSmart());
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM list_members WHERE list_id = ?"), {fair->id}), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM list_members WHERE contact_id = ?"), {first}), 1);
        QCOMPARE(m_window->undoStack()->count(), 1);

        clickList(QStringLiteral("Spring fair"));
        QTRY_COMPARE(countText(), QStringLiteral("2 matching contacts"));
        QCOMPARE(child<QComboBox>("listFilterComboBox")->currentText(), QStringLiteral("Spring fair"));

        // Ctrl+Z takes the add back, and the list it made.
        pressInList(Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM lists")), 0);
        QTRY_COMPARE(countText(), QStringLiteral("300 contacts")); // the list it showed is gone
    }

    void setStatusOfAllMatchingThenUndo()
    {
        QTest::keyClicks(child<QLineEdit>("allTagsLineEdit"), QStringLiteral("lead"));
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        waitForJobs();
        const QString before = Test::dumpDatabase(db());
        tickHeader();
        whenShown(false, [](QWidget* w) {
            QCOMPARE(w->objectName(), QStringLiteral("setFieldDialog"));
            auto* value = w->findChild<QComboBox*>(QStringLiteral("valueComboBox"));
            QVERIFY(value && !value->isEditable()); // status: the allowed values only
            value->setFocus();
            while (value->currentText() != QLatin1String("unsubscribed"))
                QTest::keyClick(value, Qt::Key_Down);
            QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("setFieldOkButton")), Qt::LeftButton);
        });
        chooseInSelectionMenu("setStatusAction");
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'unsubscribed'")), 200);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM contacts c JOIN contact_tags ct ON ct.contact_id = c.id "
                                       "WHERE c.status = 'unsubscribed'")),
                 200); // exactly the leads
        QCOMPARE(m_window->undoStack()->count(), 1);

        pressInList(Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE status = 'unsubscribed'")), 0);
        QCOMPARE(Test::dumpDatabase(db()), before); // updated_at too
    }

    void setACustomFieldOnPickedRows()
    {
        QTRY_COMPARE(countText(), QStringLiteral("300 contacts"));
        waitForJobs();
        clickRow(1);
        clickRow(3, Qt::ControlModifier);
        whenShown(false, [](QWidget* w) {
            auto* field = w->findChild<QComboBox*>(QStringLiteral("fieldComboBox"));
            field->setCurrentIndex(field->findData(QStringLiteral("new")));
            QTest::keyClicks(w->findChild<QLineEdit*>(QStringLiteral("newFieldLineEdit")), QStringLiteral("booth"));
            auto* value = w->findChild<QComboBox*>(QStringLiteral("valueComboBox"));
            QVERIFY(value->isEditable());
            QTest::keyClicks(value->lineEdit(), QStringLiteral("B12"));
            QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("setFieldOkButton")), Qt::LeftButton);
        });
        chooseInSelectionMenu("setFieldAction");
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM contact_fields f JOIN field_definitions d ON d.id = "
                                       "f.field_id WHERE d.key = 'booth' AND f.value = 'B12'")),
                 2);
        pressInList(Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM field_definitions")), 0);
    }

    void deleteAllMatchingThenUndo()
    {
        QTest::keyClicks(child<QLineEdit>("allTagsLineEdit"), QStringLiteral("lead"));
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
        waitForJobs();
        const QString before = Test::dumpDatabase(db());
        tickHeader();
        pressInList(Qt::Key_Delete, {});
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT live FROM contact_counts")), 100);
        QCOMPARE(scalar(QStringLiteral("SELECT trashed FROM contact_counts")), 200);
        QTRY_COMPARE(countText(), QStringLiteral("0 matching contacts"));
        QCOMPARE(m_window->undoStack()->count(), 1);

        pressInList(Qt::Key_Z, Qt::ControlModifier);
        waitForJobs();
        QCOMPARE(scalar(QStringLiteral("SELECT live FROM contact_counts")), 300);
        QCOMPARE(Test::dumpDatabase(db()), before);
        QTRY_COMPARE(countText(), QStringLiteral("200 matching contacts"));
    }

    void exportSelection()
    {
        QTRY_COMPARE(countText(), QStringLiteral("300 contacts"));
        waitForJobs();
        clickRow(0);
        clickRow(1, Qt::ShiftModifier);
        const QString path = m_temp->dir() + QStringLiteral("/picked.csv");
        FileDialog::setNextFileName(path);
        chooseInSelectionMenu("exportSelectionAction");
        QTRY_VERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).count(QLatin1Char('\n')), 3); // header and two rows
    }
};

QTEST_MAIN(TestBulkActions)
#include "TestBulkActions.moc"
