#pragma once
// What a finished import did: added, updated, skipped and failed, with every problem row and its
// reason, "Save problem rows…" to write them as CSV, and "Show imported contacts".

#include "io/ImportJob.h"

#include <QDialog>

namespace ContactDesk {

class ImportSummaryDialog : public QDialog
{
    Q_OBJECT

public:
    ImportSummaryDialog(const ImportSummary& summary, const QString& fileName, QWidget* parent = nullptr);

Q_SIGNALS:
    void showContactsRequested(qint64 runId);

private:
    void saveProblems();
    ImportSummary m_summary;
};

} // namespace ContactDesk
