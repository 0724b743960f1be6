#pragma once
// The CLI's saved lists and bulk field changes: list-create (a smart list from the filter options,
// or --static), lists, list-add / list-remove (members of a static list), list-delete and
// set-field. The filter options are the ones `list` takes (FilterCommands::queryFrom), and the
// writes are SavedLists and BulkEdit, as in the window.

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QSqlDatabase;
class QTextStream;

namespace ContactDesk::Cli {

bool isListCommand(const QString& command);
void addListOptions(QCommandLineParser& parser);
int runListCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                   const QSqlDatabase& db, QTextStream& out, QTextStream& err);

} // namespace ContactDesk::Cli
