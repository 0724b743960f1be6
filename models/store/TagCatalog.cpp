#include "TagCatalog.h"

#include "BulkTags.h"
#include "ContactFilter.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ContactDesk::TagCatalog {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TagCatalog", text);
}

Error cancelled()
{
    return Error{Error::Code::Cancelled, tr("the tag change was cancelled; nothing was changed"), {}};
}

bool proceed(const Progress& progress, int step)
{
    return !progress || progress(step);
}

using Sql::exec;

const char* rowColumns = "id, name, name_norm, color, created_at";

TagRow rowFrom(const QSqlQuery& q)
{
    return TagRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                  q.value(4).toLongLong()};
}

// The tag row `where` (on tags) finds, if any.
Result<std::optional<TagRow>> findRow(const QSqlDatabase& db, const QString& where, const QVariantList& binds)
{
    auto q = Sql::run(db, QStringLiteral("find tag"),
                      QStringLiteral("SELECT %1 FROM tags WHERE %2").arg(QLatin1String(rowColumns), where), binds);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<TagRow>();
    return std::optional<TagRow>(rowFrom(*q));
}

Result<TagRow> rowOf(const QSqlDatabase& db, qint64 id)
{
    auto row = findRow(db, QStringLiteral("id = ?"), {id});
    if (!row)
        return row.error();
    if (!row->has_value())
        return Error{Error::Code::NotFound, tr("the tag no longer exists"), tr("Tag")};
    return **row;
}

Result<QVector<qint64>> ids(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& binds)
{
    auto q = Sql::run(db, name, sql, binds);
    if (!q)
        return q.error();
    QVector<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

Result<int> targetCount(const QSqlDatabase& db)
{
    auto n = Sql::scalar(db, QStringLiteral("tag targets"), QStringLiteral("SELECT COUNT(*) FROM temp.bulk_targets"));
    if (!n)
        return n.error();
    return n->toInt();
}

Error nameTaken(const QString& name)
{
    return Error{Error::Code::Duplicate, tr("a tag \"%1\" was made since; rename or delete it first").arg(name), tr("Tag")};
}

// Puts a tag row back as it was. Its id, unless a tag made since took it (then a new id, written
// into `row`); refused when a tag made since has its name.
Status restoreRow(const QSqlDatabase& db, TagRow& row)
{
    auto sameName = findRow(db, QStringLiteral("name_norm = ?"), {row.nameNorm});
    if (!sameName)
        return sameName.error();
    if (sameName->has_value())
        return nameTaken((*sameName)->name);
    auto sameId = findRow(db, QStringLiteral("id = ?"), {row.id});
    if (!sameId)
        return sameId.error();
    auto q = Sql::run(db, QStringLiteral("restore tag"),
                      QStringLiteral("INSERT INTO tags (id, name, name_norm, color, created_at) VALUES (?, ?, ?, ?, ?)"),
                      {sameId->has_value() ? QVariant() : QVariant(row.id), row.name, row.nameNorm, Sql::text(row.color),
                       row.createdAt});
    if (!q)
        return q.error();
    row.id = q->lastInsertId().toLongLong();
    return {};
}

// Links every contact of `contactIds` that still exists to the tag (a purged contact stays gone).
Status linkAll(const QSqlDatabase& db, const QVector<qint64>& contactIds, qint64 tagId)
{
    return exec(db, QStringLiteral("restore tag links"),
                QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) SELECT c.id, ? FROM contacts c "
                               "WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id"),
                {tagId, Sql::idsJson(contactIds)});
}

Status setName(const QSqlDatabase& db, qint64 id, const QString& name, const QString& norm)
{
    return exec(db, QStringLiteral("rename tag"), QStringLiteral("UPDATE tags SET name = ?, name_norm = ? WHERE id = ?"),
                {name, norm, id});
}

Status setColorOf(const QSqlDatabase& db, qint64 id, const QString& color)
{
    return exec(db, QStringLiteral("tag colour"), QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"),
                {Sql::text(color), id});
}

Result<QString> cleanName(const QString& name)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return Error{Error::Code::Invalid, tr("a tag needs a name"), tr("Tag")};
    return clean;
}

// The undo of a merge: the merged tag and its links back, the links it gave `into` gone, and
// `into` spelled as before.
Status unmerge(const QSqlDatabase& db, Change& change, const Progress& progress)
{
    if (Status s = restoreRow(db, change.tag); !s)
        return s;
    if (!proceed(progress, 2))
        return cancelled();
    if (Status s = linkAll(db, change.carriers, change.tag.id); !s)
        return s;
    if (!proceed(progress, 3))
        return cancelled();
    if (Status s = exec(db, QStringLiteral("undo merge links"),
                        QStringLiteral("DELETE FROM contact_tags WHERE tag_id = ? AND contact_id IN "
                                       "(SELECT value FROM json_each(?))"),
                        {change.into.id, Sql::idsJson(change.linked)});
        !s)
        return s;
    return setName(db, change.into.id, change.into.name, change.into.nameNorm);
}

// The undo of a Create: the tag goes, unless contacts carry it by now.
Status uncreate(const QSqlDatabase& db, const Change& change)
{
    auto carried = Sql::scalar(db, QStringLiteral("tag carriers"),
                               QStringLiteral("SELECT COUNT(*) FROM contact_tags WHERE tag_id = ?"), {change.tag.id});
    if (!carried)
        return carried.error();
    if (carried->toInt() > 0)
        return Error{Error::Code::Invalid,
                     tr("the tag \"%1\" is on %2 contact(s) by now; delete it in the tag manager instead")
                         .arg(change.tag.name)
                         .arg(carried->toInt()),
                     tr("Tag")};
    return exec(db, QStringLiteral("undo create tag"), QStringLiteral("DELETE FROM tags WHERE id = ?"), {change.tag.id});
}

} // namespace

qint64 Change::resultTagId() const
{
    switch (operation) {
    case Operation::Merge: return into.id;
    case Operation::Remove: return 0;
    default: return tag.id;
    }
}

Result<QList<TagInfo>> list(const QSqlDatabase& db)
{
    // One grouped pass over contact_tags (2.7 s cold, 1M contacts and 1M links: callers run it in
    // a job), instead of one count per tag.
    auto q = Sql::run(db, QStringLiteral("all tags"),
                      QStringLiteral("SELECT t.id, t.name, t.color, COALESCE(n.live, 0) FROM tags t LEFT JOIN "
                                     "(SELECT ct.tag_id, COUNT(*) AS live FROM contact_tags ct "
                                     " JOIN contacts c ON c.id = ct.contact_id WHERE c.deleted_at IS NULL "
                                     " GROUP BY ct.tag_id) n ON n.tag_id = t.id ORDER BY t.name_norm"));
    if (!q)
        return q.error();
    QList<TagInfo> tags;
    while (q.value().next())
        tags.append(TagInfo{q.value().value(0).toLongLong(), q.value().value(1).toString(),
                            q.value().value(2).toString(), q.value().value(3).toInt()});
    return tags;
}

Result<Change> create(const QSqlDatabase& db, const QString& name)
{
    auto clean = cleanName(name);
    if (!clean)
        return clean.error();
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    const QString norm = ContactFilter::tagKey(*clean);
    auto existing = findRow(db, QStringLiteral("name_norm = ?"), {norm});
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Duplicate, tr("there is already a tag \"%1\"").arg((*existing)->name), tr("Tag")};
    Change change;
    change.operation = Operation::Create;
    change.tag = TagRow{0, *clean, norm, QString(), Sql::nowMs()};
    auto q = Sql::run(db, QStringLiteral("insert tag"),
                      QStringLiteral("INSERT INTO tags (name, name_norm, created_at) VALUES (?, ?, ?)"),
                      {change.tag.name, norm, change.tag.createdAt});
    if (!q)
        return q.error();
    change.tag.id = q->lastInsertId().toLongLong();
    auto made = rowOf(db, change.tag.id); // the columns as stored (the colour's default)
    if (!made)
        return made.error();
    change.tag = *made;
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Result<Change> rename(const QSqlDatabase& db, qint64 id, const QString& newName, const Progress& progress)
{
    auto clean = cleanName(newName);
    if (!clean)
        return clean.error();
    const QString norm = ContactFilter::tagKey(*clean);
    // Moving 100,000 links wants the bigger page cache BulkTags uses.
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    Change change;
    change.operation = Operation::Rename;
    change.newName = *clean;
    auto old = rowOf(db, id);
    if (!old)
        return old.error();
    change.tag = *old;
    auto other = findRow(db, QStringLiteral("name_norm = ? AND id <> ?"), {norm, id});
    if (!other)
        return other.error();
    if (!proceed(progress, 1))
        return cancelled();
    if (other->has_value()) {
        change.operation = Operation::Merge;
        change.into = **other;
        const qint64 into = change.into.id;
        const bool respelled = change.into.name != *clean;
        // Exactly what the merge changes, for its undo: every link of the old tag, and which of
        // its carriers lacked the surviving tag (they get a link to it).
        auto carriers = ids(db, QStringLiteral("merge tag carriers"),
                            QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ? ORDER BY contact_id"), {id});
        if (!carriers)
            return carriers.error();
        change.carriers = *carriers;
        auto linked = ids(db, QStringLiteral("merge tag linked"),
                          QStringLiteral("SELECT a.contact_id FROM contact_tags a WHERE a.tag_id = ? AND NOT EXISTS "
                                         "(SELECT 1 FROM contact_tags b WHERE b.contact_id = a.contact_id AND b.tag_id = ?) "
                                         "ORDER BY a.contact_id"),
                          {id, into});
        if (!linked)
            return linked.error();
        change.linked = *linked;
        // The carriers of the old tag change; those of the surviving one only when its spelling does.
        Status filled = respelled ? BulkTags::fillTargets(db,
                                                          QStringLiteral("SELECT DISTINCT contact_id FROM contact_tags "
                                                                         "WHERE tag_id IN (?, ?)"),
                                                          {id, into})
                                  : BulkTags::fillTargets(
                                        db, QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"), {id});
        if (!filled)
            return filled.error();
        if (!proceed(progress, 2))
            return cancelled();
        // A contact with both tags keeps one link.
        if (Status s = exec(db, QStringLiteral("merge tag links"),
                            QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) "
                                           "SELECT contact_id, ? FROM contact_tags WHERE tag_id = ?"),
                            {into, id});
            !s)
            return s.error();
        if (!proceed(progress, 3))
            return cancelled();
        for (const char* sql : {"DELETE FROM contact_tags WHERE tag_id = ?", "DELETE FROM tags WHERE id = ?"})
            if (Status s = exec(db, QStringLiteral("merge tag delete"), QString::fromLatin1(sql), {id}); !s)
                return s.error();
        if (respelled)
            if (Status s = setName(db, into, *clean, norm); !s)
                return s.error();
    } else {
        if (change.tag.name == *clean)
            return change; // nothing to do: contacts == 0
        if (Status s = BulkTags::fillTargets(db, QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"), {id});
            !s)
            return s.error();
        if (Status s = setName(db, id, *clean, norm); !s)
            return s.error();
    }
    // A rename is not an edit of the contacts: updated_at stays, and their rows hold no tag names.
    auto count = targetCount(db);
    if (!count)
        return count.error();
    change.contacts = *count;
    if (!proceed(progress, Steps))
        return cancelled();
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Result<Change> setColor(const QSqlDatabase& db, qint64 id, const QString& color)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    const QString c = color.trimmed().toLower();
    if (!c.isEmpty() && !hex.match(c).hasMatch())
        return Error{Error::Code::Invalid, tr("\"%1\" is not a colour like #3366cc").arg(color), tr("Colour")};
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto old = rowOf(db, id);
    if (!old)
        return old.error();
    Change change;
    change.operation = Operation::Color;
    change.tag = *old;
    change.newColor = c;
    if (Status s = setColorOf(db, id, c); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Result<Change> remove(const QSqlDatabase& db, qint64 id, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    Change change;
    change.operation = Operation::Remove;
    auto old = rowOf(db, id);
    if (!old)
        return old.error();
    change.tag = *old;
    if (!proceed(progress, 1))
        return cancelled();
    auto carriers = ids(db, QStringLiteral("tag carriers"),
                        QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ? ORDER BY contact_id"), {id});
    if (!carriers)
        return carriers.error();
    change.carriers = *carriers;
    change.contacts = int(change.carriers.size());
    if (!proceed(progress, 2))
        return cancelled();
    // Like a bulk tag change, losing a tag is not an edit of each contact: updated_at stays.
    for (const char* sql : {"DELETE FROM contact_tags WHERE tag_id = ?", "DELETE FROM tags WHERE id = ?"})
        if (Status s = exec(db, QStringLiteral("delete tag"), QString::fromLatin1(sql), {id}); !s)
            return s.error();
    if (!proceed(progress, Steps))
        return cancelled();
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Status undo(const QSqlDatabase& db, Change& change, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (!proceed(progress, 1))
        return cancelled();
    Change undone = change; // written back only when the undo commits
    Status s;
    switch (change.operation) {
    case Operation::Create: s = uncreate(db, undone); break;
    case Operation::Rename: {
        auto taken = findRow(db, QStringLiteral("name_norm = ? AND id <> ?"), {undone.tag.nameNorm, undone.tag.id});
        if (!taken)
            return taken.error();
        if (taken->has_value())
            return nameTaken((*taken)->name);
        s = setName(db, undone.tag.id, undone.tag.name, undone.tag.nameNorm);
        break;
    }
    case Operation::Merge: s = unmerge(db, undone, progress); break;
    case Operation::Color: s = setColorOf(db, undone.tag.id, undone.tag.color); break;
    case Operation::Remove:
        s = restoreRow(db, undone.tag);
        if (s && !proceed(progress, 2))
            return cancelled();
        if (s)
            s = linkAll(db, undone.carriers, undone.tag.id);
        break;
    }
    if (!s)
        return s;
    if (!proceed(progress, Steps))
        return cancelled();
    if (s = tx.commit(); !s)
        return s;
    change = undone;
    return {};
}

Status redo(const QSqlDatabase& db, Change& change, const Progress& progress)
{
    if (change.operation == Operation::Create) { // the same row again
        Sql::TransactionGuard tx(db);
        if (!tx.beginStatus())
            return tx.beginStatus();
        TagRow row = change.tag;
        if (Status s = restoreRow(db, row); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
        change.tag = row;
        return {};
    }
    auto again = change.operation == Operation::Color  ? setColor(db, change.tag.id, change.newColor)
                 : change.operation == Operation::Remove ? remove(db, change.tag.id, progress)
                                                         : rename(db, change.tag.id, change.newName, progress);
    if (!again)
        return again.error();
    change = *again;
    return {};
}

} // namespace ContactDesk::TagCatalog
