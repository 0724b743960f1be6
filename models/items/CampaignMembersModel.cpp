#include "CampaignMembersModel.h"

#include "store/CampaignStore.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QDateTime>
#include <QLocale>

namespace ContactDesk {

CampaignMembersModel::CampaignMembersModel(ContactStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(store, &ContactStore::campaignsChanged, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::externalChange, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::contactsChanged, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::contactsTrashed, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::contactsRestored, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::contactsPurged, this, &CampaignMembersModel::reload);
    connect(store, &ContactStore::contactsMerged, this, &CampaignMembersModel::reload);
}

void CampaignMembersModel::setCampaign(qint64 campaignId)
{
    if (campaignId == m_campaignId)
        return;
    m_campaignId = campaignId;
    beginResetModel();
    m_rows.clear();
    m_atEnd = campaignId <= 0;
    endResetModel();
}

void CampaignMembersModel::setStatusFilter(std::optional<DeliveryStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    beginResetModel();
    m_rows.clear();
    m_atEnd = m_campaignId <= 0;
    endResetModel();
}

QList<CampaignMember> CampaignMembersModel::readPage(qint64 after, int limit, bool* ok)
{
    // One page through the member index: a few hundred rows, well under a millisecond.
    auto page = CampaignStore::members(m_store->database().connection(), m_campaignId, m_status, after, limit);
    *ok = page.ok();
    if (!page) {
        Q_EMIT failed(page.error().toString());
        return {};
    }
    return *page;
}

void CampaignMembersModel::reload()
{
    if (m_campaignId <= 0)
        return;
    // Re-read what is loaded, up to a bound: past it the view starts again at the first page
    // rather than re-reading tens of thousands of rows on the UI thread.
    const int limit = m_rows.size() > MaxReread ? PageSize : std::max(int(m_rows.size()), PageSize);
    bool ok = false;
    const QList<CampaignMember> rows = readPage(0, limit, &ok);
    if (!ok)
        return;
    bool sameIds = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].contactId == m_rows[i].contactId;
    m_atEnd = rows.size() < limit;
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int CampaignMembersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignMembersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool CampaignMembersModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CampaignMembersModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    bool ok = false;
    const QList<CampaignMember> page = readPage(m_rows.isEmpty() ? 0 : m_rows.last().contactId, PageSize, &ok);
    if (!ok) {
        m_atEnd = true;
        return;
    }
    m_atEnd = page.size() < PageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size()) - 1);
    m_rows += page;
    endInsertRows();
}

QVariant CampaignMembersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignMember& m = m_rows[index.row()];
    switch (role) {
    case ContactIdRole: return m.contactId;
    case StatusKeyRole: return Delivery::key(m.status);
    case UpdatedRole: return m.updatedAt;
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (index.column()) {
    case NameColumn: return m.displayName;
    case EmailColumn: return m.email;
    case StatusColumn: return Delivery::label(m.status);
    case DateColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(m.updatedAt), QLocale::ShortFormat);
    default: return {};
    }
}

QVariant CampaignMembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case StatusColumn: return tr("Status");
    case DateColumn: return tr("Since");
    default: return {};
    }
}

} // namespace ContactDesk
