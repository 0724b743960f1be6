#pragma once
// Undoable operations on the store for the main window's QUndoStack. Each command is pushed only
// after its first run succeeded, so a failed action leaves nothing on the stack.

#include "dedupe/ContactMerger.h"
#include "store/BulkEdit.h"
#include "store/BulkTags.h"
#include "store/ContactStore.h"

#include <QKeySequence>
#include <QList>
#include <QUndoCommand>

class QToolButton;
class QUndoStack;
class QWidget;

#include <functional>
#include <memory>

namespace ContactDesk {

class TrashContactsCommand : public QUndoCommand
{
public:
    TrashContactsCommand(ContactStore* store, const QList<qint64>& ids, const QString& text);
    void undo() override;
    void redo() override;
    QString lastError() const { return m_error; }

private:
    ContactStore* m_store;
    QList<qint64> m_ids;
    bool m_firstRedo = true;
    QString m_error;
};

class RestoreContactsCommand : public QUndoCommand
{
public:
    RestoreContactsCommand(ContactStore* store, const QList<qint64>& ids, const QString& text);
    void undo() override;
    void redo() override;

private:
    ContactStore* m_store;
    QList<qint64> m_ids;
    bool m_firstRedo = true;
};

// A merge done in the duplicate-review dialog: undo puts the merged contacts back exactly, redo
// merges them again with the same choices.
class MergeContactsCommand : public QUndoCommand
{
public:
    MergeContactsCommand(ContactStore* store, const MergeRequest& request, qint64 mergeId, const QString& text);
    void undo() override;
    void redo() override;
    qint64 mergeId() const { return m_mergeId; }

private:
    ContactStore* m_store;
    MergeRequest m_request;
    qint64 m_mergeId;
    bool m_firstRedo = true;
};

// A bulk merge: undone (and redone) as a whole, in the background.
class BulkMergeCommand : public QUndoCommand
{
public:
    BulkMergeCommand(ContactStore* store, qint64 batchId, QList<DuplicateCluster> clusters, double minScore,
                     MergePolicy policy, const QString& text);
    void undo() override;
    void redo() override;

private:
    ContactStore* m_store;
    std::shared_ptr<qint64> m_batchId; // the redo's job writes the new batch id
    QList<DuplicateCluster> m_clusters;
    double m_minScore;
    MergePolicy m_policy;
    bool m_firstRedo = true;
};

// A write run off the UI thread by ContactStore::runJob (one write thread, jobs in the order they
// were started, status-bar progress; the store re-queries when it is done).
using StoreJob = ContactStore::Job;
using StoreJobRunner = std::function<void(const QString& text, const StoreJob& job)>;

// A change made already (by a store job, or on the UI connection when it is one row), undone and
// redone as one step in the background through `runner` (ContactStore::runJob: one write thread,
// so the jobs run one at a time in the order they were started).
class StoreJobCommand : public QUndoCommand
{
public:
    StoreJobCommand(StoreJobRunner runner, StoreJob undoJob, StoreJob redoJob, const QString& text);
    void undo() override;
    void redo() override;

private:
    StoreJobRunner m_runner;
    StoreJob m_undoJob;
    StoreJob m_redoJob;
    bool m_firstRedo = true; // pushing must not do it twice
};

// The command for a change record (BulkTags::Change, BulkEdit::Change, TagCatalog::Change, ...)
// with its store functions undo(db, change, progress) and redo(db, change, progress). The jobs
// share the record, which only they touch, one at a time (a redo records afresh).
template <typename Change, typename UndoFunction, typename RedoFunction>
QUndoCommand* changeCommand(StoreJobRunner runner, std::shared_ptr<Change> change, UndoFunction undoChange,
                            RedoFunction redoChange, const QString& text)
{
    return new StoreJobCommand(
        std::move(runner),
        [change, undoChange](const QSqlDatabase& db, const ContactStore::JobProgress& progress) {
            return undoChange(db, *change, progress);
        },
        [change, redoChange](const QSqlDatabase& db, const ContactStore::JobProgress& progress) {
            return redoChange(db, *change, progress);
        },
        text);
}

// An Undo (or Redo) button on `stack` for a window other than the main one (a non-modal dialog),
// with its key (Ctrl+Z, Ctrl+Shift+Z) anywhere in that window; enabled when the stack can, the
// step's name in its tooltip.
QToolButton* stackButton(QUndoStack* stack, bool undo, QWidget* parent, const QString& objectName);

// The keys of Undo or Redo: the platform's, and Ctrl+Shift+Z for Redo everywhere.
QList<QKeySequence> undoKeys(bool undo);

// A store job that runs `apply(db, progress)` (a Result<Change>) and keeps its change record in
// `change`, for the undo step pushed when the job is done.
template <typename Change, typename Apply>
StoreJob recordingJob(std::shared_ptr<Change> change, Apply apply)
{
    return [change, apply](const QSqlDatabase& db, const ContactStore::JobProgress& progress) -> Status {
        auto done = apply(db, progress);
        if (!done)
            return done.error();
        *change = *done;
        return {};
    };
}

// A runner for changeCommand: `store`'s jobs with `steps` of progress.
StoreJobRunner storeRunner(ContactStore* store, int steps);

} // namespace ContactDesk
