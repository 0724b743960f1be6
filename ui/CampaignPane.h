#pragma once
// The campaigns of the contact on the profile ("did we already email them?"): each campaign with
// this contact's delivery status and its date, and a note when the contact unsubscribed (new
// campaigns skip them).

#include <QWidget>

class QLabel;
class QTableView;

namespace ContactDesk {

class ContactCampaignsModel;
class ContactStore;

class CampaignPane : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignPane(ContactStore* store, QWidget* parent = nullptr);
    void setContact(qint64 contactId);
    ContactCampaignsModel* model() const { return m_model; }

private:
    void update();

    ContactCampaignsModel* m_model;
    QLabel* m_unsubscribedLabel;
    QLabel* m_emptyLabel;
    QTableView* m_view;
};

} // namespace ContactDesk
