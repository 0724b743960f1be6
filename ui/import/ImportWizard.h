#pragma once
// The CSV import wizard: choose a file -> preview with the detected encoding and delimiter ->
// confirm the column mapping -> options -> a dry run that shows what would be added, updated and
// skipped before anything is written. Accepting it hands back the ImportRequest; the main window
// runs it in the background. The wizard owns the shared plan; each page reads and writes it.

#include "io/ImportJob.h"

#include <QWizard>

namespace ContactDesk {

class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePageId, PreviewPageId, MappingPageId, OptionsPageId, DryRunPageId };

    ImportWizard(const QString& databasePath, const QString& region, QWidget* parent = nullptr);
    ~ImportWizard() override;

    ImportRequest& request() { return m_request; }
    const ImportJob::Preview& preview() const { return m_preview; }
    // Re-reads the preview with the current encoding and delimiter choices.
    Status refreshPreview();

private:
    ImportRequest m_request;
    ImportJob::Preview m_preview;
};

} // namespace ContactDesk
