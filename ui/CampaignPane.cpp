#include "CampaignPane.h"

#include "items/ContactCampaignsModel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace ContactDesk {

CampaignPane::CampaignPane(ContactStore* store, QWidget* parent)
    : QWidget(parent)
    , m_model(new ContactCampaignsModel(store, this))
    , m_unsubscribedLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(tr("Not in any campaign yet."), this))
    , m_view(new QTableView(this))
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

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_unsubscribedLabel);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_view);
    connect(m_model, &ContactCampaignsModel::reloaded, this, &CampaignPane::update);
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
    // As tall as its rows (up to six), so the profile scrolls rather than the table.
    const int shown = std::min(rows, 6);
    m_view->setFixedHeight(m_view->horizontalHeader()->sizeHint().height() + shown * m_view->verticalHeader()->defaultSectionSize()
                           + 2 * m_view->frameWidth());
}

} // namespace ContactDesk
