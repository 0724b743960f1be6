#pragma once
// The schema as numbered, append-only migrations. Each version is a list of single statements
// (QSQLITE runs one statement per exec) applied in one transaction that also sets user_version.

#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace ContactDesk::Migrations {

struct Migration
{
    int version;
    const char* summary;
    QStringList statements;
    // Runs after the statements, in the same transaction: data a statement cannot compute.
    std::function<Status(const QSqlDatabase&)> code = {};
    // Rebuilds a table others reference (create, copy, drop, rename): runs with foreign keys off,
    // so dropping the old table cascades nothing, and checks every key before it commits.
    bool rebuildsTables = false;
};

const QList<Migration>& all();
int latestVersion();

} // namespace ContactDesk::Migrations
