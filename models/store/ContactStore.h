#pragma once
// The UI thread's door to the store: wraps the main connection's repository and announces every
// change it makes with the narrowest signal, so item models update rows instead of resetting.
// Background jobs use their own connections and call notifyExternalChange() when they finish.

#include "CampaignStore.h"
#include "ContactFilter.h"
#include "ContactRepository.h"
#include "TagCatalog.h"
#include "domain/Campaign.h"
#include "domain/PhoneNormalizer.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace ContactDesk {

class Database;
struct MergeRequest;

class ContactStore : public QObject
{
    Q_OBJECT

public:
    ContactStore(Database& database, const PhoneNormalizer& phones, QObject* parent = nullptr);
    ~ContactStore() override;

    Database& database() { return m_database; }
    ContactRepository& repository() { return m_repository; } // reads; writes go through the store
    const PhoneNormalizer& phoneNormalizer() const { return m_repository.phoneNormalizer(); }

    QString author() const { return m_author; }
    void setAuthor(const QString& author) { m_author = author; }

    Result<qint64> createContact(const Contact& contact);
    Status updateField(qint64 id, ContactField field, const QString& value);
    Status setEmails(qint64 id, const QList<EmailAddress>& emails);
    Status setPhones(qint64 id, const QList<PhoneNumber>& phones);
    Status addTags(const QList<qint64>& ids, const QStringList& tags);
    Status removeTags(const QList<qint64>& ids, const QStringList& tags);
    Status setCustomValue(qint64 id, const QString& key, const QString& value);
    Status moveToTrash(const QList<qint64>& ids);
    Status restore(const QList<qint64>& ids);
    Status purge(const QList<qint64>& ids);
    Result<int> emptyTrash();
    Result<qint64> addNote(qint64 contactId, const QString& body);
    Status updateNote(qint64 contactId, qint64 noteId, const QString& body);
    Status removeNote(qint64 contactId, qint64 noteId);

    // Merges (see ContactMerger): the merged contacts leave the list, the survivor changes.
    Result<qint64> mergeContacts(const MergeRequest& request);
    Status undoMerge(qint64 mergeId);
    Status markNotDuplicates(const QList<qint64>& ids);

    // The tag manager's one-row operations (TagCatalog), here on the UI connection; each returns
    // what it did for its undo and ends with tagsChanged. Rename and delete rewrite every
    // carrier's links, so the tag manager runs them (and every undo and redo) as jobs (runJob).
    Result<TagCatalog::Change> createTag(const QString& name);
    Result<TagCatalog::Change> setTagColor(qint64 id, const QString& color);

    // Saved lists (SavedLists). Create and rename touch one row and run here; deleting a static
    // list drops its memberships, so it runs as a job. Each ends with listsChanged.
    Result<qint64> createSmartList(const QString& name, const ContactFilter& filter, const QString& searchText);
    Result<qint64> createStaticList(const QString& name);
    Status renameList(qint64 id, const QString& newName);
    void removeList(qint64 id);
    // Campaigns (CampaignStore): one-row changes run here and end with campaignsChanged; adding
    // many contacts and importing statuses run as jobs (runJob), which end with externalChange.
    Result<qint64> createCampaign(const QString& name, const QString& channel);
    Status renameCampaign(qint64 id, const QString& name);
    Status setCampaignStatus(qint64 id, const QString& status);
    Status setCampaignArchived(qint64 id, bool archived);
    // The selected members of a campaign (a view's selection, so bounded); an unsubscribe marks
    // the contacts, so the list and profile hear contactsChanged too.
    // Returns what it wrote, for its undo (CampaignStore::undoStatus).
    Result<CampaignStore::StatusChange> setMemberStatus(qint64 campaignId, const QList<qint64>& contactIds,
                                                        DeliveryStatus status);

    // Runs `job` on the store's one write thread (jobs run one after another, in the order they
    // were started) with a connection of its own; when it ends, a failure is reported, the lists
    // re-query (externalChange) and `done` runs. `label` names it in the status bar; a job with
    // `steps` reports progress (step 1..steps) through the callback it gets, whose false cancels.
    using JobProgress = std::function<bool(int step)>;
    using Job = std::function<Status(const QSqlDatabase&, const JobProgress&)>;
    void runJob(const QString& label, const std::function<Status(const QSqlDatabase&)>& job);
    void runJob(const QString& label, int steps, const Job& job, const std::function<void(bool ok)>& done = {});
    bool isJobRunning() const { return m_jobsRunning > 0; }
    void waitForJobs() { m_writePool.waitForDone(); }

    void notifyExternalChange() { Q_EMIT externalChange(); }
    // For operations that fail away from their caller (an undo): the window shows the message.
    void reportError(const QString& message) { Q_EMIT errorReported(message); }

Q_SIGNALS:
    void contactsAdded(const QList<qint64>& ids);
    void contactsChanged(const QList<qint64>& ids);
    void contactsTrashed(const QList<qint64>& ids);
    void contactsRestored(const QList<qint64>& ids);
    void contactsPurged(const QList<qint64>& ids);
    void contactsMerged(const QList<qint64>& ids); // merged into another contact: gone from the list
    void tagsChanged();
    void listsChanged();
    void campaignsChanged(); // a campaign or a membership changed
    void notesChanged(qint64 contactId);
    void externalChange(); // anything may have changed: re-query
    void errorReported(const QString& message);
    void jobStarted(const QString& label);
    void jobProgress(const QString& label, int step, int steps);
    void jobFinished(const QString& label, bool ok);

private:
    Database& m_database;
    ContactRepository m_repository;
    QString m_author;
    int m_jobsRunning = 0;
    QThreadPool m_writePool; // one thread: background writes run one after another
};

} // namespace ContactDesk
