#include "ContactStore.h"

#include "CampaignStore.h"
#include "Database.h"
#include "Sql.h"
#include "SavedLists.h"
#include "TagCatalog.h"
#include "dedupe/ContactMerger.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

ContactStore::ContactStore(Database& database, const PhoneNormalizer& phones, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_repository(database.connection(), phones)
{
    m_writePool.setMaxThreadCount(1);
    m_author = qEnvironmentVariable("USER", QStringLiteral("me"));
}

ContactStore::~ContactStore() = default;

Result<qint64> ContactStore::createContact(const Contact& contact)
{
    auto id = m_repository.create(contact);
    if (id) {
        Q_EMIT contactsAdded({*id});
        if (!contact.tags.isEmpty())
            Q_EMIT tagsChanged();
    }
    return id;
}

Status ContactStore::updateField(qint64 id, ContactField field, const QString& value)
{
    Status s = m_repository.updateField(id, field, value);
    if (s)
        Q_EMIT contactsChanged({id});
    return s;
}

Status ContactStore::setEmails(qint64 id, const QList<EmailAddress>& emails)
{
    Status s = m_repository.setEmails(id, emails);
    if (s)
        Q_EMIT contactsChanged({id});
    return s;
}

Status ContactStore::setPhones(qint64 id, const QList<PhoneNumber>& phones)
{
    Status s = m_repository.setPhones(id, phones);
    if (s)
        Q_EMIT contactsChanged({id});
    return s;
}

Status ContactStore::addTags(const QList<qint64>& ids, const QStringList& tags)
{
    Status s = m_repository.addTags(ids, tags);
    if (s) {
        Q_EMIT contactsChanged(ids);
        Q_EMIT tagsChanged();
    }
    return s;
}

Status ContactStore::removeTags(const QList<qint64>& ids, const QStringList& tags)
{
    Status s = m_repository.removeTags(ids, tags);
    if (s) {
        Q_EMIT contactsChanged(ids);
        Q_EMIT tagsChanged();
    }
    return s;
}

Status ContactStore::setCustomValue(qint64 id, const QString& key, const QString& value)
{
    Status s = m_repository.setCustomValue(id, key, value);
    if (s)
        Q_EMIT contactsChanged({id});
    return s;
}

Status ContactStore::moveToTrash(const QList<qint64>& ids)
{
    Status s = m_repository.moveToTrash(ids);
    if (s) {
        Q_EMIT contactsTrashed(ids);
        Q_EMIT tagsChanged(); // tag counts count live contacts only
    }
    return s;
}

Status ContactStore::restore(const QList<qint64>& ids)
{
    Status s = m_repository.restore(ids);
    if (s) {
        Q_EMIT contactsRestored(ids);
        Q_EMIT tagsChanged();
    }
    return s;
}

Status ContactStore::purge(const QList<qint64>& ids)
{
    Status s = m_repository.purge(ids);
    if (s)
        Q_EMIT contactsPurged(ids);
    return s;
}

Result<int> ContactStore::emptyTrash()
{
    auto n = m_repository.emptyTrash();
    if (n)
        Q_EMIT externalChange();
    return n;
}

Result<qint64> ContactStore::addNote(qint64 contactId, const QString& body)
{
    auto id = m_repository.addNote(contactId, m_author, body);
    if (id)
        Q_EMIT notesChanged(contactId);
    return id;
}

Status ContactStore::updateNote(qint64 contactId, qint64 noteId, const QString& body)
{
    Status s = m_repository.updateNote(noteId, body);
    if (s)
        Q_EMIT notesChanged(contactId);
    return s;
}

Status ContactStore::removeNote(qint64 contactId, qint64 noteId)
{
    Status s = m_repository.removeNote(noteId);
    if (s)
        Q_EMIT notesChanged(contactId);
    return s;
}

Result<qint64> ContactStore::mergeContacts(const MergeRequest& request)
{
    ContactMerger merger(m_database.connection(), phoneNormalizer());
    auto id = merger.merge(request);
    if (id) {
        Q_EMIT contactsMerged(request.mergedIds);
        Q_EMIT contactsChanged({request.survivorId});
        Q_EMIT notesChanged(request.survivorId);
        Q_EMIT tagsChanged();
    }
    return id;
}

Status ContactStore::undoMerge(qint64 mergeId)
{
    ContactMerger merger(m_database.connection(), phoneNormalizer());
    auto entry = Sql::scalar(m_database.connection(), QStringLiteral("undo merge"),
                             QStringLiteral("SELECT survivor_id FROM merge_log WHERE id = ?"), {mergeId});
    Status s = merger.undo(mergeId);
    if (s) {
        Q_EMIT externalChange(); // the merged contacts are back, wherever they sort
        if (entry && entry->isValid())
            Q_EMIT notesChanged(entry->toLongLong());
        Q_EMIT tagsChanged();
    }
    return s;
}

Status ContactStore::markNotDuplicates(const QList<qint64>& ids)
{
    ContactMerger merger(m_database.connection(), phoneNormalizer());
    return merger.markNotDuplicates(ids);
}

Result<TagCatalog::Change> ContactStore::createTag(const QString& name)
{
    auto change = TagCatalog::create(m_database.connection(), name);
    if (change)
        Q_EMIT tagsChanged();
    return change;
}

Result<TagCatalog::Change> ContactStore::setTagColor(qint64 id, const QString& color)
{
    auto change = TagCatalog::setColor(m_database.connection(), id, color);
    if (change)
        Q_EMIT tagsChanged();
    return change;
}

Result<qint64> ContactStore::createSmartList(const QString& name, const ContactFilter& filter, const QString& searchText)
{
    auto id = SavedLists::createSmart(m_database.connection(), name, filter, searchText);
    if (id)
        Q_EMIT listsChanged();
    return id;
}

Result<qint64> ContactStore::createStaticList(const QString& name)
{
    auto id = SavedLists::createStatic(m_database.connection(), name);
    if (id)
        Q_EMIT listsChanged();
    return id;
}

Status ContactStore::renameList(qint64 id, const QString& newName)
{
    Status s = SavedLists::rename(m_database.connection(), id, newName);
    if (s)
        Q_EMIT listsChanged();
    return s;
}

void ContactStore::removeList(qint64 id)
{
    runJob(tr("Deleting list"), [id](const QSqlDatabase& db) { return SavedLists::remove(db, id); });
}

Result<qint64> ContactStore::createCampaign(const QString& name, const QString& channel)
{
    auto id = CampaignStore::create(m_database.connection(), name, channel);
    if (id)
        Q_EMIT campaignsChanged();
    return id;
}

Status ContactStore::renameCampaign(qint64 id, const QString& name)
{
    Status s = CampaignStore::rename(m_database.connection(), id, name);
    if (s)
        Q_EMIT campaignsChanged();
    return s;
}

Status ContactStore::setCampaignStatus(qint64 id, const QString& status)
{
    Status s = CampaignStore::setStatus(m_database.connection(), id, status);
    if (s)
        Q_EMIT campaignsChanged();
    return s;
}

Status ContactStore::setCampaignArchived(qint64 id, bool archived)
{
    Status s = CampaignStore::setArchived(m_database.connection(), id, archived);
    if (s)
        Q_EMIT campaignsChanged();
    return s;
}

Result<CampaignStore::StatusChange> ContactStore::setMemberStatus(qint64 campaignId, const QList<qint64>& contactIds,
                                                                   DeliveryStatus status)
{
    auto change = CampaignStore::changeMemberStatus(m_database.connection(), campaignId, contactIds, status);
    if (change) {
        Q_EMIT campaignsChanged();
        if (status == DeliveryStatus::Unsubscribed)
            Q_EMIT contactsChanged(contactIds);
    }
    return change;
}

void ContactStore::runJob(const QString& label, const std::function<Status(const QSqlDatabase&)>& job)
{
    runJob(label, 0, [job](const QSqlDatabase& db, const JobProgress&) { return job(db); });
}

void ContactStore::runJob(const QString& label, int steps, const Job& job, const std::function<void(bool)>& done)
{
    ++m_jobsRunning;
    Q_EMIT jobStarted(label);
    Q_EMIT jobProgress(label, 0, steps);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::progressValueChanged, this,
            [this, label, steps](int step) { Q_EMIT jobProgress(label, step, steps); });
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, label, done] {
        const QString error = watcher->future().resultCount() > 0 ? watcher->result() : tr("the change was cancelled");
        watcher->deleteLater();
        --m_jobsRunning;
        if (!error.isEmpty())
            Q_EMIT errorReported(error);
        Q_EMIT jobFinished(label, error.isEmpty());
        Q_EMIT externalChange(); // the list, tags and profile re-read what the job wrote
        Q_EMIT tagsChanged();
        Q_EMIT listsChanged(); // a bulk add may have made a list
        if (done)
            done(error.isEmpty());
    });
    const QString path = m_database.path();
    const int busy = std::max(m_database.busyTimeoutMs(), 5000);
    watcher->setFuture(QtConcurrent::run(&m_writePool, [path, busy, label, steps, job](QPromise<QString>& promise) {
        promise.setProgressRange(0, steps);
        ScopedConnection connection(path, label, busy);
        if (!connection.status()) {
            promise.addResult(connection.status().error().toString());
            return;
        }
        const Status s = job(connection.database(), [&promise](int step) {
            promise.setProgressValue(step);
            return !promise.isCanceled();
        });
        promise.addResult(s ? QString() : s.error().toString());
    }));
}

} // namespace ContactDesk
