#include "ContactMerger.h"

#include "domain/ContactJson.h"
#include "domain/EmailAddressRules.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QSet>
#include <QSqlError>

#include <tuple>

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

// ---------------------------------------------------------------------------------------------
// Set-based merge and undo. Every merge, one or ten thousand, runs as a few statements over
// temporary tables: temp.merge_pairs holds (contact, merge, survivor) for every contact of every
// cluster, and each table that belongs to contacts is carried over with one statement. The undo
// information is the rows themselves: merge_log.snapshot is {"rows": [{"t": table, "c": contact,
// "r": row as JSON}]} with every row of the cluster's contacts in `contacts` and in each child
// table (only id and owner for moved notes), written with INSERT ... SELECT json_object(...) and
// put back with INSERT ... SELECT json_extract(...). Column lists come from the schema, so a column
// or a child table added later (e.g. list memberships) is carried without changes here.
// Merges logged before this format ({"contacts": [...]}) are undone by undoLegacy.
// ---------------------------------------------------------------------------------------------

namespace {

// How a table with `contact_id REFERENCES contacts` goes through a merge.
enum class Carry {
    Ordered, // own rows with position and is_primary (emails, phones): moved to the survivor after its own
    Moved,   // own rows (notes): moved to the survivor; the undo moves them back
    Union,   // one row per contact and key (tags, campaign and list memberships): the survivor's row wins,
             // else the most recently updated of the others'; the others' rows go with them
    Chosen,  // custom fields: one value per key, chosen by the rep or the policy (computed in C++)
};

struct ForeignKey
{
    QString column, parent, parentColumn;
};

struct TableShape
{
    QString name;
    QStringList columns;
    QStringList defaults; // SQL text of each column's default, or "NULL"
    QString key;          // the single-column primary key, if any
    QList<ForeignKey> parents; // foreign keys other than contact_id
    Carry carry = Carry::Union;
    bool hasUpdatedAt = false;
};

QString quoted(const QString& identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

Result<TableShape> shapeOf(const QSqlDatabase& db, const QString& table)
{
    TableShape shape;
    shape.name = table;
    auto info = Sql::run(db, QStringLiteral("merge: table shape"), QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)));
    if (!info)
        return info.error();
    QStringList pk;
    while (info->next()) {
        const QString column = info->value(1).toString();
        shape.columns.append(column);
        shape.defaults.append(info->value(4).isNull() ? QStringLiteral("NULL") : info->value(4).toString());
        if (info->value(5).toInt() > 0)
            pk.append(column);
        if (column == QLatin1String("updated_at"))
            shape.hasUpdatedAt = true;
    }
    if (pk.size() == 1)
        shape.key = pk.first();
    auto fks = Sql::run(db, QStringLiteral("merge: table shape"),
                        QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(table)));
    if (!fks)
        return fks.error();
    while (fks->next()) {
        const QString from = fks->value(3).toString();
        if (from == QLatin1String("contact_id"))
            continue;
        shape.parents.append(ForeignKey{from, fks->value(2).toString(),
                                        fks->value(4).isNull() ? QStringLiteral("rowid") : fks->value(4).toString()});
    }
    const bool ordered = shape.columns.contains(QLatin1String("position")) && shape.columns.contains(QLatin1String("is_primary"));
    if (table == QLatin1String("contact_fields"))
        shape.carry = Carry::Chosen;
    else if (!shape.key.isEmpty() && shape.key != QLatin1String("contact_id"))
        shape.carry = ordered ? Carry::Ordered : Carry::Moved;
    else
        shape.carry = Carry::Union;
    return shape;
}

// Every table whose contact_id references contacts, in name order.
Result<QList<TableShape>> childTables(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("merge: child tables"),
                      QStringLiteral("SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                                     "WHERE m.type = 'table' AND f.\"table\" = 'contacts' AND f.\"from\" = 'contact_id' "
                                     "ORDER BY m.name"));
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names.append(q->value(0).toString());
    q->finish();
    QList<TableShape> out;
    for (const QString& name : std::as_const(names)) {
        auto shape = shapeOf(db, name);
        if (!shape)
            return shape.error();
        out.append(*shape);
    }
    return out;
}

// json_object('a', x.a, 'b', x.b, ...) over `columns`.
QString jsonOf(const QStringList& columns, const QString& alias)
{
    QStringList args;
    for (const QString& c : columns)
        args << QStringLiteral("'%1'").arg(c) << alias + QLatin1Char('.') + quoted(c);
    return QStringLiteral("json_object(%1)").arg(args.join(QStringLiteral(", ")));
}

// The columns a merge saves of a table: a moved table's key and owner only (the rows stay), else all.
QStringList savedColumns(const TableShape& t)
{
    return t.carry == Carry::Moved ? QStringList{t.key, QStringLiteral("contact_id")} : t.columns;
}

QString savedTable(const QString& table)
{
    return QStringLiteral("merge_saved_") + table;
}

// The typed undo tables, merge_saved_<table> -> their columns after merge_id, by <table>.
Result<QHash<QString, QStringList>> typedTables(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("merge: saved tables"),
                      QStringLiteral("SELECT substr(m.name, 13), p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                                     "WHERE m.type = 'table' AND m.name LIKE 'merge\\_saved\\_%' ESCAPE '\\' "
                                     "AND p.name <> 'merge_id' ORDER BY m.name, p.cid"));
    if (!q)
        return q.error();
    QHash<QString, QStringList> out;
    while (q->next())
        out[q->value(0).toString()].append(q->value(1).toString());
    return out;
}

bool isTyped(const QHash<QString, QStringList>& typed, const QString& table, const QStringList& columns)
{
    const auto it = typed.constFind(table);
    if (it == typed.cend())
        return false;
    for (const QString& c : columns)
        if (!it->contains(c))
            return false;
    return true;
}

QString extract(const QString& row, const QString& column)
{
    return QStringLiteral("json_extract(%1, '$.\"%2\"')").arg(row, column);
}

// A saved value, or the column's default when the row was saved before the column existed.
QString savedValue(const QString& row, const QString& column, const QString& fallback)
{
    return QStringLiteral("CASE WHEN json_type(%1, '$.\"%2\"') IS NULL THEN %3 ELSE %4 END")
        .arg(row, column, fallback, extract(row, column));
}

using Sql::exec;

Status execAll(const QSqlDatabase& db, const QString& name, const QStringList& statements)
{
    for (const QString& sql : statements)
        if (Status s = exec(db, name, sql); !s)
            return s;
    return {};
}

// Fills a temporary table from rows of bound values with one prepared statement.
Status insertRows(const QSqlDatabase& db, const QString& name, const QString& sql, const QList<QVariantList>& rows)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return Sql::errorFrom(q.lastError(), name);
    for (const QVariantList& row : rows) {
        for (const QVariant& v : row)
            q.addBindValue(v);
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), name);
    }
    return {};
}

// The bulk merge's temporary tables emptied (they live as long as the connection).
QStringList clearMergeTables()
{
    QStringList out;
    for (const char* table : {"merge_clusters", "merge_stage", "merge_pairs", "merge_saved", "merge_values", "merge_custom"})
        out.append(QStringLiteral("DELETE FROM temp.%1").arg(QLatin1String(table)));
    return out;
}

Error cancelled()
{
    return Error{Error::Code::Cancelled, tr("bulk merge cancelled; nothing was merged"), {}};
}

} // namespace

Result<qint64> ContactMerger::merge(const MergeRequest& request)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    if (request.mergedIds.isEmpty())
        return Error{Error::Code::Invalid, tr("choose at least two contacts to merge"), {}};
    if (request.mergedIds.contains(request.survivorId))
        return Error{Error::Code::Invalid, tr("the surviving contact cannot also be merged into itself"), {}};
    QList<qint64> all{request.survivorId};
    for (qint64 id : request.mergedIds)
        if (!all.contains(id))
            all.append(id);
    auto q = Sql::run(m_db, QStringLiteral("merge"),
                      QStringLiteral("SELECT id, deleted_at IS NOT NULL FROM contacts WHERE id IN (%1)").arg(idList(all)));
    if (!q)
        return q.error();
    QHash<qint64, bool> trashed;
    while (q->next())
        trashed.insert(q->value(0).toLongLong(), q->value(1).toBool());
    q->finish();
    for (qint64 id : std::as_const(all)) {
        if (!trashed.contains(id))
            return Error{Error::Code::NotFound, tr("contact #%1 does not exist").arg(id), {}};
        if (trashed.value(id))
            return Error{Error::Code::Invalid, tr("contact #%1 is in the Trash; restore it before merging").arg(id), {}};
    }
    MergeRequest r = request;
    r.mergedIds = all.mid(1);
    auto ids = mergeSet({r}, 0, {});
    if (!ids)
        return ids.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return ids->first();
}

Result<QList<qint64>> ContactMerger::mergeSet(const QList<MergeRequest>& requests, qint64 batchId,
                                              const std::function<bool(int)>& step)
{
    constexpr int steps = 8;
    int stepsDone = 0;
    auto next = [&]() { return !step || step(++stepsDone * 100 / steps); };
    const QString where = QStringLiteral("merge");
    auto tables = childTables(m_db);
    if (!tables)
        return tables.error();
    auto contactShape = shapeOf(m_db, QStringLiteral("contacts"));
    if (!contactShape)
        return contactShape.error();

    // 1. The clusters and their contacts. Merge ids follow the history's last id, in order.
    if (Status s = execAll(m_db, where,
                           QStringList{QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_clusters (merge_id INTEGER PRIMARY KEY, "
                                           "survivor INTEGER NOT NULL, score REAL, merged_ids TEXT NOT NULL)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_stage (contact_id INTEGER PRIMARY KEY, "
                                           "merge_id INTEGER NOT NULL, survivor INTEGER NOT NULL)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_pairs (contact_id INTEGER PRIMARY KEY, "
                                           "merge_id INTEGER NOT NULL, survivor INTEGER NOT NULL, age INTEGER NOT NULL)"),
                            QStringLiteral("CREATE INDEX IF NOT EXISTS temp.merge_pairs_survivor ON merge_pairs(survivor)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_saved (merge_id INTEGER NOT NULL, "
                                           "row TEXT NOT NULL)"),
                            QStringLiteral("CREATE INDEX IF NOT EXISTS temp.merge_saved_merge ON merge_saved(merge_id)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_values (contact_id INTEGER NOT NULL, "
                                           "col TEXT NOT NULL, value TEXT NOT NULL)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_custom (contact_id INTEGER NOT NULL, "
                                           "field_id INTEGER NOT NULL, value TEXT)"),
                           }
                               + clearMergeTables());
        !s)
        return s.error();
    auto last = Sql::scalar(m_db, where, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM merge_log"));
    if (!last)
        return last.error();
    const qint64 firstId = last->toLongLong() + 1;
    QList<qint64> mergeIds;
    QList<QVariantList> clusterRows, pairRows;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const MergeRequest& r = requests.at(i);
        const qint64 id = firstId + i;
        mergeIds.append(id);
        clusterRows.append({id, r.survivorId, r.score, QStringLiteral("[%1]").arg(idList(r.mergedIds))});
        pairRows.append({r.survivorId, id, r.survivorId});
        for (qint64 m : r.mergedIds)
            pairRows.append({m, id, r.survivorId});
    }
    if (Status s = insertRows(m_db, where, QStringLiteral("INSERT INTO temp.merge_clusters VALUES (?, ?, ?, ?)"), clusterRows); !s)
        return s.error();
    // age: the others' order, oldest first (their emails and phones follow the survivor's in it).
    if (Status s = insertRows(m_db, where, QStringLiteral("INSERT INTO temp.merge_stage VALUES (?, ?, ?)"), pairRows); !s)
        return s.error();
    // (CROSS JOIN keeps the small temporary table outside: the planner has no statistics for it.)
    if (Status s = exec(m_db, where,
                        QStringLiteral("INSERT INTO temp.merge_pairs SELECT p.contact_id, p.merge_id, p.survivor, "
                                       "row_number() OVER (PARTITION BY p.merge_id ORDER BY p.contact_id <> p.survivor, "
                                       "c.created_at, c.id) - 1 FROM temp.merge_stage p CROSS JOIN contacts c "
                                       "ON c.id = p.contact_id"));
        !s)
        return s.error();
    if (!next())
        return cancelled();

    // 2. The undo information: every row of these contacts, saved before anything changes, into
    //    the typed merge_saved_<table> tables (schema 9); a table that has none, or one lacking a
    //    column, as JSON rows in merge_log.snapshot (the format before schema 9).
    auto typed = typedTables(m_db);
    if (!typed)
        return typed.error();
    QStringList jsonSaves, typedSaves;
    auto save = [&](const QString& table, const QStringList& columns, const QString& owner, const QString& filter) {
        if (isTyped(*typed, table, columns)) {
            QStringList cols, values;
            for (const QString& c : columns) {
                cols.append(quoted(c));
                values.append(QStringLiteral("x.") + quoted(c));
            }
            typedSaves.append(QStringLiteral("INSERT INTO %1 (merge_id, %2) SELECT p.merge_id, %3 FROM temp.merge_pairs p "
                                             "CROSS JOIN %4 x ON x.%5 = p.contact_id%6")
                                  .arg(quoted(savedTable(table)), cols.join(QStringLiteral(", ")),
                                       values.join(QStringLiteral(", ")), quoted(table), owner, filter));
        } else {
            jsonSaves.append(QStringLiteral("INSERT INTO temp.merge_saved SELECT p.merge_id, json_object('t', '%1', "
                                            "'c', p.contact_id, 'r', %2) FROM temp.merge_pairs p CROSS JOIN %3 x "
                                            "ON x.%4 = p.contact_id%5")
                                 .arg(table, jsonOf(columns, QStringLiteral("x")), quoted(table), owner, filter));
        }
    };
    save(QStringLiteral("contacts"), contactShape->columns, QStringLiteral("id"), {});
    for (const TableShape& t : std::as_const(*tables))
        save(t.name, savedColumns(t), QStringLiteral("contact_id"),
             t.carry == Carry::Moved ? QStringLiteral(" WHERE p.contact_id <> p.survivor") : QString());
    QStringList saves = jsonSaves;
    // The JSON rows are text already: the snapshot is their concatenation (none: an empty list).
    saves.append(QStringLiteral("INSERT INTO merge_log (id, survivor_id, merged_ids, snapshot, created_at, batch_id, score) "
                                "SELECT k.merge_id, k.survivor, k.merged_ids, '{\"rows\":[' || COALESCE((SELECT "
                                "group_concat(s.row, ',') FROM temp.merge_saved s WHERE s.merge_id = k.merge_id), '') "
                                "|| ']}', %1, %2, k.score FROM temp.merge_clusters k ORDER BY k.merge_id")
                     .arg(Sql::nowMs())
                     .arg(batchId > 0 ? QString::number(batchId) : QStringLiteral("NULL")));
    saves.append(typedSaves); // after merge_log: their merge_id references it
    saves.append(QStringLiteral("INSERT INTO merge_contacts (merge_id, contact_id) SELECT merge_id, contact_id "
                                "FROM temp.merge_pairs"));
    if (Status s = execAll(m_db, QStringLiteral("merge: undo information"), saves); !s)
        return s.error();
    if (!next())
        return cancelled();

    // 3. The survivors' single values, per policy or choice (ContactMerger::mergedContact, in C++
    //    once over the set); only values that change are written.
    {
        QStringList columns;
        for (ContactField f : mergeFields())
            columns.append(Fields::columnName(f));
        auto read = Sql::run(m_db, where,
                             QStringLiteral("SELECT p.merge_id, c.id, c.created_at, c.updated_at, %1 FROM temp.merge_pairs p "
                                            "CROSS JOIN contacts c ON c.id = p.contact_id")
                                 .arg(columns.join(QStringLiteral(", c."))
                                          .prepend(QStringLiteral("c."))));
        if (!read)
            return read.error();
        QHash<qint64, QList<Contact>> byMerge;
        QHash<qint64, QStringList> raw; // contact -> stored field values
        while (read->next()) {
            Contact c;
            c.id = read->value(1).toLongLong();
            c.createdAt = QDateTime::fromMSecsSinceEpoch(read->value(2).toLongLong(), Qt::UTC);
            c.updatedAt = QDateTime::fromMSecsSinceEpoch(read->value(3).toLongLong(), Qt::UTC);
            QStringList values;
            int col = 4;
            for (ContactField f : mergeFields()) {
                values.append(read->value(col++).toString());
                c.setField(f, values.last());
            }
            raw.insert(c.id, values);
            byMerge[read->value(0).toLongLong()].append(c);
        }
        read->finish();
        auto custom = Sql::run(m_db, where,
                               QStringLiteral("SELECT p.merge_id, f.contact_id, d.key, f.value, d.id FROM temp.merge_pairs p "
                                              "CROSS JOIN contact_fields f ON f.contact_id = p.contact_id "
                                              "JOIN field_definitions d ON d.id = f.field_id"));
        if (!custom)
            return custom.error();
        QHash<QString, qint64> fieldIds;
        while (custom->next()) {
            QList<Contact>& contacts = byMerge[custom->value(0).toLongLong()];
            const qint64 owner = custom->value(1).toLongLong();
            fieldIds.insert(custom->value(2).toString(), custom->value(4).toLongLong());
            for (Contact& c : contacts)
                if (c.id == owner)
                    c.customFields.insert(custom->value(2).toString(), custom->value(3).toString());
        }
        custom->finish();
        QList<QVariantList> values, customs;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const MergeRequest& r = requests.at(i);
            const QList<Contact> contacts = byMerge.value(mergeIds.at(i));
            const Contact* survivor = nullptr;
            for (const Contact& c : contacts)
                if (c.id == r.survivorId)
                    survivor = &c;
            if (!survivor || contacts.size() != r.mergedIds.size() + 1)
                return Error{Error::Code::NotFound, tr("a contact of merge #%1 no longer exists").arg(mergeIds.at(i)), {}};
            const Contact merged = mergedContact(contacts, r);
            const QStringList stored = raw.value(r.survivorId);
            int col = 0;
            for (ContactField f : mergeFields()) {
                const QString v = Sql::text(merged.field(f));
                if (v != stored.at(col++))
                    values.append({r.survivorId, Fields::columnName(f), v});
            }
            for (auto it = merged.customFields.cbegin(); it != merged.customFields.cend(); ++it)
                if (survivor->customFields.value(it.key()) != it.value() || !survivor->customFields.contains(it.key()))
                    customs.append({r.survivorId, fieldIds.value(it.key()), it.value()});
            for (auto it = survivor->customFields.cbegin(); it != survivor->customFields.cend(); ++it)
                if (!merged.customFields.contains(it.key()))
                    customs.append({r.survivorId, fieldIds.value(it.key()), QVariant(QMetaType(QMetaType::QString))});
        }
        if (Status s = insertRows(m_db, where, QStringLiteral("INSERT INTO temp.merge_values VALUES (?, ?, ?)"), values); !s)
            return s.error();
        if (Status s = insertRows(m_db, where, QStringLiteral("INSERT INTO temp.merge_custom VALUES (?, ?, ?)"), customs); !s)
            return s.error();
        QStringList updates;
        for (const QString& c : std::as_const(columns))
            updates.append(QStringLiteral("UPDATE contacts SET %1 = (SELECT v.value FROM temp.merge_values v "
                                          "WHERE v.col = '%1' AND v.contact_id = contacts.id) "
                                          "WHERE id IN (SELECT contact_id FROM temp.merge_values WHERE col = '%1')")
                               .arg(c));
        if (Status s = execAll(m_db, QStringLiteral("merge: fields"), updates); !s)
            return s.error();
    }
    if (!next())
        return cancelled();

    // 4. Rows that belong to the merged contacts move to, or are united into, the survivor.
    QStringList moves;
    for (const TableShape& t : std::as_const(*tables)) {
        const QString T = quoted(t.name);
        switch (t.carry) {
        case Carry::Ordered:
            // After the survivor's own rows, in the others' age order; the first becomes primary
            // only when the survivor had none.
            moves.append(QStringLiteral(
                             "UPDATE %1 SET contact_id = m.survivor, is_primary = m.is_primary, position = m.position "
                             "FROM (SELECT x.%2 AS rid, p.survivor AS survivor, "
                             "(b.base IS NULL AND row_number() OVER w = 1) AS is_primary, "
                             "COALESCE(b.base, 0) + row_number() OVER w - 1 AS position "
                             "FROM temp.merge_pairs p CROSS JOIN %1 x ON x.contact_id = p.contact_id "
                             "LEFT JOIN (SELECT y.contact_id, MAX(y.position) + 1 AS base FROM temp.merge_clusters k "
                             "CROSS JOIN %1 y ON y.contact_id = k.survivor GROUP BY y.contact_id) b ON b.contact_id = p.survivor "
                             "WHERE p.contact_id <> p.survivor "
                             "WINDOW w AS (PARTITION BY p.survivor ORDER BY p.age, x.position, x.%2)) m "
                             "WHERE %1.%2 = m.rid")
                             .arg(T, quoted(t.key)));
            break;
        case Carry::Moved:
            moves.append(QStringLiteral("UPDATE %1 SET contact_id = (SELECT p.survivor FROM temp.merge_pairs p "
                                        "WHERE p.contact_id = %1.contact_id) WHERE contact_id IN "
                                        "(SELECT contact_id FROM temp.merge_pairs WHERE contact_id <> survivor)")
                             .arg(T));
            break;
        case Carry::Union: {
            QStringList select;
            for (const QString& c : t.columns)
                select.append(c == QLatin1String("contact_id") ? QStringLiteral("p.survivor") : QStringLiteral("x.") + quoted(c));
            QStringList cols;
            for (const QString& c : t.columns)
                cols.append(quoted(c));
            moves.append(QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM temp.merge_pairs p CROSS JOIN %1 x "
                                        "ON x.contact_id = p.contact_id WHERE p.contact_id <> p.survivor %4 "
                                        "ON CONFLICT DO NOTHING")
                             .arg(T, cols.join(QStringLiteral(", ")), select.join(QStringLiteral(", ")),
                                  t.hasUpdatedAt ? QStringLiteral("ORDER BY x.updated_at DESC") : QString()));
            break;
        }
        case Carry::Chosen:
            moves.append(QStringLiteral("DELETE FROM %1 WHERE (contact_id, field_id) IN "
                                        "(SELECT contact_id, field_id FROM temp.merge_custom WHERE value IS NULL)")
                             .arg(T));
            moves.append(QStringLiteral("INSERT INTO %1 (contact_id, field_id, value) SELECT contact_id, field_id, value "
                                        "FROM temp.merge_custom WHERE value IS NOT NULL "
                                        "ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value")
                             .arg(T));
            break;
        }
    }
    if (Status s = execAll(m_db, QStringLiteral("merge: move rows"), moves); !s)
        return s.error();
    if (!next())
        return cancelled();

    // 5. The survivor's import run stays; one it lacked comes from the merged contacts. Then the
    //    merged contacts go (their remaining rows by cascade, their search rows by trigger).
    if (Status s = execAll(
            m_db, QStringLiteral("merge: survivors"),
            {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_runs (id INTEGER PRIMARY KEY, run INTEGER NOT NULL)"),
             QStringLiteral("DELETE FROM temp.merge_runs"),
             QStringLiteral("INSERT INTO temp.merge_runs SELECT p.survivor, MAX(c.import_run_id) FROM temp.merge_pairs p "
                            "CROSS JOIN contacts c ON c.id = p.contact_id GROUP BY p.survivor "
                            "HAVING MAX(c.import_run_id) IS NOT NULL"),
             QStringLiteral("UPDATE contacts SET import_run_id = (SELECT run FROM temp.merge_runs r WHERE r.id = contacts.id) "
                            "WHERE id IN (SELECT id FROM temp.merge_runs) AND import_run_id IS NULL"),
             // Campaigns: the survivor keeps the earliest unsubscribe of its cluster, so a merge never
             // brings an unsubscribed person back into campaigns (the undo puts every row back).
             QStringLiteral("UPDATE contacts SET unsubscribed_at = (SELECT MIN(c.unsubscribed_at) FROM temp.merge_pairs p "
                            "CROSS JOIN contacts c ON c.id = p.contact_id WHERE p.survivor = contacts.id) "
                            "WHERE id IN (SELECT p.survivor FROM temp.merge_pairs p CROSS JOIN contacts c "
                            "ON c.id = p.contact_id WHERE c.unsubscribed_at IS NOT NULL)"),
             QStringLiteral("UPDATE contacts SET status = 'unsubscribed' WHERE status = 'active' AND unsubscribed_at IS NOT NULL "
                            "AND id IN (SELECT survivor FROM temp.merge_clusters)"),
             QStringLiteral("UPDATE contacts SET updated_at = %1 WHERE id IN (SELECT survivor FROM temp.merge_clusters)")
                 .arg(Sql::nowMs())});
        !s)
        return s.error();
    if (!next())
        return cancelled();
    if (Status s = exec(m_db, QStringLiteral("merge: remove merged contacts"),
                        QStringLiteral("DELETE FROM contacts WHERE id IN (SELECT contact_id FROM temp.merge_pairs "
                                       "WHERE contact_id <> survivor)"));
        !s)
        return s.error();
    if (!next())
        return cancelled();

    // 6. The survivors' summary columns and search rows.
    QList<qint64> survivors;
    for (const MergeRequest& r : requests)
        survivors.append(r.survivorId);
    if (Status s = m_repo->refreshDerived(survivors); !s)
        return s.error();
    if (!next())
        return cancelled();
    if (Status s = execAll(m_db, where, clearMergeTables()); !s)
        return s.error();
    if (!next())
        return cancelled();
    return mergeIds;
}

Status ContactMerger::undo(qint64 mergeId)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto format = Sql::scalar(m_db, QStringLiteral("undo merge"),
                              QStringLiteral("SELECT json_type(snapshot, '$.rows') IS NOT NULL FROM merge_log WHERE id = ?"),
                              {mergeId});
    if (!format)
        return format.error();
    if (!format->isValid())
        return Error{Error::Code::NotFound, tr("there is no merge #%1 (it may have been undone already)").arg(mergeId), {}};
    if (Status s = format->toBool() ? undoSet({mergeId}) : undoLegacy(mergeId); !s)
        return s;
    return tx.commit();
}

Status ContactMerger::undoSet(const QList<qint64>& mergeIds)
{
    const QString where = QStringLiteral("undo merge");
    auto tables = childTables(m_db);
    if (!tables)
        return tables.error();
    auto contactShape = shapeOf(m_db, QStringLiteral("contacts"));
    if (!contactShape)
        return contactShape.error();
    auto typed = typedTables(m_db);
    if (!typed)
        return typed.error();
    if (Status s = execAll(m_db, where,
                           {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS undo_merges (merge_id INTEGER PRIMARY KEY, "
                                           "survivor INTEGER NOT NULL)"),
                            QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS undo_rows (merge_id INTEGER NOT NULL, "
                                           "survivor INTEGER NOT NULL, tbl TEXT NOT NULL, contact_id INTEGER NOT NULL, "
                                           "row TEXT NOT NULL)"),
                            QStringLiteral("CREATE INDEX IF NOT EXISTS temp.undo_rows_table ON undo_rows(tbl)"),
                            QStringLiteral("DELETE FROM temp.undo_merges"), QStringLiteral("DELETE FROM temp.undo_rows")});
        !s)
        return s;
    QList<QVariantList> rows;
    for (qint64 id : mergeIds)
        rows.append(QVariantList{id});
    if (Status s = insertRows(m_db, where,
                              QStringLiteral("INSERT OR IGNORE INTO temp.undo_merges SELECT id, survivor_id FROM merge_log "
                                             "WHERE id = ?"),
                              rows);
        !s)
        return s;

    // What would make the undo inexact is refused, naming the first case.
    auto first = [&](const QString& sql) { return Sql::run(m_db, where, sql + QStringLiteral(" LIMIT 1")); };
    if (auto q = first(QStringLiteral("SELECT b.merge_id FROM temp.undo_merges m CROSS JOIN merge_contacts a ON a.merge_id = m.merge_id "
                                      "CROSS JOIN merge_contacts b ON b.contact_id = a.contact_id AND b.merge_id > a.merge_id "
                                      "WHERE b.merge_id NOT IN (SELECT merge_id FROM temp.undo_merges) ORDER BY b.merge_id"));
        !q)
        return q.error();
    else if (q->next())
        return Error{Error::Code::Invalid,
                     tr("merge #%1 changed the same contacts later; undo it first").arg(q->value(0).toLongLong()), {}};
    if (auto q = first(QStringLiteral("SELECT m.survivor, c.id IS NULL, c.display_name FROM temp.undo_merges m "
                                      "LEFT JOIN contacts c ON c.id = m.survivor "
                                      "WHERE c.id IS NULL OR c.deleted_at IS NOT NULL ORDER BY m.merge_id"));
        !q)
        return q.error();
    else if (q->next())
        return q->value(1).toBool()
                   ? Error{Error::Code::NotFound, tr("the merged contact #%1 no longer exists").arg(q->value(0).toLongLong()), {}}
                   : Error{Error::Code::Invalid,
                           tr("the merged contact %1 is in the Trash; restore it before undoing the merge")
                               .arg(q->value(2).toString()),
                           {}};

    // The saved rows of each table, from the typed tables and from JSON rows (merges logged before
    // schema 9, tables without a typed table), into one temporary table per table:
    // temp."undo_saved_<table>" (undo_merge, undo_survivor, undo_owner, undo_absent, <the saved
    // columns>). A column the row was saved without holds the column's default, and undo_absent lists it (",name,"), so
    // a survivor keeps its current value there.
    if (Status s = exec(m_db, where,
                        QStringLiteral("INSERT INTO temp.undo_rows SELECT m.merge_id, m.survivor, json_extract(j.value, '$.t'), "
                                       "json_extract(j.value, '$.c'), json_extract(j.value, '$.r') FROM temp.undo_merges m "
                                       "CROSS JOIN merge_log l ON l.id = m.merge_id, json_each(l.snapshot, '$.rows') j"));
        !s)
        return s;
    QStringList fills;
    // One temporary table per table and column list (emptied, not dropped: DROP fails while
    // another statement of the connection is reading).
    QHash<QString, QString> undoTables;
    auto gather = [&](const TableShape& t, const QStringList& columns, const QString& owner, const QString& key) {
        const QString name = QStringLiteral("undo_saved_%1_%2")
                                 .arg(t.name)
                                 .arg(qHash(columns.join(QLatin1Char(','))), 0, 16);
        const QString U = quoted(name);
        undoTables.insert(t.name, QStringLiteral("temp.") + U);
        // Values keep their storage class (no type); the ids joined on are INTEGER, else the
        // planner cannot use the index for `s.id = contacts.id` (an affinity mismatch: 14 s, not 0.1 s).
        QStringList cols;
        for (const QString& c : columns)
            cols.append(c == t.key ? quoted(c) + QStringLiteral(" INTEGER") : quoted(c));
        fills.append(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 (undo_merge INTEGER, undo_survivor INTEGER, "
                                    "undo_owner INTEGER, undo_absent TEXT, %2)")
                         .arg(U, cols.join(QStringLiteral(", "))));
        fills.append(QStringLiteral("CREATE INDEX IF NOT EXISTS temp.%1 ON %2(%3)").arg(quoted(name + QStringLiteral("_key")), U, key));
        fills.append(QStringLiteral("DELETE FROM temp.%1").arg(U));
        auto fallback = [&t](const QString& c) { return t.defaults.value(t.columns.indexOf(c), QStringLiteral("NULL")); };
        if (const auto it = typed->constFind(t.name); it != typed->cend()) {
            QStringList values, absent;
            for (const QString& c : columns) {
                if (it->contains(c)) {
                    values.append(QStringLiteral("s.") + quoted(c));
                } else {
                    values.append(fallback(c));
                    absent.append(c);
                }
            }
            const QString absentText = absent.isEmpty() ? QString()
                                                        : QLatin1Char(',') + absent.join(QLatin1Char(',')) + QLatin1Char(',');
            if (it->contains(owner))
                fills.append(QStringLiteral("INSERT INTO temp.%1 SELECT m.merge_id, m.survivor, s.%2, '%3', %4 "
                                            "FROM temp.undo_merges m CROSS JOIN %5 s ON s.merge_id = m.merge_id")
                                 .arg(U, quoted(owner), absentText, values.join(QStringLiteral(", ")),
                                      quoted(savedTable(t.name))));
        }
        QStringList values, absent;
        for (const QString& c : columns) {
            values.append(savedValue(QStringLiteral("u.row"), c, fallback(c)));
            absent.append(QStringLiteral("CASE WHEN json_type(u.row, '$.\"%1\"') IS NULL THEN ',%1,' ELSE '' END").arg(c));
        }
        fills.append(QStringLiteral("INSERT INTO temp.%1 SELECT u.merge_id, u.survivor, u.contact_id, %2, %3 "
                                    "FROM temp.undo_rows u WHERE u.tbl = '%4'")
                         .arg(U, absent.join(QStringLiteral(" || ")), values.join(QStringLiteral(", ")), t.name));
    };
    gather(*contactShape, contactShape->columns, QStringLiteral("id"), QStringLiteral("undo_owner"));
    for (const TableShape& t : std::as_const(*tables))
        gather(t, savedColumns(t), QStringLiteral("contact_id"), t.key.isEmpty() ? QStringLiteral("undo_owner") : quoted(t.key));
    if (Status s = execAll(m_db, where, fills); !s)
        return s;
    auto undoTable = [&undoTables](const QString& table) { return undoTables.value(table); };
    auto present = [](const QString& alias, const QString& column) {
        return QStringLiteral("instr(%1.undo_absent, ',%2,') = 0").arg(alias, column);
    };

    if (auto q = first(QStringLiteral("SELECT u.undo_owner FROM %1 u CROSS JOIN contacts c ON c.id = u.undo_owner "
                                      "WHERE u.undo_owner <> u.undo_survivor")
                           .arg(undoTable(QStringLiteral("contacts"))));
        !q)
        return q.error();
    else if (q->next())
        return Error{Error::Code::Invalid, tr("contact #%1 exists again").arg(q->value(0).toLongLong()), {}};
    // Emails and phones of the merged contacts that another contact took since cannot come back.
    for (const auto& [table, shown, unique] :
         {std::make_tuple("contact_emails", "address", "email_norm"), std::make_tuple("contact_phones", "number", "e164")}) {
        auto q = first(QStringLiteral("SELECT u.%2, x.contact_id FROM %4 u CROSS JOIN %1 x "
                                      "ON x.%3 = u.%3 AND x.live = 1 WHERE u.undo_owner <> u.undo_survivor "
                                      "AND x.contact_id NOT IN (SELECT survivor FROM temp.undo_merges)")
                           .arg(QLatin1String(table), QLatin1String(shown), QLatin1String(unique),
                                undoTable(QLatin1String(table))));
        if (!q)
            return q.error();
        if (q->next())
            return Error{Error::Code::Duplicate,
                         tr("%1 now belongs to contact #%2; the merge cannot be undone")
                             .arg(q->value(0).toString())
                             .arg(q->value(1).toLongLong()),
                         {}};
    }

    // An email or phone row the merge kept (under its id) that now belongs to someone else (the
    // survivor dropped it and the id was given again) cannot come back in place.
    for (const TableShape& t : std::as_const(*tables)) {
        if (t.carry != Carry::Ordered)
            continue;
        auto q = first(QStringLiteral("SELECT u.%1, x.contact_id FROM %2 u CROSS JOIN %3 x ON x.%1 = u.%1 "
                                      "WHERE x.contact_id NOT IN (SELECT survivor FROM temp.undo_merges)")
                           .arg(quoted(t.key), undoTable(t.name), quoted(t.name)));
        if (!q)
            return q.error();
        if (q->next())
            return Error{Error::Code::Duplicate,
                         tr("row #%1 of %2 now belongs to contact #%3; the merge cannot be undone")
                             .arg(q->value(0).toLongLong())
                             .arg(t.name)
                             .arg(q->value(1).toLongLong()),
                         {}};
    }

    // The merged contacts come back under their ids, the survivors get their values back.
    QStringList steps;
    {
        const TableShape& c = *contactShape;
        const QString U = undoTable(c.name);
        QStringList cols, values;
        for (const QString& column : c.columns) {
            cols.append(quoted(column));
            QString value = QStringLiteral("u.") + quoted(column);
            for (const ForeignKey& fk : c.parents)
                if (fk.column == column) // a parent deleted since: the link is gone (ON DELETE SET NULL)
                    value = QStringLiteral("(SELECT %1 FROM %2 WHERE %1 = %3)").arg(quoted(fk.parentColumn), quoted(fk.parent), value);
            values.append(value);
        }
        steps.append(QStringLiteral("INSERT INTO contacts (%1) SELECT %2 FROM %3 u WHERE u.undo_owner <> u.undo_survivor ORDER BY u.undo_owner")
                         .arg(cols.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), U));
        // Column by column, only where the value differs: an unchanged column costs no index write.
        for (const QString& column : c.columns) {
            if (column == QLatin1String("id"))
                continue;
            steps.append(QStringLiteral("UPDATE contacts SET %1 = (SELECT s.%1 FROM %2 s WHERE s.undo_owner = contacts.id "
                                        "AND s.undo_owner = s.undo_survivor) WHERE id IN (SELECT s.undo_owner FROM %2 s CROSS JOIN contacts x "
                                        "ON x.id = s.undo_owner WHERE s.undo_owner = s.undo_survivor AND %3 AND x.%1 IS NOT s.%1)")
                             .arg(quoted(column), U, present(QStringLiteral("s"), column)));
        }
    }
    // Rows of the survivors are replaced by the saved rows of everyone; moved rows go back.
    for (const TableShape& t : std::as_const(*tables)) {
        const QString T = quoted(t.name);
        const QString U = undoTable(t.name);
        if (t.carry == Carry::Moved) {
            steps.append(QStringLiteral("UPDATE %1 SET contact_id = (SELECT m.contact_id FROM %3 m WHERE m.%2 = %1.%2) "
                                        "WHERE %2 IN (SELECT m.%2 FROM %3 m CROSS JOIN %1 x ON x.%2 = m.%2 "
                                        "WHERE x.contact_id = m.undo_survivor)")
                             .arg(T, quoted(t.key), U));
            continue;
        }
        if (t.carry == Carry::Ordered) {
            // Emails and phones moved by the merge are still there under their ids: put their
            // columns back where they differ (cheaper than deleting and inserting them through
            // every index), drop what the survivors gained since, insert what they lost since.
            steps.append(QStringLiteral("DELETE FROM %1 WHERE contact_id IN (SELECT survivor FROM temp.undo_merges) "
                                        "AND %2 NOT IN (SELECT %2 FROM %3)")
                             .arg(T, quoted(t.key), U));
            for (const QString& column : t.columns) {
                if (column == t.key)
                    continue;
                steps.append(QStringLiteral("UPDATE %1 SET %2 = (SELECT s.%2 FROM %3 s WHERE s.%4 = %1.%4) "
                                            "WHERE %4 IN (SELECT s.%4 FROM %3 s CROSS JOIN %1 x ON x.%4 = s.%4 "
                                            "WHERE (x.contact_id IN (SELECT survivor FROM temp.undo_merges) OR x.contact_id = s.contact_id) "
                                            "AND %5 AND x.%2 IS NOT s.%2)")
                                 .arg(T, quoted(column), U, quoted(t.key), present(QStringLiteral("s"), column)));
            }
        } else {
            steps.append(QStringLiteral("DELETE FROM %1 WHERE contact_id IN (SELECT survivor FROM temp.undo_merges)").arg(T));
        }
        QStringList cols, values, exists;
        for (const QString& column : t.columns) {
            cols.append(quoted(column));
            values.append(QStringLiteral("u.") + quoted(column));
        }
        // A tag, campaign or field deleted since cannot be linked again.
        for (const ForeignKey& fk : t.parents)
            exists.append(QStringLiteral(" AND (u.%3 IS NULL OR EXISTS (SELECT 1 FROM %1 WHERE %2 = u.%3))")
                              .arg(quoted(fk.parent), quoted(fk.parentColumn), quoted(fk.column)));
        if (t.carry == Carry::Ordered)
            exists.append(QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM %1 WHERE %2 = u.%2)").arg(T, quoted(t.key)));
        steps.append(QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %4 u WHERE 1%5")
                         .arg(T, cols.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")), U, exists.join(QString())));
    }
    if (Status s = execAll(m_db, where, steps); !s)
        return s;

    QList<qint64> restored;
    if (auto q = Sql::run(m_db, where, QStringLiteral("SELECT undo_owner FROM %1").arg(undoTable(QStringLiteral("contacts")))); !q)
        return q.error();
    else
        while (q->next())
            restored.append(q->value(0).toLongLong());
    if (Status s = m_repo->refreshDerived(restored); !s)
        return s;
    // The undo leaves no trace: the merges go from the history (their typed rows by cascade), and
    // a batch whose last merge is undone goes too.
    QStringList cleanup{QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS undo_batches (id INTEGER PRIMARY KEY)"),
                        QStringLiteral("DELETE FROM temp.undo_batches"),
                        QStringLiteral("INSERT OR IGNORE INTO temp.undo_batches SELECT batch_id FROM merge_log "
                                       "WHERE id IN (SELECT merge_id FROM temp.undo_merges) AND batch_id IS NOT NULL"),
                        QStringLiteral("DELETE FROM merge_log WHERE id IN (SELECT merge_id FROM temp.undo_merges)"),
                        QStringLiteral("DELETE FROM merge_batches WHERE id IN (SELECT id FROM temp.undo_batches) "
                                       "AND NOT EXISTS (SELECT 1 FROM merge_log WHERE batch_id = merge_batches.id)"),
                        QStringLiteral("DELETE FROM temp.undo_merges"), QStringLiteral("DELETE FROM temp.undo_rows"),
                        QStringLiteral("DELETE FROM temp.undo_batches")};
    for (const QString& table : std::as_const(undoTables))
        cleanup.append(QStringLiteral("DELETE FROM %1").arg(table));
    return execAll(m_db, where, cleanup);
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
    const int total = static_cast<int>(chosen.size());
    if (progress && !progress(0, total))
        return cancelled();
    BulkMergeResult result;
    auto batch = Sql::run(m_db, QStringLiteral("bulk merge"),
                          QStringLiteral("INSERT INTO merge_batches (created_at, min_score, policy, clusters) VALUES (?, ?, ?, 0)"),
                          {Sql::nowMs(), minScore, mergePolicyName(policy)});
    if (!batch)
        return batch.error();
    result.batchId = batch->lastInsertId().toLongLong();

    // The live contacts of every cluster in one query. The oldest survives; a contact deleted or
    // merged since the scan, or already taken by an earlier cluster, drops out.
    if (Status s = execAll(m_db, QStringLiteral("bulk merge"),
                           {QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS merge_candidates (seq INTEGER NOT NULL, "
                                           "contact_id INTEGER NOT NULL)"),
                            QStringLiteral("DELETE FROM temp.merge_candidates")});
        !s)
        return s.error();
    QList<QVariantList> candidates;
    for (qsizetype i = 0; i < chosen.size(); ++i)
        for (qint64 id : chosen.at(i)->contactIds)
            candidates.append({i, id});
    if (Status s = insertRows(m_db, QStringLiteral("bulk merge"), QStringLiteral("INSERT INTO temp.merge_candidates VALUES (?, ?)"),
                              candidates);
        !s)
        return s.error();
    QList<QList<QPair<qint64, qint64>>> live(chosen.size()); // created_at, id
    if (auto q = Sql::run(m_db, QStringLiteral("bulk merge"),
                          QStringLiteral("SELECT m.seq, c.created_at, c.id FROM temp.merge_candidates m "
                                         "CROSS JOIN contacts c ON c.id = m.contact_id WHERE c.deleted_at IS NULL"));
        !q)
        return q.error();
    else
        while (q->next())
            live[q->value(0).toInt()].append({q->value(1).toLongLong(), q->value(2).toLongLong()});
    if (Status s = exec(m_db, QStringLiteral("bulk merge"), QStringLiteral("DELETE FROM temp.merge_candidates")); !s)
        return s.error();
    QSet<qint64> taken;
    QList<MergeRequest> requests;
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        QList<QPair<qint64, qint64>> members;
        for (const auto& m : std::as_const(live[i]))
            if (!taken.contains(m.second))
                members.append(m);
        if (members.size() < 2) {
            ++result.skipped;
            continue;
        }
        std::sort(members.begin(), members.end());
        MergeRequest request;
        request.survivorId = members.first().second;
        for (qsizetype k = 1; k < members.size(); ++k)
            request.mergedIds.append(members.at(k).second);
        request.policy = policy;
        request.score = chosen.at(i)->score;
        for (const auto& m : std::as_const(members))
            taken.insert(m.second);
        requests.append(request);
        result.contactsRemoved += static_cast<int>(request.mergedIds.size());
    }
    result.merged = static_cast<int>(requests.size());
    auto ids = mergeSet(requests, result.batchId, [&](int percent) {
        return !progress || progress(std::min(total, total * percent / 100), total);
    });
    if (!ids)
        return ids.error();
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
                      QStringLiteral("SELECT id, json_type(snapshot, '$.rows') IS NOT NULL FROM merge_log "
                                     "WHERE batch_id = ? ORDER BY id DESC"),
                      {batchId});
    if (!q)
        return q.error();
    QList<qint64> current, legacy;
    while (q->next())
        (q->value(1).toBool() ? current : legacy).append(q->value(0).toLongLong());
    q->finish();
    if (current.isEmpty() && legacy.isEmpty())
        return Error{Error::Code::NotFound, tr("there is no bulk merge #%1 (it may have been undone already)").arg(batchId), {}};
    if (!current.isEmpty())
        if (Status s = undoSet(current); !s)
            return s;
    for (qint64 id : std::as_const(legacy))
        if (Status s = undoLegacy(id); !s)
            return s;
    return tx.commit();
}

// Merges logged before the set-based format: the snapshot holds each contact as ContactJson.
Status ContactMerger::undoLegacy(qint64 mergeId)
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

Result<QList<MergeEntry>> ContactMerger::history(int limit)
{
    // Names as they were before each merge, from the typed rows or from either JSON format.
    QHash<qint64, QHash<qint64, QString>> names; // merge -> contact -> display name
    auto typed = typedTables(m_db);
    if (!typed)
        return typed.error();
    if (isTyped(*typed, QStringLiteral("contacts"), {QStringLiteral("id"), QStringLiteral("display_name")})) {
        auto saved = Sql::run(m_db, QStringLiteral("merge history"),
                              QStringLiteral("SELECT s.merge_id, s.id, s.display_name FROM (SELECT id FROM merge_log "
                                             "ORDER BY id DESC LIMIT ?) l CROSS JOIN merge_saved_contacts s "
                                             "ON s.merge_id = l.id"),
                              {limit});
        if (!saved)
            return saved.error();
        while (saved->next())
            names[saved->value(0).toLongLong()].insert(saved->value(1).toLongLong(), saved->value(2).toString());
    }
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
        QHash<qint64, QString>& named = names[e.id];
        const QJsonObject log = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        for (const QJsonValue& v : log.value(QStringLiteral("contacts")).toArray())
            named.insert(v[QStringLiteral("id")].toInteger(), v[QStringLiteral("display_name")].toString());
        for (const QJsonValue& v : log.value(QStringLiteral("rows")).toArray())
            if (v[QStringLiteral("t")].toString() == QLatin1String("contacts"))
                named.insert(v[QStringLiteral("c")].toInteger(), v[QStringLiteral("r")][QStringLiteral("display_name")].toString());
        e.survivorName = named.value(e.survivorId);
        for (qint64 id : std::as_const(e.mergedIds))
            e.mergedNames.append(named.value(id));
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
