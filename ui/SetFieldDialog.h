#pragma once
// Asks which field to set on the selected contacts and to what: a standard single-valued field
// (owner, status, type, company, job title, address parts, time zone) or a custom field (a new key
// makes a text field, an empty value clears it). Status and type offer their allowed values only.

#include "domain/Contact.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace ContactDesk {

class ContactStore;

class SetFieldDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        bool custom = false;
        ContactField field = ContactField::Owner;
        QString customKey;
        QString value;
        QString label; // the field as the rep reads it
    };

    SetFieldDialog(ContactStore* store, ContactField initial, const QString& what, QWidget* parent = nullptr);
    Choice choice() const;

    // Runs the dialog; nothing when cancelled. `what` says whom it changes ("3 contacts").
    static std::optional<Choice> ask(QWidget* parent, ContactStore* store, ContactField initial, const QString& what);

private:
    void fieldChanged();

    QComboBox* m_field;
    QLineEdit* m_newKey;
    QComboBox* m_value;
    QFormLayout* m_form;
    QLabel* m_hint;
};

} // namespace ContactDesk
