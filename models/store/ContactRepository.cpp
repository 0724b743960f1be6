#include "ContactRepository.h"

#include "ContactListQuery.h"
#include "Sql.h"
#include "TagCatalog.h"
#include "domain/EmailAddressRules.h"
#include "domain/NameFolding.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QUuid>

#include <algorithm>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ContactRepository", text);
}

Error invalid(const QString& where, const QString& message)
{
    return Error{Error::Code::Invalid, message, where};
}

QString normalizedTag(const QString& name)
{
    return name.simplified().toCaseFolded();
}

QString ownerName(const QString& displayName, qint64 id)
{
    return QStringLiteral("%1 (#%2)").arg(displayName.isEmpty() ? tr("a contact without a name") : displayName).arg(id);
}

template <typename T>
void ensureOnePrimary(QList<T>& items)
{
    bool seen = false;
    for (auto& item : items) {
        if (item.primary && !seen)
            seen = true;
        else
            item.primary = false;
    }
    if (!seen && !items.isEmpty())
        items.first().primary = true;
}

} // namespace

ContactRepository::ContactRepository(const QSqlDatabase& db, const PhoneNormalizer& phones)
    : m_db(db)
    , m_phones(phones)
{
}

QSqlQuery& ContactRepository::cached(const char* name, const char* sql)
{
    // Prepared once per repository: bulk paths (demo data, import) reuse the statement.
    auto& slot = m_statements[QByteArray(name)];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(m_db);
        slot->setForwardOnly(true);
        slot->prepare(QString::fromUtf8(sql));
    }
    return *slot;
}

Result<QList<ContactRepository::NormalizedEmail>> ContactRepository::normalizeEmails(const QList<EmailAddress>& emails)
{
    QList<NormalizedEmail> out;
    QSet<QString> seen;
    QList<EmailAddress> list;
    for (const auto& e : emails)
        if (!e.address.trimmed().isEmpty())
            list.append(e);
    ensureOnePrimary(list);
    for (const auto& e : list) {
        auto valid = EmailAddressRules::validate(e.address);
        if (!valid)
            return valid.error();
        NormalizedEmail n{e, EmailAddressRules::normalized(*valid)};
        n.email.id = 0; // new rows: only an exact restore keeps row ids
        n.email.address = *valid;
        if (n.email.label.isEmpty())
            n.email.label = QStringLiteral("work");
        if (seen.contains(n.norm))
            return invalid(tr("Email"), tr("\"%1\" is listed twice").arg(n.email.address));
        seen.insert(n.norm);
        out.append(n);
    }
    return out;
}

Result<QList<ContactRepository::NormalizedPhone>> ContactRepository::normalizePhones(const QList<PhoneNumber>& phones)
{
    QList<NormalizedPhone> out;
    QSet<QString> seen;
    QList<PhoneNumber> list;
    for (const auto& p : phones)
        if (!p.number.trimmed().isEmpty())
            list.append(p);
    ensureOnePrimary(list);
    for (const auto& p : list) {
        // A phone already stored keeps the E.164 it was saved with: another default region must
        // not reinterpret "020 7946 0958".
        auto e164 = p.e164.isEmpty() ? m_phones.toE164(p.number) : Result<QString>(p.e164);
        if (!e164)
            return e164.error();
        NormalizedPhone n{p, *e164};
        n.phone.id = 0;
        n.phone.number = p.number.trimmed();
        n.phone.e164 = *e164;
        if (n.phone.label.isEmpty())
            n.phone.label = QStringLiteral("mobile");
        if (seen.contains(n.e164))
            return invalid(tr("Phone"), tr("\"%1\" is listed twice (%2)").arg(n.phone.number, n.e164));
        seen.insert(n.e164);
        out.append(n);
    }
    return out;
}

Status ContactRepository::checkEmailOwners(qint64 id, const QList<NormalizedEmail>& emails)
{
    QSqlQuery& q = cached("emailOwner", "SELECT c.id, c.display_name FROM contact_emails e "
                                        "JOIN contacts c ON c.id = e.contact_id "
                                        "WHERE e.email_norm = ? AND e.live = 1 AND e.contact_id <> ? LIMIT 1");
    for (const auto& e : emails) {
        q.addBindValue(e.norm);
        q.addBindValue(id);
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), QStringLiteral("email owner"));
        if (q.next()) {
            const QString owner = ownerName(q.value(1).toString(), q.value(0).toLongLong());
            q.finish();
            return Error{Error::Code::Duplicate,
                         tr("\"%1\" already belongs to %2").arg(e.email.address, owner), tr("Email")};
        }
        q.finish();
    }
    return {};
}

Status ContactRepository::checkPhoneOwners(qint64 id, const QList<NormalizedPhone>& phones)
{
    QSqlQuery& q = cached("phoneOwner", "SELECT c.id, c.display_name FROM contact_phones p "
                                        "JOIN contacts c ON c.id = p.contact_id "
                                        "WHERE p.e164 = ? AND p.live = 1 AND p.contact_id <> ? LIMIT 1");
    for (const auto& p : phones) {
        q.addBindValue(p.e164);
        q.addBindValue(id);
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), QStringLiteral("phone owner"));
        if (q.next()) {
            const QString owner = ownerName(q.value(1).toString(), q.value(0).toLongLong());
            q.finish();
            return Error{Error::Code::Duplicate,
                         tr("\"%1\" (%2) already belongs to %3").arg(p.phone.number, p.e164, owner), tr("Phone")};
        }
        q.finish();
    }
    return {};
}

Status ContactRepository::insertEmails(qint64 id, const QList<NormalizedEmail>& emails)
{
    // A known row id is kept (an exact restore); 0 lets SQLite choose.
    QSqlQuery& q = cached("insertEmail", "INSERT INTO contact_emails (id, contact_id, address, email_norm, label, "
                                         "is_primary, position, live) VALUES ((SELECT CASE WHEN EXISTS "
                                         "(SELECT 1 FROM contact_emails WHERE id = ?) THEN NULL ELSE ? END), "
                                         "?, ?, ?, ?, ?, ?, (SELECT CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END "
                                         "FROM contacts WHERE id = ?))");
    int position = 0;
    for (const auto& e : emails) {
        const QVariant rowId = e.email.id > 0 ? QVariant(e.email.id) : QVariant(QMetaType(QMetaType::LongLong));
        q.addBindValue(rowId);
        q.addBindValue(rowId);
        q.addBindValue(id);
        q.addBindValue(e.email.address);
        q.addBindValue(e.norm);
        q.addBindValue(e.email.label);
        q.addBindValue(e.email.primary ? 1 : 0);
        q.addBindValue(position++);
        q.addBindValue(id); // rows of a contact in the Trash are not live
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), QStringLiteral("insert email"));
    }
    return {};
}

Status ContactRepository::insertPhones(qint64 id, const QList<NormalizedPhone>& phones)
{
    QSqlQuery& q = cached("insertPhone", "INSERT INTO contact_phones (id, contact_id, number, e164, label, "
                                         "is_primary, position, live) VALUES ((SELECT CASE WHEN EXISTS "
                                         "(SELECT 1 FROM contact_phones WHERE id = ?) THEN NULL ELSE ? END), "
                                         "?, ?, ?, ?, ?, ?, (SELECT CASE WHEN deleted_at IS NULL THEN 1 ELSE 0 END "
                                         "FROM contacts WHERE id = ?))");
    int position = 0;
    for (const auto& p : phones) {
        const QVariant rowId = p.phone.id > 0 ? QVariant(p.phone.id) : QVariant(QMetaType(QMetaType::LongLong));
        q.addBindValue(rowId);
        q.addBindValue(rowId);
        q.addBindValue(id);
        q.addBindValue(p.phone.number);
        q.addBindValue(p.e164);
        q.addBindValue(p.phone.label);
        q.addBindValue(p.phone.primary ? 1 : 0);
        q.addBindValue(position++);
        q.addBindValue(id);
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), QStringLiteral("insert phone"));
    }
    return {};
}

Result<qint64> ContactRepository::tagId(const QString& name, bool create)
{
    const QString norm = normalizedTag(name);
    if (norm.isEmpty())
        return invalid(tr("Tag"), tr("a tag needs a name"));
    QSqlQuery& find = cached("findTag", "SELECT id FROM tags WHERE name_norm = ?");
    find.addBindValue(norm);
    if (!find.exec())
        return Sql::errorFrom(find.lastError(), QStringLiteral("find tag"));
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        return id;
    }
    find.finish();
    if (!create)
        return Error{Error::Code::NotFound, tr("there is no tag \"%1\"").arg(name.simplified()), tr("Tag")};
    QSqlQuery& insert = cached("insertTag", "INSERT INTO tags (name, name_norm, created_at) VALUES (?, ?, ?)");
    insert.addBindValue(name.simplified());
    insert.addBindValue(norm);
    insert.addBindValue(Sql::nowMs());
    if (!insert.exec())
        return Sql::errorFrom(insert.lastError(), QStringLiteral("insert tag"));
    return insert.lastInsertId().toLongLong();
}

Status ContactRepository::linkTags(qint64 id, const QStringList& tags)
{
    QSqlQuery& link = cached("linkTag", "INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?) "
                                        "ON CONFLICT DO NOTHING");
    for (const QString& tag : tags) {
        if (tag.simplified().isEmpty())
            continue;
        auto tid = tagId(tag, true);
        if (!tid)
            return tid.error();
        link.addBindValue(id);
        link.addBindValue(*tid);
        if (!link.exec())
            return Sql::errorFrom(link.lastError(), QStringLiteral("link tag"));
    }
    return {};
}

namespace {

// What the list's summary columns hold for a contact: the one rule for refreshSummary and
// refreshDerived. `email`/`phone` are the primary ones (or empty). Tags are not a summary
// column: they live only in contact_tags.
struct Summary
{
    QString displayName, sortKey, primaryEmail, primaryPhone;
};

Summary summaryOf(const QString& first, const QString& last, const QString& company, const QVariant& email,
                  const QVariant& phone)
{
    Contact c;
    c.firstName = first;
    c.lastName = last;
    c.company = company;
    if (email.isValid() && !email.isNull())
        c.emails.append(EmailAddress{0, email.toString(), {}, true});
    if (phone.isValid() && !phone.isNull())
        c.phones.append(PhoneNumber{0, phone.toString(), {}, {}, true});
    return Summary{Sql::text(c.displayName()), Sql::text(NameFolding::sortKey(first, last, company)),
                   Sql::text(c.primaryEmail()), Sql::text(c.primaryPhone())};
}

// The columns of a contact's full-text row (name, email, phone, company, title, notes) from what
// the search read returns: display_name, first_name, last_name, company, job_title, the emails
// and the notes (in that order, as QVariants), and the phone tokens.
QVariantList searchRowOf(const QSqlQuery& read, int offset, const QStringList& phoneTokens)
{
    const QString name = read.value(offset).toString() + QLatin1Char(' ')
                         + NameFolding::fold(read.value(offset + 1).toString() + QLatin1Char(' ')
                                             + read.value(offset + 2).toString());
    return {name,
            read.value(offset + 5).toString(),
            QVariant(phoneTokens.join(QLatin1Char(' '))),
            read.value(offset + 3).toString(),
            read.value(offset + 4).toString(),
            read.value(offset + 6).toString()};
}

// The search read: the same columns and subqueries for one contact and for a set.
const char* const searchColumns = "display_name, first_name, last_name, company, job_title, "
                                  "(SELECT group_concat(address, ' ') FROM contact_emails WHERE contact_id = contacts.id), "
                                  "(SELECT group_concat(substr(body, 1, 2000), ' ') FROM notes "
                                  "WHERE contact_id = contacts.id)";

} // namespace

Status ContactRepository::refreshSummary(qint64 id)
{
    // The list pane reads these columns only, so they follow every change in the same transaction.
    QSqlQuery& read = cached("summaryRead", "SELECT first_name, last_name, company FROM contacts WHERE id = ?");
    read.addBindValue(id);
    if (!read.exec())
        return Sql::errorFrom(read.lastError(), QStringLiteral("read summary"));
    if (!read.next())
        return Error{Error::Code::NotFound, tr("contact #%1 does not exist").arg(id), {}};
    const QString first = read.value(0).toString(), last = read.value(1).toString(), company = read.value(2).toString();
    read.finish();

    QSqlQuery& email = cached("summaryEmail", "SELECT address FROM contact_emails WHERE contact_id = ? "
                                              "ORDER BY is_primary DESC, position LIMIT 1");
    email.addBindValue(id);
    if (!email.exec())
        return Sql::errorFrom(email.lastError(), QStringLiteral("read summary"));
    const QVariant primaryEmail = email.next() ? email.value(0) : QVariant();
    email.finish();
    QSqlQuery& phone = cached("summaryPhone", "SELECT number FROM contact_phones WHERE contact_id = ? "
                                              "ORDER BY is_primary DESC, position LIMIT 1");
    phone.addBindValue(id);
    if (!phone.exec())
        return Sql::errorFrom(phone.lastError(), QStringLiteral("read summary"));
    const QVariant primaryPhone = phone.next() ? phone.value(0) : QVariant();
    phone.finish();
    const Summary s = summaryOf(first, last, company, primaryEmail, primaryPhone);
    QSqlQuery& write = cached("summaryWrite", "UPDATE contacts SET display_name = ?, sort_key = ?, primary_email = ?, "
                                              "primary_phone = ? WHERE id = ?");
    write.addBindValue(s.displayName);
    write.addBindValue(s.sortKey);
    write.addBindValue(s.primaryEmail);
    write.addBindValue(s.primaryPhone);
    write.addBindValue(id);
    if (!write.exec())
        return Sql::errorFrom(write.lastError(), QStringLiteral("write summary"));
    return refreshSearch(id);
}

Status ContactRepository::refreshSearch(qint64 id)
{
    static const QByteArray sql = QByteArray("SELECT ") + searchColumns + " FROM contacts WHERE id = ?";
    QSqlQuery& read = cached("searchRead", sql.constData());
    read.addBindValue(id);
    if (!read.exec())
        return Sql::errorFrom(read.lastError(), QStringLiteral("read search"));
    if (!read.next())
        return {};
    QSqlQuery& phones = cached("searchPhones", "SELECT e164, number FROM contact_phones WHERE contact_id = ?");
    phones.addBindValue(id);
    if (!phones.exec())
        return Sql::errorFrom(phones.lastError(), QStringLiteral("read search"));
    QStringList phoneTokens;
    while (phones.next())
        phoneTokens += PhoneNormalizer::searchTokens(phones.value(0).toString(), phones.value(1).toString());
    phones.finish();
    const QVariantList values = searchRowOf(read, 0, phoneTokens);
    read.finish();
    QSqlQuery& remove = cached("searchDelete", "DELETE FROM contact_search WHERE rowid = ?");
    remove.addBindValue(id);
    if (!remove.exec())
        return Sql::errorFrom(remove.lastError(), QStringLiteral("write search"));
    QSqlQuery& insert = cached("searchInsert", "INSERT INTO contact_search (rowid, name, email, phone, company, title, "
                                               "notes) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.addBindValue(id);
    for (const QVariant& v : values)
        insert.addBindValue(v);
    if (!insert.exec())
        return Sql::errorFrom(insert.lastError(), QStringLiteral("write search"));
    return {};
}

Status ContactRepository::refreshDerived(const QList<qint64>& ids)
{
    // Set-based: the ids go into a temporary table; each summary column is rewritten with one
    // statement only where its value changes (an unchanged column costs no index write), and the
    // full-text rows are replaced with one DELETE and one INSERT. The values come from the same
    // rules (summaryOf, searchRowOf) and subqueries as refreshSummary/refreshSearch, so the
    // result is identical to calling those for each id.
    auto exec = [this](const QString& sql) -> Status {
        auto q = Sql::run(m_db, QStringLiteral("refresh contacts"), sql);
        return q ? Status() : Status(q.error());
    };
    for (const char* sql : {"CREATE TEMP TABLE IF NOT EXISTS refresh_ids (id INTEGER PRIMARY KEY)",
                            "CREATE TEMP TABLE IF NOT EXISTS refresh_summary (id INTEGER PRIMARY KEY, display_name TEXT, "
                            "sort_key TEXT, primary_email TEXT, primary_phone TEXT)",
                            "CREATE TEMP TABLE IF NOT EXISTS refresh_search (id INTEGER PRIMARY KEY, name, email, phone, "
                            "company, title, notes)",
                            "DELETE FROM temp.refresh_ids", "DELETE FROM temp.refresh_summary",
                            "DELETE FROM temp.refresh_search"})
        if (Status s = exec(QString::fromLatin1(sql)); !s)
            return s;
    {
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT OR IGNORE INTO temp.refresh_ids (id) VALUES (?)"));
        for (qint64 id : ids) {
            insert.addBindValue(id);
            if (!insert.exec())
                return Sql::errorFrom(insert.lastError(), QStringLiteral("refresh contacts"));
        }
    }

    // Summaries.
    {
        auto read = Sql::run(
            m_db, QStringLiteral("refresh summaries"),
            QStringLiteral("SELECT id, first_name, last_name, company, "
                           "(SELECT address FROM contact_emails WHERE contact_id = contacts.id "
                           "ORDER BY is_primary DESC, position LIMIT 1), "
                           "(SELECT number FROM contact_phones WHERE contact_id = contacts.id "
                           "ORDER BY is_primary DESC, position LIMIT 1) "
                           "FROM contacts WHERE id IN (SELECT id FROM temp.refresh_ids)"));
        if (!read)
            return read.error();
        QSqlQuery write(m_db);
        write.prepare(QStringLiteral("INSERT INTO temp.refresh_summary VALUES (?, ?, ?, ?, ?)"));
        while (read->next()) {
            const Summary s = summaryOf(read->value(1).toString(), read->value(2).toString(), read->value(3).toString(),
                                        read->value(4), read->value(5));
            write.addBindValue(read->value(0));
            write.addBindValue(s.displayName);
            write.addBindValue(s.sortKey);
            write.addBindValue(s.primaryEmail);
            write.addBindValue(s.primaryPhone);
            if (!write.exec())
                return Sql::errorFrom(write.lastError(), QStringLiteral("refresh summaries"));
        }
    }
    for (const char* column : {"display_name", "sort_key", "primary_email", "primary_phone"})
        if (Status s = exec(QStringLiteral("UPDATE contacts SET %1 = (SELECT r.%1 FROM temp.refresh_summary r "
                                           "WHERE r.id = contacts.id) WHERE id IN (SELECT r.id FROM temp.refresh_summary r "
                                           "CROSS JOIN contacts c ON c.id = r.id WHERE c.%1 IS NOT r.%1)")
                                .arg(QLatin1String(column)));
            !s)
            return s;

    // Full-text rows.
    {
        auto phones = Sql::run(m_db, QStringLiteral("refresh search"),
                               QStringLiteral("SELECT p.contact_id, p.e164, p.number FROM temp.refresh_ids r "
                                              "CROSS JOIN contact_phones p ON p.contact_id = r.id ORDER BY p.contact_id, p.id"));
        if (!phones)
            return phones.error();
        QHash<qint64, QStringList> tokens;
        while (phones->next()) {
            tokens[phones->value(0).toLongLong()] += PhoneNormalizer::searchTokens(phones->value(1).toString(),
                                                                                  phones->value(2).toString());
        }
        auto read = Sql::run(m_db, QStringLiteral("refresh search"),
                             QStringLiteral("SELECT id, %1 FROM contacts WHERE id IN (SELECT id FROM temp.refresh_ids)")
                                 .arg(QLatin1String(searchColumns)));
        if (!read)
            return read.error();
        QSqlQuery write(m_db);
        write.prepare(QStringLiteral("INSERT INTO temp.refresh_search VALUES (?, ?, ?, ?, ?, ?, ?)"));
        while (read->next()) {
            const qint64 id = read->value(0).toLongLong();
            write.addBindValue(id);
            for (const QVariant& v : searchRowOf(*read, 1, tokens.value(id)))
                write.addBindValue(v);
            if (!write.exec())
                return Sql::errorFrom(write.lastError(), QStringLiteral("refresh search"));
        }
    }
    if (Status s = exec(QStringLiteral("DELETE FROM contact_search WHERE rowid IN (SELECT id FROM temp.refresh_ids)")); !s)
        return s;
    return exec(QStringLiteral("INSERT INTO contact_search (rowid, name, email, phone, company, title, notes) "
                               "SELECT id, name, email, phone, company, title, notes FROM temp.refresh_search "
                               "ORDER BY id"));
}

Status ContactRepository::touch(qint64 id)
{
    QSqlQuery& q = cached("touch", "UPDATE contacts SET updated_at = ? WHERE id = ?");
    q.addBindValue(Sql::nowMs());
    q.addBindValue(id);
    if (!q.exec())
        return Sql::errorFrom(q.lastError(), QStringLiteral("touch contact"));
    return {};
}

Result<qint64> ContactRepository::create(const Contact& contact)
{
    auto emails = normalizeEmails(contact.emails);
    if (!emails)
        return emails.error();
    auto phones = normalizePhones(contact.phones);
    if (!phones)
        return phones.error();
    if (emails->isEmpty() && phones->isEmpty())
        return invalid(tr("Email or phone"), tr("a contact needs at least one email address or phone number"));
    for (ContactField f : {ContactField::ContactStatus, ContactField::Type, ContactField::Birthday}) {
        if (f == ContactField::Birthday && !contact.birthday.isValid())
            continue;
        if (!contact.field(f).isEmpty() && f != ContactField::Birthday) {
            const QStringList allowed = f == ContactField::ContactStatus ? Fields::statuses() : Fields::types();
            if (!allowed.contains(contact.field(f)))
                return invalid(Fields::label(f), tr("\"%1\" is not one of: %2")
                                                     .arg(contact.field(f), allowed.join(QStringLiteral(", "))));
        }
    }
    if (Status s = checkEmailOwners(0, *emails); !s)
        return s.error();
    if (Status s = checkPhoneOwners(0, *phones); !s)
        return s.error();

    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    const qint64 now = Sql::nowMs();
    QSqlQuery& q = cached("insertContact",
                          "INSERT INTO contacts (uuid, first_name, last_name, company, job_title, street, city, region, "
                          "postal_code, country, birthday, source, owner, status, type, external_id, time_zone, "
                          "import_run_id, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)");
    q.addBindValue(contact.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : contact.uuid);
    for (ContactField f : Fields::all())
        q.addBindValue(Sql::text(contact.field(f).trimmed()));
    q.addBindValue(contact.createdAt.isValid() ? contact.createdAt.toMSecsSinceEpoch() : now);
    q.addBindValue(contact.updatedAt.isValid() ? contact.updatedAt.toMSecsSinceEpoch() : now);
    if (!q.exec())
        return Sql::errorFrom(q.lastError(), QStringLiteral("insert contact"));
    const qint64 id = q.lastInsertId().toLongLong();
    if (Status s = insertEmails(id, *emails); !s)
        return s.error();
    if (Status s = insertPhones(id, *phones); !s)
        return s.error();
    if (Status s = linkTags(id, contact.tags); !s)
        return s.error();
    for (auto it = contact.customFields.cbegin(); it != contact.customFields.cend(); ++it)
        if (Status s = setCustomValue(id, it.key(), it.value()); !s)
            return s.error();
    if (Status s = refreshSummary(id); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

bool ContactRepository::exists(qint64 id)
{
    auto v = Sql::scalar(m_db, QStringLiteral("contact exists"), QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"),
                         {id});
    return v && v->isValid();
}

Result<Contact> ContactRepository::load(qint64 id)
{
    // Cached statements: a bulk merge loads every contact it folds in.
    static const QByteArray contactSql = [] {
        QStringList columns;
        for (ContactField f : Fields::all())
            columns.append(Fields::columnName(f));
        return QStringLiteral("SELECT uuid, created_at, updated_at, deleted_at, %1 FROM contacts WHERE id = ?")
            .arg(columns.join(QStringLiteral(", ")))
            .toUtf8();
    }();
    auto run = [id](QSqlQuery& q, const char* name) -> Status {
        q.addBindValue(id);
        if (!q.exec())
            return Sql::errorFrom(q.lastError(), QString::fromLatin1(name));
        return {};
    };
    QSqlQuery& row = cached("loadContact", contactSql.constData());
    if (Status s = run(row, "load contact"); !s)
        return s.error();
    if (!row.next()) {
        row.finish(); // a cached statement left active would hold the read snapshot
        return Error{Error::Code::NotFound, tr("contact #%1 does not exist").arg(id), {}};
    }
    Contact c;
    c.id = id;
    c.uuid = row.value(0).toString();
    c.createdAt = QDateTime::fromMSecsSinceEpoch(row.value(1).toLongLong(), Qt::UTC);
    c.updatedAt = QDateTime::fromMSecsSinceEpoch(row.value(2).toLongLong(), Qt::UTC);
    if (!row.value(3).isNull())
        c.deletedAt = QDateTime::fromMSecsSinceEpoch(row.value(3).toLongLong(), Qt::UTC);
    int col = 4;
    for (ContactField f : Fields::all())
        c.setField(f, row.value(col++).toString());
    row.finish();

    QSqlQuery& emails = cached("loadEmails", "SELECT id, address, label, is_primary FROM contact_emails "
                                             "WHERE contact_id = ? ORDER BY position, id");
    if (Status s = run(emails, "load emails"); !s)
        return s.error();
    while (emails.next())
        c.emails.append(EmailAddress{emails.value(0).toLongLong(), emails.value(1).toString(), emails.value(2).toString(),
                                     emails.value(3).toBool()});
    emails.finish();
    QSqlQuery& phones = cached("loadPhones", "SELECT id, number, e164, label, is_primary FROM contact_phones "
                                             "WHERE contact_id = ? ORDER BY position, id");
    if (Status s = run(phones, "load phones"); !s)
        return s.error();
    while (phones.next())
        c.phones.append(PhoneNumber{phones.value(0).toLongLong(), phones.value(1).toString(), phones.value(2).toString(),
                                    phones.value(3).toString(), phones.value(4).toBool()});
    phones.finish();
    QSqlQuery& tags = cached("loadTags", "SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                         "WHERE ct.contact_id = ? ORDER BY t.name_norm");
    if (Status s = run(tags, "load tags"); !s)
        return s.error();
    while (tags.next())
        c.tags.append(tags.value(0).toString());
    tags.finish();
    QSqlQuery& custom = cached("loadFields", "SELECT d.key, f.value FROM contact_fields f JOIN field_definitions d "
                                             "ON d.id = f.field_id WHERE f.contact_id = ?");
    if (Status s = run(custom, "load fields"); !s)
        return s.error();
    while (custom.next())
        c.customFields.insert(custom.value(0).toString(), custom.value(1).toString());
    custom.finish();
    return c;
}

Status ContactRepository::updateField(qint64 id, ContactField field, const QString& rawValue)
{
    const QString value = rawValue.trimmed();
    const QString where = Fields::label(field);
    switch (field) {
    case ContactField::Birthday:
        if (!value.isEmpty()) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            if (!date.isValid())
                return invalid(where, tr("\"%1\" is not a date (use YYYY-MM-DD)").arg(value));
            if (date > QDate::currentDate())
                return invalid(where, tr("%1 is in the future").arg(value));
        }
        break;
    case ContactField::ContactStatus:
    case ContactField::Type:
    case ContactField::Source: {
        const QStringList allowed = field == ContactField::ContactStatus ? Fields::statuses()
                                    : field == ContactField::Type ? Fields::types()
                                                                  : Fields::sources();
        if (!allowed.contains(value))
            return invalid(where, tr("\"%1\" is not one of: %2").arg(value, allowed.join(QStringLiteral(", "))));
        break;
    }
    default:
        break;
    }
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = Sql::run(m_db, QStringLiteral("update field"),
                      QStringLiteral("UPDATE contacts SET %1 = ?, updated_at = ? WHERE id = ?").arg(Fields::columnName(field)),
                      {Sql::text(value), Sql::nowMs(), id});
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() == 0)
        return Error{Error::Code::NotFound, tr("contact #%1 does not exist").arg(id), {}};
    if (field == ContactField::FirstName || field == ContactField::LastName || field == ContactField::Company) {
        if (Status s = refreshSummary(id); !s)
            return s;
    } else if (field == ContactField::JobTitle) {
        if (Status s = refreshSearch(id); !s)
            return s;
    }
    return tx.commit();
}

Result<int> ContactRepository::countOf(const char* table, qint64 id)
{
    auto v = Sql::scalar(m_db, QStringLiteral("count"),
                         QStringLiteral("SELECT COUNT(*) FROM %1 WHERE contact_id = ?").arg(QLatin1String(table)), {id});
    if (!v)
        return v.error();
    return v->toInt();
}

Status ContactRepository::checkEmails(qint64 id, const QList<EmailAddress>& emails)
{
    auto normalized = normalizeEmails(emails);
    if (!normalized)
        return normalized.error();
    if (normalized->isEmpty()) {
        auto phones = countOf("contact_phones", id);
        if (!phones)
            return phones.error();
        if (*phones == 0)
            return invalid(tr("Email"), tr("a contact needs at least one email address or phone number"));
    }
    return checkEmailOwners(id, *normalized);
}

Status ContactRepository::checkPhones(qint64 id, const QList<PhoneNumber>& phones)
{
    auto normalized = normalizePhones(phones);
    if (!normalized)
        return normalized.error();
    if (normalized->isEmpty()) {
        auto emails = countOf("contact_emails", id);
        if (!emails)
            return emails.error();
        if (*emails == 0)
            return invalid(tr("Phone"), tr("a contact needs at least one email address or phone number"));
    }
    return checkPhoneOwners(id, *normalized);
}

Status ContactRepository::setEmails(qint64 id, const QList<EmailAddress>& emails)
{
    if (Status s = checkEmails(id, emails); !s)
        return s;
    auto normalized = normalizeEmails(emails);
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto q = Sql::run(m_db, QStringLiteral("delete emails"),
                          QStringLiteral("DELETE FROM contact_emails WHERE contact_id = ?"), {id});
        !q)
        return q.error();
    if (Status s = insertEmails(id, *normalized); !s)
        return s;
    if (Status s = refreshSummary(id); !s)
        return s;
    if (Status s = touch(id); !s)
        return s;
    return tx.commit();
}

Status ContactRepository::setPhones(qint64 id, const QList<PhoneNumber>& phones)
{
    if (Status s = checkPhones(id, phones); !s)
        return s;
    auto normalized = normalizePhones(phones);
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto q = Sql::run(m_db, QStringLiteral("delete phones"),
                          QStringLiteral("DELETE FROM contact_phones WHERE contact_id = ?"), {id});
        !q)
        return q.error();
    if (Status s = insertPhones(id, *normalized); !s)
        return s;
    if (Status s = refreshSummary(id); !s)
        return s;
    if (Status s = touch(id); !s)
        return s;
    return tx.commit();
}

Status ContactRepository::addTags(const QList<qint64>& ids, const QStringList& tags)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    for (qint64 id : ids) {
        if (Status s = linkTags(id, tags); !s)
            return s;
        if (Status s = touch(id); !s)
            return s;
    }
    return tx.commit();
}

Status ContactRepository::removeTags(const QList<qint64>& ids, const QStringList& tags)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    for (const QString& tag : tags) {
        auto tid = tagId(tag, false);
        if (!tid) {
            if (tid.error().code == Error::Code::NotFound)
                continue;
            return tid.error();
        }
        QSqlQuery& q = cached("unlinkTag", "DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = ?");
        for (qint64 id : ids) {
            q.addBindValue(id);
            q.addBindValue(*tid);
            if (!q.exec())
                return Sql::errorFrom(q.lastError(), QStringLiteral("unlink tag"));
        }
    }
    for (qint64 id : ids) {
        if (Status s = touch(id); !s)
            return s;
    }
    return tx.commit();
}

Result<QList<TagInfo>> ContactRepository::allTags()
{
    return TagCatalog::list(m_db);
}

Result<qint64> ContactRepository::customField(const QString& key, const QString& label, bool create)
{
    const QString k = key.trimmed();
    if (k.isEmpty())
        return invalid(tr("Custom field"), tr("a custom field needs a key"));
    auto found = Sql::scalar(m_db, QStringLiteral("find field"),
                             QStringLiteral("SELECT id FROM field_definitions WHERE key = ?"), {k});
    if (!found)
        return found.error();
    if (found->isValid())
        return found->toLongLong();
    if (!create)
        return Error{Error::Code::NotFound, tr("there is no custom field \"%1\"").arg(k), tr("Custom field")};
    auto q = Sql::run(m_db, QStringLiteral("create field"),
                      QStringLiteral("INSERT INTO field_definitions (key, label, type, position) VALUES (?, ?, 'text', "
                                     "(SELECT COALESCE(MAX(position), 0) + 1 FROM field_definitions))"),
                      {k, Sql::text(label.trimmed().isEmpty() ? k : label.trimmed())});
    if (!q)
        return q.error();
    return q.value().lastInsertId().toLongLong();
}

Status ContactRepository::setCustomValue(qint64 id, const QString& key, const QString& value)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto field = customField(key, key, !value.trimmed().isEmpty());
    if (!field)
        return field.error().code == Error::Code::NotFound ? tx.commit() : Status(field.error());
    auto q = value.trimmed().isEmpty()
                 ? Sql::run(m_db, QStringLiteral("clear field"),
                            QStringLiteral("DELETE FROM contact_fields WHERE contact_id = ? AND field_id = ?"), {id, *field})
                 : Sql::run(m_db, QStringLiteral("set field"),
                            QStringLiteral("INSERT INTO contact_fields (contact_id, field_id, value) VALUES (?, ?, ?) "
                                           "ON CONFLICT (contact_id, field_id) DO UPDATE SET value = excluded.value"),
                            {id, *field, value.trimmed()});
    if (!q)
        return q.error();
    if (Status s = touch(id); !s)
        return s;
    return tx.commit();
}

Result<QMap<QString, QString>> ContactRepository::customFieldLabels()
{
    auto q = Sql::run(m_db, QStringLiteral("field labels"),
                      QStringLiteral("SELECT key, label FROM field_definitions ORDER BY position, id"));
    if (!q)
        return q.error();
    QMap<QString, QString> labels;
    while (q.value().next())
        labels.insert(q.value().value(0).toString(), q.value().value(1).toString());
    return labels;
}

Status ContactRepository::moveToTrash(const QList<qint64>& ids)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    const qint64 now = Sql::nowMs();
    for (qint64 id : ids) {
        auto q = Sql::run(m_db, QStringLiteral("trash contact"),
                          QStringLiteral("UPDATE contacts SET deleted_at = ?, updated_at = ? "
                                         "WHERE id = ? AND deleted_at IS NULL"),
                          {now, now, id});
        if (!q)
            return q.error();
        for (const char* table : {"contact_emails", "contact_phones"})
            if (auto u = Sql::run(m_db, QStringLiteral("trash contact"),
                                  QStringLiteral("UPDATE %1 SET live = 0 WHERE contact_id = ?").arg(QLatin1String(table)),
                                  {id});
                !u)
                return u.error();
    }
    return tx.commit();
}

Status ContactRepository::restore(const QList<qint64>& ids)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    for (qint64 id : ids) {
        auto c = load(id);
        if (!c)
            return c.error();
        if (!c->deletedAt.isValid())
            continue;
        // Someone may have taken this contact's email or phone while it sat in the Trash.
        QList<NormalizedEmail> emails;
        for (const auto& e : c->emails)
            emails.append(NormalizedEmail{e, EmailAddressRules::normalized(e.address)});
        QList<NormalizedPhone> phones;
        for (const auto& p : c->phones)
            phones.append(NormalizedPhone{p, p.e164});
        const QString who = c->displayName();
        if (Status s = checkEmailOwners(id, emails); !s)
            return Error{s.error().code, tr("cannot restore %1: %2").arg(who, s.error().message), s.error().where};
        if (Status s = checkPhoneOwners(id, phones); !s)
            return Error{s.error().code, tr("cannot restore %1: %2").arg(who, s.error().message), s.error().where};
        if (auto q = Sql::run(m_db, QStringLiteral("restore contact"),
                              QStringLiteral("UPDATE contacts SET deleted_at = NULL WHERE id = ?"), {id});
            !q)
            return q.error();
        for (const char* table : {"contact_emails", "contact_phones"})
            if (auto u = Sql::run(m_db, QStringLiteral("restore contact"),
                                  QStringLiteral("UPDATE %1 SET live = 1 WHERE contact_id = ?").arg(QLatin1String(table)),
                                  {id});
                !u)
                return u.error();
    }
    return tx.commit();
}

Status ContactRepository::purge(const QList<qint64>& ids)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    for (qint64 id : ids)
        if (auto q = Sql::run(m_db, QStringLiteral("purge contact"),
                              QStringLiteral("DELETE FROM contacts WHERE id = ? AND deleted_at IS NOT NULL"), {id});
            !q)
            return q.error();
    return tx.commit();
}

Result<int> ContactRepository::emptyTrash()
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto q = Sql::run(m_db, QStringLiteral("empty trash"),
                      QStringLiteral("DELETE FROM contacts WHERE deleted_at IS NOT NULL"));
    if (!q)
        return q.error();
    const int removed = q.value().numRowsAffected();
    if (Status s = tx.commit(); !s)
        return s.error();
    return removed;
}

Result<qint64> ContactRepository::addNote(qint64 contactId, const QString& author, const QString& body)
{
    if (body.trimmed().isEmpty())
        return invalid(tr("Note"), tr("a note cannot be empty"));
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    const qint64 now = Sql::nowMs();
    auto q = Sql::run(m_db, QStringLiteral("add note"),
                      QStringLiteral("INSERT INTO notes (contact_id, author, body, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?)"),
                      {contactId, Sql::text(author), body, now, now});
    if (!q)
        return q.error();
    const qint64 id = q.value().lastInsertId().toLongLong();
    if (Status s = touch(contactId); !s)
        return s.error();
    if (Status s = refreshSearch(contactId); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Status ContactRepository::updateNote(qint64 noteId, const QString& body)
{
    if (body.trimmed().isEmpty())
        return invalid(tr("Note"), tr("a note cannot be empty"));
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = Sql::run(m_db, QStringLiteral("update note"),
                      QStringLiteral("UPDATE notes SET body = ?, updated_at = ? WHERE id = ?"),
                      {body, Sql::nowMs(), noteId});
    if (!q)
        return q.error();
    if (q.value().numRowsAffected() == 0)
        return Error{Error::Code::NotFound, tr("note #%1 does not exist").arg(noteId), tr("Note")};
    if (auto owner = Sql::scalar(m_db, QStringLiteral("note owner"),
                                 QStringLiteral("SELECT contact_id FROM notes WHERE id = ?"), {noteId});
        owner && owner->isValid())
        if (Status s = refreshSearch(owner->toLongLong()); !s)
            return s;
    return tx.commit();
}

Status ContactRepository::removeNote(qint64 noteId)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto owner = Sql::scalar(m_db, QStringLiteral("note owner"), QStringLiteral("SELECT contact_id FROM notes WHERE id = ?"),
                             {noteId});
    if (auto q = Sql::run(m_db, QStringLiteral("remove note"), QStringLiteral("DELETE FROM notes WHERE id = ?"), {noteId});
        !q)
        return q.error();
    if (owner && owner->isValid())
        if (Status s = refreshSearch(owner->toLongLong()); !s)
            return s;
    return tx.commit();
}

Result<QList<Note>> ContactRepository::notes(qint64 contactId)
{
    auto q = Sql::run(m_db, QStringLiteral("notes"),
                      QStringLiteral("SELECT id, author, body, created_at, updated_at FROM notes "
                                     "WHERE contact_id = ? ORDER BY created_at DESC, id DESC"),
                      {contactId});
    if (!q)
        return q.error();
    QList<Note> notes;
    while (q.value().next()) {
        Note n;
        n.id = q.value().value(0).toLongLong();
        n.contactId = contactId;
        n.author = q.value().value(1).toString();
        n.body = q.value().value(2).toString();
        n.createdAt = QDateTime::fromMSecsSinceEpoch(q.value().value(3).toLongLong(), Qt::UTC);
        n.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value().value(4).toLongLong(), Qt::UTC);
        notes.append(n);
    }
    return notes;
}

Status ContactRepository::restoreSnapshot(const Contact& snapshot, qint64 importRunId)
{
    const qint64 id = snapshot.id;
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    QStringList sets;
    QVariantList values;
    for (ContactField f : Fields::all()) {
        sets.append(Fields::columnName(f) + QStringLiteral(" = ?"));
        values.append(Sql::text(snapshot.field(f)));
    }
    values << (importRunId > 0 ? QVariant(importRunId) : QVariant(QMetaType(QMetaType::LongLong)))
           << snapshot.updatedAt.toMSecsSinceEpoch() << id;
    if (auto q = Sql::run(m_db, QStringLiteral("restore snapshot"),
                          QStringLiteral("UPDATE contacts SET %1, import_run_id = ?, updated_at = ? WHERE id = ?")
                              .arg(sets.join(QStringLiteral(", "))),
                          values);
        !q)
        return q.error();
    for (const char* table : {"contact_emails", "contact_phones", "contact_tags", "contact_fields"})
        if (auto q = Sql::run(m_db, QStringLiteral("restore snapshot"),
                              QStringLiteral("DELETE FROM %1 WHERE contact_id = ?").arg(QLatin1String(table)), {id});
            !q)
            return q.error();
    QList<NormalizedEmail> emails;
    for (const auto& e : snapshot.emails)
        emails.append(NormalizedEmail{e, EmailAddressRules::normalized(e.address)});
    QList<NormalizedPhone> phones;
    for (const auto& p : snapshot.phones)
        phones.append(NormalizedPhone{p, p.e164});
    if (Status s = insertEmails(id, emails); !s)
        return s;
    if (Status s = insertPhones(id, phones); !s)
        return s;
    if (Status s = linkTags(id, snapshot.tags); !s)
        return s;
    for (auto it = snapshot.customFields.cbegin(); it != snapshot.customFields.cend(); ++it) {
        auto field = customField(it.key(), it.key(), true);
        if (!field)
            return field.error();
        if (auto q = Sql::run(m_db, QStringLiteral("restore snapshot"),
                              QStringLiteral("INSERT INTO contact_fields (contact_id, field_id, value) VALUES (?, ?, ?)"),
                              {id, *field, it.value()});
            !q)
            return q.error();
    }
    if (Status s = refreshSummary(id); !s)
        return s;
    return tx.commit();
}

Status ContactRepository::reinsert(const Contact& snapshot, qint64 importRunId)
{
    Sql::TransactionGuard tx(m_db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (exists(snapshot.id))
        return Error{Error::Code::Invalid, tr("contact #%1 exists again").arg(snapshot.id), {}};
    const qint64 created = snapshot.createdAt.isValid() ? snapshot.createdAt.toMSecsSinceEpoch() : Sql::nowMs();
    if (auto q = Sql::run(m_db, QStringLiteral("reinsert contact"),
                          QStringLiteral("INSERT INTO contacts (id, uuid, created_at, updated_at) VALUES (?, ?, ?, ?)"),
                          {snapshot.id, snapshot.uuid, created, snapshot.updatedAt.toMSecsSinceEpoch()});
        !q)
        return q.error();
    if (Status s = restoreSnapshot(snapshot, importRunId); !s)
        return s;
    return tx.commit();
}

Result<qint64> ContactRepository::importRunOf(qint64 id)
{
    auto v = Sql::scalar(m_db, QStringLiteral("import run of contact"),
                         QStringLiteral("SELECT import_run_id FROM contacts WHERE id = ?"), {id});
    if (!v)
        return v.error();
    return v->isNull() ? 0 : v->toLongLong();
}

Status ContactRepository::setImportRun(qint64 id, qint64 importRunId)
{
    auto q = Sql::run(m_db, QStringLiteral("set import run"),
                      QStringLiteral("UPDATE contacts SET import_run_id = ? WHERE id = ?"), {importRunId, id});
    return q ? Status() : Status(q.error());
}

Result<qint64> ContactRepository::findByExternalId(const QString& externalId)
{
    auto v = Sql::scalar(m_db, QStringLiteral("find by external id"),
                         QStringLiteral("SELECT id FROM contacts WHERE external_id = ? AND external_id <> '' "
                                        "AND deleted_at IS NULL ORDER BY id LIMIT 1"),
                         {externalId});
    if (!v)
        return v.error();
    return v->isValid() ? v->toLongLong() : 0;
}

Result<qint64> ContactRepository::findByEmail(const QString& emailNorm)
{
    auto v = Sql::scalar(m_db, QStringLiteral("find by email"),
                         QStringLiteral("SELECT contact_id FROM contact_emails WHERE email_norm = ? AND live = 1"),
                         {emailNorm});
    if (!v)
        return v.error();
    return v->isValid() ? v->toLongLong() : 0;
}

Result<qint64> ContactRepository::findByPhone(const QString& e164)
{
    auto v = Sql::scalar(m_db, QStringLiteral("find by phone"),
                         QStringLiteral("SELECT contact_id FROM contact_phones WHERE e164 = ? AND live = 1"), {e164});
    if (!v)
        return v.error();
    return v->isValid() ? v->toLongLong() : 0;
}

Result<QList<ContactSummary>> ContactRepository::list(int limit, bool trash)
{
    auto q = Sql::run(m_db, QStringLiteral("list contacts"),
                      QStringLiteral("SELECT id, display_name, primary_email, primary_phone, company, %1, source, "
                                     "updated_at, deleted_at FROM contacts WHERE deleted_at IS %2 "
                                     "ORDER BY sort_key, id LIMIT ?")
                          .arg(ContactListQuery::tagsSql(QStringLiteral("contacts.id")),
                               trash ? QStringLiteral("NOT NULL") : QStringLiteral("NULL")),
                      {limit});
    if (!q)
        return q.error();
    QList<ContactSummary> rows;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        rows.append(ContactSummary{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                                   r.value(3).toString(), r.value(4).toString(), r.value(5).toString(),
                                   r.value(6).toString(), r.value(7).toLongLong(), r.value(8).toLongLong()});
    }
    return rows;
}

Result<StoreStats> ContactRepository::stats()
{
    auto q = Sql::run(m_db, QStringLiteral("stats"),
                      QStringLiteral("SELECT (SELECT live FROM contact_counts), (SELECT trashed FROM contact_counts), "
                                     "(SELECT COUNT(*) FROM tags), (SELECT COUNT(*) FROM notes), "
                                     "(SELECT COUNT(*) FROM contact_emails WHERE live = 1), "
                                     "(SELECT COUNT(*) FROM contact_phones WHERE live = 1)"));
    if (!q || !q.value().next())
        return q ? Error{Error::Code::Sql, tr("no statistics"), QStringLiteral("stats")} : q.error();
    const QSqlQuery& r = q.value();
    return StoreStats{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(),
                      r.value(3).toLongLong(), r.value(4).toLongLong(), r.value(5).toLongLong()};
}

} // namespace ContactDesk
