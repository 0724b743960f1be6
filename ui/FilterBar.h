#pragma once
// The list's filters as widgets: a sidebar (source or import run, status, type, owner, tags
// all-of / any-of / none-of, created and updated ranges, static list, custom field = value, Clear filters) and a
// first-letter strip the window puts above the list. It edits one ContactFilter and announces it;
// MainWindow hands it to ContactListModel. No SQL here.

#include "store/ContactFilter.h"

#include <QTimer>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace ContactDesk {

class ContactStore;

class FilterBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int TypingDelayMs = 200;

    explicit FilterBar(ContactStore* store, QWidget* parent = nullptr);

    ContactFilter filter() const;
    QWidget* letterStrip() const { return m_letters; }
    // Re-reads the choices that live in the store (import runs, custom fields).
    void reloadChoices();
    // Shows only the contacts one import created or updated (0: any source again).
    void setImportRun(qint64 runId);
    // Puts the widgets to `filter` (a smart list's, or a static list's members) and announces it.
    // Criteria the sidebar has no widget for (touch ranges) are kept and combined as they are.
    void setFilter(const ContactFilter& filter);

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    void filterChanged(const ContactFilter& filter);

private:
    QDateEdit* dateEdit(const char* name);
    void changed();
    void emitNow();

    ContactStore* m_store;
    QComboBox* m_source;
    QComboBox* m_status;
    QComboBox* m_type;
    QLineEdit* m_owner;
    QLineEdit* m_allTags;
    QLineEdit* m_anyTags;
    QLineEdit* m_noneTags;
    QDateEdit* m_createdFrom;
    QDateEdit* m_createdTo;
    QDateEdit* m_updatedFrom;
    QDateEdit* m_updatedTo;
    QComboBox* m_list;
    QComboBox* m_field;
    QLineEdit* m_fieldValue;
    QPushButton* m_clear;
    QWidget* m_letters;
    QButtonGroup* m_letterGroup;
    QTimer m_timer;
    ContactFilter m_last;
    ContactFilter m_hidden; // lastTouch / nextTouch of a filter set by setFilter
    bool m_quiet = false;
};

} // namespace ContactDesk
