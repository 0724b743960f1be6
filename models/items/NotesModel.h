#pragma once
// The notes of one contact, newest first, for the notes pane. Few rows per contact, so it loads
// them at once and reloads when the store says this contact's notes changed.

#include "domain/Contact.h"

#include <QAbstractListModel>

namespace ContactDesk {

class ContactStore;

class NotesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { NoteIdRole = Qt::UserRole + 1, BodyRole, AuthorRole, CreatedRole, UpdatedRole };

    explicit NotesModel(ContactStore* store, QObject* parent = nullptr);

    void setContact(qint64 contactId);
    qint64 contactId() const { return m_contactId; }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Note note(int row) const { return m_notes.value(row); }

private:
    void reload();

    ContactStore* m_store;
    qint64 m_contactId = 0;
    QList<Note> m_notes;
};

} // namespace ContactDesk
