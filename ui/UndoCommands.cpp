#include "UndoCommands.h"

#include "store/ContactStore.h"

#include <QCoreApplication>
#include <QObject>

namespace ContactDesk {

TrashContactsCommand::TrashContactsCommand(ContactStore* store, const QList<qint64>& ids, const QString& text)
    : QUndoCommand(text)
    , m_store(store)
    , m_ids(ids)
{
}

void TrashContactsCommand::redo()
{
    if (m_firstRedo) { // the window already moved them; pushing must not do it twice
        m_firstRedo = false;
        return;
    }
    Status s = m_store->moveToTrash(m_ids);
    m_error = s ? QString() : s.error().toString();
    if (!s)
        m_store->reportError(m_error);
    setObsolete(!s);
}

void TrashContactsCommand::undo()
{
    Status s = m_store->restore(m_ids);
    m_error = s ? QString() : s.error().toString();
    if (!s)
        m_store->reportError(m_error);
    setObsolete(!s);
}

RestoreContactsCommand::RestoreContactsCommand(ContactStore* store, const QList<qint64>& ids, const QString& text)
    : QUndoCommand(text)
    , m_store(store)
    , m_ids(ids)
{
}

void RestoreContactsCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    Status s = m_store->restore(m_ids);
    if (!s)
        m_store->reportError(s.error().toString());
    setObsolete(!s);
}

void RestoreContactsCommand::undo()
{
    Status s = m_store->moveToTrash(m_ids);
    if (!s)
        m_store->reportError(s.error().toString());
    setObsolete(!s);
}

MergeContactsCommand::MergeContactsCommand(ContactStore* store, const MergeRequest& request, qint64 mergeId,
                                           const QString& text)
    : QUndoCommand(text)
    , m_store(store)
    , m_request(request)
    , m_mergeId(mergeId)
{
}

void MergeContactsCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    auto id = m_store->mergeContacts(m_request);
    if (!id) {
        m_store->reportError(id.error().toString());
        setObsolete(true);
        return;
    }
    m_mergeId = *id;
}

void MergeContactsCommand::undo()
{
    Status s = m_store->undoMerge(m_mergeId);
    if (!s)
        m_store->reportError(s.error().toString());
    setObsolete(!s);
}

BulkMergeCommand::BulkMergeCommand(ContactStore* store, qint64 batchId, QList<DuplicateCluster> clusters,
                                   double minScore, MergePolicy policy, const QString& text)
    : QUndoCommand(text)
    , m_store(store)
    , m_batchId(std::make_shared<qint64>(batchId))
    , m_clusters(std::move(clusters))
    , m_minScore(minScore)
    , m_policy(policy)
{
}

void BulkMergeCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    auto batch = m_batchId;
    const auto clusters = m_clusters;
    const double minScore = m_minScore;
    const MergePolicy policy = m_policy;
    const PhoneNormalizer phones = m_store->phoneNormalizer();
    m_store->runJob(text(), [batch, clusters, minScore, policy, phones](const QSqlDatabase& db) -> Status {
        ContactMerger merger(db, phones);
        auto result = merger.mergeAll(clusters, minScore, policy);
        if (!result)
            return result.error();
        *batch = result->batchId;
        return {};
    });
}

void BulkMergeCommand::undo()
{
    if (m_store->isJobRunning()) {
        // The batch id of a redo still running is not known yet; undoing now would miss it.
        m_store->reportError(QObject::tr("Wait for the running background job to finish, then undo again."));
        return;
    }
    const qint64 batchId = *m_batchId;
    const PhoneNormalizer phones = m_store->phoneNormalizer();
    m_store->runJob(QObject::tr("Undo %1").arg(text()), [batchId, phones](const QSqlDatabase& db) -> Status {
        ContactMerger merger(db, phones);
        return merger.undoBatch(batchId);
    });
}

BulkTagCommand::BulkTagCommand(StoreJobRunner runner, std::shared_ptr<BulkTags::Change> change, const QString& text)
    : QUndoCommand(text)
    , m_runner(std::move(runner))
    , m_change(std::move(change))
{
}

void BulkTagCommand::redo()
{
    if (m_firstRedo) { // the window ran it already
        m_firstRedo = false;
        return;
    }
    auto change = m_change;
    m_runner(QCoreApplication::translate("BulkTagCommand", "Redoing: %1…").arg(text()),
             [change](const QSqlDatabase& db, const BulkTags::Progress& progress) {
                 return BulkTags::redo(db, *change, progress);
             });
}

void BulkTagCommand::undo()
{
    auto change = m_change;
    m_runner(QCoreApplication::translate("BulkTagCommand", "Undoing: %1…").arg(text()),
             [change](const QSqlDatabase& db, const BulkTags::Progress& progress) {
                 return BulkTags::undo(db, *change, progress);
             });
}

BulkEditCommand::BulkEditCommand(StoreJobRunner runner, std::shared_ptr<BulkEdit::Change> change, const QString& text)
    : QUndoCommand(text)
    , m_runner(std::move(runner))
    , m_change(std::move(change))
{
}

void BulkEditCommand::redo()
{
    if (m_firstRedo) { // the window ran it already
        m_firstRedo = false;
        return;
    }
    auto change = m_change;
    m_runner(QCoreApplication::translate("BulkEditCommand", "Redoing: %1…").arg(text()),
             [change](const QSqlDatabase& db, const BulkEdit::Progress& progress) {
                 return BulkEdit::redo(db, *change, progress);
             });
}

void BulkEditCommand::undo()
{
    auto change = m_change;
    m_runner(QCoreApplication::translate("BulkEditCommand", "Undoing: %1…").arg(text()),
             [change](const QSqlDatabase& db, const BulkEdit::Progress& progress) {
                 return BulkEdit::undo(db, *change, progress);
             });
}

} // namespace ContactDesk
