// Benchmark of the duplicate finder on a real store (see docs/BENCHMARKS.md):
//   bench_duplicates scan PATH [--threads N] [--min-score S]
//                                                full scan: keys, blocking, candidate pairs, scores
//                                                (clusters of pairs scoring S or more; default 0.85)
//   bench_duplicates merge PATH N [--pairs]      bulk merge of the N most confident clusters, then undo;
//                                                --pairs: the clusters cut into disjoint pairs first (N
//                                                two-contact clusters, one contact folded in each)
//   bench_duplicates demo-check PATH [--seed S]  on a bench_contact_list database: replays the demo
//                                                generator to know which rows are near duplicates and
//                                                counts clustered pairs of two original rows, which are
//                                                certainly two people
// Prints wall time per phase, the number of candidate pairs scored, and peak memory (VmHWM).

#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateFinder.h"
#include "domain/PhoneNormalizer.h"
#include "io/DemoDataGenerator.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cstdio>

using namespace ContactDesk;

namespace {

QString peakMemory()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    return QStringLiteral("?");
}

void print(const QString& s)
{
    std::printf("%s\n", s.toUtf8().constData());
    std::fflush(stdout);
}

// The demo generator's rows of a database bench_contact_list built, known by their email: whether
// each is a near duplicate of an earlier row. Contacts without an email stay unknown.
int demoCheck(const QString& path, quint64 seed, const DuplicateScan& scan)
{
    auto db = Database::open(path);
    if (!db) {
        print(db.error().toString());
        return 1;
    }
    QHash<qint64, QString> emailOf;
    QSqlQuery q(db.value()->connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT contact_id, email_norm FROM contact_emails WHERE is_primary = 1"))) {
        print(q.lastError().text());
        return 1;
    }
    while (q.next())
        emailOf.insert(q.value(0).toLongLong(), q.value(1).toString());
    QHash<QString, bool> nearByEmail;
    DemoDataGenerator generator(seed);
    for (qint64 i = 0; i < scan.stats.contacts + scan.stats.contacts / 10; ++i) {
        const DemoRow row = generator.next();
        if (!row.email.isEmpty())
            nearByEmail.insert(row.email.toLower(), row.nearDuplicate);
    }
    qint64 nearRows = 0, nearClustered = 0, pairs = 0, originalPairs = 0, unknown = 0, originalClusters = 0;
    for (auto it = emailOf.cbegin(); it != emailOf.cend(); ++it)
        nearRows += nearByEmail.value(it.value(), false) ? 1 : 0;
    for (const DuplicateCluster& c : scan.clusters) {
        qint64 originals = 0;
        for (qint64 id : c.contactIds) {
            const auto email = emailOf.constFind(id);
            const auto flag = email == emailOf.cend() ? nearByEmail.cend() : nearByEmail.constFind(*email);
            if (flag == nearByEmail.cend())
                ++unknown;
            else if (*flag)
                ++nearClustered;
            else
                ++originals;
        }
        const qint64 n = c.contactIds.size();
        pairs += n * (n - 1) / 2;
        originalPairs += originals * (originals - 1) / 2;
        originalClusters += originals == n ? 1 : 0;
    }
    print(QStringLiteral("demo check (seed %1): %2 near-duplicate rows with an email, %3 of them in a cluster (%4 %)")
              .arg(seed).arg(nearRows).arg(nearClustered).arg(nearRows ? 100.0 * nearClustered / nearRows : 0.0, 0, 'f', 1));
    print(QStringLiteral("  clusters %1, of original rows only (certainly wrong) %2")
              .arg(scan.clusters.size()).arg(originalClusters));
    print(QStringLiteral("  pairs in clusters %1; pairs of two original rows (certainly two people) %2 (%3 %); "
                         "clustered contacts without a known row %4")
              .arg(pairs).arg(originalPairs).arg(pairs ? 100.0 * originalPairs / pairs : 0.0, 0, 'f', 1).arg(unknown));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        print(QStringLiteral("usage: bench_duplicates scan PATH [--threads N] | merge PATH N"));
        return 2;
    }
    const QString mode = args.at(1), path = args.at(2);
    DuplicateOptions options;
    if (const qsizetype t = args.indexOf(QStringLiteral("--threads")); t > 0 && t + 1 < args.size())
        options.threads = args.at(t + 1).toInt();
    if (const qsizetype t = args.indexOf(QStringLiteral("--min-score")); t > 0 && t + 1 < args.size())
        options.minScore = args.at(t + 1).toDouble();
    QElapsedTimer total;
    total.start();
    auto scan = DuplicateFinder::scan(path, options);
    if (!scan) {
        print(scan.error().toString());
        return 1;
    }
    const double scanMs = static_cast<double>(total.nsecsElapsed()) / 1e6;
    const DuplicateScanStats& s = scan->stats;
    print(QStringLiteral("contacts %1, keys %2, blocks %3 (capped %4, largest %5)")
              .arg(s.contacts).arg(s.keys).arg(s.blocks).arg(s.cappedBlocks).arg(s.largestBlock));
    print(QStringLiteral("candidate pairs scored %1 (the same blocks paired naively: %2), pairs >= %3: %4, clusters %5")
              .arg(s.candidatePairs).arg(s.naivePairs).arg(options.minScore).arg(s.pairsAbove).arg(scan->clusters.size()));
    print(QStringLiteral("load %1 ms, keys+blocking %2 ms, scoring %3 ms, clusters %4 ms; total scan %5 ms")
              .arg(s.loadMs, 0, 'f', 0).arg(s.keysMs, 0, 'f', 0).arg(s.scoreMs, 0, 'f', 0).arg(s.clusterMs, 0, 'f', 0)
              .arg(scanMs, 0, 'f', 0));
    print(QStringLiteral("records %1 MB; peak memory (VmHWM) %2").arg(s.recordBytes / 1e6, 0, 'f', 1).arg(peakMemory()));
    if (mode == QLatin1String("demo-check")) {
        const qsizetype at = args.indexOf(QStringLiteral("--seed"));
        return demoCheck(path, at > 0 && at + 1 < args.size() ? args.at(at + 1).toULongLong() : 1, *scan);
    }
    if (mode != QLatin1String("merge"))
        return 0;

    const int n = args.size() > 3 ? args.at(3).toInt() : 10000;
    QList<DuplicateCluster> chosen;
    if (args.contains(QStringLiteral("--pairs"))) {
        // The target counts clusters; demo names chain into clusters of 3.8 contacts on
        // average, so this mode measures N clusters of two (the most confident clusters first).
        for (const DuplicateCluster& c : std::as_const(scan->clusters))
            for (qsizetype i = 0; i + 1 < c.contactIds.size() && chosen.size() < n; i += 2) {
                DuplicateCluster pair = c;
                pair.contactIds = {c.contactIds.at(i), c.contactIds.at(i + 1)};
                chosen.append(pair);
            }
    } else {
        chosen = scan->clusters.mid(0, n);
    }
    auto db = Database::open(path);
    if (!db) {
        print(db.error().toString());
        return 1;
    }
    ContactMerger merger(db.value()->connection(), PhoneNormalizer(QStringLiteral("US")));
    QElapsedTimer timer;
    timer.start();
    auto merged = merger.mergeAll(chosen, 0.0, MergePolicy::Survivor);
    if (!merged) {
        print(merged.error().toString());
        return 1;
    }
    const double mergeMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    print(QStringLiteral("bulk merge of %1 clusters (%2 contacts folded in): %3 ms")
              .arg(merged->merged).arg(merged->contactsRemoved).arg(mergeMs, 0, 'f', 0));
    timer.restart();
    if (Status st = merger.undoBatch(merged->batchId); !st) {
        print(st.error().toString());
        return 1;
    }
    print(QStringLiteral("undo of the bulk merge: %1 ms").arg(static_cast<double>(timer.nsecsElapsed()) / 1e6, 0, 'f', 0));
    return 0;
}
