#include "DuplicateClusterModel.h"
#include "dedupe/DuplicateScorer.h"

#include <QVariantList>

namespace ContactDesk {

DuplicateClusterModel::DuplicateClusterModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DuplicateClusterModel::setClusters(const QList<DuplicateCluster>& clusters, const QHash<qint64, QString>& names)
{
    beginResetModel();
    m_clusters = clusters;
    m_names = names;
    endResetModel();
}

void DuplicateClusterModel::removeCluster(int row)
{
    if (row < 0 || row >= m_clusters.size())
        return;
    beginRemoveRows({}, row, row);
    m_clusters.removeAt(row);
    endRemoveRows();
}

void DuplicateClusterModel::removeContacts(const QList<qint64>& ids)
{
    for (int row = static_cast<int>(m_clusters.size()) - 1; row >= 0; --row) {
        DuplicateCluster& c = m_clusters[row];
        bool touched = false;
        for (qint64 id : ids)
            touched = c.contactIds.removeAll(id) > 0 || touched;
        if (!touched)
            continue;
        if (c.contactIds.size() < 2)
            removeCluster(row);
        else
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int DuplicateClusterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_clusters.size());
}

int DuplicateClusterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DuplicateClusterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DuplicateCluster& c = m_clusters.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ScoreColumn:
            return QStringLiteral("%1%").arg(DuplicateScorer::percent(c.score));
        case ContactsColumn: {
            QStringList names;
            for (qint64 id : c.contactIds)
                names.append(m_names.value(id, QStringLiteral("#%1").arg(id)));
            return names.join(QStringLiteral(" · "));
        }
        case EvidenceColumn:
            return c.evidence;
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == EvidenceColumn ? QVariant(c.evidence) : QVariant();
    case ClusterIdsRole: {
        QVariantList ids;
        for (qint64 id : c.contactIds)
            ids.append(id);
        return ids;
    }
    case ScoreRole:
        return c.score;
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant DuplicateClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ScoreColumn:
        return tr("Score");
    case ContactsColumn:
        return tr("Contacts");
    case EvidenceColumn:
        return tr("Why");
    }
    return {};
}

} // namespace ContactDesk
