#pragma once
// The tag manager, opened from the main window's "Tags…": every tag with its colour and number
// of contacts; add a tag nobody carries yet, rename (in place by editing the name, or with
// Rename; a name another tag has merges the two), pick a colour, delete a tag from every contact
// after a confirmation. Rename and delete run as store jobs; the table follows tagsChanged.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace ContactDesk {

class ContactStore;
class MessageBanner;
class TagTableModel;

class TagManagerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TagManagerDialog(ContactStore* store, QWidget* parent = nullptr);
    ~TagManagerDialog() override;

    TagTableModel* model() const { return m_model; }
    // The tag selected in the table, or 0.
    qint64 currentTagId() const;
    void selectTag(qint64 id);

private:
    void addTag();
    void renameCurrent();
    void chooseColor();
    void deleteCurrent();
    void updateState();

    ContactStore* m_store;
    TagTableModel* m_model;
    MessageBanner* m_banner;
    QLineEdit* m_newTagEdit;
    QPushButton* m_addButton;
    QTableView* m_table;
    QPushButton* m_renameButton;
    QPushButton* m_colorButton;
    QPushButton* m_deleteButton;
    QLabel* m_statusLabel;
    qint64 m_keepSelected = 0; // re-selected after the table reloads
};

} // namespace ContactDesk
