#pragma once
// The campaigns one contact is in, for the profile's campaign pane: campaign, delivery status and
// its date, newest campaign first ("did we already email them?"). A contact is in few campaigns,
// so it loads them at once and re-reads when campaigns or this contact change.

#include "domain/Campaign.h"

#include <QAbstractTableModel>

namespace ContactDesk {

class ContactStore;

class ContactCampaignsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CampaignColumn, StatusColumn, DateColumn, ColumnCount };
    enum Role { CampaignIdRole = Qt::UserRole + 1, StatusKeyRole, UpdatedRole };

    explicit ContactCampaignsModel(ContactStore* store, QObject* parent = nullptr);

    qint64 contactId() const { return m_contactId; }
    void setContact(qint64 contactId);
    // When the contact unsubscribed (epoch ms), -1 when marked unsubscribed without a date, or 0.
    qint64 unsubscribedAt() const { return m_unsubscribedAt; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    CampaignMembership membershipAt(int row) const { return m_rows.value(row); }
    void reload();

Q_SIGNALS:
    void reloaded();

private:
    ContactStore* m_store;
    qint64 m_contactId = 0;
    qint64 m_unsubscribedAt = 0;
    QList<CampaignMembership> m_rows;
};

} // namespace ContactDesk
