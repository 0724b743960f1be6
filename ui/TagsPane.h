#pragma once
// The tags of the contact on the profile: chips to remove, and a line edit that completes from
// every existing tag to add one (Enter or the Add button).

#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;
class QLabel;

namespace ContactDesk {

class ContactStore;
class TagListModel;

class TagsPane : public QWidget
{
    Q_OBJECT

public:
    TagsPane(ContactStore* store, TagListModel* allTags, QWidget* parent = nullptr);

    void setContact(qint64 contactId, const QStringList& tags);
    QStringList tags() const;

Q_SIGNALS:
    void failed(const QString& message);

private:
    void addTag();
    void removeSelected();

    ContactStore* m_store;
    qint64 m_contactId = 0;
    QListWidget* m_list;
    QLineEdit* m_edit;
    QPushButton* m_addButton;
    QPushButton* m_removeButton;
};

} // namespace ContactDesk
