#include "DuplicateReviewDialog.h"

#include "MessageBox.h"
#include "UndoCommands.h"
#include "dedupe/DuplicateCheck.h"
#include "dedupe/DuplicateScorer.h"
#include "io/ImportJob.h"
#include "items/DuplicateClusterModel.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

namespace {

// Rows of the comparison: a label and how to read it from a contact.
struct CompareRow
{
    QString label;
    std::function<QString(const Contact&)> value;
    bool single = false; // a single-valued field the merge picks one value for
    ContactField field = ContactField::FirstName;
    QString customKey;
};

CompareRow united(const QString& label, std::function<QString(const Contact&)> value)
{
    return CompareRow{label, std::move(value), false, ContactField::FirstName, {}};
}

const QColor differs(255, 236, 204); // values that differ
const QColor chosen(204, 235, 204);  // the value the merge keeps

QHash<qint64, QString> displayNames(const QSqlDatabase& db, const QList<DuplicateCluster>& clusters)
{
    QHash<qint64, QString> names;
    const auto labels = DuplicateCheck::labels(db, clusters);
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        names.insert(it.key(), it.value().name);
    return names;
}

} // namespace

DuplicateReviewDialog::DuplicateReviewDialog(ContactStore* store, QUndoStack* undo, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_model(new DuplicateClusterModel(this))
{
    setWindowTitle(tr("Duplicates"));
    setObjectName(QStringLiteral("duplicateReviewDialog"));
    resize(1100, 680);
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("duplicateTabWidget"));
    layout->addWidget(m_tabs);

    // ---- suggestions ---------------------------------------------------------------------------
    auto* review = new QWidget(m_tabs);
    auto* reviewLayout = new QVBoxLayout(review);
    auto* findRow = new QHBoxLayout;
    m_scope = new QComboBox(review);
    m_scope->setObjectName(QStringLiteral("scopeComboBox"));
    m_scope->addItem(tr("All contacts"), 0);
    if (auto runs = ImportJob::history(m_store->database().connection()))
        for (const ImportRun& r : *runs)
            if (r.revertedAt == 0)
                m_scope->addItem(tr("Import #%1: %2").arg(r.id).arg(r.fileName), r.id);
    m_minScore = new QDoubleSpinBox(review);
    m_minScore->setObjectName(QStringLiteral("minScoreSpinBox"));
    m_minScore->setRange(0.5, 1.0);
    m_minScore->setSingleStep(0.01);
    m_minScore->setDecimals(2);
    m_minScore->setValue(DuplicateScorer::DefaultThreshold);
    m_findButton = new QPushButton(tr("Find duplicates"), review);
    m_findButton->setObjectName(QStringLiteral("findButton"));
    m_findButton->setDefault(false);
    m_findButton->setAutoDefault(false);
    m_progress = new QProgressBar(review);
    m_progress->setObjectName(QStringLiteral("scanProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(180);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), review);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAutoDefault(false);
    m_cancelButton->hide();
    findRow->addWidget(new QLabel(tr("Look in"), review));
    findRow->addWidget(m_scope, 1);
    findRow->addWidget(new QLabel(tr("Minimum score"), review));
    findRow->addWidget(m_minScore);
    findRow->addWidget(m_findButton);
    findRow->addWidget(m_progress);
    findRow->addWidget(m_cancelButton);
    reviewLayout->addLayout(findRow);
    m_statusLabel = new QLabel(tr("Find duplicates to see clusters of contacts that are probably the same person."), review);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    reviewLayout->addWidget(m_statusLabel);

    auto* splitter = new QSplitter(Qt::Vertical, review);
    m_clusterView = new QTableView(splitter);
    m_clusterView->setObjectName(QStringLiteral("clusterTableView"));
    m_clusterView->setModel(m_model);
    m_clusterView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clusterView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clusterView->verticalHeader()->hide();
    m_clusterView->horizontalHeader()->setStretchLastSection(true);
    m_clusterView->setColumnWidth(DuplicateClusterModel::ScoreColumn, 60);
    m_clusterView->setColumnWidth(DuplicateClusterModel::ContactsColumn, 360);
    m_clusterView->setWordWrap(false);
    auto* detail = new QWidget(splitter);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_evidenceLabel = new QLabel(detail);
    m_evidenceLabel->setObjectName(QStringLiteral("evidenceLabel"));
    m_evidenceLabel->setWordWrap(true);
    m_evidenceLabel->setTextFormat(Qt::PlainText);
    detailLayout->addWidget(m_evidenceLabel);
    m_compare = new QTableWidget(detail);
    m_compare->setObjectName(QStringLiteral("compareTableWidget"));
    m_compare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_compare->setSelectionMode(QAbstractItemView::NoSelection);
    m_compare->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    detailLayout->addWidget(m_compare, 1);
    auto* hint = new QLabel(tr("Highlighted rows differ. Pick the contact to keep above its column, and click a value "
                               "to keep it; emails, phones, tags, notes and campaigns of all contacts are kept."),
                            detail);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    detailLayout->addWidget(hint);
    splitter->addWidget(m_clusterView);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    reviewLayout->addWidget(splitter, 1);

    auto* actions = new QHBoxLayout;
    m_mergeButton = new QPushButton(tr("&Merge"), review);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_notDuplicatesButton = new QPushButton(tr("&Not duplicates"), review);
    m_notDuplicatesButton->setObjectName(QStringLiteral("notDuplicatesButton"));
    m_skipButton = new QPushButton(tr("&Skip"), review);
    m_skipButton->setObjectName(QStringLiteral("skipButton"));
    for (QPushButton* b : {m_mergeButton, m_notDuplicatesButton, m_skipButton}) {
        b->setAutoDefault(false);
        actions->addWidget(b);
    }
    actions->addStretch(1);
    actions->addWidget(new QLabel(tr("Merge every cluster scoring at least"), review));
    m_bulkScore = new QDoubleSpinBox(review);
    m_bulkScore->setObjectName(QStringLiteral("bulkScoreSpinBox"));
    m_bulkScore->setRange(0.5, 1.0);
    m_bulkScore->setDecimals(2);
    m_bulkScore->setSingleStep(0.01);
    m_bulkScore->setValue(DuplicateScorer::AutoMergeThreshold);
    actions->addWidget(m_bulkScore);
    m_policy = new QComboBox(review);
    m_policy->setObjectName(QStringLiteral("policyComboBox"));
    m_policy->addItem(tr("keeping the oldest contact's values"), static_cast<int>(MergePolicy::Survivor));
    m_policy->addItem(tr("keeping the most recently updated values"), static_cast<int>(MergePolicy::MostRecent));
    m_policy->addItem(tr("keeping the first non-empty values"), static_cast<int>(MergePolicy::FirstNonEmpty));
    actions->addWidget(m_policy);
    m_mergeAllButton = new QPushButton(tr("Merge &all"), review);
    m_mergeAllButton->setObjectName(QStringLiteral("mergeAllButton"));
    m_mergeAllButton->setAutoDefault(false);
    actions->addWidget(m_mergeAllButton);
    reviewLayout->addLayout(actions);
    m_tabs->addTab(review, tr("Suggestions"));

    // ---- history -------------------------------------------------------------------------------
    auto* historyPage = new QWidget(m_tabs);
    auto* historyLayout = new QVBoxLayout(historyPage);
    m_history = new QTableWidget(historyPage);
    m_history->setObjectName(QStringLiteral("historyTableWidget"));
    m_history->setColumnCount(5);
    m_history->setHorizontalHeaderLabels({tr("Merge"), tr("When"), tr("Kept"), tr("Merged into it"), tr("Bulk merge")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    historyLayout->addWidget(m_history, 1);
    auto* historyButtons = new QHBoxLayout;
    m_undoMergeButton = new QPushButton(tr("&Undo merge"), historyPage);
    m_undoMergeButton->setObjectName(QStringLiteral("undoMergeButton"));
    m_undoBatchButton = new QPushButton(tr("Undo the whole &bulk merge"), historyPage);
    m_undoBatchButton->setObjectName(QStringLiteral("undoBatchButton"));
    historyButtons->addWidget(m_undoMergeButton);
    historyButtons->addWidget(m_undoBatchButton);
    historyButtons->addStretch(1);
    historyLayout->addLayout(historyButtons);
    m_tabs->addTab(historyPage, tr("Merge history"));

    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAutoDefault(false);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(close);
    layout->addLayout(bottom);

    m_survivorGroup = new QButtonGroup(this);
    connect(m_survivorGroup, &QButtonGroup::idClicked, this, [this](int) {
        // A new survivor: its values become the default choice wherever nobody chose yet.
        fillComparison();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_findButton, &QPushButton::clicked, this, &DuplicateReviewDialog::findDuplicates);
    connect(m_cancelButton, &QPushButton::clicked, this, &DuplicateReviewDialog::cancelBackground);
    connect(m_mergeButton, &QPushButton::clicked, this, &DuplicateReviewDialog::mergeCurrent);
    connect(m_notDuplicatesButton, &QPushButton::clicked, this, &DuplicateReviewDialog::markCurrentNotDuplicates);
    connect(m_skipButton, &QPushButton::clicked, this, &DuplicateReviewDialog::skipCurrent);
    connect(m_mergeAllButton, &QPushButton::clicked, this, &DuplicateReviewDialog::mergeAll);
    connect(m_undoMergeButton, &QPushButton::clicked, this, &DuplicateReviewDialog::undoSelectedMerge);
    connect(m_undoBatchButton, &QPushButton::clicked, this, &DuplicateReviewDialog::undoSelectedBatch);
    connect(m_compare, &QTableWidget::cellClicked, this, &DuplicateReviewDialog::chooseValue);
    connect(m_clusterView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DuplicateReviewDialog::currentClusterChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DuplicateReviewDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DuplicateReviewDialog::updateButtons);
    connect(m_history, &QTableWidget::itemSelectionChanged, this, &DuplicateReviewDialog::updateButtons);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            refreshHistory();
    });
    connect(&m_scan, &QFutureWatcher<ScanOutcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_scan, &QFutureWatcher<ScanOutcome>::finished, this, &DuplicateReviewDialog::scanFinished);
    connect(&m_bulk, &QFutureWatcher<BulkOutcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_bulk, &QFutureWatcher<BulkOutcome>::finished, this, &DuplicateReviewDialog::bulkFinished);
    updateButtons();
}

DuplicateReviewDialog::~DuplicateReviewDialog()
{
    cancelBackground();
    m_scan.waitForFinished();
    m_bulk.waitForFinished();
}

void DuplicateReviewDialog::reject()
{
    if (m_bulkMerging) // a bulk merge ends before the dialog goes, merged or cancelled
        return;
    cancelBackground();
    QDialog::reject();
}

void DuplicateReviewDialog::setImportRun(qint64 runId)
{
    const int index = m_scope->findData(runId);
    if (index >= 0)
        m_scope->setCurrentIndex(index);
}

void DuplicateReviewDialog::findDuplicates()
{
    if (m_scanning || m_bulkMerging)
        return;
    DuplicateOptions options;
    options.minScore = m_minScore->value();
    options.importRunId = m_scope->currentData().toLongLong();
    const QString path = m_store->database().path();
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_statusLabel->setText(tr("Looking for duplicates…"));
    m_scanning = true;
    m_scan.setFuture(QtConcurrent::run([path, options](QPromise<ScanOutcome>& promise) {
        promise.setProgressRange(0, 100);
        ScanOutcome outcome;
        auto scan = DuplicateFinder::scan(path, options, [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        });
        if (!scan) {
            outcome.cancelled = scan.error().code == Error::Code::Cancelled;
            outcome.error = scan.error().toString();
        } else {
            ScopedConnection names(path, QStringLiteral("duplicate names"));
            if (names.status())
                outcome.names = displayNames(names.database(), scan->clusters);
            outcome.scan = std::move(*scan);
        }
        promise.addResult(outcome);
    }));
    updateButtons();
}

void DuplicateReviewDialog::scanFinished()
{
    m_scanning = false; // the caller sees the result only after this slot returns
    m_progress->hide();
    m_cancelButton->hide();
    const QList<ScanOutcome> results = m_scan.future().results();
    if (results.isEmpty() || results.first().cancelled) {
        m_statusLabel->setText(tr("The search was cancelled."));
        updateButtons();
        return;
    }
    const ScanOutcome& outcome = results.first();
    if (!outcome.scan) {
        m_statusLabel->setText(tr("Could not look for duplicates: %1").arg(outcome.error));
        updateButtons();
        return;
    }
    const DuplicateScanStats& s = outcome.scan->stats;
    m_model->setClusters(outcome.scan->clusters, outcome.names);
    m_statusLabel->setText(outcome.scan->clusters.isEmpty()
                               ? tr("No probable duplicates among %L1 contacts.").arg(s.contacts)
                               : tr("%L1 clusters of probable duplicates among %L2 contacts (%L3 candidate pairs compared "
                                    "in %L4 s), most confident first.")
                                     .arg(outcome.scan->clusters.size())
                                     .arg(s.contacts)
                                     .arg(s.candidatePairs)
                                     .arg((s.loadMs + s.keysMs + s.scoreMs + s.clusterMs) / 1000.0, 0, 'f', 1));
    if (m_model->rowCount() > 0)
        m_clusterView->selectRow(0);
    updateButtons();
}

void DuplicateReviewDialog::reviewContacts(const QList<qint64>& ids)
{
    // The comparison shows every contact as a column; a merge of more is a bulk merge's job.
    constexpr int MaxReviewed = 25;
    if (ids.size() > MaxReviewed) {
        m_statusLabel->setText(tr("Select at most %1 contacts to merge them by hand (%2 are selected); use Find "
                                  "duplicates and Merge all for more.")
                                   .arg(MaxReviewed)
                                   .arg(ids.size()));
        return;
    }
    auto cluster = DuplicateCheck::compare(m_store->database().connection(), ids);
    if (!cluster) {
        m_statusLabel->setText(cluster.error().toString());
        return;
    }
    QHash<qint64, QString> names = displayNames(m_store->database().connection(), {*cluster});
    m_model->setClusters({*cluster}, names);
    m_statusLabel->setText(tr("Review the %n selected contacts and merge them.", nullptr, static_cast<int>(ids.size())));
    m_clusterView->selectRow(0);
    updateButtons();
}

void DuplicateReviewDialog::currentClusterChanged()
{
    m_contacts.clear();
    m_choiceByRow.clear();
    m_conflictByRow.clear();
    m_explicitChoices.clear();
    const QModelIndex current = m_clusterView->currentIndex();
    if (current.isValid()) {
        const DuplicateCluster& c = m_model->cluster(current.row());
        for (qint64 id : c.contactIds) {
            auto contact = m_store->repository().load(id);
            if (contact && !contact->deletedAt.isValid())
                m_contacts.append(*contact);
        }
        QStringList lines;
        for (const DuplicatePair& p : c.pairs)
            lines.append(tr("%1 ~ %2 (%3%): %4")
                             .arg(m_model->nameOf(p.a), m_model->nameOf(p.b))
                             .arg(DuplicateScorer::percent(p.score))
                             .arg(p.evidence));
        m_evidenceLabel->setText(lines.join(QLatin1Char('\n')));
    } else {
        m_evidenceLabel->clear();
    }
    // The oldest contact survives unless the rep picks another.
    const qint64 survivor = ContactMerger::defaultSurvivor(m_contacts);
    for (QAbstractButton* b : m_survivorGroup->buttons())
        m_survivorGroup->removeButton(b);
    m_compare->clear();
    m_compare->setColumnCount(static_cast<int>(m_contacts.size()));
    QStringList headers;
    for (const Contact& c : std::as_const(m_contacts))
        headers.append(QStringLiteral("#%1 %2").arg(c.id).arg(c.displayName()));
    m_compare->setHorizontalHeaderLabels(headers);
    m_compare->setRowCount(1);
    m_compare->setVerticalHeaderItem(0, new QTableWidgetItem(tr("Keep")));
    for (int col = 0; col < m_contacts.size(); ++col) {
        auto* radio = new QRadioButton(tr("keep this contact"), m_compare);
        radio->setObjectName(QStringLiteral("survivorRadioButton%1").arg(col));
        m_survivorGroup->addButton(radio, col);
        radio->setChecked(m_contacts.at(col).id == survivor);
        m_compare->setCellWidget(0, col, radio);
    }
    fillComparison();
    updateButtons();
}

void DuplicateReviewDialog::fillComparison()
{
    m_conflicts = ContactMerger::conflicts(m_contacts);
    const int survivorColumn = m_survivorGroup->checkedId();
    QList<CompareRow> rows;
    for (ContactField f : Fields::all())
        rows.append(CompareRow{Fields::label(f), [f](const Contact& c) { return c.field(f); }, true, f, {}});
    rows.append(united(tr("Emails"), [](const Contact& c) {
                               QStringList parts;
                               for (const auto& e : c.emails)
                                   parts.append(e.address);
                               return parts.join(QStringLiteral(", "));
                           }));
    rows.append(united(tr("Phones"), [](const Contact& c) {
                               QStringList parts;
                               for (const auto& p : c.phones)
                                   parts.append(p.number);
                               return parts.join(QStringLiteral(", "));
                           }));
    rows.append(united(tr("Tags"), [](const Contact& c) { return c.tags.join(QStringLiteral(", ")); }));
    QStringList customKeys;
    for (const Contact& c : std::as_const(m_contacts))
        for (auto it = c.customFields.cbegin(); it != c.customFields.cend(); ++it)
            if (!customKeys.contains(it.key()))
                customKeys.append(it.key());
    customKeys.sort();
    for (const QString& key : std::as_const(customKeys))
        rows.append(CompareRow{key, [key](const Contact& c) { return c.customFields.value(key); }, true,
                               ContactField::FirstName, key});
    rows.append(united(tr("Created"), [](const Contact& c) {
        return QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat);
    }));
    rows.append(united(tr("Updated"), [](const Contact& c) {
        return QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat);
    }));

    const QHash<int, qint64> previous = m_choiceByRow;
    QHash<int, qint64> previousByConflict;
    // Values the rep clicked stay chosen; the others follow the survivor.
    for (auto it = previous.cbegin(); it != previous.cend(); ++it)
        if (m_conflictByRow.contains(it.key()) && m_explicitChoices.contains(m_conflictByRow.value(it.key())))
            previousByConflict.insert(m_conflictByRow.value(it.key()), it.value());
    m_choiceByRow.clear();
    m_conflictByRow.clear();
    m_compare->setRowCount(1);
    int row = 1;
    for (const CompareRow& r : std::as_const(rows)) {
        QStringList values;
        bool any = false;
        for (const Contact& c : std::as_const(m_contacts)) {
            values.append(r.value(c));
            any = any || !values.last().trimmed().isEmpty();
        }
        if (!any)
            continue;
        const bool differ = QSet<QString>(values.begin(), values.end()).size() > 1;
        int conflict = -1;
        if (r.single)
            for (int i = 0; i < m_conflicts.size(); ++i)
                if (m_conflicts.at(i).custom == !r.customKey.isEmpty()
                    && (r.customKey.isEmpty() ? m_conflicts.at(i).field == r.field : m_conflicts.at(i).customKey == r.customKey))
                    conflict = i;
        m_compare->setRowCount(row + 1);
        m_compare->setVerticalHeaderItem(row, new QTableWidgetItem(r.label));
        qint64 keep = 0;
        if (conflict >= 0) {
            keep = previousByConflict.value(conflict, 0);
            if (keep == 0) { // the survivor's value, or the first there is
                const int col = survivorColumn >= 0 && !values.value(survivorColumn).trimmed().isEmpty() ? survivorColumn : -1;
                keep = col >= 0 ? m_contacts.at(col).id : m_conflicts.at(conflict).values.first().first;
            }
            m_choiceByRow.insert(row, keep);
            m_conflictByRow.insert(row, conflict);
        }
        for (int col = 0; col < m_contacts.size(); ++col) {
            auto* item = new QTableWidgetItem(values.at(col));
            if (differ)
                item->setBackground(differs);
            if (conflict >= 0 && m_contacts.at(col).id == keep && !values.at(col).trimmed().isEmpty()) {
                item->setBackground(chosen);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setText(QStringLiteral("✓ ") + values.at(col));
                item->setToolTip(tr("The merged contact keeps this value"));
            } else if (conflict >= 0 && !values.at(col).trimmed().isEmpty()) {
                item->setToolTip(tr("Click to keep this value"));
            }
            m_compare->setItem(row, col, item);
        }
        ++row;
    }
    m_compare->resizeRowsToContents();
}

void DuplicateReviewDialog::chooseValue(int row, int column)
{
    if (!m_conflictByRow.contains(row) || column < 0 || column >= m_contacts.size())
        return;
    const QTableWidgetItem* item = m_compare->item(row, column);
    if (!item || item->text().trimmed().isEmpty())
        return;
    m_choiceByRow.insert(row, m_contacts.at(column).id);
    m_explicitChoices.insert(m_conflictByRow.value(row));
    fillComparison();
}

MergeRequest DuplicateReviewDialog::currentRequest() const
{
    MergeRequest request;
    const int survivorColumn = m_survivorGroup->checkedId();
    if (survivorColumn < 0 || survivorColumn >= m_contacts.size())
        return request;
    request.survivorId = m_contacts.at(survivorColumn).id;
    for (const Contact& c : m_contacts)
        if (c.id != request.survivorId)
            request.mergedIds.append(c.id);
    for (auto it = m_choiceByRow.cbegin(); it != m_choiceByRow.cend(); ++it) {
        const FieldConflict& conflict = m_conflicts.at(m_conflictByRow.value(it.key()));
        if (conflict.custom)
            request.customFrom.insert(conflict.customKey, it.value());
        else
            request.fieldFrom.insert(conflict.field, it.value());
    }
    const QModelIndex current = m_clusterView->currentIndex();
    if (current.isValid())
        request.score = m_model->cluster(current.row()).score;
    return request;
}

void DuplicateReviewDialog::mergeCurrent()
{
    const MergeRequest request = currentRequest();
    if (request.survivorId == 0 || request.mergedIds.isEmpty())
        return;
    QString survivorName;
    for (const Contact& c : std::as_const(m_contacts))
        if (c.id == request.survivorId)
            survivorName = c.displayName();
    auto mergeId = m_store->mergeContacts(request);
    if (!mergeId) {
        m_statusLabel->setText(tr("Could not merge: %1").arg(mergeId.error().toString()));
        return;
    }
    m_undo->push(new MergeContactsCommand(m_store, request, *mergeId,
                                          tr("Merge %n contact(s) into %1", nullptr, static_cast<int>(request.mergedIds.size()))
                                              .arg(survivorName)));
    m_statusLabel->setText(tr("Merged into %1. Undo with Ctrl+Z in the main window or from Merge history.").arg(survivorName));
    const int row = m_clusterView->currentIndex().row();
    m_model->removeCluster(row);
    m_model->removeContacts(request.mergedIds);
    Q_EMIT merged(request.survivorId);
    if (m_model->rowCount() > 0)
        m_clusterView->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        currentClusterChanged();
}

void DuplicateReviewDialog::markCurrentNotDuplicates()
{
    const QModelIndex current = m_clusterView->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    if (Status s = m_store->markNotDuplicates(m_model->cluster(row).contactIds); !s) {
        m_statusLabel->setText(s.error().toString());
        return;
    }
    m_statusLabel->setText(tr("Marked as different people; they will not be suggested again."));
    m_model->removeCluster(row);
    if (m_model->rowCount() > 0)
        m_clusterView->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        currentClusterChanged();
}

void DuplicateReviewDialog::skipCurrent()
{
    const QModelIndex current = m_clusterView->currentIndex();
    if (!current.isValid())
        return;
    const int row = current.row();
    m_model->removeCluster(row);
    if (m_model->rowCount() > 0)
        m_clusterView->selectRow(std::min(row, m_model->rowCount() - 1));
    else
        currentClusterChanged();
}

void DuplicateReviewDialog::mergeAll()
{
    if (m_scanning || m_bulkMerging)
        return;
    const double minScore = m_bulkScore->value();
    m_bulkClusters.clear();
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->cluster(row).score >= minScore)
            m_bulkClusters.append(m_model->cluster(row));
    if (m_bulkClusters.isEmpty()) {
        m_statusLabel->setText(tr("No cluster scores %1 or more.").arg(minScore, 0, 'f', 2));
        return;
    }
    if (MessageBox::question(this, tr("Merge all"),
                             tr("Merge %n cluster(s) scoring %1 or more? You can undo the whole bulk merge, or single "
                                "merges from Merge history.",
                                nullptr, static_cast<int>(m_bulkClusters.size()))
                                 .arg(minScore, 0, 'f', 2))
        != QMessageBox::Yes)
        return;
    const auto policy = static_cast<MergePolicy>(m_policy->currentData().toInt());
    const QString path = m_store->database().path();
    const PhoneNormalizer phones = m_store->phoneNormalizer();
    const QList<DuplicateCluster> clusters = m_bulkClusters;
    m_progress->setValue(0);
    m_progress->show();
    m_cancelButton->show();
    m_statusLabel->setText(tr("Merging %n cluster(s)…", nullptr, static_cast<int>(clusters.size())));
    m_bulkMerging = true;
    m_bulk.setFuture(QtConcurrent::run([path, phones, clusters, minScore, policy](QPromise<BulkOutcome>& promise) {
        promise.setProgressRange(0, 100);
        BulkOutcome outcome;
        ScopedConnection connection(path, QStringLiteral("bulk merge"), 30000);
        if (!connection.status()) {
            outcome.error = connection.status().error().toString();
            promise.addResult(outcome);
            return;
        }
        ContactMerger merger(connection.database(), phones);
        auto result = merger.mergeAll(clusters, minScore, policy, [&promise](int done, int total) {
            promise.setProgressValue(total > 0 ? done * 100 / total : 100);
            return !promise.isCanceled();
        });
        if (result)
            outcome.result = *result;
        else {
            outcome.cancelled = result.error().code == Error::Code::Cancelled;
            outcome.error = result.error().toString();
        }
        promise.addResult(outcome);
    }));
    updateButtons();
}

void DuplicateReviewDialog::bulkFinished()
{
    m_bulkMerging = false;
    m_progress->hide();
    m_cancelButton->hide();
    const QList<BulkOutcome> results = m_bulk.future().results();
    if (results.isEmpty() || results.first().cancelled) {
        m_statusLabel->setText(tr("The bulk merge was cancelled; nothing was merged."));
    } else if (!results.first().result) {
        m_statusLabel->setText(tr("Could not merge: %1").arg(results.first().error));
    } else {
        const BulkMergeResult& r = *results.first().result;
        const auto policy = static_cast<MergePolicy>(m_policy->currentData().toInt());
        m_undo->push(new BulkMergeCommand(m_store, r.batchId, m_bulkClusters, m_bulkScore->value(), policy,
                                          tr("Merge %n duplicate cluster(s)", nullptr, r.merged)));
        m_store->notifyExternalChange();
        for (int row = m_model->rowCount() - 1; row >= 0; --row)
            if (m_model->cluster(row).score >= m_bulkScore->value())
                m_model->removeCluster(row);
        m_statusLabel->setText(tr("Merged %1 clusters (%2 contacts folded in). Undo with Ctrl+Z or from Merge history.")
                                   .arg(r.merged)
                                   .arg(r.contactsRemoved));
        currentClusterChanged();
    }
    m_bulkClusters.clear();
    updateButtons();
}

void DuplicateReviewDialog::cancelBackground()
{
    if (m_scan.isRunning())
        m_scan.cancel();
    if (m_bulk.isRunning())
        m_bulk.cancel();
}

void DuplicateReviewDialog::refreshHistory()
{
    ContactMerger merger(m_store->database().connection(), m_store->phoneNormalizer());
    auto history = merger.history();
    m_history->setRowCount(0);
    if (!history)
        return;
    m_history->setRowCount(static_cast<int>(history->size()));
    for (int row = 0; row < history->size(); ++row) {
        const MergeEntry& e = history->at(row);
        auto* id = new QTableWidgetItem(QStringLiteral("#%1").arg(e.id));
        id->setData(Qt::UserRole, e.id);
        id->setData(Qt::UserRole + 1, e.batchId);
        m_history->setItem(row, 0, id);
        m_history->setItem(row, 1, new QTableWidgetItem(QLocale().toString(e.createdAt.toLocalTime(), QLocale::ShortFormat)));
        m_history->setItem(row, 2, new QTableWidgetItem(e.survivorName));
        m_history->setItem(row, 3, new QTableWidgetItem(e.mergedNames.join(QStringLiteral(", "))));
        m_history->setItem(row, 4, new QTableWidgetItem(e.batchId > 0 ? QStringLiteral("#%1").arg(e.batchId) : QString()));
    }
    m_history->resizeColumnsToContents();
    updateButtons();
}

void DuplicateReviewDialog::undoSelectedMerge()
{
    const int row = m_history->currentRow();
    if (row < 0 || !m_history->item(row, 0))
        return;
    if (Status s = m_store->undoMerge(m_history->item(row, 0)->data(Qt::UserRole).toLongLong()); !s)
        MessageBox::critical(this, tr("Undo merge"), s.error().toString());
    refreshHistory();
}

void DuplicateReviewDialog::undoSelectedBatch()
{
    const int row = m_history->currentRow();
    if (row < 0 || !m_history->item(row, 0))
        return;
    const qint64 batchId = m_history->item(row, 0)->data(Qt::UserRole + 1).toLongLong();
    if (batchId <= 0)
        return;
    const PhoneNormalizer phones = m_store->phoneNormalizer();
    connect(m_store, &ContactStore::jobFinished, this, &DuplicateReviewDialog::refreshHistory, Qt::SingleShotConnection);
    m_store->runJob(tr("Undo bulk merge #%1").arg(batchId), [batchId, phones](const QSqlDatabase& db) -> Status {
        ContactMerger merger(db, phones);
        return merger.undoBatch(batchId);
    });
}

void DuplicateReviewDialog::updateButtons()
{
    const bool busy = m_scanning || m_bulkMerging;
    const bool cluster = m_clusterView->currentIndex().isValid() && m_contacts.size() >= 2;
    m_findButton->setEnabled(!busy);
    m_mergeButton->setEnabled(!busy && cluster);
    m_notDuplicatesButton->setEnabled(!busy && cluster);
    m_skipButton->setEnabled(!busy && cluster);
    m_mergeAllButton->setEnabled(!busy && m_model->rowCount() > 0);
    const int row = m_history->currentRow();
    m_undoMergeButton->setEnabled(row >= 0);
    m_undoBatchButton->setEnabled(row >= 0 && m_history->item(row, 0)
                                  && m_history->item(row, 0)->data(Qt::UserRole + 1).toLongLong() > 0);
}

} // namespace ContactDesk
