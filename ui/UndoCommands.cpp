#include "UndoCommands.h"

#include "store/ContactStore.h"

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

} // namespace ContactDesk
