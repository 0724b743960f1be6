#include "ImportSummaryDialog.h"

#include "FileDialog.h"
#include "MessageBox.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ContactDesk {

ImportSummaryDialog::ImportSummaryDialog(const ImportSummary& summary, const QString& fileName, QWidget* parent)
    : QDialog(parent)
    , m_summary(summary)
{
    setObjectName(QStringLiteral("importSummaryDialog"));
    setWindowTitle(tr("Import finished"));
    resize(760, 460);
    auto* title = new QLabel(this);
    title->setObjectName(QStringLiteral("importSummaryLabel"));
    title->setWordWrap(true);
    title->setText(summary.cancelled
                       ? tr("The import of %1 was cancelled. Nothing was changed.").arg(fileName)
                   : summary.error
                       ? tr("The import of %1 failed and changed nothing: %2").arg(fileName, summary.error->toString())
                       : tr("%1: %2 added, %3 updated, %4 skipped, %5 failed.")
                             .arg(fileName)
                             .arg(summary.added)
                             .arg(summary.updated)
                             .arg(summary.skipped)
                             .arg(summary.failed));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto* table = new QTableWidget(int(summary.problems.size()), 3, this);
    table->setObjectName(QStringLiteral("importProblemsTableWidget"));
    table->setHorizontalHeaderLabels({tr("Line"), tr("Result"), tr("Reason")});
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < summary.problems.size(); ++i) {
        const ImportProblem& p = summary.problems[i];
        table->setItem(i, 0, new QTableWidgetItem(QString::number(p.line)));
        table->setItem(i, 1, new QTableWidgetItem(p.failed ? tr("failed") : tr("skipped")));
        table->setItem(i, 2, new QTableWidgetItem(p.reason));
    }
    table->setVisible(!summary.problems.isEmpty());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* save = buttons->addButton(tr("Save problem rows…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveProblemsButton"));
    save->setEnabled(!summary.problems.isEmpty());
    auto* show = buttons->addButton(tr("Show imported contacts"), QDialogButtonBox::ActionRole);
    show->setObjectName(QStringLiteral("showImportedButton"));
    show->setEnabled(summary.runId > 0);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &ImportSummaryDialog::saveProblems);
    connect(show, &QPushButton::clicked, this, [this] {
        Q_EMIT showContactsRequested(m_summary.runId);
        accept();
    });
}

void ImportSummaryDialog::saveProblems()
{
    const QString path = FileDialog::saveFileName(this, tr("Save problem rows"), QStringLiteral("problem-rows.csv"),
                                                  tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    Status s = ImportJob::writeProblems(path, m_summary.header, m_summary.problems);
    if (!s)
        MessageBox::critical(this, tr("Save problem rows"), s.error().toString());
}

} // namespace ContactDesk
