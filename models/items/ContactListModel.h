#pragma once
// The contact list the list pane binds to. Rows come from SQL in blocks of BlockSize, each found
// by keyset on the sort column's index (never OFFSET), and at most MaxCachedBlocks blocks are
// held, so memory and the cost of any page do not grow with the number of contacts. Block
// boundaries ("anchors") are learned while scrolling and, for big lists, by a background scan on
// its own connection. Store changes become row inserts, removals, moves and dataChanged.
// A filtered list (search, import run) is found off the UI thread: a background query returns the
// matching ids in list order (8 bytes a match), the rows arrive as one insert, and blocks are then
// read by id. Those queries run on the model's own search thread with a connection that stays
// there; a plain search in name order is answered by QuickSearch, whose name order that thread
// keeps warm after store changes.

#include "store/ContactListQuery.h"
#include "store/SearchMatches.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QSqlQuery>
#include <QThreadPool>
#include <QTimer>
#include <QVector>

#include <memory>

namespace ContactDesk {

class ContactStore;
class ContactTagCache;
struct SearchThreadState;

class ContactListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, EmailColumn, PhoneColumn, CompanyColumn, TagsColumn, SourceColumn, UpdatedColumn, ColumnCount };
    enum Role { ContactIdRole = Qt::UserRole + 1 };
    static constexpr int BlockSize = 128;
    static constexpr int MaxCachedBlocks = 64;
    // Up to this many blocks past the known anchors are walked synchronously (each < 1 ms).
    static constexpr int SyncWalkBlocks = 16;

    explicit ContactListModel(ContactStore* store, QObject* parent = nullptr);
    ~ContactListModel() override;

    const ContactListQuery& query() const { return m_query; }
    void setQuery(const ContactListQuery& query);
    void setTrash(bool trash);
    void setSearchText(const QString& text);
    void setImportRunFilter(qint64 runId); // 0: every contact
    void setFilter(const ContactFilter& filter);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void refresh();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    qint64 contactId(int row) const;
    int rowOf(qint64 id) const; // -1 when the contact is not in this list
    bool anchorsComplete() const { return m_anchorsComplete; }
    bool isFiltered() const { return !m_query.countFromCounter(); }
    // True from the start of a filter scan until its rows are in the model (the watcher's
    // finished signal is handled), not only while the worker runs.
    bool isSearching() const { return m_filterScan.isRunning() || m_scanPending; }
    int cachedBlockCount() const { return int(m_blocks.size()); }
    // Whether pages take their tags from memory (a warm-up's snapshot, dropped on any change).
    bool hasTagCache() const { return m_tagCache != nullptr; }
    // Waits until the search thread has run what is queued for it (tests and benchmarks).
    void waitForSearchThread();
    // Waits until the background warm-up after the last change has finished (benchmarks); its
    // tags snapshot arrives with the next round of the event loop.
    void waitForWarmUp();
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void anchorsReady();
    void countChanged(int count);
    void searchFinished(); // a filtered list's matches have arrived

private:
    struct Row
    {
        qint64 id = 0;
        QVariant key;
        QString displayName, email, phone, company, tags, source;
        qint64 updatedAt = 0;
    };
    struct Anchor
    {
        QVariant key; // rows of this block sort after (key, id); block 0 has none
        qint64 id = 0;
        int row = 0;  // the block's first row
    };
    struct Block
    {
        QVector<Row> rows;
        quint64 lastUsed = 0;
    };
    struct FilterScan
    {
        SearchMatches matches;
        bool unchanged = false; // the same matches as the list had when the scan began
        quint64 generation = 0;
        bool ok = false;
    };
    struct AnchorScan
    {
        QVector<Anchor> anchors;
        int count = 0;
        quint64 generation = 0;
        bool ok = false;
    };

    static Row rowFrom(const QSqlQuery& query);
    void reset();
    void startAnchorScan();
    void onScanFinished();
    void startFilterScan();
    void onFilterScanFinished();
    bool loadFilteredBlock(int block) const;
    const Row* rowAt(int row) const;
    int blockOfRow(int row) const;
    int blockOfKey(const QVariant& key, qint64 id) const;
    int blockEnd(int block) const;
    bool loadBlock(int block) const;
    void evictBlocks() const;
    static ContactListQuery::Tags tagSource(const std::shared_ptr<const ContactTagCache>& cache);
    QSqlQuery& pageStatement(bool afterAnchor) const;
    void dropTagCache();
    static void warmStep(ContactListModel* model, const std::shared_ptr<SearchThreadState>& state);
    int positionOf(const QVariant& key, qint64 id) const;
    bool readRow(qint64 id, Row* row) const;
    int cachedRow(qint64 id, Row* row = nullptr) const;
    void shiftAnchors(int afterBlock, int delta);
    void structuralChange();

    void insertContacts(const QList<qint64>& ids);
    void removeContacts(const QList<qint64>& ids);
    void updateContacts(const QList<qint64>& ids);

    ContactStore* m_store;
    ContactListQuery m_query;
    int m_count = 0;
    mutable QVector<Anchor> m_anchors;
    mutable QHash<int, Block> m_blocks;
    mutable quint64 m_useCounter = 0;
    mutable QString m_lastError;
    bool m_anchorsComplete = false;
    quint64 m_generation = 0;
    QFutureWatcher<AnchorScan> m_scan;
    QFutureWatcher<FilterScan> m_filterScan;
    SearchMatches m_matches; // a filtered list's matches in order
    bool m_refreshWhenScanned = false;
    // Filter scans and QuickSearch run here: one thread that never expires, so its connection
    // stays in the thread that opened it. The state is only touched from that thread.
    QThreadPool m_searchPool;
    std::shared_ptr<SearchThreadState> m_searchState;
    QTimer m_warmTimer; // after store changes: bring QuickSearch's name order up to date
    bool m_scanPending = false;
    // The page statements, prepared once per query (preparing costs as much as running them):
    // [tags from the cache][after an anchor].
    mutable std::unique_ptr<QSqlQuery> m_pageQuery[2][2];
    // Every contact's tags, from the last warm-up; dropped on any change of the store.
    std::shared_ptr<const ContactTagCache> m_tagCache;
    quint64 m_changeGeneration = 0; // store changes seen: a warm-up's snapshot is taken only if none came since
};

} // namespace ContactDesk
