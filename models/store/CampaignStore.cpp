#include "CampaignStore.h"

#include "ContactListQuery.h"
#include "Sql.h"
#include "domain/EmailAddressRules.h"
#include "io/CsvReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QTimeZone>

namespace ContactDesk::CampaignStore {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CampaignStore", text);
}

QString contactsText(qint64 n)
{
    return n == 1 ? tr("1 contact") : tr("%1 contacts").arg(n);
}

Error cancelled()
{
    return Error{Error::Code::Cancelled, tr("the campaign change was cancelled; nothing was changed"), {}};
}

Campaign campaignFrom(const QSqlQuery& q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.channel = q.value(2).toString();
    c.status = q.value(3).toString();
    c.createdAt = q.value(4).toLongLong();
    c.archivedAt = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    return c;
}

const char* campaignColumns = "id, name, channel, status, created_at, archived_at";

// The campaign's name, failing with NotFound; an archived one fails too when `forAdding`.
Result<Campaign> existing(const QSqlDatabase& db, qint64 id, bool forAdding = false)
{
    auto c = campaign(db, id);
    if (!c)
        return c;
    if (forAdding && c->isArchived())
        return Error{Error::Code::Invalid,
                     tr("the campaign \"%1\" is archived; unarchive it to add contacts").arg(c->name), tr("Campaign")};
    return c;
}

// A clean name that no other campaign has (case-insensitively).
Result<QString> checkName(const QSqlDatabase& db, const QString& name, qint64 exceptId)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return Error{Error::Code::Invalid, tr("a campaign needs a name"), tr("Campaign")};
    auto q = Sql::run(db, QStringLiteral("campaign names"), QStringLiteral("SELECT id, name FROM campaigns"));
    if (!q)
        return q.error();
    const QString folded = clean.toCaseFolded();
    while (q->next())
        if (q->value(0).toLongLong() != exceptId && q->value(1).toString().toCaseFolded() == folded)
            return Error{Error::Code::Duplicate, tr("there is already a campaign \"%1\"").arg(q->value(1).toString()),
                         tr("Campaign")};
    return clean;
}

using Sql::exec;

Result<int> changed(const QSqlDatabase& db, const QString& name, const QString& sql, const QVariantList& binds)
{
    auto q = Sql::run(db, name, sql, binds);
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

// The contacts to add go into a temporary table (per connection), so each later statement is a
// join on it instead of a list of binds. Returns how many live contacts it holds.
Result<int> fillTargets(const QSqlDatabase& db, const QString& select, const QVariantList& binds)
{
    for (const char* sql : {"CREATE TEMP TABLE IF NOT EXISTS campaign_targets (id INTEGER PRIMARY KEY)",
                            "DELETE FROM temp.campaign_targets"})
        if (Status s = exec(db, QStringLiteral("campaign targets"), QString::fromLatin1(sql)); !s)
            return s.error();
    return changed(db, QStringLiteral("campaign targets"), QStringLiteral("INSERT INTO temp.campaign_targets ") + select,
                   binds);
}

Result<int> fillFromIds(const QSqlDatabase& db, const QVector<qint64>& ids)
{
    return fillTargets(db,
                       QStringLiteral("SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) "
                                      "AND deleted_at IS NULL"),
                       {Sql::idsJson(ids)});
}

// Drops the members and the unsubscribed from the targets, makes the rest members (pending) and
// records who they are. Call inside a transaction, after a fill.
Status addTargets(const QSqlDatabase& db, AddChange& change, const Progress& progress)
{
    auto members = changed(db, QStringLiteral("campaign add: members"),
                           QStringLiteral("DELETE FROM temp.campaign_targets WHERE id IN "
                                          "(SELECT contact_id FROM campaign_members WHERE campaign_id = ?)"),
                           {change.campaignId});
    if (!members)
        return members.error();
    change.alreadyMembers = *members;
    // The partial index contacts_unsubscribed holds exactly these contacts (few, usually).
    auto unsubscribed = changed(db, QStringLiteral("campaign add: unsubscribed"),
                                QStringLiteral("DELETE FROM temp.campaign_targets WHERE id IN (SELECT id FROM contacts "
                                               "WHERE unsubscribed_at IS NOT NULL OR status = 'unsubscribed')"),
                                {});
    if (!unsubscribed)
        return unsubscribed.error();
    change.skippedUnsubscribed = *unsubscribed;
    if (progress && !progress(3))
        return cancelled();
    change.addedAt = Sql::nowMs();
    if (Status s = exec(db, QStringLiteral("campaign add"),
                        QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, "
                                       "updated_at, live) SELECT ?, id, 'pending', ?, 1 FROM temp.campaign_targets "
                                       "ORDER BY id"),
                        {change.campaignId, change.addedAt});
        !s)
        return s;
    auto ids = Sql::run(db, QStringLiteral("campaign add"), QStringLiteral("SELECT id FROM temp.campaign_targets ORDER BY id"));
    if (!ids)
        return ids.error();
    change.ids.clear();
    while (ids->next())
        change.ids.append(ids->value(0).toLongLong());
    return {};
}

// Marks contacts unsubscribed (the first time only): the date, and the status when it was active.
Result<int> markUnsubscribed(const QSqlDatabase& db, const QString& idsJsonText, qint64 when)
{
    return changed(db, QStringLiteral("mark unsubscribed"),
                   QStringLiteral("UPDATE contacts SET unsubscribed_at = ?, updated_at = ?, status = CASE WHEN status = "
                                  "'active' THEN 'unsubscribed' ELSE status END WHERE id IN (SELECT value FROM "
                                  "json_each(?)) AND unsubscribed_at IS NULL"),
                   {when, Sql::nowMs(), idsJsonText});
}

// Member rows of the contacts in `idsJsonText` as [[contact_id, delivery_status, updated_at], ...].
Result<QString> memberRows(const QSqlDatabase& db, qint64 campaignId, const QString& idsJsonText)
{
    auto rows = Sql::scalar(db, QStringLiteral("member rows"),
                            QStringLiteral("SELECT json_group_array(json_array(contact_id, delivery_status, updated_at)) "
                                           "FROM (SELECT contact_id, delivery_status, updated_at FROM campaign_members "
                                           "WHERE campaign_id = ? AND contact_id IN (SELECT value FROM json_each(?)) "
                                           "ORDER BY contact_id)"),
                            {campaignId, idsJsonText});
    if (!rows)
        return rows.error();
    return rows->toString();
}

// Contact rows as [[id, status, updated_at, unsubscribed_at], ...]; `where` has one bind.
Result<QString> contactRows(const QSqlDatabase& db, const char* where, const QString& bind)
{
    auto rows = Sql::scalar(db, QStringLiteral("contact rows"),
                            QStringLiteral("SELECT json_group_array(json_array(id, status, updated_at, unsubscribed_at)) "
                                           "FROM (SELECT id, status, updated_at, unsubscribed_at FROM contacts WHERE %1 "
                                           "ORDER BY id)")
                                .arg(QLatin1String(where)),
                            {bind});
    if (!rows)
        return rows.error();
    return rows->toString();
}

const char* unmarkedIn = "id IN (SELECT value FROM json_each(?)) AND unsubscribed_at IS NULL";
const char* rowsIn = "id IN (SELECT json_extract(value, '$[0]') FROM json_each(?))";

// Marks the contacts of `ids` unsubscribed as markUnsubscribed does (each with its own date),
// recording the contacts it changes, before and after, into `change`.
Result<int> markRecorded(const QSqlDatabase& db, StatusChange& change, const QList<qint64>& ids,
                         const QList<qint64>& when)
{
    auto before = contactRows(db, unmarkedIn, Sql::idsJson(ids));
    if (!before)
        return before.error();
    int marked = 0;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        auto n = markUnsubscribed(db, Sql::idsJson(QList<qint64>{ids[i]}), when[i]);
        if (!n)
            return n.error();
        marked += *n;
    }
    auto after = contactRows(db, rowsIn, *before);
    if (!after)
        return after.error();
    change.contactsBefore = *before;
    change.contactsAfter = *after;
    return marked;
}

// Writes member and contact rows (the JSON of StatusChange) back, one statement per table.
Status writeStatusRows(const QSqlDatabase& db, qint64 campaignId, const QString& members, const QString& contacts,
                       const Progress& progress)
{
    const QString fill = QStringLiteral("INSERT INTO temp.status_rows SELECT json_extract(value, '$[0]'), "
                                        "json_extract(value, '$[1]'), json_extract(value, '$[2]'), "
                                        "json_extract(value, '$[3]') FROM json_each(?)");
    const QString name = QStringLiteral("status rows");
    for (const char* sql : {"CREATE TEMP TABLE IF NOT EXISTS status_rows (id INTEGER PRIMARY KEY, a, b, c)",
                            "DELETE FROM temp.status_rows"})
        if (Status s = exec(db, name, QString::fromLatin1(sql)); !s)
            return s;
    if (Status s = exec(db, name, fill, {members}); !s)
        return s;
    if (Status s = exec(db, name,
                        QStringLiteral("UPDATE campaign_members AS m SET delivery_status = r.a, updated_at = r.b FROM "
                                       "temp.status_rows r WHERE m.campaign_id = ? AND m.contact_id = r.id"),
                        {campaignId});
        !s)
        return s;
    if (progress && !progress(2))
        return cancelled();
    if (Status s = exec(db, name, QStringLiteral("DELETE FROM temp.status_rows")); !s)
        return s;
    if (Status s = exec(db, name, fill, {contacts}); !s)
        return s;
    // Setting an unsubscribed contact active again lifts the mark (contacts_resubscribe), which
    // is what the rows say as well.
    return exec(db, name,
                QStringLiteral("UPDATE contacts SET status = r.a, updated_at = r.b, unsubscribed_at = r.c FROM "
                               "temp.status_rows r WHERE contacts.id = r.id"));
}

Status rewriteStatus(const QSqlDatabase& db, const StatusChange& change, bool before, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto c = existing(db, change.campaignId); !c)
        return c.error();
    if (progress && !progress(1))
        return cancelled();
    if (Status s = writeStatusRows(db, change.campaignId, before ? change.membersBefore : change.membersAfter,
                                   before ? change.contactsBefore : change.contactsAfter, progress);
        !s)
        return s;
    if (progress && !progress(StatusSteps))
        return cancelled();
    return tx.commit();
}

int columnOf(const QStringList& header, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        for (qsizetype i = 0; i < header.size(); ++i) {
            QString h = header[i].trimmed().toLower();
            h.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
            if (h.simplified() == QLatin1String(name))
                return int(i);
        }
    return -1;
}

} // namespace

QString AddChange::summary() const
{
    QString text = ids.isEmpty() ? tr("Added no contacts to \"%1\".").arg(campaignName)
                                 : tr("Added %1 to \"%2\".").arg(contactsText(ids.size()), campaignName);
    if (skippedUnsubscribed > 0 && skippedMissing > 0)
        text += QLatin1Char(' ')
                + tr("Skipped %1: %2 unsubscribed, %3 deleted or in the Trash.")
                      .arg(contactsText(skipped()))
                      .arg(skippedUnsubscribed)
                      .arg(skippedMissing);
    else if (skippedUnsubscribed > 0)
        text += QLatin1Char(' ') + tr("Skipped %1: unsubscribed.").arg(contactsText(skippedUnsubscribed));
    else if (skippedMissing > 0)
        text += QLatin1Char(' ') + tr("Skipped %1: deleted or in the Trash.").arg(contactsText(skippedMissing));
    if (alreadyMembers > 0)
        text += QLatin1Char(' ')
                + (alreadyMembers == 1 ? tr("1 contact was in it already.")
                                       : tr("%1 contacts were in it already.").arg(alreadyMembers));
    return text;
}

QString StatusImport::summary() const
{
    QString text = tr("Updated %1, %2 unchanged").arg(updated == 1 ? tr("1 member") : tr("%1 members").arg(updated)).arg(unchanged);
    if (!problems.isEmpty())
        text += tr(", %1 skipped").arg(problems.size());
    if (unsubscribed > 0)
        text += tr("; %1 newly unsubscribed").arg(contactsText(unsubscribed));
    return text + QLatin1Char('.');
}

Result<QList<Campaign>> list(const QSqlDatabase& db, bool includeArchived, bool withCounts)
{
    auto q = Sql::run(db, QStringLiteral("campaigns"),
                      QStringLiteral("SELECT %1 FROM campaigns %2 ORDER BY created_at DESC, id DESC")
                          .arg(QLatin1String(campaignColumns),
                               includeArchived ? QString() : QStringLiteral("WHERE archived_at IS NULL")));
    if (!q)
        return q.error();
    QList<Campaign> campaigns;
    while (q->next())
        campaigns.append(campaignFrom(*q));
    q->finish();
    if (!withCounts)
        return campaigns;
    // One grouped walk of (campaign_id, live, delivery_status) per campaign: index only, no
    // contact rows (100k members: a few ms).
    for (Campaign& c : campaigns) {
        auto n = counts(db, c.id);
        if (!n)
            return n.error();
        c.counts = *n;
    }
    return campaigns;
}

Result<DeliveryCounts> counts(const QSqlDatabase& db, qint64 campaignId)
{
    auto q = Sql::run(db, QStringLiteral("campaign counts"),
                      QStringLiteral("SELECT delivery_status, COUNT(*) FROM campaign_members "
                                     "WHERE campaign_id = ? AND live = 1 GROUP BY delivery_status"),
                      {campaignId});
    if (!q)
        return q.error();
    DeliveryCounts counts;
    while (q->next())
        if (auto s = Delivery::fromKey(q->value(0).toString()))
            counts[*s] = q->value(1).toLongLong();
    return counts;
}

Result<Campaign> campaign(const QSqlDatabase& db, qint64 id)
{
    auto q = Sql::run(db, QStringLiteral("campaign"),
                      QStringLiteral("SELECT %1 FROM campaigns WHERE id = ?").arg(QLatin1String(campaignColumns)), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Code::NotFound, tr("there is no campaign #%1").arg(id), tr("Campaign")};
    Campaign c = campaignFrom(*q);
    q->finish();
    auto n = counts(db, id);
    if (!n)
        return n.error();
    c.counts = *n;
    return c;
}

Result<Campaign> find(const QSqlDatabase& db, const QString& idOrName)
{
    const QString folded = idOrName.simplified().toCaseFolded();
    auto q = Sql::run(db, QStringLiteral("find campaign"), QStringLiteral("SELECT id, name FROM campaigns"));
    if (!q)
        return q.error();
    qint64 found = 0;
    while (q->next() && !found)
        if (q->value(1).toString().toCaseFolded() == folded)
            found = q->value(0).toLongLong();
    q->finish();
    if (!found) {
        bool ok = false;
        const qint64 id = idOrName.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return Error{Error::Code::NotFound, tr("there is no campaign \"%1\"").arg(idOrName.simplified()),
                         tr("Campaign")};
        found = id;
    }
    return campaign(db, found);
}

Result<qint64> create(const QSqlDatabase& db, const QString& name, const QString& channel)
{
    const QString ch = channel.trimmed().toLower();
    if (!Campaigns::channels().contains(ch))
        return Error{Error::Code::Invalid,
                     tr("the channel must be one of %1, not \"%2\"").arg(Campaigns::channels().join(QStringLiteral(", ")), ch),
                     tr("Channel")};
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto clean = checkName(db, name, 0);
    if (!clean)
        return clean.error();
    auto q = Sql::run(db, QStringLiteral("create campaign"),
                      QStringLiteral("INSERT INTO campaigns (name, channel, status, created_at) VALUES (?, ?, 'draft', ?)"),
                      {*clean, ch, Sql::nowMs()});
    if (!q)
        return q.error();
    const qint64 id = q->lastInsertId().toLongLong();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status rename(const QSqlDatabase& db, qint64 id, const QString& newName)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto c = existing(db, id); !c)
        return c.error();
    auto clean = checkName(db, newName, id);
    if (!clean)
        return clean.error();
    if (Status s = exec(db, QStringLiteral("rename campaign"), QStringLiteral("UPDATE campaigns SET name = ? WHERE id = ?"),
                        {*clean, id});
        !s)
        return s;
    return tx.commit();
}

Status setStatus(const QSqlDatabase& db, qint64 id, const QString& status)
{
    if (!Campaigns::statuses().contains(status))
        return Error{Error::Code::Invalid,
                     tr("a campaign's status is one of %1, not \"%2\"").arg(Campaigns::statuses().join(QStringLiteral(", ")), status),
                     tr("Status")};
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto c = existing(db, id); !c)
        return c.error();
    if (Status s = exec(db, QStringLiteral("campaign status"), QStringLiteral("UPDATE campaigns SET status = ? WHERE id = ?"),
                        {status, id});
        !s)
        return s;
    return tx.commit();
}

Status setArchived(const QSqlDatabase& db, qint64 id, bool archived)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto c = existing(db, id); !c)
        return c.error();
    if (Status s = exec(db, QStringLiteral("archive campaign"),
                        archived ? QStringLiteral("UPDATE campaigns SET archived_at = ? WHERE id = ? AND archived_at IS NULL")
                                 : QStringLiteral("UPDATE campaigns SET archived_at = NULL WHERE id = ?"),
                        archived ? QVariantList{Sql::nowMs(), id} : QVariantList{id});
        !s)
        return s;
    return tx.commit();
}

Result<AddChange> addMembers(const QSqlDatabase& db, qint64 campaignId, const Target& target, const Progress& progress)
{
    // 100k targets touch many pages of the member indexes; the bigger cache keeps them in memory.
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto c = existing(db, campaignId, true);
    if (!c)
        return c.error();
    AddChange change;
    change.campaignId = campaignId;
    change.campaignName = c->name;
    if (progress && !progress(1))
        return cancelled();
    if (target.useIds) {
        const QSet<qint64> distinct(target.ids.cbegin(), target.ids.cend());
        const QVector<qint64> ids(distinct.cbegin(), distinct.cend());
        auto live = fillFromIds(db, ids);
        if (!live)
            return live.error();
        change.skippedMissing = int(ids.size()) - *live;
    } else {
        auto live = fillTargets(db, QStringLiteral("SELECT id FROM contacts WHERE %1").arg(target.query.whereClause()),
                                target.query.whereBinds());
        if (!live)
            return live.error();
    }
    if (progress && !progress(2))
        return cancelled();
    if (Status s = addTargets(db, change, progress); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Status undoAdd(const QSqlDatabase& db, const AddChange& change, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (progress && !progress(1))
        return cancelled();
    if (Status s = exec(db, QStringLiteral("undo campaign add"),
                        QStringLiteral("DELETE FROM campaign_members WHERE campaign_id = ? AND contact_id IN "
                                       "(SELECT value FROM json_each(?))"),
                        {change.campaignId, Sql::idsJson(change.ids)});
        !s)
        return s;
    if (progress && !progress(AddSteps))
        return cancelled();
    return tx.commit();
}

Status redoAdd(const QSqlDatabase& db, AddChange& change, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto c = existing(db, change.campaignId, true); !c)
        return c.error();
    if (progress && !progress(1))
        return cancelled();
    AddChange again = change;
    auto live = fillFromIds(db, change.ids);
    if (!live)
        return live.error();
    again.skippedMissing = int(change.ids.size()) - *live;
    if (progress && !progress(2))
        return cancelled();
    if (Status s = addTargets(db, again, progress); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    change = again;
    return {};
}

Result<StatusChange> changeMemberStatus(const QSqlDatabase& db, qint64 campaignId, const QList<qint64>& contactIds,
                                        DeliveryStatus status, qint64 when)
{
    if (when <= 0)
        when = Sql::nowMs();
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto c = existing(db, campaignId);
    if (!c)
        return c.error();
    const QString json = Sql::idsJson(contactIds);
    auto missing = Sql::run(db, QStringLiteral("member status"),
                            QStringLiteral("SELECT DISTINCT value FROM json_each(?) WHERE value NOT IN "
                                           "(SELECT contact_id FROM campaign_members WHERE campaign_id = ?) ORDER BY value"),
                            {json, campaignId});
    if (!missing)
        return missing.error();
    QStringList absent;
    while (missing->next())
        absent.append(QStringLiteral("#") + missing->value(0).toString());
    if (!absent.isEmpty())
        return Error{Error::Code::NotFound,
                     tr("contact %1 is not a member of \"%2\"").arg(absent.join(QStringLiteral(", ")), c->name),
                     tr("Campaign")};
    StatusChange change;
    change.campaignId = campaignId;
    auto before = memberRows(db, campaignId, json);
    if (!before)
        return before.error();
    change.membersBefore = *before;
    auto n = changed(db, QStringLiteral("member status"),
                     QStringLiteral("UPDATE campaign_members SET delivery_status = ?, updated_at = ? "
                                    "WHERE campaign_id = ? AND contact_id IN (SELECT value FROM json_each(?))"),
                     {Delivery::key(status), when, campaignId, json});
    if (!n)
        return n.error();
    change.members = *n;
    if (status == DeliveryStatus::Unsubscribed)
        if (auto marked = markRecorded(db, change, contactIds, QList<qint64>(contactIds.size(), when)); !marked)
            return marked.error();
    auto after = memberRows(db, campaignId, json);
    if (!after)
        return after.error();
    change.membersAfter = *after;
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Result<int> setMemberStatus(const QSqlDatabase& db, qint64 campaignId, const QList<qint64>& contactIds,
                            DeliveryStatus status, qint64 when)
{
    auto change = changeMemberStatus(db, campaignId, contactIds, status, when);
    if (!change)
        return change.error();
    return change->members;
}

Status undoStatus(const QSqlDatabase& db, const StatusChange& change, const Progress& progress)
{
    return rewriteStatus(db, change, true, progress);
}

Status redoStatus(const QSqlDatabase& db, const StatusChange& change, const Progress& progress)
{
    return rewriteStatus(db, change, false, progress);
}

std::optional<qint64> parseTimestamp(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    bool number = false;
    const qint64 n = t.toLongLong(&number);
    if (number)
        return n <= 0 ? std::nullopt : std::optional<qint64>(t.size() >= 12 ? n : n * 1000);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        for (const char* format : {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss.zzz"}) {
            dt = QDateTime::fromString(t, QString::fromLatin1(format));
            if (dt.isValid())
                break;
        }
    if (dt.isValid()) {
        if (dt.timeSpec() == Qt::LocalTime) // no zone written: the services export UTC
            dt.setTimeZone(QTimeZone::utc());
        return dt.toMSecsSinceEpoch();
    }
    dt = QDateTime::fromString(t, Qt::RFC2822Date);
    if (dt.isValid())
        return dt.toMSecsSinceEpoch();
    return std::nullopt;
}

Result<StatusImport> importStatuses(const QSqlDatabase& db, qint64 campaignId, const QString& csvPath,
                                    const Progress& progress)
{
    CsvReader reader(csvPath);
    if (Status s = reader.open(); !s)
        return s.error();
    auto header = reader.next();
    if (!header)
        return Error{Error::Code::Invalid, tr("the file is empty; it needs a header row with email and status"), csvPath};
    const int emailColumn = columnOf(header->fields, {"email", "email address", "e mail", "recipient", "to"});
    const int statusColumn = columnOf(header->fields, {"status", "event", "activity", "action", "delivery status"});
    const int timeColumn =
        columnOf(header->fields, {"timestamp", "time", "date", "event time", "created at", "processed", "last updated"});
    if (emailColumn < 0 || statusColumn < 0)
        return Error{Error::Code::Invalid,
                     tr("the header row needs an \"email\" and a \"status\" column (found: %1)")
                         .arg(header->fields.join(QStringLiteral(", "))),
                     csvPath};

    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto c = existing(db, campaignId);
    if (!c)
        return c.error();
    const QString campaignName = c->name;
    const qint64 now = Sql::nowMs();
    QSqlQuery findContact(db), findMember(db), update(db);
    findContact.setForwardOnly(true);
    findMember.setForwardOnly(true);
    if (!findContact.prepare(QStringLiteral("SELECT contact_id FROM contact_emails WHERE email_norm = ? AND live = 1 LIMIT 1"))
        || !findMember.prepare(QStringLiteral("SELECT delivery_status, updated_at FROM campaign_members "
                                              "WHERE campaign_id = ? AND contact_id = ?"))
        || !update.prepare(QStringLiteral("UPDATE campaign_members SET delivery_status = ?, updated_at = ? "
                                          "WHERE campaign_id = ? AND contact_id = ?")))
        return Sql::errorFrom(findContact.lastError().isValid() ? findContact.lastError()
                                  : findMember.lastError().isValid() ? findMember.lastError() : update.lastError(),
                              QStringLiteral("import statuses"));

    StatusImport result;
    result.change.campaignId = campaignId;
    QHash<qint64, QJsonArray> before; // each updated member as it was before its first update
    QList<qint64> touched;
    QList<qint64> unsubscribed;
    QList<qint64> unsubscribedWhen;
    int lastStep = 0;
    while (auto record = reader.next()) {
        const QStringList& f = record->fields;
        if (f.size() == 1 && f.first().trimmed().isEmpty())
            continue; // a blank line
        ++result.lines;
        auto problem = [&](const QString& message) { result.problems.append(ImportProblem{record->line, message}); };
        if (!record->problem.isEmpty()) {
            problem(record->problem);
            continue;
        }
        const QString email = f.value(emailColumn).trimmed();
        const QString word = f.value(statusColumn).trimmed();
        if (email.isEmpty()) {
            problem(tr("no email"));
            continue;
        }
        const auto status = Delivery::fromServiceWord(word);
        if (!status) {
            problem(word.isEmpty() ? tr("no status for %1").arg(email) : tr("unknown status \"%1\" for %2").arg(word, email));
            continue;
        }
        qint64 when = now;
        if (timeColumn >= 0 && !f.value(timeColumn).trimmed().isEmpty()) {
            const auto parsed = parseTimestamp(f.value(timeColumn));
            if (!parsed) {
                problem(tr("\"%1\" is not a date and time").arg(f.value(timeColumn).trimmed()));
                continue;
            }
            when = *parsed;
        }
        findContact.addBindValue(EmailAddressRules::normalized(email));
        if (!findContact.exec())
            return Sql::errorFrom(findContact.lastError(), QStringLiteral("import statuses: contact"));
        const qint64 contactId = findContact.next() ? findContact.value(0).toLongLong() : 0;
        findContact.finish();
        if (!contactId) {
            problem(tr("no contact has the email %1").arg(email));
            continue;
        }
        findMember.addBindValue(campaignId);
        findMember.addBindValue(contactId);
        if (!findMember.exec())
            return Sql::errorFrom(findMember.lastError(), QStringLiteral("import statuses: member"));
        if (!findMember.next()) {
            findMember.finish();
            problem(tr("%1 (contact #%2) is not a member of \"%3\"").arg(email).arg(contactId).arg(campaignName));
            continue;
        }
        const auto current = Delivery::fromKey(findMember.value(0).toString()).value_or(DeliveryStatus::Pending);
        const qint64 currentWhen = findMember.value(1).toLongLong();
        findMember.finish();
        const int newRank = Delivery::rank(*status);
        const int oldRank = Delivery::rank(current);
        if (newRank < oldRank || (newRank == oldRank && when <= currentWhen)) {
            ++result.unchanged;
        } else {
            if (!before.contains(contactId)) {
                before.insert(contactId, QJsonArray{contactId, Delivery::key(current), currentWhen});
                touched.append(contactId);
            }
            update.addBindValue(Delivery::key(*status));
            update.addBindValue(when);
            update.addBindValue(campaignId);
            update.addBindValue(contactId);
            if (!update.exec())
                return Sql::errorFrom(update.lastError(), QStringLiteral("import statuses: update"));
            ++result.updated;
            if (*status == DeliveryStatus::Unsubscribed) {
                unsubscribed.append(contactId);
                unsubscribedWhen.append(when);
            }
        }
        if (progress && reader.totalBytes() > 0) {
            const int step = int(reader.bytesRead() * (ImportSteps - 1) / reader.totalBytes());
            if (step != lastStep) {
                lastStep = step;
                if (!progress(step))
                    return cancelled();
            }
        }
    }
    if (!reader.errorString().isEmpty())
        return Error{Error::Code::Io, reader.errorString(), csvPath};
    auto marked = markRecorded(db, result.change, unsubscribed, unsubscribedWhen);
    if (!marked)
        return marked.error();
    result.unsubscribed = *marked;
    std::sort(touched.begin(), touched.end());
    QJsonArray beforeRows;
    for (qint64 id : std::as_const(touched))
        beforeRows.append(before.value(id));
    result.change.members = int(touched.size());
    result.change.membersBefore = QString::fromUtf8(QJsonDocument(beforeRows).toJson(QJsonDocument::Compact));
    auto after = memberRows(db, campaignId, Sql::idsJson(touched));
    if (!after)
        return after.error();
    result.change.membersAfter = *after;
    if (progress && !progress(ImportSteps))
        return cancelled();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Result<QList<CampaignMember>> members(const QSqlDatabase& db, qint64 campaignId, std::optional<DeliveryStatus> status,
                                      qint64 afterContactId, int limit)
{
    // With a status: the (campaign_id, live, delivery_status, contact_id) index in order. Without:
    // the primary key (campaign_id, contact_id) in order; "+m.live" keeps the planner off the
    // status index, which would sort every member for each page.
    auto q = status ? Sql::run(db, QStringLiteral("campaign members"),
                               QStringLiteral("SELECT m.contact_id, c.display_name, c.primary_email, m.delivery_status, "
                                              "m.updated_at FROM campaign_members m JOIN contacts c ON c.id = m.contact_id "
                                              "WHERE m.campaign_id = ? AND m.live = 1 AND m.delivery_status = ? "
                                              "AND m.contact_id > ? ORDER BY m.contact_id LIMIT ?"),
                               {campaignId, Delivery::key(*status), afterContactId, limit})
                    : Sql::run(db, QStringLiteral("campaign members"),
                               QStringLiteral("SELECT m.contact_id, c.display_name, c.primary_email, m.delivery_status, "
                                              "m.updated_at FROM campaign_members m JOIN contacts c ON c.id = m.contact_id "
                                              "WHERE m.campaign_id = ? AND +m.live = 1 AND m.contact_id > ? "
                                              "ORDER BY m.contact_id LIMIT ?"),
                               {campaignId, afterContactId, limit});
    if (!q)
        return q.error();
    QList<CampaignMember> list;
    while (q->next())
        list.append(CampaignMember{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                   Delivery::fromKey(q->value(3).toString()).value_or(DeliveryStatus::Pending),
                                   q->value(4).toLongLong()});
    return list;
}

Result<QList<CampaignMembership>> membershipsOf(const QSqlDatabase& db, qint64 contactId)
{
    auto q = Sql::run(db, QStringLiteral("contact campaigns"),
                      QStringLiteral("SELECT m.campaign_id, c.name, c.channel, c.archived_at, m.delivery_status, "
                                     "m.updated_at FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id "
                                     "WHERE m.contact_id = ? ORDER BY c.created_at DESC, c.id DESC"),
                      {contactId});
    if (!q)
        return q.error();
    QList<CampaignMembership> list;
    while (q->next())
        list.append(CampaignMembership{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                       !q->value(3).isNull(),
                                       Delivery::fromKey(q->value(4).toString()).value_or(DeliveryStatus::Pending),
                                       q->value(5).toLongLong()});
    return list;
}

Result<qint64> unsubscribedAt(const QSqlDatabase& db, qint64 contactId)
{
    auto q = Sql::run(db, QStringLiteral("unsubscribed"),
                      QStringLiteral("SELECT unsubscribed_at, status FROM contacts WHERE id = ?"), {contactId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Code::NotFound, tr("there is no contact #%1").arg(contactId), {}};
    if (!q->value(0).isNull())
        return q->value(0).toLongLong();
    return q->value(1).toString() == QLatin1String("unsubscribed") ? qint64(-1) : qint64(0);
}

} // namespace ContactDesk::CampaignStore
