#include "TagManagerDialog.h"

#include "MessageBanner.h"
#include "MessageBox.h"
#include "UndoCommands.h"
#include "items/TagTableModel.h"
#include "store/ContactStore.h"

#include <QColorDialog>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QPointer>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TagManagerDialog", text);
}

// The undo stack's name for a change: "Delete tag "vip"", "Merge tag "vip" into "customer"".
QString describe(const TagCatalog::Change& change)
{
    switch (change.operation) {
    case TagCatalog::Operation::Create: return tr("Add tag \"%1\"").arg(change.tag.name);
    case TagCatalog::Operation::Rename: return tr("Rename tag \"%1\" to \"%2\"").arg(change.tag.name, change.newName);
    case TagCatalog::Operation::Merge: return tr("Merge tag \"%1\" into \"%2\"").arg(change.tag.name, change.newName);
    case TagCatalog::Operation::Color: return tr("Colour of tag \"%1\"").arg(change.tag.name);
    case TagCatalog::Operation::Remove: return tr("Delete tag \"%1\"").arg(change.tag.name);
    }
    return {};
}

void pushTagChange(ContactStore* store, QUndoStack* undo, const std::shared_ptr<TagCatalog::Change>& change)
{
    undo->push(changeCommand(storeRunner(store, TagCatalog::Steps), change, &TagCatalog::undo, &TagCatalog::redo,
                             describe(*change)));
}

} // namespace

TagManagerDialog::TagManagerDialog(ContactStore* store, QUndoStack* undo, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undo(undo)
    , m_model(new TagTableModel(store, this))
    , m_banner(new MessageBanner(this))
    , m_newTagEdit(new QLineEdit(this))
    , m_addButton(new QPushButton(tr("Add"), this))
    , m_table(new QTableView(this))
    , m_renameButton(new QPushButton(tr("Rename"), this))
    , m_colorButton(new QPushButton(tr("Colour…"), this))
    , m_deleteButton(new QPushButton(tr("Delete…"), this))
    , m_undoButton(stackButton(undo, true, this, QStringLiteral("tagUndoButton")))
    , m_redoButton(stackButton(undo, false, this, QStringLiteral("tagRedoButton")))
    , m_statusLabel(new QLabel(this))
{
    setWindowTitle(tr("Tags"));
    setObjectName(QStringLiteral("tagManagerDialog"));
    resize(520, 420);

    m_newTagEdit->setObjectName(QStringLiteral("newTagLineEdit"));
    m_newTagEdit->setPlaceholderText(tr("New tag"));
    m_addButton->setObjectName(QStringLiteral("addTagButton"));
    m_table->setObjectName(QStringLiteral("tagsTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TagTableModel::NameColumn, QHeaderView::Stretch);
    m_renameButton->setObjectName(QStringLiteral("renameTagButton"));
    m_colorButton->setObjectName(QStringLiteral("colorTagButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteTagButton"));
    m_statusLabel->setObjectName(QStringLiteral("tagStatusLabel"));

    auto* addRow = new QHBoxLayout;
    addRow->addWidget(m_newTagEdit, 1);
    addRow->addWidget(m_addButton);
    auto* side = new QVBoxLayout;
    side->addWidget(m_renameButton);
    side->addWidget(m_colorButton);
    side->addWidget(m_deleteButton);
    side->addStretch(1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(side);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(addRow);
    layout->addLayout(middle, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_undoButton);
    bottom->addWidget(m_redoButton);
    bottom->addWidget(m_statusLabel, 1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &TagManagerDialog::addTag);
    connect(m_newTagEdit, &QLineEdit::returnPressed, this, &TagManagerDialog::addTag);
    connect(m_newTagEdit, &QLineEdit::textChanged, this, &TagManagerDialog::updateState);
    connect(m_renameButton, &QPushButton::clicked, this, &TagManagerDialog::renameCurrent);
    connect(m_colorButton, &QPushButton::clicked, this, &TagManagerDialog::chooseColor);
    connect(m_deleteButton, &QPushButton::clicked, this, &TagManagerDialog::deleteCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TagManagerDialog::updateState);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_keepSelected)
            m_keepSelected = currentTagId();
    });
    connect(m_model, &TagTableModel::loaded, this, [this] {
        if (m_keepSelected)
            selectTag(m_keepSelected);
        m_keepSelected = 0;
        updateState();
    });
    connect(m_model, &TagTableModel::renameRequested, this, &TagManagerDialog::renameTag);
    connect(m_model, &TagTableModel::loadFailed, this,
            [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); });
    connect(m_store, &ContactStore::errorReported, this,
            [this](const QString& message) { m_banner->showMessage(message, MessageBanner::Kind::Error); });
    connect(m_store, &ContactStore::jobStarted, this, &TagManagerDialog::updateState);
    connect(m_store, &ContactStore::jobFinished, this, &TagManagerDialog::updateState);
    updateState();
}

TagManagerDialog::~TagManagerDialog() = default;

qint64 TagManagerDialog::currentTagId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(TagTableModel::TagIdRole).toLongLong();
}

void TagManagerDialog::selectTag(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, TagTableModel::NameColumn));
}

void TagManagerDialog::updateState()
{
    const bool busy = m_store->isJobRunning();
    const bool selected = currentTagId() != 0;
    m_addButton->setEnabled(!m_newTagEdit->text().trimmed().isEmpty());
    m_renameButton->setEnabled(selected && !busy);
    m_colorButton->setEnabled(selected);
    m_deleteButton->setEnabled(selected && !busy);
    if (busy)
        m_statusLabel->setText(tr("Updating contacts…"));
    else if (m_model->isLoading())
        m_statusLabel->setText(tr("Counting contacts…"));
    else
        m_statusLabel->setText(m_model->rowCount() == 1 ? tr("1 tag") : tr("%1 tags").arg(m_model->rowCount()));
}

void TagManagerDialog::addTag()
{
    const QString name = m_newTagEdit->text().simplified();
    if (name.isEmpty())
        return;
    auto change = m_store->createTag(name);
    if (!change) {
        m_banner->showMessage(change.error().toString(), MessageBanner::Kind::Error);
        return;
    }
    m_banner->hide();
    m_newTagEdit->clear();
    m_keepSelected = change->tag.id;
    pushChange(*change);
}

void TagManagerDialog::renameCurrent()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(TagTableModel::NameColumn);
    if (rows.isEmpty())
        return;
    m_table->setCurrentIndex(rows.first());
    m_table->edit(rows.first());
}

void TagManagerDialog::chooseColor()
{
    const qint64 id = currentTagId();
    if (!id)
        return;
    const TagInfo tag = m_model->tagAt(m_model->rowOf(id));
    const QColor initial = tag.color.isEmpty() ? QColor(Qt::gray) : QColor(tag.color);
    // Qt's own dialog, so it looks and behaves the same everywhere (and tests can drive it).
    const QColor color = QColorDialog::getColor(initial, this, tr("Colour of \"%1\"").arg(tag.name),
                                                QColorDialog::DontUseNativeDialog);
    if (!color.isValid())
        return;
    if (color.name() == tag.color)
        return;
    auto change = m_store->setTagColor(id, color.name());
    if (!change) {
        m_banner->showMessage(change.error().toString(), MessageBanner::Kind::Error);
        return;
    }
    m_keepSelected = id;
    pushChange(*change);
}

void TagManagerDialog::deleteCurrent()
{
    const qint64 id = currentTagId();
    if (!id)
        return;
    const TagInfo tag = m_model->tagAt(m_model->rowOf(id));
    const QString text =
        tag.contactCount == 0
            ? tr("Delete the tag \"%1\"? No contact carries it.").arg(tag.name)
            : tr("Remove the tag \"%1\" from %2 and delete it? Ctrl+Z takes it back.")
                  .arg(tag.name,
                       tag.contactCount == 1 ? tr("1 contact") : tr("%1 contacts").arg(QLocale().toString(tag.contactCount)));
    if (MessageBox::question(this, tr("Delete tag"), text) != QMessageBox::Yes)
        return;
    runChange(tr("Deleting tag"),
              [id](const QSqlDatabase& db, const TagCatalog::Progress& progress) { return TagCatalog::remove(db, id, progress); });
}

void TagManagerDialog::renameTag(qint64 id, const QString& newName)
{
    m_keepSelected = id;
    runChange(tr("Renaming tag"), [id, newName](const QSqlDatabase& db, const TagCatalog::Progress& progress) {
        return TagCatalog::rename(db, id, newName, progress);
    });
}

void TagManagerDialog::runChange(
    const QString& label,
    const std::function<Result<TagCatalog::Change>(const QSqlDatabase&, const TagCatalog::Progress&)>& apply)
{
    auto change = std::make_shared<TagCatalog::Change>();
    // The dialog may be closed before the job lands; the change still goes on the stack.
    QPointer<TagManagerDialog> self(this);
    m_store->runJob(label, TagCatalog::Steps, recordingJob(change, apply),
                    [self, store = m_store, undo = QPointer<QUndoStack>(m_undo), change](bool ok) {
                        if (!ok)
                            return;
                        if (!self) {
                            if (undo)
                                pushTagChange(store, undo, change);
                            return;
                        }
                        if (change->operation != TagCatalog::Operation::Remove)
                            self->m_keepSelected = change->resultTagId();
                        self->pushChange(*change);
                    });
}

void TagManagerDialog::pushChange(const TagCatalog::Change& change)
{
    if (change.operation == TagCatalog::Operation::Rename && change.newName == change.tag.name)
        return; // nothing changed
    const QString text = describe(change);
    const QString contacts = change.contacts == 1 ? tr("1 contact") : tr("%1 contacts").arg(QLocale().toString(change.contacts));
    m_banner->showMessage(change.contacts > 0 ? tr("%1 (%2). Undo with Ctrl+Z.").arg(text, contacts)
                                              : tr("%1. Undo with Ctrl+Z.").arg(text),
                          MessageBanner::Kind::Information);
    pushTagChange(m_store, m_undo, std::make_shared<TagCatalog::Change>(change));
}

} // namespace ContactDesk
