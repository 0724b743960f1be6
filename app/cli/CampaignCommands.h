#pragma once
// The CLI's campaign commands: campaigns, campaign create|rename|archive|unarchive|add|set-status|
// import-status|show. `campaign add` takes the contacts as `list` does (the filter options, through
// the same ContactListQuery) or as ids, and runs CampaignStore's add, so the unsubscribed are
// skipped with the reason exactly as in the GUI's "Add to campaign…".

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QSqlDatabase;
class QTextStream;

namespace ContactDesk::Cli {

bool isCampaignCommand(const QString& command);
void addCampaignOptions(QCommandLineParser& parser);
int runCampaignCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                       const QSqlDatabase& db, QTextStream& out, QTextStream& err);

} // namespace ContactDesk::Cli
