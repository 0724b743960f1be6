#include "ContactListQuery.h"


namespace ContactDesk {

namespace {

const char* columns = "id, %1, display_name, primary_email, primary_phone, company, tags_text, source, updated_at";

} // namespace

QString ContactListQuery::keyColumn() const
{
    switch (sortColumn) {
    case SortColumn::Name: return QStringLiteral("sort_key");
    case SortColumn::Email: return QStringLiteral("primary_email");
    case SortColumn::Phone: return QStringLiteral("primary_phone");
    case SortColumn::Company: return QStringLiteral("company");
    case SortColumn::Tags: return QStringLiteral("tags_text");
    case SortColumn::Source: return QStringLiteral("source");
    case SortColumn::Updated: return QStringLiteral("updated_at");
    }
    return QStringLiteral("sort_key");
}

QString ContactListQuery::ftsQuery(const QString& text)
{
    QStringList terms;
    QString word;
    for (QChar c : text + QLatin1Char(' ')) {
        if (c.isLetterOrNumber() || c.isMark()) {
            word += c;
        } else if (!word.isEmpty()) {
            terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
            word.clear();
        }
    }
    return terms.join(QLatin1Char(' '));
}

QString ContactListQuery::whereClause() const
{
    QString where = trash ? QStringLiteral("deleted_at IS NOT NULL") : QStringLiteral("deleted_at IS NULL");
    where += filter.sql();
    if (!searchText.trimmed().isEmpty()) {
        // Full-text search (FTS5 prefix queries) over names, emails, phone digits, company, job
        // title, tags and notes; text with no word in it matches nothing.
        where += ftsQuery(searchText).isEmpty()
                     ? QStringLiteral(" AND 0")
                     : QStringLiteral(" AND id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?)");
    }
    return where;
}

QVariantList ContactListQuery::whereBinds() const
{
    QVariantList binds = filter.binds();
    const QString fts = ftsQuery(searchText);
    if (!searchText.trimmed().isEmpty() && !fts.isEmpty())
        binds << fts;
    return binds;
}

QString ContactListQuery::pageSql(bool afterAnchor) const
{
    const QString key = keyColumn();
    const QString dir = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT %1 FROM contacts WHERE %2").arg(QString::fromLatin1(columns).arg(key), whereClause());
    if (afterAnchor)
        sql += QStringLiteral(" AND (%1, id) %2 (?, ?)").arg(key, descending ? QStringLiteral("<") : QStringLiteral(">"));
    sql += QStringLiteral(" ORDER BY %1 %2, id %2 LIMIT ?").arg(key, dir);
    return sql;
}

QVariantList ContactListQuery::pageBinds(const QVariant& anchorKey, qint64 anchorId, bool afterAnchor, int limit) const
{
    QVariantList binds = whereBinds();
    if (afterAnchor)
        binds << anchorKey << anchorId;
    binds << limit;
    return binds;
}

QString ContactListQuery::countSql() const
{
    if (countFromCounter())
        return trash ? QStringLiteral("SELECT trashed FROM contact_counts WHERE id = 1")
                     : QStringLiteral("SELECT live FROM contact_counts WHERE id = 1");
    return QStringLiteral("SELECT COUNT(*) FROM contacts WHERE %1").arg(whereClause());
}

QVariantList ContactListQuery::countBinds() const
{
    return whereBinds();
}

QString ContactListQuery::countBetweenSql(bool afterAnchor) const
{
    const QString key = keyColumn();
    const QString after = descending ? QStringLiteral("<") : QStringLiteral(">");
    const QString before = descending ? QStringLiteral(">") : QStringLiteral("<");
    QString sql = QStringLiteral("SELECT COUNT(*) FROM contacts WHERE %1").arg(whereClause());
    if (afterAnchor)
        sql += QStringLiteral(" AND (%1, id) %2 (?, ?)").arg(key, after);
    sql += QStringLiteral(" AND (%1, id) %2 (?, ?)").arg(key, before);
    return sql;
}

QVariantList ContactListQuery::countBetweenBinds(const QVariant& anchorKey, qint64 anchorId, bool afterAnchor,
                                                 const QVariant& key, qint64 id) const
{
    QVariantList binds = whereBinds();
    if (afterAnchor)
        binds << anchorKey << anchorId;
    binds << key << id;
    return binds;
}

QString ContactListQuery::anchorSql() const
{
    // SQLite numbers the rows in C and hands back one row in blockSize, so a scan of a million
    // contacts returns a few thousand rows to Qt.
    const QString key = keyColumn();
    const QString dir = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    return QStringLiteral("SELECT k, id, rn FROM (SELECT %1 AS k, id, ROW_NUMBER() OVER (ORDER BY %1 %2, id %2) AS rn "
                          "FROM contacts WHERE %3) WHERE rn % ? = 0 ORDER BY rn")
        .arg(key, dir, whereClause());
}

QString ContactListQuery::rowSql() const
{
    return QStringLiteral("SELECT %1 FROM contacts WHERE id = ? AND %2")
        .arg(QString::fromLatin1(columns).arg(keyColumn()), whereClause());
}

QVariantList ContactListQuery::rowBinds(qint64 id) const
{
    QVariantList binds{id};
    binds += whereBinds();
    return binds;
}

QString ContactListQuery::idsSql() const
{
    const QString dir = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    return QStringLiteral("SELECT id FROM contacts WHERE %1 ORDER BY %2 %3, id %3").arg(whereClause(), keyColumn(), dir);
}

QString ContactListQuery::rowsByIdSql(int count)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("SELECT %1 FROM contacts WHERE id IN (%2)")
        .arg(QString::fromLatin1(columns).arg(QStringLiteral("sort_key")), marks.join(QLatin1Char(',')));
}

QString ContactListQuery::keySql() const
{
    return QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(keyColumn());
}

QVariantList ContactListQuery::anchorBinds(int blockSize) const
{
    QVariantList binds = whereBinds();
    binds << blockSize;
    return binds;
}

int compareKeys(const QVariant& a, qint64 aId, const QVariant& b, qint64 bId, bool numeric)
{
    int c = 0;
    if (numeric) {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        c = x < y ? -1 : (x > y ? 1 : 0);
    } else {
        const QByteArray x = a.toString().toUtf8();
        const QByteArray y = b.toString().toUtf8();
        c = x < y ? -1 : (x > y ? 1 : 0);
    }
    if (c != 0)
        return c;
    return aId < bId ? -1 : (aId > bId ? 1 : 0);
}

} // namespace ContactDesk
