#pragma once
// The main window's bulk actions besides tags, on the selected rows or, after "Select all
// matching" (the header checkbox), on every contact matching the search and filters: Add to
// list…, Remove from list…, Set owner…, Set status…, Set a field…, Export selection…, and Delete
// of all matching. Each runs BulkEdit in a background job (ContactStore::runJob) and is pushed on
// the window's undo stack as one command (changeCommand). Kept out of MainWindow so the window only adds
// the menu button and forwards a big delete here.

#include "store/BulkEdit.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QToolButton;
class QUndoStack;

namespace ContactDesk {

class ContactStore;
class MainWindow;

class BulkActions : public QObject
{
    Q_OBJECT

public:
    BulkActions(MainWindow* window, ContactStore* store, QUndoStack* undo);
    ~BulkActions() override;

    QToolButton* menuButton() const { return m_button; }
    QMenu* menu() const { return m_menu; }
    // Enables the actions for the window's state (a selection, not the Trash).
    void update(bool enabled);

public Q_SLOTS:
    void addToList();
    void removeFromList();
    void setOwner();
    void setStatus();
    void setField();
    void exportSelection();
    // The selection (or every matching contact) to the Trash as one set-based change.
    void moveToTrash();

    // The same, with the choice already made (for the dialogs' callers and tests).
    void addToListNamed(const QString& listName);
    void removeFromListId(qint64 listId);
    void setFieldTo(bool custom, ContactField field, const QString& customKey, const QString& value,
                    const QString& label);

private:
    std::optional<BulkEdit::Target> target() const;
    QString whom() const; // "3 contacts" / "all 1,204 matching contacts"
    void run(const QString& text,
             const std::function<Result<BulkEdit::Change>(const QSqlDatabase&, const BulkEdit::Progress&)>& apply,
             const std::function<QString(const BulkEdit::Change&)>& message);
    void fieldDialog(ContactField initial);

    MainWindow* m_window;
    ContactStore* m_store;
    QUndoStack* m_undo;
    QMenu* m_menu;
    QToolButton* m_button;
    QList<QAction*> m_actions;
    QFutureWatcher<QString> m_export;
};

} // namespace ContactDesk
