#pragma once
// Undoable operations on the store for the main window's QUndoStack. Each command is pushed only
// after its first run succeeded, so a failed action leaves nothing on the stack.

#include <QList>
#include <QUndoCommand>

namespace ContactDesk {

class ContactStore;

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

} // namespace ContactDesk
