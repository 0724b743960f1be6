#pragma once
// Value types for a contact and its parts, shared by the store, the item models, the CLI and
// the import/export jobs.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ContactDesk {

struct EmailAddress
{
    qint64 id = 0;
    QString address;
    QString label; // work, home, other
    bool primary = false;

    bool operator==(const EmailAddress& o) const
    {
        return address == o.address && label == o.label && primary == o.primary;
    }
};

struct PhoneNumber
{
    qint64 id = 0;
    QString number; // as the user typed it
    QString e164;   // filled by the store from libphonenumber
    QString label;  // mobile, work, home, other
    bool primary = false;

    bool operator==(const PhoneNumber& o) const
    {
        return number == o.number && label == o.label && primary == o.primary;
    }
};

struct Note
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString author;
    QString body;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The single-valued fields of a contact, by the column name the store uses.
enum class ContactField {
    FirstName,
    LastName,
    Company,
    JobTitle,
    Street,
    City,
    Region,
    PostalCode,
    Country,
    Birthday,
    Source,
    Owner,
    ContactStatus,
    Type,
    ExternalId,
    TimeZone,
};

struct Contact
{
    qint64 id = 0;
    QString uuid;
    QString firstName;
    QString lastName;
    QString company;
    QString jobTitle;
    QString street;
    QString city;
    QString region;
    QString postalCode;
    QString country;
    QDate birthday;
    QString source = QStringLiteral("manual");
    QString owner;
    QString status = QStringLiteral("active");
    QString type = QStringLiteral("lead");
    QString externalId;
    QString timeZone;
    QList<EmailAddress> emails;
    QList<PhoneNumber> phones;
    QStringList tags;
    QMap<QString, QString> customFields; // custom field key -> value (field_definitions.key)
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime deletedAt;

    QString displayName() const;
    QString primaryEmail() const;
    QString primaryPhone() const;
    QString field(ContactField f) const;
    void setField(ContactField f, const QString& value);
};

namespace Fields {
QString columnName(ContactField f);
QString label(ContactField f); // user-visible, translated
QList<ContactField> all();
QStringList sources();
QStringList statuses();
QStringList types();
QStringList emailLabels();
QStringList phoneLabels();
} // namespace Fields

} // namespace ContactDesk

Q_DECLARE_METATYPE(ContactDesk::Contact)
