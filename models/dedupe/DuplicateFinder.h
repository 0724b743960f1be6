#pragma once
// Finds clusters of contacts that are probably the same person, over the whole store or one
// import run, in the background. Candidate blocking keeps the cost about linear: every contact
// gets a handful of keys (mailbox, personal email name, phone, phonetic name pairs, nickname
// group, birthday, postal code, address, company), only contacts sharing a key are compared, and
// huge blocks (common names) are compared by a sorted neighbourhood instead of all pairs. Pairs
// above the threshold link into clusters; pairs the rep marked "not duplicates" never come back.
// Uses every core; each thread reads through its own connection.

#include "DuplicateScorer.h"
#include "domain/Result.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace ContactDesk {

struct DuplicateOptions
{
    double minScore = DuplicateScorer::DefaultThreshold;
    qint64 importRunId = 0;   // only clusters that hold a contact this run added or updated
    QList<qint64> contactIds; // only clusters that hold one of these contacts
    int maxBlock = 48;        // blocks up to this size compare all pairs ...
    int window = 10;          // ... bigger ones each contact with its next `window` neighbours
    int threads = 0;          // 0: one per core
    int maxClusterSize = 25;  // a link that would grow a cluster beyond this is left out
    bool vetoLinks = true;    // refuse a link that would join two clearly different people
};

struct DuplicatePair
{
    qint64 a = 0;
    qint64 b = 0;
    double score = 0;
    QString evidence;
};

struct DuplicateCluster
{
    QList<qint64> contactIds; // ascending
    double score = 0;         // the weakest link that holds the cluster together
    QList<DuplicatePair> pairs; // the links, strongest first
    QString evidence;         // of the strongest link
};

struct DuplicateScanStats
{
    qint64 contacts = 0;
    qint64 keys = 0;
    qint64 blocks = 0;         // keys shared by two or more contacts
    qint64 cappedBlocks = 0;   // compared by sorted neighbourhood
    qint64 largestBlock = 0;
    qint64 candidatePairs = 0; // pairs scored
    qint64 naivePairs = 0;     // pairs the same blocks would give without caps or pair-once (the peer)
    qint64 pairsAbove = 0;     // pairs at or above the threshold (before "not duplicates")
    qint64 vetoedLinks = 0;    // links refused because they would join clearly different people
    double loadMs = 0, keysMs = 0, scoreMs = 0, clusterMs = 0;
    qint64 recordBytes = 0;
};

struct DuplicateScan
{
    QList<DuplicateCluster> clusters; // most confident first
    DuplicateScanStats stats;
};

namespace DuplicateFinder {

// progress(percent) returns false to cancel (the result is then a Cancelled error).
using Progress = std::function<bool(int)>;

// Reads the live contacts of the database file on `threads` connections of its own.
Result<DuplicateScan> scan(const QString& databasePath, const DuplicateOptions& options, const Progress& progress = {});
// Reads through the caller's connection (one thread): tests, the CLI inside a transaction.
Result<DuplicateScan> scan(const QSqlDatabase& db, const DuplicateOptions& options, const Progress& progress = {});

// The search itself over prepared records; `inScope` (by record index) may be empty for all.
// `notDuplicates` holds id pairs (smaller id first) never to link.
DuplicateScan findIn(DedupeRecords& records, const DuplicateOptions& options,
                     const QSet<QPair<qint64, qint64>>& notDuplicates, const std::vector<bool>& inScope,
                     const Progress& progress = {}, bool* cancelled = nullptr);

// Loads the live contacts with id in [fromId, toId] into records (ascending id).
Status load(const QSqlDatabase& db, qint64 fromId, qint64 toId, DedupeRecords& records);
// Loads these live contacts (ascending id).
Status loadIds(const QSqlDatabase& db, const QList<qint64>& ids, DedupeRecords& records);
Result<QSet<QPair<qint64, qint64>>> notDuplicatePairs(const QSqlDatabase& db);

} // namespace DuplicateFinder

} // namespace ContactDesk
