#pragma once
// contactdesk-cli: the headless front end. Parses the arguments, opens the store and runs the
// same operations the GUI runs. Errors are one line on stderr and a non-zero exit code.

#include <QStringList>

class QJsonValue;
class QString;
class QTextStream;

namespace ContactDesk::Cli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

// Shared by the command files: indented JSON on stdout, and a one-line error on stderr.
void printJson(QTextStream& out, const QJsonValue& value);
int fail(QTextStream& err, const QString& message, int code = Failed);

} // namespace ContactDesk::Cli
