#include "CampaignsDialog.h"

#include "CampaignCommands.h"
#include "FileDialog.h"
#include "MessageBanner.h"
#include "items/CampaignMembersModel.h"
#include "items/CampaignTableModel.h"
#include "store/CampaignStore.h"
#include "store/ContactStore.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <memory>

namespace ContactDesk {

namespace {

void setUpTable(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

CampaignsDialog::CampaignsDialog(ContactStore* store, QUndoStack* undo, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_model(new CampaignTableModel(store, this))
    , m_members(new CampaignMembersModel(store, this))
    , m_banner(new MessageBanner(this))
    , m_nameEdit(new QLineEdit(this))
    , m_channelCombo(new QComboBox(this))
    , m_createButton(new QPushButton(tr("Create"), this))
    , m_table(new QTableView(this))
    , m_renameButton(new QPushButton(tr("Rename"), this))
    , m_archiveButton(new QPushButton(tr("Archive"), this))
    , m_statusCombo(new QComboBox(this))
    , m_showArchived(new QCheckBox(tr("Show archived"), this))
    , m_membersLabel(new QLabel(this))
    , m_filterCombo(new QComboBox(this))
    , m_membersView(new QTableView(this))
    , m_memberStatusCombo(new QComboBox(this))
    , m_setStatusButton(new QPushButton(tr("Set status"), this))
    , m_importButton(new QPushButton(tr("Import statuses…"), this))
    , m_problems(new QListWidget(this))
    , m_chartView(new QChartView(this))
    , m_chart(new QChart)
    , m_statusLabel(new QLabel(this))
{
    setWindowTitle(tr("Campaigns"));
    setObjectName(QStringLiteral("campaignsDialog"));
    resize(1100, 720);

    m_nameEdit->setObjectName(QStringLiteral("newCampaignLineEdit"));
    m_nameEdit->setPlaceholderText(tr("New campaign name"));
    m_channelCombo->setObjectName(QStringLiteral("channelComboBox"));
    for (const QString& channel : Campaigns::channels())
        m_channelCombo->addItem(Campaigns::channelLabel(channel), channel);
    m_createButton->setObjectName(QStringLiteral("createCampaignButton"));

    m_table->setObjectName(QStringLiteral("campaignsTableView"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(CampaignTableModel::NameColumn, QHeaderView::Stretch);
    for (int c = CampaignTableModel::ChannelColumn; c < CampaignTableModel::ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_renameButton->setObjectName(QStringLiteral("renameCampaignButton"));
    m_archiveButton->setObjectName(QStringLiteral("archiveCampaignButton"));
    m_statusCombo->setObjectName(QStringLiteral("campaignStatusComboBox"));
    for (const QString& status : Campaigns::statuses())
        m_statusCombo->addItem(Campaigns::statusLabel(status), status);
    m_statusCombo->setToolTip(tr("The campaign's status"));
    m_showArchived->setObjectName(QStringLiteral("showArchivedCheckBox"));

    m_membersLabel->setObjectName(QStringLiteral("membersLabel"));
    m_filterCombo->setObjectName(QStringLiteral("memberFilterComboBox"));
    m_filterCombo->addItem(tr("All statuses"), QString());
    for (DeliveryStatus s : Delivery::all())
        m_filterCombo->addItem(Delivery::label(s), Delivery::key(s));
    m_membersView->setObjectName(QStringLiteral("membersTableView"));
    m_membersView->setModel(m_members);
    setUpTable(m_membersView);
    m_membersView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_membersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_membersView->horizontalHeader()->setSectionResizeMode(CampaignMembersModel::NameColumn, QHeaderView::Stretch);
    m_membersView->horizontalHeader()->setSectionResizeMode(CampaignMembersModel::EmailColumn, QHeaderView::Stretch);
    m_membersView->horizontalHeader()->setSectionResizeMode(CampaignMembersModel::StatusColumn,
                                                            QHeaderView::ResizeToContents);
    m_membersView->horizontalHeader()->setSectionResizeMode(CampaignMembersModel::DateColumn,
                                                            QHeaderView::ResizeToContents);
    m_memberStatusCombo->setObjectName(QStringLiteral("memberStatusComboBox"));
    for (DeliveryStatus s : Delivery::all())
        m_memberStatusCombo->addItem(Delivery::label(s), Delivery::key(s));
    m_setStatusButton->setObjectName(QStringLiteral("setMemberStatusButton"));
    m_setStatusButton->setToolTip(tr("Set the delivery status of the selected members"));
    m_importButton->setObjectName(QStringLiteral("importStatusesButton"));
    m_importButton->setToolTip(tr("Read delivery statuses from an email service's CSV export (email, status, timestamp)"));
    m_problems->setObjectName(QStringLiteral("importProblemsListWidget"));
    m_problems->setMaximumHeight(90);
    m_problems->hide();
    m_statusLabel->setObjectName(QStringLiteral("campaignStatusLabel"));

    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chartView->setObjectName(QStringLiteral("funnelChartView"));
    m_chartView->setChart(m_chart); // the view owns the chart
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumWidth(360);

    // Top: new campaign, the campaigns, what acts on the selected one.
    auto* createRow = new QHBoxLayout;
    createRow->addWidget(m_nameEdit, 1);
    createRow->addWidget(m_channelCombo);
    createRow->addWidget(m_createButton);
    auto* side = new QVBoxLayout;
    side->addWidget(m_renameButton);
    side->addWidget(m_archiveButton);
    side->addWidget(m_statusCombo);
    side->addStretch(1);
    side->addWidget(m_showArchived);
    auto* campaigns = new QWidget(this);
    auto* campaignsLayout = new QVBoxLayout(campaigns);
    campaignsLayout->setContentsMargins(0, 0, 0, 0);
    campaignsLayout->addLayout(createRow);
    auto* tableRow = new QHBoxLayout;
    tableRow->addWidget(m_table, 1);
    tableRow->addLayout(side);
    campaignsLayout->addLayout(tableRow, 1);

    // Bottom: members of the selected campaign beside its funnel.
    auto* membersBox = new QGroupBox(tr("Members"), this);
    auto* membersLayout = new QVBoxLayout(membersBox);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_membersLabel, 1);
    filterRow->addWidget(new QLabel(tr("Show:"), membersBox));
    filterRow->addWidget(m_filterCombo);
    membersLayout->addLayout(filterRow);
    membersLayout->addWidget(m_membersView, 1);
    auto* memberActions = new QHBoxLayout;
    memberActions->addWidget(new QLabel(tr("Selected members:"), membersBox));
    memberActions->addWidget(m_memberStatusCombo);
    memberActions->addWidget(m_setStatusButton);
    memberActions->addStretch(1);
    memberActions->addWidget(m_importButton);
    membersLayout->addLayout(memberActions);
    membersLayout->addWidget(m_problems);
    auto* funnelBox = new QGroupBox(tr("Delivery funnel"), this);
    (new QVBoxLayout(funnelBox))->addWidget(m_chartView);
    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(membersBox);
    bottom->addWidget(funnelBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("campaignsSplitter"));
    split->addWidget(campaigns);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    auto* last = new QHBoxLayout;
    last->addWidget(stackButton(m_undo, true, this, QStringLiteral("campaignUndoButton")));
    last->addWidget(stackButton(m_undo, false, this, QStringLiteral("campaignRedoButton")));
    last->addWidget(m_statusLabel, 1);
    last->addWidget(buttons);
    layout->addLayout(last);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_createButton, &QPushButton::clicked, this, &CampaignsDialog::createCampaign);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &CampaignsDialog::createCampaign);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &CampaignsDialog::updateState);
    connect(m_renameButton, &QPushButton::clicked, this, &CampaignsDialog::renameCurrent);
    connect(m_archiveButton, &QPushButton::clicked, this, &CampaignsDialog::toggleArchived);
    connect(m_statusCombo, &QComboBox::activated, this, &CampaignsDialog::campaignStatusChosen);
    connect(m_showArchived, &QCheckBox::toggled, m_model, &CampaignTableModel::setShowArchived);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CampaignsDialog::currentCampaignChanged);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_members->setStatusFilter(Delivery::fromKey(m_filterCombo->currentData().toString()));
        m_members->fetchMore({});
        updateState();
    });
    connect(m_membersView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CampaignsDialog::updateState);
    connect(m_setStatusButton, &QPushButton::clicked, this, &CampaignsDialog::setSelectedMembersStatus);
    connect(m_importButton, &QPushButton::clicked, this, &CampaignsDialog::importStatuses);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_keepSelected)
            m_keepSelected = currentCampaignId();
    });
    connect(m_model, &CampaignTableModel::loaded, this, [this] {
        if (m_keepSelected)
            selectCampaign(m_keepSelected);
        else if (currentCampaignId() == 0 && m_model->rowCount() > 0)
            m_table->selectRow(0);
        m_keepSelected = 0;
        updateFunnel();
        updateState();
    });
    connect(m_model, &CampaignTableModel::failed, this,
            [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); });
    connect(m_members, &CampaignMembersModel::failed, this,
            [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); });
    connect(m_store, &ContactStore::errorReported, this,
            [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); });
    connect(m_store, &ContactStore::jobStarted, this, &CampaignsDialog::updateState);
    connect(m_store, &ContactStore::jobFinished, this, &CampaignsDialog::updateState);
    // Return in the table, a combo or the name field must not press a button by default (it
    // would create a campaign from a name left in the field); the name field handles its own.
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);
    currentCampaignChanged();
}

CampaignsDialog::~CampaignsDialog() = default;

qint64 CampaignsDialog::currentCampaignId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CampaignTableModel::CampaignIdRole).toLongLong();
}

void CampaignsDialog::selectCampaign(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, CampaignTableModel::NameColumn));
}

void CampaignsDialog::createCampaign()
{
    const QString name = m_nameEdit->text().simplified();
    if (name.isEmpty())
        return;
    auto id = m_store->createCampaign(name, m_channelCombo->currentData().toString());
    if (!id) {
        m_banner->showMessage(id.error().toString(), MessageBanner::Kind::Error);
        return;
    }
    m_banner->hide();
    m_nameEdit->clear();
    m_keepSelected = *id; // selected once the table has it
}

void CampaignsDialog::renameCurrent()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(CampaignTableModel::NameColumn);
    if (rows.isEmpty())
        return;
    m_table->setCurrentIndex(rows.first());
    m_table->edit(rows.first());
}

void CampaignsDialog::toggleArchived()
{
    const qint64 id = currentCampaignId();
    if (!id)
        return;
    const Campaign c = m_model->campaignAt(m_model->rowOf(id));
    if (Status s = m_store->setCampaignArchived(id, !c.isArchived()); !s) {
        m_banner->showMessage(s.error().toString(), MessageBanner::Kind::Error);
        return;
    }
    m_keepSelected = id;
    m_statusLabel->setText(c.isArchived() ? tr("\"%1\" is active again.").arg(c.name)
                                          : tr("\"%1\" is archived: it keeps its members and takes no new ones.").arg(c.name));
}

void CampaignsDialog::campaignStatusChosen()
{
    const qint64 id = currentCampaignId();
    if (!id)
        return;
    if (Status s = m_store->setCampaignStatus(id, m_statusCombo->currentData().toString()); !s)
        m_banner->showMessage(s.error().toString(), MessageBanner::Kind::Error);
    else
        m_keepSelected = id;
}

void CampaignsDialog::currentCampaignChanged()
{
    const qint64 id = currentCampaignId();
    if (id != m_shownCampaign) {
        m_shownCampaign = id;
        m_members->setCampaign(id);
        m_members->fetchMore({});
        m_problems->clear();
        m_problems->hide();
    }
    updateFunnel();
    updateState();
}

void CampaignsDialog::setSelectedMembersStatus()
{
    const qint64 campaign = currentCampaignId();
    QList<qint64> ids;
    for (const QModelIndex& index : m_membersView->selectionModel()->selectedRows())
        ids.append(index.data(CampaignMembersModel::ContactIdRole).toLongLong());
    if (!campaign || ids.isEmpty())
        return;
    const auto status = Delivery::fromKey(m_memberStatusCombo->currentData().toString());
    if (!status)
        return;
    const int row = m_model->rowOf(campaign);
    auto n = CampaignActions::setMemberStatus(m_store, m_undo, campaign, row >= 0 ? m_model->campaignAt(row).name : QString(),
                                              ids, *status);
    if (!n) {
        m_banner->showMessage(n.error().toString(), MessageBanner::Kind::Error);
        return;
    }
    m_keepSelected = campaign;
    m_statusLabel->setText(*n == 1 ? tr("1 member is now %1.").arg(Delivery::label(*status).toLower())
                                   : tr("%1 members are now %2.").arg(*n).arg(Delivery::label(*status).toLower()));
}

void CampaignsDialog::importStatuses()
{
    const qint64 campaign = currentCampaignId();
    if (!campaign || m_importing)
        return;
    const QString path = FileDialog::openFileName(this, tr("Import delivery statuses"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_importing = true;
    m_problems->clear();
    m_problems->hide();
    auto result = std::make_shared<CampaignStore::StatusImport>();
    const QString file = QFileInfo(path).fileName();
    m_store->runJob(
        tr("Importing statuses from %1").arg(file), CampaignStore::ImportSteps,
        [campaign, path, result](const QSqlDatabase& db, const CampaignStore::Progress& progress) -> Status {
            auto imported = CampaignStore::importStatuses(db, campaign, path, progress);
            if (!imported)
                return imported.error();
            *result = *imported;
            return {};
        },
        [this, result, file](bool ok) {
            m_importing = false;
            updateState();
            if (!ok)
                return; // the store reported the error (errorReported -> banner)
            CampaignActions::pushStatusChange(m_store, m_undo, result->change, tr("Import statuses from %1").arg(file));
            m_banner->showMessage(tr("%1: %2").arg(file, result->summary()),
                                  result->problems.isEmpty() ? MessageBanner::Kind::Information
                                                             : MessageBanner::Kind::Warning);
            for (const CampaignStore::ImportProblem& p : std::as_const(result->problems))
                m_problems->addItem(tr("Line %1: %2").arg(p.line).arg(p.message));
            m_problems->setVisible(!result->problems.isEmpty());
        });
    updateState();
}

void CampaignsDialog::updateFunnel()
{
    const qint64 id = currentCampaignId();
    const int row = m_model->rowOf(id);
    const Campaign c = row >= 0 ? m_model->campaignAt(row) : Campaign{};
    const QList<FunnelStage> stages = funnel(c.counts);
    QList<qint64> values;
    for (const FunnelStage& s : stages)
        values.append(s.value);
    if (values == m_funnelValues && !m_chart->series().isEmpty())
        return;
    m_funnelValues = values;
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_chart->setTitle(row >= 0 ? c.name : tr("No campaign selected"));
    if (row < 0)
        return;
    // One set, one bar per stage; the members lost (unsubscribed, bounced) are the set's
    // "selected" bars, drawn in red. Values sit right of each bar, so the axis leaves them room.
    auto* bars = new QBarSet(tr("Members"));
    bars->setColor(QColor(0x33, 0x7a, 0xb7));
    bars->setSelectedColor(QColor(0xd9, 0x53, 0x4f));
    bars->setLabelColor(palette().color(QPalette::WindowText));
    QStringList categories;
    // Horizontal bars are drawn bottom-up: reversed, the funnel reads from the top.
    for (qsizetype i = stages.size() - 1; i >= 0; --i) {
        categories.append(stages[i].label);
        bars->append(double(stages[i].value));
        if (stages[i].lost)
            bars->selectBar(int(categories.size()) - 1);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(bars);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setBarWidth(0.7);
    m_chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto* axisX = new QValueAxis;
    axisX->setRange(0, std::max<double>(double(c.counts.total()) * 1.15, 4.0));
    axisX->setLabelFormat(QStringLiteral("%d"));
    axisX->applyNiceNumbers();
    m_chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

void CampaignsDialog::updateState()
{
    const qint64 id = currentCampaignId();
    const int row = m_model->rowOf(id);
    const Campaign c = row >= 0 ? m_model->campaignAt(row) : Campaign{};
    const bool selected = row >= 0;
    m_createButton->setEnabled(!m_nameEdit->text().trimmed().isEmpty());
    m_renameButton->setEnabled(selected);
    m_archiveButton->setEnabled(selected);
    m_archiveButton->setText(c.isArchived() ? tr("Unarchive") : tr("Archive"));
    m_statusCombo->setEnabled(selected);
    if (selected) {
        const QSignalBlocker block(m_statusCombo);
        m_statusCombo->setCurrentIndex(std::max(0, m_statusCombo->findData(c.status)));
    }
    m_filterCombo->setEnabled(selected);
    m_memberStatusCombo->setEnabled(selected);
    m_setStatusButton->setEnabled(selected && m_membersView->selectionModel()->hasSelection());
    m_importButton->setEnabled(selected && !m_importing);
    if (!selected) {
        m_membersLabel->setText(m_model->rowCount() == 0 ? tr("Create a campaign, then add contacts from the list "
                                                              "(select them, then \"Add to campaign…\").")
                                                         : tr("Select a campaign to see its members."));
    } else {
        const auto filter = m_members->statusFilter();
        const qint64 shown = filter ? c.counts.of(*filter) : c.counts.total();
        m_membersLabel->setText(filter ? tr("%1 %2 of %3 members").arg(QLocale().toString(shown),
                                                                          Delivery::label(*filter).toLower(),
                                                                          QLocale().toString(c.counts.total()))
                                       : (shown == 1 ? tr("1 member") : tr("%1 members").arg(QLocale().toString(shown))));
    }
    if (m_importing)
        m_statusLabel->setText(tr("Importing statuses…"));
    else if (m_model->isLoading() && m_model->rowCount() == 0)
        m_statusLabel->setText(tr("Counting members…"));
    else if (m_statusLabel->text().isEmpty() || m_statusLabel->text() == tr("Importing statuses…")
             || m_statusLabel->text() == tr("Counting members…"))
        m_statusLabel->setText(m_model->rowCount() == 1 ? tr("1 campaign") : tr("%1 campaigns").arg(m_model->rowCount()));
}

} // namespace ContactDesk
