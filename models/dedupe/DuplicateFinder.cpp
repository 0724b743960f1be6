#include "DuplicateFinder.h"

#include "NameMatching.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/SqliteApi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <numeric>
#include <thread>
#include <unordered_map>


namespace ContactDesk::DuplicateFinder {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DuplicateFinder", text);
}

Error cancelledError()
{
    return Error{Error::Code::Cancelled, tr("duplicate search cancelled"), {}};
}

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 hashKey(char type, std::string_view a, std::string_view b = {})
{
    quint64 h = 1469598103934665603ULL;
    auto feed = [&h](char c) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    };
    feed(type);
    for (char c : a)
        feed(c);
    feed('|');
    for (char c : b)
        feed(c);
    return mix(h);
}

struct KeyEntry
{
    quint64 hash;
    quint32 record;
    quint32 slot; // position in the per-record key array
};

constexpr size_t MaxKeysPerRecord = 16;

// The blocking keys of one record, sorted, without repeats.
void recordKeys(const DedupeRecords& rs, const DedupeRecord& r, std::vector<quint64>& out)
{
    using namespace NameMatching;
    out.clear();
    for (int i = 0; i < r.mailboxCount; ++i) {
        const std::string_view box = rs.mailbox(r, i);
        out.push_back(hashKey('m', box));
        if (const std::string local = personalLocalPart(box); !local.empty())
            out.push_back(hashKey('l', local));
    }
    for (int i = 0; i < r.phoneCount; ++i) {
        const std::string_view p = rs.phone(r, i);
        out.push_back(hashKey('p', p.size() > 9 ? p.substr(p.size() - 9) : p));
    }
    const std::string_view first = rs.text(r.first), last = rs.text(r.last);
    const std::string pf = phoneticKey(first), pl = phoneticKey(last);
    if (!pf.empty() && !pl.empty()) // the pair in either order: swapped names meet
        out.push_back(pf < pl ? hashKey('n', pf, pl) : hashKey('n', pl, pf));
    if (!pl.empty()) {
        out.push_back(hashKey('i', pl, first.substr(0, 1)));
        for (int g : nicknameGroups(first))
            out.push_back(hashKey('g', pl, std::to_string(g)));
    }
    // The smaller initial of the two names: swapped first and last names still meet.
    std::string_view initial = !last.empty() ? last.substr(0, 1) : first.substr(0, 1);
    if (!first.empty() && !last.empty() && first.substr(0, 1) < initial)
        initial = first.substr(0, 1);
    if (r.birthday != 0)
        out.push_back(hashKey('b', std::to_string(r.birthday), initial));
    const std::string_view postal = rs.text(r.postal);
    if (!postal.empty())
        out.push_back(hashKey('z', postal, initial));
    const std::string_view street = rs.text(r.street);
    if (!street.empty())
        out.push_back(hashKey('s', street, postal.empty() ? rs.text(r.city) : postal));
    const std::string_view company = rs.text(r.company);
    if (!company.empty() && !pf.empty())
        out.push_back(hashKey('c', company, pf));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > MaxKeysPerRecord)
        out.resize(MaxKeysPerRecord);
}

int threadCount(const DuplicateOptions& options)
{
    return options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount());
}

// Runs work(threadIndex) on `threads` threads while the calling thread reports progress every
// 50 ms; a false from progress raises `cancel`.
template<typename Work>
void runParallel(int threads, Work&& work, const std::function<int()>& percent, const Progress& progress,
                 std::atomic<bool>& cancel)
{
    std::vector<std::thread> pool;
    std::atomic<int> running(threads);
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            work(t);
            --running;
        });
    while (running.load() > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (progress && !cancel.load() && !progress(percent()))
            cancel = true;
    }
    for (auto& th : pool)
        th.join();
}

// Below this, two contacts are clearly different people (different birthdays, different names).
constexpr double VetoScore = 0.02;

struct ScoredPair
{
    quint32 a, b;
    float score;
};

} // namespace

namespace {

// The live contacts matching `where` (on contacts.id / contact_id, written as "%1") in id order,
// read with SQLite's own API: a million rows as UTF-8 views, no QVariant or QString per value.
Status loadWhere(const QSqlDatabase& db, const QString& where, const QList<qint64>& binds, DedupeRecords& records)
{
    sqlite3* handle = SqliteApi::handle(db);
    if (!handle)
        return Error{Error::Code::Sql, QCoreApplication::translate("DuplicateFinder", "the duplicate finder needs SQLite"), {}};
    const QString what = QStringLiteral("duplicates: load");
    SqliteApi::Statement contacts(handle, QStringLiteral("SELECT id, first_name, last_name, company, job_title, street, "
                                                         "postal_code, city, birthday FROM contacts "
                                                         "WHERE deleted_at IS NULL AND %1 ORDER BY id")
                                              .arg(where.arg(QStringLiteral("id"))));
    SqliteApi::Statement emails(handle, QStringLiteral("SELECT contact_id, email_norm FROM contact_emails "
                                                       "WHERE live = 1 AND %1 ORDER BY contact_id, id")
                                            .arg(where.arg(QStringLiteral("contact_id"))));
    SqliteApi::Statement phones(handle, QStringLiteral("SELECT contact_id, e164 FROM contact_phones "
                                                       "WHERE live = 1 AND %1 ORDER BY contact_id, id")
                                            .arg(where.arg(QStringLiteral("contact_id"))));
    for (SqliteApi::Statement* st : {&contacts, &emails, &phones}) {
        if (Status s = st->status(what); !s)
            return s;
        for (int b = 0; b < binds.size(); ++b)
            st->bind(b + 1, binds.at(b));
    }
    bool emailOk = emails.next();
    bool phoneOk = phones.next();
    DedupeRow row;
    std::vector<std::string> emailText, phoneText; // the views of one row outlive their statement's step
    while (contacts.next()) {
        row.id = contacts.int64(0);
        row.firstName = contacts.text(1);
        row.lastName = contacts.text(2);
        row.company = contacts.text(3);
        row.jobTitle = contacts.text(4);
        row.street = contacts.text(5);
        row.postalCode = contacts.text(6);
        row.city = contacts.text(7);
        row.birthday = contacts.text(8);
        emailText.clear();
        phoneText.clear();
        while (emailOk && emails.int64(0) <= row.id) {
            if (emails.int64(0) == row.id)
                emailText.emplace_back(emails.text(1));
            emailOk = emails.next();
        }
        while (phoneOk && phones.int64(0) <= row.id) {
            if (phones.int64(0) == row.id)
                phoneText.emplace_back(phones.text(1));
            phoneOk = phones.next();
        }
        row.emails.assign(emailText.begin(), emailText.end());
        row.phones.assign(phoneText.begin(), phoneText.end());
        records.add(row);
    }
    for (const SqliteApi::Statement* st : {&contacts, &emails, &phones}) {
        if (Status s = st->status(what); !s)
            return s;
    }
    return {};
}

} // namespace

Status load(const QSqlDatabase& db, qint64 fromId, qint64 toId, DedupeRecords& records)
{
    return loadWhere(db, QStringLiteral("%1 BETWEEN ? AND ?"), {fromId, toId}, records);
}

Status loadIds(const QSqlDatabase& db, const QList<qint64>& ids, DedupeRecords& records)
{
    QStringList list;
    for (qint64 id : ids)
        list.append(QString::number(id));
    return loadWhere(db, QStringLiteral("%1 IN (") + list.join(QLatin1Char(',')) + QLatin1Char(')'), {}, records);
}

Result<QSet<QPair<qint64, qint64>>> notDuplicatePairs(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("not duplicates"), QStringLiteral("SELECT contact_a, contact_b FROM not_duplicates"));
    if (!q)
        return q.error();
    QSet<QPair<qint64, qint64>> pairs;
    while (q->next())
        pairs.insert({q->value(0).toLongLong(), q->value(1).toLongLong()});
    return pairs;
}

namespace {

Result<std::vector<bool>> scopeOf(const QSqlDatabase& db, const DedupeRecords& records, const DuplicateOptions& options)
{
    std::vector<bool> scope;
    if (options.importRunId <= 0 && options.contactIds.isEmpty())
        return scope;
    QList<qint64> ids = options.contactIds;
    if (options.importRunId > 0) {
        auto q = Sql::run(db, QStringLiteral("duplicates: import run"),
                          QStringLiteral("SELECT id FROM contacts WHERE import_run_id = ? UNION SELECT item_id "
                                         "FROM import_changes WHERE run_id = ? AND action IN ('added', 'updated')"),
                          {options.importRunId, options.importRunId});
        if (!q)
            return q.error();
        while (q->next())
            ids.append(q->value(0).toLongLong());
    }
    scope.assign(records.size(), false);
    for (qint64 id : std::as_const(ids)) {
        size_t lo = 0, hi = records.size();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (records[mid].id < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < records.size() && records[lo].id == id)
            scope[lo] = true;
    }
    return scope;
}

Result<DuplicateScan> finish(const QSqlDatabase& db, DedupeRecords& records, const DuplicateOptions& options,
                             const Progress& progress, double loadMs)
{
    auto scope = scopeOf(db, records, options);
    if (!scope)
        return scope.error();
    auto excluded = notDuplicatePairs(db);
    if (!excluded)
        return excluded.error();
    bool cancelled = false;
    DuplicateScan result = findIn(records, options, *excluded, *scope,
                                  progress ? Progress([&progress](int pct) { return progress(40 + pct * 60 / 100); })
                                           : Progress(),
                                  &cancelled);
    if (cancelled)
        return cancelledError();
    result.stats.loadMs = loadMs;
    return result;
}

} // namespace

Result<DuplicateScan> scan(const QSqlDatabase& db, const DuplicateOptions& options, const Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    DedupeRecords records;
    if (Status s = load(db, 0, std::numeric_limits<qint64>::max(), records); !s)
        return s.error();
    if (progress && !progress(40))
        return cancelledError();
    return finish(db, records, options, progress, static_cast<double>(timer.nsecsElapsed()) / 1e6);
}

Result<DuplicateScan> scan(const QString& databasePath, const DuplicateOptions& options, const Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    ScopedConnection main(databasePath, QStringLiteral("duplicates"));
    if (!main.status())
        return main.status().error();
    const QSqlDatabase db = main.database();
    auto range = Sql::run(db, QStringLiteral("duplicates: id range"),
                          QStringLiteral("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0), COUNT(*) FROM contacts "
                                         "WHERE deleted_at IS NULL"));
    if (!range)
        return range.error();
    range->next();
    const qint64 minId = range->value(0).toLongLong(), maxId = range->value(1).toLongLong();
    const qint64 count = range->value(2).toLongLong();
    range->finish();

    // Each thread reads a slice of the id range through its own connection, then the slices are
    // joined in id order.
    const int threads = static_cast<int>(std::min<qint64>(threadCount(options), std::max<qint64>(1, count / 20000)));
    std::vector<DedupeRecords> parts(static_cast<size_t>(threads));
    std::vector<Status> statuses(static_cast<size_t>(threads));
    std::atomic<qint64> loaded(0);
    std::atomic<bool> cancel(false);
    const qint64 span = (maxId - minId) / threads + 1;
    runParallel(
        threads,
        [&](int t) {
            const qint64 from = minId + span * t;
            const qint64 to = t == threads - 1 ? maxId : from + span - 1;
            ScopedConnection conn(databasePath, QStringLiteral("duplicates-load-%1").arg(t));
            if (!conn.status()) {
                statuses[static_cast<size_t>(t)] = conn.status();
                return;
            }
            parts[static_cast<size_t>(t)].reserve(static_cast<size_t>(count / threads + 16));
            statuses[static_cast<size_t>(t)] = load(conn.database(), from, to, parts[static_cast<size_t>(t)]);
            loaded += static_cast<qint64>(parts[static_cast<size_t>(t)].size());
        },
        [&] { return count > 0 ? static_cast<int>(loaded.load() * 40 / count) : 40; }, progress, cancel);
    for (const Status& s : statuses)
        if (!s)
            return s.error();
    if (cancel.load())
        return cancelledError();
    DedupeRecords records = std::move(parts.front());
    for (size_t t = 1; t < parts.size(); ++t)
        records.append(std::move(parts[t]));
    return finish(db, records, options, progress, static_cast<double>(timer.nsecsElapsed()) / 1e6);
}

DuplicateScan findIn(DedupeRecords& records, const DuplicateOptions& options,
                     const QSet<QPair<qint64, qint64>>& notDuplicates, const std::vector<bool>& inScope,
                     const Progress& progress, bool* cancelled)
{
    DuplicateScan result;
    DuplicateScanStats& stats = result.stats;
    stats.contacts = static_cast<qint64>(records.size());
    const size_t n = records.size();
    const int threads = threadCount(options);
    std::atomic<bool> cancel(false);
    QElapsedTimer timer;
    timer.start();

    // ---- how common each name, company, street, postal code and city is -------------------------
    records.measureShares();

    // ---- keys, per record and as one sorted list ------------------------------------------------
    std::vector<quint32> keyStart(n + 1, 0);
    std::vector<quint64> recordKeyHashes;
    {
        std::vector<std::vector<quint64>> perThread(static_cast<size_t>(threads));
        std::vector<std::vector<quint32>> counts(static_cast<size_t>(threads));
        const size_t slice = (n + static_cast<size_t>(threads) - 1) / static_cast<size_t>(threads);
        std::atomic<size_t> done(0);
        runParallel(
            threads,
            [&](int t) {
                const size_t from = std::min(n, slice * static_cast<size_t>(t)), to = std::min(n, from + slice);
                std::vector<quint64> keys;
                auto& out = perThread[static_cast<size_t>(t)];
                auto& cnt = counts[static_cast<size_t>(t)];
                out.reserve((to - from) * 8);
                for (size_t i = from; i < to; ++i) {
                    recordKeys(records, records[i], keys);
                    out.insert(out.end(), keys.begin(), keys.end());
                    cnt.push_back(static_cast<quint32>(keys.size()));
                    if ((i & 4095) == 0)
                        done += 4096;
                }
            },
            [&] { return n ? static_cast<int>(std::min<size_t>(done.load(), n) * 15 / n) : 15; }, progress, cancel);
        size_t total = 0;
        for (const auto& v : perThread)
            total += v.size();
        recordKeyHashes.reserve(total);
        size_t record = 0;
        for (size_t t = 0; t < perThread.size(); ++t) {
            recordKeyHashes.insert(recordKeyHashes.end(), perThread[t].begin(), perThread[t].end());
            for (quint32 c : counts[t]) {
                keyStart[record + 1] = keyStart[record] + c;
                ++record;
            }
            std::vector<quint64>().swap(perThread[t]);
        }
    }
    stats.keys = static_cast<qint64>(recordKeyHashes.size());
    std::vector<KeyEntry> entries(recordKeyHashes.size());
    for (size_t i = 0; i < n; ++i)
        for (quint32 k = keyStart[i]; k < keyStart[i + 1]; ++k)
            entries[k] = KeyEntry{recordKeyHashes[k], static_cast<quint32>(i), k};
    // Sorted in one part per thread: the top bits of the hash pick the part.
    {
        std::vector<size_t> bounds(static_cast<size_t>(threads) + 1, 0);
        const auto part = [threads](quint64 h) {
            return static_cast<size_t>((h >> 40) * static_cast<quint64>(threads) >> 24);
        };
        std::vector<size_t> sizes(static_cast<size_t>(threads), 0);
        for (const KeyEntry& e : entries)
            ++sizes[part(e.hash)];
        for (size_t t = 0; t < sizes.size(); ++t)
            bounds[t + 1] = bounds[t] + sizes[t];
        std::vector<KeyEntry> partitioned(entries.size());
        std::vector<size_t> fill(bounds.begin(), bounds.end() - 1);
        for (const KeyEntry& e : entries)
            partitioned[fill[part(e.hash)]++] = e;
        entries.swap(partitioned);
        std::vector<KeyEntry>().swap(partitioned);
        runParallel(
            threads,
            [&](int t) {
                std::sort(entries.begin() + static_cast<std::ptrdiff_t>(bounds[static_cast<size_t>(t)]),
                          entries.begin() + static_cast<std::ptrdiff_t>(bounds[static_cast<size_t>(t) + 1]),
                          [](const KeyEntry& x, const KeyEntry& y) {
                              return x.hash != y.hash ? x.hash < y.hash : x.record < y.record;
                          });
            },
            [] { return 20; }, progress, cancel);
    }
    // Blocks, and which keys give all pairs (so a pair met there is skipped everywhere else).
    struct Block
    {
        size_t begin, end;
    };
    std::vector<Block> blocks;
    std::vector<quint8> fullBlock(recordKeyHashes.size(), 0);
    for (size_t i = 0; i < entries.size();) {
        size_t j = i + 1;
        while (j < entries.size() && entries[j].hash == entries[i].hash)
            ++j;
        const size_t size = j - i;
        if (size >= 2) {
            blocks.push_back(Block{i, j});
            stats.naivePairs += static_cast<qint64>(size * (size - 1) / 2);
            stats.largestBlock = std::max<qint64>(stats.largestBlock, static_cast<qint64>(size));
            if (size <= static_cast<size_t>(options.maxBlock))
                for (size_t k = i; k < j; ++k)
                    fullBlock[entries[k].slot] = 1;
            else
                ++stats.cappedBlocks;
        }
        i = j;
    }
    stats.blocks = static_cast<qint64>(blocks.size());
    stats.keysMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();

    // ---- candidate pairs, scored on every core ------------------------------------------------
    DuplicateScorer scorer(records);
    const float minScore = static_cast<float>(options.minScore);
    std::atomic<size_t> nextBlock(0), blocksDone(0);
    std::vector<std::vector<ScoredPair>> found(static_cast<size_t>(threads));
    std::vector<qint64> scored(static_cast<size_t>(threads), 0);
    const bool scoped = !inScope.empty();
    runParallel(
        threads,
        [&](int t) {
            auto& out = found[static_cast<size_t>(t)];
            qint64& count = scored[static_cast<size_t>(t)];
            std::vector<quint32> members;
            // True when the pair shares a key that sorts before `hash` and gives all pairs (or, for
            // a capped block, any all-pairs key): that block scores it.
            auto metBefore = [&](quint32 a, quint32 b, quint64 hash, bool capped) {
                quint32 i = keyStart[a], j = keyStart[b];
                const quint32 ie = keyStart[a + 1], je = keyStart[b + 1];
                while (i < ie && j < je) {
                    const quint64 x = recordKeyHashes[i], y = recordKeyHashes[j];
                    if (x == y) {
                        if (x != hash && fullBlock[i] && (capped || x < hash))
                            return true;
                        ++i;
                        ++j;
                    } else if (x < y) {
                        ++i;
                    } else {
                        ++j;
                    }
                }
                return false;
            };
            auto consider = [&](quint32 a, quint32 b, quint64 hash, bool capped) {
                if (scoped && !inScope[a] && !inScope[b])
                    return;
                if (metBefore(a, b, hash, capped))
                    return;
                ++count;
                const PairScore s = scorer.score(a, b);
                if (s.score >= static_cast<double>(minScore))
                    out.push_back(ScoredPair{std::min(a, b), std::max(a, b), static_cast<float>(s.score)});
            };
            for (;;) {
                if (cancel.load())
                    return;
                const size_t first = nextBlock.fetch_add(64);
                if (first >= blocks.size())
                    return;
                const size_t last = std::min(blocks.size(), first + 64);
                for (size_t bi = first; bi < last; ++bi) {
                    const Block& blk = blocks[bi];
                    const quint64 hash = entries[blk.begin].hash;
                    const size_t size = blk.end - blk.begin;
                    if (size <= static_cast<size_t>(options.maxBlock)) {
                        for (size_t x = blk.begin; x < blk.end; ++x)
                            for (size_t y = x + 1; y < blk.end; ++y)
                                consider(entries[x].record, entries[y].record, hash, false);
                        continue;
                    }
                    // Sorted neighbourhood: like names and companies next to each other.
                    members.clear();
                    for (size_t x = blk.begin; x < blk.end; ++x)
                        members.push_back(entries[x].record);
                    std::sort(members.begin(), members.end(), [&](quint32 a, quint32 b) {
                        const DedupeRecord& ra = records[a];
                        const DedupeRecord& rb = records[b];
                        if (int c = records.text(ra.first).compare(records.text(rb.first)); c != 0)
                            return c < 0;
                        if (int c = records.text(ra.last).compare(records.text(rb.last)); c != 0)
                            return c < 0;
                        if (int c = records.text(ra.company).compare(records.text(rb.company)); c != 0)
                            return c < 0;
                        return a < b;
                    });
                    for (size_t x = 0; x < members.size(); ++x)
                        for (size_t y = x + 1; y < members.size() && y <= x + static_cast<size_t>(options.window); ++y)
                            consider(members[x], members[y], hash, true);
                }
                blocksDone += last - first;
            }
        },
        [&] { return blocks.empty() ? 95 : 20 + static_cast<int>(blocksDone.load() * 75 / blocks.size()); }, progress,
        cancel);
    if (cancel.load()) {
        if (cancelled)
            *cancelled = true;
        return result;
    }
    std::vector<ScoredPair> pairs;
    for (auto& v : found) {
        pairs.insert(pairs.end(), v.begin(), v.end());
        std::vector<ScoredPair>().swap(v);
    }
    for (qint64 c : scored)
        stats.candidatePairs += c;
    // A pair met in two capped blocks may be there twice.
    std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const ScoredPair& x, const ScoredPair& y) { return x.a == y.a && x.b == y.b; }),
                pairs.end());
    stats.pairsAbove = static_cast<qint64>(pairs.size());
    stats.scoreMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();

    // ---- clusters: strongest links first, each cluster remembers its weakest link -------------
    std::stable_sort(pairs.begin(), pairs.end(), [](const ScoredPair& x, const ScoredPair& y) { return x.score > y.score; });
    std::unordered_map<quint32, quint32> parent;
    struct Component
    {
        float weakest = 1.0f;
        std::vector<quint32> members;
        std::vector<size_t> links; // indexes into pairs
    };
    std::unordered_map<quint32, Component> components;
    std::function<quint32(quint32)> find = [&](quint32 x) {
        auto it = parent.find(x);
        if (it == parent.end()) {
            parent.emplace(x, x);
            components[x].members.push_back(x);
            return x;
        }
        while (it->second != x) {
            const quint32 p = it->second;
            auto pit = parent.find(p);
            it->second = pit->second; // path halving
            x = it->second;
            it = parent.find(x);
        }
        return x;
    };
    for (size_t i = 0; i < pairs.size(); ++i) {
        const ScoredPair& p = pairs[i];
        if (notDuplicates.contains({records[p.a].id, records[p.b].id}))
            continue;
        quint32 ra = find(p.a), rb = find(p.b);
        if (ra == rb)
            continue;
        Component& ca = components[ra];
        Component& cb = components[rb];
        if (ca.members.size() + cb.members.size() > static_cast<size_t>(options.maxClusterSize))
            continue;
        // Single links chain: A ~ C and C ~ B would join a father and his son through a record
        // without a birthday. A link is refused when two of the contacts it would join are
        // clearly different people.
        bool veto = false;
        if (options.vetoLinks && ca.members.size() + cb.members.size() > 2)
            for (quint32 x : ca.members) {
                for (quint32 y : cb.members)
                    if (scorer.score(x, y).score < VetoScore) {
                        veto = true;
                        break;
                    }
                if (veto)
                    break;
            }
        if (veto) {
            ++stats.vetoedLinks;
            continue;
        }
        if (ca.members.size() < cb.members.size()) {
            std::swap(ra, rb);
        }
        Component& big = components[ra];
        Component& small = components[rb];
        big.members.insert(big.members.end(), small.members.begin(), small.members.end());
        big.links.insert(big.links.end(), small.links.begin(), small.links.end());
        big.links.push_back(i);
        big.weakest = std::min({big.weakest, small.weakest, p.score});
        parent[rb] = ra;
        components.erase(rb);
    }
    for (auto& [root, comp] : components) {
        if (comp.members.size() < 2)
            continue;
        DuplicateCluster cluster;
        for (quint32 m : comp.members)
            cluster.contactIds.append(records[m].id);
        std::sort(cluster.contactIds.begin(), cluster.contactIds.end());
        cluster.score = static_cast<double>(comp.weakest);
        std::sort(comp.links.begin(), comp.links.end());
        for (size_t li : comp.links) {
            const ScoredPair& p = pairs[li];
            cluster.pairs.append(DuplicatePair{records[p.a].id, records[p.b].id, static_cast<double>(p.score),
                                               DuplicateScorer::describe(scorer.explain(p.a, p.b))});
        }
        cluster.evidence = cluster.pairs.isEmpty() ? QString() : cluster.pairs.first().evidence;
        result.clusters.append(cluster);
    }
    std::sort(result.clusters.begin(), result.clusters.end(), [](const DuplicateCluster& x, const DuplicateCluster& y) {
        return x.score != y.score ? x.score > y.score : x.contactIds.first() < y.contactIds.first();
    });
    stats.clusterMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    stats.recordBytes = static_cast<qint64>(records.memoryBytes());
    if (progress)
        progress(100);
    return result;
}

} // namespace ContactDesk::DuplicateFinder
