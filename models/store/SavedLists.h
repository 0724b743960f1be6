#pragma once
// The rep's saved lists (the seeds' lists, schema v6). A smart list is a named filter and search
// text, evaluated whenever it is shown, so it updates itself. A static list has members (each
// contact at most once); ContactFilter::listId shows them, so the list, its count, export and the
// bulk actions work on a static list like on any filter. Members are added and removed by
// BulkEdit (undoable); this file creates, renames, deletes and reads the lists themselves.

#include "ContactListQuery.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ContactDesk {

struct SavedList
{
    enum class Kind { Smart, Static };

    qint64 id = 0;
    QString name;
    Kind kind = Kind::Smart;
    ContactFilter filter; // a smart list's criteria
    QString searchText;   // a smart list's search text
    qint64 createdAt = 0;

    bool isSmart() const { return kind == Kind::Smart; }
    // What showing the list means: a smart list's filter and search; a static list's members.
    ContactFilter shownFilter() const;
    QString shownSearch() const { return isSmart() ? searchText : QString(); }
};

namespace SavedLists {

// Smart lists first, then static ones, each by name (case-insensitive).
Result<QList<SavedList>> all(const QSqlDatabase& db);
Result<SavedList> byId(const QSqlDatabase& db, qint64 id);
// By name, case-insensitive; NotFound names the list.
Result<SavedList> byName(const QSqlDatabase& db, const QString& name);

// Names are trimmed, non-empty and unique among all lists (case-insensitive).
Result<qint64> createSmart(const QSqlDatabase& db, const QString& name, const ContactFilter& filter,
                           const QString& searchText);
Result<qint64> createStatic(const QSqlDatabase& db, const QString& name);
Status rename(const QSqlDatabase& db, qint64 id, const QString& newName);
// Deletes the list; a static list's memberships go with it. Contacts are not touched.
Status remove(const QSqlDatabase& db, qint64 id);

QString nameKey(const QString& name); // how lists.name_norm spells a name

} // namespace SavedLists

} // namespace ContactDesk
