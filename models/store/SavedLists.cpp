#include "SavedLists.h"

#include "Sql.h"

#include <QCoreApplication>

namespace ContactDesk {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SavedLists", text);
}

const char* columns = "id, name, kind, filter, search_text, created_at";

SavedList fromRow(const QSqlQuery& q)
{
    SavedList l;
    l.id = q.value(0).toLongLong();
    l.name = q.value(1).toString();
    l.kind = q.value(2).toString() == QLatin1String("static") ? SavedList::Kind::Static : SavedList::Kind::Smart;
    if (l.isSmart()) {
        l.filter = ContactFilter::fromJson(q.value(3).toString());
        l.searchText = q.value(4).toString();
    }
    l.createdAt = q.value(5).toLongLong();
    return l;
}

// A trimmed, non-empty name no other list has (`except` may keep its own).
Result<QString> checkName(const QSqlDatabase& db, const QString& name, qint64 except)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return Error{Error::Code::Invalid, tr("a list needs a name"), tr("List")};
    auto other = Sql::scalar(db, QStringLiteral("list name"),
                             QStringLiteral("SELECT name FROM lists WHERE name_norm = ? AND id <> ?"),
                             {SavedLists::nameKey(clean), except});
    if (!other)
        return other.error();
    if (other->isValid())
        return Error{Error::Code::Duplicate, tr("there is already a list \"%1\"").arg(other->toString()), tr("List")};
    return clean;
}

Result<qint64> insert(const QSqlDatabase& db, const QString& name, const char* kind, const QString& filter,
                      const QString& search)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus().error();
    auto clean = checkName(db, name, 0);
    if (!clean)
        return clean.error();
    auto q = Sql::run(db, QStringLiteral("insert list"),
                      QStringLiteral("INSERT INTO lists (name, name_norm, kind, filter, search_text, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {*clean, SavedLists::nameKey(*clean), QString::fromLatin1(kind), filter, Sql::text(search),
                       Sql::nowMs()});
    if (!q)
        return q.error();
    const qint64 id = q->lastInsertId().toLongLong();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

} // namespace

ContactFilter SavedList::shownFilter() const
{
    if (isSmart())
        return filter;
    ContactFilter f;
    f.listId = id;
    return f;
}

namespace SavedLists {

QString nameKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

Result<QList<SavedList>> all(const QSqlDatabase& db)
{
    auto q = Sql::run(db, QStringLiteral("all lists"),
                      QStringLiteral("SELECT %1 FROM lists ORDER BY kind = 'static', name_norm, id")
                          .arg(QLatin1String(columns)));
    if (!q)
        return q.error();
    QList<SavedList> lists;
    while (q->next())
        lists.append(fromRow(*q));
    return lists;
}

Result<SavedList> byId(const QSqlDatabase& db, qint64 id)
{
    auto q = Sql::run(db, QStringLiteral("list"), QStringLiteral("SELECT %1 FROM lists WHERE id = ?").arg(QLatin1String(columns)),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Code::NotFound, tr("list #%1 does not exist").arg(id), tr("List")};
    return fromRow(*q);
}

Result<SavedList> byName(const QSqlDatabase& db, const QString& name)
{
    auto q = Sql::run(db, QStringLiteral("list by name"),
                      QStringLiteral("SELECT %1 FROM lists WHERE name_norm = ?").arg(QLatin1String(columns)),
                      {nameKey(name)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Code::NotFound, tr("there is no list \"%1\"").arg(name.simplified()), tr("List")};
    return fromRow(*q);
}

Result<qint64> createSmart(const QSqlDatabase& db, const QString& name, const ContactFilter& filter,
                           const QString& searchText)
{
    return insert(db, name, "smart", filter.toJson(), searchText.trimmed());
}

Result<qint64> createStatic(const QSqlDatabase& db, const QString& name)
{
    return insert(db, name, "static", QStringLiteral("{}"), {});
}

Status rename(const QSqlDatabase& db, qint64 id, const QString& newName)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    if (auto list = byId(db, id); !list)
        return list.error();
    auto clean = checkName(db, newName, id);
    if (!clean)
        return clean.error();
    if (auto q = Sql::run(db, QStringLiteral("rename list"),
                          QStringLiteral("UPDATE lists SET name = ?, name_norm = ? WHERE id = ?"),
                          {*clean, nameKey(*clean), id});
        !q)
        return q.error();
    return tx.commit();
}

Status remove(const QSqlDatabase& db, qint64 id)
{
    Sql::TransactionGuard tx(db);
    if (!tx.beginStatus())
        return tx.beginStatus();
    auto q = Sql::run(db, QStringLiteral("delete list"), QStringLiteral("DELETE FROM lists WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{Error::Code::NotFound, tr("list #%1 does not exist").arg(id), tr("List")};
    return tx.commit();
}

} // namespace SavedLists

} // namespace ContactDesk
