#include "NotesModel.h"

#include "store/ContactStore.h"

#include <QLocale>

namespace ContactDesk {

NotesModel::NotesModel(ContactStore* store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(store, &ContactStore::notesChanged, this, [this](qint64 contactId) {
        if (contactId == m_contactId)
            reload();
    });
    connect(store, &ContactStore::externalChange, this, &NotesModel::reload);
}

void NotesModel::setContact(qint64 contactId)
{
    if (contactId == m_contactId)
        return;
    m_contactId = contactId;
    reload();
}

void NotesModel::reload()
{
    QList<Note> notes;
    if (m_contactId > 0) {
        auto loaded = m_store->repository().notes(m_contactId);
        if (loaded)
            notes = *loaded;
    }
    // Narrow signals: a note added on top is one inserted row, a removed note one removed row.
    if (notes.size() == m_notes.size() + 1 && !notes.isEmpty()
        && std::equal(m_notes.cbegin(), m_notes.cend(), notes.cbegin() + 1,
                      [](const Note& a, const Note& b) { return a.id == b.id; })) {
        beginInsertRows({}, 0, 0);
        m_notes = notes;
        endInsertRows();
        return;
    }
    if (notes.size() + 1 == m_notes.size()) {
        int removed = -1;
        for (int i = 0; i < m_notes.size(); ++i) {
            if (i >= notes.size() || notes[i].id != m_notes[i].id) {
                removed = i;
                break;
            }
        }
        bool rest = removed >= 0;
        for (int i = removed; rest && i < notes.size(); ++i)
            rest = notes[i].id == m_notes[i + 1].id;
        if (rest) {
            beginRemoveRows({}, removed, removed);
            m_notes = notes;
            endRemoveRows();
            return;
        }
    }
    if (notes.size() == m_notes.size()) {
        bool sameIds = true;
        for (int i = 0; i < notes.size() && sameIds; ++i)
            sameIds = notes[i].id == m_notes[i].id;
        if (sameIds) {
            m_notes = notes;
            if (!notes.isEmpty())
                Q_EMIT dataChanged(index(0), index(int(notes.size()) - 1));
            return;
        }
    }
    beginResetModel();
    m_notes = notes;
    endResetModel();
}

int NotesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant NotesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Note& n = m_notes[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2\n%3")
            .arg(n.author, QLocale().toString(n.createdAt.toLocalTime(), QLocale::ShortFormat), n.body);
    case Qt::ToolTipRole:
        return n.updatedAt > n.createdAt
                   ? tr("Edited %1").arg(QLocale().toString(n.updatedAt.toLocalTime(), QLocale::ShortFormat))
                   : QVariant();
    case NoteIdRole: return n.id;
    case BodyRole: return n.body;
    case AuthorRole: return n.author;
    case CreatedRole: return n.createdAt;
    case UpdatedRole: return n.updatedAt;
    }
    return {};
}

QHash<int, QByteArray> NotesModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(NoteIdRole, "noteId");
    names.insert(BodyRole, "body");
    names.insert(AuthorRole, "author");
    names.insert(CreatedRole, "created");
    names.insert(UpdatedRole, "updated");
    return names;
}

} // namespace ContactDesk
