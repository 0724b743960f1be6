#pragma once
// contactdesk-cli: the headless front end. Parses the arguments, opens the store and runs the
// same operations the GUI runs. Errors are one line on stderr and a non-zero exit code.

#include <QStringList>

class QTextStream;

namespace ContactDesk::Cli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace ContactDesk::Cli
