#pragma once
// Shared by the benchmark programs: millisecond timing, and running a store job on a background
// connection while the calling (UI) thread's event loop is watched for its longest gap.

#include "domain/Result.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace ContactDesk::Bench {

inline double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Run
{
    double jobMs = 0;
    double maxGapMs = 0;
    bool ok = false;
};

// Runs `job` on a pool thread with its own connection while this thread spins its event loop with
// a 5 ms timer; returns the job's wall time and the longest gap between two ticks.
inline Run inBackground(const QString& path, const std::function<Status(const QSqlDatabase&)>& job)
{
    Run run;
    QElapsedTimer wall;
    QElapsedTimer gap;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        run.maxGapMs = std::max(run.maxGapMs, ms(gap));
        gap.restart();
    });
    QFutureWatcher<bool> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<bool>::finished, &loop, &QEventLoop::quit);
    wall.start();
    gap.start();
    tick.start();
    watcher.setFuture(QtConcurrent::run([path, job] {
        ScopedConnection connection(path, QStringLiteral("bench-job"));
        if (!connection.status())
            return false;
        const Status s = job(connection.database());
        if (!s)
            std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
        return s.ok();
    }));
    loop.exec();
    run.jobMs = ms(wall);
    run.ok = watcher.result();
    return run;
}

} // namespace ContactDesk::Bench
