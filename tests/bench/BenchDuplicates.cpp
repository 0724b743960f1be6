// Benchmark of the duplicate finder on a real store (see docs/BENCHMARKS.md):
//   bench_duplicates scan PATH [--threads N]     full scan: keys, blocking, candidate pairs, scores
//   bench_duplicates merge PATH N [--pairs]      bulk merge of the N most confident clusters, then undo;
//                                                --pairs: the clusters cut into disjoint pairs first (N
//                                                two-contact clusters, one contact folded in each)
// Prints wall time per phase, the number of candidate pairs scored, and peak memory (VmHWM).

#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateFinder.h"
#include "domain/PhoneNormalizer.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
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
