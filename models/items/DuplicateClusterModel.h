#pragma once
// The duplicate-review dialog's list of suggested clusters, most confident first: score, the
// names of the contacts and the evidence in words. Clusters leave the list as the rep merges,
// marks them "not duplicates" or skips them.

#include "dedupe/DuplicateFinder.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ContactDesk {

class DuplicateClusterModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ScoreColumn, ContactsColumn, EvidenceColumn, ColumnCount };
    enum Role { ClusterIdsRole = Qt::UserRole + 1, ScoreRole };

    explicit DuplicateClusterModel(QObject* parent = nullptr);

    // names: contact id -> display name, for every contact of the clusters.
    void setClusters(const QList<DuplicateCluster>& clusters, const QHash<qint64, QString>& names);
    const DuplicateCluster& cluster(int row) const { return m_clusters.at(row); }
    QString nameOf(qint64 id) const { return m_names.value(id); }
    void removeCluster(int row);
    // Drops contacts that no longer exist (merged away elsewhere) and clusters left with one.
    void removeContacts(const QList<qint64>& ids);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DuplicateCluster> m_clusters;
    QHash<qint64, QString> m_names;
};

} // namespace ContactDesk
