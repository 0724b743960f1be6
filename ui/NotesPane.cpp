#include "NotesPane.h"

#include "MessageBox.h"
#include "items/NotesModel.h"
#include "store/ContactStore.h"

#include <QHBoxLayout>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace ContactDesk {

NotesPane::NotesPane(ContactStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new NotesModel(store, this))
    , m_view(new QListView(this))
    , m_edit(new QPlainTextEdit(this))
    , m_saveButton(new QPushButton(tr("Add note"), this))
    , m_editButton(new QPushButton(tr("Edit"), this))
    , m_deleteButton(new QPushButton(tr("Delete"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("notesPane"));
    m_view->setObjectName(QStringLiteral("notesListView"));
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setMinimumHeight(90);
    m_edit->setObjectName(QStringLiteral("noteTextEdit"));
    m_edit->setPlaceholderText(tr("Write a note…"));
    m_edit->setMaximumHeight(70);
    m_saveButton->setObjectName(QStringLiteral("saveNoteButton"));
    m_editButton->setObjectName(QStringLiteral("editNoteButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteNoteButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelNoteButton"));
    m_cancelButton->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch(1);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_deleteButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    auto updateButtons = [this] {
        const bool selected = selectedNoteId() > 0;
        m_editButton->setEnabled(selected);
        m_deleteButton->setEnabled(selected);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, updateButtons);
    connect(m_saveButton, &QPushButton::clicked, this, &NotesPane::save);
    connect(m_editButton, &QPushButton::clicked, this, &NotesPane::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &NotesPane::deleteSelected);
    connect(m_cancelButton, &QPushButton::clicked, this, &NotesPane::cancelEdit);
    connect(m_view, &QListView::doubleClicked, this, &NotesPane::editSelected);
    updateButtons();
}

void NotesPane::setContact(qint64 contactId)
{
    cancelEdit();
    m_contactId = contactId;
    m_model->setContact(contactId);
    setEnabled(contactId > 0);
}

qint64 NotesPane::selectedNoteId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isSelected(current))
        return 0;
    return current.data(NotesModel::NoteIdRole).toLongLong();
}

void NotesPane::save()
{
    const QString body = m_edit->toPlainText();
    if (body.trimmed().isEmpty() || m_contactId <= 0)
        return;
    if (m_editingNoteId > 0) {
        Status s = m_store->updateNote(m_contactId, m_editingNoteId, body);
        if (!s) {
            Q_EMIT failed(s.error().toString());
            return; // the text stays in the editor
        }
    } else {
        auto id = m_store->addNote(m_contactId, body);
        if (!id) {
            Q_EMIT failed(id.error().toString());
            return;
        }
    }
    cancelEdit();
}

void NotesPane::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    m_editingNoteId = current.data(NotesModel::NoteIdRole).toLongLong();
    m_edit->setPlainText(current.data(NotesModel::BodyRole).toString());
    m_edit->moveCursor(QTextCursor::End);
    m_saveButton->setText(tr("Save note"));
    m_cancelButton->show();
    m_edit->setFocus();
}

void NotesPane::cancelEdit()
{
    m_editingNoteId = 0;
    m_edit->clear();
    m_saveButton->setText(tr("Add note"));
    m_cancelButton->hide();
}

void NotesPane::deleteSelected()
{
    const qint64 noteId = selectedNoteId();
    if (noteId <= 0)
        return;
    if (MessageBox::question(this, tr("Delete note"), tr("Delete this note? This cannot be undone."))
        != QMessageBox::Yes)
        return;
    Status s = m_store->removeNote(m_contactId, noteId);
    if (!s)
        Q_EMIT failed(s.error().toString());
    if (noteId == m_editingNoteId)
        cancelEdit();
}

} // namespace ContactDesk
