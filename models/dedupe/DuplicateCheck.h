#pragma once
// Duplicate checks on a few contacts, cheap enough for the UI's background and an import's dry
// run: the cluster a rep's selection forms (every pair scored and explained), and the probable
// duplicates of one contact, found through the full-text index (same last name and initial, same
// first name and last initial, the same email name or phone digits) and scored like a full scan.

#include "DuplicateFinder.h"

#include <QHash>

namespace ContactDesk::DuplicateCheck {

struct Candidate
{
    qint64 id = 0;
    QString name;
    double score = 0;
    QString evidence;
};

// What a list of clusters shows of each contact: its display name and external id.
struct ContactLabel
{
    QString name;
    QString externalId;
};
QHash<qint64, ContactLabel> labels(const QSqlDatabase& db, const QList<DuplicateCluster>& clusters);

// The cluster these contacts form; its score is the weakest of the links that hold it together.
Result<DuplicateCluster> compare(const QSqlDatabase& db, const QList<qint64>& ids);

// Live contacts that are probably the same person as `contactId` (or as `input`, a contact not
// stored yet), most likely first; pairs marked "not duplicates" are left out.
Result<QList<Candidate>> probableDuplicatesOf(const QSqlDatabase& db, qint64 contactId,
                                              double minScore = DuplicateScorer::DefaultThreshold, int limit = 5);
Result<QList<Candidate>> probableDuplicatesOf(const QSqlDatabase& db, const DedupeInput& input,
                                              double minScore = DuplicateScorer::DefaultThreshold, int limit = 5);

} // namespace ContactDesk::DuplicateCheck
