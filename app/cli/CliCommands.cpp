#include "CliCommands.h"

#include "CampaignCommands.h"
#include "DedupeCommands.h"
#include "FilterCommands.h"
#include "ListCommands.h"

#include "domain/ContactJson.h"
#include "domain/PhoneNormalizer.h"
#include "io/DemoData.h"
#include "io/ExportJob.h"
#include "io/ImportJob.h"
#include "store/AppSettings.h"
#include "store/ContactRepository.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace ContactDesk::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

const char* usageText = R"(Usage: contactdesk-cli [--database PATH] [--region CC] COMMAND [ARGS]

Commands:
  add --first-name F --last-name L --email E --phone P --company C --tag T
                          Create a contact (--email, --phone, --tag may repeat;
                          at least one email or phone is required).
  show ID [--json]        Show one contact.
  list [FILTER] [--search TEXT] [--limit N] [--count] [--json]
                          List matching contacts by name (default limit 50), or
                          with --count only their number.
  search TEXT [FILTER] [--limit N] [--count] [--json]
                          Contacts whose name, email, phone, company, job title,
                          tag or note has words starting with TEXT's words.
  tags [--json]           Every tag with its number of contacts (and colour).
  tag add TAG [FILTER]    Add TAG to every matching contact (all without FILTER);
  tag remove TAG [FILTER] or remove it. Prints how many contacts changed.
  tag rename OLD NEW      Rename a tag; a NEW another tag has merges the two.
  tag delete TAG          Remove a tag from every contact and delete it.
  tag color TAG #RRGGBB   Set a tag's colour ("" for none).
  list-create NAME [FILTER] [--search TEXT] [--static]
                          Save the filter as a smart list (it updates itself), or
                          with --static make an empty list to add contacts to.
  lists [--json]          Every list: id, name, smart or static, contacts now.
  list-add LIST [FILTER]  Add every matching contact to the static LIST (made
                          when missing); a contact is never in a list twice.
  list-remove LIST [FILTER]
                          Take the matching contacts out of LIST.
  list-delete LIST        Delete a list (its contacts stay).
  set-field FIELD VALUE [FILTER]
                          Set owner, status, type, company, job_title, street,
                          city, region, postal_code, country, time_zone or an
                          existing custom field on every matching contact.
  campaigns [--json]      Every campaign with its members per delivery status.
  campaign create NAME [--channel email|sms|phone|mail|social|other]
  campaign rename CAMPAIGN NEW
  campaign archive|unarchive CAMPAIGN
  campaign add CAMPAIGN [FILTER] | campaign add CAMPAIGN ID...
                          Add every matching contact (or these ids) to CAMPAIGN
                          (a name or an id). Contacts who unsubscribed are
                          skipped; prints how many were added and skipped, and why.
  campaign set-status CAMPAIGN ID STATUS
                          pending, sent, opened, clicked, unsubscribed or bounced
                          (an unsubscribe marks the contact unsubscribed).
  campaign import-status CAMPAIGN FILE.csv [--json]
                          Delivery statuses from an email service's export
                          (columns email, status, timestamp); lines that cannot
                          be used are listed with their line number.
  campaign show CAMPAIGN [--json]
                          A campaign with its member counts per status.
  stats [--json]          Count contacts, tags and notes.
  generate-demo N OUT.csv [--seed S]
                          Write N realistic demo contacts as CSV (deterministic per seed).
  import FILE [--encoding E] [--delimiter D] [--mapping MAP.json]
         [--policy create-update|create|update] [--tag T] [--owner O] [--dry-run] [--json]
                          Import a CSV file: added N, updated N, skipped N, failed N.
  export OUT.csv [--search TEXT] [--tag T]
                          Write live contacts as CSV.
  imports [--json]        The import history.
  revert-import ID        Take a finished import back completely.
  duplicates [--min-score S] [--import-run ID] [--json]
                          Clusters of probable duplicates, most confident first,
                          with contact ids, external ids, names, score and evidence.
  merge SURVIVOR ID... [--policy P] [--json]
                          Merge contacts into SURVIVOR (it keeps its id).
  merge-all --min-score S [--policy survivor|most-recent|first-non-empty] [--json]
                          Merge every cluster scoring at least S in one go.
  undo-merge MERGE_ID | undo-merge --batch BATCH_ID
                          Put merged contacts back exactly as they were.
  merges [--json]         The merge history.
  not-duplicates ID ID... Never suggest these contacts as duplicates again.

FILTER options (combine; each narrows the contacts):
  --tag T                 has tag T (repeat: has all of them)
  --any-tag T             has at least one of these tags (repeatable)
  --not-tag T             has none of these tags (repeatable)
  --source S              manual, csv, vcard, chat or connected
  --status S, --owner O, --type T
  --created-after D, --created-before D, --updated-after D, --updated-before D
                          on or after / before the date D (2024-03-01, local time)
  --letter L              last name (or name) starting with L (a-z, # for others)
  --field KEY=VALUE       custom field KEY equals VALUE
  --in-list LIST          is a member of the static list LIST

Options:
  --database PATH         The SQLite database (default: %1).
  --region CC             Default phone region for numbers without +country code
                          (default: %2, from the settings or the system locale).
  --version, --help
)";

struct Context
{
    QCommandLineParser& parser;
    QStringList args; // positional, after the command
    QTextStream& out;
    QTextStream& err;
    bool json;
};

Result<qint64> parseId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error{Error::Code::Invalid, tr("\"%1\" is not a contact id").arg(text), {}};
    return id;
}

int commandAdd(Context& c, ContactRepository& repo)
{
    if (!c.args.isEmpty())
        return fail(c.err, tr("add takes options only, not \"%1\"").arg(c.args.first()), Usage);
    Contact contact;
    contact.firstName = c.parser.value(QStringLiteral("first-name"));
    contact.lastName = c.parser.value(QStringLiteral("last-name"));
    contact.company = c.parser.value(QStringLiteral("company"));
    contact.jobTitle = c.parser.value(QStringLiteral("job-title"));
    for (const QString& e : c.parser.values(QStringLiteral("email")))
        contact.emails.append(EmailAddress{0, e, QStringLiteral("work"), contact.emails.isEmpty()});
    for (const QString& p : c.parser.values(QStringLiteral("phone")))
        contact.phones.append(PhoneNumber{0, p, {}, QStringLiteral("mobile"), contact.phones.isEmpty()});
    for (const QString& t : c.parser.values(QStringLiteral("tag")))
        for (const QString& part : t.split(QLatin1Char(','), Qt::SkipEmptyParts))
            contact.tags.append(part.trimmed());
    auto id = repo.create(contact);
    if (!id)
        return fail(c.err, id.error().toString());
    if (c.json)
        printJson(c.out, QJsonObject{{QStringLiteral("id"), *id}});
    else
        c.out << tr("Created contact #%1 %2").arg(*id).arg(contact.displayName()) << Qt::endl;
    return Ok;
}

int commandShow(Context& c, ContactRepository& repo)
{
    if (c.args.size() != 1)
        return fail(c.err, tr("show needs exactly one contact id"), Usage);
    auto id = parseId(c.args.first());
    if (!id)
        return fail(c.err, id.error().toString(), Usage);
    auto contact = repo.load(*id);
    if (!contact)
        return fail(c.err, contact.error().toString());
    if (c.json) {
        printJson(c.out, ContactJson::toJson(*contact));
        return Ok;
    }
    const Contact& k = *contact;
    c.out << "#" << k.id << " " << k.displayName() << (k.deletedAt.isValid() ? tr(" (in the Trash)") : QString())
          << Qt::endl;
    for (ContactField f : Fields::all())
        if (!k.field(f).isEmpty())
            c.out << "  " << Fields::label(f) << ": " << k.field(f) << Qt::endl;
    for (const auto& e : k.emails)
        c.out << "  " << tr("Email") << " (" << e.label << (e.primary ? tr(", primary") : QString()) << "): "
              << e.address << Qt::endl;
    for (const auto& p : k.phones)
        c.out << "  " << tr("Phone") << " (" << p.label << (p.primary ? tr(", primary") : QString()) << "): "
              << p.number << " [" << p.e164 << "]" << Qt::endl;
    if (!k.tags.isEmpty())
        c.out << "  " << tr("Tags") << ": " << k.tags.join(QStringLiteral(", ")) << Qt::endl;
    return Ok;
}

int commandStats(Context& c, ContactRepository& repo)
{
    auto stats = repo.stats();
    if (!stats)
        return fail(c.err, stats.error().toString());
    if (c.json) {
        printJson(c.out, QJsonObject{{QStringLiteral("contacts"), stats->contacts},
                                     {QStringLiteral("trashed"), stats->trashed},
                                     {QStringLiteral("tags"), stats->tags},
                                     {QStringLiteral("notes"), stats->notes},
                                     {QStringLiteral("emails"), stats->emails},
                                     {QStringLiteral("phones"), stats->phones}});
        return Ok;
    }
    c.out << tr("contacts: %1").arg(stats->contacts) << Qt::endl
          << tr("in trash: %1").arg(stats->trashed) << Qt::endl
          << tr("tags: %1").arg(stats->tags) << Qt::endl
          << tr("notes: %1").arg(stats->notes) << Qt::endl;
    return Ok;
}

int commandGenerateDemo(Context& c)
{
    if (c.args.size() != 2)
        return fail(c.err, tr("generate-demo needs a count and an output file: generate-demo N OUT.csv"), Usage);
    bool ok = false;
    const int count = c.args[0].toInt(&ok);
    if (!ok || count < 0)
        return fail(c.err, tr("\"%1\" is not a number of contacts").arg(c.args[0]), Usage);
    quint64 seed = 1;
    if (c.parser.isSet(QStringLiteral("seed"))) {
        seed = c.parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return fail(c.err, tr("--seed needs a number, not \"%1\"").arg(c.parser.value(QStringLiteral("seed"))),
                        Usage);
    }
    Status s = DemoData::writeCsv(c.args[1], count, seed);
    if (!s)
        return fail(c.err, s.error().toString());
    c.out << tr("Wrote %1 contacts to %2").arg(count).arg(c.args[1]) << Qt::endl;
    return Ok;
}

int commandImport(Context& c, const QSqlDatabase& db, const QString& databasePath, const QString& region)
{
    if (c.args.size() != 1)
        return fail(c.err, tr("import needs exactly one file: import FILE"), Usage);
    ImportRequest request;
    request.databasePath = databasePath;
    request.filePath = c.args.first();
    request.region = region;
    request.dryRun = c.parser.isSet(QStringLiteral("dry-run"));
    request.extraTags = c.parser.values(QStringLiteral("tag"));
    request.owner = c.parser.value(QStringLiteral("owner"));
    if (c.parser.isSet(QStringLiteral("encoding"))) {
        const QString e = c.parser.value(QStringLiteral("encoding"));
        const QStringList known{QStringLiteral("UTF-8"), QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"),
                                QStringLiteral("Windows-1252")};
        bool found = false;
        for (const QString& k : known)
            if (k.compare(e, Qt::CaseInsensitive) == 0) {
                request.csv.encoding = k;
                found = true;
            }
        if (!found)
            return fail(c.err, tr("--encoding must be one of %1, not \"%2\"").arg(known.join(QStringLiteral(", ")), e),
                        Usage);
    }
    if (c.parser.isSet(QStringLiteral("delimiter"))) {
        QString d = c.parser.value(QStringLiteral("delimiter"));
        if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
            d = QStringLiteral("\t");
        if (d.size() != 1)
            return fail(c.err, tr("--delimiter must be one character (or \"tab\"), not \"%1\"").arg(d), Usage);
        request.csv.delimiter = d.front();
    }
    if (c.parser.isSet(QStringLiteral("policy"))) {
        auto policy = policyFromName(c.parser.value(QStringLiteral("policy")));
        if (!policy)
            return fail(c.err, tr("--policy must be create-update, create or update, not \"%1\"")
                                   .arg(c.parser.value(QStringLiteral("policy"))),
                        Usage);
        request.policy = *policy;
    }
    if (c.parser.isSet(QStringLiteral("mapping"))) {
        const QString mapPath = c.parser.value(QStringLiteral("mapping"));
        QFile file(mapPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(c.err, tr("%1: %2").arg(mapPath, file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject())
            return fail(c.err, tr("%1: not a JSON mapping (%2)").arg(mapPath, parseError.errorString()));
        auto preview = ImportJob::preview(request.filePath, request.csv, 0);
        if (!preview)
            return fail(c.err, preview.error().toString());
        auto mapping = ColumnMapping::fromJson(doc.object(), preview->header);
        if (!mapping)
            return fail(c.err, QStringLiteral("%1: %2").arg(mapPath, mapping.error().message));
        request.mapping = *mapping;
    }
    const ImportSummary summary = ImportJob::importFile(db, request);
    if (summary.error)
        return fail(c.err, summary.error->toString());
    if (c.json) {
        QJsonArray problems;
        for (const auto& p : summary.problems)
            problems.append(QJsonObject{{QStringLiteral("line"), p.line},
                                        {QStringLiteral("kind"), p.failed ? QStringLiteral("failed") : QStringLiteral("skipped")},
                                        {QStringLiteral("reason"), p.reason},
                                        {QStringLiteral("fields"), QJsonArray::fromStringList(p.fields)}});
        QJsonArray duplicates;
        for (const auto& d : summary.probableDuplicates)
            duplicates.append(QJsonObject{{QStringLiteral("line"), d.line},
                                          {QStringLiteral("name"), d.name},
                                          {QStringLiteral("existing_id"), d.existingId},
                                          {QStringLiteral("existing_name"), d.existingName},
                                          {QStringLiteral("score"), d.score},
                                          {QStringLiteral("evidence"), d.evidence}});
        printJson(c.out, QJsonObject{{QStringLiteral("run_id"), summary.runId},
                                     {QStringLiteral("dry_run"), summary.dryRun},
                                     {QStringLiteral("encoding"), summary.encoding},
                                     {QStringLiteral("delimiter"), QString(summary.delimiter)},
                                     {QStringLiteral("added"), summary.added},
                                     {QStringLiteral("updated"), summary.updated},
                                     {QStringLiteral("skipped"), summary.skipped},
                                     {QStringLiteral("failed"), summary.failed},
                                     {QStringLiteral("problems"), problems},
                                     {QStringLiteral("probable_duplicates"), duplicates}});
        return Ok;
    }
    c.out << summary.toText() << (summary.dryRun ? tr(" (dry run: nothing was written)") : QString()) << Qt::endl;
    for (const auto& p : summary.problems)
        c.out << "  " << tr("line %1").arg(p.line) << ": " << (p.failed ? tr("failed") : tr("skipped")) << ": "
              << p.reason << Qt::endl;
    for (const auto& d : summary.probableDuplicates)
        c.out << "  " << tr("line %1").arg(d.line) << ": " << tr("probable duplicate") << ": " << d.name << " ~ "
              << d.existingName << (d.existingId > 0 ? QStringLiteral(" (#%1)").arg(d.existingId) : QString()) << " ("
              << qRound(d.score * 100) << "%): " << d.evidence << Qt::endl;
    return Ok;
}

int commandExport(Context& c, const QSqlDatabase& db)
{
    if (c.args.size() != 1)
        return fail(c.err, tr("export needs exactly one output file: export OUT.csv"), Usage);
    ExportJob::Request request{c.args.first(), c.parser.value(QStringLiteral("search")),
                               c.parser.value(QStringLiteral("tag")), {}, false, {}};
    auto written = ExportJob::exportCsv(db, request);
    if (!written)
        return fail(c.err, written.error().toString());
    c.out << tr("Exported %1 contacts to %2").arg(*written).arg(request.path) << Qt::endl;
    return Ok;
}

int commandImports(Context& c, const QSqlDatabase& db)
{
    auto runs = ImportJob::history(db);
    if (!runs)
        return fail(c.err, runs.error().toString());
    auto time = [](qint64 ms) {
        return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
    };
    if (c.json) {
        QJsonArray array;
        for (const auto& r : *runs)
            array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("file"), r.fileName},
                                     {QStringLiteral("policy"), r.policy},
                                     {QStringLiteral("started_at"), time(r.startedAt)},
                                     {QStringLiteral("finished_at"), time(r.finishedAt)},
                                     {QStringLiteral("added"), r.added},
                                     {QStringLiteral("updated"), r.updated},
                                     {QStringLiteral("skipped"), r.skipped},
                                     {QStringLiteral("failed"), r.failed},
                                     {QStringLiteral("reverted_at"), r.revertedAt ? QJsonValue(time(r.revertedAt))
                                                                                   : QJsonValue()}});
        printJson(c.out, array);
        return Ok;
    }
    for (const auto& r : *runs)
        c.out << "#" << r.id << '\t' << time(r.startedAt) << '\t' << r.fileName << '\t'
              << QStringLiteral("added %1, updated %2, skipped %3, failed %4")
                     .arg(r.added).arg(r.updated).arg(r.skipped).arg(r.failed)
              << (r.revertedAt ? tr("\treverted %1").arg(time(r.revertedAt)) : QString()) << Qt::endl;
    return Ok;
}

int commandRevertImport(Context& c, const QSqlDatabase& db)
{
    if (c.args.size() != 1)
        return fail(c.err, tr("revert-import needs exactly one import id"), Usage);
    auto id = parseId(c.args.first());
    if (!id)
        return fail(c.err, tr("\"%1\" is not an import id").arg(c.args.first()), Usage);
    Status s = ImportJob::revert(db, *id);
    if (!s)
        return fail(c.err, s.error().toString());
    c.out << tr("Reverted import #%1").arg(*id) << Qt::endl;
    return Ok;
}

} // namespace

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

int fail(QTextStream& err, const QString& message, int code)
{
    err << "contactdesk-cli: " << QString(message).replace(QLatin1Char('\n'), QLatin1Char(' ')) << Qt::endl;
    return code;
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    auto option = [&parser](const char* name, const char* valueName = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name));
        if (valueName)
            o.setValueName(QString::fromLatin1(valueName));
        parser.addOption(o);
    };
    option("database", "PATH");
    option("region", "CC");
    option("version");
    option("help");
    option("json");
    option("limit", "N");
    option("seed", "S");
    option("first-name", "NAME");
    option("last-name", "NAME");
    option("email", "EMAIL");
    option("phone", "PHONE");
    option("company", "COMPANY");
    option("job-title", "TITLE");
    option("tag", "TAG");
    option("owner", "OWNER");
    option("encoding", "E");
    option("delimiter", "D");
    option("mapping", "MAP.json");
    option("policy", "POLICY");
    option("dry-run");
    option("search", "TEXT");
    option("min-score", "S");
    option("import-run", "ID");
    option("batch", "ID");
    addFilterOptions(parser);
    addListOptions(parser);
    addCampaignOptions(parser);
    const QString defaultRegion = AppSettings::defaultRegion();
    const QString usage = QString::fromUtf8(usageText).arg(AppSettings::defaultDatabasePath(), defaultRegion);
    if (!parser.parse(arguments))
        return fail(err, parser.errorText() + QStringLiteral(" (see --help)"), Usage);
    if (parser.isSet(QStringLiteral("help"))) {
        out << usage;
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "contactdesk-cli " << CONTACTDESK_VERSION << Qt::endl;
        return Ok;
    }
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(err, tr("no command given (see --help)"), Usage);
    const QString command = positional.takeFirst();
    Context context{parser, positional, out, err, parser.isSet(QStringLiteral("json"))};

    if (command == QLatin1String("generate-demo"))
        return commandGenerateDemo(context);

    const QStringList dbCommands{QStringLiteral("add"),    QStringLiteral("show"),
                                 QStringLiteral("stats"),  QStringLiteral("import"),  QStringLiteral("export"),
                                 QStringLiteral("imports"), QStringLiteral("revert-import")};
    if (!dbCommands.contains(command) && !isDedupeCommand(command) && !isFilterCommand(command)
        && !isListCommand(command) && !isCampaignCommand(command))
        return fail(err, tr("unknown command \"%1\" (see --help)").arg(command), Usage);

    QString region = defaultRegion;
    if (parser.isSet(QStringLiteral("region"))) {
        region = parser.value(QStringLiteral("region")).toUpper();
        if (!PhoneNormalizer::isKnownRegion(region))
            return fail(err, tr("\"%1\" is not a phone region (use a code like US or DE)").arg(region), Usage);
    }
    const QString path = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                                  : AppSettings::defaultDatabasePath();
    auto database = Database::open(path);
    if (!database)
        return fail(err, database.error().toString());
    int rc = Failed;
    {
        ContactRepository repo(database.value()->connection(), PhoneNormalizer(region));
        const QSqlDatabase db = database.value()->connection();
        if (isDedupeCommand(command))
            rc = runDedupeCommand(command, positional, parser, database.value()->path(), db, PhoneNormalizer(region), out,
                                  err);
        else if (isFilterCommand(command))
            rc = runFilterCommand(command, positional, parser, db, out, err);
        else if (isListCommand(command))
            rc = runListCommand(command, positional, parser, db, out, err);
        else if (isCampaignCommand(command))
            rc = runCampaignCommand(command, positional, parser, db, out, err);
        else if (command == QLatin1String("import"))
            rc = commandImport(context, db, database.value()->path(), region);
        else if (command == QLatin1String("export"))
            rc = commandExport(context, db);
        else if (command == QLatin1String("imports"))
            rc = commandImports(context, db);
        else if (command == QLatin1String("revert-import"))
            rc = commandRevertImport(context, db);
        else if (command == QLatin1String("add"))
            rc = commandAdd(context, repo);
        else if (command == QLatin1String("show"))
            rc = commandShow(context, repo);
        else
            rc = commandStats(context, repo);
    }
    return rc;
}

} // namespace ContactDesk::Cli
