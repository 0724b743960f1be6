#include "Contact.h"

#include <QCoreApplication>

namespace ContactDesk {

namespace {
bool isEastAsian(const QString& text)
{
    if (text.isEmpty())
        return false;
    const QChar::Script script = text.front().script();
    return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana
        || script == QChar::Script_Hangul;
}
} // namespace

QString Contact::displayName() const
{
    // Chinese, Japanese and Korean names are written family name first, without a space.
    if (isEastAsian(lastName) && isEastAsian(firstName))
        return lastName + firstName;
    const QString name = QStringList{firstName, lastName}.join(QLatin1Char(' ')).trimmed();
    if (!name.isEmpty())
        return name;
    if (!company.isEmpty())
        return company;
    const QString email = primaryEmail();
    return email.isEmpty() ? primaryPhone() : email;
}

QString Contact::primaryEmail() const
{
    for (const auto& e : emails)
        if (e.primary)
            return e.address;
    return emails.isEmpty() ? QString() : emails.first().address;
}

QString Contact::primaryPhone() const
{
    for (const auto& p : phones)
        if (p.primary)
            return p.number;
    return phones.isEmpty() ? QString() : phones.first().number;
}

QString Contact::field(ContactField f) const
{
    switch (f) {
    case ContactField::FirstName: return firstName;
    case ContactField::LastName: return lastName;
    case ContactField::Company: return company;
    case ContactField::JobTitle: return jobTitle;
    case ContactField::Street: return street;
    case ContactField::City: return city;
    case ContactField::Region: return region;
    case ContactField::PostalCode: return postalCode;
    case ContactField::Country: return country;
    case ContactField::Birthday: return birthday.isValid() ? birthday.toString(Qt::ISODate) : QString();
    case ContactField::Source: return source;
    case ContactField::Owner: return owner;
    case ContactField::ContactStatus: return status;
    case ContactField::Type: return type;
    case ContactField::ExternalId: return externalId;
    case ContactField::TimeZone: return timeZone;
    }
    return {};
}

void Contact::setField(ContactField f, const QString& value)
{
    switch (f) {
    case ContactField::FirstName: firstName = value; break;
    case ContactField::LastName: lastName = value; break;
    case ContactField::Company: company = value; break;
    case ContactField::JobTitle: jobTitle = value; break;
    case ContactField::Street: street = value; break;
    case ContactField::City: city = value; break;
    case ContactField::Region: region = value; break;
    case ContactField::PostalCode: postalCode = value; break;
    case ContactField::Country: country = value; break;
    case ContactField::Birthday: birthday = QDate::fromString(value, Qt::ISODate); break;
    case ContactField::Source: source = value; break;
    case ContactField::Owner: owner = value; break;
    case ContactField::ContactStatus: status = value; break;
    case ContactField::Type: type = value; break;
    case ContactField::ExternalId: externalId = value; break;
    case ContactField::TimeZone: timeZone = value; break;
    }
}

namespace Fields {

QString columnName(ContactField f)
{
    switch (f) {
    case ContactField::FirstName: return QStringLiteral("first_name");
    case ContactField::LastName: return QStringLiteral("last_name");
    case ContactField::Company: return QStringLiteral("company");
    case ContactField::JobTitle: return QStringLiteral("job_title");
    case ContactField::Street: return QStringLiteral("street");
    case ContactField::City: return QStringLiteral("city");
    case ContactField::Region: return QStringLiteral("region");
    case ContactField::PostalCode: return QStringLiteral("postal_code");
    case ContactField::Country: return QStringLiteral("country");
    case ContactField::Birthday: return QStringLiteral("birthday");
    case ContactField::Source: return QStringLiteral("source");
    case ContactField::Owner: return QStringLiteral("owner");
    case ContactField::ContactStatus: return QStringLiteral("status");
    case ContactField::Type: return QStringLiteral("type");
    case ContactField::ExternalId: return QStringLiteral("external_id");
    case ContactField::TimeZone: return QStringLiteral("time_zone");
    }
    return {};
}

QString label(ContactField f)
{
    switch (f) {
    case ContactField::FirstName: return QCoreApplication::translate("Fields", "First name");
    case ContactField::LastName: return QCoreApplication::translate("Fields", "Last name");
    case ContactField::Company: return QCoreApplication::translate("Fields", "Company");
    case ContactField::JobTitle: return QCoreApplication::translate("Fields", "Job title");
    case ContactField::Street: return QCoreApplication::translate("Fields", "Street");
    case ContactField::City: return QCoreApplication::translate("Fields", "City");
    case ContactField::Region: return QCoreApplication::translate("Fields", "State / region");
    case ContactField::PostalCode: return QCoreApplication::translate("Fields", "Postal code");
    case ContactField::Country: return QCoreApplication::translate("Fields", "Country");
    case ContactField::Birthday: return QCoreApplication::translate("Fields", "Birthday");
    case ContactField::Source: return QCoreApplication::translate("Fields", "Source");
    case ContactField::Owner: return QCoreApplication::translate("Fields", "Owner");
    case ContactField::ContactStatus: return QCoreApplication::translate("Fields", "Status");
    case ContactField::Type: return QCoreApplication::translate("Fields", "Type");
    case ContactField::ExternalId: return QCoreApplication::translate("Fields", "External ID");
    case ContactField::TimeZone: return QCoreApplication::translate("Fields", "Time zone");
    }
    return {};
}

QList<ContactField> all()
{
    return {ContactField::FirstName, ContactField::LastName, ContactField::Company, ContactField::JobTitle,
            ContactField::Street, ContactField::City, ContactField::Region, ContactField::PostalCode,
            ContactField::Country, ContactField::Birthday, ContactField::Source, ContactField::Owner,
            ContactField::ContactStatus, ContactField::Type, ContactField::ExternalId, ContactField::TimeZone};
}

QStringList sources()
{
    return {QStringLiteral("manual"), QStringLiteral("csv"), QStringLiteral("vcard"), QStringLiteral("chat"),
            QStringLiteral("connected")};
}

QStringList statuses()
{
    return {QStringLiteral("active"), QStringLiteral("unsubscribed"), QStringLiteral("bounced"),
            QStringLiteral("archived")};
}

QStringList types()
{
    return {QStringLiteral("lead"), QStringLiteral("customer"), QStringLiteral("partner"), QStringLiteral("employee")};
}

QStringList emailLabels()
{
    return {QStringLiteral("work"), QStringLiteral("home"), QStringLiteral("other")};
}

QStringList phoneLabels()
{
    return {QStringLiteral("mobile"), QStringLiteral("work"), QStringLiteral("home"), QStringLiteral("other")};
}

} // namespace Fields
} // namespace ContactDesk
