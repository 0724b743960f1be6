#pragma once
// The CLI's duplicate commands: duplicates, merge, merge-all, undo-merge, merges, not-duplicates.
// They run the same finder and merger as the duplicate-review dialog.

#include <QString>
#include <QStringList>

class QCommandLineParser;
class QSqlDatabase;
class QTextStream;

namespace ContactDesk {
class PhoneNormalizer;
}

namespace ContactDesk::Cli {

bool isDedupeCommand(const QString& command);
int runDedupeCommand(const QString& command, const QStringList& args, const QCommandLineParser& parser,
                     const QString& databasePath, const QSqlDatabase& db, const PhoneNormalizer& phones,
                     QTextStream& out, QTextStream& err);

} // namespace ContactDesk::Cli
