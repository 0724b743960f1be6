#pragma once
// The tags collection as a whole, for the tag manager and the CLI's `tags` / `tag rename` /
// `tag delete`: every tag with its live-contact count, create a tag with no contacts, rename
// (onto an existing name: merge), colour, delete from every contact. Each operation is one
// transaction of a few set-based statements on tags and contact_tags (the carriers' rows hold no
// tag names), with the carriers counted through BulkTags' temp table.
// Runs on the connection it is given (a background job's in the GUI, the main one in the CLI).

#include "ContactRepository.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace ContactDesk::TagCatalog {

// Every tag by name with its number of live contacts: one grouped scan of contact_tags.
Result<QList<TagInfo>> list(const QSqlDatabase& db);

// A new tag nobody carries yet; fails when a tag of that name (any case) exists.
Result<qint64> create(const QSqlDatabase& db, const QString& name);

struct RenameOutcome
{
    qint64 tagId = 0;      // the tag that now carries the name
    bool merged = false;   // the name belonged to another tag: the two are one now
    int contacts = 0;      // contacts whose tags changed (the renamed tag's carriers)
};
// Renames tag `id`. When another tag already has the new name (case-insensitively) the two merge:
// the links move to that tag (a contact with both keeps one), which takes the new spelling, and
// tag `id` is deleted.
Result<RenameOutcome> rename(const QSqlDatabase& db, qint64 id, const QString& newName);

// "#rrggbb" or "" for none.
Status setColor(const QSqlDatabase& db, qint64 id, const QString& color);

// Removes the tag from every contact (live and trashed) and deletes it; returns how many
// contacts carried it.
Result<int> remove(const QSqlDatabase& db, qint64 id);

} // namespace ContactDesk::TagCatalog
