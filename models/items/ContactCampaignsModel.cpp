#include "ContactCampaignsModel.h"

#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace ContactDesk {

ContactCampaignsModel::ContactCampaignsModel(ContactStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &ContactStore::campaignsChanged, this, &ContactCampaignsModel::reload);
    connect(store, &ContactStore::externalChange, this, &ContactCampaignsModel::reload);
    connect(store, &ContactStore::contactsChanged, this, [this](const QList<qint64>& ids) {
        if (ids.contains(m_contactId))
            reload();
    });
}

void ContactCampaignsModel::setContact(qint64 contactId)
{
    if (contactId == m_contactId)
        return;
    m_contactId = contactId;
    reload();
}

void ContactCampaignsModel::reload()
{
    QList<CampaignMembership> rows;
    m_unsubscribedAt = 0;
    if (m_contactId > 0) {
        const QSqlDatabase db = m_store->database().connection();
        if (auto loaded = CampaignStore::membershipsOf(db, m_contactId))
            rows = *loaded;
        if (auto when = CampaignStore::unsubscribedAt(db, m_contactId))
            m_unsubscribedAt = *when;
    }
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].campaignId == m_rows[i].campaignId;
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    Q_EMIT reloaded();
}

int ContactCampaignsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactCampaignsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactCampaignsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignMembership& m = m_rows[index.row()];
    switch (role) {
    case CampaignIdRole: return m.campaignId;
    case StatusKeyRole: return Delivery::key(m.status);
    case UpdatedRole: return m.updatedAt;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn
            && (m.status == DeliveryStatus::Unsubscribed || m.status == DeliveryStatus::Bounced))
            return QColor(0xb0, 0x3a, 0x2e);
        return m.archived ? QVariant(QColor(Qt::gray)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == CampaignColumn)
            return m.archived ? tr("%1 campaign (archived)").arg(Campaigns::channelLabel(m.channel))
                              : tr("%1 campaign").arg(Campaigns::channelLabel(m.channel));
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case CampaignColumn: return m.campaignName;
    case StatusColumn: return Delivery::label(m.status);
    case DateColumn: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.updatedAt).date(), QLocale::ShortFormat);
    default: return {};
    }
}

QVariant ContactCampaignsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CampaignColumn: return tr("Campaign");
    case StatusColumn: return tr("Status");
    case DateColumn: return tr("Date");
    default: return {};
    }
}

} // namespace ContactDesk
