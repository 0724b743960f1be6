#include "SavedListModel.h"

#include "store/ContactStore.h"
#include "store/Database.h"

#include <QCoreApplication>

namespace ContactDesk {

// Group rows have internal id 0; a list row has its group + 1.
SavedListModel::SavedListModel(ContactStore* store, QObject* parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    reload();
    connect(store, &ContactStore::listsChanged, this, &SavedListModel::reload);
    connect(store, &ContactStore::externalChange, this, &SavedListModel::reload); // another program's write
}

void SavedListModel::reload()
{
    auto all = SavedLists::all(m_store->database().connection());
    beginResetModel();
    m_lists[SmartGroup].clear();
    m_lists[StaticGroup].clear();
    if (all) {
        for (const SavedList& l : *all)
            m_lists[l.isSmart() ? SmartGroup : StaticGroup].append(l);
    }
    endResetModel();
    if (!all)
        m_store->reportError(all.error().toString());
}

QModelIndex SavedListModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < 2 ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() > 1 || row >= m_lists[parent.row()].size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex SavedListModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int SavedListModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return 2;
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_lists[parent.row()].size());
}

int SavedListModel::columnCount(const QModelIndex&) const
{
    return 1;
}

const SavedList* SavedListModel::list(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const auto& group = m_lists[index.internalId() - 1];
    return index.row() < group.size() ? &group[index.row()] : nullptr;
}

QModelIndex SavedListModel::indexOf(qint64 listId) const
{
    for (int g = 0; g < 2; ++g)
        for (int r = 0; r < m_lists[g].size(); ++r)
            if (m_lists[g][r].id == listId)
                return index(r, 0, groupIndex(Group(g)));
    return {};
}

QVariant SavedListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return index.row() == SmartGroup ? QCoreApplication::translate("SavedListModel", "Smart lists")
                                             : QCoreApplication::translate("SavedListModel", "Lists");
        case Qt::ToolTipRole:
            return index.row() == SmartGroup
                       ? QCoreApplication::translate("SavedListModel", "Saved filters: they show whoever matches now")
                       : QCoreApplication::translate("SavedListModel", "Contacts added by hand (Add to list…)");
        case IsGroupRole:
            return true;
        default:
            return {};
        }
    }
    const SavedList* l = list(index);
    if (!l)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return l->name;
    case Qt::ToolTipRole:
        return l->isSmart() && !l->searchText.isEmpty()
                   ? QCoreApplication::translate("SavedListModel", "Smart list, search \"%1\"").arg(l->searchText)
                   : QString();
    case ListIdRole:
        return l->id;
    case IsSmartRole:
        return l->isSmart();
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

Qt::ItemFlags SavedListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace ContactDesk
