#pragma once
// Which contact field each CSV column feeds. suggest() recognises the seeds' columns (name,
// email, phone, tags), Google Contacts, Outlook and LinkedIn exports; the user confirms or
// changes it in the wizard, and it can be saved as JSON (the seeds' "mappings" shape:
// {"E-mail 2 Address": {"attribute_type": "email", "label": "work", "index": 1}}).

#include "domain/Contact.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ContactDesk {

struct ColumnTarget
{
    enum class Kind { Skip, FullName, Field, Email, Phone, EmailLabel, PhoneLabel, Tags, Notes, Custom };

    Kind kind = Kind::Skip;
    ContactField field = ContactField::FirstName; // for Kind::Field
    QString label;                                // email/phone label; custom field key for Kind::Custom
    int index = -1;                               // pairs a "Phone 1 - Label" column with "Phone 1 - Value"

    // "first_name", "email", "phone", "tags", "skip", "custom:<key>", ...
    QString name() const;
    static ColumnTarget fromName(const QString& name, const QString& label = {}, int index = -1);
    static QStringList allNames(); // for the wizard's combo boxes
    bool operator==(const ColumnTarget& o) const
    {
        return kind == o.kind && (kind != Kind::Field || field == o.field) && label == o.label && index == o.index;
    }
};

class ColumnMapping
{
public:
    ColumnMapping() = default;
    explicit ColumnMapping(QList<ColumnTarget> targets) : m_targets(std::move(targets)) {}

    static ColumnMapping suggest(const QStringList& header);
    // Maps still-skipped columns whose key matches an existing custom field ("Any custom-field
    // key you've defined", seeds 002).
    void useCustomFields(const QStringList& header, const QStringList& existingKeys);
    // "Shoe size" -> "shoe_size": the key a new custom field gets from its column.
    static QString customKeyFor(const QString& header);
    // How many columns of a header a suggestion recognises (finds LinkedIn's real header row).
    static int recognisedColumns(const QStringList& header);

    const QList<ColumnTarget>& targets() const { return m_targets; }
    ColumnTarget target(int column) const { return m_targets.value(column); }
    void setTarget(int column, const ColumnTarget& target);
    int size() const { return int(m_targets.size()); }
    bool mapsEmailOrPhone() const;

    QJsonObject toJson(const QStringList& header) const;
    static Result<ColumnMapping> fromJson(const QJsonObject& json, const QStringList& header);

private:
    QList<ColumnTarget> m_targets;
};

} // namespace ContactDesk
