#include "ContactJson.h"

#include <QJsonArray>

namespace ContactDesk::ContactJson {

QJsonObject toJson(const Contact& c)
{
    QJsonObject o;
    o[QStringLiteral("id")] = c.id;
    o[QStringLiteral("uuid")] = c.uuid;
    o[QStringLiteral("display_name")] = c.displayName();
    for (ContactField f : Fields::all())
        o[Fields::columnName(f)] = c.field(f);
    QJsonArray emails;
    for (const auto& e : c.emails)
        emails.append(QJsonObject{{QStringLiteral("id"), e.id},
                                  {QStringLiteral("address"), e.address},
                                  {QStringLiteral("label"), e.label},
                                  {QStringLiteral("primary"), e.primary}});
    o[QStringLiteral("emails")] = emails;
    QJsonArray phones;
    for (const auto& p : c.phones)
        phones.append(QJsonObject{{QStringLiteral("id"), p.id},
                                  {QStringLiteral("number"), p.number},
                                  {QStringLiteral("e164"), p.e164},
                                  {QStringLiteral("label"), p.label},
                                  {QStringLiteral("primary"), p.primary}});
    o[QStringLiteral("phones")] = phones;
    o[QStringLiteral("tags")] = QJsonArray::fromStringList(c.tags);
    QJsonObject custom;
    for (auto it = c.customFields.cbegin(); it != c.customFields.cend(); ++it)
        custom.insert(it.key(), it.value());
    o[QStringLiteral("custom_fields")] = custom;
    o[QStringLiteral("created_at")] = c.createdAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("updated_at")] = c.updatedAt.toString(Qt::ISODateWithMs);
    o[QStringLiteral("updated_at_ms")] = c.updatedAt.toMSecsSinceEpoch();
    o[QStringLiteral("created_at_ms")] = c.createdAt.toMSecsSinceEpoch();
    o[QStringLiteral("deleted_at")] = c.deletedAt.isValid() ? QJsonValue(c.deletedAt.toString(Qt::ISODateWithMs))
                                                            : QJsonValue();
    return o;
}

Contact fromJson(const QJsonObject& o)
{
    Contact c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.uuid = o.value(QStringLiteral("uuid")).toString();
    for (ContactField f : Fields::all())
        c.setField(f, o.value(Fields::columnName(f)).toString());
    for (const QJsonValue& v : o.value(QStringLiteral("emails")).toArray()) {
        const QJsonObject e = v.toObject();
        c.emails.append(EmailAddress{e.value(QStringLiteral("id")).toInteger(), e.value(QStringLiteral("address")).toString(),
                                     e.value(QStringLiteral("label")).toString(),
                                     e.value(QStringLiteral("primary")).toBool()});
    }
    for (const QJsonValue& v : o.value(QStringLiteral("phones")).toArray()) {
        const QJsonObject p = v.toObject();
        c.phones.append(PhoneNumber{p.value(QStringLiteral("id")).toInteger(), p.value(QStringLiteral("number")).toString(),
                                    p.value(QStringLiteral("e164")).toString(), p.value(QStringLiteral("label")).toString(),
                                    p.value(QStringLiteral("primary")).toBool()});
    }
    for (const QJsonValue& v : o.value(QStringLiteral("tags")).toArray())
        c.tags.append(v.toString());
    const QJsonObject custom = o.value(QStringLiteral("custom_fields")).toObject();
    for (auto it = custom.begin(); it != custom.end(); ++it)
        c.customFields.insert(it.key(), it.value().toString());
    c.updatedAt = QDateTime::fromMSecsSinceEpoch(o.value(QStringLiteral("updated_at_ms")).toInteger(), Qt::UTC);
    if (o.contains(QStringLiteral("created_at_ms")))
        c.createdAt = QDateTime::fromMSecsSinceEpoch(o.value(QStringLiteral("created_at_ms")).toInteger(), Qt::UTC);
    return c;
}

} // namespace ContactDesk::ContactJson
