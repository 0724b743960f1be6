#include "MainWindow.h"

#include "CampaignCommands.h"
#include "CampaignPane.h"
#include "CampaignsDialog.h"
#include "MessageBanner.h"
#include "MessageBox.h"
#include "ProfilePane.h"
#include "FileDialog.h"
#include "BulkActions.h"
#include "FilterBar.h"
#include "ListsPane.h"
#include "SelectAllHeader.h"
#include "DuplicateReviewDialog.h"
#include "TagManagerDialog.h"
#include "UndoCommands.h"
#include "import/ImportHistoryDialog.h"
#include "import/ImportSummaryDialog.h"
#include "import/ImportWizard.h"
#include "io/ExportJob.h"
#include "items/ContactListModel.h"
#include "items/TagListModel.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSplitter>
#include <QStyle>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

MainWindow::MainWindow(ContactStore* store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_model(new ContactListModel(store, this))
    , m_tags(new TagListModel(store, this))
    , m_undo(new QUndoStack(this))
    , m_table(new QTableView(this))
    , m_profile(new ProfilePane(store, m_tags, this))
    , m_banner(new MessageBanner(this))
    , m_search(new QLineEdit(this))
    , m_countLabel(new QLabel(this))
    , m_progressLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
    , m_filterChip(new QToolButton(this))
    , m_filterBar(new FilterBar(store, this))
    , m_lists(new ListsPane(store, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_profile->campaignPane()->setUndoStack(m_undo);
    setWindowTitle(tr("ContactDesk — %1").arg(store->database().path()));
    resize(1280, 800);

    m_table->setObjectName(QStringLiteral("contactTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never asks a million rows for their size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // The header's checkbox selects every matching contact (the seeds' header checkbox).
    m_header = new SelectAllHeader(m_table);
    m_table->setHorizontalHeader(m_header);
    connect(m_header, &SelectAllHeader::toggled, this, [this](bool checked) {
        if (checked)
            selectAllMatching();
        else
            m_table->selectionModel()->clearSelection();
        m_header->setChecked(m_allMatching);
    });
    m_table->horizontalHeader()->setSortIndicator(ContactListModel::NameColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    // Tags are not an order (they live in contact_tags, not in the row): a click there keeps the
    // order the list has.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section, Qt::SortOrder) {
        const auto column = static_cast<ContactListQuery::SortColumn>(section);
        if (ContactListQuery::isSortable(column))
            return;
        const ContactListQuery& q = m_model->query();
        QSignalBlocker block(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(static_cast<int>(q.sortColumn),
                                                      q.descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    const QList<int> widths{170, 210, 130, 160, 140, 70};
    for (int c = 0; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths[c]);

    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search names, emails, phones, companies, tags…  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(&m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setSearchText(m_search->text());
        m_lists->showMatching(m_model->query().filter, m_search->text());
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout;
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* leftRow = new QHBoxLayout(left);
    leftRow->setContentsMargins(6, 6, 0, 0);
    // The sidebar: saved lists above the filters.
    auto* sidebar = new QVBoxLayout;
    sidebar->setContentsMargins(0, 0, 0, 0);
    sidebar->addWidget(m_lists, 1);
    sidebar->addWidget(m_filterBar);
    m_filterBar->setFixedWidth(230);
    m_lists->setFixedWidth(230);
    leftRow->addLayout(sidebar);
    connect(m_lists, &ListsPane::listChosen, this, &MainWindow::showSavedList);
    connect(m_lists, &ListsPane::saveSmartListRequested, this, &MainWindow::saveSmartList);
    leftRow->addLayout(leftLayout, 1);
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const ContactFilter& filter) {
        m_model->setFilter(filter);
        m_lists->showMatching(filter, m_search->text());
        m_filterChip->setVisible(filter.importRunId > 0);
        m_filterChip->setText(tr("Import #%1  ✕").arg(filter.importRunId));
    });
    m_filterChip->setObjectName(QStringLiteral("filterChipButton"));
    m_filterChip->setToolTip(tr("Show every contact again"));
    m_filterChip->setStyleSheet(QStringLiteral("QToolButton { background:#e3ecf7; color:#1d3f66; border-radius:9px; "
                                               "padding:2px 8px; }"));
    m_filterChip->hide();
    connect(m_filterChip, &QToolButton::clicked, this, [this] { showImportedContacts(0); });
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_filterChip);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_filterBar->letterStrip());
    leftLayout->addWidget(m_banner);
    leftLayout->addWidget(m_table, 1);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_profile);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({800, 480});
    setCentralWidget(splitter);

    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progress->setObjectName(QStringLiteral("backgroundProgressBar"));
    m_progress->setMaximumWidth(200);
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
    m_cancelButton->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancelButton->setText(tr("Cancel"));
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QToolButton::clicked, this, &MainWindow::cancelImport);
    connect(&m_import, &QFutureWatcher<ImportSummary>::progressValueChanged, this, [this](int value) {
        setBackgroundProgress(tr("Importing %1…").arg(m_importFile), value, 1000);
        m_cancelButton->show();
    });
    connect(&m_import, &QFutureWatcher<ImportSummary>::finished, this, &MainWindow::importFinished);
    connect(&m_export, &QFutureWatcher<QString>::finished, this, [this] {
        clearBackgroundProgress();
        const QString message = m_export.result();
        if (message.startsWith(QLatin1Char('!')))
            showError(message.mid(1));
        else
            statusBar()->showMessage(message, 8000);
    });
    clearBackgroundProgress();

    createActions();

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentRowChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectingAll)
            m_allMatching = false; // the rep picked rows by hand
        updateActions();
    });
    connect(m_model, &ContactListModel::countChanged, this, &MainWindow::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the rep on the contact they were looking at across a re-query.
        const qint64 keep = m_currentId;
        updateCount();
        if (m_profile->isDraft())
            return;
        if (keep > 0 && m_model->rowOf(keep) >= 0)
            selectContact(keep);
        else if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_model, &ContactListModel::searchFinished, this, [this] {
        updateCount();
        if (m_profile->isDraft() || m_table->selectionModel()->currentIndex().isValid())
            return;
        if (m_currentId > 0 && m_model->rowOf(m_currentId) >= 0)
            selectContact(m_currentId);
        else if (m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_profile, &ProfilePane::contactCreated, this, &MainWindow::selectContact);
    connect(m_profile, &ProfilePane::reviewDuplicatesRequested, this, &MainWindow::showDuplicates);
    connect(m_store, &ContactStore::errorReported, this, &MainWindow::showError);
    connect(m_store, &ContactStore::jobProgress, this, [this](const QString& label, int step, int steps) {
        setBackgroundProgress(label + QStringLiteral("…"), step, steps);
    });
    connect(m_store, &ContactStore::jobFinished, this, [this](const QString& label, bool ok) {
        if (!m_store->isJobRunning())
            clearBackgroundProgress();
        if (ok)
            statusBar()->showMessage(tr("%1: done").arg(label), 8000);
    });
    updateCount();
    updateActions();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

MainWindow::~MainWindow()
{
    m_import.cancel(); // a cancelled import rolls back on its own connection
    m_import.waitForFinished();
    m_export.waitForFinished();
    m_store->waitForJobs(); // a bulk write finishes (or rolls back) on its own connection
}

void MainWindow::createActions()
{
    // At 1280 px everything must be on the toolbar without an overflow: short labels under icons
    // (the theme's, else the style's), and the actions on a selection in one "Actions" menu.
    auto* toolbar = addToolBar(tr("Contacts"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    toolbar->setIconSize(QSize(22, 22));
    const auto icon = [this](const char* name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(name), style()->standardIcon(fallback));
    };
    const auto add = [toolbar](const QIcon& i, const QString& text, const char* name, const QString& tip) {
        QAction* a = toolbar->addAction(i, text);
        a->setObjectName(QString::fromLatin1(name));
        a->setToolTip(tip);
        return a;
    };

    m_newAction = add(icon("contact-new", QStyle::SP_FileIcon), tr("New"), "newContactAction",
                      tr("New contact (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newContact);
    m_newAction->setShortcut(QKeySequence::New);
    m_deleteAction = add(icon("edit-delete", QStyle::SP_TrashIcon), tr("Delete"), "deleteAction",
                         tr("Move the selected contacts to the Trash (Delete)"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_deleteAction);
    toolbar->addSeparator();
    m_undoAction = m_undo->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcuts(undoKeys(true));
    m_undoAction->setIcon(icon("edit-undo", QStyle::SP_ArrowBack));
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction = m_undo->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(undoKeys(false));
    m_redoAction->setIcon(icon("edit-redo", QStyle::SP_ArrowForward));
    m_redoAction->setIconText(tr("Redo"));
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    toolbar->addSeparator();
    m_trashAction = add(icon("user-trash", QStyle::SP_TrashIcon), tr("Trash"), "trashAction",
                        tr("Show the contacts in the Trash"));
    m_trashAction->setCheckable(true);
    connect(m_trashAction, &QAction::toggled, this, &MainWindow::setTrashView);
    m_restoreAction = add(icon("edit-undo", QStyle::SP_BrowserReload), tr("Restore"), "restoreAction",
                          tr("Restore the selected contacts from the Trash"));
    connect(m_restoreAction, &QAction::triggered, this, &MainWindow::restoreSelected);
    m_emptyTrashAction = add(icon("edit-clear", QStyle::SP_DialogDiscardButton), tr("Empty Trash"), "emptyTrashAction",
                             tr("Delete every contact in the Trash for good"));
    connect(m_emptyTrashAction, &QAction::triggered, this, &MainWindow::emptyTrash);

    toolbar->addSeparator();
    m_importAction = add(icon("document-import", QStyle::SP_DialogOpenButton), tr("Import"), "importAction",
                         tr("Import a CSV file (Ctrl+I); the arrow shows the import history"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importCsv);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    // The history is the Import button's menu.
    auto* importMenu = new QMenu(this);
    importMenu->setObjectName(QStringLiteral("importMenu"));
    m_historyAction = importMenu->addAction(icon("view-history", QStyle::SP_FileDialogDetailedView), tr("Import history"),
                                            this, &MainWindow::showImportHistory);
    m_historyAction->setObjectName(QStringLiteral("importHistoryAction"));
    if (auto* importButton = qobject_cast<QToolButton*>(toolbar->widgetForAction(m_importAction))) {
        importButton->setMenu(importMenu);
        importButton->setPopupMode(QToolButton::MenuButtonPopup);
    }
    m_exportAction = add(icon("document-export", QStyle::SP_DialogSaveButton), tr("Export"), "exportAction",
                         tr("Write the contacts shown as CSV"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCsv);
    toolbar->addSeparator();
    m_duplicatesAction = add(icon("edit-find-replace", QStyle::SP_FileDialogContentsView), tr("Duplicates"),
                             "duplicatesAction", tr("Find and merge duplicate contacts"));
    connect(m_duplicatesAction, &QAction::triggered, this, [this] { showDuplicates({}); });
    m_mergeAction = add(icon("merge", QStyle::SP_FileDialogListView), tr("Merge"), "mergeAction",
                        tr("Merge the selected contacts (Ctrl+M)"));
    connect(m_mergeAction, &QAction::triggered, this, [this] { showDuplicates(selectedIds()); });
    m_mergeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_table->addAction(m_mergeAction);

    toolbar->addSeparator();
    m_selectAllAction = add(icon("edit-select-all", QStyle::SP_DialogApplyButton), tr("Select all"),
                            "selectAllMatchingAction",
                            tr("Select every contact matching the search and filters, not only those shown "
                               "(Ctrl+Shift+A)"));
    connect(m_selectAllAction, &QAction::triggered, this, &MainWindow::selectAllMatching);
    m_selectAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    // Actions on the selection (or every matching contact): tags and campaigns first, then
    // BulkActions' lists, fields, export and delete.
    m_bulk = new BulkActions(this, m_store, m_undo);
    QMenu* actions = m_bulk->menu();
    QAction* first = actions->actions().value(0);
    m_addTagAction = new QAction(icon("tag-new", QStyle::SP_FileDialogNewFolder), tr("Add tag…"), this);
    m_addTagAction->setObjectName(QStringLiteral("addTagAction"));
    connect(m_addTagAction, &QAction::triggered, this, &MainWindow::addTagToSelection);
    m_removeTagAction = new QAction(icon("tag-delete", QStyle::SP_DialogCancelButton), tr("Remove tag…"), this);
    m_removeTagAction->setObjectName(QStringLiteral("removeTagAction"));
    connect(m_removeTagAction, &QAction::triggered, this, &MainWindow::removeTagFromSelection);
    m_addToCampaignAction = new QAction(icon("mail-send", QStyle::SP_ArrowRight), tr("Add to campaign…"), this);
    m_addToCampaignAction->setObjectName(QStringLiteral("addToCampaignAction"));
    m_addToCampaignAction->setToolTip(tr("Add the selected contacts to a campaign (unsubscribed contacts are skipped)"));
    connect(m_addToCampaignAction, &QAction::triggered, this, &MainWindow::chooseCampaignForSelection);
    actions->insertActions(first, {m_addTagAction, m_removeTagAction, m_addToCampaignAction});
    actions->insertSeparator(first);
    m_bulk->menuButton()->setIcon(icon("view-list-details", QStyle::SP_FileDialogDetailedView));
    toolbar->addWidget(m_bulk->menuButton());
    toolbar->addSeparator();
    m_tagsAction = add(icon("tag", QStyle::SP_FileDialogInfoView), tr("Tags"), "tagManagerAction",
                       tr("Every tag with its contacts: add, rename or merge, colour, delete"));
    connect(m_tagsAction, &QAction::triggered, this, &MainWindow::showTagManager);
    m_campaignsAction = add(icon("mail-message", QStyle::SP_MessageBoxInformation), tr("Campaigns"), "campaignsAction",
                            tr("Campaigns with their members, delivery statuses and funnel"));
    connect(m_campaignsAction, &QAction::triggered, this, &MainWindow::showCampaigns);

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    addAction(m_undoAction);
    addAction(m_redoAction);
    addAction(m_newAction);
    addAction(m_selectAllAction);
    addAction(m_importAction);
}

bool MainWindow::isTrashView() const
{
    return m_model->query().trash;
}

std::optional<BulkTags::Target> MainWindow::selectionTarget() const
{
    BulkTags::Target target;
    target.query = m_model->query();
    if (target.query.trash)
        return std::nullopt;
    target.useIds = !m_allMatching;
    if (target.useIds) {
        target.ids = selectedIds();
        if (target.ids.isEmpty())
            return std::nullopt;
    }
    return target;
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex& index : rows) {
        const qint64 id = index.data(ContactListModel::ContactIdRole).toLongLong();
        if (id > 0)
            ids.append(id);
    }
    return ids;
}

void MainWindow::currentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    // A list that re-queries (a search running, a reset) loses its current row for a moment: the
    // profile stays on the contact the rep is working on.
    if (!current.isValid())
        return;
    const qint64 id = current.data(ContactListModel::ContactIdRole).toLongLong();
    m_currentId = id;
    if (id != m_profile->contactId() || m_profile->isDraft())
        m_profile->showContact(id);
    m_profile->setReadOnly(isTrashView());
}

void MainWindow::selectContact(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_currentId = id;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                          | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MainWindow::newContact()
{
    if (isTrashView())
        m_trashAction->setChecked(false);
    m_table->selectionModel()->clearSelection();
    m_profile->startNewContact();
}

void MainWindow::deleteSelected()
{
    if (isTrashView())
        return;
    if (m_allMatching) { // every matching contact, loaded or not: one set-based change in the background
        m_bulk->moveToTrash();
        return;
    }
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const int row = m_table->selectionModel()->currentIndex().row();
    Status s = m_store->moveToTrash(ids);
    if (!s) {
        showError(s.error().toString());
        return;
    }
    m_undo->push(new TrashContactsCommand(m_store, ids, tr("Delete %n contact(s)", nullptr, int(ids.size()))));
    statusBar()->showMessage(tr("Moved %n contact(s) to the Trash. Undo with Ctrl+Z.", nullptr, int(ids.size())), 8000);
    if (m_model->rowCount() > 0)
        m_table->selectRow(std::min(std::max(row, 0), m_model->rowCount() - 1));
}

void MainWindow::restoreSelected()
{
    if (!isTrashView())
        return;
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    Status s = m_store->restore(ids);
    if (!s) {
        showError(s.error().toString());
        return;
    }
    m_undo->push(new RestoreContactsCommand(m_store, ids, tr("Restore %n contact(s)", nullptr, int(ids.size()))));
    statusBar()->showMessage(tr("Restored %n contact(s).", nullptr, int(ids.size())), 8000);
}

void MainWindow::emptyTrash()
{
    if (MessageBox::question(this, tr("Empty Trash"),
                             tr("Delete every contact in the Trash for good? This cannot be undone."))
        != QMessageBox::Yes)
        return;
    auto removed = m_store->emptyTrash();
    if (!removed) {
        showError(removed.error().toString());
        return;
    }
    m_undo->clear(); // purged contacts cannot come back
    statusBar()->showMessage(tr("Deleted %n contact(s) for good.", nullptr, *removed), 8000);
}

void MainWindow::setTrashView(bool trash)
{
    if (m_trashAction->isChecked() != trash)
        m_trashAction->setChecked(trash); // re-enters through toggled()
    if (isTrashView() == trash)
        return;
    m_profile->flush();
    m_currentId = 0;
    m_model->setTrash(trash);
    m_profile->showContact(0);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool trash = isTrashView();
    const bool selection = m_table->selectionModel()->hasSelection();
    m_deleteAction->setEnabled(!trash && selection);
    m_restoreAction->setVisible(trash);
    m_restoreAction->setEnabled(trash && selection);
    m_emptyTrashAction->setVisible(trash);
    m_emptyTrashAction->setEnabled(trash && m_model->rowCount() > 0);
    m_selectAllAction->setEnabled(!trash && m_model->rowCount() > 0);
    m_addTagAction->setEnabled(!trash && selection);
    m_removeTagAction->setEnabled(!trash && selection);
    m_bulk->update(!trash && selection);
    m_header->setChecked(!trash && selection && m_allMatching);
    m_addToCampaignAction->setEnabled(!trash && selection);
    m_newAction->setEnabled(true);
    m_mergeAction->setEnabled(!trash && m_table->selectionModel()->selectedRows().size() >= 2);
    m_duplicatesAction->setEnabled(!trash);
}

bool MainWindow::isStoreJobRunning() const
{
    return m_store->isJobRunning();
}

DuplicateReviewDialog* MainWindow::duplicateDialog() const
{
    return m_duplicateDialog;
}

void MainWindow::showDuplicates(const QList<qint64>& ids)
{
    auto* dialog = new DuplicateReviewDialog(m_store, m_undo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicateReviewDialog::merged, this, &MainWindow::selectContact);
    m_duplicateDialog = dialog;
    if (ids.size() >= 2)
        dialog->reviewContacts(ids);
    dialog->show();
}

TagManagerDialog* MainWindow::tagManager() const
{
    return m_tagManager;
}

// A non-modal dialog made on first use, brought to the front when asked for again.
template <typename Dialog>
static void showOnce(QPointer<Dialog>& dialog, ContactStore* store, QUndoStack* undo, QWidget* parent)
{
    if (!dialog) {
        dialog = new Dialog(store, undo, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showTagManager()
{
    showOnce(m_tagManager, m_store, m_undo, this);
}

void MainWindow::updateCount()
{
    const int n = m_model->rowCount();
    const QString number = QLocale().toString(n);
    if (m_model->isSearching()) {
        m_countLabel->setText(tr("Searching…"));
        updateActions();
        return;
    }
    if (isTrashView())
        m_countLabel->setText(tr("%1 in the Trash").arg(number));
    else if (!m_model->query().filter.isEmpty())
        m_countLabel->setText(n == 1 ? tr("1 matching contact") : tr("%1 matching contacts").arg(number));
    else
        m_countLabel->setText(n == 1 ? tr("1 contact") : tr("%1 contacts").arg(number));
    updateActions();
}

void MainWindow::setBackgroundProgress(const QString& text, int value, int maximum)
{
    m_progressLabel->setText(text);
    m_progress->setRange(0, maximum);
    m_progress->setValue(value);
    m_progressLabel->show();
    m_progress->show();
}

void MainWindow::clearBackgroundProgress()
{
    m_progressLabel->hide();
    m_progress->hide();
    m_cancelButton->hide();
}

void MainWindow::showError(const QString& message)
{
    m_banner->showMessage(message, MessageBanner::Kind::Error);
}

void MainWindow::importCsv()
{
    if (m_import.isRunning()) {
        statusBar()->showMessage(tr("An import is already running."), 5000);
        return;
    }
    auto* wizard = new ImportWizard(m_store->database().path(), m_store->phoneNormalizer().defaultRegion(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { startImport(wizard->request()); });
    wizard->open();
}

void MainWindow::startImport(const ImportRequest& request)
{
    ImportRequest real = request;
    real.dryRun = false;
    real.databasePath = m_store->database().path();
    m_importFile = QFileInfo(real.filePath).fileName();
    setBackgroundProgress(tr("Importing %1…").arg(m_importFile), 0, 1000);
    m_cancelButton->show();
    // The rep keeps working: the import writes on its own connection in one transaction.
    m_import.setFuture(QtConcurrent::run(&ImportJob::run, real));
}

void MainWindow::cancelImport()
{
    if (m_import.isRunning())
        m_import.cancel();
}

void MainWindow::importFinished()
{
    clearBackgroundProgress();
    m_profile->flush(); // edits that waited for the import's write lock
    ImportSummary summary;
    if (m_import.future().resultCount() > 0)
        summary = m_import.result();
    else
        summary.cancelled = true;
    if (summary.runId > 0)
        m_store->notifyExternalChange();
    auto* dialog = new ImportSummaryDialog(summary, m_importFile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportSummaryDialog::showContactsRequested, this, &MainWindow::showImportedContacts);
    dialog->open();
}

void MainWindow::showImportHistory()
{
    auto* dialog = new ImportHistoryDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportHistoryDialog::showContactsRequested, this, &MainWindow::showImportedContacts);
    dialog->open();
}

void MainWindow::showImportedContacts(qint64 runId)
{
    if (isTrashView() && runId > 0)
        m_trashAction->setChecked(false);
    m_filterBar->setImportRun(runId); // the list follows through filterChanged
}

void MainWindow::exportCsv()
{
    if (m_export.isRunning())
        return;
    const QString path = FileDialog::saveFileName(this, tr("Export contacts"), QStringLiteral("contacts.csv"),
                                                  tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    // Export writes what the list shows: the same search and filter.
    const ExportJob::Request request{path, m_model->query().searchText, {}, m_model->query().filter, false, {}};
    const QString db = m_store->database().path();
    setBackgroundProgress(tr("Exporting…"), 0, 0);
    m_cancelButton->hide();
    m_export.setFuture(QtConcurrent::run([db, request]() -> QString {
        ScopedConnection connection(db, QStringLiteral("export"));
        if (!connection.status())
            return QLatin1Char('!') + connection.status().error().toString();
        auto written = ExportJob::exportCsv(connection.database(), request);
        if (!written)
            return QLatin1Char('!') + written.error().toString();
        return tr("Exported %n contact(s) to %1.", nullptr, *written).arg(request.path);
    }));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_profile->flush();
    if (m_import.isRunning()
        && MessageBox::question(this, tr("Import running"),
                                tr("An import is still running. Cancel it and quit? Nothing of it will be saved."))
               != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    m_import.cancel();
    m_import.waitForFinished();
    m_export.waitForFinished();
    event->accept();
}

void MainWindow::selectAllMatching()
{
    if (isTrashView() || m_model->rowCount() == 0)
        return;
    // One selection range, whatever the count; the action then works from the filter's SQL, not
    // from the view's rows (most of which were never loaded).
    m_selectingAll = true;
    m_table->selectAll();
    m_selectingAll = false;
    m_allMatching = true;
    updateActions();
    statusBar()->showMessage(tr("All %1 matching contacts are selected.").arg(QLocale().toString(m_model->rowCount())),
                             8000);
}

void MainWindow::addTagToSelection()
{
    bool ok = false;
    const QString tag = QInputDialog::getItem(this, tr("Add tag"), tr("Tag to add to the selected contacts:"),
                                              m_tags->names(), -1, true, &ok);
    if (ok)
        changeTagOfSelection(BulkTags::Action::Add, tag);
}

void MainWindow::removeTagFromSelection()
{
    bool ok = false;
    const QString tag = QInputDialog::getItem(this, tr("Remove tag"), tr("Tag to remove from the selected contacts:"),
                                              m_tags->names(), -1, true, &ok);
    if (ok)
        changeTagOfSelection(BulkTags::Action::Remove, tag);
}

void MainWindow::changeTagOfSelection(BulkTags::Action action, const QString& tag)
{
    const auto target = selectionTarget();
    if (!target || tag.simplified().isEmpty())
        return;
    m_profile->flush();
    const bool add = action == BulkTags::Action::Add;
    const QString name = tag.simplified();
    const QString text = add ? tr("Add tag \"%1\"").arg(name) : tr("Remove tag \"%1\"").arg(name);
    auto change = std::make_shared<BulkTags::Change>();
    m_store->runJob(text, BulkTags::Steps,
                [change, action, name, target](const QSqlDatabase& db, const BulkTags::Progress& progress) -> Status {
                    auto done = BulkTags::apply(db, action, name, *target, progress);
                    if (!done)
                        return done.error();
                    *change = *done;
                    return {};
                },
                [this, change, text, add](bool ok) {
                    if (!ok)
                        return;
                    const int n = int(change->ids.size());
                    statusBar()->showMessage(add ? tr("Tagged %n contact(s). Undo with Ctrl+Z.", nullptr, n)
                                                 : tr("Untagged %n contact(s). Undo with Ctrl+Z.", nullptr, n),
                                             8000);
                    if (n > 0)
                        m_undo->push(changeCommand(storeRunner(m_store, BulkTags::Steps), change, &BulkTags::undo,
                                                   &BulkTags::redo, text));
                });
}

void MainWindow::showSavedList(const SavedList& list)
{
    if (isTrashView())
        m_trashAction->setChecked(false);
    // The search box and the filter bar show what the list means, so the rep sees (and can
    // change) it; the list re-queries once for both.
    const QString search = list.shownSearch();
    if (m_search->text() != search) {
        m_search->setText(search);
        m_searchTimer.stop();
        m_model->setSearchText(search);
    }
    m_filterBar->setFilter(list.shownFilter());
    m_lists->showMatching(m_model->query().filter, m_search->text());
}

void MainWindow::saveSmartList()
{
    const ContactFilter filter = m_filterBar->filter();
    const QString search = m_search->text().trimmed();
    if (filter.isEmpty() && search.isEmpty()) {
        showError(tr("Search or choose filters first: a smart list saves them."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as smart list"),
                                               tr("Name for a list of the contacts matching this search and these "
                                                  "filters (it updates itself):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok || name.simplified().isEmpty())
        return;
    auto id = m_store->createSmartList(name, filter, search);
    if (!id) {
        showError(id.error().toString());
        return;
    }
    m_lists->showMatching(filter, search);
    statusBar()->showMessage(tr("Saved the smart list \"%1\".").arg(name.simplified()), 8000);
}

CampaignsDialog* MainWindow::campaignsDialog() const
{
    return m_campaignsDialog;
}

void MainWindow::showCampaigns()
{
    showOnce(m_campaignsDialog, m_store, m_undo, this);
}

void MainWindow::chooseCampaignForSelection()
{
    auto campaigns = CampaignStore::list(m_store->database().connection(), false, false);
    if (!campaigns) {
        showError(campaigns.error().toString());
        return;
    }
    QStringList names;
    for (const Campaign& c : std::as_const(*campaigns))
        names.append(c.name);
    bool ok = false;
    const QString name = QInputDialog::getItem(this, tr("Add to campaign"),
                                               tr("Campaign to add the selected contacts to (a new name creates one):"),
                                               names, 0, true, &ok)
                             .simplified();
    if (!ok || name.isEmpty())
        return;
    qint64 id = 0;
    for (const Campaign& c : std::as_const(*campaigns))
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            id = c.id;
    if (!id) {
        auto created = m_store->createCampaign(name, QStringLiteral("email"));
        if (!created) {
            showError(created.error().toString());
            return;
        }
        id = *created;
    }
    addSelectionToCampaign(id);
}

void MainWindow::addSelectionToCampaign(qint64 campaignId)
{
    const auto target = selectionTarget();
    if (!target)
        return;
    m_profile->flush();
    CampaignActions::addToCampaign(m_store, m_undo, campaignId, *target, [this](bool ok, const QString& message) {
        if (!ok)
            return; // the store reported it (errorReported)
        m_banner->showMessage(message, MessageBanner::Kind::Information);
        statusBar()->showMessage(message, 8000);
    });
}

} // namespace ContactDesk
