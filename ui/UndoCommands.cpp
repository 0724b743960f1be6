#include "UndoCommands.h"

#include "store/ContactStore.h"

#include <QAction>
#include <QCoreApplication>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
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

StoreJobCommand::StoreJobCommand(StoreJobRunner runner, StoreJob undoJob, StoreJob redoJob, const QString& text)
    : QUndoCommand(text)
    , m_runner(std::move(runner))
    , m_undoJob(std::move(undoJob))
    , m_redoJob(std::move(redoJob))
{
}

void StoreJobCommand::redo()
{
    if (m_firstRedo) { // done already when it was pushed
        m_firstRedo = false;
        return;
    }
    m_runner(QCoreApplication::translate("StoreJobCommand", "Redo: %1").arg(text()), m_redoJob);
}

void StoreJobCommand::undo()
{
    m_runner(QCoreApplication::translate("StoreJobCommand", "Undo: %1").arg(text()), m_undoJob);
}

QToolButton* stackButton(QUndoStack* stack, bool undo, QWidget* parent, const QString& objectName)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("StoreJobCommand", text); };
    const QIcon fallback = parent->style()->standardIcon(undo ? QStyle::SP_ArrowBack : QStyle::SP_ArrowForward);
    auto* action = new QAction(QIcon::fromTheme(undo ? QStringLiteral("edit-undo") : QStringLiteral("edit-redo"), fallback),
                               undo ? tr("Undo") : tr("Redo"), parent);
    action->setShortcuts(undoKeys(undo));
    action->setEnabled(undo ? stack->canUndo() : stack->canRedo());
    const auto tip = [action, stack, undo, tr] {
        const QString text = undo ? stack->undoText() : stack->redoText();
        action->setToolTip(text.isEmpty() ? action->text()
                                          : (undo ? tr("Undo %1 (Ctrl+Z)") : tr("Redo %1 (Ctrl+Shift+Z)")).arg(text));
    };
    tip();
    QObject::connect(action, &QAction::triggered, stack, undo ? &QUndoStack::undo : &QUndoStack::redo);
    QObject::connect(stack, undo ? &QUndoStack::canUndoChanged : &QUndoStack::canRedoChanged, action,
                     &QAction::setEnabled);
    QObject::connect(stack, &QUndoStack::indexChanged, action, tip);
    parent->addAction(action); // the key works anywhere in the window
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

QList<QKeySequence> undoKeys(bool undo)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(undo ? QKeySequence::Undo : QKeySequence::Redo);
    const QKeySequence redo(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!undo && !keys.contains(redo))
        keys.append(redo);
    return keys;
}

StoreJobRunner storeRunner(ContactStore* store, int steps)
{
    return [store, steps](const QString& text, const StoreJob& job) { store->runJob(text, steps, job); };
}

} // namespace ContactDesk
