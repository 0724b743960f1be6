#pragma once
// The sidebar's saved lists: smart lists (a saved filter and search) and static lists (contacts
// added by hand), with "Save as smart list…", and Rename… / Delete… in the context menu. Clicking
// a list announces it; MainWindow shows it through the filter bar, so the list, its count, export
// and bulk actions work on it. No SQL here: SavedListModel reads, ContactStore writes.

#include "store/SavedLists.h"

#include <QWidget>

class QAction;
class QPushButton;
class QTreeView;

namespace ContactDesk {

class ContactStore;
class SavedListModel;

class ListsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ListsPane(ContactStore* store, QWidget* parent = nullptr);

    SavedListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    qint64 currentListId() const;
    // Marks the list that shows exactly this filter and search (none: no mark); announces nothing.
    void showMatching(const ContactFilter& filter, const QString& searchText);

public Q_SLOTS:
    void renameCurrent();
    void deleteCurrent();

Q_SIGNALS:
    void listChosen(const ContactDesk::SavedList& list);
    void saveSmartListRequested();

private:
    void select(qint64 id);
    void updateActions();

    ContactStore* m_store;
    SavedListModel* m_model;
    QTreeView* m_view;
    QPushButton* m_save;
    QAction* m_rename;
    QAction* m_delete;
    bool m_quiet = false;
};

} // namespace ContactDesk
