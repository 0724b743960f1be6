#pragma once
// Every tag with the number of live contacts carrying it; feeds the tag completer on the profile.
// Tags are few, so it holds them all: names come from the tags table at once, the counts (a scan of
// every contact's tags) from a worker thread and arrive as dataChanged.

#include "store/ContactRepository.h"

#include <QAbstractListModel>
#include <QFutureWatcher>
#include <QHash>

namespace ContactDesk {

class ContactStore;

class TagListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { TagIdRole = Qt::UserRole + 1, CountRole, NameRole };

    explicit TagListModel(ContactStore* store, QObject* parent = nullptr);
    ~TagListModel() override;
    bool isCounting() const { return m_counting; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QStringList names() const;
    void reload();

private:
    void countsArrived();

    ContactStore* m_store;
    QList<TagInfo> m_tags;
    QFutureWatcher<QHash<qint64, int>> m_counts;
    bool m_counting = false;
    bool m_countAgain = false;
};

} // namespace ContactDesk
