#pragma once
// The pages of ImportWizard, one class per step.

#include "io/ImportJob.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableWidget;

namespace ContactDesk {

class ImportWizard;

class ImportFilePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard* wizard);
    bool isComplete() const override;
    bool validatePage() override;

private:
    ImportWizard* m_wizard;
    QLineEdit* m_path;
    QLabel* m_error;
};

class ImportPreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportPreviewPage(ImportWizard* wizard);
    void initializePage() override;

private:
    void reload(const Status& status);
    ImportWizard* m_wizard;
    QComboBox* m_encoding;
    QComboBox* m_delimiter;
    QLabel* m_detected;
    QTableWidget* m_table;
};

class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    ColumnMapping currentMapping() const;
    ImportWizard* m_wizard;
    QTableWidget* m_table;
    QLabel* m_hint;
};

class ImportOptionsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportOptionsPage(ImportWizard* wizard);
    bool validatePage() override;

private:
    ImportWizard* m_wizard;
    QButtonGroup* m_policy;
    QLineEdit* m_tags;
    QLineEdit* m_owner;
};

class ImportDryRunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportDryRunPage(ImportWizard* wizard);
    ~ImportDryRunPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void finished();
    ImportWizard* m_wizard;
    QFutureWatcher<ImportSummary> m_watcher;
    bool m_done = false;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QTableWidget* m_problems;
    QLabel* m_duplicatesLabel;
    QTableWidget* m_duplicates;
};

} // namespace ContactDesk
