#pragma once
// The campaigns view, opened from the main window's "Campaigns…": every campaign with channel,
// status, creation date and member counts per delivery status; create one (name and channel),
// rename in place, set its status, archive or unarchive it. Below, the selected campaign's
// members (paged, filterable by status) with a per-member status change, "Import statuses…" from
// an email service's CSV export (a store job; lines it could not use are listed), and the
// campaign's delivery funnel as a chart.

#include <QDialog>

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QUndoStack;

namespace ContactDesk {

class CampaignMembersModel;
class CampaignTableModel;
class ContactStore;
class MessageBanner;

class CampaignsDialog : public QDialog
{
    Q_OBJECT

public:
    // Status changes and imports go on `undo` (the main window's stack) as one step each.
    CampaignsDialog(ContactStore* store, QUndoStack* undo, QWidget* parent = nullptr);
    ~CampaignsDialog() override;

    CampaignTableModel* model() const { return m_model; }
    CampaignMembersModel* membersModel() const { return m_members; }
    qint64 currentCampaignId() const;
    void selectCampaign(qint64 id);
    // The funnel bars as drawn (Members, Sent, Opened, Clicked, Unsubscribed, Bounced).
    QList<qint64> funnelValues() const { return m_funnelValues; }
    bool isImporting() const { return m_importing; }

private:
    void createCampaign();
    void renameCurrent();
    void toggleArchived();
    void campaignStatusChosen();
    void currentCampaignChanged();
    void setSelectedMembersStatus();
    void importStatuses();
    void updateFunnel();
    void updateState();

    ContactStore* m_store;
    QUndoStack* m_undo;
    CampaignTableModel* m_model;
    CampaignMembersModel* m_members;
    MessageBanner* m_banner;
    QLineEdit* m_nameEdit;
    QComboBox* m_channelCombo;
    QPushButton* m_createButton;
    QTableView* m_table;
    QPushButton* m_renameButton;
    QPushButton* m_archiveButton;
    QComboBox* m_statusCombo;
    QCheckBox* m_showArchived;
    QLabel* m_membersLabel;
    QComboBox* m_filterCombo;
    QTableView* m_membersView;
    QComboBox* m_memberStatusCombo;
    QPushButton* m_setStatusButton;
    QPushButton* m_importButton;
    QListWidget* m_problems;
    QChartView* m_chartView;
    QChart* m_chart;
    QLabel* m_statusLabel;
    QList<qint64> m_funnelValues;
    qint64 m_keepSelected = 0;
    qint64 m_shownCampaign = -1;
    bool m_importing = false;
};

} // namespace ContactDesk
