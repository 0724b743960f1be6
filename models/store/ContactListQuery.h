#pragma once
// What the contact list shows (live contacts or the Trash, a search text, a ContactFilter) and in
// which order, turned into the SQL of keyset paging in one place. ContactListModel, the anchor and
// filter scans, export, bulk tag actions and the CLI use it rather than writing SQL elsewhere.

#include "ContactFilter.h"

#include <QString>
#include <QVariant>
#include <QVariantList>

namespace ContactDesk {

struct ContactListQuery
{
    // The list's columns in order; Tags is shown but not a sort order (tags live in contact_tags).
    enum class SortColumn { Name, Email, Phone, Company, Tags, Source, Updated };
    static bool isSortable(SortColumn column) { return column != SortColumn::Tags; }

    bool trash = false;
    QString searchText;
    ContactFilter filter; // source, tags, status, dates…: combined with the search text
    SortColumn sortColumn = SortColumn::Name;
    bool descending = false;

    QString keyColumn() const;
    bool keyIsNumeric() const { return sortColumn == SortColumn::Updated; }
    // The O(1) counter answers when nothing but the trash state filters.
    bool countFromCounter() const { return searchText.trimmed().isEmpty() && filter.isEmpty(); }

    // Whether a statement reads the tags column from contact_tags or leaves it empty for a
    // reader that has every contact's tags in memory (ContactTagCache).
    enum class Tags { Read, Empty };

    // Columns: id, key, display_name, primary_email, primary_phone, company, tags, source, updated_at
    QString pageSql(bool afterAnchor, Tags tags = Tags::Read) const;
    QVariantList pageBinds(const QVariant& anchorKey, qint64 anchorId, bool afterAnchor, int limit) const;
    QString countSql() const;
    QVariantList countBinds() const;
    // Rows after the anchor (when given) and strictly before (key, id): a position inside a block.
    QString countBetweenSql(bool afterAnchor) const;
    QVariantList countBetweenBinds(const QVariant& anchorKey, qint64 anchorId, bool afterAnchor, const QVariant& key,
                                   qint64 id) const;
    // (key, id, row number) of every blockSize-th row, for the background anchor scan.
    QString anchorSql() const;
    // One row by id, if it passes the filter; and the sort key of any contact.
    QString rowSql() const;
    QVariantList rowBinds(qint64 id) const;
    QString keySql() const;
    // Every matching id in list order (a filtered list keeps these, not rows), and one block of rows by id.
    QString idsSql() const;
    static QString rowsByIdSql(int count, Tags tags = Tags::Read);
    QVariantList anchorBinds(int blockSize) const;

    // The filter part of every statement above (no leading AND/WHERE) and its values; export and
    // later bulk actions reuse it so a list and what acts on it always agree.
    QString whereClause() const;
    QVariantList whereBinds() const;
    // "Kate 555" -> {"Kate", "555"}: the words of a search, each a prefix that must match.
    static QStringList searchWords(const QString& text);
    // "kate" -> "\"kate\"*": one word as an FTS5 prefix term.
    static QString ftsTerm(const QString& word);
    // The LIKE pattern (against ' ' || tags.name_norm) of tag names with a word starting with `word`.
    static QString tagWordPattern(const QString& word);
    // A contact's tag names, comma-separated in name order, as an SQL expression on its id.
    static QString tagsSql(const QString& contactId);

    bool operator==(const ContactListQuery& o) const
    {
        return trash == o.trash && searchText == o.searchText && filter == o.filter
            && sortColumn == o.sortColumn
            && descending == o.descending;
    }

};

// Orders two keys the way SQLite's BINARY collation does (numbers numerically, text by UTF-8 bytes).
int compareKeys(const QVariant& a, qint64 aId, const QVariant& b, qint64 bId, bool numeric);

} // namespace ContactDesk
