#include "FilterCommands.h"

#include "CliCommands.h"
#include "domain/PhoneNormalizer.h"
#include "store/BulkTags.h"
#include "store/ContactListQuery.h"
#include "store/ContactRepository.h"
#include "store/SavedLists.h"
#include "store/Sql.h"
#include "store/TagCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <utility>

namespace ContactDesk::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

Error usageError(const QString& message)
{
    return Error{Error::Code::Invalid, message, {}};
}

// "2024-03-01" (local midnight, as the filter bar reads dates) or a full ISO date-time.
Result<qint64> parseDate(const QCommandLineParser& parser, const QString& option)
{
    const QString text = parser.value(option).trimmed();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return date.startOfDay().toMSecsSinceEpoch();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (time.isValid())
        return time.toMSecsSinceEpoch();
    return usageError(tr("--%1 needs a date like 2024-03-01, not \"%2\"").arg(option, text));
}

Result<TimeRange> parseRange(const QCommandLineParser& parser, const QString& name)
{
    TimeRange range;
    for (const bool after : {true, false}) {
        const QString option = name + (after ? QStringLiteral("-after") : QStringLiteral("-before"));
        if (!parser.isSet(option))
            continue;
        auto ms = parseDate(parser, option);
        if (!ms)
            return ms.error();
        (after ? range.from : range.to) = *ms;
    }
    if (range.from != 0 && range.to != 0 && range.from >= range.to)
        return usageError(tr("--%1-after must come before --%1-before").arg(name));
    return range;
}

// Every tag a filter names must exist: a typo would otherwise quietly match nobody (or everybody
// for --not-tag).
Status checkTags(ContactRepository& repo, const QStringList& tags)
{
    for (const QString& t : tags)
        if (auto id = repo.tagId(t, false); !id)
            return id.error();
    return {};
}

} // namespace

Result<ContactListQuery> queryFrom(const QCommandLineParser& parser, const QSqlDatabase& db, ContactRepository& repo)
{
    ContactListQuery query;
    query.searchText = parser.value(QStringLiteral("search"));
    ContactFilter& f = query.filter;
    f.allTags = parser.values(QStringLiteral("tag"));
    f.anyTags = parser.values(QStringLiteral("any-tag"));
    f.noneTags = parser.values(QStringLiteral("not-tag"));
    for (const QStringList& tags : {f.allTags, f.anyTags, f.noneTags})
        if (Status s = checkTags(repo, tags); !s)
            return s.error();
    f.source = parser.value(QStringLiteral("source")).trimmed().toLower();
    const QStringList sources{QStringLiteral("manual"), QStringLiteral("csv"), QStringLiteral("vcard"),
                              QStringLiteral("chat"), QStringLiteral("connected")};
    if (!f.source.isEmpty() && !sources.contains(f.source))
        return usageError(
            tr("--source must be one of %1, not \"%2\"").arg(sources.join(QStringLiteral(", ")), f.source));
    f.status = parser.value(QStringLiteral("status"));
    f.owner = parser.value(QStringLiteral("owner"));
    f.type = parser.value(QStringLiteral("type"));
    for (const auto& [name, range] : {std::pair{QStringLiteral("created"), &f.created},
                                      std::pair{QStringLiteral("updated"), &f.updated}}) {
        auto r = parseRange(parser, name);
        if (!r)
            return r.error();
        *range = *r;
    }
    if (parser.isSet(QStringLiteral("letter"))) {
        f.letter = parser.value(QStringLiteral("letter")).trimmed().toLower();
        const bool ok = f.letter == QLatin1String("#")
                        || (f.letter.size() == 1 && f.letter.front() >= QLatin1Char('a') && f.letter.front() <= QLatin1Char('z'));
        if (!ok)
            return usageError(tr("--letter needs one letter a-z or #, not \"%1\"").arg(f.letter));
    }
    if (parser.isSet(QStringLiteral("field"))) {
        const QString field = parser.value(QStringLiteral("field"));
        const qsizetype eq = field.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(tr("--field needs KEY=VALUE, not \"%1\"").arg(field));
        f.fieldKey = field.left(eq).trimmed();
        f.fieldValue = field.mid(eq + 1).trimmed();
        if (auto id = repo.customField(f.fieldKey, {}, false); !id)
            return id.error();
    }
    if (parser.isSet(QStringLiteral("in-list"))) {
        auto list = SavedLists::byName(db, parser.value(QStringLiteral("in-list")));
        if (!list)
            return list.error();
        if (list->isSmart())
            return usageError(tr("--in-list needs a static list; \"%1\" is a smart list").arg(list->name));
        f.listId = list->id;
    }
    return query;
}

int failWith(QTextStream& err, const Error& error)
{
    return fail(err, error.toString(), error.code == Error::Code::Invalid ? Usage : Failed);
}

namespace {

Result<int> parseLimit(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("limit")))
        return 50;
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0)
        return usageError(tr("--limit needs a number of contacts, not \"%1\"").arg(parser.value(QStringLiteral("limit"))));
    return limit;
}

// The first `limit` matching contacts in name order (or only their number with --count).
int printContacts(const QCommandLineParser& parser, const QSqlDatabase& db, const ContactListQuery& query,
                  QTextStream& out, QTextStream& err)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("count"))) {
        auto n = Sql::run(db, QStringLiteral("count contacts"), query.countSql(), query.countBinds());
        if (!n)
            return fail(err, n.error().toString());
        const qint64 count = n->next() ? n->value(0).toLongLong() : 0;
        if (json)
            printJson(out, QJsonObject{{QStringLiteral("count"), count}});
        else
            out << count << Qt::endl;
        return Ok;
    }
    auto limit = parseLimit(parser);
    if (!limit)
        return failWith(err, limit.error());
    auto rows = Sql::run(db, QStringLiteral("list contacts"), query.pageSql(false),
                         query.pageBinds({}, 0, false, *limit));
    if (!rows)
        return fail(err, rows.error().toString());
    // Columns: id, key, display_name, primary_email, primary_phone, company, tags, source, updated_at
    QJsonArray array;
    while (rows->next()) {
        const QSqlQuery& r = *rows;
        if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), r.value(0).toLongLong()},
                                     {QStringLiteral("display_name"), r.value(2).toString()},
                                     {QStringLiteral("primary_email"), r.value(3).toString()},
                                     {QStringLiteral("primary_phone"), r.value(4).toString()},
                                     {QStringLiteral("company"), r.value(5).toString()},
                                     {QStringLiteral("tags"), r.value(6).toString()},
                                     {QStringLiteral("source"), r.value(7).toString()}});
            continue;
        }
        out << r.value(0).toLongLong() << '\t' << r.value(2).toString() << '\t' << r.value(3).toString() << '\t'
            << r.value(4).toString() << '\t' << r.value(5).toString() << '\t' << r.value(6).toString() << Qt::endl;
    }
    if (json)
        printJson(out, array);
    return Ok;
}

int commandList(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
                ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    if (!args.isEmpty())
        return fail(err, tr("list takes options only, not \"%1\"").arg(args.first()), Usage);
    auto query = queryFrom(parser, db, repo);
    if (!query)
        return failWith(err, query.error());
    return printContacts(parser, db, *query, out, err);
}

int commandSearch(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
                  ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    const QString text = args.join(QLatin1Char(' ')).trimmed();
    if (text.isEmpty())
        return fail(err, tr("search needs some text: search TEXT"), Usage);
    auto query = queryFrom(parser, db, repo);
    if (!query)
        return failWith(err, query.error());
    query->searchText = text; // the list's own search (ContactListQuery::whereClause)
    return printContacts(parser, db, *query, out, err);
}

int commandTags(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db, QTextStream& out,
                QTextStream& err)
{
    if (!args.isEmpty())
        return fail(err, tr("tags takes no arguments, not \"%1\"").arg(args.first()), Usage);
    auto tags = TagCatalog::list(db);
    if (!tags)
        return fail(err, tags.error().toString());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const TagInfo& t : *tags)
            array.append(QJsonObject{{QStringLiteral("id"), t.id},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("color"), t.color},
                                     {QStringLiteral("contacts"), t.contactCount}});
        printJson(out, array);
        return Ok;
    }
    for (const TagInfo& t : *tags) {
        out << t.name << '\t' << t.contactCount;
        if (!t.color.isEmpty())
            out << '\t' << t.color;
        out << Qt::endl;
    }
    return Ok;
}

QString contactsText(qsizetype n)
{
    return n == 1 ? tr("1 contact") : tr("%1 contacts").arg(n);
}

int commandTag(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
               ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (sub == QLatin1String("add") || sub == QLatin1String("remove")) {
        if (args.size() != 2)
            return fail(err, tr("tag %1 needs one tag: tag %1 TAG [filter options]").arg(sub), Usage);
        const bool add = sub == QLatin1String("add");
        if (!add)
            if (auto id = repo.tagId(args[1], false); !id)
                return fail(err, id.error().toString());
        auto query = queryFrom(parser, db, repo);
        if (!query)
            return failWith(err, query.error());
        BulkTags::Target target;
        target.query = *query;
        auto change = BulkTags::apply(db, add ? BulkTags::Action::Add : BulkTags::Action::Remove, args[1], target);
        if (!change)
            return failWith(err, change.error());
        if (json)
            printJson(out, QJsonObject{{QStringLiteral("tag"), change->tag},
                                       {QStringLiteral("changed"), qint64(change->ids.size())}});
        else if (add)
            out << tr("Added \"%1\" to %2").arg(change->tag, contactsText(change->ids.size())) << Qt::endl;
        else
            out << tr("Removed \"%1\" from %2").arg(change->tag, contactsText(change->ids.size())) << Qt::endl;
        return Ok;
    }
    const int wanted = sub == QLatin1String("rename") || sub == QLatin1String("color") ? 3 : 2;
    if (sub != QLatin1String("rename") && sub != QLatin1String("delete") && sub != QLatin1String("color"))
        return fail(err, tr("tag needs add, remove, rename, delete or color, not \"%1\" (see --help)").arg(sub), Usage);
    if (args.size() != wanted)
        return fail(err,
                    sub == QLatin1String("rename")  ? tr("tag rename needs the old and the new name: tag rename OLD NEW")
                    : sub == QLatin1String("color") ? tr("tag color needs a tag and a colour: tag color TAG #RRGGBB")
                                                    : tr("tag delete needs one tag: tag delete TAG"),
                    Usage);
    auto id = repo.tagId(args[1], false);
    if (!id)
        return fail(err, id.error().toString());
    if (sub == QLatin1String("rename")) {
        auto outcome = TagCatalog::rename(db, *id, args[2]);
        if (!outcome)
            return failWith(err, outcome.error());
        if (json)
            printJson(out, QJsonObject{{QStringLiteral("tag"), args[2].simplified()},
                                       {QStringLiteral("merged"), outcome->merged()},
                                       {QStringLiteral("changed"), outcome->contacts}});
        else
            out << (outcome->merged() ? tr("Merged \"%1\" into \"%2\" (%3)") : tr("Renamed \"%1\" to \"%2\" (%3)"))
                       .arg(args[1].simplified(), args[2].simplified(), contactsText(outcome->contacts))
                << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("color")) {
        if (auto colored = TagCatalog::setColor(db, *id, args[2]); !colored)
            return failWith(err, colored.error());
        out << tr("Set the colour of \"%1\" to %2").arg(args[1].simplified(), args[2].trimmed().toLower()) << Qt::endl;
        return Ok;
    }
    auto removed = TagCatalog::remove(db, *id);
    if (!removed)
        return fail(err, removed.error().toString());
    if (json)
        printJson(out, QJsonObject{{QStringLiteral("tag"), args[1].simplified()},
                                   {QStringLiteral("changed"), removed->contacts}});
    else
        out << tr("Deleted \"%1\" from %2").arg(args[1].simplified(), contactsText(removed->contacts)) << Qt::endl;
    return Ok;
}

} // namespace

bool isFilterCommand(const QString& command)
{
    return command == QLatin1String("search") || command == QLatin1String("list") || command == QLatin1String("tags")
        || command == QLatin1String("tag");
}

void addFilterOptions(QCommandLineParser& parser)
{
    // --tag, --owner, --search, --limit and --json are registered by the shared parser already.
    for (const char* name : {"any-tag", "not-tag", "source", "status", "type", "created-after", "created-before",
                             "updated-after", "updated-before", "letter", "field", "in-list"}) {
        QCommandLineOption o(QString::fromLatin1(name));
        o.setValueName(QStringLiteral("VALUE"));
        parser.addOption(o);
    }
    parser.addOption(QCommandLineOption(QStringLiteral("count")));
}

int runFilterCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                     const QSqlDatabase& db, QTextStream& out, QTextStream& err)
{
    ContactRepository repo(db, PhoneNormalizer());
    if (command == QLatin1String("search"))
        return commandSearch(args, parser, db, repo, out, err);
    if (command == QLatin1String("list"))
        return commandList(args, parser, db, repo, out, err);
    if (command == QLatin1String("tags"))
        return commandTags(args, parser, db, out, err);
    return commandTag(args, parser, db, repo, out, err);
}

} // namespace ContactDesk::Cli
