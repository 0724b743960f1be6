#pragma once
// The tag manager, opened from the main window's "Tags…": every tag with its colour and number
// of contacts; add a tag nobody carries yet, rename (in place by editing the name, or with
// Rename; a name another tag has merges the two), pick a colour, delete a tag from every contact
// after a confirmation. Rename and delete run as store jobs; the table follows tagsChanged.
// Every change is one step on the main window's undo stack (Ctrl+Z / Ctrl+Shift+Z in the dialog
// too, and its Undo / Redo buttons); undo puts the tag and its links back exactly.

#include "store/TagCatalog.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;
class QUndoStack;

namespace ContactDesk {

class ContactStore;
class MessageBanner;
class TagTableModel;

class TagManagerDialog : public QDialog
{
    Q_OBJECT

public:
    TagManagerDialog(ContactStore* store, QUndoStack* undo, QWidget* parent = nullptr);
    ~TagManagerDialog() override;

    TagTableModel* model() const { return m_model; }
    // The tag selected in the table, or 0.
    qint64 currentTagId() const;
    void selectTag(qint64 id);

private:
    void addTag();
    void renameCurrent();
    void chooseColor();
    void deleteCurrent();
    void renameTag(qint64 id, const QString& newName);
    void updateState();
    // Runs a rename or delete as a store job; when it lands, pushes it on the undo stack.
    void runChange(const QString& label,
                   const std::function<Result<TagCatalog::Change>(const QSqlDatabase&, const TagCatalog::Progress&)>& apply);
    void pushChange(const TagCatalog::Change& change);

    ContactStore* m_store;
    QUndoStack* m_undo;
    TagTableModel* m_model;
    MessageBanner* m_banner;
    QLineEdit* m_newTagEdit;
    QPushButton* m_addButton;
    QTableView* m_table;
    QPushButton* m_renameButton;
    QPushButton* m_colorButton;
    QPushButton* m_deleteButton;
    QToolButton* m_undoButton;
    QToolButton* m_redoButton;
    QLabel* m_statusLabel;
    qint64 m_keepSelected = 0; // re-selected after the table reloads
};

} // namespace ContactDesk
