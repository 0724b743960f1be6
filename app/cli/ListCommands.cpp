#include "ListCommands.h"

#include "CliCommands.h"
#include "FilterCommands.h"
#include "domain/PhoneNormalizer.h"
#include "store/BulkEdit.h"
#include "store/ContactRepository.h"
#include "store/SavedLists.h"
#include "store/Sql.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace ContactDesk::Cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QString contactsText(qsizetype n)
{
    return n == 1 ? tr("1 contact") : tr("%1 contacts").arg(n);
}

// Whether any filter option (or --search) was given: list-create and set-field say what they use.
bool hasFilter(const ContactListQuery& query)
{
    return !query.filter.isEmpty() || !query.searchText.trimmed().isEmpty();
}

int commandCreate(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
                  ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    if (args.size() != 1)
        return fail(err, tr("list-create needs one name: list-create NAME [FILTER] [--search TEXT] [--static]"), Usage);
    auto query = queryFrom(parser, db, repo);
    if (!query)
        return failWith(err, query.error());
    const bool isStatic = parser.isSet(QStringLiteral("static"));
    if (isStatic && hasFilter(*query))
        return fail(err, tr("a static list starts empty: add contacts with list-add, not filter options"), Usage);
    auto id = isStatic ? SavedLists::createStatic(db, args[0])
                       : SavedLists::createSmart(db, args[0], query->filter, query->searchText);
    if (!id)
        return failWith(err, id.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(out, QJsonObject{{QStringLiteral("id"), *id}, {QStringLiteral("name"), args[0].simplified()}});
    else
        out << (isStatic ? tr("Created static list \"%1\" (#%2)") : tr("Created smart list \"%1\" (#%2)"))
                   .arg(args[0].simplified())
                   .arg(*id)
            << Qt::endl;
    return Ok;
}

// Every list with the number of live contacts it shows now.
int commandLists(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db, QTextStream& out,
                 QTextStream& err)
{
    if (!args.isEmpty())
        return fail(err, tr("lists takes no arguments, not \"%1\"").arg(args.first()), Usage);
    auto lists = SavedLists::all(db);
    if (!lists)
        return fail(err, lists.error().toString());
    QJsonArray array;
    for (const SavedList& l : *lists) {
        ContactListQuery q;
        q.filter = l.shownFilter();
        q.searchText = l.shownSearch();
        auto n = Sql::run(db, QStringLiteral("count list"), q.countSql(), q.countBinds());
        if (!n)
            return fail(err, n.error().toString());
        const qint64 count = n->next() ? n->value(0).toLongLong() : 0;
        const QString kind = l.isSmart() ? QStringLiteral("smart") : QStringLiteral("static");
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o{{QStringLiteral("id"), l.id},
                          {QStringLiteral("name"), l.name},
                          {QStringLiteral("kind"), kind},
                          {QStringLiteral("contacts"), count}};
            if (l.isSmart()) {
                o.insert(QStringLiteral("search"), l.searchText);
                o.insert(QStringLiteral("filter"), l.filter.toJson());
            }
            array.append(o);
        } else {
            out << l.id << '\t' << l.name << '\t' << kind << '\t' << count << Qt::endl;
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(out, array);
    return Ok;
}

int commandMembers(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                   const QSqlDatabase& db, ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    const bool add = command == QLatin1String("list-add");
    if (args.size() != 1)
        return fail(err, tr("%1 needs one list: %1 LIST [FILTER]").arg(command), Usage);
    auto query = queryFrom(parser, db, repo);
    if (!query)
        return failWith(err, query.error());
    BulkEdit::Target target;
    target.query = *query;
    Result<BulkEdit::Change> change = Error{};
    if (add) {
        change = BulkEdit::addToList(db, args[0], target);
    } else {
        auto list = SavedLists::byName(db, args[0]);
        if (!list)
            return failWith(err, list.error());
        change = BulkEdit::removeFromList(db, list->id, target);
    }
    if (!change)
        return failWith(err, change.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(out, QJsonObject{{QStringLiteral("list"), change->listName},
                                   {QStringLiteral("created"), change->createdList},
                                   {QStringLiteral("changed"), qint64(change->ids.size())}});
    else if (add)
        out << tr("Added %1 to \"%2\"%3")
                   .arg(contactsText(change->ids.size()), change->listName,
                        change->createdList ? tr(" (new list)") : QString())
            << Qt::endl;
    else
        out << tr("Removed %1 from \"%2\"").arg(contactsText(change->ids.size()), change->listName) << Qt::endl;
    return Ok;
}

int commandDelete(const QStringList& args, const QSqlDatabase& db, QTextStream& out, QTextStream& err)
{
    if (args.size() != 1)
        return fail(err, tr("list-delete needs one list: list-delete LIST"), Usage);
    auto list = SavedLists::byName(db, args[0]);
    if (!list)
        return failWith(err, list.error());
    if (Status s = SavedLists::remove(db, list->id); !s)
        return failWith(err, s.error());
    out << tr("Deleted list \"%1\"").arg(list->name) << Qt::endl;
    return Ok;
}

// FIELD is a standard field (owner, status, type, company, job_title, city, ...) or the key of an
// existing custom field; an empty VALUE clears a custom field.
int commandSetField(const QStringList& args, const QCommandLineParser& parser, const QSqlDatabase& db,
                    ContactRepository& repo, QTextStream& out, QTextStream& err)
{
    if (args.size() != 2)
        return fail(err, tr("set-field needs a field and a value: set-field FIELD VALUE [FILTER]"), Usage);
    auto query = queryFrom(parser, db, repo);
    if (!query)
        return failWith(err, query.error());
    BulkEdit::Target target;
    target.query = *query;
    const QString name = args[0].trimmed();
    QStringList standard;
    Result<BulkEdit::Change> change = Error{};
    bool found = false;
    for (ContactField f : BulkEdit::settableFields()) {
        standard.append(Fields::columnName(f));
        if (Fields::columnName(f) == name) {
            change = BulkEdit::setField(db, f, args[1], target);
            found = true;
        }
    }
    if (!found) {
        if (auto custom = repo.customField(name, {}, false); !custom)
            return fail(err,
                        tr("\"%1\" is neither a field that can be set on many contacts (%2) nor a custom field")
                            .arg(name, standard.join(QStringLiteral(", "))),
                        Usage);
        change = BulkEdit::setCustomField(db, name, args[1], target);
    }
    if (!change)
        return failWith(err, change.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(out, QJsonObject{{QStringLiteral("field"), name},
                                   {QStringLiteral("value"), change->value},
                                   {QStringLiteral("changed"), qint64(change->ids.size())}});
    else
        out << tr("Set %1 to \"%2\" on %3").arg(name, change->value, contactsText(change->ids.size())) << Qt::endl;
    return Ok;
}

} // namespace

bool isListCommand(const QString& command)
{
    return command == QLatin1String("list-create") || command == QLatin1String("lists")
        || command == QLatin1String("list-add") || command == QLatin1String("list-remove")
        || command == QLatin1String("list-delete") || command == QLatin1String("set-field");
}

void addListOptions(QCommandLineParser& parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("static")));
}

int runListCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                   const QSqlDatabase& db, QTextStream& out, QTextStream& err)
{
    ContactRepository repo(db, PhoneNormalizer());
    if (command == QLatin1String("list-create"))
        return commandCreate(args, parser, db, repo, out, err);
    if (command == QLatin1String("lists"))
        return commandLists(args, parser, db, out, err);
    if (command == QLatin1String("list-delete"))
        return commandDelete(args, db, out, err);
    if (command == QLatin1String("set-field"))
        return commandSetField(args, parser, db, repo, out, err);
    return commandMembers(command, args, parser, db, repo, out, err);
}

} // namespace ContactDesk::Cli
