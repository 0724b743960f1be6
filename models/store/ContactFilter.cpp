#include "ContactFilter.h"

namespace ContactDesk {

namespace {

QStringList cleanTags(const QStringList& tags)
{
    QStringList out;
    for (const QString& t : tags) {
        const QString key = ContactFilter::tagKey(t);
        if (!key.isEmpty() && !out.contains(key))
            out.append(key);
    }
    return out;
}

// contact ids carrying the tag named by the next bind (the tag's id comes from its unique name index).
const char* tagIds = "SELECT contact_id FROM contact_tags WHERE tag_id = (SELECT id FROM tags WHERE name_norm = ?)";

QString tagSet(int count, const char* op)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts.append(QString::fromLatin1(tagIds));
    return parts.join(QLatin1Char(' ') + QString::fromLatin1(op) + QLatin1Char(' '));
}

void addRange(QString& sql, QVariantList* binds, const char* column, const TimeRange& range)
{
    if (range.from != 0) {
        sql += QStringLiteral(" AND %1 >= ?").arg(QLatin1String(column));
        if (binds)
            binds->append(range.from);
    }
    if (range.to != 0) {
        sql += QStringLiteral(" AND %1 < ?").arg(QLatin1String(column));
        if (binds)
            binds->append(range.to);
    }
}

} // namespace

QString ContactFilter::tagKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

bool ContactFilter::isEmpty() const
{
    return sql().isEmpty();
}

namespace {

// Both the text and the binds come from one walk over the criteria, so they cannot disagree.
QString build(const ContactFilter& f, QVariantList* binds)
{
    QString sql;
    auto equals = [&sql, binds](const char* column, const QVariant& value) {
        sql += QStringLiteral(" AND %1 = ?").arg(QLatin1String(column));
        if (binds)
            binds->append(value);
    };
    if (!f.source.trimmed().isEmpty())
        equals("source", f.source.trimmed());
    if (f.importRunId > 0)
        equals("import_run_id", f.importRunId);
    if (!f.status.trimmed().isEmpty())
        equals("status", f.status.trimmed());
    if (!f.owner.trimmed().isEmpty())
        equals("owner", f.owner.trimmed());
    if (!f.type.trimmed().isEmpty())
        equals("type", f.type.trimmed());

    const QStringList all = cleanTags(f.allTags);
    const QStringList any = cleanTags(f.anyTags);
    const QStringList none = cleanTags(f.noneTags);
    if (!all.isEmpty())
        sql += QStringLiteral(" AND id IN (%1)").arg(tagSet(int(all.size()), "INTERSECT"));
    if (!any.isEmpty())
        sql += QStringLiteral(" AND id IN (%1)").arg(tagSet(int(any.size()), "UNION"));
    if (!none.isEmpty())
        sql += QStringLiteral(" AND id NOT IN (%1)").arg(tagSet(int(none.size()), "UNION"));
    if (binds) {
        for (const QStringList* list : {&all, &any, &none})
            for (const QString& t : *list)
                binds->append(t);
    }

    addRange(sql, binds, "created_at", f.created);
    addRange(sql, binds, "updated_at", f.updated);
    addRange(sql, binds, "last_touch", f.lastTouch);
    addRange(sql, binds, "next_touch", f.nextTouch);

    // sort_key is ICU-folded to lower-case ASCII, last name first: a range on its index.
    const QString letter = f.letter.trimmed().toLower();
    if (letter == QLatin1String("#")) {
        sql += QStringLiteral(" AND (sort_key < 'a' OR sort_key >= '{')");
    } else if (letter.size() == 1 && letter.front() >= QLatin1Char('a') && letter.front() <= QLatin1Char('z')) {
        sql += QStringLiteral(" AND sort_key >= ? AND sort_key < ?");
        if (binds)
            *binds << letter << QString(QChar(letter.front().unicode() + 1));
    }

    if (!f.fieldKey.trimmed().isEmpty()) {
        // contact_fields(field_id, value) is indexed: one range read.
        sql += QStringLiteral(" AND id IN (SELECT contact_id FROM contact_fields WHERE field_id = "
                              "(SELECT id FROM field_definitions WHERE key = ?) AND value = ?)");
        if (binds)
            *binds << f.fieldKey.trimmed() << f.fieldValue.trimmed();
    }
    return sql;
}

} // namespace

QString ContactFilter::sql() const
{
    return build(*this, nullptr);
}

QVariantList ContactFilter::binds() const
{
    QVariantList binds;
    build(*this, &binds);
    return binds;
}

bool ContactFilter::operator==(const ContactFilter& o) const
{
    return source == o.source && importRunId == o.importRunId && allTags == o.allTags && anyTags == o.anyTags
        && noneTags == o.noneTags && status == o.status && owner == o.owner && type == o.type && created == o.created
        && updated == o.updated && lastTouch == o.lastTouch && nextTouch == o.nextTouch && letter == o.letter
        && fieldKey == o.fieldKey && fieldValue == o.fieldValue;
}

} // namespace ContactDesk
