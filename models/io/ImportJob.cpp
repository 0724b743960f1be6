#include "ImportJob.h"

#include "dedupe/DuplicateCheck.h"

#include "CsvWriter.h"
#include "domain/ContactJson.h"
#include "domain/EmailAddressRules.h"
#include "domain/PhoneNormalizer.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ImportJob", text);
}

using Kind = ColumnTarget::Kind;

struct RowData
{
    Contact contact;
    QSet<ContactField> mappedFields; // fields with a non-blank cell
    QString note;
};

QStringList splitMulti(const QString& cell, bool commaToo)
{
    // Google Contacts puts several values in one cell separated by " ::: ".
    QStringList parts;
    if (cell.contains(QLatin1String(":::")))
        parts = cell.split(QStringLiteral(":::"));
    else if (commaToo)
        parts = cell.split(QLatin1Char(','));
    else
        parts = cell.split(QLatin1Char(';'));
    QStringList out;
    for (QString p : parts) {
        p = p.trimmed();
        if (!p.isEmpty())
            out.append(p);
    }
    return out;
}

QDate parseDate(const QString& text)
{
    for (const char* format : {"yyyy-MM-dd", "M/d/yyyy", "d.M.yyyy", "yyyy/M/d", "d-M-yyyy", "--MM-dd"}) {
        const QDate d = QDate::fromString(text, QString::fromLatin1(format));
        if (d.isValid())
            return d;
    }
    return QDate::fromString(text, Qt::ISODate);
}

void splitFullName(const QString& full, Contact* c)
{
    QString name = full.simplified();
    if (name.contains(QLatin1Char(','))) { // "Bell, Kate"
        c->lastName = name.section(QLatin1Char(','), 0, 0).trimmed();
        c->firstName = name.section(QLatin1Char(','), 1).trimmed();
        return;
    }
    const qsizetype space = name.lastIndexOf(QLatin1Char(' '));
    if (space < 0) {
        c->firstName = name;
        return;
    }
    c->firstName = name.left(space);
    c->lastName = name.mid(space + 1);
}

QString columnError(const QString& column, const QString& message)
{
    return tr("column \"%1\": %2").arg(column, message);
}

Result<RowData> parseRow(const QStringList& fields, const QStringList& header, const ColumnMapping& mapping,
                         const PhoneNormalizer& phones)
{
    RowData row;
    Contact& c = row.contact;
    c.source = QStringLiteral("csv");
    QHash<int, QString> emailLabels;
    QHash<int, QString> phoneLabels;
    for (int i = 0; i < fields.size() && i < mapping.size(); ++i) {
        const ColumnTarget t = mapping.target(i);
        if (t.kind == Kind::EmailLabel)
            emailLabels.insert(t.index, fields[i].trimmed().remove(QStringLiteral("* ")).toLower());
        if (t.kind == Kind::PhoneLabel)
            phoneLabels.insert(t.index, fields[i].trimmed().remove(QStringLiteral("* ")).toLower());
    }
    bool hadInvalidReach = false;
    for (int i = 0; i < fields.size() && i < mapping.size(); ++i) {
        const ColumnTarget t = mapping.target(i);
        const QString value = fields[i].trimmed();
        const QString column = header.value(i, QStringLiteral("#%1").arg(i + 1));
        if (value.isEmpty() || t.kind == Kind::Skip)
            continue;
        switch (t.kind) {
        case Kind::FullName: {
            Contact parts;
            splitFullName(value, &parts);
            if (c.firstName.isEmpty() && c.lastName.isEmpty()) {
                c.firstName = parts.firstName;
                c.lastName = parts.lastName;
                row.mappedFields << ContactField::FirstName << ContactField::LastName;
            }
            break;
        }
        case Kind::Field: {
            QString v = value;
            if (t.field == ContactField::Birthday) {
                const QDate d = parseDate(value);
                if (!d.isValid())
                    return Error{Error::Code::Invalid, columnError(column, tr("\"%1\" is not a date").arg(value)), {}};
                v = d.toString(Qt::ISODate);
            } else if (t.field == ContactField::ContactStatus || t.field == ContactField::Type
                       || t.field == ContactField::Source) {
                v = value.toLower();
                const QStringList allowed = t.field == ContactField::ContactStatus ? Fields::statuses()
                                            : t.field == ContactField::Type        ? Fields::types()
                                                                                   : Fields::sources();
                if (!allowed.contains(v))
                    return Error{Error::Code::Invalid,
                                 columnError(column, tr("\"%1\" is not one of: %2")
                                                         .arg(value, allowed.join(QStringLiteral(", ")))),
                                 {}};
            }
            c.setField(t.field, v);
            row.mappedFields.insert(t.field);
            break;
        }
        case Kind::Email:
            for (QString part : splitMulti(value, false)) {
                const bool primary = part.startsWith(QLatin1String("* "));
                if (primary)
                    part = part.mid(2);
                auto valid = EmailAddressRules::validate(part);
                if (!valid)
                    return Error{Error::Code::Invalid, columnError(column, valid.error().message), {}};
                const QString label = emailLabels.value(t.index, t.label);
                c.emails.append(EmailAddress{0, *valid, label.isEmpty() ? QStringLiteral("work") : label, primary});
            }
            break;
        case Kind::Phone:
            for (QString part : splitMulti(value, false)) {
                const bool primary = part.startsWith(QLatin1String("* "));
                if (primary)
                    part = part.mid(2);
                auto e164 = phones.toE164(part);
                if (!e164) {
                    hadInvalidReach = true;
                    return Error{Error::Code::Invalid, columnError(column, e164.error().message), {}};
                }
                const QString label = phoneLabels.value(t.index, t.label);
                c.phones.append(PhoneNumber{0, part, *e164, label.isEmpty() ? QStringLiteral("work") : label, primary});
            }
            break;
        case Kind::Tags:
            for (QString tag : splitMulti(value, true)) {
                if (tag.startsWith(QLatin1String("* ")))
                    tag = tag.mid(2);
                if (tag.compare(QLatin1String("myContacts"), Qt::CaseInsensitive) != 0 && !c.tags.contains(tag))
                    c.tags.append(tag);
            }
            break;
        case Kind::Notes:
            row.note = value;
            break;
        case Kind::Custom:
            c.customFields.insert(t.label, value);
            break;
        default:
            break;
        }
    }
    Q_UNUSED(hadInvalidReach);
    // Same value twice in one row (e.g. "E-mail Address" and "E-mail 2 Address"): keep one.
    QSet<QString> seen;
    QList<EmailAddress> emails;
    for (const auto& e : std::as_const(c.emails))
        if (!seen.contains(EmailAddressRules::normalized(e.address))) {
            seen.insert(EmailAddressRules::normalized(e.address));
            emails.append(e);
        }
    c.emails = emails;
    QList<PhoneNumber> phoneList;
    for (const auto& p : std::as_const(c.phones))
        if (!seen.contains(p.e164)) {
            seen.insert(p.e164);
            phoneList.append(p);
        }
    c.phones = phoneList;
    if (c.emails.isEmpty() && c.phones.isEmpty())
        return Error{Error::Code::Invalid, tr("no valid email address or phone number"), {}};
    return row;
}

enum class Outcome { Added, Updated, Skipped };

struct RowResult
{
    Outcome outcome = Outcome::Skipped;
    QString reason;
    qint64 contactId = 0; // the contact added
};

class Importer
{
public:
    Importer(const QSqlDatabase& db, const ImportRequest& request, qint64 runId)
        : m_db(db)
        , m_request(request)
        , m_phones(request.region)
        , m_repo(db, m_phones)
        , m_runId(runId)
    {
    }

    const PhoneNormalizer& phones() const { return m_phones; }

    Result<RowResult> apply(RowData row)
    {
        Contact& c = row.contact;
        for (const QString& tag : m_request.extraTags)
            if (!tag.trimmed().isEmpty() && !c.tags.contains(tag.trimmed()))
                c.tags.append(tag.trimmed());
        auto match = findMatch(c);
        if (!match)
            return match.error();
        const qint64 id = *match;
        // Values that belong to a different contact than the one matched.
        if (id > 0) {
            for (const auto& e : c.emails) {
                auto owner = m_repo.findByEmail(EmailAddressRules::normalized(e.address));
                if (!owner)
                    return owner.error();
                if (*owner > 0 && *owner != id)
                    return RowResult{Outcome::Skipped, conflict(tr("email \"%1\"").arg(e.address), *owner, id)};
            }
            for (const auto& p : c.phones) {
                auto owner = m_repo.findByPhone(p.e164);
                if (!owner)
                    return owner.error();
                if (*owner > 0 && *owner != id)
                    return RowResult{Outcome::Skipped, conflict(tr("phone \"%1\"").arg(p.number), *owner, id)};
            }
        }
        if (id == 0)
            return create(row);
        return update(id, row);
    }

private:
    QString nameOf(qint64 id)
    {
        auto v = Sql::scalar(m_db, QStringLiteral("contact name"),
                             QStringLiteral("SELECT display_name FROM contacts WHERE id = ?"), {id});
        return QStringLiteral("%1 (#%2)").arg(v ? v->toString() : QString()).arg(id);
    }

    QString conflict(const QString& what, qint64 owner, qint64 matched)
    {
        return tr("%1 belongs to %2, but the row matched %3").arg(what, nameOf(owner), nameOf(matched));
    }

    Result<qint64> findMatch(const Contact& c)
    {
        if (!c.externalId.isEmpty()) {
            auto id = m_repo.findByExternalId(c.externalId);
            if (!id || *id > 0)
                return id;
        }
        for (const auto& e : c.emails) {
            auto id = m_repo.findByEmail(EmailAddressRules::normalized(e.address));
            if (!id || *id > 0)
                return id;
        }
        for (const auto& p : c.phones) {
            auto id = m_repo.findByPhone(p.e164);
            if (!id || *id > 0)
                return id;
        }
        return qint64(0);
    }

    Status recordChange(const char* action, qint64 itemId, const QString& before = {})
    {
        auto q = Sql::run(m_db, QStringLiteral("record import change"),
                          QStringLiteral("INSERT INTO import_changes (run_id, action, item_id, before) VALUES (?, ?, ?, ?) "
                                         "ON CONFLICT DO NOTHING"),
                          {m_runId, QString::fromLatin1(action), itemId, Sql::text(before)});
        return q ? Status() : Status(q.error());
    }

    Result<bool> touchedByThisRun(qint64 id)
    {
        auto v = Sql::scalar(m_db, QStringLiteral("import touched"),
                             QStringLiteral("SELECT 1 FROM import_changes WHERE run_id = ? AND item_id = ? "
                                            "AND action IN ('added', 'updated')"),
                             {m_runId, id});
        if (!v)
            return v.error();
        return v->isValid();
    }

    Status addNote(qint64 id, const QString& note)
    {
        if (note.isEmpty())
            return {};
        auto existing = m_repo.notes(id);
        if (!existing)
            return existing.error();
        for (const auto& n : *existing)
            if (n.body == note)
                return {};
        auto noteId = m_repo.addNote(id, tr("import"), note);
        if (!noteId)
            return noteId.error();
        return recordChange("note", *noteId);
    }

    Result<RowResult> create(const RowData& row)
    {
        if (m_request.policy == ImportPolicy::UpdateOnly)
            return RowResult{Outcome::Skipped, tr("no existing contact matches (policy: update only)")};
        Contact c = row.contact;
        if (c.owner.isEmpty())
            c.owner = m_request.owner;
        auto id = m_repo.create(c);
        if (!id) {
            if (id.error().code == Error::Code::Invalid || id.error().code == Error::Code::Duplicate)
                return RowResult{Outcome::Skipped, id.error().toString()};
            return id.error();
        }
        if (Status s = m_repo.setImportRun(*id, m_runId); !s)
            return s.error();
        if (Status s = recordChange("added", *id); !s)
            return s.error();
        if (Status s = addNote(*id, row.note); !s)
            return s.error();
        return RowResult{Outcome::Added, {}, *id};
    }

    Result<RowResult> update(qint64 id, const RowData& row)
    {
        if (m_request.policy == ImportPolicy::CreateOnly)
            return RowResult{Outcome::Skipped, tr("matches %1 (policy: create only)").arg(nameOf(id))};
        auto current = m_repo.load(id);
        if (!current)
            return current.error();
        const Contact& before = *current;
        const Contact& in = row.contact;
        auto touched = touchedByThisRun(id);
        if (!touched)
            return touched.error();
        bool changed = false;
        if (!*touched) {
            QJsonObject snapshot{{QStringLiteral("contact"), ContactJson::toJson(before)}};
            auto run = Sql::scalar(m_db, QStringLiteral("import run of contact"),
                                   QStringLiteral("SELECT import_run_id FROM contacts WHERE id = ?"), {id});
            snapshot.insert(QStringLiteral("import_run_id"), run && run->isValid() && !run->isNull()
                                                                 ? QJsonValue(run->toLongLong())
                                                                 : QJsonValue());
            if (Status s = recordChange("updated", id,
                                        QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
                !s)
                return s.error();
        }
        // Never overwrite with a blank cell: only fields the row has a value for.
        for (ContactField f : Fields::all()) {
            if (!row.mappedFields.contains(f) || in.field(f).isEmpty() || in.field(f) == before.field(f))
                continue;
            if (f == ContactField::Source)
                continue; // where a contact came from stays as first recorded
            Status s = m_repo.updateField(id, f, in.field(f));
            if (!s)
                return RowResult{Outcome::Skipped, s.error().toString()};
            changed = true;
        }
        if (before.owner.isEmpty() && !m_request.owner.isEmpty() && !row.mappedFields.contains(ContactField::Owner)) {
            if (Status s = m_repo.updateField(id, ContactField::Owner, m_request.owner); !s)
                return s.error();
            changed = true;
        }
        QList<EmailAddress> emails = before.emails;
        QSet<QString> haveEmails;
        for (const auto& e : emails)
            haveEmails.insert(EmailAddressRules::normalized(e.address));
        bool newEmails = false;
        for (EmailAddress e : in.emails)
            if (!haveEmails.contains(EmailAddressRules::normalized(e.address))) {
                e.primary = false; // the existing primary stays primary
                emails.append(e);
                newEmails = true;
            }
        if (newEmails) {
            if (Status s = m_repo.setEmails(id, emails); !s)
                return RowResult{Outcome::Skipped, s.error().toString()};
            changed = true;
        }
        QList<PhoneNumber> phoneList = before.phones;
        QSet<QString> havePhones;
        for (const auto& p : phoneList)
            havePhones.insert(p.e164);
        bool newPhones = false;
        for (PhoneNumber p : in.phones)
            if (!havePhones.contains(p.e164)) {
                p.primary = false;
                phoneList.append(p);
                newPhones = true;
            }
        if (newPhones) {
            if (Status s = m_repo.setPhones(id, phoneList); !s)
                return RowResult{Outcome::Skipped, s.error().toString()};
            changed = true;
        }
        QStringList newTags;
        QSet<QString> haveTags;
        for (const auto& t : before.tags)
            haveTags.insert(t.simplified().toCaseFolded());
        for (const auto& t : in.tags)
            if (!haveTags.contains(t.simplified().toCaseFolded()))
                newTags.append(t);
        if (!newTags.isEmpty()) {
            if (Status s = m_repo.addTags({id}, newTags); !s)
                return s.error();
            changed = true;
        }
        for (auto it = in.customFields.cbegin(); it != in.customFields.cend(); ++it) {
            if (before.customFields.value(it.key()) == it.value())
                continue;
            if (Status s = m_repo.setCustomValue(id, it.key(), it.value()); !s)
                return s.error();
            changed = true;
        }
        auto notesBefore = m_repo.notes(id);
        if (!notesBefore)
            return notesBefore.error();
        if (Status s = addNote(id, row.note); !s)
            return s.error();
        auto notesAfter = m_repo.notes(id);
        changed |= notesAfter && notesAfter->size() != notesBefore->size();
        if (!changed)
            return RowResult{Outcome::Skipped, tr("no new information for %1").arg(nameOf(id))};
        if (Status s = m_repo.setImportRun(id, m_runId); !s)
            return s.error();
        return RowResult{Outcome::Updated, {}};
    }

    QSqlDatabase m_db;
    const ImportRequest& m_request;
    PhoneNormalizer m_phones;
    ContactRepository m_repo;
    qint64 m_runId;
};

struct HeaderScan
{
    QStringList header;
    qint64 line = 0;
    QList<CsvRecord> buffered; // records read after the header while looking for it
};

bool isBlank(const QStringList& fields)
{
    for (const QString& f : fields)
        if (!f.trimmed().isEmpty())
            return false;
    return true;
}

// The header is the first record that names at least two known columns (LinkedIn puts a few
// note lines above it); otherwise the first non-blank record.
Result<HeaderScan> findHeader(CsvReader& reader)
{
    QList<CsvRecord> seen;
    for (int i = 0; i < 12; ++i) {
        auto record = reader.next();
        if (!record)
            break;
        seen.append(*record);
    }
    int headerIndex = -1;
    for (int i = 0; i < seen.size(); ++i)
        if (seen[i].problem.isEmpty() && ColumnMapping::recognisedColumns(seen[i].fields) >= 2) {
            headerIndex = i;
            break;
        }
    if (headerIndex < 0)
        for (int i = 0; i < seen.size(); ++i)
            if (!isBlank(seen[i].fields)) {
                headerIndex = i;
                break;
            }
    if (headerIndex < 0)
        return Error{Error::Code::Invalid, tr("the file is empty: it needs a header row"), {}};
    HeaderScan scan;
    scan.header = seen[headerIndex].fields;
    for (QString& h : scan.header)
        h = h.trimmed();
    scan.line = seen[headerIndex].line;
    scan.buffered = seen.mid(headerIndex + 1);
    return scan;
}

Status saveProblems(const QSqlDatabase& db, qint64 runId, const QList<ImportProblem>& problems)
{
    for (const auto& p : problems) {
        auto q = Sql::run(db, QStringLiteral("import problem"),
                          QStringLiteral("INSERT INTO import_problems (run_id, line, kind, reason, fields) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          {runId, p.line, p.failed ? QStringLiteral("failed") : QStringLiteral("skipped"), p.reason,
                           QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(p.fields)).toJson(
                               QJsonDocument::Compact))});
        if (!q)
            return q.error();
    }
    return {};
}

} // namespace

QString policyName(ImportPolicy policy)
{
    switch (policy) {
    case ImportPolicy::CreateAndUpdate: return QStringLiteral("create-update");
    case ImportPolicy::CreateOnly: return QStringLiteral("create");
    case ImportPolicy::UpdateOnly: return QStringLiteral("update");
    }
    return {};
}

std::optional<ImportPolicy> policyFromName(const QString& name)
{
    for (ImportPolicy p : {ImportPolicy::CreateAndUpdate, ImportPolicy::CreateOnly, ImportPolicy::UpdateOnly})
        if (policyName(p) == name)
            return p;
    return std::nullopt;
}

QString ImportSummary::toText() const
{
    return QStringLiteral("added %1, updated %2, skipped %3, failed %4").arg(added).arg(updated).arg(skipped).arg(failed);
}

namespace ImportJob {

Result<Preview> preview(const QString& filePath, const CsvOptions& options, int rows)
{
    CsvReader reader(filePath, options);
    if (Status s = reader.open(); !s)
        return s.error();
    auto header = findHeader(reader);
    if (!header)
        return Error{header.error().code, header.error().message, filePath};
    Preview p;
    p.encoding = reader.encoding();
    p.delimiter = reader.delimiter();
    p.header = header->header;
    p.headerLine = header->line;
    for (const auto& r : header->buffered)
        if (p.rows.size() < rows)
            p.rows.append(r.fields);
    while (p.rows.size() < rows) {
        auto r = reader.next();
        if (!r)
            break;
        p.rows.append(r->fields);
    }
    return p;
}

namespace {

// Rows that would be added but look like a contact already there (or another new row): checked
// through the search index inside the dry run's transaction, before it rolls back.
void listProbableDuplicates(const QSqlDatabase& db, const QList<QPair<qint64, qint64>>& addedRows, ImportSummary& summary)
{
    constexpr int MaxChecked = 5000; // about a millisecond a row: a dry run stays quick
    QHash<qint64, qint64> lineOfNew;
    for (const auto& [line, id] : addedRows)
        lineOfNew.insert(id, line);
    QSet<QPair<qint64, qint64>> reported;
    for (const auto& [line, id] : addedRows) {
        if (summary.duplicateRowsChecked >= MaxChecked)
            break;
        ++summary.duplicateRowsChecked;
        auto found = DuplicateCheck::probableDuplicatesOf(db, id, DuplicateScorer::DefaultThreshold, 1);
        if (!found || found->isEmpty())
            continue;
        const DuplicateCheck::Candidate& c = found->first();
        if (reported.contains({std::min(id, c.id), std::max(id, c.id)}))
            continue; // two new rows alike: listed once
        reported.insert({std::min(id, c.id), std::max(id, c.id)});
        auto name = Sql::scalar(db, QStringLiteral("import duplicates"),
                                QStringLiteral("SELECT display_name FROM contacts WHERE id = ?"), {id});
        const bool fromFile = lineOfNew.contains(c.id);
        summary.probableDuplicates.append(ImportDuplicate{
            line, name ? name->toString() : QString(),
            fromFile ? tr("%1 (line %2 of this file)").arg(c.name).arg(lineOfNew.value(c.id)) : c.name,
            fromFile ? 0 : c.id, c.score, c.evidence});
    }
}

} // namespace

ImportSummary importFile(const QSqlDatabase& db, const ImportRequest& request,
                         const std::function<bool(qint64, qint64)>& progress)
{
    ImportSummary summary;
    summary.dryRun = request.dryRun;
    const QString file = QFileInfo(request.filePath).fileName();
    CsvReader reader(request.filePath, request.csv);
    if (Status s = reader.open(); !s) {
        summary.error = s.error();
        return summary;
    }
    summary.encoding = reader.encoding();
    summary.delimiter = reader.delimiter();
    auto header = findHeader(reader);
    if (!header) {
        summary.error = Error{header.error().code, header.error().message, request.filePath};
        return summary;
    }
    summary.header = header->header;
    ColumnMapping mapping = request.mapping ? *request.mapping : ColumnMapping::suggest(summary.header);
    if (!request.mapping) {
        auto keys = customFieldKeys(db);
        if (keys)
            mapping.useCustomFields(summary.header, *keys);
    }
    if (!mapping.mapsEmailOrPhone()) {
        summary.error = Error{Error::Code::Invalid,
                              tr("no column is mapped to an email or a phone, so no row could be imported (header: %1)")
                                  .arg(summary.header.join(QStringLiteral(", "))),
                              request.filePath};
        return summary;
    }

    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus()) {
        summary.error = tx.beginStatus().error();
        return summary;
    }
    const qint64 started = Sql::nowMs();
    auto maxTag = Sql::scalar(db, QStringLiteral("max tag"), QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM tags"));
    auto run = Sql::run(db, QStringLiteral("start import run"),
                        QStringLiteral("INSERT INTO import_runs (file_name, started_at, status, policy, encoding) "
                                       "VALUES (?, ?, 'running', ?, ?)"),
                        {file, started, policyName(request.policy), summary.encoding});
    if (!run || !maxTag) {
        summary.error = run ? maxTag.error() : run.error();
        return summary;
    }
    const qint64 runId = run.value().lastInsertId().toLongLong();
    run.value().finish();
    auto maxField = Sql::scalar(db, QStringLiteral("max field"),
                                QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM field_definitions"));
    if (!maxField) {
        summary.error = maxField.error();
        return summary;
    }
    {
        // New custom fields take the column's header as their label.
        ContactRepository fields(db, PhoneNormalizer(request.region));
        for (int i = 0; i < mapping.size(); ++i)
            if (mapping.target(i).kind == Kind::Custom)
                if (auto f = fields.customField(mapping.target(i).label, summary.header.value(i), true); !f) {
                    summary.error = f.error();
                    return summary;
                }
    }
    Importer importer(db, request, runId);

    QList<QPair<qint64, qint64>> addedRows; // dry run: (line, contact id) of the rows that would be added
    auto handle = [&](const CsvRecord& record) -> bool {
        if (isBlank(record.fields))
            return true;
        auto problem = [&](bool failed, const QString& reason) {
            summary.problems.append(ImportProblem{record.line, failed, reason, record.fields});
            (failed ? summary.failed : summary.skipped) += 1;
        };
        // A quote inside an unquoted cell (5" screen, 6'2") is kept as typed; anything else
        // malformed fails the row with the reader's reason and line.
        if (!record.problem.isEmpty() && !record.problem.startsWith(QLatin1String("stray quote"))) {
            problem(true, record.problem);
            return true;
        }
        auto row = parseRow(record.fields, summary.header, mapping, importer.phones());
        if (!row) {
            problem(false, row.error().message);
            return true;
        }
        Sql::TransactionGuard rowTx(db); // a row that fails leaves nothing half-written
        if (!rowTx.beginStatus()) {
            summary.error = rowTx.beginStatus().error();
            return false;
        }
        auto result = importer.apply(std::move(row).value());
        if (!result) {
            problem(true, result.error().toString());
            return true;
        }
        if (result->outcome == Outcome::Skipped) {
            problem(false, result->reason);
            return true;
        }
        if (Status s = rowTx.commit(); !s) {
            problem(true, s.error().toString());
            return true;
        }
        (result->outcome == Outcome::Added ? summary.added : summary.updated) += 1;
        if (request.dryRun && result->outcome == Outcome::Added)
            addedRows.append({record.line, result->contactId});
        return true;
    };

    for (const CsvRecord& record : std::as_const(header->buffered))
        if (!handle(record))
            return summary;
    qint64 count = 0;
    while (auto record = reader.next()) {
        if (progress && (++count % 256) == 0 && !progress(reader.bytesRead(), reader.totalBytes())) {
            summary.cancelled = true;
            return summary; // the guard rolls everything back
        }
        if (!handle(*record))
            return summary;
    }
    if (progress && !progress(reader.bytesRead(), reader.totalBytes())) {
        summary.cancelled = true;
        return summary;
    }

    if (Status s = saveProblems(db, runId, summary.problems); !s) {
        summary.error = s.error();
        return summary;
    }
    auto tags = Sql::run(db, QStringLiteral("import tags"),
                         QStringLiteral("INSERT INTO import_changes (run_id, action, item_id) "
                                        "SELECT ?, 'tag', id FROM tags WHERE id > ?"),
                         {runId, maxTag.value()});
    auto fieldsAdded = Sql::run(db, QStringLiteral("import fields"),
                                QStringLiteral("INSERT INTO import_changes (run_id, action, item_id) "
                                               "SELECT ?, 'field', id FROM field_definitions WHERE id > ?"),
                                {runId, maxField.value()});
    if (!fieldsAdded) {
        summary.error = fieldsAdded.error();
        return summary;
    }
    auto finish = Sql::run(db, QStringLiteral("finish import run"),
                           QStringLiteral("UPDATE import_runs SET finished_at = ?, status = 'finished', added = ?, "
                                          "updated = ?, skipped = ?, failed = ? WHERE id = ?"),
                           {Sql::nowMs(), summary.added, summary.updated, summary.skipped, summary.failed, runId});
    if (!tags || !finish) {
        summary.error = tags ? finish.error() : tags.error();
        return summary;
    }
    if (request.dryRun) {
        listProbableDuplicates(db, addedRows, summary);
        return summary; // the guard rolls back: a dry run writes nothing
    }
    if (Status s = tx.commit(); !s) {
        summary.error = s.error();
        return summary;
    }
    summary.runId = runId;
    return summary;
}

void run(QPromise<ImportSummary>& promise, const ImportRequest& request)
{
    ScopedConnection connection(request.databasePath, QStringLiteral("import"), request.busyTimeoutMs);
    if (!connection.status()) {
        ImportSummary failed;
        failed.error = connection.status().error();
        promise.addResult(failed);
        return;
    }
    promise.setProgressRange(0, 1000);
    ImportSummary summary = importFile(connection.database(), request, [&promise](qint64 done, qint64 total) {
        if (total > 0)
            promise.setProgressValue(int(done * 1000 / total));
        return !promise.isCanceled();
    });
    promise.addResult(summary);
}

Result<QList<ImportRun>> history(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("import history"),
                      QStringLiteral("SELECT id, file_name, policy, started_at, finished_at, added, updated, skipped, "
                                     "failed, reverted_at FROM import_runs WHERE status <> 'running' ORDER BY id DESC"));
    if (!q)
        return q.error();
    QList<ImportRun> runs;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        runs.append(ImportRun{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                              r.value(3).toLongLong(), r.value(4).toLongLong(), r.value(5).toInt(), r.value(6).toInt(),
                              r.value(7).toInt(), r.value(8).toInt(), r.value(9).toLongLong()});
    }
    return runs;
}

Result<QStringList> customFieldKeys(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("custom field keys"), QStringLiteral("SELECT key FROM field_definitions"));
    if (!q)
        return q.error();
    QStringList keys;
    while (q.value().next())
        keys.append(q.value().value(0).toString());
    return keys;
}

Result<QList<ImportProblem>> problems(const QSqlDatabase& db, qint64 runId)
{
    auto q = Sql::run(db, QStringLiteral("import problems"),
                      QStringLiteral("SELECT line, kind, reason, fields FROM import_problems WHERE run_id = ? "
                                     "ORDER BY line"),
                      {runId});
    if (!q)
        return q.error();
    QList<ImportProblem> list;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        QStringList fields;
        for (const QJsonValue& v : QJsonDocument::fromJson(r.value(3).toString().toUtf8()).array())
            fields.append(v.toString());
        list.append(ImportProblem{r.value(0).toLongLong(), r.value(1).toString() == QLatin1String("failed"),
                                  r.value(2).toString(), fields});
    }
    return list;
}

Status revert(const QSqlDatabase& db, qint64 runId)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto state = Sql::run(db, QStringLiteral("revert import"),
                          QStringLiteral("SELECT status, reverted_at FROM import_runs WHERE id = ?"), {runId});
    if (!state)
        return state.error();
    if (!state.value().next())
        return Error{Error::Code::NotFound, tr("there is no import #%1").arg(runId), {}};
    if (!state.value().value(1).isNull())
        return Error{Error::Code::Invalid, tr("import #%1 was already reverted").arg(runId), {}};
    state.value().finish();
    // A later import that changed the same contacts would be clobbered: it goes first.
    auto later = Sql::scalar(db, QStringLiteral("revert import"),
                             QStringLiteral("SELECT MIN(l.run_id) FROM import_changes l JOIN import_runs r ON r.id = l.run_id "
                                            "JOIN import_changes c ON c.item_id = l.item_id AND c.run_id = ? "
                                            "WHERE l.run_id > ? AND r.reverted_at IS NULL "
                                            "AND l.action IN ('added', 'updated') AND c.action IN ('added', 'updated')"),
                             {runId, runId});
    if (!later)
        return later.error();
    if (later->isValid() && !later->isNull())
        return Error{Error::Code::Invalid,
                     tr("import #%1 changed some of the same contacts later; revert it first").arg(later->toLongLong()),
                     {}};
    // A merge since then folded some of its contacts into others: undoing the merge goes first.
    auto merged = Sql::scalar(db, QStringLiteral("revert import"),
                              QStringLiteral("SELECT MIN(mc.merge_id) FROM merge_contacts mc "
                                             "JOIN merge_log m ON m.id = mc.merge_id "
                                             "JOIN import_changes c ON c.item_id = mc.contact_id AND c.run_id = ? "
                                             "AND c.action IN ('added', 'updated') "
                                             "WHERE m.created_at >= (SELECT started_at FROM import_runs WHERE id = ?)"),
                              {runId, runId});
    if (!merged)
        return merged.error();
    if (merged->isValid() && !merged->isNull())
        return Error{Error::Code::Invalid,
                     tr("some contacts of import #%1 were merged later (merge #%2); undo that merge first")
                         .arg(runId)
                         .arg(merged->toLongLong()),
                     {}};
    ContactRepository repo(db, PhoneNormalizer());
    if (auto q = Sql::run(db, QStringLiteral("revert notes"),
                          QStringLiteral("DELETE FROM notes WHERE id IN (SELECT item_id FROM import_changes "
                                         "WHERE run_id = ? AND action = 'note')"),
                          {runId});
        !q)
        return q.error();
    auto updated = Sql::run(db, QStringLiteral("revert updates"),
                            QStringLiteral("SELECT item_id, before FROM import_changes WHERE run_id = ? AND action = 'updated'"),
                            {runId});
    if (!updated)
        return updated.error();
    QList<QPair<Contact, qint64>> snapshots;
    while (updated.value().next()) {
        const QJsonObject o = QJsonDocument::fromJson(updated.value().value(1).toString().toUtf8()).object();
        Contact c = ContactJson::fromJson(o.value(QStringLiteral("contact")).toObject());
        c.id = updated.value().value(0).toLongLong();
        snapshots.append({c, o.value(QStringLiteral("import_run_id")).toInteger(0)});
    }
    updated.value().finish();
    for (const auto& [contact, previousRun] : std::as_const(snapshots))
        if (repo.exists(contact.id))
            if (Status s = repo.restoreSnapshot(contact, previousRun); !s)
                return s;
    if (auto q = Sql::run(db, QStringLiteral("revert additions"),
                          QStringLiteral("DELETE FROM contacts WHERE id IN (SELECT item_id FROM import_changes "
                                         "WHERE run_id = ? AND action = 'added')"),
                          {runId});
        !q)
        return q.error();
    if (auto q = Sql::run(db, QStringLiteral("revert tags"),
                          QStringLiteral("DELETE FROM tags WHERE id IN (SELECT item_id FROM import_changes "
                                         "WHERE run_id = ? AND action = 'tag') "
                                         "AND NOT EXISTS (SELECT 1 FROM contact_tags ct WHERE ct.tag_id = tags.id)"),
                          {runId});
        !q)
        return q.error();
    if (auto q = Sql::run(db, QStringLiteral("revert fields"),
                          QStringLiteral("DELETE FROM field_definitions WHERE id IN (SELECT item_id FROM import_changes "
                                         "WHERE run_id = ? AND action = 'field') "
                                         "AND NOT EXISTS (SELECT 1 FROM contact_fields f WHERE f.field_id = "
                                         "field_definitions.id)"),
                          {runId});
        !q)
        return q.error();
    if (auto q = Sql::run(db, QStringLiteral("revert import"),
                          QStringLiteral("UPDATE import_runs SET reverted_at = ?, status = 'reverted' WHERE id = ?"),
                          {Sql::nowMs(), runId});
        !q)
        return q.error();
    return tx.commit();
}

Status writeProblems(const QString& path, const QStringList& header, const QList<ImportProblem>& problems)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Code::Io, file.errorString(), path};
    CsvWriter writer(&file);
    bool ok = writer.writeRow(QStringList{tr("line"), tr("reason")} + header);
    for (const auto& p : problems)
        ok = ok && writer.writeRow(QStringList{QString::number(p.line), p.reason} + p.fields);
    if (!ok || !file.commit())
        return Error{Error::Code::Io, file.errorString(), path};
    return {};
}

} // namespace ImportJob
} // namespace ContactDesk
