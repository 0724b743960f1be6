// Benchmark of filters and bulk tagging on a big store (issue 5): the first page and count of a
// filter with two all-of tags and one none-of tag; adding a new tag to 100,000 contacts and its
// undo, each in one transaction on a background connection, while the UI thread's event loop is
// watched for the longest gap; and the UI-thread re-query after the job. Then the other bulk
// actions (BulkEdit) on the same 100,000 contacts, each with its undo.
//
//   bench_bulk_tag PATH    (a copy: the run writes; build one with bench_contact_list build)
//
// Figures go to docs/BENCHMARKS.md with the exact command.

#include "BenchSupport.h"
#include "domain/PhoneNormalizer.h"
#include "items/ContactListModel.h"
#include "store/BulkEdit.h"
#include "store/BulkTags.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
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

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_bulk_tag PATH (a copy of a big store; the run writes to it)\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    const QSqlDatabase main = db.value()->connection();
    auto live = Sql::scalar(main, QStringLiteral("count"), QStringLiteral("SELECT live FROM contact_counts"));
    std::printf("contacts: %lld live\n", live ? live->toLongLong() : -1LL);

    // The three biggest tags: two all-of, one none-of.
    auto tags = Sql::run(main, QStringLiteral("tags"),
                         QStringLiteral("SELECT t.name, (SELECT COUNT(*) FROM contact_tags WHERE tag_id = t.id) AS n "
                                        "FROM tags t ORDER BY n DESC, t.id LIMIT 3"));
    QStringList names;
    while (tags && tags.value().next()) {
        names.append(tags.value().value(0).toString());
        std::printf("tag %s: %lld contacts\n", qPrintable(names.last()), tags.value().value(1).toLongLong());
    }
    if (names.size() < 3)
        return 1;
    ContactListQuery query;
    query.filter.allTags = {names[0], names[1]};
    query.filter.noneTags = {names[2]};
    std::vector<double> pages, counts;
    int pageRows = 0;
    qint64 count = 0;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer t;
        t.start();
        auto page = Sql::run(main, QStringLiteral("page"), query.pageSql(false), query.pageBinds({}, 0, false, 128));
        pageRows = 0;
        while (page && page.value().next())
            ++pageRows;
        pages.push_back(ms(t));
        t.restart();
        auto n = Sql::run(main, QStringLiteral("count"), query.countSql(), query.countBinds());
        if (n && n.value().next())
            count = n.value().value(0).toLongLong();
        counts.push_back(ms(t));
    }
    std::printf("filter all-of {%s, %s} none-of {%s}: %lld matches; first page (%d rows) median %.1f ms, max %.1f ms; "
                "count median %.1f ms, max %.1f ms (15 runs, warm)\n",
                qPrintable(names[0]), qPrintable(names[1]), qPrintable(names[2]), count, pageRows, median(pages),
                *std::max_element(pages.begin(), pages.end()), median(counts),
                *std::max_element(counts.begin(), counts.end()));

    // 100,000 live contacts spread over the whole store (every 10th id), as a selection would be.
    BulkTags::Target target;
    target.useIds = true;
    {
        auto ids = Sql::run(main, QStringLiteral("ids"),
                            QStringLiteral("SELECT id FROM contacts WHERE deleted_at IS NULL AND id % 10 = 0 "
                                           "ORDER BY id LIMIT 100000"));
        while (ids && ids.value().next())
            target.ids.append(ids.value().value(0).toLongLong());
    }
    ContactStore store(*db.value(), PhoneNormalizer(QStringLiteral("US")));
    ContactListModel model(&store);
    model.index(0, 0).data(); // the first page is loaded, as in the window

    const QString tag = QStringLiteral("bench %1").arg(QDateTime::currentMSecsSinceEpoch());
    auto change = std::make_shared<BulkTags::Change>();
    const Run add = inBackground(path, [&](const QSqlDatabase& conn) -> Status {
        auto done = BulkTags::apply(conn, BulkTags::Action::Add, tag, target);
        if (!done)
            return done.error();
        *change = *done;
        return {};
    });
    QElapsedTimer refresh;
    refresh.start();
    store.notifyExternalChange();
    model.index(0, 0).data();
    const double addRefresh = ms(refresh);
    std::printf("bulk add of a new tag to %lld contacts: %.0f ms (one transaction); UI event loop longest gap %.1f ms; "
                "UI re-query after it %.1f ms\n",
                qint64(change->ids.size()), add.jobMs, add.maxGapMs, addRefresh);

    const Run undo = inBackground(path, [&](const QSqlDatabase& conn) { return BulkTags::undo(conn, *change); });
    refresh.restart();
    store.notifyExternalChange();
    model.index(0, 0).data();
    std::printf("undo of it: %.0f ms; UI event loop longest gap %.1f ms; UI re-query after it %.1f ms\n", undo.jobMs,
                undo.maxGapMs, ms(refresh));
    bool ok = add.ok && undo.ok;

    // The other bulk actions on the same selection, each followed by its exact undo.
    using Apply = std::function<Result<BulkEdit::Change>(const QSqlDatabase&)>;
    const QList<QPair<const char*, Apply>> actions{
        {"add to a new static list", [&](const QSqlDatabase& c) { return BulkEdit::addToList(c, tag, target); }},
        {"set status to archived",
         [&](const QSqlDatabase& c) { return BulkEdit::setField(c, ContactField::ContactStatus, QStringLiteral("archived"), target); }},
        {"set owner", [&](const QSqlDatabase& c) { return BulkEdit::setField(c, ContactField::Owner, tag, target); }},
        {"set a new custom field",
         [&](const QSqlDatabase& c) { return BulkEdit::setCustomField(c, tag, QStringLiteral("yes"), target); }},
        {"move to the Trash", [&](const QSqlDatabase& c) { return BulkEdit::moveToTrash(c, target); }},
    };
    for (const auto& [label, apply] : actions) {
        auto edit = std::make_shared<BulkEdit::Change>();
        const Run run = inBackground(path, [&](const QSqlDatabase& conn) -> Status {
            auto done = apply(conn);
            if (!done)
                return done.error();
            *edit = *done;
            return {};
        });
        const Run back = inBackground(path, [&](const QSqlDatabase& conn) { return BulkEdit::undo(conn, *edit); });
        store.notifyExternalChange();
        model.index(0, 0).data();
        std::printf("bulk %s on %lld contacts: %.0f ms, undo %.0f ms; UI event loop longest gap %.1f / %.1f ms\n", label,
                    qint64(edit->ids.size()), run.jobMs, back.jobMs, run.maxGapMs, back.maxGapMs);
        ok = ok && run.ok && back.ok;
    }
    return ok ? 0 : 1;
}
