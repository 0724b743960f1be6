// Benchmark of the contact list on a big store (issue 2): open a database to the first page of
// the list model (row count included), fetch deep pages in name order, and peak memory.
//
//   bench_contact_list build PATH N [--seed S]   fill a new database with N generated contacts
//   bench_contact_list measure PATH              open it and measure (run in a fresh process)
//
// Figures go to docs/BENCHMARKS.md with the exact commands.

#include "domain/PhoneNormalizer.h"
#include "io/DemoData.h"
#include "items/ContactListModel.h"
#include "store/ContactStore.h"
#include "store/ContactTagCache.h"
#include "store/Database.h"
#include "store/QuickSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace ContactDesk;

namespace {

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

int build(const QString& path, int count, quint64 seed)
{
    if (QFileInfo::exists(path)) {
        std::fprintf(stderr, "%s exists; remove it first\n", qPrintable(path));
        return 1;
    }
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoData::fill(db.value()->connection(), PhoneNormalizer(QStringLiteral("US")), count, seed,
                                  [&timer](int done, int total) {
                                      if (done % 100000 == 0)
                                          std::fprintf(stderr, "  %d / %d (%.0f s)\n", done, total, ms(timer) / 1000);
                                      return true;
                                  });
    if (!summary) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error().toString()));
        return 1;
    }
    QSqlQuery q(db.value()->connection());
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    q.exec(QStringLiteral("ANALYZE"));
    std::printf("built %d contacts (%d phones dropped as near-duplicates) in %.1f s\n", summary->added,
                summary->phonesDropped, ms(timer) / 1000);
    return 0;
}

int measure(const QString& path)
{
    QElapsedTimer total;
    total.start();
    QElapsedTimer timer;
    timer.start();
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    const double openMs = ms(timer);
    ContactStore store(*db.value(), PhoneNormalizer(QStringLiteral("US")));
    timer.restart();
    ContactListModel model(&store);
    const int rows = model.rowCount();
    for (int r = 0; r < 40; ++r) // a window's worth of rows, every column
        for (int c = 0; c < ContactListModel::ColumnCount; ++c)
            model.index(r, c).data();
    const double firstPageMs = ms(timer);
    const double openToFirstPageMs = ms(total);
    std::printf("contacts:                         %d\n", rows);
    std::printf("open database (migrations check): %.2f ms\n", openMs);
    std::printf("first page incl. row count:       %.2f ms\n", firstPageMs);
    std::printf("open to first page:               %.2f ms\n", openToFirstPageMs);

    // The background anchor scan: the UI keeps running while it works.
    timer.restart();
    if (!model.anchorsComplete()) {
        QEventLoop loop;
        QObject::connect(&model, &ContactListModel::anchorsReady, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    std::printf("background anchor scan:           %.1f ms (UI thread free meanwhile)\n", ms(timer));
    if (!model.anchorsComplete()) {
        std::fprintf(stderr, "anchor scan did not finish\n");
        return 1;
    }

    // The list model's search warm-up (500 ms after it opened) runs on its own thread; let it
    // finish so the deep pages below are timed alone, as a rep scrolling a minute later sees them.
    {
        QEventLoop settle;
        QTimer::singleShot(700, &settle, &QEventLoop::quit);
        settle.exec();
        model.waitForWarmUp();
        QCoreApplication::processEvents(); // the warm-up hands its tag snapshot over through the event loop
    }
    std::printf("tags column from memory:          %s\n", model.hasTagCache() ? "yes" : "no (read per row)");

    // Deep pages: each fetch is one keyset query of BlockSize rows on the (sort_key, id) index,
    // tags from the list model's snapshot of them.
    const int deep = std::min(900000, rows - 1);
    timer.restart();
    const QString name = model.index(deep, 0).data().toString();
    const double deepMs = ms(timer);
    std::printf("page at row %d (cold):        %.3f ms  (%s)\n", deep, deepMs, qPrintable(name));

    timer.restart();
    model.index(300000, 0).data();
    std::printf("page at row 300000 (cold, second jump): %.3f ms\n", ms(timer));

    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, rows - 1);
    std::vector<double> samples;
    for (int i = 0; i < 200; ++i) {
        const int row = pick(rng);
        timer.restart();
        model.index(row, 0).data();
        samples.push_back(ms(timer));
    }
    std::sort(samples.begin(), samples.end());
    std::printf("200 random deep pages:            median %.3f ms, p95 %.3f ms, max %.3f ms\n",
                samples[samples.size() / 2], samples[samples.size() * 95 / 100], samples.back());

    // The peer: OFFSET paging, which SQLite answers by walking every skipped row.
    QSqlQuery offset(db.value()->connection());
    timer.restart();
    offset.exec(QStringLiteral("SELECT id, display_name FROM contacts WHERE deleted_at IS NULL "
                               "ORDER BY sort_key, id LIMIT 128 OFFSET %1")
                    .arg(deep));
    while (offset.next()) {
    }
    std::printf("peer: OFFSET %d page:          %.2f ms\n", deep, ms(timer));
    offset.finish();
    timer.restart();
    offset.exec(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL"));
    offset.next();
    std::printf("peer: COUNT(*) of live contacts:  %.2f ms (the list reads a trigger-kept counter instead)\n",
                ms(timer));
    offset.finish();
    std::printf("cached blocks: %d of at most %d\n", model.cachedBlockCount(), ContactListModel::MaxCachedBlocks);

    // QuickSearch's own costs on a connection of its own: the first search after a change, before
    // the warm-up ran (reads the name order itself), and the warm-up (name order plus the matches
    // of every one-character word).
    {
        ScopedConnection connection(path, QStringLiteral("bench-quick"));
        QuickSearch cold;
        ContactListQuery q;
        q.searchText = QStringLiteral("john");
        timer.restart();
        auto found = cold.find(connection.database(), q);
        std::printf("quick search, first search after a change (name order read): %.1f ms (%lld matches)\n", ms(timer),
                    found ? qint64(found->size()) : -1LL);
        QuickSearch warm;
        timer.restart();
        int steps = 0;
        double longest = 0;
        bool ok = true;
        for (bool more = true; more && ok; ++steps) {
            QElapsedTimer step;
            step.start();
            auto r = warm.prepareStep(connection.database());
            ok = r.ok();
            more = ok && *r;
            longest = std::max(longest, ms(step));
        }
        std::printf("quick search warm-up after a change (name order, vocabulary, 36 one-character and %lld heavy "
                    "words): %.1f ms in %d steps, longest step %.1f ms%s\n",
                    qint64(warm.heavyWords().size()), ms(timer), steps, longest, ok ? "" : " FAILED");
        std::printf("  heavy words: %s\n", qPrintable(warm.heavyWords().join(QLatin1Char(' '))));
        // The next change (two commits on another connection: a counter moved and moved back;
        // SQLite commits nothing for a write that leaves a page as it was) costs the warm-up
        // again, without the vocabulary unless the store grew or shrank by a tenth.
        QSqlQuery touch(db.value()->connection());
        for (const char* sql : {"UPDATE contact_counts SET trashed = trashed + 1 WHERE id = 1",
                                "UPDATE contact_counts SET trashed = trashed - 1 WHERE id = 1"}) {
            if (!touch.exec(QString::fromLatin1(sql)))
                std::fprintf(stderr, "touch: %s\n", qPrintable(touch.lastError().text()));
        }
        timer.restart();
        ok = warm.prepare(connection.database()).ok();
        std::printf("quick search warm-up after the next change (heavy words known): %.1f ms%s\n", ms(timer), ok ? "" : " FAILED");
        timer.restart();
        auto tags = ContactTagCache::load(connection.database());
        std::printf("tags snapshot for the list's Tags column (part of the warm-up): %.1f ms (%lld links)%s\n", ms(timer),
                    tags ? qint64((*tags)->linkCount()) : -1LL, tags ? "" : " FAILED");
    }
    // The list model warms up 500 ms after it opens and after any change the store reports (the
    // commits above came from outside it); a rep types later.
    store.notifyExternalChange();
    {
        QEventLoop settle;
        QTimer::singleShot(700, &settle, &QEventLoop::quit);
        settle.exec();
        model.waitForWarmUp();
    }

    // Search as you type: set the text (count + reset), then read the first page in name order.
    std::vector<double> searchMs;
    std::vector<double> countMs; // keystroke to the number of matches (it comes with them)
    for (const char* prefix : {"j", "jo", "joh", "john", "m", "ma", "mar", "mari", "s", "sm", "smi", "smit", "k",
                               "ka", "kat", "kate", "mu", "mül", "4", "41", "415", "4155", "a", "al", "ali", "alic"}) {
        timer.restart();
        QEventLoop loop;
        QObject::connect(&model, &ContactListModel::searchFinished, &loop, &QEventLoop::quit);
        model.setSearchText(QString::fromUtf8(prefix));
        const double uiMs = ms(timer); // what the keystroke costs the UI thread
        loop.exec();
        const double arrivedMs = ms(timer);
        QElapsedTimer page;
        page.start();
        const int found = model.rowCount();
        for (int r = 0; r < std::min(found, 40); ++r)
            model.index(r, 0).data();
        const double pageMs = ms(page);
        const double t = ms(timer);
        searchMs.push_back(t);
        countMs.push_back(arrivedMs);
        std::printf("search %-5s %7d matches: UI thread %5.2f ms, matches in %7.2f ms, first page %5.2f ms\n", prefix,
                    found, uiMs, arrivedMs, pageMs);
    }
    std::sort(searchMs.begin(), searchMs.end());
    std::sort(countMs.begin(), countMs.end());
    std::printf("search as you type, keystroke to count of matches:  median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                countMs[countMs.size() / 2], countMs[countMs.size() * 95 / 100], countMs.back());
    std::printf("search as you type, keystroke to first page shown: median %.2f ms, p95 %.2f ms, max %.2f ms\n", searchMs[searchMs.size() / 2],
                searchMs[searchMs.size() * 95 / 100], searchMs.back());
    model.setSearchText({});
    std::printf("peak RSS:                         %ld MB\n", peakRssMb());
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("build")) {
        const quint64 seed = args.size() >= 6 && args[4] == QLatin1String("--seed") ? args[5].toULongLong() : 1;
        return build(args[2], args[3].toInt(), seed);
    }
    if (args.size() == 3 && args[1] == QLatin1String("measure"))
        return measure(args[2]);
    std::fprintf(stderr, "usage: bench_contact_list build PATH N [--seed S] | measure PATH\n");
    return 2;
}
