#include "CampaignPane.h"

#include "CampaignCommands.h"
#include "items/ContactCampaignsModel.h"
#include "store/ContactStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ContactDesk {

CampaignPane::CampaignPane(ContactStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new ContactCampaignsModel(store, this))
    , m_unsubscribedLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(tr("Not in any campaign yet."), this))
    , m_view(new QTableView(this))
    , m_statusRow(new QWidget(this))
    , m_statusCombo(new QComboBox(m_statusRow))
    , m_setStatusButton(new QPushButton(tr("Set status"), m_statusRow))
{
    setObjectName(QStringLiteral("campaignPane"));
    m_unsubscribedLabel->setObjectName(QStringLiteral("unsubscribedLabel"));
    m_unsubscribedLabel->setWordWrap(true);
    m_unsubscribedLabel->setStyleSheet(
        QStringLiteral("color:#8a1f11; background:#fdecea; padding:4px; border-radius:4px;"));
    m_emptyLabel->setObjectName(QStringLiteral("noCampaignsLabel"));
    m_emptyLabel->setStyleSheet(QStringLiteral("color:palette(mid);"));
    m_view->setObjectName(QStringLiteral("contactCampaignsTableView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(ContactCampaignsModel::CampaignColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ContactCampaignsModel::StatusColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ContactCampaignsModel::DateColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setHighlightSections(false);

    m_statusCombo->setObjectName(QStringLiteral("campaignPaneStatusComboBox"));
    for (DeliveryStatus s : Delivery::all())
        m_statusCombo->addItem(Delivery::label(s), Delivery::key(s));
    m_setStatusButton->setObjectName(QStringLiteral("campaignPaneSetStatusButton"));
    m_setStatusButton->setToolTip(tr("Set this contact's delivery status in the selected campaign"));
    auto* statusLayout = new QHBoxLayout(m_statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->addWidget(m_statusCombo);
    statusLayout->addWidget(m_setStatusButton);
    statusLayout->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    // The section's frame starts a little below its contents' top (ProfilePane's section style):
    // keep the first line inside it.
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_unsubscribedLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_view);
    layout->addWidget(m_statusRow);
    connect(m_model, &ContactCampaignsModel::reloaded, this, &CampaignPane::update);
    connect(m_setStatusButton, &QPushButton::clicked, this, &CampaignPane::setSelectedStatus);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_view->selectionModel()->selectedRows();
        m_setStatusButton->setEnabled(!rows.isEmpty());
        if (!rows.isEmpty())
            m_statusCombo->setCurrentIndex(
                m_statusCombo->findData(rows.first().data(ContactCampaignsModel::StatusKeyRole).toString()));
    });
    update();
}

void CampaignPane::setContact(qint64 contactId)
{
    m_model->setContact(contactId);
    setEnabled(contactId > 0);
    update();
}

void CampaignPane::update()
{
    const qint64 when = m_model->unsubscribedAt();
    m_unsubscribedLabel->setVisible(when != 0);
    m_unsubscribedLabel->setText(
        when > 0 ? tr("Unsubscribed on %1: new campaigns skip this contact.")
                       .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(when).date(), QLocale::ShortFormat))
                 : tr("Unsubscribed: new campaigns skip this contact."));
    const int rows = m_model->rowCount();
    m_emptyLabel->setVisible(rows == 0);
    m_view->setVisible(rows > 0);
    m_statusRow->setVisible(rows > 0);
    m_setStatusButton->setEnabled(m_view->selectionModel()->hasSelection());
    // As tall as its rows (up to six), so the profile scrolls rather than the table.
    const int shown = std::min(rows, 6);
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height() + shown * m_view->verticalHeader()->defaultSectionSize()
                           + 2 * m_view->frameWidth());
}

void CampaignPane::setSelectedStatus()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const auto status = Delivery::fromKey(m_statusCombo->currentData().toString());
    if (rows.isEmpty() || !status || m_model->contactId() <= 0)
        return;
    const CampaignMembership m = m_model->membershipAt(rows.first().row());
    auto n = CampaignActions::setMemberStatus(m_store, m_undo, m.campaignId, m.campaignName, {m_model->contactId()},
                                              *status);
    if (!n)
        m_store->reportError(n.error().toString());
}

} // namespace ContactDesk
