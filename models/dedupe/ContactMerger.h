#pragma once
// Merges duplicate contacts into one, as the seeds' "merge a parent with sub-contacts": the
// survivor keeps its id; emails, phones, tags, notes, campaign memberships and custom fields of the
// others are united into it; for each single-valued field with different values one is chosen.
// Every merge is one transaction and keeps the rows it changes in merge_log, so undo puts back the
// merged contacts with their ids, fields, emails, phones, tags, notes and memberships exactly. A
// bulk merge is one transaction over many clusters, set-based (a few statements per table for all
// clusters at once), undoable as a whole or per cluster.

#include "DuplicateFinder.h"
#include "domain/Contact.h"
#include "domain/PhoneNormalizer.h"
#include "domain/Result.h"

#include <QDateTime>
#include <QMap>
#include <QList>
#include <QSqlDatabase>

#include <functional>

namespace ContactDesk {

class ContactRepository;

enum class MergePolicy {
    Survivor,      // the survivor's value; an empty one is filled from the others
    MostRecent,    // the value of the most recently updated contact that has one
    FirstNonEmpty, // the value of the oldest contact that has one, whichever survives
};
QString mergePolicyName(MergePolicy policy); // "survivor", "most-recent", "first-non-empty"
Result<MergePolicy> mergePolicyFromName(const QString& name);

struct MergeRequest
{
    qint64 survivorId = 0;
    QList<qint64> mergedIds;
    MergePolicy policy = MergePolicy::Survivor;
    QMap<ContactField, qint64> fieldFrom; // field -> the contact whose value is kept
    QMap<QString, qint64> customFrom;      // custom field key -> the contact whose value is kept
    double score = 0;                      // of the cluster, for the history
};

// A single-valued field on which the contacts of a cluster disagree.
struct FieldConflict
{
    bool custom = false;
    ContactField field = ContactField::FirstName;
    QString customKey;
    QList<QPair<qint64, QString>> values; // contact id -> its value (non-empty values only)
};

struct MergeEntry
{
    qint64 id = 0;
    qint64 survivorId = 0;
    QList<qint64> mergedIds;
    QString survivorName;
    QStringList mergedNames;
    qint64 batchId = 0;
    double score = 0;
    QDateTime createdAt;
};

struct BulkMergeResult
{
    qint64 batchId = 0;
    int merged = 0;   // clusters merged
    int skipped = 0;  // clusters whose contacts changed since the scan
    int contactsRemoved = 0;
};

class ContactMerger
{
public:
    ContactMerger(const QSqlDatabase& db, const PhoneNormalizer& phones);
    ~ContactMerger();
    ContactMerger(const ContactMerger&) = delete;
    ContactMerger& operator=(const ContactMerger&) = delete;

    // The fields the contacts disagree on (for the review dialog).
    static QList<FieldConflict> conflicts(const QList<Contact>& contacts);
    // The contact a merge keeps by policy alone: the oldest (it carries the longest history).
    static qint64 defaultSurvivor(const QList<Contact>& contacts);
    // What the survivor looks like after the merge; the store is not touched.
    static Contact mergedContact(const QList<Contact>& contacts, const MergeRequest& request);

    // Returns the merge's id in the history.
    Result<qint64> merge(const MergeRequest& request);
    Status undo(qint64 mergeId);

    // Every cluster at or above `minScore` merged in one transaction; progress(done, total)
    // returns false to cancel, which leaves the database as it was.
    Result<BulkMergeResult> mergeAll(const QList<DuplicateCluster>& clusters, double minScore, MergePolicy policy,
                                     const std::function<bool(int, int)>& progress = {});
    Status undoBatch(qint64 batchId);

    Result<QList<MergeEntry>> history(int limit = 500);
    // Marks every pair of these contacts as different people.
    Status markNotDuplicates(const QList<qint64>& ids);

private:
    // The merges of `requests` (validated, disjoint, live) as one set, inside the caller's
    // transaction; `step(percent)` returns false to cancel. Returns the merge ids in order.
    Result<QList<qint64>> mergeSet(const QList<MergeRequest>& requests, qint64 batchId,
                                   const std::function<bool(int)>& step);
    Status undoSet(const QList<qint64>& mergeIds);
    Status undoLegacy(qint64 mergeId);

    QSqlDatabase m_db;
    std::unique_ptr<ContactRepository> m_repo;
};

} // namespace ContactDesk
