#include "CampaignTableModel.h"

#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace ContactDesk {

CampaignTableModel::CampaignTableModel(ContactStore* store, QObject* parent)
    : BackgroundTableModel(store, parent)
{
    connect(&m_watcher, &QFutureWatcher<CampaignLoad>::finished, this, [this] { apply(m_watcher.result()); });
    connect(store, &ContactStore::campaignsChanged, this, &CampaignTableModel::reload);
    connect(store, &ContactStore::externalChange, this, &CampaignTableModel::reload);
    // Trash, restore, purge and merge change which members count.
    connect(store, &ContactStore::contactsTrashed, this, &CampaignTableModel::reload);
    connect(store, &ContactStore::contactsRestored, this, &CampaignTableModel::reload);
    connect(store, &ContactStore::contactsPurged, this, &CampaignTableModel::reload);
    connect(store, &ContactStore::contactsMerged, this, &CampaignTableModel::reload);
    reload();
}

CampaignTableModel::~CampaignTableModel()
{
    m_watcher.waitForFinished(); // the load reads on its own connection; let it end first
}

void CampaignTableModel::setShowArchived(bool show)
{
    if (show == m_showArchived)
        return;
    m_showArchived = show;
    reload();
}

void CampaignTableModel::reload()
{
    const bool archived = m_showArchived;
    startLoad<CampaignLoad>(m_watcher, QStringLiteral("campaign-table"), [archived](const QSqlDatabase& db) {
        auto campaigns = CampaignStore::list(db, archived);
        return campaigns ? CampaignLoad{*campaigns, {}} : CampaignLoad{{}, campaigns.error().toString()};
    });
}

void CampaignTableModel::apply(const CampaignLoad& load)
{
    if (!landLoad())
        return;
    if (!load.error.isEmpty())
        Q_EMIT failed(load.error);
    else
        swapRows(m_campaigns, load.campaigns);
    Q_EMIT loaded();
}

int CampaignTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_campaigns.size());
}

int CampaignTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CampaignTableModel::rowOf(qint64 campaignId) const
{
    for (qsizetype i = 0; i < m_campaigns.size(); ++i)
        if (m_campaigns[i].id == campaignId)
            return int(i);
    return -1;
}

QVariant CampaignTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign& c = m_campaigns[index.row()];
    const int column = index.column();
    switch (role) {
    case CampaignIdRole: return c.id;
    case ArchivedRole: return c.isArchived();
    case CountRole:
        if (column == MembersColumn)
            return c.counts.total();
        if (column >= FirstCountColumn)
            return c.counts.values[std::size_t(column - FirstCountColumn)];
        return {};
    case Qt::ForegroundRole:
        return c.isArchived() ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::TextAlignmentRole:
        return column >= MembersColumn ? QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return tr("Double-click to rename");
        return {};
    case Qt::DisplayRole:
    case Qt::EditRole: break;
    default: return {};
    }
    switch (column) {
    case NameColumn: return c.name;
    case ChannelColumn: return role == Qt::DisplayRole ? Campaigns::channelLabel(c.channel) : c.channel;
    case StatusColumn:
        if (role == Qt::EditRole)
            return c.status;
        return c.isArchived() ? tr("%1 · archived").arg(Campaigns::statusLabel(c.status)) : Campaigns::statusLabel(c.status);
    case CreatedColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.createdAt).date(), QLocale::ShortFormat);
    case MembersColumn: return QLocale().toString(c.counts.total());
    default: return QLocale().toString(c.counts.values[std::size_t(column - FirstCountColumn)]);
    }
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Campaign");
    case ChannelColumn: return tr("Channel");
    case StatusColumn: return tr("Status");
    case CreatedColumn: return tr("Created");
    case MembersColumn: return tr("Members");
    default:
        if (section >= FirstCountColumn && section < ColumnCount)
            return Delivery::label(Delivery::all().at(section - FirstCountColumn));
        return {};
    }
}

Qt::ItemFlags CampaignTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CampaignTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString name = value.toString().simplified();
    Campaign& c = m_campaigns[index.row()];
    if (name.isEmpty() || name == c.name)
        return false;
    if (Status s = m_store->renameCampaign(c.id, name); !s) {
        Q_EMIT failed(s.error().toString());
        return false;
    }
    c.name = name; // the reload that campaignsChanged starts confirms it
    Q_EMIT dataChanged(index, index);
    return true;
}

} // namespace ContactDesk
