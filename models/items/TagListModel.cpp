#include "TagListModel.h"

#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/TagCatalog.h"

#include <QtConcurrent/QtConcurrentRun>

namespace ContactDesk {

TagListModel::TagListModel(ContactStore* store, QObject* parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(store, &ContactStore::tagsChanged, this, &TagListModel::reload);
    connect(store, &ContactStore::externalChange, this, &TagListModel::reload);
    connect(&m_counts, &QFutureWatcher<QHash<qint64, int>>::finished, this, &TagListModel::countsArrived);
    reload();
}

TagListModel::~TagListModel()
{
    m_counts.waitForFinished();
}

void TagListModel::reload()
{
    // Names at once (the tags table only); the counts keep their last value until new ones arrive.
    QList<TagInfo> fresh;
    if (auto q = Sql::run(m_store->database().connection(), QStringLiteral("tag names"),
                          QStringLiteral("SELECT id, name, color FROM tags ORDER BY name_norm"))) {
        QHash<qint64, int> known;
        for (const TagInfo& t : std::as_const(m_tags))
            known.insert(t.id, t.contactCount);
        while (q->next())
            fresh.append(TagInfo{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                 known.value(q->value(0).toLongLong(), 0)});
    }
    if (m_counting) {
        m_countAgain = true;
    } else {
        m_counting = true;
        const QString path = m_store->database().path();
        m_counts.setFuture(QtConcurrent::run([path]() {
            QHash<qint64, int> counts;
            ScopedConnection connection(path, QStringLiteral("tag counts"));
            if (!connection.status())
                return counts;
            if (auto list = TagCatalog::list(connection.database()))
                for (const TagInfo& t : *list)
                    counts.insert(t.id, t.contactCount);
            return counts;
        }));
    }
    bool sameIds = fresh.size() == m_tags.size();
    for (int i = 0; sameIds && i < fresh.size(); ++i)
        sameIds = fresh[i].id == m_tags[i].id;
    if (sameIds) {
        m_tags = fresh;
        if (!m_tags.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_tags.size()) - 1));
        return;
    }
    beginResetModel();
    m_tags = fresh;
    endResetModel();
}

void TagListModel::countsArrived()
{
    m_counting = false;
    const QHash<qint64, int> counts = m_counts.result();
    for (TagInfo& t : m_tags)
        t.contactCount = counts.value(t.id, t.contactCount);
    if (!m_tags.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_tags.size()) - 1), {CountRole, Qt::ToolTipRole});
    if (m_countAgain) { // a change came in while counting
        m_countAgain = false;
        reload();
    }
}

int TagListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

QVariant TagListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagInfo& t = m_tags[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case NameRole: return t.name;
    case Qt::ToolTipRole: return tr("%n contact(s)", nullptr, t.contactCount);
    case TagIdRole: return t.id;
    case CountRole: return t.contactCount;
    }
    return {};
}

QStringList TagListModel::names() const
{
    QStringList list;
    for (const auto& t : m_tags)
        list.append(t.name);
    return list;
}

} // namespace ContactDesk
