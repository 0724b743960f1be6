#pragma once
// The tags collection as a whole, for the tag manager and the CLI's `tags` / `tag rename` /
// `tag delete`: every tag with its live-contact count, create a tag with no contacts, rename
// (onto an existing name: merge), colour, delete from every contact. Each operation is one
// transaction of a few set-based statements on tags and contact_tags (the carriers' rows hold no
// tag names), with the carriers counted through BulkTags' temp table.
//
// Every operation returns a Change that says exactly what it did (the tag row before, the
// contacts whose links it removed or made), so undo() puts the tags and contact_tags rows back as
// they were (same ids, names, colours, creation dates, links) and redo() does it again, recording
// afresh. Undo and redo take one transaction each and are set-based (the contact ids go in as one
// JSON array), so a tag on 100,000 contacts comes back in a few statements.
// Runs on the connection it is given (a background job's in the GUI, the main one in the CLI).

#include "ContactRepository.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

namespace ContactDesk::TagCatalog {

// Every tag by name with its number of live contacts: one grouped scan of contact_tags.
Result<QList<TagInfo>> list(const QSqlDatabase& db);

// One row of the tags table, every column.
struct TagRow
{
    qint64 id = 0;
    QString name;
    QString nameNorm;
    QString color;
    qint64 createdAt = 0;
};

enum class Operation { Create, Rename, Merge, Color, Remove };

struct Change
{
    Operation operation = Operation::Create;
    TagRow tag;              // the tag as it was before (Create: as made)
    TagRow into;             // Merge: the tag that took the links, as it was before
    QString newName;         // Rename, Merge: the name asked for
    QString newColor;        // Color
    QVector<qint64> carriers; // Remove, Merge: every contact that carried `tag` (live and trashed)
    QVector<qint64> linked;  // Merge: the carriers that did not have `into` and got a link to it
    int contacts = 0;        // contacts whose tags changed (Rename: the carriers; Merge: those of
                             // `tag`, and of `into` when its spelling changed; Remove: the carriers)

    bool merged() const { return operation == Operation::Merge; }
    // The tag that carries the name after the change (0 after a Remove).
    qint64 resultTagId() const;
};

// step (1..Steps) before each statement; returning false cancels (everything rolls back).
using Progress = std::function<bool(int step)>;
constexpr int Steps = 4;

// A new tag nobody carries yet; fails when a tag of that name (any case) exists.
Result<Change> create(const QSqlDatabase& db, const QString& name);

// Renames tag `id`. When another tag already has the new name (case-insensitively) the two merge:
// the links move to that tag (a contact with both keeps one), which takes the new spelling, and
// tag `id` is deleted. Renaming to the name it has changes nothing (contacts == 0).
Result<Change> rename(const QSqlDatabase& db, qint64 id, const QString& newName, const Progress& progress = {});

// "#rrggbb" or "" for none.
Result<Change> setColor(const QSqlDatabase& db, qint64 id, const QString& color);

// Removes the tag from every contact (live and trashed) and deletes it; `contacts` is how many
// carried it.
Result<Change> remove(const QSqlDatabase& db, qint64 id, const Progress& progress = {});

// Takes a change back exactly. A tag it brings back gets its old id again, unless a tag made since
// took that id (then a new one, written into `change`); it refuses, naming the tag, when a tag
// made since has the name, and the undo of a Create refuses while contacts carry the tag.
Status undo(const QSqlDatabase& db, Change& change, const Progress& progress = {});
// Does the change again (a Create brings back the same row); records afresh.
Status redo(const QSqlDatabase& db, Change& change, const Progress& progress = {});

} // namespace ContactDesk::TagCatalog
