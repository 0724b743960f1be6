#pragma once
// Which contacts a rep wants to see or act on: source (or one import run), tags all-of / any-of /
// none-of, status, owner, type, created / updated / last-touch / next-touch ranges, the first
// letter of the sort name, one custom field's value and membership of a static list. Turned into SQL here only; the list, its
// count, the filtered id scan, export, bulk actions and the CLI all take it through
// ContactListQuery, so what a rep sees and what an action touches always agree.

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace ContactDesk {

// Epoch milliseconds, UTC: `from` inclusive, `to` exclusive; 0 leaves that end open.
struct TimeRange
{
    qint64 from = 0;
    qint64 to = 0;

    bool isEmpty() const { return from == 0 && to == 0; }
    bool operator==(const TimeRange& o) const { return from == o.from && to == o.to; }
    bool operator!=(const TimeRange& o) const { return !(*this == o); }
};

struct ContactFilter
{
    QString source;        // manual, csv, vcard, chat, connected; empty: any
    qint64 importRunId = 0; // only contacts this import created or last updated
    QStringList allTags;   // every one of these
    QStringList anyTags;   // at least one of these
    QStringList noneTags;  // none of these
    QString status;
    QString owner;
    QString type;
    TimeRange created;
    TimeRange updated;
    TimeRange lastTouch;
    TimeRange nextTouch;
    QString letter;        // "a".."z" (first letter of the sort name, last name first) or "#" for the rest
    QString fieldKey;      // a custom field's key, with fieldValue: that field equals that value
    QString fieldValue;
    qint64 listId = 0;     // only the members of this static list (lists / list_members)

    bool isEmpty() const;
    // " AND …" conditions on the contacts table (unqualified columns), or "" when empty; binds in order.
    // Tags are joins and unions on the contact_tags indexes (tag_id, contact_id) and (contact_id,
    // tag_id), driven by the tags' contacts, never a per-contact EXISTS over all contacts.
    QString sql() const;
    QVariantList binds() const;

    static QString tagKey(const QString& name); // how tags.name_norm spells a tag name

    // The filter as compact JSON (only the criteria that are set) and back, for smart lists.
    // Unknown keys are ignored, so a list saved by a newer version still opens.
    QString toJson() const;
    static ContactFilter fromJson(const QString& json);

    bool operator==(const ContactFilter& o) const;
    bool operator!=(const ContactFilter& o) const { return !(*this == o); }
};

} // namespace ContactDesk
