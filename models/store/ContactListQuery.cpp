#include "ContactListQuery.h"


namespace ContactDesk {

namespace {

// The list's columns; %1 is the sort key, %2 the page's tags (read from contact_tags, or left
// empty for a reader that has them from a ContactTagCache).
const char* columns = "id, %1, display_name, primary_email, primary_phone, company, %2, source, updated_at";

QString listColumns(const QString& key, ContactListQuery::Tags tags)
{
    return QString::fromLatin1(columns).arg(key, tags == ContactListQuery::Tags::Read
                                                     ? ContactListQuery::tagsSql(QStringLiteral("contacts.id"))
                                                     : QStringLiteral("''"));
}

// A search word also matches a contact through a tag with a word starting with it: "vip"
// finds every contact tagged "VIP customer". Tag names are few; their contacts come from the
// (tag_id, contact_id) index.
const char* tagWordMatch = "id IN (SELECT contact_id FROM contact_tags WHERE tag_id IN "
                           "(SELECT id FROM tags WHERE ' ' || name_norm LIKE ?))";

} // namespace

QString ContactListQuery::tagsSql(const QString& contactId)
{
    return QStringLiteral("COALESCE((SELECT group_concat(name, ', ') FROM (SELECT t.name FROM contact_tags ct "
                          "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = %1 ORDER BY t.name_norm)), '')")
        .arg(contactId);
}

QStringList ContactListQuery::searchWords(const QString& text)
{
    QStringList words;
    QString word;
    for (QChar c : text + QLatin1Char(' ')) {
        if (c.isLetterOrNumber() || c.isMark()) {
            word += c;
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    return words;
}

QString ContactListQuery::tagWordPattern(const QString& word)
{
    return QStringLiteral("% ") + ContactFilter::tagKey(word) + QLatin1Char('%');
}

QString ContactListQuery::keyColumn() const
{
    switch (sortColumn) {
    case SortColumn::Name: return QStringLiteral("sort_key");
    case SortColumn::Email: return QStringLiteral("primary_email");
    case SortColumn::Phone: return QStringLiteral("primary_phone");
    case SortColumn::Company: return QStringLiteral("company");
    case SortColumn::Source: return QStringLiteral("source");
    case SortColumn::Updated: return QStringLiteral("updated_at");
    case SortColumn::Tags: break; // not an order (isSortable): the name order stands in
    }
    return QStringLiteral("sort_key");
}

QString ContactListQuery::ftsTerm(const QString& word)
{
    return QLatin1Char('"') + word + QStringLiteral("\"*");
}

QString ContactListQuery::whereClause() const
{
    QString where = trash ? QStringLiteral("deleted_at IS NOT NULL") : QStringLiteral("deleted_at IS NULL");
    where += filter.sql();
    if (!searchText.trimmed().isEmpty()) {
        // Every word a prefix of a word of the full-text row (names, emails, phone digits,
        // company, job title, notes) or of a tag name; text with no word in it matches nothing.
        const QStringList words = searchWords(searchText);
        if (words.isEmpty())
            where += QStringLiteral(" AND 0");
        for (qsizetype i = 0; i < words.size(); ++i)
            where += QStringLiteral(" AND (id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?) OR %1)")
                         .arg(QLatin1String(tagWordMatch));
    }
    return where;
}

QVariantList ContactListQuery::whereBinds() const
{
    QVariantList binds = filter.binds();
    if (!searchText.trimmed().isEmpty()) {
        for (const QString& word : searchWords(searchText))
            binds << ftsTerm(word) << tagWordPattern(word);
    }
    return binds;
}

QString ContactListQuery::pageSql(bool afterAnchor, Tags tags) const
{
    const QString key = keyColumn();
    const QString dir = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QString sql = QStringLiteral("SELECT %1 FROM contacts WHERE %2").arg(listColumns(key, tags), whereClause());
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
        .arg(listColumns(keyColumn(), Tags::Read), whereClause());
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

QString ContactListQuery::rowsByIdSql(int count, Tags tags)
{
    QStringList marks;
    for (int i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("SELECT %1 FROM contacts WHERE id IN (%2)")
        .arg(listColumns(QStringLiteral("sort_key"), tags), marks.join(QLatin1Char(',')));
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
