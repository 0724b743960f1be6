#pragma once
// Undoable operations on the store for the main window's QUndoStack. Each command is pushed only
// after its first run succeeded, so a failed action leaves nothing on the stack.

#include "dedupe/ContactMerger.h"
#include "store/BulkEdit.h"
#include "store/BulkTags.h"
#include "store/ContactStore.h"

#include <QList>
#include <QUndoCommand>

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

// A bulk tag add/remove over many contacts, undone and redone as one step in the background. The
// change (which links it made) is shared with the jobs, which alone touch it, one at a time.
class BulkTagCommand : public QUndoCommand
{
public:
    BulkTagCommand(StoreJobRunner runner, std::shared_ptr<BulkTags::Change> change, const QString& text);
    void undo() override;
    void redo() override;

private:
    StoreJobRunner m_runner;
    std::shared_ptr<BulkTags::Change> m_change;
    bool m_firstRedo = true;
};

// A bulk list, field or Trash change (BulkEdit), undone and redone as one step in the background.
class BulkEditCommand : public QUndoCommand
{
public:
    BulkEditCommand(StoreJobRunner runner, std::shared_ptr<BulkEdit::Change> change, const QString& text);
    void undo() override;
    void redo() override;

private:
    StoreJobRunner m_runner;
    std::shared_ptr<BulkEdit::Change> m_change;
    bool m_firstRedo = true;
};

} // namespace ContactDesk
