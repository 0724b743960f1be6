#include "BulkEdit.h"

#include "ContactRepository.h"
#include "SavedLists.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ContactDesk::BulkEdit {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BulkEdit", text);
}

Error cancelled()
{
    return Error{Error::Code::Cancelled, tr("the bulk change was cancelled; nothing was changed"), {}};
}

bool proceed(const Progress& progress, int step)
{
    return !progress || progress(step);
}

Status exec(const QSqlDatabase& db, const char* name, const QString& sql, const QVariantList& binds = {})
{
    return Sql::exec(db, QString::fromLatin1(name), sql, binds);
}

// The live contacts of `target` that pass `condition` (SQL on contacts, unqualified) go into
// temp.bulk_targets: only those the action changes.
Status fillFor(const QSqlDatabase& db, const Target& target, const QString& condition, const QVariantList& binds)
{
    if (target.useIds) {
        QVariantList all{Sql::idsJson(target.ids)};
        all += binds;
        return BulkTags::fillTargets(db,
                                     QStringLiteral("SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?)) "
                                                    "AND deleted_at IS NULL AND %1 ORDER BY id")
                                         .arg(condition),
                                     all);
    }
    if (target.query.trash)
        return Error{Error::Code::Invalid, tr("bulk actions work on live contacts, not on the Trash"), {}};
    QVariantList all = target.query.whereBinds();
    all += binds;
    return BulkTags::fillTargets(
        db, QStringLiteral("SELECT id FROM contacts WHERE %1 AND %2 ORDER BY id").arg(target.query.whereClause(), condition),
        all);
}

Status createBefore(const QSqlDatabase& db)
{
    if (Status s = exec(db, "bulk before",
                        QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS bulk_before (id INTEGER PRIMARY KEY, value, "
                                       "time INTEGER)"));
        !s)
        return s;
    return exec(db, "bulk before", QStringLiteral("DELETE FROM temp.bulk_before"));
}

// What the targets have now, before the write: `value` and `time` are expressions over t (the
// target) and c (its contact).
Status recordBefore(const QSqlDatabase& db, const QString& value, const QString& time, const QVariantList& binds)
{
    if (Status s = createBefore(db); !s)
        return s;
    return exec(db, "bulk before",
                QStringLiteral("INSERT INTO temp.bulk_before (id, value, time) SELECT t.id, %1, %2 FROM "
                               "temp.bulk_targets t JOIN contacts c ON c.id = t.id ORDER BY t.id")
                    .arg(value, time),
                binds);
}

Status readBefore(const QSqlDatabase& db, Change& change)
{
    auto q = Sql::run(db, QStringLiteral("bulk before"),
                      QStringLiteral("SELECT id, value, time FROM temp.bulk_before ORDER BY id"));
    if (!q)
        return q.error();
    change.ids.clear();
    change.oldValues.clear();
    change.oldTimes.clear();
    while (q->next()) {
        change.ids.append(q->value(0).toLongLong());
        change.oldValues.append(q->value(1).isNull() ? QVariant() : QVariant(q->value(1).toString()));
        change.oldTimes.append(q->value(2).toLongLong());
    }
    return {};
}

// The change's "before" rows back into temp.bulk_before (and their ids into bulk_targets).
Status loadBefore(const QSqlDatabase& db, const Change& change)
{
    QJsonArray rows;
    for (qsizetype i = 0; i < change.ids.size(); ++i) {
        const QVariant v = change.oldValues.value(i);
        rows.append(QJsonArray{change.ids[i], v.isNull() ? QJsonValue() : QJsonValue(v.toString()),
                               change.oldTimes.value(i)});
    }
    if (Status s = createBefore(db); !s)
        return s;
    if (Status s = exec(db, "bulk before",
                        QStringLiteral("INSERT INTO temp.bulk_before (id, value, time) SELECT json_extract(value, '$[0]'), "
                                       "json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?)"),
                        {QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))});
        !s)
        return s;
    return BulkTags::fillTargets(db, QStringLiteral("SELECT id FROM temp.bulk_before ORDER BY id"), {});
}

const char* inTargets = "IN (SELECT id FROM temp.bulk_targets)";

// The search row and list summary follow a field the list or search reads.
Status refreshAfterField(const QSqlDatabase& db, ContactField field)
{
    if (field != ContactField::Company && field != ContactField::JobTitle)
        return {};
    const bool company = field == ContactField::Company;
    // Only this column of the full-text row changes; it holds the value as refreshSearch writes it.
    if (Status s = exec(db, "bulk field search",
                        QStringLiteral("UPDATE contact_search SET %1 = (SELECT %2 FROM contacts WHERE id = "
                                       "contact_search.rowid) WHERE rowid %3")
                            .arg(company ? QStringLiteral("company") : QStringLiteral("title"),
                                 company ? QStringLiteral("company") : QStringLiteral("job_title"),
                                 QLatin1String(inTargets)));
        !s)
        return s;
    if (!company)
        return {};
    // A contact without a name is listed and sorted by its company: its summary follows.
    auto nameless = Sql::run(db, QStringLiteral("bulk field summary"),
                             QStringLiteral("SELECT id FROM contacts WHERE id %1 AND first_name = '' AND last_name = ''")
                                 .arg(QLatin1String(inTargets)));
    if (!nameless)
        return nameless.error();
    QList<qint64> ids;
    while (nameless->next())
        ids.append(nameless->value(0).toLongLong());
    nameless->finish();
    ContactRepository repo(db, PhoneNormalizer());
    for (qint64 id : std::as_const(ids))
        if (Status s = repo.refreshSummary(id); !s)
            return s;
    return {};
}

Result<SavedList> staticList(const QSqlDatabase& db, qint64 id)
{
    auto list = SavedLists::byId(db, id);
    if (!list)
        return list.error();
    if (list->isSmart())
        return Error{Error::Code::Invalid,
                     tr("\"%1\" is a smart list: it shows whoever matches its filter and has no members to change")
                         .arg(list->name),
                     tr("List")};
    return list;
}

Result<qint64> customFieldId(const QSqlDatabase& db, const QString& key)
{
    ContactRepository repo(db, PhoneNormalizer());
    return repo.customField(key, {}, false);
}

// The write of a change, once the list or field is known: fill the targets, record what they
// have, write, refresh. `change` gets the changed contacts and their values before.
Status write(const QSqlDatabase& db, Change& change, const Target& target, const Progress& progress)
{
    const qint64 now = Sql::nowMs();
    QString condition = QStringLiteral("1");
    QVariantList binds;
    QString column;
    qint64 fieldId = 0;
    switch (change.kind) {
    case Kind::AddToList:
        condition = QStringLiteral("id NOT IN (SELECT contact_id FROM list_members WHERE list_id = ?)");
        binds = {change.listId};
        break;
    case Kind::RemoveFromList:
        condition = QStringLiteral("id IN (SELECT contact_id FROM list_members WHERE list_id = ?)");
        binds = {change.listId};
        break;
    case Kind::SetField:
        column = Fields::columnName(change.field);
        condition = QStringLiteral("%1 <> ?").arg(column);
        binds = {change.value};
        break;
    case Kind::SetCustomField: {
        auto id = customFieldId(db, change.customKey);
        if (!id)
            return id.error();
        fieldId = *id;
        if (change.value.isEmpty()) {
            condition = QStringLiteral("id IN (SELECT contact_id FROM contact_fields WHERE field_id = ?)");
            binds = {fieldId};
        } else {
            condition = QStringLiteral("id NOT IN (SELECT contact_id FROM contact_fields WHERE field_id = ? AND value = ?)");
            binds = {fieldId, change.value};
        }
        break;
    }
    case Kind::Trash:
        break;
    }
    if (Status s = fillFor(db, target, condition, binds); !s)
        return s;
    if (!proceed(progress, 2))
        return cancelled();

    Status recorded;
    switch (change.kind) {
    case Kind::AddToList:
        recorded = recordBefore(db, QStringLiteral("NULL"), QStringLiteral("0"), {});
        break;
    case Kind::RemoveFromList:
        recorded = recordBefore(db, QStringLiteral("NULL"),
                                QStringLiteral("(SELECT added_at FROM list_members m WHERE m.list_id = ? AND "
                                               "m.contact_id = t.id)"),
                                {change.listId});
        break;
    case Kind::SetField:
        recorded = recordBefore(db, QStringLiteral("c.") + column, QStringLiteral("c.updated_at"), {});
        break;
    case Kind::SetCustomField:
        recorded = recordBefore(db,
                                QStringLiteral("(SELECT value FROM contact_fields f WHERE f.contact_id = t.id AND "
                                               "f.field_id = ?)"),
                                QStringLiteral("c.updated_at"), {fieldId});
        break;
    case Kind::Trash:
        recorded = recordBefore(db, QStringLiteral("NULL"), QStringLiteral("c.updated_at"), {});
        break;
    }
    if (!recorded)
        return recorded;
    if (Status s = readBefore(db, change); !s)
        return s;

    Status written;
    switch (change.kind) {
    case Kind::AddToList:
        written = exec(db, "bulk add to list",
                       QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) SELECT ?, id, ? FROM "
                                      "temp.bulk_targets ORDER BY id"),
                       {change.listId, now});
        break;
    case Kind::RemoveFromList:
        written = exec(db, "bulk remove from list",
                       QStringLiteral("DELETE FROM list_members WHERE list_id = ? AND contact_id %1").arg(QLatin1String(inTargets)),
                       {change.listId});
        break;
    case Kind::SetField:
        written = exec(db, "bulk set field",
                       QStringLiteral("UPDATE contacts SET %1 = ?, updated_at = ? WHERE id %2").arg(column, QLatin1String(inTargets)),
                       {change.value, now});
        break;
    case Kind::SetCustomField:
        written = change.value.isEmpty()
                      ? exec(db, "bulk clear custom field",
                             QStringLiteral("DELETE FROM contact_fields WHERE field_id = ? AND contact_id %1")
                                 .arg(QLatin1String(inTargets)),
                             {fieldId})
                      : exec(db, "bulk set custom field",
                             QStringLiteral("INSERT INTO contact_fields (contact_id, field_id, value) SELECT id, ?, ? FROM "
                                            "temp.bulk_targets WHERE 1 ORDER BY id ON CONFLICT (contact_id, field_id) "
                                            "DO UPDATE SET value = excluded.value"),
                             {fieldId, change.value});
        if (written)
            written = exec(db, "bulk set custom field",
                           QStringLiteral("UPDATE contacts SET updated_at = ? WHERE id %1").arg(QLatin1String(inTargets)),
                           {now});
        break;
    case Kind::Trash:
        written = exec(db, "bulk trash",
                       QStringLiteral("UPDATE contacts SET deleted_at = ?, updated_at = ? WHERE id %1").arg(QLatin1String(inTargets)),
                       {now, now});
        for (const char* table : {"contact_emails", "contact_phones"})
            if (written)
                written = exec(db, "bulk trash",
                               QStringLiteral("UPDATE %1 SET live = 0 WHERE contact_id %2")
                                   .arg(QLatin1String(table), QLatin1String(inTargets)));
        break;
    }
    if (!written)
        return written;
    if (!proceed(progress, 3))
        return cancelled();
    if (change.kind == Kind::SetField)
        if (Status s = refreshAfterField(db, change.field); !s)
            return s;
    if (!proceed(progress, 4))
        return cancelled();
    return {};
}

// Someone may have taken a trashed contact's email or phone meanwhile: name the first clash.
Status checkRestorable(const QSqlDatabase& db)
{
    auto email = Sql::run(db, QStringLiteral("bulk restore check"),
                          QStringLiteral("SELECT c.display_name, e.address, o2.display_name FROM contact_emails e "
                                         "JOIN contacts c ON c.id = e.contact_id "
                                         "JOIN contact_emails o ON o.email_norm = e.email_norm AND o.live = 1 "
                                         "JOIN contacts o2 ON o2.id = o.contact_id "
                                         "WHERE e.contact_id IN (SELECT id FROM temp.bulk_before) LIMIT 1"));
    if (!email)
        return email.error();
    if (email->next())
        return Error{Error::Code::Duplicate,
                     tr("cannot restore %1: %2 belongs to %3 now")
                         .arg(email->value(0).toString(), email->value(1).toString(), email->value(2).toString()),
                     tr("Email")};
    auto phone = Sql::run(db, QStringLiteral("bulk restore check"),
                          QStringLiteral("SELECT c.display_name, p.number, o2.display_name FROM contact_phones p "
                                         "JOIN contacts c ON c.id = p.contact_id "
                                         "JOIN contact_phones o ON o.e164 = p.e164 AND o.live = 1 "
                                         "JOIN contacts o2 ON o2.id = o.contact_id "
                                         "WHERE p.contact_id IN (SELECT id FROM temp.bulk_before) LIMIT 1"));
    if (!phone)
        return phone.error();
    if (phone->next())
        return Error{Error::Code::Duplicate,
                     tr("cannot restore %1: %2 belongs to %3 now")
                         .arg(phone->value(0).toString(), phone->value(1).toString(), phone->value(2).toString()),
                     tr("Phone")};
    return {};
}

// Puts back what the change's contacts had.
Status revert(const QSqlDatabase& db, const Change& change, const Progress& progress)
{
    if (change.ids.isEmpty() && !change.createdList && !change.createdField)
        return {};
    if (Status s = loadBefore(db, change); !s)
        return s;
    if (!proceed(progress, 2))
        return cancelled();
    const char* before = "(SELECT time FROM temp.bulk_before b WHERE b.id = contacts.id)";
    switch (change.kind) {
    case Kind::AddToList:
        if (Status s = exec(db, "undo add to list",
                            QStringLiteral("DELETE FROM list_members WHERE list_id = ? AND contact_id %1")
                                .arg(QLatin1String(inTargets)),
                            {change.listId});
            !s)
            return s;
        if (change.createdList)
            if (Status s = exec(db, "undo add to list", QStringLiteral("DELETE FROM lists WHERE id = ?"), {change.listId}); !s)
                return s;
        break;
    case Kind::RemoveFromList:
        if (auto list = staticList(db, change.listId); !list)
            return list.error();
        if (Status s = exec(db, "undo remove from list",
                            QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) SELECT ?, id, time "
                                           "FROM temp.bulk_before WHERE id IN (SELECT id FROM contacts) ORDER BY id "
                                           "ON CONFLICT DO NOTHING"),
                            {change.listId});
            !s)
            return s;
        break;
    case Kind::SetField: {
        const QString column = Fields::columnName(change.field);
        if (Status s = exec(db, "undo set field",
                            QStringLiteral("UPDATE contacts SET %1 = (SELECT value FROM temp.bulk_before b WHERE b.id = "
                                           "contacts.id), updated_at = %2 WHERE id %3")
                                .arg(column, QLatin1String(before), QLatin1String(inTargets)));
            !s)
            return s;
        if (Status s = refreshAfterField(db, change.field); !s)
            return s;
        break;
    }
    case Kind::SetCustomField: {
        auto fieldId = customFieldId(db, change.customKey);
        if (!fieldId)
            return fieldId.error();
        if (Status s = exec(db, "undo custom field",
                            QStringLiteral("DELETE FROM contact_fields WHERE field_id = ? AND contact_id IN "
                                           "(SELECT id FROM temp.bulk_before WHERE value IS NULL)"),
                            {*fieldId});
            !s)
            return s;
        if (Status s = exec(db, "undo custom field",
                            QStringLiteral("INSERT INTO contact_fields (contact_id, field_id, value) SELECT id, ?, value "
                                           "FROM temp.bulk_before WHERE value IS NOT NULL ORDER BY id "
                                           "ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value"),
                            {*fieldId});
            !s)
            return s;
        if (Status s = exec(db, "undo custom field",
                            QStringLiteral("UPDATE contacts SET updated_at = %1 WHERE id %2")
                                .arg(QLatin1String(before), QLatin1String(inTargets)));
            !s)
            return s;
        if (change.createdField)
            if (Status s = exec(db, "undo custom field",
                                QStringLiteral("DELETE FROM field_definitions WHERE id = ? AND id NOT IN "
                                               "(SELECT field_id FROM contact_fields WHERE field_id = ?)"),
                                {*fieldId, *fieldId});
                !s)
                return s;
        break;
    }
    case Kind::Trash:
        if (Status s = checkRestorable(db); !s)
            return s;
        if (Status s = exec(db, "undo trash",
                            QStringLiteral("UPDATE contacts SET deleted_at = NULL, updated_at = %1 WHERE id %2")
                                .arg(QLatin1String(before), QLatin1String(inTargets)));
            !s)
            return s;
        for (const char* table : {"contact_emails", "contact_phones"})
            if (Status s = exec(db, "undo trash",
                                QStringLiteral("UPDATE %1 SET live = 1 WHERE contact_id %2")
                                    .arg(QLatin1String(table), QLatin1String(inTargets)));
                !s)
                return s;
        break;
    }
    if (!proceed(progress, 3))
        return cancelled();
    return {};
}

// One change in one transaction: `prepare` finds (or makes) the list or field, then the write.
Result<Change> execute(const QSqlDatabase& db, Change change, const Target& target, const Progress& progress,
                       const std::function<Status(Change&)>& prepare)
{
    // As for bulk tags: 100k scattered rows touch most of the list's covering index.
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (prepare)
        if (Status s = prepare(change); !s)
            return s.error();
    if (!proceed(progress, 1))
        return cancelled();
    if (Status s = write(db, change, target, progress); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return change;
}

Target idsOf(const Change& change)
{
    Target t;
    t.useIds = true;
    t.ids = QList<qint64>(change.ids.cbegin(), change.ids.cend());
    return t;
}

} // namespace

QList<ContactField> settableFields()
{
    return {ContactField::Owner,     ContactField::ContactStatus, ContactField::Type,   ContactField::Company,
            ContactField::JobTitle,  ContactField::Street,        ContactField::City,   ContactField::Region,
            ContactField::PostalCode, ContactField::Country,      ContactField::TimeZone};
}

Result<Change> addToList(const QSqlDatabase& db, const QString& listName, const Target& target, const Progress& progress)
{
    Change change;
    change.kind = Kind::AddToList;
    change.listName = listName.simplified();
    return execute(db, change, target, progress, [&db](Change& c) -> Status {
        auto list = SavedLists::byName(db, c.listName);
        if (!list && list.error().code != Error::Code::NotFound)
            return list.error();
        if (!list) {
            auto id = SavedLists::createStatic(db, c.listName);
            if (!id)
                return id.error();
            list = SavedLists::byId(db, *id);
            if (!list)
                return list.error();
            c.createdList = true;
        }
        if (list->isSmart())
            return staticList(db, list->id).error();
        c.listId = list->id;
        c.listName = list->name;
        c.listCreatedAt = list->createdAt;
        return {};
    });
}

Result<Change> removeFromList(const QSqlDatabase& db, qint64 listId, const Target& target, const Progress& progress)
{
    Change change;
    change.kind = Kind::RemoveFromList;
    change.listId = listId;
    return execute(db, change, target, progress, [&db](Change& c) -> Status {
        auto list = staticList(db, c.listId);
        if (!list)
            return list.error();
        c.listName = list->name;
        c.listCreatedAt = list->createdAt;
        return {};
    });
}

Result<Change> setField(const QSqlDatabase& db, ContactField field, const QString& value, const Target& target,
                        const Progress& progress)
{
    if (!settableFields().contains(field))
        return Error{Error::Code::Invalid, tr("%1 cannot be set on many contacts at once").arg(Fields::label(field)),
                     Fields::label(field)};
    Change change;
    change.kind = Kind::SetField;
    change.field = field;
    change.value = value.trimmed();
    if (field == ContactField::ContactStatus || field == ContactField::Type) {
        const QStringList allowed = field == ContactField::ContactStatus ? Fields::statuses() : Fields::types();
        if (!allowed.contains(change.value))
            return Error{Error::Code::Invalid,
                         tr("\"%1\" is not one of: %2").arg(change.value, allowed.join(QStringLiteral(", "))),
                         Fields::label(field)};
    }
    return execute(db, change, target, progress, {});
}

Result<Change> setCustomField(const QSqlDatabase& db, const QString& key, const QString& value, const Target& target,
                              const Progress& progress)
{
    Change change;
    change.kind = Kind::SetCustomField;
    change.customKey = key.trimmed();
    change.value = value.trimmed();
    if (change.customKey.isEmpty())
        return Error{Error::Code::Invalid, tr("a custom field needs a key"), tr("Custom field")};
    auto existing = customFieldId(db, change.customKey);
    if (!existing && existing.error().code != Error::Code::NotFound)
        return existing.error();
    if (!existing && change.value.isEmpty())
        return change; // nobody has a field that does not exist
    return execute(db, change, target, progress, [&db](Change& c) -> Status {
        if (customFieldId(db, c.customKey))
            return {};
        ContactRepository repo(db, PhoneNormalizer());
        auto made = repo.customField(c.customKey, c.customKey, true);
        if (!made)
            return made.error();
        c.createdField = true;
        return {};
    });
}

Result<Change> moveToTrash(const QSqlDatabase& db, const Target& target, const Progress& progress)
{
    Change change;
    change.kind = Kind::Trash;
    return execute(db, change, target, progress, {});
}

Status undo(const QSqlDatabase& db, const Change& change, const Progress& progress)
{
    Sql::ScopedCacheSize cache(db, 256);
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (!proceed(progress, 1))
        return cancelled();
    if (Status s = revert(db, change, progress); !s)
        return s;
    if (!proceed(progress, 4))
        return cancelled();
    return tx.commit();
}

Status redo(const QSqlDatabase& db, Change& change, const Progress& progress)
{
    Change again = change;
    const bool createdField = change.createdField;
    auto done = execute(db, again, idsOf(change), progress, [&db, createdField](Change& c) -> Status {
        if (c.kind == Kind::AddToList && c.createdList) {
            // The undo deleted the list it had made: make it again under its id.
            if (Status s = exec(db, "redo add to list",
                                QStringLiteral("INSERT INTO lists (id, name, name_norm, kind, created_at) VALUES "
                                               "(?, ?, ?, 'static', ?) ON CONFLICT DO NOTHING"),
                                {c.listId, c.listName, SavedLists::nameKey(c.listName), c.listCreatedAt});
                !s)
                return s;
        }
        if (c.kind == Kind::AddToList || c.kind == Kind::RemoveFromList)
            if (auto list = staticList(db, c.listId); !list)
                return list.error();
        if (c.kind == Kind::SetCustomField && !customFieldId(db, c.customKey)) {
            ContactRepository repo(db, PhoneNormalizer());
            if (auto made = repo.customField(c.customKey, c.customKey, true); !made)
                return made.error();
            c.createdField = true;
        } else if (c.kind == Kind::SetCustomField) {
            c.createdField = createdField;
        }
        return {};
    });
    if (!done)
        return done.error();
    change = *done;
    return {};
}

} // namespace ContactDesk::BulkEdit
