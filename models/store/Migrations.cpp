#include "Migrations.h"

#include "ContactRepository.h"
#include "Sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ContactDesk::Migrations {

namespace {

QList<Migration> build()
{
    QList<Migration> list;

    // Timestamps are UTC epoch milliseconds; text columns are NOT NULL with '' for "empty" so
    // keyset paging never has to order NULLs (which SQLite and PostgreSQL order differently).
    list.append({1, "core schema", {
        QStringLiteral(R"(CREATE TABLE import_runs (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            status TEXT NOT NULL DEFAULT 'running',
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL DEFAULT '',
            sort_key TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            job_title TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            birthday TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'manual',
            owner TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'unsubscribed', 'bounced', 'archived')),
            type TEXT NOT NULL DEFAULT 'lead' CHECK (type IN ('lead', 'customer', 'partner', 'employee')),
            external_id TEXT NOT NULL DEFAULT '',
            time_zone TEXT NOT NULL DEFAULT '',
            last_touch INTEGER,
            next_touch INTEGER,
            touch_frequency_days INTEGER,
            primary_email TEXT NOT NULL DEFAULT '',
            primary_phone TEXT NOT NULL DEFAULT '',
            tags_text TEXT NOT NULL DEFAULT '',
            import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER))"),
        QStringLiteral("CREATE INDEX contacts_live_sort ON contacts(sort_key, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_trash ON contacts(deleted_at, id) WHERE deleted_at IS NOT NULL"),
        QStringLiteral("CREATE INDEX contacts_external_id ON contacts(external_id) WHERE external_id <> ''"),
        // Uniqueness holds across live contacts only: `live` mirrors the owner's trash state, so a
        // partial unique index can carry the rule (PostgreSQL accepts the same index).
        QStringLiteral(R"(CREATE TABLE contact_emails (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            address TEXT NOT NULL,
            email_norm TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT 'work',
            is_primary INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            live INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral("CREATE UNIQUE INDEX contact_emails_unique_live ON contact_emails(email_norm) WHERE live = 1"),
        QStringLiteral("CREATE INDEX contact_emails_contact ON contact_emails(contact_id)"),
        QStringLiteral("CREATE INDEX contact_emails_norm ON contact_emails(email_norm)"),
        QStringLiteral(R"(CREATE TABLE contact_phones (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            number TEXT NOT NULL,
            e164 TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT 'mobile',
            is_primary INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            live INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral("CREATE UNIQUE INDEX contact_phones_unique_live ON contact_phones(e164) WHERE live = 1"),
        QStringLiteral("CREATE INDEX contact_phones_contact ON contact_phones(contact_id)"),
        QStringLiteral("CREATE INDEX contact_phones_e164 ON contact_phones(e164)"),
        QStringLiteral(R"(CREATE TABLE field_definitions (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'enum')),
            enum_values TEXT NOT NULL DEFAULT '[]',
            section TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE contact_fields (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            field_id INTEGER NOT NULL REFERENCES field_definitions(id) ON DELETE CASCADE,
            value TEXT NOT NULL,
            PRIMARY KEY (contact_id, field_id)))"),
        QStringLiteral("CREATE INDEX contact_fields_field ON contact_fields(field_id, value)"),
        QStringLiteral(R"(CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_norm TEXT NOT NULL UNIQUE,
            color TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (contact_id, tag_id)))"),
        QStringLiteral("CREATE INDEX contact_tags_tag ON contact_tags(tag_id, contact_id)"),
        QStringLiteral(R"(CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            author TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX notes_contact ON notes(contact_id, created_at)"),
        QStringLiteral(R"(CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT 'email',
            status TEXT NOT NULL DEFAULT 'draft',
            created_at INTEGER NOT NULL,
            archived_at INTEGER))"),
        QStringLiteral(R"(CREATE TABLE campaign_members (
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            delivery_status TEXT NOT NULL DEFAULT 'pending'
                CHECK (delivery_status IN ('pending', 'sent', 'opened', 'clicked', 'unsubscribed', 'bounced')),
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, contact_id)))"),
        QStringLiteral("CREATE INDEX campaign_members_contact ON campaign_members(contact_id)"),
        QStringLiteral(R"(CREATE TABLE merge_log (
            id INTEGER PRIMARY KEY,
            survivor_id INTEGER NOT NULL,
            merged_ids TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            undone_at INTEGER))"),
        QStringLiteral(R"(CREATE TABLE not_duplicates (
            contact_a INTEGER NOT NULL,
            contact_b INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (contact_a, contact_b),
            CHECK (contact_a < contact_b)))"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
    }});

    // Version 2: an index per sortable list column, so every sort pages by keyset, and a counter
    // of live and trashed contacts kept by triggers, so the list's row count costs O(1).
    list.append({2, "list sort indexes and contact counter", {
        QStringLiteral("CREATE INDEX contacts_live_email ON contacts(primary_email, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_phone ON contacts(primary_phone, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_company ON contacts(company, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_tags ON contacts(tags_text, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_source ON contacts(source, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_updated ON contacts(updated_at, id) WHERE deleted_at IS NULL"),
        QStringLiteral(R"(CREATE TABLE contact_counts (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            live INTEGER NOT NULL,
            trashed INTEGER NOT NULL))"),
        QStringLiteral(R"(INSERT INTO contact_counts (id, live, trashed) VALUES (1,
            (SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL),
            (SELECT COUNT(*) FROM contacts WHERE deleted_at IS NOT NULL)))"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN
            UPDATE contact_counts SET live = live + (NEW.deleted_at IS NULL),
                                      trashed = trashed + (NEW.deleted_at IS NOT NULL) WHERE id = 1;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN
            UPDATE contact_counts SET live = live - (OLD.deleted_at IS NULL),
                                      trashed = trashed - (OLD.deleted_at IS NOT NULL) WHERE id = 1;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_trash AFTER UPDATE OF deleted_at ON contacts
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            UPDATE contact_counts SET live = live + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL),
                                      trashed = trashed + (NEW.deleted_at IS NOT NULL) - (OLD.deleted_at IS NOT NULL)
                                  WHERE id = 1;
            END)"),
    }});
    // Version 3: what an import needs to be reviewed and reverted: the options of each run, the
    // contacts it added or updated (with their values before), and its problem rows.
    list.append({3, "import history, changes and problems", {
        QStringLiteral("ALTER TABLE import_runs ADD COLUMN policy TEXT NOT NULL DEFAULT 'create-update'"),
        QStringLiteral("ALTER TABLE import_runs ADD COLUMN encoding TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE import_runs ADD COLUMN reverted_at INTEGER"),
        QStringLiteral(R"(CREATE TABLE import_changes (
            run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('added', 'updated', 'note', 'tag', 'field')),
            item_id INTEGER NOT NULL,
            before TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (run_id, action, item_id)))"),
        QStringLiteral(R"(CREATE TABLE import_problems (
            run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('skipped', 'failed')),
            reason TEXT NOT NULL,
            fields TEXT NOT NULL DEFAULT '[]'))"),
        QStringLiteral("CREATE INDEX import_problems_run ON import_problems(run_id, line)"),
        QStringLiteral("CREATE INDEX contacts_import_run ON contacts(import_run_id, id) WHERE deleted_at IS NULL"),
        // The default (name) order reads its blocks from the index alone: 128 rows in a few adjacent
        // index pages instead of 128 scattered table lookups (deep pages 0.9 ms -> see BENCHMARKS.md).
        QStringLiteral("DROP INDEX contacts_live_sort"),
        QStringLiteral("CREATE INDEX contacts_live_sort ON contacts(sort_key, id, display_name, primary_email, "
                       "primary_phone, company, tags_text, source, updated_at) WHERE deleted_at IS NULL"),
    }});
    // Version 4: a full-text index over names (as typed and folded), emails, phone digits,
    // company, job title, tags and notes, for search as you type. A contact's row has its id as
    // rowid; the repository rewrites it with every change in the same transaction.
    list.append({4, "full-text search index", {
        QStringLiteral("CREATE VIRTUAL TABLE contact_search USING fts5(name, email, phone, company, title, tags, notes, "
                       "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM contact_search WHERE rowid = OLD.id;
            END)"),
    }, [](const QSqlDatabase& db) -> Status {
        ContactRepository repo(db, PhoneNormalizer());
        QSqlQuery ids(db);
        ids.setForwardOnly(true);
        if (!ids.exec(QStringLiteral("SELECT id FROM contacts ORDER BY id")))
            return Sql::errorFrom(ids.lastError(), QStringLiteral("migration 4"));
        QList<qint64> all;
        while (ids.next())
            all.append(ids.value(0).toLongLong());
        ids.finish();
        for (qint64 id : std::as_const(all))
            if (Status s = repo.refreshSearch(id); !s)
                return s;
        return {};
    }});
    // Version 5: merges that can be undone one by one or as the bulk merge they were part of, and
    // which contacts each merge touched (so an import revert can see a merge came after it).
    list.append({5, "merge history", {
        QStringLiteral(R"(CREATE TABLE merge_batches (
            id INTEGER PRIMARY KEY,
            created_at INTEGER NOT NULL,
            min_score REAL NOT NULL,
            policy TEXT NOT NULL,
            clusters INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("ALTER TABLE merge_log ADD COLUMN batch_id INTEGER REFERENCES merge_batches(id) ON DELETE CASCADE"),
        QStringLiteral("ALTER TABLE merge_log ADD COLUMN score REAL"),
        QStringLiteral("CREATE INDEX merge_log_batch ON merge_log(batch_id) WHERE batch_id IS NOT NULL"),
        QStringLiteral(R"(CREATE TABLE merge_contacts (
            merge_id INTEGER NOT NULL REFERENCES merge_log(id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL,
            PRIMARY KEY (merge_id, contact_id)))"),
        QStringLiteral("CREATE INDEX merge_contacts_contact ON merge_contacts(contact_id)"),
    }});
    // Version 6: saved lists. A smart list keeps a filter (ContactFilter as JSON) and a search
    // text and is evaluated whenever it is shown; a static list has members, each contact at most
    // once (the primary key), read as a range of that key by ContactFilter::listId. A purged
    // contact leaves every list (cascade); a trashed one stays a member and comes back with it.
    list.append({6, "smart and static lists", {
        QStringLiteral(R"(CREATE TABLE lists (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_norm TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('smart', 'static')),
            filter TEXT NOT NULL DEFAULT '{}',
            search_text TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE list_members (
            list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            added_at INTEGER NOT NULL,
            PRIMARY KEY (list_id, contact_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX list_members_contact ON list_members(contact_id, list_id)"),
    }});
    // Version 7: tags live only in contact_tags. The contact row no longer carries a tags_text
    // summary and the full-text row no longer has a tags column, so tagging 100,000 contacts
    // writes 100,000 small links instead of rewriting 100,000 rows, their covering-index entries
    // and their re-tokenised full-text rows (16.7 s -> see BENCHMARKS.md). The list reads a
    // page's tags from contact_tags; search matches tag names through the tags table.
    list.append({7, "tags only in contact_tags", {
        QStringLiteral("DROP INDEX contacts_live_tags"),
        QStringLiteral("DROP INDEX contacts_live_sort"),
        QStringLiteral("ALTER TABLE contacts DROP COLUMN tags_text"),
        QStringLiteral("CREATE INDEX contacts_live_sort ON contacts(sort_key, id, display_name, primary_email, "
                       "primary_phone, company, source, updated_at) WHERE deleted_at IS NULL"),
        QStringLiteral("DROP TRIGGER contacts_search_delete"),
        QStringLiteral("CREATE VIRTUAL TABLE contact_search_next USING fts5(name, email, phone, company, title, notes, "
                       "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"),
        QStringLiteral("INSERT INTO contact_search_next (rowid, name, email, phone, company, title, notes) "
                       "SELECT rowid, name, email, phone, company, title, notes FROM contact_search"),
        QStringLiteral("DROP TABLE contact_search"),
        QStringLiteral("ALTER TABLE contact_search_next RENAME TO contact_search"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM contact_search WHERE rowid = OLD.id;
            END)"),
    }});
    // Version 8: campaigns. A contact remembers when they unsubscribed (from any campaign), so a
    // new campaign skips them. A member row mirrors its contact's trash state in `live` (kept by a
    // trigger, whatever moves the contact), so the counts per delivery status are one grouped walk
    // of one index, with no lookup of 100,000 contacts; purge removes memberships (ON DELETE CASCADE).
    list.append({8, "campaign members: delivery counts, unsubscribed contacts", {
        QStringLiteral("ALTER TABLE contacts ADD COLUMN unsubscribed_at INTEGER"),
        QStringLiteral("ALTER TABLE campaign_members ADD COLUMN live INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral("UPDATE campaign_members SET live = 0 WHERE contact_id IN "
                       "(SELECT id FROM contacts WHERE deleted_at IS NOT NULL)"),
        QStringLiteral("CREATE INDEX campaign_members_status ON campaign_members(campaign_id, live, delivery_status, "
                       "contact_id)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_campaign_trash AFTER UPDATE OF deleted_at ON contacts
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            UPDATE campaign_members SET live = (NEW.deleted_at IS NULL) WHERE contact_id = NEW.id;
            END)"),
        // A rep who sets an unsubscribed contact's status back (they subscribed again) lifts the mark.
        QStringLiteral(R"(CREATE TRIGGER contacts_resubscribe AFTER UPDATE OF status ON contacts
            WHEN OLD.status = 'unsubscribed' AND NEW.status <> 'unsubscribed' BEGIN
            UPDATE contacts SET unsubscribed_at = NULL WHERE id = NEW.id;
            END)"),
        QStringLiteral("UPDATE contacts SET unsubscribed_at = (SELECT MIN(m.updated_at) FROM campaign_members m "
                       "WHERE m.contact_id = contacts.id AND m.delivery_status = 'unsubscribed') "
                       "WHERE id IN (SELECT contact_id FROM campaign_members WHERE delivery_status = 'unsubscribed')"),
        QStringLiteral("CREATE INDEX contacts_unsubscribed ON contacts(id) "
                       "WHERE unsubscribed_at IS NOT NULL OR status = 'unsubscribed'"),
        QStringLiteral("CREATE INDEX campaigns_created ON campaigns(created_at, id)"),
    }});
    // Version 9: a bulk merge writes fewer pages (issue 4: 10,000 clusters in <= 10 s, see BENCHMARKS.md).
    // (1) contacts loses the UNIQUE index on uuid: nothing looks a contact up by uuid, a uuid is a
    // random version-4 id made once per contact (an undo puts back the same row), and the index cost
    // 10,458 of the 172,946 pages a 10,000-cluster merge wrote. SQLite cannot drop a column
    // constraint's index, so the table is rebuilt (same columns in the same order, same rowids),
    // then its indexes and triggers are made again as versions 1-8 left them.
    // (2) The undo information of a merge goes into typed tables, one per table a merge saves rows
    // of (merge_id, then that table's columns, untyped so every value is kept as stored), instead of
    // JSON text in merge_log.snapshot: no JSON to build on merge or to parse on undo. A table that
    // has no such table (or lacks a column) is still saved as JSON, so a table or column added later
    // without one here stays correct, only slower (ContactMerger).
    list.append(Migration{9, "contacts without the uuid index; typed merge undo rows", {
        QStringLiteral(R"(CREATE TABLE contacts_next (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL DEFAULT '',
            sort_key TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            job_title TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            birthday TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'manual',
            owner TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'unsubscribed', 'bounced', 'archived')),
            type TEXT NOT NULL DEFAULT 'lead' CHECK (type IN ('lead', 'customer', 'partner', 'employee')),
            external_id TEXT NOT NULL DEFAULT '',
            time_zone TEXT NOT NULL DEFAULT '',
            last_touch INTEGER,
            next_touch INTEGER,
            touch_frequency_days INTEGER,
            primary_email TEXT NOT NULL DEFAULT '',
            primary_phone TEXT NOT NULL DEFAULT '',
            import_run_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER,
            unsubscribed_at INTEGER))"),
        QStringLiteral("INSERT INTO contacts_next SELECT id, uuid, first_name, last_name, display_name, sort_key, company, "
                       "job_title, street, city, region, postal_code, country, birthday, source, owner, status, type, "
                       "external_id, time_zone, last_touch, next_touch, touch_frequency_days, primary_email, primary_phone, "
                       "import_run_id, created_at, updated_at, deleted_at, unsubscribed_at FROM contacts ORDER BY id"),
        QStringLiteral("DROP TABLE contacts"), // its indexes and triggers go with it; foreign keys are off
        QStringLiteral("ALTER TABLE contacts_next RENAME TO contacts"),
        QStringLiteral("CREATE INDEX contacts_trash ON contacts(deleted_at, id) WHERE deleted_at IS NOT NULL"),
        QStringLiteral("CREATE INDEX contacts_external_id ON contacts(external_id) WHERE external_id <> ''"),
        QStringLiteral("CREATE INDEX contacts_live_email ON contacts(primary_email, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_phone ON contacts(primary_phone, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_company ON contacts(company, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_source ON contacts(source, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_updated ON contacts(updated_at, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_import_run ON contacts(import_run_id, id) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_live_sort ON contacts(sort_key, id, display_name, primary_email, "
                       "primary_phone, company, source, updated_at) WHERE deleted_at IS NULL"),
        QStringLiteral("CREATE INDEX contacts_unsubscribed ON contacts(id) "
                       "WHERE unsubscribed_at IS NOT NULL OR status = 'unsubscribed'"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN
            UPDATE contact_counts SET live = live + (NEW.deleted_at IS NULL),
                                      trashed = trashed + (NEW.deleted_at IS NOT NULL) WHERE id = 1;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN
            UPDATE contact_counts SET live = live - (OLD.deleted_at IS NULL),
                                      trashed = trashed - (OLD.deleted_at IS NOT NULL) WHERE id = 1;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_count_trash AFTER UPDATE OF deleted_at ON contacts
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            UPDATE contact_counts SET live = live + (NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL),
                                      trashed = trashed + (NEW.deleted_at IS NOT NULL) - (OLD.deleted_at IS NOT NULL)
                                  WHERE id = 1;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM contact_search WHERE rowid = OLD.id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_campaign_trash AFTER UPDATE OF deleted_at ON contacts
            WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
            UPDATE campaign_members SET live = (NEW.deleted_at IS NULL) WHERE contact_id = NEW.id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_resubscribe AFTER UPDATE OF status ON contacts
            WHEN OLD.status = 'unsubscribed' AND NEW.status <> 'unsubscribed' BEGIN
            UPDATE contacts SET unsubscribed_at = NULL WHERE id = NEW.id;
            END)"),
        QStringLiteral("CREATE TABLE merge_saved_contacts (merge_id INTEGER NOT NULL REFERENCES merge_log(id) ON DELETE CASCADE, "
                       "id, uuid, first_name, last_name, display_name, sort_key, company, job_title, street, city, region, "
                       "postal_code, country, birthday, source, owner, status, type, external_id, time_zone, last_touch, "
                       "next_touch, touch_frequency_days, primary_email, primary_phone, import_run_id, created_at, "
                       "updated_at, deleted_at, unsubscribed_at)"),
        QStringLiteral("CREATE TABLE merge_saved_contact_emails (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, id, contact_id, address, email_norm, label, is_primary, position, live)"),
        QStringLiteral("CREATE TABLE merge_saved_contact_phones (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, id, contact_id, number, e164, label, is_primary, position, live)"),
        QStringLiteral("CREATE TABLE merge_saved_contact_fields (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, contact_id, field_id, value)"),
        QStringLiteral("CREATE TABLE merge_saved_contact_tags (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, contact_id, tag_id)"),
        // Notes stay where they are; a merge moves them, so only which contact each belonged to is kept.
        QStringLiteral("CREATE TABLE merge_saved_notes (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, id, contact_id)"),
        QStringLiteral("CREATE TABLE merge_saved_campaign_members (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, campaign_id, contact_id, delivery_status, updated_at, live)"),
        QStringLiteral("CREATE TABLE merge_saved_list_members (merge_id INTEGER NOT NULL REFERENCES merge_log(id) "
                       "ON DELETE CASCADE, list_id, contact_id, added_at)"),
        QStringLiteral("CREATE INDEX merge_saved_contacts_merge ON merge_saved_contacts(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_contact_emails_merge ON merge_saved_contact_emails(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_contact_phones_merge ON merge_saved_contact_phones(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_contact_fields_merge ON merge_saved_contact_fields(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_contact_tags_merge ON merge_saved_contact_tags(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_notes_merge ON merge_saved_notes(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_campaign_members_merge ON merge_saved_campaign_members(merge_id)"),
        QStringLiteral("CREATE INDEX merge_saved_list_members_merge ON merge_saved_list_members(merge_id)"),
    }, {}, true});
    return list;
}

} // namespace

const QList<Migration>& all()
{
    static const QList<Migration> migrations = build();
    return migrations;
}

int latestVersion()
{
    return all().last().version;
}

} // namespace ContactDesk::Migrations
