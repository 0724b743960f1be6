#pragma once
// An editable list of a contact's emails or phones: one row per value with its label, a primary
// choice and a remove button, plus "Add". Emits edited() on every user change; the profile pane
// saves and reports a broken rule back with setError(), keeping the typed text.

#include "domain/Contact.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ContactDesk {

class ContactPointsEditor : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Email, Phone };

    explicit ContactPointsEditor(Kind kind, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setEmails(const QList<EmailAddress>& emails);
    void setPhones(const QList<PhoneNumber>& phones);
    QList<EmailAddress> emails() const;
    QList<PhoneNumber> phones() const;
    bool hasValue() const;
    int rowCount() const { return int(m_rows.size()); }

    void setError(const QString& message);
    void clearError();
    QString error() const;

public Q_SLOTS:
    void addRow();

Q_SIGNALS:
    void edited();

private:
    struct Row
    {
        QWidget* container;
        QComboBox* label;
        QLineEdit* value;
        QRadioButton* primary;
    };

    void clearRows();
    void appendRow(const QString& value, const QString& label, bool primary);
    void removeRow(QWidget* container);
    QString prefix() const;

    Kind m_kind;
    QList<Row> m_rows;
    QVBoxLayout* m_rowsLayout;
    QButtonGroup* m_primaryGroup;
    QPushButton* m_addButton;
    QLabel* m_errorLabel;
};

} // namespace ContactDesk
