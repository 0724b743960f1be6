#pragma once
// A table model whose rows load in the background and are swapped in when the load lands: the
// shared part of TagTableModel and CampaignTableModel (their counts grow with the contacts). A load
// reads on a connection of its own; a reload asked for while one runs follows it; fresh rows with
// the same ids in the same order change in place (selection and open editors stay), others reset
// the model (these tables hold dozens to hundreds of rows).

#include "store/ContactStore.h"
#include "store/Database.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace ContactDesk {

class BackgroundTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit BackgroundTableModel(ContactStore* store, QObject* parent = nullptr);

    bool isLoading() const { return m_loading; }
    // Re-reads in the background; a reload asked for while one runs follows it.
    virtual void reload() = 0;

Q_SIGNALS:
    void loaded();

protected:
    // `Load` holds the rows and an `error` text. Starts `read` on its own connection (named `name`)
    // unless a load runs already (then reload() follows it).
    template <typename Load>
    void startLoad(QFutureWatcher<Load>& watcher, const QString& name, const std::function<Load(const QSqlDatabase&)>& read)
    {
        if (m_loading) {
            m_reloadAgain = true;
            return;
        }
        m_loading = true;
        const QString path = m_store->database().path();
        const int busy = std::max(m_store->database().busyTimeoutMs(), 5000);
        watcher.setFuture(QtConcurrent::run([path, busy, name, read]() -> Load {
            ScopedConnection connection(path, name, busy);
            if (!connection.status()) {
                Load failed;
                failed.error = connection.status().error().toString();
                return failed;
            }
            return read(connection.database());
        }));
    }

    // Call when a load lands: false when its rows are stale (a newer load has started instead).
    bool landLoad();

    template <typename Row>
    void swapRows(QList<Row>& rows, const QList<Row>& fresh)
    {
        bool sameIds = fresh.size() == rows.size();
        for (qsizetype i = 0; sameIds && i < fresh.size(); ++i)
            sameIds = fresh[i].id == rows[i].id;
        if (sameIds) {
            rows = fresh;
            if (!rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(int(rows.size()) - 1, columnCount() - 1));
        } else {
            beginResetModel();
            rows = fresh;
            endResetModel();
        }
    }

    ContactStore* m_store;

private:
    bool m_loading = false;
    bool m_reloadAgain = false;
};

} // namespace ContactDesk
