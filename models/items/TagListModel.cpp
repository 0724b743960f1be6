#include "TagListModel.h"

#include "store/ContactStore.h"

namespace ContactDesk {

TagListModel::TagListModel(ContactStore* store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(store, &ContactStore::tagsChanged, this, &TagListModel::reload);
    connect(store, &ContactStore::externalChange, this, &TagListModel::reload);
    reload();
}

void TagListModel::reload()
{
    auto tags = m_store->repository().allTags();
    QList<TagInfo> fresh = tags ? *tags : QList<TagInfo>{};
    bool sameIds = fresh.size() == m_tags.size();
    for (int i = 0; sameIds && i < fresh.size(); ++i)
        sameIds = fresh[i].id == m_tags[i].id;
    if (sameIds) {
        m_tags = fresh;
        if (!m_tags.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_tags.size()) - 1));
        return;
    }
    beginResetModel();
    m_tags = fresh;
    endResetModel();
}

int TagListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

QVariant TagListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagInfo& t = m_tags[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole: return t.name;
    case Qt::ToolTipRole: return tr("%n contact(s)", nullptr, t.contactCount);
    case TagIdRole: return t.id;
    case CountRole: return t.contactCount;
    }
    return {};
}

QStringList TagListModel::names() const
{
    QStringList list;
    for (const auto& t : m_tags)
        list.append(t.name);
    return list;
}

} // namespace ContactDesk
