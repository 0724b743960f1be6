#include "BulkTags.h"

#include "ContactFilter.h"
#include "ContactRepository.h"
#include "Sql.h"

#include <QCoreApplication>

namespace ContactDesk::BulkTags {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BulkTags", text);
}

Error cancelled()
{
    return Error{Error::Code::Cancelled, tr("the tag change was cancelled; nothing was changed"), {}};
}

// Links or unlinks the targets and rewrites what every list and search reads from them.
Status changeLinks(const QSqlDatabase& db, Action action, qint64 tagId, const Progress& progress, int firstStep)
{
    if (progress && !progress(firstStep))
        return cancelled();
    auto link = action == Action::Add
                    ? Sql::run(db, QStringLiteral("bulk link tag"),
                               QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id) "
                                              "SELECT id, ? FROM temp.bulk_targets ORDER BY id"),
                               {tagId})
                    : Sql::run(db, QStringLiteral("bulk unlink tag"),
                               QStringLiteral("DELETE FROM contact_tags WHERE tag_id = ? "
                                              "AND contact_id IN (SELECT id FROM temp.bulk_targets)"),
                               {tagId});
    if (!link)
        return link.error();
    if (progress && !progress(firstStep + 1))
        return cancelled();
    return {};
}

Result<QVector<qint64>> targetIds(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("bulk targets"), QStringLiteral("SELECT id FROM temp.bulk_targets ORDER BY id"));
    if (!q)
        return q.error();
    QVector<qint64> ids;
    while (q.value().next())
        ids.append(q.value().value(0).toLongLong());
    return ids;
}

// Contacts of `ids` that do (linked) or do not (!linked) carry the tag now.
Status fillFromIds(const QSqlDatabase& db, const QVector<qint64>& ids, qint64 tagId, bool linked)
{
    return fillTargets(db,
                       QStringLiteral("SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) AND id %1 "
                                      "(SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
                           .arg(linked ? QStringLiteral("IN") : QStringLiteral("NOT IN")),
                       {Sql::idsJson(ids), tagId});
}

struct Step
{
    Action action = Action::Add;
    bool dropUnusedTag = false; // the undo of an add that made the tag
};

// One change in one transaction: find (or, for an add, make) the tag, let `fill` put the contacts
// to change into bulk_targets, change their links, and record which contacts changed.
Status execute(const QSqlDatabase& db, Change& change, Step step, const std::function<Status(qint64)>& fill,
               const Progress& progress)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    ContactRepository repo(db, PhoneNormalizer());
    const bool add = step.action == Action::Add;
    auto tagId = repo.tagId(change.tag, false);
    if (!tagId && tagId.error().code != Error::Code::NotFound)
        return tagId.error();
    if (!tagId && !add) {
        change.ids.clear(); // nobody carries a tag that does not exist
        return {};
    }
    if (!tagId) {
        change.createdTag = true;
        tagId = repo.tagId(change.tag, true);
        if (!tagId)
            return tagId.error();
    }
    if (progress && !progress(1))
        return cancelled();
    if (Status s = fill(*tagId); !s)
        return s;
    if (Status s = changeLinks(db, step.action, *tagId, progress, 2); !s)
        return s;
    auto done = targetIds(db);
    if (!done)
        return done.error();
    change.ids = *done;
    if (step.dropUnusedTag) {
        if (auto q = Sql::run(db, QStringLiteral("drop unused tag"),
                              QStringLiteral("DELETE FROM tags WHERE id = ? AND id NOT IN "
                                             "(SELECT tag_id FROM contact_tags WHERE tag_id = ?)"),
                              {*tagId, *tagId});
            !q)
            return q.error();
    }
    return tx.commit();
}

} // namespace

// The target contacts go into a temporary table (per connection), so each later statement is a
// join on it instead of a list of binds.
Status fillTargets(const QSqlDatabase& db, const QString& select, const QVariantList& binds)
{
    for (const char* sql : {"CREATE TEMP TABLE IF NOT EXISTS bulk_targets (id INTEGER PRIMARY KEY)",
                            "DELETE FROM temp.bulk_targets"}) {
        if (auto q = Sql::run(db, QStringLiteral("bulk targets"), QString::fromLatin1(sql)); !q)
            return q.error();
    }
    if (auto q = Sql::run(db, QStringLiteral("bulk targets"), QStringLiteral("INSERT INTO temp.bulk_targets ") + select,
                          binds);
        !q)
        return q.error();
    return {};
}

Result<Change> apply(const QSqlDatabase& db, Action action, const QString& tag, const Target& target,
                     const Progress& progress)
{
    Change change;
    change.action = action;
    change.tag = tag.simplified();
    if (change.tag.isEmpty())
        return Error{Error::Code::Invalid, tr("a tag needs a name"), tr("Tag")};
    const bool add = action == Action::Add;
    // Only the contacts the action changes: an add skips those who have the tag already.
    auto fill = [&](qint64 tagId) -> Status {
        if (target.useIds)
            return fillFromIds(db, QVector<qint64>(target.ids.cbegin(), target.ids.cend()), tagId, !add);
        QVariantList binds = target.query.whereBinds();
        binds << tagId;
        return fillTargets(db,
                           QStringLiteral("SELECT id FROM contacts WHERE %1 AND id %2 "
                                          "(SELECT contact_id FROM contact_tags WHERE tag_id = ?)")
                               .arg(target.query.whereClause(), add ? QStringLiteral("NOT IN") : QStringLiteral("IN")),
                           binds);
    };
    if (Status s = execute(db, change, Step{action, false}, fill, progress); !s)
        return s.error();
    return change;
}

Status undo(const QSqlDatabase& db, const Change& change, const Progress& progress)
{
    Change inverse = change;
    const bool wasAdd = change.action == Action::Add;
    const Step step{wasAdd ? Action::Remove : Action::Add, wasAdd && change.createdTag};
    return execute(db, inverse, step,
                   [&](qint64 tagId) { return fillFromIds(db, change.ids, tagId, wasAdd); }, progress);
}

Status redo(const QSqlDatabase& db, Change& change, const Progress& progress)
{
    Change again = change;
    const bool add = change.action == Action::Add;
    Status s = execute(db, again, Step{change.action, false},
                       [&](qint64 tagId) { return fillFromIds(db, change.ids, tagId, !add); }, progress);
    if (s)
        change.ids = again.ids;
    return s;
}

} // namespace ContactDesk::BulkTags
