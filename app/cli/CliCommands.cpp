#include "CliCommands.h"

#include "domain/PhoneNormalizer.h"
#include "io/DemoData.h"
#include "store/AppSettings.h"
#include "store/ContactRepository.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
  list [--limit N] [--json]
                          List contacts by name (default limit 50).
  stats [--json]          Count contacts, tags and notes.
  generate-demo N OUT.csv [--seed S]
                          Write N realistic demo contacts as CSV (deterministic per seed).

Options:
  --database PATH         The SQLite database (default: %1).
  --region CC             Default phone region for numbers without +country code
                          (default: %2, from the settings or the system locale).
  --version, --help
)";

QJsonObject contactJson(const Contact& c)
{
    QJsonObject o;
    o[QStringLiteral("id")] = c.id;
    o[QStringLiteral("uuid")] = c.uuid;
    o[QStringLiteral("display_name")] = c.displayName();
    for (ContactField f : Fields::all())
        o[Fields::columnName(f)] = c.field(f);
    QJsonArray emails;
    for (const auto& e : c.emails)
        emails.append(QJsonObject{{QStringLiteral("address"), e.address},
                                  {QStringLiteral("label"), e.label},
                                  {QStringLiteral("primary"), e.primary}});
    o[QStringLiteral("emails")] = emails;
    QJsonArray phones;
    for (const auto& p : c.phones)
        phones.append(QJsonObject{{QStringLiteral("number"), p.number},
                                  {QStringLiteral("e164"), p.e164},
                                  {QStringLiteral("label"), p.label},
                                  {QStringLiteral("primary"), p.primary}});
    o[QStringLiteral("phones")] = phones;
    o[QStringLiteral("tags")] = QJsonArray::fromStringList(c.tags);
    o[QStringLiteral("created_at")] = c.createdAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("updated_at")] = c.updatedAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("deleted_at")] = c.deletedAt.isValid() ? QJsonValue(c.deletedAt.toString(Qt::ISODateWithMs))
                                                            : QJsonValue();
    return o;
}

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

struct Context
{
    QCommandLineParser& parser;
    QStringList args; // positional, after the command
    QTextStream& out;
    QTextStream& err;
    bool json;
};

int fail(QTextStream& err, const QString& message, int code = Failed)
{
    err << "contactdesk-cli: " << QString(message).replace(QLatin1Char('\n'), QLatin1Char(' ')) << Qt::endl;
    return code;
}

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
        printJson(c.out, contactJson(*contact));
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

int commandList(Context& c, ContactRepository& repo)
{
    if (!c.args.isEmpty())
        return fail(c.err, tr("list takes options only, not \"%1\"").arg(c.args.first()), Usage);
    int limit = 50;
    if (c.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = c.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0)
            return fail(c.err, tr("--limit needs a number of contacts, not \"%1\"")
                                   .arg(c.parser.value(QStringLiteral("limit"))),
                        Usage);
    }
    auto rows = repo.list(limit);
    if (!rows)
        return fail(c.err, rows.error().toString());
    if (c.json) {
        QJsonArray array;
        for (const auto& r : *rows)
            array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("display_name"), r.displayName},
                                     {QStringLiteral("primary_email"), r.primaryEmail},
                                     {QStringLiteral("primary_phone"), r.primaryPhone},
                                     {QStringLiteral("company"), r.company},
                                     {QStringLiteral("tags"), r.tags},
                                     {QStringLiteral("source"), r.source}});
        printJson(c.out, array);
        return Ok;
    }
    for (const auto& r : *rows)
        c.out << r.id << '\t' << r.displayName << '\t' << r.primaryEmail << '\t' << r.primaryPhone << '\t' << r.company
              << '\t' << r.tags << Qt::endl;
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

} // namespace

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

    const QStringList dbCommands{QStringLiteral("add"), QStringLiteral("show"), QStringLiteral("list"),
                                 QStringLiteral("stats")};
    if (!dbCommands.contains(command))
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
        if (command == QLatin1String("add"))
            rc = commandAdd(context, repo);
        else if (command == QLatin1String("show"))
            rc = commandShow(context, repo);
        else if (command == QLatin1String("list"))
            rc = commandList(context, repo);
        else
            rc = commandStats(context, repo);
    }
    return rc;
}

} // namespace ContactDesk::Cli
