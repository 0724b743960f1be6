#include "TagsPane.h"

#include "items/TagListModel.h"
#include "store/ContactStore.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace ContactDesk {

TagsPane::TagsPane(ContactStore* store, TagListModel* allTags, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_edit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("Add tag"), this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("tagsPane"));
    m_list->setObjectName(QStringLiteral("tagListWidget"));
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(3);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumHeight(64);
    m_list->setStyleSheet(QStringLiteral(
        "QListWidget { border:none; background:transparent; }"
        "QListWidget::item { background:#e3ecf7; color:#1d3f66; border-radius:9px; padding:2px 8px; }"
        "QListWidget::item:selected { background:#2f6db5; color:white; }"));
    m_edit->setObjectName(QStringLiteral("tagLineEdit"));
    m_edit->setPlaceholderText(tr("Add a tag…"));
    auto* completer = new QCompleter(allTags, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_edit->setCompleter(completer);
    m_addButton->setObjectName(QStringLiteral("addTagButton"));
    m_removeButton->setObjectName(QStringLiteral("removeTagButton"));
    m_removeButton->setToolTip(tr("Remove the selected tags from this contact (Delete)"));
    m_removeButton->setEnabled(false);

    auto* row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(m_addButton);
    row->addWidget(m_removeButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(row);

    connect(m_edit, &QLineEdit::returnPressed, this, &TagsPane::addTag);
    connect(m_addButton, &QPushButton::clicked, this, &TagsPane::addTag);
    connect(m_removeButton, &QPushButton::clicked, this, &TagsPane::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_list->selectedItems().isEmpty()); });
    auto* del = new QShortcut(QKeySequence::Delete, m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &TagsPane::removeSelected);
}

void TagsPane::setContact(qint64 contactId, const QStringList& tags)
{
    m_contactId = contactId;
    m_list->clear();
    m_list->addItems(tags);
    m_edit->clear();
    setEnabled(contactId > 0);
}

QStringList TagsPane::tags() const
{
    QStringList list;
    for (int i = 0; i < m_list->count(); ++i)
        list.append(m_list->item(i)->text());
    return list;
}

void TagsPane::addTag()
{
    const QString tag = m_edit->text().simplified();
    if (tag.isEmpty() || m_contactId <= 0)
        return;
    // A comma-separated entry adds several tags, as in the CSV import's tags cell.
    QStringList names;
    for (const QString& part : tag.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.simplified().isEmpty())
            names.append(part.simplified());
    Status s = m_store->addTags({m_contactId}, names);
    if (!s) {
        Q_EMIT failed(s.error().toString());
        return;
    }
    m_edit->clear();
    auto contact = m_store->repository().load(m_contactId);
    if (contact)
        setContact(m_contactId, contact->tags);
}

void TagsPane::removeSelected()
{
    QStringList names;
    for (const auto* item : m_list->selectedItems())
        names.append(item->text());
    if (names.isEmpty() || m_contactId <= 0)
        return;
    Status s = m_store->removeTags({m_contactId}, names);
    if (!s) {
        Q_EMIT failed(s.error().toString());
        return;
    }
    for (const QString& name : names)
        for (auto* item : m_list->findItems(name, Qt::MatchExactly))
            delete item;
}

} // namespace ContactDesk
