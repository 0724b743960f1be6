#include "ContactListModel.h"

#include "store/ContactStore.h"
#include "store/ContactTagCache.h"
#include "store/Database.h"
#include "store/QuickSearch.h"
#include "store/Sql.h"

#include <QDateTime>
#include <QLocale>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace ContactDesk {

namespace {

QSqlQuery prepared(const QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    return q;
}

} // namespace

struct SearchThreadState
{
    QString path;
    int busyTimeoutMs = 5000;
    std::unique_ptr<ScopedConnection> connection;
    QuickSearch quick;
    // The warm-up: a chain of short tasks while `warming`; `warmFor` is the model's change count
    // when it was last asked for; `stopping` ends the chain when the model goes.
    std::atomic<bool> warming{false};
    std::atomic<quint64> warmFor{0};
    std::atomic<bool> stopping{false};

    // On the search thread only: its connection, opened on first use.
    QSqlDatabase database()
    {
        if (!connection)
            connection = std::make_unique<ScopedConnection>(path, QStringLiteral("search"), busyTimeoutMs);
        return connection->status() ? connection->database() : QSqlDatabase();
    }
};

// One list row from a statement whose columns follow ContactListQuery's column list.
ContactListModel::Row ContactListModel::rowFrom(const QSqlQuery& q)
{
    Row r;
    r.id = q.value(0).toLongLong();
    r.key = q.value(1);
    r.displayName = q.value(2).toString();
    r.email = q.value(3).toString();
    r.phone = q.value(4).toString();
    r.company = q.value(5).toString();
    r.tags = q.value(6).toString();
    r.source = q.value(7).toString();
    r.updatedAt = q.value(8).toLongLong();
    return r;
}

ContactListModel::ContactListModel(ContactStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    // First of all on every change: the tags in memory may be out of date, pages read after it
    // (by the handlers below) take tags from SQL until the next warm-up brings a fresh snapshot;
    // a change of contacts also moves names in QuickSearch's order: the warm-up re-reads it once
    // things settle, so the next keystroke finds it ready.
    for (auto signal : {&ContactStore::contactsAdded, &ContactStore::contactsChanged, &ContactStore::contactsTrashed,
                        &ContactStore::contactsRestored, &ContactStore::contactsPurged, &ContactStore::contactsMerged}) {
        connect(store, signal, this, &ContactListModel::dropTagCache);
        connect(store, signal, &m_warmTimer, qOverload<>(&QTimer::start));
    }
    connect(store, &ContactStore::externalChange, this, &ContactListModel::dropTagCache);
    connect(store, &ContactStore::externalChange, &m_warmTimer, qOverload<>(&QTimer::start));
    connect(store, &ContactStore::tagsChanged, this, &ContactListModel::dropTagCache);
    connect(&m_scan, &QFutureWatcher<AnchorScan>::finished, this, &ContactListModel::onScanFinished);
    connect(&m_filterScan, &QFutureWatcher<FilterScan>::finished, this, &ContactListModel::onFilterScanFinished);
    connect(store, &ContactStore::contactsAdded, this, [this](const QList<qint64>& ids) {
        if (!m_query.trash)
            insertContacts(ids);
    });
    connect(store, &ContactStore::contactsChanged, this, &ContactListModel::updateContacts);
    connect(store, &ContactStore::contactsTrashed, this, [this](const QList<qint64>& ids) {
        m_query.trash ? insertContacts(ids) : removeContacts(ids);
    });
    connect(store, &ContactStore::contactsRestored, this, [this](const QList<qint64>& ids) {
        m_query.trash ? removeContacts(ids) : insertContacts(ids);
    });
    connect(store, &ContactStore::contactsPurged, this, [this](const QList<qint64>& ids) {
        if (m_query.trash)
            removeContacts(ids);
    });
    connect(store, &ContactStore::contactsMerged, this, [this](const QList<qint64>& ids) {
        if (!m_query.trash)
            removeContacts(ids);
    });
    connect(store, &ContactStore::externalChange, this, &ContactListModel::refresh);

    m_searchPool.setMaxThreadCount(1);
    m_searchPool.setExpiryTimeout(-1);
    m_searchState = std::make_shared<SearchThreadState>();
    m_searchState->path = store->database().path();
    m_searchState->busyTimeoutMs = store->database().busyTimeoutMs();
    // The warm-up (a million contacts take a few seconds of that thread, in short steps).
    m_warmTimer.setSingleShot(true);
    m_warmTimer.setInterval(500);
    connect(&m_warmTimer, &QTimer::timeout, this, [this] {
        m_searchState->warmFor = m_changeGeneration;
        if (!m_searchState->warming.exchange(true))
            warmStep(this, m_searchState);
    });
    m_warmTimer.start();
    reset();
}

// One step of the warm-up on the search thread, then the next one queued behind whatever search
// came in meanwhile: a keystroke waits for one step (one doclist walk), not for the whole warm-up.
// The last step reads the tags snapshot for the list's Tags column.
void ContactListModel::warmStep(ContactListModel* model, const std::shared_ptr<SearchThreadState>& state)
{
    model->m_searchPool.start([model, state] {
        if (state->stopping)
            return;
        const quint64 changes = state->warmFor;
        QSqlDatabase db = state->database();
        // A failure is only a missed warm-up: the next search reads what it needs itself and
        // reports what went wrong, pages keep reading tags from SQL.
        auto more = db.isValid() ? state->quick.prepareStep(db) : Result<bool>(false);
        if (more && *more) {
            warmStep(model, state);
            return;
        }
        if (auto tags = db.isValid() ? ContactTagCache::load(db) : Result<std::shared_ptr<const ContactTagCache>>(nullptr);
            tags && *tags) {
            // Taken only if no change was reported since the warm-up was asked for: a change
            // committed after this snapshot was read is reported after that, too. (The model
            // outlives this task: its destructor waits for the search thread.)
            QMetaObject::invokeMethod(
                model, [model, changes, cache = std::move(*tags)] {
                    if (changes == model->m_changeGeneration)
                        model->m_tagCache = cache;
                },
                Qt::QueuedConnection);
        }
        state->warming = false;
        // Asked again since this step began: go on (unless another chain started in between).
        if (state->warmFor != changes && !state->warming.exchange(true))
            warmStep(model, state);
    });
}

ContactListModel::~ContactListModel()
{
    m_searchState->stopping = true;
    m_scan.waitForFinished();
    // The search connection is closed in the thread that opened it, after what is queued there
    // (a filter scan included); only then may the pool end its thread. No QFuture::waitForFinished
    // on this pool: it runs a task that has not started yet in the waiting thread.
    auto state = m_searchState;
    QSemaphore closed;
    m_searchPool.start([state, &closed] {
        state->connection.reset();
        closed.release();
    });
    closed.acquire();
    m_filterScan.waitForFinished(); // finished by now: the pool runs its tasks in order
    m_searchPool.waitForDone();
}

void ContactListModel::waitForSearchThread()
{
    QSemaphore done;
    m_searchPool.start([&done] { done.release(); });
    done.acquire();
}

void ContactListModel::waitForWarmUp()
{
    do
        waitForSearchThread();
    while (m_searchState->warming);
}

void ContactListModel::setQuery(const ContactListQuery& query)
{
    if (query == m_query)
        return;
    beginResetModel();
    m_query = query;
    reset();
    endResetModel();
    Q_EMIT countChanged(m_count);
}

void ContactListModel::setTrash(bool trash)
{
    ContactListQuery q = m_query;
    q.trash = trash;
    setQuery(q);
}

void ContactListModel::setSearchText(const QString& text)
{
    ContactListQuery q = m_query;
    q.searchText = text;
    setQuery(q);
}

void ContactListModel::setImportRunFilter(qint64 runId)
{
    ContactListQuery q = m_query;
    q.filter.importRunId = runId;
    setQuery(q);
}

void ContactListModel::setFilter(const ContactFilter& filter)
{
    ContactListQuery q = m_query;
    q.filter = filter;
    setQuery(q);
}

void ContactListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount
        || !ContactListQuery::isSortable(static_cast<ContactListQuery::SortColumn>(column)))
        return;
    ContactListQuery q = m_query;
    q.sortColumn = static_cast<ContactListQuery::SortColumn>(column);
    q.descending = order == Qt::DescendingOrder;
    setQuery(q);
}

void ContactListModel::refresh()
{
    beginResetModel();
    reset();
    endResetModel();
    Q_EMIT countChanged(m_count);
}

void ContactListModel::reset()
{
    ++m_generation;
    m_blocks.clear();
    m_matches = {};
    if (isFiltered()) {
        m_count = 0;
        m_anchors = {Anchor{}};
        m_anchorsComplete = true;
        startFilterScan();
        return;
    }
    // Prepare both page statements now: planning the keyset query costs more than running it,
    // and the first deep jump should not pay for it. (Those for the other source of tags are
    // prepared when first used.)
    for (auto& statements : m_pageQuery)
        for (auto& statement : statements)
            statement.reset();
    for (int afterAnchor = 0; afterAnchor < 2; ++afterAnchor)
        pageStatement(afterAnchor == 1);
    m_anchors = {Anchor{}};
    m_anchorsComplete = false;
    m_count = 0;
    QSqlQuery q = prepared(m_store->database().connection(), m_query.countSql(), m_query.countBinds());
    if (q.exec() && q.next()) {
        m_count = q.value(0).toInt();
    } else {
        m_lastError = Sql::errorFrom(q.lastError(), QStringLiteral("count contacts")).toString();
        qWarning("ContactListModel: %s", qPrintable(m_lastError));
    }
    if (m_count <= BlockSize)
        m_anchorsComplete = true;
    else
        startAnchorScan();
}

void ContactListModel::startAnchorScan()
{
    if (m_scan.isRunning())
        return; // onScanFinished() notices the generation moved on and scans again
    const QString path = m_store->database().path();
    const int busy = m_store->database().busyTimeoutMs();
    const ContactListQuery query = m_query;
    const quint64 generation = m_generation;
    m_scan.setFuture(QtConcurrent::run([path, busy, query, generation]() {
        AnchorScan scan;
        scan.generation = generation;
        ScopedConnection connection(path, QStringLiteral("anchors"), busy);
        if (!connection.status())
            return scan;
        QSqlDatabase db = connection.database();
        {
            // One read transaction: the anchors and the count come from the same snapshot.
            QSqlQuery begin(db);
            begin.exec(QStringLiteral("BEGIN"));
            QSqlQuery q = prepared(db, query.anchorSql(), query.anchorBinds(BlockSize));
            if (!q.exec())
                return scan;
            scan.anchors.append(Anchor{});
            while (q.next())
                scan.anchors.append(Anchor{q.value(0), q.value(1).toLongLong(), q.value(2).toInt()});
            QSqlQuery count = prepared(db, query.countSql(), query.countBinds());
            if (!count.exec() || !count.next())
                return scan;
            scan.count = count.value(0).toInt();
            count.finish();
            begin.exec(QStringLiteral("COMMIT"));
            // The last anchor would start an empty block: drop it.
            if (scan.anchors.size() > 1 && scan.anchors.last().row >= scan.count)
                scan.anchors.removeLast();
            scan.ok = true;
        }
        return scan;
    }));
}

void ContactListModel::startFilterScan()
{
    if (m_filterScan.isRunning()) {
        m_refreshWhenScanned = true; // onFilterScanFinished() sees the old generation and runs again
        return;
    }
    auto state = m_searchState;
    const ContactListQuery query = m_query;
    const quint64 generation = m_generation;
    const SearchMatches previous = m_matches;
    m_scanPending = true;
    m_filterScan.setFuture(QtConcurrent::run(&m_searchPool, [state, query, generation, previous]() {
        FilterScan scan;
        scan.generation = generation;
        QSqlDatabase db = state->database();
        if (!db.isValid())
            return scan;
        if (QuickSearch::handles(query, db)) {
            auto matches = state->quick.find(db, query);
            if (!matches)
                return scan;
            scan.matches = std::move(*matches);
        } else {
            QSqlQuery q = prepared(db, query.idsSql(), query.whereBinds());
            if (!q.exec())
                return scan;
            QVector<qint64> ids;
            while (q.next())
                ids.append(q.value(0).toLongLong());
            scan.matches = SearchMatches(std::move(ids));
        }
        // Compared here, off the UI thread (half a million ids after a change of the store).
        scan.unchanged = scan.matches.sameAs(previous);
        scan.ok = true;
        return scan;
    }));
}

void ContactListModel::onFilterScanFinished()
{
    m_scanPending = false; // set again if this result is stale and another scan starts
    const FilterScan scan = m_filterScan.result();
    if (scan.generation != m_generation || m_refreshWhenScanned) {
        m_refreshWhenScanned = false;
        if (isFiltered())
            startFilterScan();
        else
            Q_EMIT searchFinished(); // the list stopped filtering while this scan ran
        return;
    }
    if (!scan.ok) {
        m_lastError = tr("the search could not be run");
        Q_EMIT searchFinished();
        return;
    }
    // (Compared against the matches the list had when the scan began, which it still has: any
    // change of the query moves the generation.)
    if (scan.unchanged) {
        // A store change that left the matches as they were: just show fresh values.
        m_blocks.clear();
        if (m_count > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
    } else if (m_matches.isEmpty()) {
        beginInsertRows({}, 0, int(scan.matches.size()) - 1);
        m_matches = scan.matches;
        m_count = int(m_matches.size());
        m_blocks.clear();
        endInsertRows();
    } else {
        beginResetModel();
        m_matches = scan.matches;
        m_count = int(m_matches.size());
        m_blocks.clear();
        endResetModel();
    }
    Q_EMIT countChanged(m_count);
    Q_EMIT searchFinished();
}

bool ContactListModel::loadFilteredBlock(int block) const
{
    const int start = block * BlockSize;
    const int end = std::min(m_count, start + BlockSize);
    QVariantList binds;
    for (int i = start; i < end; ++i)
        binds.append(m_matches.at(i));
    const auto tagCache = m_tagCache;
    QSqlQuery q = prepared(m_store->database().connection(),
                           ContactListQuery::rowsByIdSql(int(binds.size()), tagSource(tagCache)), binds);
    if (!q.exec()) {
        m_lastError = Sql::errorFrom(q.lastError(), QStringLiteral("contact rows")).toString();
        return false;
    }
    QHash<qint64, Row> byId;
    while (q.next()) {
        Row r = rowFrom(q);
        if (tagCache)
            r.tags = tagCache->tagsOf(r.id);
        byId.insert(r.id, r);
    }
    Block b;
    for (int i = start; i < end; ++i) {
        const qint64 id = m_matches.at(i);
        b.rows.append(byId.value(id, Row{id, {}, tr("(deleted)"), {}, {}, {}, {}, {}, 0}));
    }
    b.lastUsed = ++m_useCounter;
    m_blocks.insert(block, std::move(b));
    evictBlocks();
    return true;
}

void ContactListModel::onScanFinished()
{
    const AnchorScan scan = m_scan.result();
    if (scan.generation != m_generation) {
        if (!m_anchorsComplete)
            startAnchorScan();
        return;
    }
    if (!scan.ok || scan.count != m_count)
        return; // changed behind our back (another program): the next refresh scans again
    m_anchors = scan.anchors;
    m_anchorsComplete = true;
    m_blocks.clear();
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
    Q_EMIT anchorsReady();
}

int ContactListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ContactListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ContactListModel::blockEnd(int block) const
{
    if (block + 1 < m_anchors.size())
        return m_anchors[block + 1].row;
    if (m_anchorsComplete)
        return m_count;
    return std::min(m_count, m_anchors[block].row + BlockSize);
}

int ContactListModel::blockOfRow(int row) const
{
    // The last block whose first row is <= row (empty blocks share a start; the last one wins).
    auto it = std::upper_bound(m_anchors.cbegin(), m_anchors.cend(), row,
                               [](int r, const Anchor& a) { return r < a.row; });
    return int(it - m_anchors.cbegin()) - 1;
}

int ContactListModel::blockOfKey(const QVariant& key, qint64 id) const
{
    // The last block whose anchor sorts before (key, id); block 0 has no anchor.
    const bool numeric = m_query.keyIsNumeric();
    const bool desc = m_query.descending;
    int lo = 1;
    int hi = int(m_anchors.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        int c = compareKeys(m_anchors[mid].key, m_anchors[mid].id, key, id, numeric);
        if (desc)
            c = -c;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

bool ContactListModel::loadBlock(int block) const
{
    const Anchor anchor = m_anchors[block];
    const int start = anchor.row;
    const int limit = blockEnd(block) - start;
    const bool afterAnchor = block > 0;
    const auto tagCache = m_tagCache;
    QSqlQuery& q = pageStatement(afterAnchor);
    for (const QVariant& v : m_query.pageBinds(anchor.key, anchor.id, afterAnchor, std::max(limit, 0)))
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = Sql::errorFrom(q.lastError(), QStringLiteral("contact page")).toString();
        qWarning("ContactListModel: %s", qPrintable(m_lastError));
        return false;
    }
    Block b;
    b.rows.reserve(limit);
    while (q.next()) {
        b.rows.append(rowFrom(q));
        if (tagCache)
            b.rows.last().tags = tagCache->tagsOf(b.rows.last().id);
    }
    q.finish(); // release the read snapshot so the WAL can be checkpointed
    b.lastUsed = ++m_useCounter;
    // Learn the next block's anchor from the last row while walking past the known ones.
    if (block == m_anchors.size() - 1 && !m_anchorsComplete && b.rows.size() == limit && start + limit < m_count)
        m_anchors.append(Anchor{b.rows.last().key, b.rows.last().id, start + limit});
    m_blocks.insert(block, std::move(b));
    evictBlocks();
    return true;
}

ContactListQuery::Tags ContactListModel::tagSource(const std::shared_ptr<const ContactTagCache>& cache)
{
    return cache ? ContactListQuery::Tags::Empty : ContactListQuery::Tags::Read;
}

QSqlQuery& ContactListModel::pageStatement(bool afterAnchor) const
{
    const ContactListQuery::Tags tags = tagSource(m_tagCache);
    auto& statement = m_pageQuery[tags == ContactListQuery::Tags::Empty ? 1 : 0][afterAnchor ? 1 : 0];
    if (!statement) {
        statement = std::make_unique<QSqlQuery>(m_store->database().connection());
        statement->setForwardOnly(true);
        statement->prepare(m_query.pageSql(afterAnchor, tags));
    }
    return *statement;
}

void ContactListModel::dropTagCache()
{
    ++m_changeGeneration;
    m_tagCache.reset();
}

void ContactListModel::evictBlocks() const
{
    while (m_blocks.size() > MaxCachedBlocks) {
        auto oldest = m_blocks.begin();
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it)
            if (it->lastUsed < oldest->lastUsed)
                oldest = it;
        m_blocks.erase(oldest);
    }
}

const ContactListModel::Row* ContactListModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    if (isFiltered()) {
        const int block = row / BlockSize;
        auto it = m_blocks.find(block);
        if (it == m_blocks.end()) {
            if (!loadFilteredBlock(block))
                return nullptr;
            it = m_blocks.find(block);
        }
        it->lastUsed = ++m_useCounter;
        const int offset = row - block * BlockSize;
        return offset < it->rows.size() ? &it->rows[offset] : nullptr;
    }
    if (!m_anchorsComplete) {
        const Anchor& last = m_anchors.last();
        if (row >= last.row + BlockSize) {
            const int blocksAway = (row - last.row) / BlockSize;
            if (blocksAway > SyncWalkBlocks)
                return nullptr; // shown as loading until the anchor scan lands
            while (!m_anchorsComplete && row >= m_anchors.last().row + BlockSize) {
                const int before = int(m_anchors.size());
                if (!loadBlock(before - 1) || m_anchors.size() == before)
                    return nullptr;
            }
        }
    }
    const int block = blockOfRow(row);
    auto it = m_blocks.find(block);
    if (it == m_blocks.end()) {
        if (!loadBlock(block))
            return nullptr;
        it = m_blocks.find(block);
    }
    it->lastUsed = ++m_useCounter;
    const int offset = row - m_anchors[block].row;
    if (offset < 0 || offset >= it->rows.size())
        return nullptr;
    return &it->rows[offset];
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != ContactIdRole)
        return {};
    const Row* r = rowAt(index.row());
    if (!r)
        return role == Qt::DisplayRole && index.column() == NameColumn ? QVariant(tr("Loading…")) : QVariant();
    if (role == ContactIdRole)
        return r->id;
    switch (index.column()) {
    case NameColumn: return r->displayName;
    case EmailColumn: return r->email;
    case PhoneColumn: return r->phone;
    case CompanyColumn: return r->company;
    case TagsColumn: return r->tags;
    case SourceColumn: return r->source;
    case UpdatedColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r->updatedAt).toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case PhoneColumn: return tr("Phone");
    case CompanyColumn: return tr("Company");
    case TagsColumn: return tr("Tags");
    case SourceColumn: return tr("Source");
    case UpdatedColumn: return tr("Updated");
    }
    return {};
}

qint64 ContactListModel::contactId(int row) const
{
    const Row* r = rowAt(row);
    return r ? r->id : 0;
}

bool ContactListModel::readRow(qint64 id, Row* row) const
{
    QSqlQuery q = prepared(m_store->database().connection(), m_query.rowSql(), m_query.rowBinds(id));
    if (!q.exec() || !q.next())
        return false;
    *row = rowFrom(q);
    return true;
}

int ContactListModel::cachedRow(qint64 id, Row* row) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows[i].id == id) {
                if (row)
                    *row = it->rows[i];
                return m_anchors[it.key()].row + i;
            }
        }
    }
    return -1;
}

int ContactListModel::positionOf(const QVariant& key, qint64 id) const
{
    // The anchor's row plus the rows between the anchor and (key, id): a count inside one block
    // once the anchors are complete.
    const int block = blockOfKey(key, id);
    const Anchor& anchor = m_anchors[block];
    const bool afterAnchor = block > 0;
    QSqlQuery q = prepared(m_store->database().connection(), m_query.countBetweenSql(afterAnchor),
                           m_query.countBetweenBinds(anchor.key, anchor.id, afterAnchor, key, id));
    if (!q.exec() || !q.next())
        return -1;
    return anchor.row + q.value(0).toInt();
}

int ContactListModel::rowOf(qint64 id) const
{
    if (isFiltered())
        return int(m_matches.indexOf(id));
    const int cached = cachedRow(id);
    if (cached >= 0)
        return cached;
    Row r;
    if (!readRow(id, &r))
        return -1;
    return positionOf(r.key, r.id);
}

void ContactListModel::shiftAnchors(int afterBlock, int delta)
{
    for (int b = afterBlock + 1; b < m_anchors.size(); ++b)
        m_anchors[b].row += delta;
}

void ContactListModel::structuralChange()
{
    ++m_generation;
    m_blocks.clear();
    if (!m_anchorsComplete && m_count > BlockSize)
        startAnchorScan();
}

void ContactListModel::insertContacts(const QList<qint64>& ids)
{
    if (isFiltered()) {
        startFilterScan(); // matches may have changed; the result arrives as a diff, not a reset
        return;
    }
    // The store already holds the whole batch, so rows of a batch cannot be announced one by one
    // without the model reading a state between them that never existed: a batch re-queries.
    if (ids.size() > 1)
        return refresh();
    for (qint64 id : ids) {
        Row r;
        if (!readRow(id, &r) || cachedRow(id) >= 0)
            continue;
        const int pos = positionOf(r.key, r.id);
        if (pos < 0)
            continue;
        beginInsertRows({}, pos, pos);
        // Views may read rows (and so learn anchors) in rowsAboutToBeInserted: find the block now.
        ++m_count;
        shiftAnchors(blockOfKey(r.key, r.id), +1);
        structuralChange();
        if (m_count <= BlockSize)
            m_anchorsComplete = true;
        endInsertRows();
    }
    Q_EMIT countChanged(m_count);
}

void ContactListModel::removeContacts(const QList<qint64>& ids)
{
    if (isFiltered()) {
        startFilterScan(); // matches may have changed; the result arrives as a diff, not a reset
        return;
    }
    if (ids.size() > 1)
        return refresh();
    for (qint64 id : ids) {
        Row cached;
        int pos = cachedRow(id, &cached);
        QVariant key = cached.key;
        if (pos < 0) {
            QSqlQuery q = prepared(m_store->database().connection(), m_query.keySql(), {id});
            if (!q.exec() || !q.next())
                return refresh(); // gone for good and not loaded: its place is unknown
            key = q.value(0);
            Row inList;
            if (readRow(id, &inList))
                continue; // still passes the filter: nothing to remove
            if (!m_query.countFromCounter())
                return refresh(); // under a search we cannot tell whether it was listed
            pos = positionOf(key, id); // rows strictly before it: the place it had
            if (pos < 0 || pos >= m_count)
                continue;
        }
        beginRemoveRows({}, pos, pos);
        --m_count;
        shiftAnchors(blockOfKey(key, id), -1);
        structuralChange();
        endRemoveRows();
    }
    Q_EMIT countChanged(m_count);
}

void ContactListModel::updateContacts(const QList<qint64>& ids)
{
    if (isFiltered()) {
        startFilterScan(); // matches may have changed; the result arrives as a diff, not a reset
        return;
    }
    if (ids.size() > 1)
        return refresh(); // a moved row would make the others' places unknowable, as above
    for (qint64 id : ids) {
        Row old;
        const int oldPos = cachedRow(id, &old);
        Row now;
        const bool matches = readRow(id, &now);
        if (oldPos < 0) {
            // Not loaded, so its old key (and place) is unknown: its sort key may have changed
            // or, under a filter, it may have just started to match. Re-query to stay exact.
            return refresh();
        }
        if (!matches) {
            removeContacts({id});
            continue;
        }
        if (compareKeys(old.key, id, now.key, id, m_query.keyIsNumeric()) == 0) {
            // Same place: refresh the row's block and say which row changed.
            m_blocks.remove(blockOfRow(oldPos));
            Q_EMIT dataChanged(index(oldPos, 0), index(oldPos, ColumnCount - 1));
            continue;
        }
        // The sort key changed: take the row out of the index arithmetic, find its new place.
        const QVector<Anchor> before = m_anchors;
        shiftAnchors(blockOfKey(old.key, id), -1);
        const int newPos = positionOf(now.key, id);
        m_anchors = before;
        if (newPos == oldPos || newPos < 0) {
            m_blocks.clear();
            Q_EMIT dataChanged(index(oldPos, 0), index(oldPos, ColumnCount - 1));
            continue;
        }
        const int destination = newPos > oldPos ? newPos + 1 : newPos;
        beginMoveRows({}, oldPos, oldPos, {}, destination);
        shiftAnchors(blockOfKey(old.key, id), -1);
        shiftAnchors(blockOfKey(now.key, id), +1);
        structuralChange();
        endMoveRows();
        Q_EMIT dataChanged(index(newPos, 0), index(newPos, ColumnCount - 1));
    }
}

} // namespace ContactDesk
