// Benchmark of campaigns on a big store (issue 5, campaigns): adding 100,000 contacts (every 10th
// id) to a campaign and undoing it, each one transaction on a background connection while the UI
// thread's event loop is watched for the longest gap; the member counts per delivery status and
// the campaigns list with counts; a members page; setting 30,000 statuses; and adding the same
// 100,000 to a second campaign after 1,000 of them unsubscribed (the skip path).
//
//   bench_campaign PATH    (a copy: the run writes; any 1M store of bench_contact_list build)
//
// Figures go to docs/BENCHMARKS.md with the exact command.

#include "BenchSupport.h"
#include "store/CampaignStore.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ContactDesk;
using Bench::inBackground;
using Bench::ms;
using Bench::Run;

namespace {

template <typename F>
void timed(const char* what, int runs, F f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(ms(t));
    }
    std::sort(times.begin(), times.end());
    std::printf("%-58s median %8.2f ms  max %8.2f ms  (%d runs)\n", what, times[times.size() / 2], times.back(), runs);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_campaign PATH (a copy of a big store; the run writes)\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QElapsedTimer openTimer;
    openTimer.start();
    auto database = Database::open(path, [] {
        DatabaseOptions o;
        o.backupBeforeMigrating = false;
        return o;
    }());
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().toString()));
        return 1;
    }
    const QSqlDatabase db = database.value()->connection();
    std::printf("open (and migrate) %.0f ms\n", ms(openTimer));
    auto live = Sql::scalar(db, QStringLiteral("count"), QStringLiteral("SELECT live FROM contact_counts"));
    std::printf("live contacts: %lld\n", live ? live->toLongLong() : -1LL);

    auto spring = CampaignStore::create(db, QStringLiteral("Bench spring %1").arg(Sql::nowMs()));
    auto summer = CampaignStore::create(db, QStringLiteral("Bench summer %1").arg(Sql::nowMs()));
    if (!spring || !summer)
        return 1;
    QList<qint64> ids;
    {
        auto q = Sql::run(db, QStringLiteral("ids"),
                          QStringLiteral("SELECT id FROM contacts WHERE deleted_at IS NULL AND id % 10 = 0 ORDER BY id LIMIT 100000"));
        while (q && q->next())
            ids.append(q->value(0).toLongLong());
    }
    CampaignStore::Target target;
    target.useIds = true;
    target.ids = ids;

    auto change = std::make_shared<CampaignStore::AddChange>();
    for (int round = 0; round < 2; ++round) {
        Run add = inBackground(path, [&](const QSqlDatabase& c) -> Status {
            auto done = CampaignStore::addMembers(c, *spring, target);
            if (!done)
                return done.error();
            *change = *done;
            return {};
        });
        std::printf("add %lld contacts (ids) to a campaign: %.0f ms, UI max gap %.1f ms%s\n",
                    qint64(change->ids.size()), add.jobMs, add.maxGapMs, add.ok ? "" : " FAILED");
        if (round == 0) {
            Run undo = inBackground(path, [&](const QSqlDatabase& c) { return CampaignStore::undoAdd(c, *change); });
            std::printf("undo of it: %.0f ms, UI max gap %.1f ms%s\n", undo.jobMs, undo.maxGapMs, undo.ok ? "" : " FAILED");
        }
    }

    // Statuses for 30% of them, in one statement per status, as a bulk correction would.
    QElapsedTimer t;
    t.start();
    const QList<qint64> sent = ids.mid(0, 20000), opened = ids.mid(20000, 8000), clicked = ids.mid(28000, 1000),
                        unsub = ids.mid(29000, 1000);
    bool ok = CampaignStore::setMemberStatus(db, *spring, sent, DeliveryStatus::Sent).ok()
              && CampaignStore::setMemberStatus(db, *spring, opened, DeliveryStatus::Opened).ok()
              && CampaignStore::setMemberStatus(db, *spring, clicked, DeliveryStatus::Clicked).ok()
              && CampaignStore::setMemberStatus(db, *spring, unsub, DeliveryStatus::Unsubscribed).ok();
    std::printf("set 30,000 member statuses (1,000 unsubscribed, marking the contacts): %.0f ms%s\n", ms(t),
                ok ? "" : " FAILED");

    timed("counts per delivery status, 100k members", 15, [&] { (void)CampaignStore::counts(db, *spring); });
    timed("campaigns list with counts", 15, [&] { (void)CampaignStore::list(db); });
    timed("members page of 200 (first)", 15, [&] { (void)CampaignStore::members(db, *spring, std::nullopt, 0, 200); });
    timed("members page of 200 (after the 50,000th)", 15,
          [&] { (void)CampaignStore::members(db, *spring, std::nullopt, ids[50000], 200); });
    timed("members page of 200, opened only", 15,
          [&] { (void)CampaignStore::members(db, *spring, DeliveryStatus::Opened, 0, 200); });

    auto second = std::make_shared<CampaignStore::AddChange>();
    Run skip = inBackground(path, [&](const QSqlDatabase& c) -> Status {
        auto done = CampaignStore::addMembers(c, *summer, target);
        if (!done)
            return done.error();
        *second = *done;
        return {};
    });
    std::printf("add the same 100k to a second campaign: %.0f ms, UI max gap %.1f ms: %s\n", skip.jobMs, skip.maxGapMs,
                qPrintable(second->summary()));
    CampaignStore::Target everyone; // all 1M live contacts
    auto third = CampaignStore::create(db, QStringLiteral("Bench all %1").arg(Sql::nowMs()));
    auto all = std::make_shared<CampaignStore::AddChange>();
    Run allRun = inBackground(path, [&](const QSqlDatabase& c) -> Status {
        auto done = CampaignStore::addMembers(c, *third, everyone);
        if (!done)
            return done.error();
        *all = *done;
        return {};
    });
    std::printf("add every live contact (all matching, empty filter): %.0f ms, UI max gap %.1f ms: %s\n", allRun.jobMs,
                allRun.maxGapMs, qPrintable(all->summary()));
    timed("counts per delivery status, 1M members", 5, [&] { (void)CampaignStore::counts(db, *third); });
    return 0;
}
