#include "ContactFilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

// The id of the tag named by the next bind, from the unique name index.
const char* tagId = "(SELECT id FROM tags WHERE name_norm = ?)";

// A UNION of the contact_tags_tag ranges of `count` tags.
QString tagUnion(int count)
{
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts.append(QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = %1").arg(QLatin1String(tagId)));
    return parts.join(QStringLiteral(" UNION "));
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
    auto bindTags = [binds](const QStringList& tags, qsizetype from) {
        if (binds)
            for (qsizetype i = from; i < tags.size(); ++i)
                binds->append(tags[i]);
    };
    if (!all.isEmpty()) {
        // All-of is a join on the tag index: the first tag's contacts (a range of contact_tags_tag),
        // each probed in the primary key (contact_id, tag_id) for the others; none-of tags are
        // anti-joins on the same key. 2 all-of + 1 none-of on 1M contacts: ~26 ms, where
        // INTERSECT / NOT IN temp b-trees take ~50 ms (docs/BENCHMARKS.md).
        QString sub = QStringLiteral("SELECT t0.contact_id FROM contact_tags t0");
        for (qsizetype i = 1; i < all.size(); ++i)
            sub += QStringLiteral(" JOIN contact_tags t%1 ON t%1.contact_id = t0.contact_id AND t%1.tag_id = %2")
                       .arg(i)
                       .arg(QLatin1String(tagId));
        for (qsizetype i = 0; i < none.size(); ++i)
            sub += QStringLiteral(" LEFT JOIN contact_tags n%1 ON n%1.contact_id = t0.contact_id AND n%1.tag_id = %2")
                       .arg(i)
                       .arg(QLatin1String(tagId));
        sub += QStringLiteral(" WHERE t0.tag_id = %1").arg(QLatin1String(tagId));
        for (qsizetype i = 0; i < none.size(); ++i)
            sub += QStringLiteral(" AND n%1.contact_id IS NULL").arg(i);
        sql += QStringLiteral(" AND id IN (%1)").arg(sub);
        bindTags(all, 1);
        bindTags(none, 0);
        bindTags(all.mid(0, 1), 0);
    }
    if (!any.isEmpty()) {
        sql += QStringLiteral(" AND id IN (%1)").arg(tagUnion(int(any.size())));
        bindTags(any, 0);
    }
    if (!none.isEmpty() && all.isEmpty()) {
        sql += QStringLiteral(" AND id NOT IN (%1)").arg(tagUnion(int(none.size())));
        bindTags(none, 0);
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

    if (f.listId > 0) {
        // A range of the list_members primary key (list_id, contact_id): the members drive it.
        sql += QStringLiteral(" AND id IN (SELECT contact_id FROM list_members WHERE list_id = ?)");
        if (binds)
            binds->append(f.listId);
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
        && fieldKey == o.fieldKey && fieldValue == o.fieldValue && listId == o.listId;
}

namespace {

void putText(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.trimmed().isEmpty())
        o.insert(QLatin1String(key), value);
}

void putTags(QJsonObject& o, const char* key, const QStringList& tags)
{
    if (!tags.isEmpty())
        o.insert(QLatin1String(key), QJsonArray::fromStringList(tags));
}

void putRange(QJsonObject& o, const char* key, const TimeRange& range)
{
    if (!range.isEmpty())
        o.insert(QLatin1String(key), QJsonArray{range.from, range.to});
}

QStringList tagsOf(const QJsonObject& o, const char* key)
{
    QStringList tags;
    for (const QJsonValue& v : o.value(QLatin1String(key)).toArray())
        if (v.isString())
            tags.append(v.toString());
    return tags;
}

TimeRange rangeOf(const QJsonObject& o, const char* key)
{
    const QJsonArray a = o.value(QLatin1String(key)).toArray();
    return a.size() == 2 ? TimeRange{a.at(0).toInteger(), a.at(1).toInteger()} : TimeRange{};
}

} // namespace

QString ContactFilter::toJson() const
{
    QJsonObject o;
    putText(o, "source", source);
    if (importRunId > 0)
        o.insert(QStringLiteral("importRun"), importRunId);
    putTags(o, "allTags", allTags);
    putTags(o, "anyTags", anyTags);
    putTags(o, "noneTags", noneTags);
    putText(o, "status", status);
    putText(o, "owner", owner);
    putText(o, "type", type);
    putRange(o, "created", created);
    putRange(o, "updated", updated);
    putRange(o, "lastTouch", lastTouch);
    putRange(o, "nextTouch", nextTouch);
    putText(o, "letter", letter);
    if (!fieldKey.trimmed().isEmpty())
        o.insert(QStringLiteral("field"), QJsonArray{fieldKey, fieldValue});
    if (listId > 0)
        o.insert(QStringLiteral("list"), listId);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

ContactFilter ContactFilter::fromJson(const QString& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    ContactFilter f;
    f.source = o.value(QStringLiteral("source")).toString();
    f.importRunId = o.value(QStringLiteral("importRun")).toInteger();
    f.allTags = tagsOf(o, "allTags");
    f.anyTags = tagsOf(o, "anyTags");
    f.noneTags = tagsOf(o, "noneTags");
    f.status = o.value(QStringLiteral("status")).toString();
    f.owner = o.value(QStringLiteral("owner")).toString();
    f.type = o.value(QStringLiteral("type")).toString();
    f.created = rangeOf(o, "created");
    f.updated = rangeOf(o, "updated");
    f.lastTouch = rangeOf(o, "lastTouch");
    f.nextTouch = rangeOf(o, "nextTouch");
    f.letter = o.value(QStringLiteral("letter")).toString();
    const QJsonArray field = o.value(QStringLiteral("field")).toArray();
    if (field.size() == 2) {
        f.fieldKey = field.at(0).toString();
        f.fieldValue = field.at(1).toString();
    }
    f.listId = o.value(QStringLiteral("list")).toInteger();
    return f;
}

} // namespace ContactDesk
