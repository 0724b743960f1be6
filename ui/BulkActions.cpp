#include "BulkActions.h"

#include "FileDialog.h"
#include "MainWindow.h"
#include "ProfilePane.h"
#include "SetFieldDialog.h"
#include "UndoCommands.h"
#include "io/ExportJob.h"
#include "items/ContactListModel.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/SavedLists.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

namespace {

QString contacts(qsizetype n)
{
    return BulkActions::tr("%n contact(s)", nullptr, int(n));
}

QList<SavedList> staticLists(ContactStore* store)
{
    QList<SavedList> out;
    auto all = SavedLists::all(store->database().connection());
    if (!all) {
        store->reportError(all.error().toString());
        return out;
    }
    for (const SavedList& l : *all)
        if (!l.isSmart())
            out.append(l);
    return out;
}

} // namespace

BulkActions::BulkActions(MainWindow* window, ContactStore* store, QUndoStack* undo)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_undo(undo)
    , m_menu(new QMenu(window))
    , m_button(new QToolButton(window))
{
    m_menu->setObjectName(QStringLiteral("bulkActionsMenu"));
    auto add = [this](const char* name, const QString& text, void (BulkActions::*slot)(), const QString& tip) {
        QAction* a = m_menu->addAction(text, this, slot);
        a->setObjectName(QString::fromLatin1(name));
        a->setToolTip(tip);
        m_actions.append(a);
        return a;
    };
    add("addToListAction", tr("Add to list…"), &BulkActions::addToList,
        tr("Add the selected contacts to a list (a new name makes the list)"));
    add("removeFromListAction", tr("Remove from list…"), &BulkActions::removeFromList,
        tr("Take the selected contacts out of a list"));
    m_menu->addSeparator();
    add("setOwnerAction", tr("Set owner…"), &BulkActions::setOwner, tr("Give the selected contacts an owner"));
    add("setStatusAction", tr("Set status…"), &BulkActions::setStatus, tr("Set the status of the selected contacts"));
    add("setFieldAction", tr("Set a field…"), &BulkActions::setField,
        tr("Set company, job title, type, an address part or a custom field"));
    m_menu->addSeparator();
    add("exportSelectionAction", tr("Export selection…"), &BulkActions::exportSelection,
        tr("Write the selected contacts as CSV"));
    add("trashSelectionAction", tr("Delete to Trash"), &BulkActions::moveToTrash,
        tr("Move the selected contacts to the Trash (Ctrl+Z brings them back)"));

    m_button->setObjectName(QStringLiteral("bulkActionsButton"));
    m_button->setText(tr("Actions"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setMenu(m_menu);
    m_button->setToolTip(tr("Act on the selected contacts, or on every matching contact after Select all matching"));

    connect(&m_export, &QFutureWatcher<QString>::finished, this, [this] {
        m_window->clearBackgroundProgress();
        const QString message = m_export.result();
        if (message.startsWith(QLatin1Char('!')))
            m_window->showError(message.mid(1));
        else
            m_window->statusBar()->showMessage(message, 8000);
    });
}

BulkActions::~BulkActions()
{
    m_export.waitForFinished();
}

void BulkActions::update(bool enabled)
{
    m_button->setEnabled(enabled);
    for (QAction* a : std::as_const(m_actions))
        a->setEnabled(enabled);
}

std::optional<BulkEdit::Target> BulkActions::target() const
{
    return m_window->selectionTarget();
}

QString BulkActions::whom() const
{
    if (m_window->isAllMatchingSelected())
        return tr("all %1 matching contacts").arg(QLocale().toString(m_window->listModel()->rowCount()));
    return contacts(m_window->tableView()->selectionModel()->selectedRows().size());
}

void BulkActions::run(const QString& text,
                      const std::function<Result<BulkEdit::Change>(const QSqlDatabase&, const BulkEdit::Progress&)>& apply,
                      const std::function<QString(const BulkEdit::Change&)>& message)
{
    m_window->profilePane()->flush();
    auto change = std::make_shared<BulkEdit::Change>();
    m_store->runJob(text, BulkEdit::Steps, recordingJob(change, apply),
                    [this, change, text, message](bool ok) {
                        if (!ok)
                            return;
                        m_window->statusBar()->showMessage(message(*change) + tr(" Undo with Ctrl+Z."), 8000);
                        if (change->ids.isEmpty() && !change->createdList && !change->createdField)
                            return;
                        m_undo->push(changeCommand(storeRunner(m_store, BulkEdit::Steps), change, &BulkEdit::undo,
                                                   &BulkEdit::redo, text));
                    });
}

void BulkActions::addToList()
{
    if (!target())
        return;
    QStringList names;
    for (const SavedList& l : staticLists(m_store))
        names.append(l.name);
    bool ok = false;
    const QString name = QInputDialog::getItem(m_window, tr("Add to list"),
                                               tr("Add %1 to the list (type a new name to make one):").arg(whom()),
                                               names, -1, true, &ok);
    if (ok && !name.simplified().isEmpty())
        addToListNamed(name);
}

void BulkActions::addToListNamed(const QString& listName)
{
    const auto t = target();
    if (!t)
        return;
    const QString name = listName.simplified();
    run(tr("Add to list \"%1\"").arg(name),
        [t, name](const QSqlDatabase& db, const BulkEdit::Progress& p) { return BulkEdit::addToList(db, name, *t, p); },
        [](const BulkEdit::Change& c) { return tr("Added %1 to \"%2\".").arg(contacts(c.ids.size()), c.listName); });
}

void BulkActions::removeFromList()
{
    if (!target())
        return;
    const auto lists = staticLists(m_store);
    QStringList names;
    QList<qint64> ids;
    int current = -1;
    const qint64 shown = m_window->listModel()->query().filter.listId;
    for (const SavedList& l : lists) {
        if (l.id == shown)
            current = int(names.size());
        names.append(l.name);
        ids.append(l.id);
    }
    if (names.isEmpty()) {
        m_window->showError(tr("There is no list yet: add contacts to one with Add to list…"));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(m_window, tr("Remove from list"),
                                               tr("Take %1 out of the list:").arg(whom()), names,
                                               std::max(current, 0), false, &ok);
    if (ok && names.contains(name))
        removeFromListId(ids.at(names.indexOf(name)));
}

void BulkActions::removeFromListId(qint64 listId)
{
    const auto t = target();
    if (!t)
        return;
    run(tr("Remove from list"),
        [t, listId](const QSqlDatabase& db, const BulkEdit::Progress& p) {
            return BulkEdit::removeFromList(db, listId, *t, p);
        },
        [](const BulkEdit::Change& c) { return tr("Removed %1 from \"%2\".").arg(contacts(c.ids.size()), c.listName); });
}

void BulkActions::setOwner()
{
    fieldDialog(ContactField::Owner);
}

void BulkActions::setStatus()
{
    fieldDialog(ContactField::ContactStatus);
}

void BulkActions::setField()
{
    fieldDialog(ContactField::Company);
}

void BulkActions::fieldDialog(ContactField initial)
{
    if (!target())
        return;
    const auto choice = SetFieldDialog::ask(m_window, m_store, initial, whom());
    if (choice)
        setFieldTo(choice->custom, choice->field, choice->customKey, choice->value, choice->label);
}

void BulkActions::setFieldTo(bool custom, ContactField field, const QString& customKey, const QString& value,
                             const QString& label)
{
    const auto t = target();
    if (!t)
        return;
    const QString text = value.trimmed().isEmpty() ? tr("Clear %1").arg(label)
                                                    : tr("Set %1 to \"%2\"").arg(label, value.trimmed());
    run(text,
        [t, custom, field, customKey, value](const QSqlDatabase& db, const BulkEdit::Progress& p) {
            return custom ? BulkEdit::setCustomField(db, customKey, value, *t, p)
                          : BulkEdit::setField(db, field, value, *t, p);
        },
        [text](const BulkEdit::Change& c) { return tr("%1: %2 changed.").arg(text, contacts(c.ids.size())); });
}

void BulkActions::moveToTrash()
{
    const auto t = target();
    if (!t)
        return;
    run(tr("Delete %1").arg(whom()),
        [t](const QSqlDatabase& db, const BulkEdit::Progress& p) { return BulkEdit::moveToTrash(db, *t, p); },
        [](const BulkEdit::Change& c) { return tr("Moved %1 to the Trash.").arg(contacts(c.ids.size())); });
}

void BulkActions::exportSelection()
{
    const auto t = target();
    if (!t || m_export.isRunning())
        return;
    const QString path = FileDialog::saveFileName(m_window, tr("Export selection"), QStringLiteral("selection.csv"),
                                                  tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    ExportJob::Request request{path, t->query.searchText, {}, t->query.filter, t->useIds, t->ids};
    const QString db = m_store->database().path();
    m_window->setBackgroundProgress(tr("Exporting…"), 0, 0);
    m_export.setFuture(QtConcurrent::run([db, request]() -> QString {
        ScopedConnection connection(db, QStringLiteral("export-selection"));
        if (!connection.status())
            return QLatin1Char('!') + connection.status().error().toString();
        auto written = ExportJob::exportCsv(connection.database(), request);
        if (!written)
            return QLatin1Char('!') + written.error().toString();
        return tr("Exported %n contact(s) to %1.", nullptr, *written).arg(request.path);
    }));
}

} // namespace ContactDesk
