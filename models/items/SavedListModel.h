#pragma once
// The saved lists for the sidebar, as a two-level tree: "Smart lists" and "Lists" (static), each
// with its lists by name. Lists are few, so it holds them all and re-reads them when the store
// says lists changed (a create, rename, delete, or a job that may have made one).

#include "store/SavedLists.h"

#include <QAbstractItemModel>

namespace ContactDesk {

class ContactStore;

class SavedListModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { ListIdRole = Qt::UserRole + 1, IsSmartRole, IsGroupRole };
    enum Group { SmartGroup = 0, StaticGroup = 1 };

    explicit SavedListModel(ContactStore* store, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    QModelIndex groupIndex(Group group) const { return index(int(group), 0); }
    QModelIndex indexOf(qint64 listId) const; // invalid when there is no such list
    const SavedList* list(const QModelIndex& index) const; // null for a group row
    QList<SavedList> staticLists() const { return m_lists[StaticGroup]; }
    void reload();

private:
    ContactStore* m_store;
    QList<SavedList> m_lists[2]; // smart, static
};

} // namespace ContactDesk
