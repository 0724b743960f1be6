#pragma once
// The main window: the contact list (search box, sortable columns, multi-select) beside the
// selected contact's profile, with New, Delete to Trash, Undo/Redo, a Trash view with Restore
// and Empty Trash, and a status bar with the count and background progress.

#include "UndoCommands.h"
#include "io/ImportJob.h"
#include "store/SavedLists.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
class QToolButton;
class QUndoStack;

namespace ContactDesk {

class BulkActions;
class CampaignsDialog;
class ContactListModel;
class ListsPane;
class SelectAllHeader;
class ContactStore;
class FilterBar;
class DuplicateReviewDialog;
class TagManagerDialog;
class MessageBanner;
class ProfilePane;
class TagListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int SearchDelayMs = 200;

    explicit MainWindow(ContactStore* store, QWidget* parent = nullptr);
    ~MainWindow() override;

    ContactListModel* listModel() const { return m_model; }
    FilterBar* filterBar() const { return m_filterBar; }
    ListsPane* listsPane() const { return m_lists; }
    BulkActions* bulkActions() const { return m_bulk; }
    ProfilePane* profilePane() const { return m_profile; }
    QTableView* tableView() const { return m_table; }
    QUndoStack* undoStack() const { return m_undo; }
    DuplicateReviewDialog* duplicateDialog() const;
    TagManagerDialog* tagManager() const; // while open
    CampaignsDialog* campaignsDialog() const; // while open
    bool isTrashView() const;
    bool isImportRunning() const { return m_import.isRunning(); }
    bool isStoreJobRunning() const;
    bool isAllMatchingSelected() const { return m_allMatching; }
    // What a bulk action on the selection works on: every contact matching the list (after
    // "Select all matching") or the selected rows; none in the Trash or with nothing selected.
    std::optional<BulkTags::Target> selectionTarget() const;

    void setBackgroundProgress(const QString& text, int value, int maximum);
    void clearBackgroundProgress();
    void showError(const QString& message);

public Q_SLOTS:
    void newContact();
    void deleteSelected();
    void restoreSelected();
    void emptyTrash();
    void setTrashView(bool trash);
    void selectContact(qint64 id);
    void importCsv();
    void startImport(const ImportRequest& request);
    void cancelImport();
    void showImportHistory();
    void showImportedContacts(qint64 runId);
    void exportCsv();
    // Selects every contact matching the current search and filter, loaded or not.
    void selectAllMatching();
    void addTagToSelection();
    void removeTagFromSelection();
    // Adds or removes `tag` on the selection (or all matching) in the background, undoable.
    void changeTagOfSelection(BulkTags::Action action, const QString& tag);
    // The duplicate-review dialog; with two or more ids it reviews them as one cluster.
    void showDuplicates(const QList<qint64>& ids);
    // The tag manager (one at a time, not modal).
    void showTagManager();
    // Shows a saved list: a smart list's search and filters, or a static list's members.
    void showSavedList(const ContactDesk::SavedList& list);
    // Asks for a name and saves the current search and filters as a smart list.
    void saveSmartList();
    // The campaigns view (one at a time, not modal).
    void showCampaigns();
    // "Add to campaign…": asks which campaign (a new name creates one), then adds the selection.
    void chooseCampaignForSelection();
    // Adds the selection (or all matching) to the campaign in the background, undoable; the
    // outcome (added, skipped and why) shows in the banner.
    void addSelectionToCampaign(qint64 campaignId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QList<qint64> selectedIds() const;
    void currentRowChanged();
    void updateActions();
    void updateCount();
    void importFinished();

    ContactStore* m_store;
    ContactListModel* m_model;
    TagListModel* m_tags;
    QUndoStack* m_undo;
    QTableView* m_table;
    ProfilePane* m_profile;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QLabel* m_countLabel;
    QLabel* m_progressLabel;
    QProgressBar* m_progress;
    QTimer m_searchTimer;
    QFutureWatcher<ImportSummary> m_import;
    QString m_importFile;
    QFutureWatcher<QString> m_export;
    QToolButton* m_cancelButton;
    QToolButton* m_filterChip;
    FilterBar* m_filterBar;
    ListsPane* m_lists;
    BulkActions* m_bulk = nullptr;
    SelectAllHeader* m_header = nullptr;
    qint64 m_currentId = 0;
    bool m_allMatching = false;
    bool m_selectingAll = false;

    QAction* m_newAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_trashAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QAction* m_emptyTrashAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_historyAction = nullptr;
    QAction* m_selectAllAction = nullptr;
    QAction* m_addTagAction = nullptr;
    QAction* m_removeTagAction = nullptr;
    QAction* m_duplicatesAction = nullptr;
    QAction* m_mergeAction = nullptr;
    QPointer<DuplicateReviewDialog> m_duplicateDialog;
    QPointer<TagManagerDialog> m_tagManager;
    QAction* m_tagsAction = nullptr;
    QAction* m_campaignsAction = nullptr;
    QAction* m_addToCampaignAction = nullptr;
    QPointer<CampaignsDialog> m_campaignsDialog;
};

} // namespace ContactDesk
