#pragma once
// The bulk actions besides tags, over every contact matching a list query or an explicit set of
// ids (BulkTags::Target): add to / remove from a static list, set a single-valued field (owner,
// status, type, company, job title, address parts, time zone) or a custom field, and move to the
// Trash. Same shape as BulkTags: set-based SQL in one transaction, the contacts to change in
// temp.bulk_targets, and a Change that records what each changed contact had before (value,
// updated_at, list membership date), so undo puts exactly that back and redo does it again.
// Contacts already in the wanted state are skipped, so undo never touches them.

#include "BulkTags.h"
#include "domain/Contact.h"

#include <QVariantList>
#include <QVector>

namespace ContactDesk::BulkEdit {

using Target = BulkTags::Target;
using Progress = BulkTags::Progress;
constexpr int Steps = 4;

enum class Kind { AddToList, RemoveFromList, SetField, SetCustomField, Trash };

struct Change
{
    Kind kind = Kind::AddToList;
    // Lists: the static list, and whether this add created it (its undo deletes it again).
    qint64 listId = 0;
    QString listName;
    qint64 listCreatedAt = 0;
    bool createdList = false;
    // Fields: which one and the value set ("" clears a custom field).
    ContactField field = ContactField::Owner;
    QString customKey;
    bool createdField = false; // the set made the custom field's definition
    QString value;
    // One entry per changed contact, in id order: its value before (SetField: the column;
    // SetCustomField: the value or a null QVariant when it had none) and a time before
    // (updated_at; for RemoveFromList the date it was added to the list).
    QVector<qint64> ids;
    QVariantList oldValues;
    QVector<qint64> oldTimes;
};

// The standard fields a bulk "set a field" may write (single-valued, not names or ids).
QList<ContactField> settableFields();

// Adds to the static list named `listName` (created when no list has that name; a smart list
// is refused: it has no members).
Result<Change> addToList(const QSqlDatabase& db, const QString& listName, const Target& target,
                         const Progress& progress = {});
Result<Change> removeFromList(const QSqlDatabase& db, qint64 listId, const Target& target,
                              const Progress& progress = {});
// Status and type must be one of their allowed values.
Result<Change> setField(const QSqlDatabase& db, ContactField field, const QString& value, const Target& target,
                        const Progress& progress = {});
// A new key creates a text field (as the profile does); an empty value removes the field.
Result<Change> setCustomField(const QSqlDatabase& db, const QString& key, const QString& value, const Target& target,
                              const Progress& progress = {});
// Live contacts to the Trash (their emails and phones free again); undo restores them and fails,
// naming the contact and value, when someone took an email or phone meanwhile.
Result<Change> moveToTrash(const QSqlDatabase& db, const Target& target, const Progress& progress = {});

Status undo(const QSqlDatabase& db, const Change& change, const Progress& progress = {});
// Does the change again on the same contacts; records afresh what they had.
Status redo(const QSqlDatabase& db, Change& change, const Progress& progress = {});

} // namespace ContactDesk::BulkEdit
