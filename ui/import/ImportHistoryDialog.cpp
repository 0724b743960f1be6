#include "ImportHistoryDialog.h"

#include "MessageBox.h"
#include "io/ImportJob.h"
#include "store/ContactStore.h"
#include "store/Database.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk {

ImportHistoryDialog::ImportHistoryDialog(ContactStore* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import history"));
    resize(820, 420);
    m_table->setObjectName(QStringLiteral("importHistoryTableWidget"));
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("File"), tr("When"), tr("Added"), tr("Updated"), tr("Skipped"), tr("Failed"), tr("State")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* show = buttons->addButton(tr("Show contacts"), QDialogButtonBox::ActionRole);
    show->setObjectName(QStringLiteral("showRunContactsButton"));
    auto* revert = buttons->addButton(tr("Revert import…"), QDialogButtonBox::ActionRole);
    revert->setObjectName(QStringLiteral("revertImportButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(show, &QPushButton::clicked, this, [this] {
        if (selectedRun() > 0) {
            Q_EMIT showContactsRequested(selectedRun());
            accept();
        }
    });
    connect(revert, &QPushButton::clicked, this, &ImportHistoryDialog::revertSelected);
    reload();
}

void ImportHistoryDialog::reload()
{
    auto runs = ImportJob::history(m_store->database().connection());
    const QList<ImportRun> list = runs ? *runs : QList<ImportRun>{};
    m_table->setRowCount(int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const ImportRun& r = list[i];
        auto* id = new QTableWidgetItem(QString::number(r.id));
        id->setData(Qt::UserRole, r.id);
        m_table->setItem(i, 0, id);
        m_table->setItem(i, 1, new QTableWidgetItem(r.fileName));
        m_table->setItem(i, 2, new QTableWidgetItem(QLocale().toString(
                                   QDateTime::fromMSecsSinceEpoch(r.startedAt).toLocalTime(), QLocale::ShortFormat)));
        m_table->setItem(i, 3, new QTableWidgetItem(QString::number(r.added)));
        m_table->setItem(i, 4, new QTableWidgetItem(QString::number(r.updated)));
        m_table->setItem(i, 5, new QTableWidgetItem(QString::number(r.skipped)));
        m_table->setItem(i, 6, new QTableWidgetItem(QString::number(r.failed)));
        m_table->setItem(i, 7, new QTableWidgetItem(r.revertedAt ? tr("reverted") : tr("finished")));
    }
    if (!list.isEmpty())
        m_table->selectRow(0);
}

qint64 ImportHistoryDialog::selectedRun() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->data(Qt::UserRole).toLongLong() : 0;
}

void ImportHistoryDialog::revertSelected()
{
    const qint64 run = selectedRun();
    if (run <= 0)
        return;
    if (MessageBox::question(this, tr("Revert import"),
                             tr("Take import #%1 back? Contacts it added are deleted and contacts it updated get "
                                "their previous values back.")
                                 .arg(run))
        != QMessageBox::Yes)
        return;
    // A run can hold many thousands of contacts: revert on a worker connection, keep the window live.
    const QString path = m_store->database().path();
    setEnabled(false);
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        const Status s = watcher->result();
        watcher->deleteLater();
        setEnabled(true);
        if (!s)
            MessageBox::critical(this, tr("Revert import"), s.error().toString());
        m_store->notifyExternalChange();
        reload();
    });
    watcher->setFuture(QtConcurrent::run([path, run]() -> Status {
        ScopedConnection connection(path, QStringLiteral("revert"));
        if (!connection.status())
            return connection.status();
        return ImportJob::revert(connection.database(), run);
    }));
}

} // namespace ContactDesk
