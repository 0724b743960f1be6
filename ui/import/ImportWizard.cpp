#include "ImportWizard.h"

#include "ImportWizardPages.h"

namespace ContactDesk {

ImportWizard::ImportWizard(const QString& databasePath, const QString& region, QWidget* parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import contacts from CSV"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    resize(820, 560);
    m_request.databasePath = databasePath;
    m_request.region = region;
    setPage(FilePageId, new ImportFilePage(this));
    setPage(PreviewPageId, new ImportPreviewPage(this));
    setPage(MappingPageId, new ImportMappingPage(this));
    setPage(OptionsPageId, new ImportOptionsPage(this));
    setPage(DryRunPageId, new ImportDryRunPage(this));
    setButtonText(QWizard::FinishButton, tr("Import"));
}

ImportWizard::~ImportWizard() = default;

Status ImportWizard::refreshPreview()
{
    auto preview = ImportJob::preview(m_request.filePath, m_request.csv, 20);
    if (!preview)
        return preview.error();
    m_preview = *preview;
    return {};
}

} // namespace ContactDesk
