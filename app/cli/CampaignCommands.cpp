#include "CampaignCommands.h"

#include "CliCommands.h"
#include "FilterCommands.h"
#include "domain/PhoneNormalizer.h"
#include "store/CampaignStore.h"
#include "store/ContactRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace ContactDesk::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QString isoDate(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QJsonObject countsJson(const DeliveryCounts& counts)
{
    QJsonObject o;
    for (DeliveryStatus s : Delivery::all())
        o.insert(Delivery::key(s), counts.of(s));
    return o;
}

QJsonObject campaignJson(const Campaign& c)
{
    return QJsonObject{{QStringLiteral("id"), c.id},
                       {QStringLiteral("name"), c.name},
                       {QStringLiteral("channel"), c.channel},
                       {QStringLiteral("status"), c.status},
                       {QStringLiteral("created"), isoDate(c.createdAt)},
                       {QStringLiteral("archived"), c.isArchived()},
                       {QStringLiteral("members"), c.counts.total()},
                       {QStringLiteral("counts"), countsJson(c.counts)}};
}

int commandCampaigns(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
                     QTextStream& out, QTextStream& err)
{
    if (!args.isEmpty())
        return fail(err, tr("campaigns takes no arguments, not \"%1\"").arg(args.first()), Usage);
    auto campaigns = CampaignStore::list(db);
    if (!campaigns)
        return fail(err, campaigns.error().toString());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Campaign& c : std::as_const(*campaigns))
            array.append(campaignJson(c));
        printJson(out, array);
        return Ok;
    }
    // id, name, channel, status (archived), members, then the count of each delivery status.
    for (const Campaign& c : std::as_const(*campaigns)) {
        out << c.id << '\t' << c.name << '\t' << c.channel << '\t' << c.status
            << (c.isArchived() ? QStringLiteral(" (archived)") : QString()) << '\t' << c.counts.total();
        for (DeliveryStatus s : Delivery::all())
            out << '\t' << Delivery::key(s) << ' ' << c.counts.of(s);
        out << Qt::endl;
    }
    return Ok;
}

int commandShow(const Campaign& c, bool json, QTextStream& out)
{
    if (json) {
        printJson(out, campaignJson(c));
        return Ok;
    }
    out << "#" << c.id << " " << c.name << Qt::endl
        << "  " << tr("Channel") << ": " << c.channel << Qt::endl
        << "  " << tr("Status") << ": " << c.status << (c.isArchived() ? tr(" (archived)") : QString()) << Qt::endl
        << "  " << tr("Created") << ": " << isoDate(c.createdAt) << Qt::endl
        << "  " << tr("Members") << ": " << c.counts.total() << Qt::endl;
    for (DeliveryStatus s : Delivery::all())
        out << "    " << Delivery::key(s) << ": " << c.counts.of(s) << Qt::endl;
    return Ok;
}

int commandAdd(const Campaign& c, const QStringList& ids, const QCommandLineParser& parser, const QSqlDatabase& db,
               QTextStream& out, QTextStream& err)
{
    ContactRepository repo(db, PhoneNormalizer());
    CampaignStore::Target target;
    if (!ids.isEmpty()) {
        target.useIds = true;
        for (const QString& text : ids) {
            bool ok = false;
            const qint64 id = text.toLongLong(&ok);
            if (!ok || id <= 0)
                return fail(err, tr("\"%1\" is not a contact id").arg(text), Usage);
            target.ids.append(id);
        }
    } else {
        auto query = queryFrom(parser, db, repo);
        if (!query)
            return failWith(err, query.error());
        target.query = *query;
    }
    auto change = CampaignStore::addMembers(db, c.id, target);
    if (!change)
        return failWith(err, change.error());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out, QJsonObject{{QStringLiteral("campaign"), c.name},
                                   {QStringLiteral("added"), qint64(change->ids.size())},
                                   {QStringLiteral("already_members"), change->alreadyMembers},
                                   {QStringLiteral("skipped"), change->skipped()},
                                   {QStringLiteral("skipped_unsubscribed"), change->skippedUnsubscribed},
                                   {QStringLiteral("skipped_missing"), change->skippedMissing}});
        return Ok;
    }
    out << change->summary() << Qt::endl;
    return Ok;
}

int commandSetStatus(const Campaign& c, const QStringList& args, const QSqlDatabase& db, QTextStream& out,
                     QTextStream& err)
{
    if (args.size() != 2)
        return fail(err, tr("campaign set-status needs a contact id and a status: campaign set-status CAMPAIGN ID STATUS"),
                    Usage);
    bool ok = false;
    const qint64 id = args[0].toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(err, tr("\"%1\" is not a contact id").arg(args[0]), Usage);
    const auto status = Delivery::fromServiceWord(args[1]);
    if (!status) {
        QStringList keys;
        for (DeliveryStatus s : Delivery::all())
            keys.append(Delivery::key(s));
        return fail(err, tr("the status must be one of %1, not \"%2\"").arg(keys.join(QStringLiteral(", ")), args[1]),
                    Usage);
    }
    auto n = CampaignStore::setMemberStatus(db, c.id, {id}, *status);
    if (!n)
        return failWith(err, n.error());
    out << tr("Contact #%1 in \"%2\": %3").arg(id).arg(c.name, Delivery::key(*status)) << Qt::endl;
    return Ok;
}

int commandImportStatus(const Campaign& c, const QStringList& args, bool json, const QSqlDatabase& db,
                        QTextStream& out, QTextStream& err)
{
    if (args.size() != 1)
        return fail(err, tr("campaign import-status needs one CSV file: campaign import-status CAMPAIGN FILE.csv"), Usage);
    auto result = CampaignStore::importStatuses(db, c.id, args[0]);
    if (!result)
        return fail(err, result.error().toString());
    if (json) {
        QJsonArray problems;
        for (const CampaignStore::ImportProblem& p : std::as_const(result->problems))
            problems.append(QJsonObject{{QStringLiteral("line"), p.line}, {QStringLiteral("message"), p.message}});
        printJson(out, QJsonObject{{QStringLiteral("campaign"), c.name},
                                   {QStringLiteral("lines"), result->lines},
                                   {QStringLiteral("updated"), result->updated},
                                   {QStringLiteral("unchanged"), result->unchanged},
                                   {QStringLiteral("unsubscribed"), result->unsubscribed},
                                   {QStringLiteral("problems"), problems}});
        return Ok;
    }
    out << result->summary() << Qt::endl;
    for (const CampaignStore::ImportProblem& p : std::as_const(result->problems))
        out << tr("line %1: %2").arg(p.line).arg(p.message) << Qt::endl;
    return Ok;
}

} // namespace

bool isCampaignCommand(const QString& command)
{
    return command == QLatin1String("campaign") || command == QLatin1String("campaigns");
}

void addCampaignOptions(QCommandLineParser& parser)
{
    QCommandLineOption channel(QStringLiteral("channel"));
    channel.setValueName(QStringLiteral("C"));
    parser.addOption(channel);
}

int runCampaignCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                       const QSqlDatabase& db, QTextStream& out, QTextStream& err)
{
    if (command == QLatin1String("campaigns"))
        return commandCampaigns(args, parser, db, out, err);
    const QString sub = args.value(0);
    const bool json = parser.isSet(QStringLiteral("json"));
    const QStringList verbs{QStringLiteral("create"),     QStringLiteral("rename"),        QStringLiteral("archive"),
                            QStringLiteral("unarchive"),  QStringLiteral("add"),           QStringLiteral("set-status"),
                            QStringLiteral("import-status"), QStringLiteral("show")};
    if (!verbs.contains(sub))
        return fail(err,
                    tr("campaign needs create, rename, archive, unarchive, add, set-status, import-status or show, "
                       "not \"%1\" (see --help)")
                        .arg(sub),
                    Usage);
    if (args.size() < 2)
        return fail(err,
                    sub == QLatin1String("create") ? tr("campaign create needs a name: campaign create NAME [--channel C]")
                                                   : tr("campaign %1 needs a campaign (name or id)").arg(sub),
                    Usage);
    if (sub == QLatin1String("create")) {
        if (args.size() != 2)
            return fail(err, tr("campaign create takes one name (quote a name with spaces)"), Usage);
        const QString channel =
            parser.isSet(QStringLiteral("channel")) ? parser.value(QStringLiteral("channel")) : QStringLiteral("email");
        auto id = CampaignStore::create(db, args[1], channel);
        if (!id)
            return failWith(err, id.error());
        if (json)
            printJson(out, QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("name"), args[1].simplified()}});
        else
            out << tr("Created campaign #%1 \"%2\"").arg(*id).arg(args[1].simplified()) << Qt::endl;
        return Ok;
    }
    auto c = CampaignStore::find(db, args[1]);
    if (!c)
        return fail(err, c.error().toString());
    const QStringList rest = args.mid(2);
    if (sub == QLatin1String("show")) {
        if (!rest.isEmpty())
            return fail(err, tr("campaign show takes one campaign"), Usage);
        return commandShow(*c, json, out);
    }
    if (sub == QLatin1String("rename")) {
        if (rest.size() != 1)
            return fail(err, tr("campaign rename needs the campaign and its new name: campaign rename OLD NEW"), Usage);
        if (Status s = CampaignStore::rename(db, c->id, rest[0]); !s)
            return failWith(err, s.error());
        out << tr("Renamed \"%1\" to \"%2\"").arg(c->name, rest[0].simplified()) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("archive") || sub == QLatin1String("unarchive")) {
        if (!rest.isEmpty())
            return fail(err, tr("campaign %1 takes one campaign").arg(sub), Usage);
        const bool archive = sub == QLatin1String("archive");
        if (Status s = CampaignStore::setArchived(db, c->id, archive); !s)
            return failWith(err, s.error());
        out << (archive ? tr("Archived \"%1\"") : tr("Unarchived \"%1\"")).arg(c->name) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("add"))
        return commandAdd(*c, rest, parser, db, out, err);
    if (sub == QLatin1String("set-status"))
        return commandSetStatus(*c, rest, db, out, err);
    return commandImportStatus(*c, rest, json, db, out, err);
}

} // namespace ContactDesk::Cli
