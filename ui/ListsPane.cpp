#include "ListsPane.h"

#include "MessageBox.h"
#include "items/SavedListModel.h"
#include "store/ContactStore.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace ContactDesk {

namespace {

// Group rows ("Smart lists", "Lists") read as headings.
class GroupDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(SavedListModel::IsGroupRole).toBool()) {
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

} // namespace

ListsPane::ListsPane(ContactStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new SavedListModel(store, this))
    , m_view(new QTreeView(this))
    , m_save(new QPushButton(tr("Save as smart list…"), this))
    , m_rename(new QAction(tr("Rename…"), this))
    , m_delete(new QAction(tr("Delete…"), this))
{
    setObjectName(QStringLiteral("listsPane"));
    m_view->setObjectName(QStringLiteral("savedListsView"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setIndentation(12);
    m_view->setItemDelegate(new GroupDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setMinimumHeight(120);
    m_view->expandAll();
    m_save->setObjectName(QStringLiteral("saveSmartListButton"));
    m_save->setToolTip(tr("Save the current search and filters as a list that updates itself"));
    m_rename->setObjectName(QStringLiteral("renameListAction"));
    m_rename->setShortcut(Qt::Key_F2);
    m_rename->setShortcutContext(Qt::WidgetShortcut);
    m_delete->setObjectName(QStringLiteral("deleteListAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_rename);
    m_view->addAction(m_delete);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(new QLabel(tr("<b>Lists</b>"), this));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_save);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        updateActions();
    });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (const SavedList* l = m_model->list(index))
            Q_EMIT listChosen(*l);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListsPane::updateActions);
    connect(m_save, &QPushButton::clicked, this, &ListsPane::saveSmartListRequested);
    connect(m_rename, &QAction::triggered, this, &ListsPane::renameCurrent);
    connect(m_delete, &QAction::triggered, this, &ListsPane::deleteCurrent);
    updateActions();
}

qint64 ListsPane::currentListId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SavedListModel::ListIdRole).toLongLong();
}

void ListsPane::select(qint64 id)
{
    const QModelIndex index = id > 0 ? m_model->indexOf(id) : QModelIndex();
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    else
        m_view->selectionModel()->clearSelection();
}

void ListsPane::showMatching(const ContactFilter& filter, const QString& searchText)
{
    // The rep's current list stays marked while it still shows the same thing.
    const QString search = searchText.trimmed();
    auto shows = [&](const SavedList& l) { return l.shownFilter() == filter && l.shownSearch() == search; };
    if (const SavedList* current = m_model->list(m_model->indexOf(currentListId())); current && shows(*current))
        return;
    for (int g = 0; g < 2; ++g) {
        const QModelIndex group = m_model->groupIndex(SavedListModel::Group(g));
        for (int r = 0; r < m_model->rowCount(group); ++r)
            if (const SavedList* l = m_model->list(m_model->index(r, 0, group)); l && shows(*l)) {
                select(l->id);
                return;
            }
    }
    select(0);
}

void ListsPane::renameCurrent()
{
    const SavedList* l = m_model->list(m_model->indexOf(currentListId()));
    if (!l)
        return;
    const qint64 id = l->id;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename list"), tr("New name for \"%1\":").arg(l->name),
                                               QLineEdit::Normal, l->name, &ok);
    if (!ok || name.simplified() == l->name)
        return;
    if (Status s = m_store->renameList(id, name); !s)
        m_store->reportError(s.error().toString());
    select(id);
}

void ListsPane::deleteCurrent()
{
    const SavedList* l = m_model->list(m_model->indexOf(currentListId()));
    if (!l)
        return;
    const QString question = l->isSmart()
                                 ? tr("Delete the smart list \"%1\"? Its contacts are not touched.").arg(l->name)
                                 : tr("Delete the list \"%1\"? Its contacts stay; only the list goes.").arg(l->name);
    if (MessageBox::question(this, tr("Delete list"), question) != QMessageBox::Yes)
        return;
    m_store->removeList(l->id);
}

void ListsPane::updateActions()
{
    const bool selected = currentListId() > 0;
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}

} // namespace ContactDesk
