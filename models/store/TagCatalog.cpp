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

Result<QString> nameOf(const QSqlDatabase& db, qint64 id)
{
    auto name = Sql::scalar(db, QStringLiteral("tag name"), QStringLiteral("SELECT name FROM tags WHERE id = ?"), {id});
    if (!name)
        return name.error();
    if (!name->isValid())
        return Error{Error::Code::NotFound, tr("the tag no longer exists"), tr("Tag")};
    return name->toString();
}

Result<int> targetCount(const QSqlDatabase& db)
{
    auto n = Sql::scalar(db, QStringLiteral("tag targets"), QStringLiteral("SELECT COUNT(*) FROM temp.bulk_targets"));
    if (!n)
        return n.error();
    return n->toInt();
}

} // namespace

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

Result<qint64> create(const QSqlDatabase& db, const QString& name)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return Error{Error::Code::Invalid, tr("a tag needs a name"), tr("Tag")};
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto existing = Sql::scalar(db, QStringLiteral("find tag"), QStringLiteral("SELECT name FROM tags WHERE name_norm = ?"),
                                {ContactFilter::tagKey(clean)});
    if (!existing)
        return existing.error();
    if (existing->isValid())
        return Error{Error::Code::Duplicate, tr("there is already a tag \"%1\"").arg(existing->toString()), tr("Tag")};
    auto q = Sql::run(db, QStringLiteral("insert tag"),
                      QStringLiteral("INSERT INTO tags (name, name_norm, created_at) VALUES (?, ?, ?)"),
                      {clean, ContactFilter::tagKey(clean), Sql::nowMs()});
    if (!q)
        return q.error();
    const qint64 id = q->lastInsertId().toLongLong();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<RenameOutcome> rename(const QSqlDatabase& db, qint64 id, const QString& newName)
{
    const QString clean = newName.simplified();
    if (clean.isEmpty())
        return Error{Error::Code::Invalid, tr("a tag needs a name"), tr("Tag")};
    const QString norm = ContactFilter::tagKey(clean);
    // Rewriting 100,000 contacts' rows wants the bigger page cache BulkTags uses.
    if (auto q = Sql::run(db, QStringLiteral("tag cache"), QStringLiteral("PRAGMA cache_size = -262144")); !q)
        return q.error();
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto oldName = nameOf(db, id);
    if (!oldName)
        return oldName.error();
    auto other = Sql::run(db, QStringLiteral("find tag"),
                          QStringLiteral("SELECT id, name FROM tags WHERE name_norm = ? AND id <> ?"), {norm, id});
    if (!other)
        return other.error();
    RenameOutcome outcome;
    outcome.tagId = id;
    if (other->next()) {
        outcome.merged = true;
        outcome.tagId = other->value(0).toLongLong();
        const bool respelled = other->value(1).toString() != clean;
        other->finish();
        // The carriers of the old tag change; those of the surviving one only when its spelling does.
        Status filled = respelled
                            ? BulkTags::fillTargets(db,
                                                    QStringLiteral("SELECT DISTINCT contact_id FROM contact_tags "
                                                                   "WHERE tag_id IN (?, ?)"),
                                                    {id, outcome.tagId})
                            : BulkTags::fillTargets(
                                  db, QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"), {id});
        if (!filled)
            return filled.error();
        // A contact with both tags keeps one link.
        if (auto q = Sql::run(db, QStringLiteral("merge tag links"),
                              QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) "
                                             "SELECT contact_id, ? FROM contact_tags WHERE tag_id = ?"),
                              {outcome.tagId, id});
            !q)
            return q.error();
        for (const char* sql : {"DELETE FROM contact_tags WHERE tag_id = ?", "DELETE FROM tags WHERE id = ?"}) {
            if (auto q = Sql::run(db, QStringLiteral("merge tag delete"), QString::fromLatin1(sql), {id}); !q)
                return q.error();
        }
        if (respelled) {
            if (auto q = Sql::run(db, QStringLiteral("rename tag"), QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"),
                                  {clean, outcome.tagId});
                !q)
                return q.error();
        }
    } else {
        other->finish();
        if (*oldName == clean)
            return outcome; // nothing to do
        if (Status s = BulkTags::fillTargets(db, QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"), {id});
            !s)
            return s.error();
        if (auto q = Sql::run(db, QStringLiteral("rename tag"),
                              QStringLiteral("UPDATE tags SET name = ?, name_norm = ? WHERE id = ?"), {clean, norm, id});
            !q)
            return q.error();
    }
    // A rename is not an edit of the contacts: updated_at stays, and their rows hold no tag names.
    auto count = targetCount(db);
    if (!count)
        return count.error();
    outcome.contacts = *count;
    if (Status s = tx.commit(); !s)
        return s.error();
    return outcome;
}

Status setColor(const QSqlDatabase& db, qint64 id, const QString& color)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    const QString c = color.trimmed().toLower();
    if (!c.isEmpty() && !hex.match(c).hasMatch())
        return Error{Error::Code::Invalid, tr("\"%1\" is not a colour like #3366cc").arg(color), tr("Colour")};
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto name = nameOf(db, id); !name)
        return name.error();
    if (auto q = Sql::run(db, QStringLiteral("tag colour"), QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"),
                          {Sql::text(c), id});
        !q)
        return q.error();
    return tx.commit();
}

Result<int> remove(const QSqlDatabase& db, qint64 id)
{
    if (auto q = Sql::run(db, QStringLiteral("tag cache"), QStringLiteral("PRAGMA cache_size = -262144")); !q)
        return q.error();
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (auto name = nameOf(db, id); !name)
        return name.error();
    if (Status s = BulkTags::fillTargets(db, QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"), {id});
        !s)
        return s.error();
    for (const char* sql : {"DELETE FROM contact_tags WHERE tag_id = ?", "DELETE FROM tags WHERE id = ?"}) {
        if (auto q = Sql::run(db, QStringLiteral("delete tag"), QString::fromLatin1(sql), {id}); !q)
            return q.error();
    }
    // Like a bulk tag change, losing a tag is not an edit of each contact: updated_at stays.
    auto count = targetCount(db);
    if (!count)
        return count.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return *count;
}

} // namespace ContactDesk::TagCatalog
