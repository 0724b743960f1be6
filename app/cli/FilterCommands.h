#pragma once
// The CLI's find-and-act commands: search, list with the filter options, tags, and tag
// add|remove|rename|delete|color. The filter options become one ContactFilter (inside a
// ContactListQuery), the very value the GUI's filter bar builds, so `list`, `tag add` and the
// window agree on which contacts match; bulk changes run BulkTags and TagCatalog.

#include "domain/Result.h"
#include "store/ContactListQuery.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QSqlDatabase;
class QTextStream;

namespace ContactDesk {
class ContactRepository;
}

namespace ContactDesk::Cli {

// The filter options (and --search) as the query the list and bulk actions share; an option
// that names something missing (a tag, a custom field, a list) is an error, not an empty match.
Result<ContactListQuery> queryFrom(const QCommandLineParser& parser, const QSqlDatabase& db, ContactRepository& repo);
// One line on err; exit 2 for bad input (Invalid), else 1.
int failWith(QTextStream& err, const Error& error);

bool isFilterCommand(const QString& command);
// The options the filter commands read (registered on the shared parser).
void addFilterOptions(QCommandLineParser& parser);
int runFilterCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                     const QSqlDatabase& db, QTextStream& out, QTextStream& err);

} // namespace ContactDesk::Cli
