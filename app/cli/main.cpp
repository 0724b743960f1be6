// contactdesk-cli: ContactDesk without a window, for scripts and benchmarks.

#include "CliCommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("contactdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONTACTDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int rc = ContactDesk::Cli::run(QCoreApplication::arguments(), out, err);
    out.flush();
    err.flush();
    return rc;
}
