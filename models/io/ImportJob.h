#pragma once
// Imports a CSV file into the store, as the seeds describe: a header row, a column mapping, and
// create-or-update: a row matches a live contact by external id, then normalised email, then
// E.164 phone. An update never blanks a value and adds emails, phones and tags rather than
// replacing them; rows of one file that match each other become one contact. The whole import is
// one transaction on the job's own connection: cancel, a crash or a dry run leave the database as
// it was. Every added or updated contact is recorded with its previous values, so a finished run
// can be reverted exactly. The wizard and contactdesk-cli run this same code.

#include "ColumnMapping.h"
#include "CsvReader.h"
#include "domain/Result.h"

#include <QMetaType>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

template <typename T>
class QPromise;

namespace ContactDesk {

enum class ImportPolicy { CreateAndUpdate, CreateOnly, UpdateOnly };
QString policyName(ImportPolicy policy);                      // "create-update", "create", "update"
std::optional<ImportPolicy> policyFromName(const QString& name);

struct ImportRequest
{
    QString databasePath; // the job opens its own connection on it
    int busyTimeoutMs = 5000;
    QString filePath;
    CsvOptions csv;
    std::optional<ColumnMapping> mapping; // none: the suggested mapping
    ImportPolicy policy = ImportPolicy::CreateAndUpdate;
    QStringList extraTags; // added to every imported contact
    QString owner;         // set on contacts that have no owner
    QString region = QStringLiteral("US");
    bool dryRun = false;
};

struct ImportProblem
{
    qint64 line = 0;
    bool failed = false; // malformed CSV or a database error; otherwise skipped by a rule
    QString reason;
    QStringList fields;
};

// A row of a dry run that would create a contact although it looks like one already there.
struct ImportDuplicate
{
    qint64 line = 0;
    QString name;          // of the row
    QString existingName;  // of the probable duplicate
    qint64 existingId = 0; // 0 when it is another row of the same file
    double score = 0;
    QString evidence;
};

struct ImportSummary
{
    qint64 runId = 0;
    int added = 0;
    int updated = 0;
    int skipped = 0;
    int failed = 0;
    bool dryRun = false;
    bool cancelled = false;
    QString encoding;
    QChar delimiter;
    QStringList header;
    QList<ImportProblem> problems;
    QList<ImportDuplicate> probableDuplicates; // dry run only: rows that match no key but look like a contact
    int duplicateRowsChecked = 0;              // the dry run checks at most the first few thousand new rows
    std::optional<Error> error; // the import could not run (file, header, database)

    bool ok() const { return !error && !cancelled; }
    QString toText() const; // "added 3, updated 1, skipped 2, failed 0"
};

struct ImportRun
{
    qint64 id = 0;
    QString fileName;
    QString policy;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    int added = 0, updated = 0, skipped = 0, failed = 0;
    qint64 revertedAt = 0;
};

namespace ImportJob {

// Runs on the caller's connection (the CLI, tests); progress(bytesRead, totalBytes) returns false
// to cancel.
ImportSummary importFile(const QSqlDatabase& db, const ImportRequest& request,
                         const std::function<bool(qint64, qint64)>& progress = {});
// The background form: opens its own connection; cancel through the promise.
void run(QPromise<ImportSummary>& promise, const ImportRequest& request);

// Reads the header (skipping note lines above it, as in LinkedIn's Connections.csv) and the first
// rows, for the wizard's preview and the suggested mapping.
struct Preview
{
    QString encoding;
    QChar delimiter;
    QStringList header;
    qint64 headerLine = 0;
    QList<QStringList> rows;
};
Result<Preview> preview(const QString& filePath, const CsvOptions& options, int rows = 20);

Result<QList<ImportRun>> history(const QSqlDatabase& db);
Result<QStringList> customFieldKeys(const QSqlDatabase& db);
Result<QList<ImportProblem>> problems(const QSqlDatabase& db, qint64 runId);
// Takes a finished run back: contacts it added are deleted, contacts it updated get their
// previous values back, notes and tags it created are removed.
Status revert(const QSqlDatabase& db, qint64 runId);
// Writes the rejected rows with their line and reason as CSV.
Status writeProblems(const QString& path, const QStringList& header, const QList<ImportProblem>& problems);

} // namespace ImportJob
} // namespace ContactDesk

Q_DECLARE_METATYPE(ContactDesk::ImportSummary)
