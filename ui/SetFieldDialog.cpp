#include "SetFieldDialog.h"

#include "store/BulkEdit.h"
#include "store/ContactStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ContactDesk {

SetFieldDialog::SetFieldDialog(ContactStore* store, ContactField initial, const QString& what, QWidget* parent)
    : QDialog(parent)
    , m_field(new QComboBox(this))
    , m_newKey(new QLineEdit(this))
    , m_value(new QComboBox(this))
    , m_form(new QFormLayout)
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("setFieldDialog"));
    setWindowTitle(tr("Set a field"));
    m_field->setObjectName(QStringLiteral("fieldComboBox"));
    m_value->setObjectName(QStringLiteral("valueComboBox"));
    m_newKey->setObjectName(QStringLiteral("newFieldLineEdit"));
    m_newKey->setPlaceholderText(tr("booth, region_code…"));
    m_hint->setObjectName(QStringLiteral("setFieldHintLabel"));
    m_hint->setWordWrap(true);
    for (ContactField f : BulkEdit::settableFields())
        m_field->addItem(Fields::label(f), QStringLiteral("std:%1").arg(int(f)));
    if (auto custom = store->repository().customFieldLabels(); custom && !custom->isEmpty()) {
        m_field->insertSeparator(m_field->count());
        for (auto it = custom->cbegin(); it != custom->cend(); ++it)
            m_field->addItem(it.value(), QStringLiteral("custom:") + it.key());
    }
    m_field->addItem(tr("New custom field…"), QStringLiteral("new"));
    m_field->setCurrentIndex(std::max(0, m_field->findData(QStringLiteral("std:%1").arg(int(initial)))));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("setFieldOkButton"));
    m_form->addRow(tr("Field"), m_field);
    m_form->addRow(tr("Name"), m_newKey);
    m_form->addRow(tr("Value"), m_value);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Set a field on %1. Ctrl+Z takes it back.").arg(what), this));
    layout->addLayout(m_form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_field, &QComboBox::currentIndexChanged, this, &SetFieldDialog::fieldChanged);
    fieldChanged();
    resize(380, sizeHint().height());
}

void SetFieldDialog::fieldChanged()
{
    const QString key = m_field->currentData().toString();
    m_value->clear();
    QStringList allowed;
    if (key == QStringLiteral("std:%1").arg(int(ContactField::ContactStatus)))
        allowed = Fields::statuses();
    else if (key == QStringLiteral("std:%1").arg(int(ContactField::Type)))
        allowed = Fields::types();
    m_value->setEditable(allowed.isEmpty());
    m_value->addItems(allowed);
    m_form->setRowVisible(m_newKey, key == QLatin1String("new"));
    if (key == QLatin1String("new"))
        m_hint->setText(tr("A new text field, as the profile makes one."));
    else if (key.startsWith(QLatin1String("custom:")))
        m_hint->setText(tr("Leave the value empty to remove the field from these contacts."));
    else
        m_hint->setText(allowed.isEmpty() ? tr("An empty value clears the field.") : QString());
}

SetFieldDialog::Choice SetFieldDialog::choice() const
{
    Choice c;
    const QString key = m_field->currentData().toString();
    c.value = m_value->currentText().trimmed();
    c.label = m_field->currentText();
    if (key.startsWith(QLatin1String("std:"))) {
        c.field = ContactField(key.mid(4).toInt());
    } else if (key.startsWith(QLatin1String("custom:"))) {
        c.custom = true;
        c.customKey = key.mid(7);
    } else {
        c.custom = true;
        c.customKey = m_newKey->text().trimmed();
        c.label = c.customKey;
    }
    return c;
}

std::optional<SetFieldDialog::Choice> SetFieldDialog::ask(QWidget* parent, ContactStore* store, ContactField initial,
                                                          const QString& what)
{
    SetFieldDialog dialog(store, initial, what, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    Choice c = dialog.choice();
    if (c.custom && c.customKey.isEmpty())
        return std::nullopt;
    return c;
}

} // namespace ContactDesk
