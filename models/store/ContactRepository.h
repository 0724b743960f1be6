#pragma once
// Reads and writes contacts, their emails, phones, tags and notes on one connection, applying
// the rules of the seeds: at least one email or phone, valid emails unique across live contacts
// case-insensitively, phones unique by E.164. Every write is one transaction (a savepoint when
// the caller already holds one). Used by ContactStore on the UI thread and by background jobs
// and the CLI on their own connections.

#include "domain/Contact.h"
#include "domain/PhoneNormalizer.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <map>
#include <memory>

namespace ContactDesk {

// One row of the contact list, read from the summary columns.
struct ContactSummary
{
    qint64 id = 0;
    QString displayName;
    QString primaryEmail;
    QString primaryPhone;
    QString company;
    QString tags;
    QString source;
    qint64 updatedAt = 0;
    qint64 deletedAt = 0;
};

struct TagInfo
{
    qint64 id = 0;
    QString name;
    QString color;
    int contactCount = 0;
};

struct StoreStats
{
    qint64 contacts = 0;
    qint64 trashed = 0;
    qint64 tags = 0;
    qint64 notes = 0;
    qint64 emails = 0;
    qint64 phones = 0;
};

class ContactRepository
{
public:
    ContactRepository(const QSqlDatabase& db, const PhoneNormalizer& phones);
    ContactRepository(const ContactRepository&) = delete;
    ContactRepository& operator=(const ContactRepository&) = delete;

    const PhoneNormalizer& phoneNormalizer() const { return m_phones; }

    // Creates a live contact; returns its id. Ids of emails and phones are not reported back.
    Result<qint64> create(const Contact& contact);
    Result<Contact> load(qint64 id);
    bool exists(qint64 id);

    Status updateField(qint64 id, ContactField field, const QString& value);
    Status setEmails(qint64 id, const QList<EmailAddress>& emails);
    Status setPhones(qint64 id, const QList<PhoneNumber>& phones);

    // Checks a value against the rules without writing; for inline messages while typing.
    Status checkEmails(qint64 id, const QList<EmailAddress>& emails);
    Status checkPhones(qint64 id, const QList<PhoneNumber>& phones);

    Status addTags(const QList<qint64>& ids, const QStringList& tags);
    Status removeTags(const QList<qint64>& ids, const QStringList& tags);
    Result<QList<TagInfo>> allTags();
    // A tag's id by name (case-insensitive); `create` makes it when missing, else NotFound.
    Result<qint64> tagId(const QString& name, bool create);

    // Custom fields (the seeds' attribute definitions): a text field is created on first use.
    Result<qint64> customField(const QString& key, const QString& label, bool create);
    Status setCustomValue(qint64 id, const QString& key, const QString& value); // empty value removes it
    Result<QMap<QString, QString>> customFieldLabels(); // key -> label

    Status moveToTrash(const QList<qint64>& ids);
    // Fails, naming the value and its owner, when an email or phone was taken meanwhile.
    Status restore(const QList<qint64>& ids);
    Status purge(const QList<qint64>& ids);
    Result<int> emptyTrash();

    Result<qint64> addNote(qint64 contactId, const QString& author, const QString& body);
    Status updateNote(qint64 noteId, const QString& body);
    Status removeNote(qint64 noteId);
    Result<QList<Note>> notes(qint64 contactId);

    // Puts a contact back exactly as `snapshot` (fields, emails, phones, tags, timestamps): the
    // undo of an import's update. Checks nothing: the snapshot was valid when it was taken.
    Status restoreSnapshot(const Contact& snapshot, qint64 importRunId);
    Status setImportRun(qint64 id, qint64 importRunId);
    // Creates a contact again under its old id and uuid, exactly as `snapshot` (the undo of a
    // merge). Fails when the id is taken.
    Status reinsert(const Contact& snapshot, qint64 importRunId);
    Result<qint64> importRunOf(qint64 id);
    // Rewrites the contact's full-text search row (done by every write here; public for migrations).
    Status refreshSearch(qint64 id);
    // Rewrites the list's summary columns (name, sort key, primary email and phone) and
    // the search row; for bulk edits of a column the summary derives from (company).
    Status refreshSummary(qint64 id);
    // The summary columns (display name, sort key, primary email and phone) and the
    // full-text rows of many contacts at once, set-based (a bulk merge and its undo); the same
    // values refreshSummary + refreshSearch would write for each. Ids that do not exist are skipped.
    Status refreshDerived(const QList<qint64>& ids);
    // The live contact with this external id, normalised email or E.164 phone, or 0.
    Result<qint64> findByExternalId(const QString& externalId);
    Result<qint64> findByEmail(const QString& emailNorm);
    Result<qint64> findByPhone(const QString& e164);

    Result<QList<ContactSummary>> list(int limit, bool trash = false);
    Result<StoreStats> stats();

private:
    struct NormalizedEmail
    {
        EmailAddress email;
        QString norm;
    };
    struct NormalizedPhone
    {
        PhoneNumber phone;
        QString e164;
    };

    QSqlQuery& cached(const char* name, const char* sql);
    Result<QList<NormalizedEmail>> normalizeEmails(const QList<EmailAddress>& emails);
    Result<QList<NormalizedPhone>> normalizePhones(const QList<PhoneNumber>& phones);
    Status checkEmailOwners(qint64 id, const QList<NormalizedEmail>& emails);
    Status checkPhoneOwners(qint64 id, const QList<NormalizedPhone>& phones);
    Status insertEmails(qint64 id, const QList<NormalizedEmail>& emails);
    Status insertPhones(qint64 id, const QList<NormalizedPhone>& phones);
    Status linkTags(qint64 id, const QStringList& tags);

    Status touch(qint64 id);
    Result<int> countOf(const char* table, qint64 id);

    QSqlDatabase m_db;
    PhoneNormalizer m_phones;
    std::map<QByteArray, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace ContactDesk
