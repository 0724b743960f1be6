#pragma once
// Adds a tag to, or removes it from, many contacts at once: every contact matching a list query
// (the filter and search the rep sees, not only the loaded rows) or an explicit set of ids. All
// set-based SQL in one transaction: the targets go into a temporary table and the links are
// inserted or deleted in one statement. Nothing else is written: tags live only in
// contact_tags (the list reads a page's tags from there, search matches tag names through the
// tags table) and a tag is not an edit of the contact, so updated_at stays. A Change records exactly which links were
// made or removed, so undo touches only those. Runs on whatever connection it is given: the GUI
// calls it from a background job on its own connection, the CLI on its main one.

#include "ContactListQuery.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

namespace ContactDesk::BulkTags {

enum class Action { Add, Remove };

struct Change
{
    Action action = Action::Add;
    QString tag;
    bool createdTag = false; // the add made the tag; its undo removes the tag again if unused
    QVector<qint64> ids;     // contacts whose link this change made (add) or removed (remove)
};

// Which contacts: all matching `query`, or only `ids` when `useIds` is set.
struct Target
{
    ContactListQuery query;
    bool useIds = false;
    QList<qint64> ids;
};

// step (1..Steps) before each statement; returning false cancels (everything rolls back).
using Progress = std::function<bool(int step)>;
constexpr int Steps = 3;

Result<Change> apply(const QSqlDatabase& db, Action action, const QString& tag, const Target& target,
                     const Progress& progress = {});
// Takes a change back exactly (only its own links), and puts it back again; redo records afresh.
Status undo(const QSqlDatabase& db, const Change& change, const Progress& progress = {});
Status redo(const QSqlDatabase& db, Change& change, const Progress& progress = {});

// Shared with TagCatalog (call inside a transaction): put the contacts `select` (a SELECT of ids)
// returns into temp.bulk_targets.
Status fillTargets(const QSqlDatabase& db, const QString& select, const QVariantList& binds);

} // namespace ContactDesk::BulkTags
