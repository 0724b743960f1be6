#pragma once
// The schema as numbered, append-only migrations. Each version is a list of single statements
// (QSQLITE runs one statement per exec) applied in one transaction that also sets user_version.

#include <QList>
#include <QStringList>

namespace ContactDesk::Migrations {

struct Migration
{
    int version;
    const char* summary;
    QStringList statements;
};

const QList<Migration>& all();
int latestVersion();

} // namespace ContactDesk::Migrations
