#pragma once
// Campaigns and their members, for the campaigns dialog, the profile's campaign pane, the "Add to
// campaign…" bulk action and the CLI's `campaign` commands. Runs on the connection it is given
// (a background job's in the GUI for anything that grows with the contacts, the main one in the
// CLI); every write is one transaction.
//
// The rule of the seeds: a contact who unsubscribed (from any campaign: contacts.unsubscribed_at,
// set when a member's status becomes unsubscribed, or the contact's status "unsubscribed") is
// skipped when added to a campaign, and the outcome says how many and why. A contact is never in
// a campaign twice (primary key). Trashing a contact hides its memberships (counts and member
// lists show live contacts; restoring brings them back); purging removes them.

#include "BulkTags.h"
#include "domain/Campaign.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QVector>

#include <functional>

namespace ContactDesk::CampaignStore {

// Campaigns, newest first, with their member counts per delivery status (one grouped walk of the
// campaign_members_status index).
// Without counts it reads the campaigns table only (for a picker on the UI thread).
Result<QList<Campaign>> list(const QSqlDatabase& db, bool includeArchived = true, bool withCounts = true);
Result<Campaign> campaign(const QSqlDatabase& db, qint64 id);
// By id ("12") or by name (case-insensitive), for the CLI.
Result<Campaign> find(const QSqlDatabase& db, const QString& idOrName);
Result<DeliveryCounts> counts(const QSqlDatabase& db, qint64 campaignId);

// A name is required and unique among campaigns (case-insensitively); the channel is one of
// Campaigns::channels().
Result<qint64> create(const QSqlDatabase& db, const QString& name, const QString& channel = QStringLiteral("email"));
Status rename(const QSqlDatabase& db, qint64 id, const QString& newName);
Status setStatus(const QSqlDatabase& db, qint64 id, const QString& status);
// An archived campaign keeps its members and counts but takes no new members.
Status setArchived(const QSqlDatabase& db, qint64 id, bool archived);

// Adding contacts: all matching a list query, or explicit ids (as BulkTags).
using Target = BulkTags::Target;

struct AddChange
{
    qint64 campaignId = 0;
    QString campaignName;
    qint64 addedAt = 0;
    QVector<qint64> ids;        // contacts this add made members (the undo removes exactly these)
    int alreadyMembers = 0;     // matched but in the campaign already
    int skippedUnsubscribed = 0;
    int skippedMissing = 0;     // explicit ids that are not live contacts (deleted, in the Trash)

    int skipped() const { return skippedUnsubscribed + skippedMissing; }
    // "Added 88 contacts to "Spring". Skipped 12 contacts: unsubscribed. 3 were in it already."
    QString summary() const;
};

using Progress = std::function<bool(int step)>;
constexpr int AddSteps = 3;
Result<AddChange> addMembers(const QSqlDatabase& db, qint64 campaignId, const Target& target,
                             const Progress& progress = {});
// Takes an add back exactly (only the memberships it made), and makes it again (the same
// contacts, still under the rule); redo records afresh.
Status undoAdd(const QSqlDatabase& db, const AddChange& change, const Progress& progress = {});
Status redoAdd(const QSqlDatabase& db, AddChange& change, const Progress& progress = {});

// What a change of member statuses wrote, for its exact undo and redo: the rows it changed,
// before and after, as JSON arrays (set-based to write back): members as
// [[contact_id, delivery_status, updated_at], ...], the contacts it marked unsubscribed as
// [[id, status, updated_at, unsubscribed_at], ...].
struct StatusChange
{
    qint64 campaignId = 0;
    int members = 0; // members whose status or date it set
    QString membersBefore = QStringLiteral("[]");
    QString membersAfter = QStringLiteral("[]");
    QString contactsBefore = QStringLiteral("[]");
    QString contactsAfter = QStringLiteral("[]");
};

// Sets the delivery status of members (with its date, epoch ms; 0 = now). An unsubscribed member
// marks the contact unsubscribed (unsubscribed_at, and status "unsubscribed" when it was active).
// Contacts that are not members are an error naming them.
Result<StatusChange> changeMemberStatus(const QSqlDatabase& db, qint64 campaignId, const QList<qint64>& contactIds,
                                        DeliveryStatus status, qint64 when = 0);
// The same, returning how many members changed.
Result<int> setMemberStatus(const QSqlDatabase& db, qint64 campaignId, const QList<qint64>& contactIds,
                            DeliveryStatus status, qint64 when = 0);
// Puts the members' statuses and dates, and the contacts' status, date and unsubscribe, back
// exactly as before the change (one transaction, one statement per table); redo writes them as
// the change left them.
Status undoStatus(const QSqlDatabase& db, const StatusChange& change, const Progress& progress = {});
Status redoStatus(const QSqlDatabase& db, const StatusChange& change, const Progress& progress = {});
constexpr int StatusSteps = 3;

// Delivery statuses from an email service's CSV export: a header row with email, status and
// (optionally) timestamp columns; other columns are ignored. Each line that names a member of
// the campaign sets its status unless that would move it back up the funnel (Delivery::rank);
// a line with an unknown email, a contact who is not a member, an unknown status word or a bad
// timestamp is reported with its line number and skipped. One transaction: a file that cannot be
// read changes nothing.
struct ImportProblem
{
    qint64 line = 0;
    QString message;
};
struct StatusImport
{
    int lines = 0;      // data lines read
    int updated = 0;    // members whose status or date changed
    int unchanged = 0;  // lines that would move a member back, or repeat what it has
    int unsubscribed = 0; // contacts newly marked unsubscribed
    QList<ImportProblem> problems;
    StatusChange change; // what it wrote, for undo
    QString summary() const;
};
constexpr int ImportSteps = 100;
Result<StatusImport> importStatuses(const QSqlDatabase& db, qint64 campaignId, const QString& csvPath,
                                    const Progress& progress = {});

// The members of a campaign (live contacts), in contact id order from `afterContactId`, `limit`
// at a time (keyset paging); `status` narrows to one delivery status.
Result<QList<CampaignMember>> members(const QSqlDatabase& db, qint64 campaignId, std::optional<DeliveryStatus> status,
                                      qint64 afterContactId, int limit);
// The campaigns one contact is in, newest first.
Result<QList<CampaignMembership>> membershipsOf(const QSqlDatabase& db, qint64 contactId);
// When the contact unsubscribed (epoch ms), or 0; a contact marked unsubscribed by hand without a
// date answers -1.
Result<qint64> unsubscribedAt(const QSqlDatabase& db, qint64 contactId);

// The timestamps an export writes: ISO 8601 (with or without zone; none = UTC), "yyyy-MM-dd
// HH:mm[:ss]", or Unix time in seconds or milliseconds. Epoch ms, or nothing.
std::optional<qint64> parseTimestamp(const QString& text);

} // namespace ContactDesk::CampaignStore
