#include "ColumnMapping.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace ContactDesk {

namespace {

using Kind = ColumnTarget::Kind;

QString normalizedHeader(const QString& header)
{
    QString out;
    for (QChar c : header.toLower())
        if (c.isLetterOrNumber())
            out += c;
    return out;
}

ColumnTarget fieldTarget(ContactField f)
{
    ColumnTarget t;
    t.kind = Kind::Field;
    t.field = f;
    return t;
}

ColumnTarget of(Kind kind, const QString& label = {}, int index = -1)
{
    ColumnTarget t;
    t.kind = kind;
    t.label = label;
    t.index = index;
    return t;
}

// Normalised header -> target, for the names the seeds and the common exports use.
const QHash<QString, ColumnTarget>& synonyms()
{
    static const QHash<QString, ColumnTarget> table = [] {
        QHash<QString, ColumnTarget> t;
        for (const char* n : {"name", "fullname", "contactname", "displayname"})
            t.insert(QString::fromLatin1(n), of(Kind::FullName));
        for (const char* n : {"firstname", "givenname", "first", "forename"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::FirstName));
        for (const char* n : {"lastname", "familyname", "surname", "last"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::LastName));
        for (const char* n : {"email", "emailaddress", "mail", "emailaddresses", "primaryemail", "workemail"})
            t.insert(QString::fromLatin1(n), of(Kind::Email, QStringLiteral("work"), 0));
        t.insert(QStringLiteral("homeemail"), of(Kind::Email, QStringLiteral("home"), 1));
        t.insert(QStringLiteral("email2address"), of(Kind::Email, QStringLiteral("other"), 1));
        t.insert(QStringLiteral("email3address"), of(Kind::Email, QStringLiteral("other"), 2));
        for (const char* n : {"phone", "phonenumber", "telephone", "tel", "primaryphone"})
            t.insert(QString::fromLatin1(n), of(Kind::Phone, QStringLiteral("work"), 0));
        for (const char* n : {"mobile", "mobilephone", "cell", "cellphone", "mobilenumber"})
            t.insert(QString::fromLatin1(n), of(Kind::Phone, QStringLiteral("mobile"), 10));
        t.insert(QStringLiteral("businessphone"), of(Kind::Phone, QStringLiteral("work"), 11));
        t.insert(QStringLiteral("businessphone2"), of(Kind::Phone, QStringLiteral("work"), 12));
        t.insert(QStringLiteral("homephone"), of(Kind::Phone, QStringLiteral("home"), 13));
        t.insert(QStringLiteral("homephone2"), of(Kind::Phone, QStringLiteral("home"), 14));
        t.insert(QStringLiteral("otherphone"), of(Kind::Phone, QStringLiteral("other"), 15));
        for (const char* n : {"company", "organization", "organisation", "organizationname", "organization1name",
                              "companyname", "account", "accountname", "employer"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::Company));
        for (const char* n : {"jobtitle", "title", "position", "role", "organizationtitle", "organization1title"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::JobTitle));
        for (const char* n : {"tags", "tag", "labels", "groupmembership", "categories", "groups"})
            t.insert(QString::fromLatin1(n), of(Kind::Tags));
        for (const char* n : {"notes", "note", "comments", "comment", "description"})
            t.insert(QString::fromLatin1(n), of(Kind::Notes));
        t.insert(QStringLiteral("source"), fieldTarget(ContactField::Source));
        t.insert(QStringLiteral("leadsource"), fieldTarget(ContactField::Source));
        t.insert(QStringLiteral("owner"), fieldTarget(ContactField::Owner));
        t.insert(QStringLiteral("status"), fieldTarget(ContactField::ContactStatus));
        t.insert(QStringLiteral("type"), fieldTarget(ContactField::Type));
        t.insert(QStringLiteral("contacttype"), fieldTarget(ContactField::Type));
        for (const char* n : {"externalid", "eid", "id", "crmid", "recordid"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::ExternalId));
        for (const char* n : {"birthday", "birthdate", "dateofbirth", "dob"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::Birthday));
        for (const char* n : {"street", "address", "addressline1", "businessstreet", "homestreet", "streetaddress",
                              "address1street"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::Street));
        for (const char* n : {"city", "town", "businesscity", "homecity", "address1city", "location"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::City));
        for (const char* n : {"state", "region", "province", "businessstate", "homestate", "address1region"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::Region));
        for (const char* n : {"postalcode", "zip", "zipcode", "postcode", "businesspostalcode", "homepostalcode",
                              "address1postalcode"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::PostalCode));
        for (const char* n : {"country", "businesscountryregion", "homecountryregion", "countryregion",
                              "address1country"})
            t.insert(QString::fromLatin1(n), fieldTarget(ContactField::Country));
        t.insert(QStringLiteral("timezone"), fieldTarget(ContactField::TimeZone));
        return t;
    }();
    return table;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("ColumnMapping", text);
}

} // namespace

QString ColumnTarget::name() const
{
    switch (kind) {
    case Kind::Skip: return QStringLiteral("skip");
    case Kind::FullName: return QStringLiteral("full_name");
    case Kind::Field: return Fields::columnName(field);
    case Kind::Email: return QStringLiteral("email");
    case Kind::Phone: return QStringLiteral("phone");
    case Kind::EmailLabel: return QStringLiteral("email_label");
    case Kind::PhoneLabel: return QStringLiteral("phone_label");
    case Kind::Tags: return QStringLiteral("tags");
    case Kind::Notes: return QStringLiteral("notes");
    case Kind::Custom: return QStringLiteral("custom:") + label;
    }
    return QStringLiteral("skip");
}

ColumnTarget ColumnTarget::fromName(const QString& name, const QString& label, int index)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("full_name") || n == QLatin1String("name"))
        return of(Kind::FullName);
    if (n == QLatin1String("email"))
        return of(Kind::Email, label.isEmpty() ? QStringLiteral("work") : label, index);
    if (n == QLatin1String("phone") || n == QLatin1String("phone_number"))
        return of(Kind::Phone, label.isEmpty() ? QStringLiteral("work") : label.toLower(), index);
    if (n == QLatin1String("email_label"))
        return of(Kind::EmailLabel, {}, index);
    if (n == QLatin1String("phone_label"))
        return of(Kind::PhoneLabel, {}, index);
    if (n == QLatin1String("tags"))
        return of(Kind::Tags);
    if (n == QLatin1String("notes"))
        return of(Kind::Notes);
    if (n.startsWith(QLatin1String("custom:")) && n.size() > 7)
        return of(Kind::Custom, name.trimmed().mid(7));
    if (n == QLatin1String("title"))
        return fieldTarget(ContactField::JobTitle);
    for (ContactField f : Fields::all())
        if (Fields::columnName(f) == n)
            return fieldTarget(f);
    return {};
}

QStringList ColumnTarget::allNames()
{
    QStringList names{QStringLiteral("skip"), QStringLiteral("full_name")};
    for (ContactField f : Fields::all())
        names.append(Fields::columnName(f));
    names << QStringLiteral("email") << QStringLiteral("phone") << QStringLiteral("email_label")
          << QStringLiteral("phone_label") << QStringLiteral("tags") << QStringLiteral("notes");
    return names;
}

ColumnMapping ColumnMapping::suggest(const QStringList& header)
{
    // Google: "E-mail 1 - Value", "E-mail 1 - Label" (or "- Type"), "Phone 2 - Value" ...
    static const QRegularExpression google(QStringLiteral("^(e-?mail|phone)\\s*(\\d+)\\s*-\\s*(value|label|type)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    QList<ColumnTarget> targets;
    for (const QString& raw : header) {
        const QString h = raw.trimmed();
        const auto m = google.match(h);
        if (m.hasMatch()) {
            const bool email = m.captured(1).toLower().startsWith(QLatin1Char('e'));
            const int index = m.captured(2).toInt() - 1;
            const bool value = m.captured(3).toLower() == QLatin1String("value");
            if (value)
                targets.append(of(email ? Kind::Email : Kind::Phone, email ? QStringLiteral("work") : QStringLiteral("work"),
                                  index));
            else
                targets.append(of(email ? Kind::EmailLabel : Kind::PhoneLabel, {}, index));
            continue;
        }
        targets.append(synonyms().value(normalizedHeader(h)));
    }
    // A full-name column is only needed when there are no first/last name columns.
    bool hasParts = false;
    for (const auto& t : targets)
        hasParts |= t.kind == Kind::Field && (t.field == ContactField::FirstName || t.field == ContactField::LastName);
    if (hasParts)
        for (auto& t : targets)
            if (t.kind == Kind::FullName)
                t = {};
    return ColumnMapping(targets);
}

QString ColumnMapping::customKeyFor(const QString& header)
{
    QString key;
    for (QChar c : header.trimmed().toLower())
        key += c.isLetterOrNumber() ? c : QLatin1Char('_');
    while (key.contains(QStringLiteral("__")))
        key.replace(QStringLiteral("__"), QStringLiteral("_"));
    while (key.startsWith(QLatin1Char('_')))
        key.remove(0, 1);
    while (key.endsWith(QLatin1Char('_')))
        key.chop(1);
    return key;
}

void ColumnMapping::useCustomFields(const QStringList& header, const QStringList& existingKeys)
{
    for (int i = 0; i < header.size(); ++i) {
        if (target(i).kind != Kind::Skip)
            continue;
        const QString key = customKeyFor(header[i]);
        if (!key.isEmpty() && existingKeys.contains(key))
            setTarget(i, of(Kind::Custom, key));
    }
}

int ColumnMapping::recognisedColumns(const QStringList& header)
{
    int n = 0;
    const ColumnMapping mapping = suggest(header); // keep it alive: targets() is a reference into it
    for (const auto& t : mapping.targets())
        n += t.kind != Kind::Skip;
    return n;
}

void ColumnMapping::setTarget(int column, const ColumnTarget& target)
{
    while (m_targets.size() <= column)
        m_targets.append(ColumnTarget{});
    m_targets[column] = target;
}

bool ColumnMapping::mapsEmailOrPhone() const
{
    for (const auto& t : m_targets)
        if (t.kind == Kind::Email || t.kind == Kind::Phone)
            return true;
    return false;
}

QJsonObject ColumnMapping::toJson(const QStringList& header) const
{
    QJsonObject mappings;
    for (int i = 0; i < header.size() && i < m_targets.size(); ++i) {
        const ColumnTarget& t = m_targets[i];
        QJsonObject o{{QStringLiteral("attribute_type"), t.name()}};
        if (!t.label.isEmpty() && t.kind != Kind::Custom)
            o.insert(QStringLiteral("label"), t.label);
        if (t.index >= 0)
            o.insert(QStringLiteral("index"), t.index);
        mappings.insert(header[i], o);
    }
    return QJsonObject{{QStringLiteral("mappings"), mappings}};
}

Result<ColumnMapping> ColumnMapping::fromJson(const QJsonObject& json, const QStringList& header)
{
    const QJsonObject mappings = json.contains(QStringLiteral("mappings")) ? json.value(QStringLiteral("mappings")).toObject()
                                                                           : json;
    QList<ColumnTarget> targets;
    for (const QString& h : header) {
        if (!mappings.contains(h)) {
            targets.append(ColumnTarget{});
            continue;
        }
        const QJsonValue v = mappings.value(h);
        QString name;
        QString label;
        int index = -1;
        if (v.isString()) {
            name = v.toString();
        } else {
            const QJsonObject o = v.toObject();
            name = o.value(QStringLiteral("attribute_type")).toString(o.value(QStringLiteral("field")).toString());
            label = o.value(QStringLiteral("label")).toString();
            index = o.value(QStringLiteral("index")).toInt(-1);
        }
        ColumnTarget t = ColumnTarget::fromName(name, label, index);
        if (t.kind == Kind::Skip && name != QLatin1String("skip") && !name.isEmpty())
            return Error{Error::Code::Invalid, tr("column \"%1\": \"%2\" is not a contact field").arg(h, name),
                         tr("mapping")};
        targets.append(t);
    }
    return ColumnMapping(targets);
}

} // namespace ContactDesk
