#include "TagTableModel.h"

#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/TagCatalog.h"

#include <QColor>

namespace ContactDesk {

TagTableModel::TagTableModel(ContactStore* store, QObject* parent)
    : BackgroundTableModel(store, parent)
{
    connect(&m_watcher, &QFutureWatcher<TagLoad>::finished, this, [this] { apply(m_watcher.result()); });
    connect(store, &ContactStore::tagsChanged, this, &TagTableModel::reload);
    connect(store, &ContactStore::externalChange, this, &TagTableModel::reload);
    reload();
}

TagTableModel::~TagTableModel()
{
    m_watcher.waitForFinished(); // the job reads on its own connection; let it end first
}

void TagTableModel::reload()
{
    startLoad<TagLoad>(m_watcher, QStringLiteral("tag-table"), [](const QSqlDatabase& db) {
        auto tags = TagCatalog::list(db);
        return tags ? TagLoad{*tags, {}} : TagLoad{{}, tags.error().toString()};
    });
}

void TagTableModel::apply(const TagLoad& load)
{
    if (!landLoad())
        return;
    if (!load.error.isEmpty()) {
        Q_EMIT loadFailed(load.error);
        return;
    }
    swapRows(m_tags, load.tags);
    Q_EMIT loaded();
}

int TagTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

int TagTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TagTableModel::rowOf(qint64 tagId) const
{
    for (qsizetype i = 0; i < m_tags.size(); ++i)
        if (m_tags[i].id == tagId)
            return int(i);
    return -1;
}

QVariant TagTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagInfo& t = m_tags[index.row()];
    switch (role) {
    case TagIdRole: return t.id;
    case CountRole: return t.contactCount;
    case ColorNameRole: return t.color;
    default: break;
    }
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return t.name;
        if (role == Qt::ToolTipRole)
            return tr("Double-click to rename; a name another tag has merges the two");
        break;
    case ColorColumn:
        if (role == Qt::DisplayRole)
            return t.color.isEmpty() ? tr("none") : t.color;
        if (role == Qt::DecorationRole && !t.color.isEmpty())
            return QColor(t.color);
        break;
    case CountColumn:
        if (role == Qt::DisplayRole)
            return t.contactCount;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    default: break;
    }
    return {};
}

QVariant TagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Tag");
    case ColorColumn: return tr("Colour");
    case CountColumn: return tr("Contacts");
    default: return {};
    }
}

Qt::ItemFlags TagTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TagTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().simplified();
    const TagInfo& t = m_tags[index.row()];
    if (name.isEmpty() || name == t.name)
        return false;
    // The rename runs as a job; the row changes when the store reports it (tagsChanged).
    Q_EMIT renameRequested(t.id, name);
    return true;
}

} // namespace ContactDesk
