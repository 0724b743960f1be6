#pragma once
// The notes on a contact: newest first with author and time; write one and Add, double-click
// (or Edit) to change it, Delete to remove it after a confirmation.

#include <QWidget>

class QListView;
class QPlainTextEdit;
class QPushButton;

namespace ContactDesk {

class ContactStore;
class NotesModel;

class NotesPane : public QWidget
{
    Q_OBJECT

public:
    NotesPane(ContactStore* store, QWidget* parent = nullptr);
    void setContact(qint64 contactId);
    NotesModel* model() const { return m_model; }

Q_SIGNALS:
    void failed(const QString& message);

private:
    void save();
    void editSelected();
    void deleteSelected();
    void cancelEdit();
    qint64 selectedNoteId() const;

    ContactStore* m_store;
    NotesModel* m_model;
    qint64 m_contactId = 0;
    qint64 m_editingNoteId = 0;
    QListView* m_view;
    QPlainTextEdit* m_edit;
    QPushButton* m_saveButton;
    QPushButton* m_editButton;
    QPushButton* m_deleteButton;
    QPushButton* m_cancelButton;
};

} // namespace ContactDesk
