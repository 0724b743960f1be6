#pragma once
// The duplicate-review dialog: finds clusters of probable duplicates in the background (whole
// store or one import run), lists them most confident first with the evidence in words, shows the
// contacts of a cluster side by side with differing fields highlighted, and merges them with the
// surviving contact and per-field values the rep picks (Merge, Not duplicates, Skip). "Merge all"
// merges every cluster above a score as one background job with progress and Cancel. Every merge
// goes on the main window's undo stack; the History tab undoes older merges and bulk merges.

#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateFinder.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSet>

#include <memory>
#include <optional>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;
class QUndoStack;

namespace ContactDesk {

class ContactStore;
class DuplicateClusterModel;

struct ScanOutcome
{
    std::optional<DuplicateScan> scan;
    QHash<qint64, QString> names;
    QString error;
    bool cancelled = false;
};

struct BulkOutcome
{
    std::optional<BulkMergeResult> result;
    QString error;
    bool cancelled = false;
};

class DuplicateReviewDialog : public QDialog
{
    Q_OBJECT

public:
    DuplicateReviewDialog(ContactStore* store, QUndoStack* undo, QWidget* parent = nullptr);
    ~DuplicateReviewDialog() override;

    DuplicateClusterModel* clusterModel() const { return m_model; }
    // True until the result is on screen (the watcher's finished signal is handled).
    bool isScanning() const { return m_scanning; }
    bool isBulkMerging() const { return m_bulkMerging; }

public Q_SLOTS:
    void findDuplicates();
    // Reviews these contacts as one cluster (Merge… on a list selection).
    void reviewContacts(const QList<qint64>& ids);
    void setImportRun(qint64 runId);
    void mergeCurrent();
    void markCurrentNotDuplicates();
    void skipCurrent();
    void mergeAll();
    void cancelBackground();
    void refreshHistory();
    void undoSelectedMerge();
    void undoSelectedBatch();

Q_SIGNALS:
    void merged(qint64 survivorId);

protected:
    void reject() override;

private:
    void currentClusterChanged();
    void fillComparison();
    void updateButtons();
    void scanFinished();
    void bulkFinished();
    void chooseValue(int row, int column);
    MergeRequest currentRequest() const;

    ContactStore* m_store;
    QUndoStack* m_undo;
    DuplicateClusterModel* m_model;
    QTabWidget* m_tabs;
    QDoubleSpinBox* m_minScore;
    QComboBox* m_scope;
    QPushButton* m_findButton;
    QProgressBar* m_progress;
    QPushButton* m_cancelButton;
    QLabel* m_statusLabel;
    QTableView* m_clusterView;
    QLabel* m_evidenceLabel;
    QTableWidget* m_compare;
    QButtonGroup* m_survivorGroup;
    QPushButton* m_mergeButton;
    QPushButton* m_notDuplicatesButton;
    QPushButton* m_skipButton;
    QDoubleSpinBox* m_bulkScore;
    QComboBox* m_policy;
    QPushButton* m_mergeAllButton;
    QTableWidget* m_history;
    QPushButton* m_undoMergeButton;
    QPushButton* m_undoBatchButton;

    QList<Contact> m_contacts;           // of the current cluster, in column order
    QList<FieldConflict> m_conflicts;    // rows of the comparison that need a choice
    QHash<int, qint64> m_choiceByRow;    // comparison row -> contact whose value is kept
    QHash<int, int> m_conflictByRow;     // comparison row -> index in m_conflicts
    QSet<int> m_explicitChoices;         // conflicts (indexes) the rep picked a value for
    QFutureWatcher<ScanOutcome> m_scan;
    QFutureWatcher<BulkOutcome> m_bulk;
    QList<DuplicateCluster> m_bulkClusters;
    bool m_scanning = false;
    bool m_bulkMerging = false;
};

} // namespace ContactDesk
