#include "ImportWizardPages.h"

#include "FileDialog.h"
#include "ImportWizard.h"
#include "store/AppSettings.h"
#include "store/ContactRepository.h"
#include "store/Database.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

namespace {

QLabel* errorLabel(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color:#b3261e;"));
    label->hide();
    return label;
}

QString delimiterName(QChar d)
{
    if (d == QLatin1Char(','))
        return QObject::tr("comma");
    if (d == QLatin1Char(';'))
        return QObject::tr("semicolon");
    if (d == QLatin1Char('\t'))
        return QObject::tr("tab");
    if (d == QLatin1Char('|'))
        return QObject::tr("pipe");
    return QString(d);
}

QString targetLabel(const QString& name)
{
    if (name == QLatin1String("skip"))
        return QObject::tr("(skip this column)");
    if (name == QLatin1String("full_name"))
        return QObject::tr("Full name (split into first and last)");
    if (name == QLatin1String("email"))
        return QObject::tr("Email");
    if (name == QLatin1String("phone"))
        return QObject::tr("Phone");
    if (name == QLatin1String("email_label"))
        return QObject::tr("Email label");
    if (name == QLatin1String("phone_label"))
        return QObject::tr("Phone label");
    if (name == QLatin1String("tags"))
        return QObject::tr("Tags (comma-separated)");
    if (name == QLatin1String("notes"))
        return QObject::tr("Note");
    for (ContactField f : Fields::all())
        if (Fields::columnName(f) == name)
            return Fields::label(f);
    return name;
}

} // namespace

// --- File -----------------------------------------------------------------------------------

ImportFilePage::ImportFilePage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_path(new QLineEdit(this))
    , m_error(errorLabel(this, "fileErrorLabel"))
{
    setTitle(tr("Choose a CSV file"));
    setSubTitle(tr("A spreadsheet saved as CSV with a header row: Google Contacts, Outlook, LinkedIn "
                   "Connections or your own columns."));
    m_path->setObjectName(QStringLiteral("fileLineEdit"));
    m_path->setPlaceholderText(tr("/path/to/contacts.csv"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::openFileName(this, tr("Import contacts"), tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            m_path->setText(path);
    });
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_path->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    m_wizard->request().filePath = m_path->text().trimmed();
    m_wizard->request().csv = CsvOptions{};
    Status s = m_wizard->refreshPreview();
    m_error->setVisible(!s);
    if (!s)
        m_error->setText(s.error().toString());
    return s.ok();
}

// --- Preview --------------------------------------------------------------------------------

ImportPreviewPage::ImportPreviewPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setTitle(tr("Check the preview"));
    setSubTitle(tr("If accents look wrong or everything is in one column, change the encoding or the delimiter."));
    m_encoding->setObjectName(QStringLiteral("encodingComboBox"));
    m_encoding->addItem(tr("Detect"), QString());
    for (const char* e : {"UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252"})
        m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
    m_delimiter->setObjectName(QStringLiteral("delimiterComboBox"));
    m_delimiter->addItem(tr("Detect"), QString());
    for (QChar d : {QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char('|')})
        m_delimiter->addItem(delimiterName(d), QString(d));
    m_detected->setObjectName(QStringLiteral("detectedLabel"));
    m_table->setObjectName(QStringLiteral("previewTableWidget"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    auto* form = new QFormLayout;
    form->addRow(tr("Encoding"), m_encoding);
    form->addRow(tr("Delimiter"), m_delimiter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addWidget(m_table, 1);
    auto changed = [this] {
        ImportRequest& r = m_wizard->request();
        r.csv.encoding = m_encoding->currentData().toString();
        const QString d = m_delimiter->currentData().toString();
        r.csv.delimiter = d.isEmpty() ? QChar() : d.front();
        reload(m_wizard->refreshPreview());
    };
    connect(m_encoding, &QComboBox::activated, this, changed);
    connect(m_delimiter, &QComboBox::activated, this, changed);
}

void ImportPreviewPage::initializePage()
{
    reload({});
}

void ImportPreviewPage::reload(const Status& status)
{
    // A forced encoding or delimiter that does not fit says so instead of showing stale rows.
    m_detected->setStyleSheet(status ? QString() : QStringLiteral("color:#b3261e;"));
    if (!status) {
        m_detected->setText(status.error().toString());
        m_table->clear();
        m_table->setRowCount(0);
        m_table->setColumnCount(0);
        return;
    }
    const ImportJob::Preview& p = m_wizard->preview();
    m_detected->setText(tr("Reading %1 as %2, separated by %3; the header is on line %4.")
                            .arg(QFileInfo(m_wizard->request().filePath).fileName(), p.encoding,
                                 delimiterName(p.delimiter))
                            .arg(p.headerLine));
    m_table->clear();
    m_table->setColumnCount(int(p.header.size()));
    m_table->setHorizontalHeaderLabels(p.header);
    m_table->setRowCount(int(p.rows.size()));
    for (int r = 0; r < p.rows.size(); ++r)
        for (int c = 0; c < p.rows[r].size() && c < p.header.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(p.rows[r][c]));
}

// --- Mapping --------------------------------------------------------------------------------

ImportMappingPage::ImportMappingPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_table(new QTableWidget(this))
    , m_hint(errorLabel(this, "mappingHintLabel"))
{
    setTitle(tr("Match the columns"));
    setSubTitle(tr("ContactDesk suggests a field for each column. Unknown columns are skipped unless you pick a "
                   "field. At least one column must be an email or a phone."));
    m_table->setObjectName(QStringLiteral("mappingTableWidget"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("First value"), tr("Imports as")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
}

void ImportMappingPage::initializePage()
{
    const ImportJob::Preview& p = m_wizard->preview();
    // Custom fields defined before: their keys are offered and matched by column name.
    QMap<QString, QString> customLabels;
    {
        ScopedConnection connection(m_wizard->request().databasePath, QStringLiteral("wizard"));
        if (connection.status()) {
            ContactRepository repo(connection.database(), PhoneNormalizer(m_wizard->request().region));
            if (auto labels = repo.customFieldLabels())
                customLabels = *labels;
        }
    }
    ColumnMapping mapping = ColumnMapping::suggest(p.header);
    mapping.useCustomFields(p.header, customLabels.keys());
    const QJsonObject saved = AppSettings::savedMapping(p.header);
    if (!saved.isEmpty())
        if (auto m = ColumnMapping::fromJson(saved, p.header))
            mapping = *m;
    m_table->setRowCount(int(p.header.size()));
    const QStringList names = ColumnTarget::allNames();
    for (int i = 0; i < p.header.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(p.header[i]));
        m_table->setItem(i, 1, new QTableWidgetItem(p.rows.isEmpty() ? QString() : p.rows.first().value(i)));
        auto* combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("mappingComboBox%1").arg(i));
        const ColumnTarget t = mapping.target(i);
        for (const QString& name : names)
            combo->addItem(targetLabel(name), name);
        for (auto it = customLabels.cbegin(); it != customLabels.cend(); ++it)
            combo->addItem(tr("Custom field: %1").arg(it.value()), QStringLiteral("custom:") + it.key());
        const QString newKey = ColumnMapping::customKeyFor(p.header[i]);
        if (!newKey.isEmpty() && !customLabels.contains(newKey))
            combo->addItem(tr("New custom field \u201c%1\u201d").arg(p.header[i]), QStringLiteral("custom:") + newKey);
        combo->setCurrentIndex(std::max(0, combo->findData(t.name())));
        combo->setProperty("suggested", t.name());
        combo->setProperty("label", t.label);
        combo->setProperty("index", t.index);
        m_table->setCellWidget(i, 2, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    }
    m_table->resizeColumnsToContents();
    Q_EMIT completeChanged();
}

ColumnMapping ImportMappingPage::currentMapping() const
{
    ColumnMapping mapping;
    for (int i = 0; i < m_table->rowCount(); ++i) {
        const auto* combo = qobject_cast<QComboBox*>(m_table->cellWidget(i, 2));
        if (!combo)
            continue;
        // The suggestion's label and pairing index (Google's "Phone 1 - Label") only hold for it.
        const QString chosen = combo->currentData().toString();
        const bool suggested = chosen == combo->property("suggested").toString();
        mapping.setTarget(i, ColumnTarget::fromName(chosen, suggested ? combo->property("label").toString() : QString(),
                                                    suggested ? combo->property("index").toInt() : -1));
    }
    return mapping;
}

bool ImportMappingPage::isComplete() const
{
    const bool ok = currentMapping().mapsEmailOrPhone();
    m_hint->setVisible(!ok);
    m_hint->setText(tr("Pick the column that holds the email or the phone: a contact needs one of them."));
    return ok;
}

bool ImportMappingPage::validatePage()
{
    const ColumnMapping mapping = currentMapping();
    m_wizard->request().mapping = mapping;
    AppSettings::saveMapping(m_wizard->preview().header, mapping.toJson(m_wizard->preview().header));
    return true;
}

// --- Options --------------------------------------------------------------------------------

ImportOptionsPage::ImportOptionsPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_policy(new QButtonGroup(this))
    , m_tags(new QLineEdit(this))
    , m_owner(new QLineEdit(this))
{
    setTitle(tr("Options"));
    setSubTitle(tr("Rows match existing contacts by external id, then email, then phone. Updates never erase a "
                   "value; emails, phones and tags are added."));
    auto* createUpdate = new QRadioButton(tr("Add new contacts and update matching ones"), this);
    createUpdate->setObjectName(QStringLiteral("policyCreateUpdateRadioButton"));
    createUpdate->setChecked(true);
    auto* createOnly = new QRadioButton(tr("Only add new contacts (skip rows that match)"), this);
    createOnly->setObjectName(QStringLiteral("policyCreateRadioButton"));
    auto* updateOnly = new QRadioButton(tr("Only update existing contacts (skip new rows)"), this);
    updateOnly->setObjectName(QStringLiteral("policyUpdateRadioButton"));
    m_policy->addButton(createUpdate, int(ImportPolicy::CreateAndUpdate));
    m_policy->addButton(createOnly, int(ImportPolicy::CreateOnly));
    m_policy->addButton(updateOnly, int(ImportPolicy::UpdateOnly));
    m_tags->setObjectName(QStringLiteral("extraTagsLineEdit"));
    m_tags->setPlaceholderText(tr("e.g. trade show 2026, lead"));
    m_owner->setObjectName(QStringLiteral("ownerLineEdit"));
    m_owner->setPlaceholderText(tr("for contacts without an owner"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createUpdate);
    layout->addWidget(createOnly);
    layout->addWidget(updateOnly);
    auto* form = new QFormLayout;
    form->addRow(tr("Tag every imported contact"), m_tags);
    form->addRow(tr("Owner"), m_owner);
    layout->addLayout(form);
    layout->addStretch(1);
}

bool ImportOptionsPage::validatePage()
{
    ImportRequest& r = m_wizard->request();
    r.policy = static_cast<ImportPolicy>(m_policy->checkedId());
    r.extraTags.clear();
    for (const QString& t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.simplified().isEmpty())
            r.extraTags.append(t.simplified());
    r.owner = m_owner->text().trimmed();
    return true;
}

// --- Dry run --------------------------------------------------------------------------------

ImportDryRunPage::ImportDryRunPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_problems(new QTableWidget(this))
    , m_duplicatesLabel(new QLabel(this))
    , m_duplicates(new QTableWidget(this))
{
    setTitle(tr("Dry run"));
    setSubTitle(tr("What the import would do. Nothing has been written yet."));
    setCommitPage(false);
    m_progress->setObjectName(QStringLiteral("dryRunProgressBar"));
    m_progress->setRange(0, 1000);
    m_summary->setObjectName(QStringLiteral("dryRunSummaryLabel"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_problems->setObjectName(QStringLiteral("dryRunProblemsTableWidget"));
    m_problems->setColumnCount(2);
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Why it would be skipped")});
    m_problems->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    m_duplicatesLabel->setObjectName(QStringLiteral("dryRunDuplicatesLabel"));
    m_duplicatesLabel->setWordWrap(true);
    m_duplicates->setObjectName(QStringLiteral("dryRunDuplicatesTableWidget"));
    m_duplicates->setColumnCount(4);
    m_duplicates->setHorizontalHeaderLabels({tr("Line"), tr("New contact"), tr("Probably the same as"), tr("Why")});
    m_duplicates->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_duplicates->verticalHeader()->hide();
    m_duplicates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_duplicatesLabel);
    layout->addWidget(m_duplicates, 1);
    m_duplicatesLabel->hide();
    m_duplicates->hide();
    connect(&m_watcher, &QFutureWatcher<ImportSummary>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ImportSummary>::finished, this, &ImportDryRunPage::finished);
}

ImportDryRunPage::~ImportDryRunPage()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ImportDryRunPage::initializePage()
{
    m_done = false;
    m_summary->setText(tr("Checking every row…"));
    m_problems->setRowCount(0);
    m_duplicates->setRowCount(0);
    m_duplicates->hide();
    m_problems->show();
    m_duplicatesLabel->hide();
    m_progress->setValue(0);
    m_progress->show();
    ImportRequest request = m_wizard->request();
    request.dryRun = true;
    m_watcher.setFuture(QtConcurrent::run(&ImportJob::run, request));
    Q_EMIT completeChanged();
}

void ImportDryRunPage::cleanupPage()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void ImportDryRunPage::finished()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
        return;
    const ImportSummary s = m_watcher.result();
    m_progress->hide();
    if (s.error) {
        m_summary->setText(tr("The file cannot be imported: %1").arg(s.error->toString()));
        m_summary->setStyleSheet(QStringLiteral("color:#b3261e;"));
        return;
    }
    m_summary->setStyleSheet({});
    m_summary->setText(tr("Would add %1, update %2, skip %3 and fail %4 rows. Press Import to do it; it runs in the "
                          "background and can be cancelled or reverted later.")
                           .arg(s.added)
                           .arg(s.updated)
                           .arg(s.skipped)
                           .arg(s.failed));
    m_problems->setRowCount(int(s.problems.size()));
    for (int i = 0; i < s.problems.size(); ++i) {
        m_problems->setItem(i, 0, new QTableWidgetItem(QString::number(s.problems[i].line)));
        m_problems->setItem(i, 1, new QTableWidgetItem(s.problems[i].reason));
    }
    // New rows that look like someone already there: worth a look (Duplicates… after the import).
    m_duplicates->setRowCount(int(s.probableDuplicates.size()));
    for (int i = 0; i < s.probableDuplicates.size(); ++i) {
        const ImportDuplicate& d = s.probableDuplicates.at(i);
        m_duplicates->setItem(i, 0, new QTableWidgetItem(QString::number(d.line)));
        m_duplicates->setItem(i, 1, new QTableWidgetItem(d.name));
        m_duplicates->setItem(i, 2, new QTableWidgetItem(
                                        QStringLiteral("%1 (%2%)").arg(d.existingName).arg(qRound(d.score * 100))));
        m_duplicates->setItem(i, 3, new QTableWidgetItem(d.evidence));
    }
    m_duplicatesLabel->setText(tr("%n new row(s) look like contacts you already have. They would still be added; "
                                  "after the import, Duplicates… (limited to this import) merges them.",
                                  nullptr, int(s.probableDuplicates.size())));
    m_duplicatesLabel->setVisible(!s.probableDuplicates.isEmpty());
    m_duplicates->setVisible(!s.probableDuplicates.isEmpty());
    m_duplicates->resizeColumnsToContents();
    m_duplicates->resizeRowsToContents();
    // Without problem rows the empty table would only push the duplicates down.
    m_problems->setVisible(!s.problems.isEmpty() || s.probableDuplicates.isEmpty());
    m_done = true;
    Q_EMIT completeChanged();
}

bool ImportDryRunPage::isComplete() const
{
    return m_done;
}

} // namespace ContactDesk
