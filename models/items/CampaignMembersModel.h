#pragma once
// The members of one campaign for the campaigns view: name, email, delivery status and its date,
// in contact order, optionally only one status. A campaign can have 100,000 members, so rows come
// in pages (fetchMore) by keyset on the member index, never all at once; a change re-reads the
// rows loaded so far (dataChanged when they are the same members, else a reset).

#include "domain/Campaign.h"

#include <QAbstractTableModel>

#include <optional>

namespace ContactDesk {

class ContactStore;

class CampaignMembersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 200;
    static constexpr int MaxReread = 5000;
    enum Column { NameColumn, EmailColumn, StatusColumn, DateColumn, ColumnCount };
    enum Role { ContactIdRole = Qt::UserRole + 1, StatusKeyRole, UpdatedRole };

    explicit CampaignMembersModel(ContactStore* store, QObject* parent = nullptr);

    qint64 campaignId() const { return m_campaignId; }
    void setCampaign(qint64 campaignId);
    std::optional<DeliveryStatus> statusFilter() const { return m_status; }
    void setStatusFilter(std::optional<DeliveryStatus> status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    CampaignMember memberAt(int row) const { return m_rows.value(row); }
    void reload();

Q_SIGNALS:
    void failed(const QString& message);

private:
    QList<CampaignMember> readPage(qint64 after, int limit, bool* ok);

    ContactStore* m_store;
    qint64 m_campaignId = 0;
    std::optional<DeliveryStatus> m_status;
    QList<CampaignMember> m_rows;
    bool m_atEnd = true;
};

} // namespace ContactDesk
