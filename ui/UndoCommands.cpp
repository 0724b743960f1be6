#include "UndoCommands.h"

#include "store/ContactStore.h"

#include <QCoreApplication>

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

} // namespace ContactDesk
