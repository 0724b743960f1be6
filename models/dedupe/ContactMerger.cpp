#include "ContactMerger.h"

#include "domain/ContactJson.h"
#include "domain/EmailAddressRules.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactMerger", text);
}

QString idList(const QList<qint64>& ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

// Fields the merge decides one value for (everything single-valued a rep edits).
QList<ContactField> mergeFields()
{
    return Fields::all();
}

} // namespace

QString mergePolicyName(MergePolicy policy)
{
    switch (policy) {
    case MergePolicy::Survivor:
        return QStringLiteral("survivor");
    case MergePolicy::MostRecent:
        return QStringLiteral("most-recent");
    case MergePolicy::FirstNonEmpty:
        return QStringLiteral("first-non-empty");
    }
    return {};
}

Result<MergePolicy> mergePolicyFromName(const QString& name)
{
    for (MergePolicy p : {MergePolicy::Survivor, MergePolicy::MostRecent, MergePolicy::FirstNonEmpty})
        if (mergePolicyName(p) == name)
            return p;
    return Error{Error::Code::Invalid, tr("\"%1\" is not a merge policy (survivor, most-recent, first-non-empty)").arg(name),
                 QStringLiteral("policy")};
}

ContactMerger::ContactMerger(const QSqlDatabase& db, const PhoneNormalizer& phones)
    : m_db(db)
    , m_repo(std::make_unique<ContactRepository>(db, phones))
{
}

ContactMerger::~ContactMerger() = default;

QList<FieldConflict> ContactMerger::conflicts(const QList<Contact>& contacts)
{
    QList<FieldConflict> out;
    auto collect = [&contacts](const std::function<QString(const Contact&)>& valueOf) {
        QList<QPair<qint64, QString>> values;
        QSet<QString> distinct;
        for (const Contact& c : contacts) {
            const QString v = valueOf(c).trimmed();
            if (v.isEmpty())
                continue;
            values.append({c.id, v});
            distinct.insert(v);
        }
        return distinct.size() > 1 ? values : QList<QPair<qint64, QString>>();
    };
    for (ContactField f : mergeFields()) {
        auto values = collect([f](const Contact& c) { return c.field(f); });
        if (!values.isEmpty())
            out.append(FieldConflict{false, f, {}, values});
    }
    QSet<QString> keys;
    for (const Contact& c : contacts)
        for (auto it = c.customFields.cbegin(); it != c.customFields.cend(); ++it)
            keys.insert(it.key());
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    for (const QString& key : std::as_const(sorted)) {
        auto values = collect([&key](const Contact& c) { return c.customFields.value(key); });
        if (!values.isEmpty())
            out.append(FieldConflict{true, ContactField::FirstName, key, values});
    }
    return out;
}

qint64 ContactMerger::defaultSurvivor(const QList<Contact>& contacts)
{
    const Contact* best = nullptr;
    for (const Contact& c : contacts)
        if (!best || c.createdAt < best->createdAt || (c.createdAt == best->createdAt && c.id < best->id))
            best = &c;
    return best ? best->id : 0;
}

Contact ContactMerger::mergedContact(const QList<Contact>& contacts, const MergeRequest& request)
{
    const Contact* survivor = nullptr;
    QList<const Contact*> order; // survivor, then the others oldest first
    for (const Contact& c : contacts)
        if (c.id == request.survivorId)
            survivor = &c;
    Q_ASSERT(survivor);
    order.append(survivor);
    QList<const Contact*> others;
    for (const Contact& c : contacts)
        if (c.id != request.survivorId)
            others.append(&c);
    std::stable_sort(others.begin(), others.end(), [](const Contact* a, const Contact* b) {
        return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->id < b->id;
    });
    order.append(others);
    // Survivor: the survivor's value, a blank one filled from the others; most recent: the contact
    // updated last that has one; first non-empty: the oldest contact that has one.
    QList<const Contact*> recent = order;
    std::stable_sort(recent.begin(), recent.end(),
                     [](const Contact* a, const Contact* b) { return a->updatedAt > b->updatedAt; });
    QList<const Contact*> oldest = order;
    std::stable_sort(oldest.begin(), oldest.end(), [](const Contact* a, const Contact* b) {
        return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->id < b->id;
    });
    const QList<const Contact*>& byPolicy = request.policy == MergePolicy::MostRecent    ? recent
                                            : request.policy == MergePolicy::FirstNonEmpty ? oldest
                                                                                           : order;

    auto pick = [&](const std::function<QString(const Contact&)>& valueOf, qint64 chosen) {
        if (chosen != 0)
            for (const Contact* c : order)
                if (c->id == chosen)
                    return valueOf(*c);
        for (const Contact* c : byPolicy)
            if (!valueOf(*c).trimmed().isEmpty())
                return valueOf(*c);
        return valueOf(*survivor);
    };

    Contact merged = *survivor;
    for (ContactField f : mergeFields())
        merged.setField(f, pick([f](const Contact& c) { return c.field(f); }, request.fieldFrom.value(f)));
    QSet<QString> emailNorms;
    for (const auto& e : std::as_const(merged.emails))
        emailNorms.insert(EmailAddressRules::normalized(e.address));
    QSet<QString> phoneKeys;
    for (const auto& p : std::as_const(merged.phones))
        phoneKeys.insert(p.e164.isEmpty() ? p.number : p.e164);
    QSet<QString> tags;
    for (const QString& t : std::as_const(merged.tags))
        tags.insert(t.toCaseFolded());
    QSet<QString> customKeys;
    for (const Contact* c : std::as_const(order))
        for (auto it = c->customFields.cbegin(); it != c->customFields.cend(); ++it)
            customKeys.insert(it.key());
    for (const QString& key : std::as_const(customKeys)) {
        const QString v = pick([&key](const Contact& c) { return c.customFields.value(key); }, request.customFrom.value(key));
        if (v.isEmpty())
            merged.customFields.remove(key);
        else
            merged.customFields.insert(key, v);
    }
    for (const Contact* c : std::as_const(others)) {
        for (EmailAddress e : c->emails) {
            if (emailNorms.contains(EmailAddressRules::normalized(e.address)))
                continue;
            emailNorms.insert(EmailAddressRules::normalized(e.address));
            e.primary = merged.emails.isEmpty();
            merged.emails.append(e);
        }
        for (PhoneNumber p : c->phones) {
            const QString key = p.e164.isEmpty() ? p.number : p.e164;
            if (phoneKeys.contains(key))
                continue;
            phoneKeys.insert(key);
            p.primary = merged.phones.isEmpty();
            merged.phones.append(p);
        }
        for (const QString& t : c->tags)
            if (!tags.contains(t.toCaseFolded())) {
                tags.insert(t.toCaseFolded());
                merged.tags.append(t);
            }
    }
    return merged;
}

Result<qint64> ContactMerger::merge(const MergeRequest& request)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto id = mergeInTransaction(request, 0);
    if (!id)
        return id;
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<qint64> ContactMerger::mergeInTransaction(const MergeRequest& request, qint64 batchId)
{
    if (request.mergedIds.isEmpty())
        return Error{Error::Code::Invalid, tr("choose at least two contacts to merge"), {}};
    if (request.mergedIds.contains(request.survivorId))
        return Error{Error::Code::Invalid, tr("the surviving contact cannot also be merged into itself"), {}};
    QList<qint64> all{request.survivorId};
    all.append(request.mergedIds);
    QList<Contact> contacts;
    QJsonArray snapshot;
    qint64 survivorRun = 0, latestRun = 0;
    for (qint64 id : std::as_const(all)) {
        auto c = m_repo->load(id);
        if (!c)
            return c.error();
        if (c->deletedAt.isValid())
            return Error{Error::Code::Invalid, tr("contact #%1 is in the Trash; restore it before merging").arg(id), {}};
        auto run = m_repo->importRunOf(id);
        if (!run)
            return run.error();
        if (id == request.survivorId)
            survivorRun = *run;
        latestRun = std::max(latestRun, *run);
        QJsonObject o = ContactJson::toJson(*c);
        o[QStringLiteral("import_run_id")] = *run;
        snapshot.append(o);
        contacts.append(*c);
    }
    const QString others = idList(request.mergedIds);
    // Notes and campaign memberships the others had, to give back on undo.
    QJsonArray notes, memberships;
    if (auto q = Sql::run(m_db, QStringLiteral("merge: notes"),
                          QStringLiteral("SELECT id, contact_id FROM notes WHERE contact_id IN (%1)").arg(others));
        !q) {
        return q.error();
    } else {
        while (q->next())
            notes.append(QJsonArray{q->value(0).toLongLong(), q->value(1).toLongLong()});
    }
    if (auto q = Sql::run(m_db, QStringLiteral("merge: campaigns"),
                          QStringLiteral("SELECT campaign_id, contact_id, delivery_status, updated_at FROM campaign_members "
                                         "WHERE contact_id IN (%1,%2)")
                              .arg(request.survivorId)
                              .arg(others));
        !q) {
        return q.error();
    } else {
        while (q->next())
            memberships.append(QJsonArray{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                                          q->value(3).toLongLong()});
    }

    QJsonArray listMemberships;
    if (auto q = Sql::run(m_db, QStringLiteral("merge: lists"),
                          QStringLiteral("SELECT list_id, contact_id, added_at FROM list_members WHERE contact_id IN (%1,%2)")
                              .arg(request.survivorId)
                              .arg(others));
        !q) {
        return q.error();
    } else {
        while (q->next())
            listMemberships.append(
                QJsonArray{q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toLongLong()});
    }
    // When each of them unsubscribed (campaigns): the survivor keeps the earliest, so a merge never
    // brings an unsubscribed person back into campaigns; undo puts every value back.
    QJsonObject unsubscribed;
    qint64 earliestUnsubscribe = 0;
    if (auto q = Sql::run(m_db, QStringLiteral("merge: unsubscribed"),
                          QStringLiteral("SELECT id, unsubscribed_at FROM contacts WHERE id IN (%1,%2) "
                                         "AND unsubscribed_at IS NOT NULL")
                              .arg(request.survivorId)
                              .arg(others));
        !q) {
        return q.error();
    } else {
        while (q->next()) {
            const qint64 at = q->value(1).toLongLong();
            unsubscribed.insert(q->value(0).toString(), at);
            earliestUnsubscribe = earliestUnsubscribe == 0 ? at : std::min(earliestUnsubscribe, at);
        }
    }

    Contact merged = mergedContact(contacts, request);
    merged.updatedAt = QDateTime::fromMSecsSinceEpoch(Sql::nowMs(), Qt::UTC);
    // $S is the survivor, $O the others (ids, so no quoting concerns).
    const QStringList steps = {
        QStringLiteral("UPDATE notes SET contact_id = $S WHERE contact_id IN ($O)"),
        // A campaign both were in keeps the survivor's status.
        QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, updated_at) "
                       "SELECT campaign_id, $S, delivery_status, updated_at FROM campaign_members "
                       "WHERE contact_id IN ($O) ORDER BY updated_at DESC ON CONFLICT DO NOTHING"),
        // A list both were in keeps the survivor's date added; else the earliest of the others'.
        QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) "
                       "SELECT list_id, $S, added_at FROM list_members "
                       "WHERE contact_id IN ($O) ORDER BY added_at ON CONFLICT DO NOTHING"),
        QStringLiteral("DELETE FROM contacts WHERE id IN ($O)"),
    };
    for (const QString& step : steps) {
        const QString sql = QString(step)
                                .replace(QLatin1String("$S"), QString::number(request.survivorId))
                                .replace(QLatin1String("$O"), others);
        if (auto q = Sql::run(m_db, QStringLiteral("merge contacts"), sql); !q)
            return q.error();
    }
    // The survivor's import run stays; one it lacked comes from the merged contacts.
    if (Status s = m_repo->restoreSnapshot(merged, survivorRun > 0 ? survivorRun : latestRun); !s)
        return s.error();
    if (earliestUnsubscribe > 0)
        if (auto q = Sql::run(m_db, QStringLiteral("merge: unsubscribed"),
                              QStringLiteral("UPDATE contacts SET unsubscribed_at = ?, status = CASE WHEN status = "
                                             "'active' THEN 'unsubscribed' ELSE status END WHERE id = ?"),
                              {earliestUnsubscribe, request.survivorId});
            !q)
            return q.error();

    QJsonObject log{{QStringLiteral("contacts"), snapshot},
                    {QStringLiteral("notes"), notes},
                    {QStringLiteral("campaigns"), memberships},
                    {QStringLiteral("lists"), listMemberships},
                    {QStringLiteral("unsubscribed"), unsubscribed}};
    auto q = Sql::run(m_db, QStringLiteral("merge log"),
                      QStringLiteral("INSERT INTO merge_log (survivor_id, merged_ids, snapshot, created_at, batch_id, score) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {request.survivorId, QStringLiteral("[%1]").arg(others),
                       QString::fromUtf8(QJsonDocument(log).toJson(QJsonDocument::Compact)), Sql::nowMs(),
                       batchId > 0 ? QVariant(batchId) : QVariant(QMetaType(QMetaType::LongLong)), request.score});
    if (!q)
        return q.error();
    const qint64 mergeId = q->lastInsertId().toLongLong();
    QStringList rows;
    for (qint64 id : std::as_const(all))
        rows.append(QStringLiteral("(%1, %2)").arg(mergeId).arg(id));
    if (auto m = Sql::run(m_db, QStringLiteral("merge log"),
                          QStringLiteral("INSERT INTO merge_contacts (merge_id, contact_id) VALUES %1")
                              .arg(rows.join(QStringLiteral(", "))));
        !m)
        return m.error();
    return mergeId;
}

Status ContactMerger::undo(qint64 mergeId)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (Status s = undoInTransaction(mergeId); !s)
        return s;
    return tx.commit();
}

Status ContactMerger::undoInTransaction(qint64 mergeId)
{
    auto row = Sql::run(m_db, QStringLiteral("undo merge"),
                        QStringLiteral("SELECT survivor_id, snapshot FROM merge_log WHERE id = ?"), {mergeId});
    if (!row)
        return row.error();
    if (!row->next())
        return Error{Error::Code::NotFound, tr("there is no merge #%1 (it may have been undone already)").arg(mergeId), {}};
    const qint64 survivorId = row->value(0).toLongLong();
    const QJsonObject log = QJsonDocument::fromJson(row->value(1).toString().toUtf8()).object();
    row->finish();
    // A later merge into one of these contacts would be torn apart: it goes first.
    auto later = Sql::scalar(m_db, QStringLiteral("undo merge"),
                             QStringLiteral("SELECT MIN(merge_id) FROM merge_contacts WHERE merge_id > ? AND contact_id IN "
                                            "(SELECT contact_id FROM merge_contacts WHERE merge_id = ?)"),
                             {mergeId, mergeId});
    if (!later)
        return later.error();
    if (later->isValid() && !later->isNull())
        return Error{Error::Code::Invalid,
                     tr("merge #%1 changed the same contacts later; undo it first").arg(later->toLongLong()), {}};
    auto survivor = m_repo->load(survivorId);
    if (!survivor)
        return Error{Error::Code::NotFound, tr("the merged contact #%1 no longer exists").arg(survivorId), {}};
    if (survivor->deletedAt.isValid())
        return Error{Error::Code::Invalid,
                     tr("the merged contact %1 is in the Trash; restore it before undoing the merge")
                         .arg(survivor->displayName()),
                     {}};

    QList<QPair<Contact, qint64>> contacts;
    for (const QJsonValue& v : log.value(QStringLiteral("contacts")).toArray()) {
        const QJsonObject o = v.toObject();
        contacts.append({ContactJson::fromJson(o), o.value(QStringLiteral("import_run_id")).toInteger(0)});
    }
    // Emails and phones of the merged contacts that another contact took since cannot come back.
    for (const auto& [c, run] : std::as_const(contacts)) {
        if (c.id == survivorId)
            continue;
        for (const EmailAddress& e : c.emails) {
            auto owner = m_repo->findByEmail(EmailAddressRules::normalized(e.address));
            if (!owner)
                return owner.error();
            if (*owner != 0 && *owner != survivorId)
                return Error{Error::Code::Duplicate,
                             tr("%1 now belongs to contact #%2; the merge cannot be undone").arg(e.address).arg(*owner),
                             {}};
        }
        for (const PhoneNumber& p : c.phones) {
            auto owner = m_repo->findByPhone(p.e164);
            if (!owner)
                return owner.error();
            if (*owner != 0 && *owner != survivorId)
                return Error{Error::Code::Duplicate,
                             tr("%1 now belongs to contact #%2; the merge cannot be undone").arg(p.number).arg(*owner),
                             {}};
        }
    }
    for (const auto& [c, run] : std::as_const(contacts))
        if (c.id == survivorId)
            if (Status s = m_repo->restoreSnapshot(c, run); !s)
                return s;
    for (const auto& [c, run] : std::as_const(contacts))
        if (c.id != survivorId)
            if (Status s = m_repo->reinsert(c, run); !s)
                return s;
    // Each contact's own unsubscribe date, as before the merge (the snapshots do not carry it).
    const QJsonObject unsubscribed = log.value(QStringLiteral("unsubscribed")).toObject();
    for (const auto& [c, run] : std::as_const(contacts)) {
        const QJsonValue at = unsubscribed.value(QString::number(c.id));
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge: unsubscribed"),
                              QStringLiteral("UPDATE contacts SET unsubscribed_at = ? WHERE id = ?"),
                              {at.isUndefined() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(at.toInteger()), c.id});
            !q)
            return q.error();
    }
    for (const QJsonValue& v : log.value(QStringLiteral("notes")).toArray()) {
        const QJsonArray n = v.toArray();
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge: notes"),
                              QStringLiteral("UPDATE notes SET contact_id = ? WHERE id = ? AND contact_id = ?"),
                              {n.at(1).toInteger(), n.at(0).toInteger(), survivorId});
            !q)
            return q.error();
    }
    // Memberships: the survivor's as before the merge, the others' back.
    QSet<qint64> survivorCampaigns;
    for (const QJsonValue& v : log.value(QStringLiteral("campaigns")).toArray()) {
        const QJsonArray m = v.toArray();
        if (m.at(1).toInteger() == survivorId)
            survivorCampaigns.insert(m.at(0).toInteger());
    }
    auto current = Sql::run(m_db, QStringLiteral("undo merge: campaigns"),
                            QStringLiteral("SELECT campaign_id FROM campaign_members WHERE contact_id = ?"), {survivorId});
    if (!current)
        return current.error();
    QList<qint64> gained;
    while (current->next())
        if (!survivorCampaigns.contains(current->value(0).toLongLong()))
            gained.append(current->value(0).toLongLong());
    current->finish();
    for (qint64 campaign : std::as_const(gained))
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge: campaigns"),
                              QStringLiteral("DELETE FROM campaign_members WHERE campaign_id = ? AND contact_id = ?"),
                              {campaign, survivorId});
            !q)
            return q.error();
    for (const QJsonValue& v : log.value(QStringLiteral("campaigns")).toArray()) {
        const QJsonArray m = v.toArray();
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge: campaigns"),
                              QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, "
                                             "updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                                             "delivery_status = excluded.delivery_status, updated_at = excluded.updated_at"),
                              {m.at(0).toInteger(), m.at(1).toInteger(), m.at(2).toString(), m.at(3).toInteger()});
            !q)
            return q.error();
    }
    // List memberships the same way: the survivor's as before, the others' back.
    if (auto q = Sql::run(m_db, QStringLiteral("undo merge: lists"),
                          QStringLiteral("DELETE FROM list_members WHERE contact_id = ?"), {survivorId});
        !q)
        return q.error();
    for (const QJsonValue& v : log.value(QStringLiteral("lists")).toArray()) {
        const QJsonArray m = v.toArray();
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge: lists"),
                              QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) "
                                             "SELECT ?, ?, ? WHERE ? IN (SELECT id FROM lists) ON CONFLICT DO NOTHING"),
                              {m.at(0).toInteger(), m.at(1).toInteger(), m.at(2).toInteger(), m.at(0).toInteger()});
            !q)
            return q.error();
    }
    // Notes moved back change what the search index holds for each of them.
    for (const auto& [c, run] : std::as_const(contacts))
        if (Status s = m_repo->refreshSearch(c.id); !s)
            return s;
    auto batch = Sql::scalar(m_db, QStringLiteral("undo merge"), QStringLiteral("SELECT batch_id FROM merge_log WHERE id = ?"),
                             {mergeId});
    if (!batch)
        return batch.error();
    if (auto q = Sql::run(m_db, QStringLiteral("undo merge"), QStringLiteral("DELETE FROM merge_log WHERE id = ?"), {mergeId}); !q)
        return q.error();
    // The undo leaves no trace: a batch whose last merge is undone goes too.
    if (!batch->isNull())
        if (auto q = Sql::run(m_db, QStringLiteral("undo merge"),
                              QStringLiteral("DELETE FROM merge_batches WHERE id = ? AND NOT EXISTS "
                                             "(SELECT 1 FROM merge_log WHERE batch_id = merge_batches.id)"),
                              {batch->toLongLong()});
            !q)
            return q.error();
    return {};
}

Result<BulkMergeResult> ContactMerger::mergeAll(const QList<DuplicateCluster>& clusters, double minScore,
                                                MergePolicy policy, const std::function<bool(int, int)>& progress)
{
    Sql::ScopedCacheSize cache(m_db, 256);
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    QList<const DuplicateCluster*> chosen;
    for (const DuplicateCluster& c : clusters)
        if (c.score >= minScore && c.contactIds.size() >= 2)
            chosen.append(&c);
    BulkMergeResult result;
    auto batch = Sql::run(m_db, QStringLiteral("bulk merge"),
                          QStringLiteral("INSERT INTO merge_batches (created_at, min_score, policy, clusters) VALUES (?, ?, ?, 0)"),
                          {Sql::nowMs(), minScore, mergePolicyName(policy)});
    if (!batch)
        return batch.error();
    result.batchId = batch->lastInsertId().toLongLong();
    int done = 0;
    for (const DuplicateCluster* cluster : std::as_const(chosen)) {
        if (progress && done % 50 == 0 && !progress(done, static_cast<int>(chosen.size())))
            return Error{Error::Code::Cancelled, tr("bulk merge cancelled; nothing was merged"), {}};
        ++done;
        // The oldest live contact survives; a contact deleted or merged since the scan drops out.
        QList<QPair<qint64, qint64>> live; // created_at, id
        {
            auto q = Sql::run(m_db, QStringLiteral("bulk merge"),
                              QStringLiteral("SELECT created_at, id FROM contacts WHERE id IN (%1) AND deleted_at IS NULL")
                                  .arg(idList(cluster->contactIds)));
            if (!q)
                return q.error();
            while (q->next())
                live.append({q->value(0).toLongLong(), q->value(1).toLongLong()});
        }
        if (live.size() < 2) {
            ++result.skipped;
            continue;
        }
        std::sort(live.begin(), live.end());
        MergeRequest request;
        request.survivorId = live.first().second;
        for (qsizetype i = 1; i < live.size(); ++i)
            request.mergedIds.append(live.at(i).second);
        request.policy = policy;
        request.score = cluster->score;
        auto id = mergeInTransaction(request, result.batchId);
        if (!id)
            return id.error();
        ++result.merged;
        result.contactsRemoved += static_cast<int>(request.mergedIds.size());
    }
    if (progress && !progress(done, static_cast<int>(chosen.size())))
        return Error{Error::Code::Cancelled, tr("bulk merge cancelled; nothing was merged"), {}};
    if (auto q = Sql::run(m_db, QStringLiteral("bulk merge"), QStringLiteral("UPDATE merge_batches SET clusters = ? WHERE id = ?"),
                          {result.merged, result.batchId});
        !q)
        return q.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return result;
}

Status ContactMerger::undoBatch(qint64 batchId)
{
    Sql::ScopedCacheSize cache(m_db, 256);
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = Sql::run(m_db, QStringLiteral("undo bulk merge"),
                      QStringLiteral("SELECT id FROM merge_log WHERE batch_id = ? ORDER BY id DESC"), {batchId});
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    q->finish();
    if (ids.isEmpty())
        return Error{Error::Code::NotFound, tr("there is no bulk merge #%1 (it may have been undone already)").arg(batchId), {}};
    for (qint64 id : std::as_const(ids))
        if (Status s = undoInTransaction(id); !s)
            return s;
    return tx.commit();
}

Result<QList<MergeEntry>> ContactMerger::history(int limit)
{
    auto q = Sql::run(m_db, QStringLiteral("merge history"),
                      QStringLiteral("SELECT id, survivor_id, merged_ids, snapshot, COALESCE(batch_id, 0), "
                                     "COALESCE(score, 0), created_at FROM merge_log ORDER BY id DESC LIMIT ?"),
                      {limit});
    if (!q)
        return q.error();
    QList<MergeEntry> out;
    while (q->next()) {
        MergeEntry e;
        e.id = q->value(0).toLongLong();
        e.survivorId = q->value(1).toLongLong();
        for (const QJsonValue& v : QJsonDocument::fromJson(q->value(2).toString().toUtf8()).array())
            e.mergedIds.append(v.toInteger());
        const QJsonObject log = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        for (const QJsonValue& v : log.value(QStringLiteral("contacts")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toInteger() == e.survivorId)
                e.survivorName = o.value(QStringLiteral("display_name")).toString();
            else
                e.mergedNames.append(o.value(QStringLiteral("display_name")).toString());
        }
        e.batchId = q->value(4).toLongLong();
        e.score = q->value(5).toDouble();
        e.createdAt = QDateTime::fromMSecsSinceEpoch(q->value(6).toLongLong(), Qt::UTC);
        out.append(e);
    }
    return out;
}

Status ContactMerger::markNotDuplicates(const QList<qint64>& ids)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    for (qsizetype i = 0; i < ids.size(); ++i)
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            const qint64 a = std::min(ids.at(i), ids.at(j)), b = std::max(ids.at(i), ids.at(j));
            if (a == b)
                continue;
            if (auto q = Sql::run(m_db, QStringLiteral("not duplicates"),
                                  QStringLiteral("INSERT INTO not_duplicates (contact_a, contact_b, created_at) "
                                                 "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                                  {a, b, Sql::nowMs()});
                !q)
                return q.error();
        }
    return tx.commit();
}

} // namespace ContactDesk
