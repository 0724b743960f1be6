#pragma once
// The campaigns of the contact on the profile ("did we already email them?"): each campaign with
// this contact's delivery status and its date, and a note when the contact unsubscribed (new
// campaigns skip them). The selected campaign's status can be set here (one undoable step on the
// main window's stack).

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace ContactDesk {

class ContactCampaignsModel;
class ContactStore;

class CampaignPane : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignPane(ContactStore* store, QWidget* parent = nullptr);
    void setContact(qint64 contactId);
    // Status changes go on `undo` (none: not undoable).
    void setUndoStack(QUndoStack* undo) { m_undo = undo; }
    ContactCampaignsModel* model() const { return m_model; }

private:
    void update();
    void setSelectedStatus();

    ContactStore* m_store;
    QUndoStack* m_undo = nullptr;
    ContactCampaignsModel* m_model;
    QLabel* m_unsubscribedLabel;
    QLabel* m_emptyLabel;
    QTableView* m_view;
    QWidget* m_statusRow;
    QComboBox* m_statusCombo;
    QPushButton* m_setStatusButton;
};

} // namespace ContactDesk
