#pragma once
// The campaigns view's table: every campaign (newest first) with its channel, status, creation
// date and member counts per delivery status. Counts grow with the members (100k members is a
// grouped walk of an index), so the model loads in the background on its own connection and swaps
// the rows in when the load lands, as TagTableModel does. Editing a name renames the campaign.

#include "BackgroundTableModel.h"
#include "domain/Campaign.h"

namespace ContactDesk {

struct CampaignLoad
{
    QList<Campaign> campaigns;
    QString error;
};

class CampaignTableModel : public BackgroundTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChannelColumn,
        StatusColumn,
        CreatedColumn,
        MembersColumn,
        FirstCountColumn, // Pending, Sent, Opened, Clicked, Unsubscribed, Bounced
        ColumnCount = FirstCountColumn + Delivery::Count
    };
    enum Role { CampaignIdRole = Qt::UserRole + 1, ArchivedRole, CountRole };

    explicit CampaignTableModel(ContactStore* store, QObject* parent = nullptr);
    ~CampaignTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    bool showArchived() const { return m_showArchived; }
    void setShowArchived(bool show);
    Campaign campaignAt(int row) const { return m_campaigns.value(row); }
    int rowOf(qint64 campaignId) const;
    void reload() override;

Q_SIGNALS:
    void failed(const QString& message); // a load or a rename went wrong

private:
    void apply(const CampaignLoad& load);

    QList<Campaign> m_campaigns;
    QFutureWatcher<CampaignLoad> m_watcher;
    bool m_showArchived = false;
};

} // namespace ContactDesk
