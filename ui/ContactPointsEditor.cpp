#include "ContactPointsEditor.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ContactDesk {

ContactPointsEditor::ContactPointsEditor(Kind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_rowsLayout(new QVBoxLayout)
    , m_primaryGroup(new QButtonGroup(this))
    , m_addButton(new QPushButton(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(prefix() + QStringLiteral("ListEditor"));
    m_primaryGroup->setExclusive(true);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_addButton->setObjectName(QStringLiteral("add%1Button").arg(kind == Kind::Email ? QStringLiteral("Email")
                                                                                    : QStringLiteral("Phone")));
    m_addButton->setText(kind == Kind::Email ? tr("Add email") : tr("Add phone"));
    m_addButton->setFlat(true);
    m_addButton->setCursor(Qt::PointingHandCursor);
    m_errorLabel->setObjectName(prefix() + QStringLiteral("ErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color:#b3261e;"));
    m_errorLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_addButton, 0, Qt::AlignLeft);
    connect(m_addButton, &QPushButton::clicked, this, &ContactPointsEditor::addRow);
}

QString ContactPointsEditor::prefix() const
{
    return m_kind == Kind::Email ? QStringLiteral("email") : QStringLiteral("phone");
}

void ContactPointsEditor::clearRows()
{
    for (const Row& r : std::as_const(m_rows))
        delete r.container;
    m_rows.clear();
}

void ContactPointsEditor::appendRow(const QString& value, const QString& label, bool primary)
{
    const int index = int(m_rows.size());
    auto* container = new QWidget(this);
    auto* layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* labelBox = new QComboBox(container);
    labelBox->setObjectName(prefix() + QStringLiteral("LabelComboBox%1").arg(index));
    labelBox->addItems(m_kind == Kind::Email ? Fields::emailLabels() : Fields::phoneLabels());
    labelBox->setEditable(true);
    labelBox->setCurrentText(label.isEmpty() ? labelBox->itemText(0) : label);
    labelBox->setMaximumWidth(110);
    auto* edit = new QLineEdit(value, container);
    edit->setObjectName(prefix() + QStringLiteral("LineEdit%1").arg(index));
    edit->setPlaceholderText(m_kind == Kind::Email ? tr("name@example.com") : tr("+1 415 555 3695"));
    edit->setClearButtonEnabled(true);
    auto* primaryButton = new QRadioButton(tr("Primary"), container);
    primaryButton->setObjectName(prefix() + QStringLiteral("PrimaryRadioButton%1").arg(index));
    primaryButton->setChecked(primary || m_rows.isEmpty());
    m_primaryGroup->addButton(primaryButton);
    auto* remove = new QToolButton(container);
    remove->setObjectName(prefix() + QStringLiteral("RemoveButton%1").arg(index));
    remove->setText(QStringLiteral("✕"));
    remove->setAutoRaise(true);
    remove->setToolTip(m_kind == Kind::Email ? tr("Remove this email") : tr("Remove this phone"));
    layout->addWidget(labelBox);
    layout->addWidget(edit, 1);
    layout->addWidget(primaryButton);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(container);
    m_rows.append(Row{container, labelBox, edit, primaryButton});

    connect(edit, &QLineEdit::textEdited, this, &ContactPointsEditor::edited);
    connect(labelBox, &QComboBox::currentTextChanged, this, [this] { Q_EMIT edited(); });
    connect(primaryButton, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            Q_EMIT edited();
    });
    connect(remove, &QToolButton::clicked, this, [this, container] { removeRow(container); });
}

void ContactPointsEditor::removeRow(QWidget* container)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].container != container)
            continue;
        const bool wasPrimary = m_rows[i].primary->isChecked();
        m_rows.removeAt(i);
        container->deleteLater();
        if (wasPrimary && !m_rows.isEmpty())
            m_rows.first().primary->setChecked(true);
        Q_EMIT edited();
        return;
    }
}

void ContactPointsEditor::addRow()
{
    appendRow({}, {}, m_rows.isEmpty());
    m_rows.last().value->setFocus();
}

void ContactPointsEditor::setEmails(const QList<EmailAddress>& emails)
{
    clearRows();
    clearError();
    for (const auto& e : emails)
        appendRow(e.address, e.label, e.primary);
    if (m_rows.isEmpty())
        appendRow({}, {}, true);
}

void ContactPointsEditor::setPhones(const QList<PhoneNumber>& phones)
{
    clearRows();
    clearError();
    for (const auto& p : phones)
        appendRow(p.number, p.label, p.primary);
    if (m_rows.isEmpty())
        appendRow({}, {}, true);
}

QList<EmailAddress> ContactPointsEditor::emails() const
{
    QList<EmailAddress> list;
    for (const Row& r : m_rows)
        if (!r.value->text().trimmed().isEmpty())
            list.append(EmailAddress{0, r.value->text(), r.label->currentText(), r.primary->isChecked()});
    return list;
}

QList<PhoneNumber> ContactPointsEditor::phones() const
{
    QList<PhoneNumber> list;
    for (const Row& r : m_rows)
        if (!r.value->text().trimmed().isEmpty())
            list.append(PhoneNumber{0, r.value->text(), {}, r.label->currentText(), r.primary->isChecked()});
    return list;
}

bool ContactPointsEditor::hasValue() const
{
    for (const Row& r : m_rows)
        if (!r.value->text().trimmed().isEmpty())
            return true;
    return false;
}

void ContactPointsEditor::setError(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
    for (const Row& r : m_rows)
        r.value->setStyleSheet(QStringLiteral("border:1px solid #b3261e;"));
}

void ContactPointsEditor::clearError()
{
    m_errorLabel->clear();
    m_errorLabel->hide();
    for (const Row& r : m_rows)
        r.value->setStyleSheet({});
}

QString ContactPointsEditor::error() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

} // namespace ContactDesk
