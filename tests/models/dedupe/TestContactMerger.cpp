// The contact merger on a real database file: the survivor keeps its id and gets everything the
// others had; merge + undo (single, bulk, per cluster) leaves a byte-identical dump; undo is
// refused with a clear message when it cannot be exact; a cancelled bulk merge changes nothing;
// the history names who was merged; the full-text index follows every step.

#include "TestSupport.h"
#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateFinder.h"
#include "domain/ContactJson.h"
#include "io/ImportJob.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace ContactDesk;

class TestContactMerger : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    std::unique_ptr<ContactMerger> m_merger;
    qint64 m_a = 0, m_b = 0, m_c = 0, m_d = 0, m_run = 0;

    QSqlDatabase db() { return m_temp->db().connection(); }
    QString dump() { return Test::dumpDatabase(db()); }

    qint64 create(const Contact& c)
    {
        auto id = m_repo->create(c);
        if (!id)
            qWarning("create failed: %s", qPrintable(id.error().toString()));
        return id ? *id : 0;
    }

    bool exec(const QString& sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql)) {
            qWarning("%s", qPrintable(sql));
            return false;
        }
        return true;
    }

    QList<qint64> ids(const QString& sql, const QVariantList& binds = {})
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant& v : binds)
            q.addBindValue(v);
        QList<qint64> out;
        if (!q.exec())
            return {-1};
        while (q.next())
            out.append(q.value(0).toLongLong());
        return out;
    }

    QList<qint64> search(const QString& match)
    {
        return ids(QStringLiteral("SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid"), {match});
    }

    QString membership(qint64 campaign, qint64 contact)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT delivery_status FROM campaign_members WHERE campaign_id = ? AND contact_id = ?"));
        q.addBindValue(campaign);
        q.addBindValue(contact);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    static QStringList emailsOf(const Contact& c)
    {
        QStringList out;
        for (const EmailAddress& e : c.emails)
            out.append(e.address);
        out.sort();
        return out;
    }

    static QStringList phonesOf(const Contact& c)
    {
        QStringList out;
        for (const PhoneNumber& p : c.phones)
            out.append(p.e164);
        out.sort();
        return out;
    }

    // A: the oldest record, B: a later duplicate with other data, C: an imported duplicate,
    // D: someone else. Each step at its own pinned time, so "most recent" is known.
    void seed()
    {
        Sql::setClockForTesting(1'600'000'000'000);
        Contact a = Test::makeContact(QStringLiteral("Jonathan"), QStringLiteral("Smith"), QStringLiteral("jon@acme.com"),
                                      QStringLiteral("(415) 555-3695"), QStringLiteral("Acme Corp."));
        a.emails.append(EmailAddress{0, QStringLiteral("jsmith@home.org"), QStringLiteral("home"), false});
        a.birthday = QDate(1980, 2, 3);
        a.tags = QStringList{QStringLiteral("vip")};
        m_a = create(a);
        QVERIFY(m_a > 0);
        QVERIFY(m_repo->addNote(m_a, QStringLiteral("rep"), QStringLiteral("met at the fair")));
        QVERIFY(m_repo->setCustomValue(m_a, QStringLiteral("shoe_size"), QStringLiteral("42")));

        Sql::setClockForTesting(1'600'000'100'000);
        Contact b = Test::makeContact(QStringLiteral("Jon"), QStringLiteral("Smith"), QStringLiteral("jon.smith@gmail.com"),
                                      QStringLiteral("(415) 555-0100"), QStringLiteral("ACME Inc"));
        b.jobTitle = QStringLiteral("Buyer");
        b.city = QStringLiteral("Boston");
        b.externalId = QStringLiteral("ERP-7");
        b.tags = QStringList{QStringLiteral("VIP"), QStringLiteral("lead")};
        m_b = create(b);
        QVERIFY(m_b > 0);
        QVERIFY(m_repo->addNote(m_b, QStringLiteral("rep"), QStringLiteral("called back")));
        QVERIFY(m_repo->setCustomValue(m_b, QStringLiteral("shoe_size"), QStringLiteral("43")));
        QVERIFY(m_repo->setCustomValue(m_b, QStringLiteral("region_code"), QStringLiteral("W")));

        Sql::setClockForTesting(1'600'000'200'000);
        const QString csv = m_temp->dir() + QStringLiteral("/c.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("first_name,last_name,email,phone,company,tags\n"
                    "J.,Smith,js@other.com,(617) 555-0199,Smith Consulting,imported\n");
        }
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = csv;
        const ImportSummary s = ImportJob::importFile(db(), request);
        QVERIFY(s.ok());
        QCOMPARE(s.added, 1);
        m_run = s.runId;
        m_c = *m_repo->findByEmail(QStringLiteral("js@other.com"));
        QVERIFY(m_c > 0);
        QCOMPARE(*m_repo->importRunOf(m_c), m_run);

        Sql::setClockForTesting(1'600'000'300'000);
        m_d = create(Test::makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@bell.com")));
        QVERIFY(m_d > 0);

        QVERIFY(exec(QStringLiteral("INSERT INTO campaigns (id, name, created_at) VALUES (1, 'Spring', 1), (2, 'Fall', 1), "
                                    "(3, 'Winter', 1)")));
        QVERIFY(exec(QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, updated_at) "
                                    "VALUES (1, %1, 'sent', 10), (1, %2, 'opened', 20), (2, %2, 'pending', 30), "
                                    "(2, %3, 'clicked', 40), (3, %4, 'bounced', 50)")
                         .arg(m_a)
                         .arg(m_b)
                         .arg(m_c)
                         .arg(m_d)));
        // Static lists: A and B both in Fair (B earlier), C alone in Golf.
        QVERIFY(exec(QStringLiteral("INSERT INTO lists (id, name, name_norm, kind, created_at) VALUES "
                                    "(1, 'Fair', 'fair', 'static', 1), (2, 'Golf', 'golf', 'static', 1)")));
        QVERIFY(exec(QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) "
                                    "VALUES (1, %1, 70), (1, %2, 60), (2, %3, 80)")
                         .arg(m_a)
                         .arg(m_b)
                         .arg(m_c)));
        Sql::setClockForTesting(1'600'000'400'000);
    }

    // Pairs and a triple the finder links, each with something to carry over.
    QList<qint64> plantClusters()
    {
        QList<qint64> out;
        auto add = [&](const QString& first, const QString& last, const QString& email) {
            const qint64 id = create(Test::makeContact(first, last, email));
            out.append(id);
            return id;
        };
        add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("p.novak@gmail.com"));
        const qint64 novak2 = add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("pnovak@gmail.com"));
        add(QStringLiteral("Robert"), QStringLiteral("Lindqvist"), QStringLiteral("robert.lindqvist@gmail.com"));
        const qint64 bob = add(QStringLiteral("Bob"), QStringLiteral("Lindqvist"), QStringLiteral("robertlindqvist+x@googlemail.com"));
        add(QStringLiteral("Ana"), QStringLiteral("Ferreira"), QStringLiteral("ana.ferreira@gmail.com"));
        add(QStringLiteral("Ana"), QStringLiteral("Ferreira"), QStringLiteral("anaferreira@gmail.com"));
        const qint64 ana3 = add(QStringLiteral("Ana"), QStringLiteral("Ferreira"), QStringLiteral("a.na.ferreira@gmail.com"));
        if (!m_repo->addNote(novak2, QStringLiteral("rep"), QStringLiteral("prefers phone")))
            qWarning("note failed");
        if (!m_repo->addTags({bob, ana3}, {QStringLiteral("golf")}))
            qWarning("tags failed");
        exec(QStringLiteral("INSERT INTO campaign_members (campaign_id, contact_id, delivery_status, updated_at) "
                            "VALUES (1, %1, 'unsubscribed', 60)")
                 .arg(bob));
        return out;
    }

    // A keeps its id, B and C are folded in; the company and the custom shoe size come from B.
    MergeRequest abcKeepingBsCompany() const
    {
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b, m_c};
        r.fieldFrom.insert(ContactField::Company, m_b);
        r.customFrom.insert(QStringLiteral("shoe_size"), m_b);
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(db(), PhoneNormalizer(QStringLiteral("US")));
        m_merger = std::make_unique<ContactMerger>(db(), PhoneNormalizer(QStringLiteral("US")));
        seed();
    }

    void cleanup()
    {
        Sql::setClockForTesting(0);
        m_merger.reset();
        m_repo.reset();
        m_temp.reset();
    }

    void mergeThenUndoRestoresTheDumpExactly()
    {
        const QString before = dump();
        MergeRequest r = abcKeepingBsCompany();
        r.score = 0.93;
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QVERIFY(dump() != before);
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);
        // Undone means gone from the history: it cannot be undone twice.
        auto again = m_merger->undo(*id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::NotFound);
        QCOMPARE(dump(), before);
        // The restored contacts are whole again, under their ids.
        auto b = m_repo->load(m_b);
        QVERIFY(b);
        QCOMPARE(b->firstName, QStringLiteral("Jon"));
        QCOMPARE(b->externalId, QStringLiteral("ERP-7"));
        QCOMPARE(b->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("43"));
        QCOMPARE(*m_repo->importRunOf(m_c), m_run);
        QCOMPARE(*m_repo->importRunOf(m_a), qint64(0));
    }

    void anUnsubscribeSurvivesTheMergeAndItsUndo()
    {
        // B unsubscribed from a campaign (the date is on the contact); A, the survivor, did not.
        QVERIFY(exec(QStringLiteral("UPDATE contacts SET unsubscribed_at = 1600000000000, status = 'unsubscribed' "
                                    "WHERE id = %1").arg(m_b)));
        QVERIFY(exec(QStringLiteral("UPDATE contacts SET unsubscribed_at = 1650000000000 WHERE id = %1").arg(m_c)));
        const QString before = dump();
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b, m_c};
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        // The person asked not to be mailed: the merged contact keeps the earliest date.
        QCOMPARE(ids(QStringLiteral("SELECT unsubscribed_at FROM contacts WHERE id = ?"), {m_a}),
                 QList<qint64>{1600000000000});
        QCOMPARE(m_repo->load(m_a)->status, QStringLiteral("unsubscribed"));
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);
    }

    void survivorKeepsItsIdAndGetsEverything()
    {
        MergeRequest r = abcKeepingBsCompany();
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QVERIFY(!m_repo->exists(m_b));
        QVERIFY(!m_repo->exists(m_c));
        QVERIFY(m_repo->exists(m_d));
        auto s = m_repo->load(m_a);
        QVERIFY(s);
        QCOMPARE(s->id, m_a);
        QCOMPARE(emailsOf(*s), (QStringList{QStringLiteral("jon.smith@gmail.com"), QStringLiteral("jon@acme.com"),
                                            QStringLiteral("js@other.com"), QStringLiteral("jsmith@home.org")}));
        int primaries = 0;
        for (const EmailAddress& e : s->emails)
            primaries += e.primary ? 1 : 0;
        QCOMPARE(primaries, 1);
        QCOMPARE(s->primaryEmail(), QStringLiteral("jon@acme.com"));
        QCOMPARE(phonesOf(*s), (QStringList{QStringLiteral("+14155550100"), QStringLiteral("+14155553695"),
                                            QStringLiteral("+16175550199")}));
        QStringList tags = s->tags;
        for (QString& t : tags)
            t = t.toCaseFolded();
        tags.sort();
        QCOMPARE(tags, (QStringList{QStringLiteral("imported"), QStringLiteral("lead"), QStringLiteral("vip")}));
        // Chosen values, and the survivor's where nothing was chosen; empty ones filled.
        QCOMPARE(s->company, QStringLiteral("ACME Inc"));
        QCOMPARE(s->firstName, QStringLiteral("Jonathan"));
        QCOMPARE(s->birthday, QDate(1980, 2, 3));
        QCOMPARE(s->jobTitle, QStringLiteral("Buyer"));
        QCOMPARE(s->city, QStringLiteral("Boston"));
        QCOMPARE(s->externalId, QStringLiteral("ERP-7"));
        QCOMPARE(s->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("43"));
        QCOMPARE(s->customFields.value(QStringLiteral("region_code")), QStringLiteral("W"));
        // Notes and memberships moved; a campaign both were in keeps the survivor's status.
        auto notes = m_repo->notes(m_a);
        QVERIFY(notes);
        QStringList bodies;
        for (const Note& n : *notes)
            bodies.append(n.body);
        bodies.sort();
        QCOMPARE(bodies, (QStringList{QStringLiteral("called back"), QStringLiteral("met at the fair")}));
        QCOMPARE(membership(1, m_a), QStringLiteral("sent"));
        QCOMPARE(membership(2, m_a), QStringLiteral("clicked")); // the most recent of the others'
        QCOMPARE(membership(3, m_a), QString());
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM campaign_members WHERE contact_id IN (?, ?)"), {m_b, m_c}),
                 QList<qint64>{0});
        // List memberships too: each list once, the survivor's date where it was a member already.
        QCOMPARE(ids(QStringLiteral("SELECT list_id * 1000 + added_at FROM list_members WHERE contact_id = ? "
                                    "ORDER BY list_id"),
                     {m_a}),
                 (QList<qint64>{1070, 2080}));
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM list_members WHERE contact_id IN (?, ?)"), {m_b, m_c}),
                 QList<qint64>{0});
        // The survivor had no import run: it takes the merged contact's, so an import revert sees it.
        QCOMPARE(*m_repo->importRunOf(m_a), m_run);
        // The merge is logged with every contact it touched.
        QCOMPARE(ids(QStringLiteral("SELECT contact_id FROM merge_contacts WHERE merge_id = ? ORDER BY contact_id"), {*id}),
                 (QList<qint64>{m_a, m_b, m_c}));
        // The list's summary columns follow.
        QCOMPARE(ids(QStringLiteral("SELECT id FROM contacts WHERE display_name = 'Jonathan Smith'")), QList<qint64>{m_a});
    }

    void fieldPolicies()
    {
        auto contact = [](qint64 id, qint64 created, qint64 updated, const QString& company, const QString& city,
                          const QString& title) {
            Contact c;
            c.id = id;
            c.createdAt = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC);
            c.updatedAt = QDateTime::fromMSecsSinceEpoch(updated, Qt::UTC);
            c.company = company;
            c.city = city;
            c.jobTitle = title;
            return c;
        };
        // X survives; Z is older than Y; Y was updated last.
        const QList<Contact> cs{contact(1, 100, 500, QStringLiteral("X Co"), QString(), QString()),
                                contact(2, 300, 900, QStringLiteral("Y Co"), QStringLiteral("Yville"), QString()),
                                contact(3, 200, 100, QStringLiteral("Z Co"), QStringLiteral("Zton"), QStringLiteral("Zed"))};
        MergeRequest r;
        r.survivorId = 1;
        r.mergedIds = {2, 3};

        r.policy = MergePolicy::Survivor;
        Contact m = ContactMerger::mergedContact(cs, r);
        QCOMPARE(m.id, qint64(1));
        QCOMPARE(m.company, QStringLiteral("X Co"));
        QCOMPARE(m.city, QStringLiteral("Zton")); // empty: filled, oldest other first
        QCOMPARE(m.jobTitle, QStringLiteral("Zed"));

        r.policy = MergePolicy::FirstNonEmpty;
        m = ContactMerger::mergedContact(cs, r);
        QCOMPARE(m.company, QStringLiteral("X Co"));
        QCOMPARE(m.city, QStringLiteral("Zton"));

        // With Y surviving, "survivor" keeps Y's values and "first non-empty" the oldest contact's.
        MergeRequest y = r;
        y.survivorId = 2;
        y.mergedIds = {1, 3};
        y.policy = MergePolicy::Survivor;
        QCOMPARE(ContactMerger::mergedContact(cs, y).company, QStringLiteral("Y Co"));
        QCOMPARE(ContactMerger::mergedContact(cs, y).city, QStringLiteral("Yville"));
        y.policy = MergePolicy::FirstNonEmpty;
        QCOMPARE(ContactMerger::mergedContact(cs, y).company, QStringLiteral("X Co"));
        QCOMPARE(ContactMerger::mergedContact(cs, y).city, QStringLiteral("Zton"));
        QCOMPARE(ContactMerger::mergedContact(cs, y).id, qint64(2));

        r.policy = MergePolicy::MostRecent;
        m = ContactMerger::mergedContact(cs, r);
        QCOMPARE(m.company, QStringLiteral("Y Co"));
        QCOMPARE(m.city, QStringLiteral("Yville"));
        QCOMPARE(m.jobTitle, QStringLiteral("Zed")); // the most recent that has one

        // A choice beats the policy, even an empty value.
        r.fieldFrom.insert(ContactField::Company, 3);
        r.fieldFrom.insert(ContactField::City, 1);
        m = ContactMerger::mergedContact(cs, r);
        QCOMPARE(m.company, QStringLiteral("Z Co"));
        QCOMPARE(m.city, QString());

        QCOMPARE(ContactMerger::defaultSurvivor(cs), qint64(1));
        const QList<FieldConflict> conflicts = ContactMerger::conflicts(cs);
        QStringList fields;
        for (const FieldConflict& c : conflicts)
            fields.append(Fields::columnName(c.field));
        QVERIFY2(fields.contains(QStringLiteral("company")), qPrintable(fields.join(QLatin1Char(','))));
        QVERIFY(fields.contains(QStringLiteral("city")));
        QVERIFY(!fields.contains(QStringLiteral("job_title"))); // one value only: no conflict

        for (MergePolicy p : {MergePolicy::Survivor, MergePolicy::MostRecent, MergePolicy::FirstNonEmpty}) {
            auto back = mergePolicyFromName(mergePolicyName(p));
            QVERIFY(back);
            QCOMPARE(*back, p);
        }
        QVERIFY(!mergePolicyFromName(QStringLiteral("newest")));
    }

    void policiesInTheStore()
    {
        const QString before = dump();
        // B was written after A: most recent gives B's company; survivor keeps A's.
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b};
        r.policy = MergePolicy::MostRecent;
        auto id = m_merger->merge(r);
        QVERIFY(id);
        QCOMPARE(m_repo->load(m_a)->company, QStringLiteral("ACME Inc"));
        QCOMPARE(m_repo->load(m_a)->firstName, QStringLiteral("Jon"));
        QCOMPARE(m_repo->load(m_a)->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("43"));
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);

        r.policy = MergePolicy::Survivor;
        id = m_merger->merge(r);
        QVERIFY(id);
        QCOMPARE(m_repo->load(m_a)->company, QStringLiteral("Acme Corp."));
        QCOMPARE(m_repo->load(m_a)->firstName, QStringLiteral("Jonathan"));
        QCOMPARE(m_repo->load(m_a)->jobTitle, QStringLiteral("Buyer"));
        QCOMPARE(m_repo->load(m_a)->customFields.value(QStringLiteral("shoe_size")), QStringLiteral("42"));
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);
    }

    void refusedMerges()
    {
        QVERIFY(m_repo->moveToTrash({m_d}));
        const QString before = dump();
        auto check = [&](const MergeRequest& r, Error::Code code, const char* words) {
            auto id = m_merger->merge(r);
            QVERIFY2(!id, words);
            QCOMPARE(id.error().code, code);
            QVERIFY2(id.error().message.contains(QLatin1String(words)), qPrintable(id.error().message));
            QCOMPARE(dump(), before);
        };
        MergeRequest self;
        self.survivorId = m_a;
        self.mergedIds = {m_a};
        check(self, Error::Code::Invalid, "into itself");
        MergeRequest selfAndOther;
        selfAndOther.survivorId = m_a;
        selfAndOther.mergedIds = {m_b, m_a};
        check(selfAndOther, Error::Code::Invalid, "into itself");
        MergeRequest nobody;
        nobody.survivorId = m_a;
        check(nobody, Error::Code::Invalid, "at least two");
        MergeRequest trashed;
        trashed.survivorId = m_a;
        trashed.mergedIds = {m_b, m_d};
        check(trashed, Error::Code::Invalid, "Trash");
        MergeRequest intoTrashed;
        intoTrashed.survivorId = m_d;
        intoTrashed.mergedIds = {m_a};
        check(intoTrashed, Error::Code::Invalid, "Trash");
        MergeRequest missing;
        missing.survivorId = m_a;
        missing.mergedIds = {987654};
        auto id = m_merger->merge(missing);
        QVERIFY(!id);
        QCOMPARE(id.error().code, Error::Code::NotFound);
        QCOMPARE(dump(), before);
        auto history = m_merger->history();
        QVERIFY(history);
        QVERIFY(history->isEmpty());
    }

    void undoRefusedAfterALaterMergeOfTheSameContacts()
    {
        const QString before = dump();
        MergeRequest first;
        first.survivorId = m_a;
        first.mergedIds = {m_b};
        auto m1 = m_merger->merge(first);
        QVERIFY(m1);
        MergeRequest second;
        second.survivorId = m_a;
        second.mergedIds = {m_c};
        auto m2 = m_merger->merge(second);
        QVERIFY(m2);
        const QString merged = dump();
        const Status refused = m_merger->undo(*m1);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("#%1").arg(*m2)), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QLatin1String("undo it first")), qPrintable(refused.error().message));
        QCOMPARE(dump(), merged);
        // In the right order both come back exactly.
        QVERIFY(m_merger->undo(*m2));
        QVERIFY(m_merger->undo(*m1));
        QCOMPARE(dump(), before);

        // A later merge into the merged-away side counts too: B survives C, then A takes B.
        MergeRequest bc;
        bc.survivorId = m_b;
        bc.mergedIds = {m_c};
        auto m3 = m_merger->merge(bc);
        QVERIFY(m3);
        MergeRequest ab;
        ab.survivorId = m_a;
        ab.mergedIds = {m_b};
        auto m4 = m_merger->merge(ab);
        QVERIFY(m4);
        QVERIFY(!m_merger->undo(*m3));
        QVERIFY(m_merger->undo(*m4));
        QVERIFY(m_merger->undo(*m3));
        QCOMPARE(dump(), before);
    }

    void undoRefusedWhenAnEmailNowBelongsToAnother()
    {
        const QString before = dump();
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b};
        auto id = m_merger->merge(r);
        QVERIFY(id);
        // The rep moves B's old address to a new contact.
        auto a = m_repo->load(m_a);
        QVERIFY(a);
        QList<EmailAddress> kept;
        for (const EmailAddress& e : a->emails)
            if (e.address != QLatin1String("jon.smith@gmail.com"))
                kept.append(e);
        QVERIFY(m_repo->setEmails(m_a, kept));
        const qint64 other = create(Test::makeContact(QStringLiteral("Joan"), QStringLiteral("Smithers"),
                                                      QStringLiteral("Jon.Smith@gmail.com")));
        QVERIFY(other > 0);
        const QString changed = dump();
        const Status refused = m_merger->undo(*id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Duplicate);
        QVERIFY2(refused.error().message.contains(QLatin1String("jon.smith@gmail.com")), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("#%1").arg(other)), qPrintable(refused.error().message));
        QCOMPARE(dump(), changed);
        // Once the address is free again, the merge can be undone.
        QVERIFY(m_repo->moveToTrash({other}));
        QVERIFY(m_repo->purge({other}));
        QVERIFY(m_merger->undo(*id));
        QVERIFY(m_repo->exists(m_b));
        QCOMPARE(emailsOf(*m_repo->load(m_b)), QStringList{QStringLiteral("jon.smith@gmail.com")});
        Q_UNUSED(before)
    }

    void undoRefusedWhenThePhoneNowBelongsToAnother()
    {
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_c};
        auto id = m_merger->merge(r);
        QVERIFY(id);
        auto a = m_repo->load(m_a);
        QList<PhoneNumber> kept;
        for (const PhoneNumber& p : a->phones)
            if (p.e164 != QLatin1String("+16175550199"))
                kept.append(p);
        QVERIFY(m_repo->setPhones(m_a, kept));
        const qint64 other = create(Test::makeContact(QStringLiteral("Pat"), QStringLiteral("Doe"), {},
                                                      QStringLiteral("617-555-0199")));
        QVERIFY(other > 0);
        const QString changed = dump();
        const Status refused = m_merger->undo(*id);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("#%1").arg(other)), qPrintable(refused.error().message));
        QCOMPARE(dump(), changed);
    }

    void undoRefusedWhileTheSurvivorIsInTheTrash()
    {
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b};
        auto id = m_merger->merge(r);
        QVERIFY(id);
        QVERIFY(m_repo->moveToTrash({m_a}));
        const QString trashed = dump();
        const Status refused = m_merger->undo(*id);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("Trash")), qPrintable(refused.error().message));
        QCOMPARE(dump(), trashed);
    }

    void bulkMergeThenUndoBatchRestoresTheDump()
    {
        const QList<qint64> planted = plantClusters();
        const QString before = dump();
        auto scan = DuplicateFinder::scan(db(), DuplicateOptions());
        QVERIFY(scan);
        QCOMPARE(scan->clusters.size(), 3);
        auto result = m_merger->mergeAll(scan->clusters, DuplicateScorer::DefaultThreshold, MergePolicy::Survivor);
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->merged, 3);
        QCOMPARE(result->skipped, 0);
        QCOMPARE(result->contactsRemoved, 4);
        QVERIFY(result->batchId > 0);
        // The oldest of each cluster survives and holds the others' data.
        QVERIFY(m_repo->exists(planted.at(0)));
        QVERIFY(!m_repo->exists(planted.at(1)));
        QCOMPARE(m_repo->notes(planted.at(0))->size(), 1);
        QVERIFY(m_repo->load(planted.at(2))->tags.contains(QStringLiteral("golf")));
        QCOMPARE(membership(1, planted.at(2)), QStringLiteral("unsubscribed"));
        QCOMPARE(emailsOf(*m_repo->load(planted.at(4))).size(), 3);
        QCOMPARE(ids(QStringLiteral("SELECT clusters FROM merge_batches WHERE id = ?"), {result->batchId}),
                 QList<qint64>{3});
        // Nothing is left to suggest.
        auto after = DuplicateFinder::scan(db(), DuplicateOptions());
        QVERIFY(after);
        QVERIFY(after->clusters.isEmpty());

        QVERIFY(m_merger->undoBatch(result->batchId));
        QCOMPARE(dump(), before);
        const Status twice = m_merger->undoBatch(result->batchId);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, Error::Code::NotFound);
    }

    void oneClusterOfABulkMergeCanBeUndone()
    {
        const QList<qint64> planted = plantClusters();
        const QString before = dump();
        auto scan = DuplicateFinder::scan(db(), DuplicateOptions());
        QVERIFY(scan);
        auto result = m_merger->mergeAll(scan->clusters, DuplicateScorer::DefaultThreshold, MergePolicy::MostRecent);
        QVERIFY(result);
        auto history = m_merger->history();
        QVERIFY(history);
        QCOMPARE(history->size(), 3);
        qint64 lindqvist = 0;
        for (const MergeEntry& e : *history) {
            QCOMPARE(e.batchId, result->batchId);
            QVERIFY(e.score >= DuplicateScorer::DefaultThreshold);
            if (e.survivorId == planted.at(2))
                lindqvist = e.id;
        }
        QVERIFY(lindqvist > 0);
        QVERIFY(m_merger->undo(lindqvist));
        QVERIFY(m_repo->exists(planted.at(3)));
        QCOMPARE(membership(1, planted.at(3)), QStringLiteral("unsubscribed"));
        QCOMPARE(membership(1, planted.at(2)), QString());
        QVERIFY(!m_repo->exists(planted.at(1))); // the other clusters stay merged
        QVERIFY(!m_repo->exists(planted.at(6)));
        QCOMPARE(m_merger->history()->size(), 2);
        // The rest of the batch, then nothing differs.
        QVERIFY(m_merger->undoBatch(result->batchId));
        QCOMPARE(dump(), before);
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM merge_batches")), QList<qint64>{0});
        // Undoing every cluster one by one removes the batch too.
        auto again = m_merger->mergeAll(scan->clusters, DuplicateScorer::DefaultThreshold, MergePolicy::MostRecent);
        QVERIFY(again);
        const auto entries = m_merger->history();
        QVERIFY(entries);
        QCOMPARE(entries->size(), 3);
        for (const MergeEntry& e : *entries)
            QVERIFY(m_merger->undo(e.id));
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM merge_batches")), QList<qint64>{0});
        QCOMPARE(dump(), before);
    }

    void cancelledBulkMergeChangesNothing_data()
    {
        QTest::addColumn<int>("cancelAt"); // the progress call that returns false
        QTest::addRow("at the start") << 1;
        QTest::addRow("after the last cluster") << 2;
    }

    void cancelledBulkMergeChangesNothing()
    {
        QFETCH(int, cancelAt);
        plantClusters();
        const QString before = dump();
        auto scan = DuplicateFinder::scan(db(), DuplicateOptions());
        QVERIFY(scan);
        int calls = 0;
        bool inRange = true;
        auto result = m_merger->mergeAll(scan->clusters, DuplicateScorer::DefaultThreshold, MergePolicy::Survivor,
                                         [&](int done, int total) {
                                             inRange = inRange && done >= 0 && done <= total && total == 3;
                                             return ++calls < cancelAt;
                                         });
        QVERIFY(inRange);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Cancelled);
        QCOMPARE(calls, cancelAt);
        QCOMPARE(dump(), before);
        // And the same clusters merge fine afterwards.
        auto ok = m_merger->mergeAll(scan->clusters, DuplicateScorer::DefaultThreshold, MergePolicy::Survivor);
        QVERIFY(ok);
        QCOMPARE(ok->merged, 3);
    }

    void bulkMergeSkipsWhatChangedSinceTheScan()
    {
        const QList<qint64> planted = plantClusters();
        auto scan = DuplicateFinder::scan(db(), DuplicateOptions());
        QVERIFY(scan);
        // One of a pair went to the Trash after the scan; a cluster below the bar is left alone.
        QVERIFY(m_repo->moveToTrash({planted.at(1)}));
        QList<DuplicateCluster> clusters = scan->clusters;
        DuplicateCluster weak;
        weak.contactIds = {m_a, m_b};
        weak.score = 0.5;
        clusters.append(weak);
        auto result = m_merger->mergeAll(clusters, DuplicateScorer::DefaultThreshold, MergePolicy::Survivor);
        QVERIFY(result);
        QCOMPARE(result->merged, 2);
        QCOMPARE(result->skipped, 1);
        QVERIFY(m_repo->exists(planted.at(1)));
        QVERIFY(m_repo->exists(m_b));
    }

    void historyNamesTheMerges()
    {
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b, m_c};
        r.score = 0.91;
        auto id = m_merger->merge(r);
        QVERIFY(id);
        auto history = m_merger->history();
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        const MergeEntry& e = history->first();
        QCOMPARE(e.id, *id);
        QCOMPARE(e.survivorId, m_a);
        QCOMPARE(e.mergedIds, (QList<qint64>{m_b, m_c}));
        QCOMPARE(e.survivorName, QStringLiteral("Jonathan Smith"));
        QCOMPARE(e.mergedNames, (QStringList{QStringLiteral("Jon Smith"), QStringLiteral("J. Smith")}));
        QCOMPARE(e.batchId, qint64(0));
        QVERIFY(qFuzzyCompare(e.score, 0.91));
        QCOMPARE(e.createdAt, QDateTime::fromMSecsSinceEpoch(1'600'000'400'000, Qt::UTC));

        MergeRequest later;
        later.survivorId = m_d;
        later.mergedIds = {m_a};
        auto id2 = m_merger->merge(later);
        QVERIFY(id2);
        history = m_merger->history();
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->first().id, *id2); // newest first
        QCOMPARE(history->first().survivorName, QStringLiteral("Kate Bell"));
        QCOMPARE(m_merger->history(1)->size(), 1);
    }

    void searchIndexFollowsMergeAndUndo()
    {
        const QString byEmail = QStringLiteral("email : \"jon.smith@gmail.com\"");
        const QString byNote = QStringLiteral("notes : \"called back\"");
        QCOMPARE(search(byEmail), QList<qint64>{m_b});
        QCOMPARE(search(byNote), QList<qint64>{m_b});
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b};
        auto id = m_merger->merge(r);
        QVERIFY(id);
        QCOMPARE(search(byEmail), QList<qint64>{m_a});
        QCOMPARE(search(byNote), QList<qint64>{m_a});
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(search(byEmail), QList<qint64>{m_b});
        QCOMPARE(search(byNote), QList<qint64>{m_b});
        QCOMPARE(search(QStringLiteral("notes : fair")), QList<qint64>{m_a});
    }

    void aMembershipTableAddedLaterIsCarriedAndRestored()
    {
        // A table that belongs to contacts and is unknown to the merger (as list memberships were
        // once): carried like campaign memberships (the survivor's row wins, else the most recent of
        // the others'), and back exactly on undo.
        QVERIFY(exec(QStringLiteral("CREATE TABLE test_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")));
        QVERIFY(exec(QStringLiteral("CREATE TABLE test_group_members (group_id INTEGER NOT NULL REFERENCES test_groups(id) ON DELETE "
                                    "CASCADE, contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, "
                                    "role TEXT NOT NULL DEFAULT 'member', updated_at INTEGER NOT NULL, "
                                    "PRIMARY KEY (group_id, contact_id))")));
        QVERIFY(exec(QStringLiteral("INSERT INTO test_groups VALUES (1, 'Board'), (2, 'Press')")));
        QVERIFY(exec(QStringLiteral("INSERT INTO test_group_members VALUES (1, %1, 'chair', 5), (1, %2, 'member', 9), "
                                    "(2, %2, 'guest', 7), (2, %3, 'member', 8)")
                         .arg(m_a)
                         .arg(m_b)
                         .arg(m_c)));
        const QString before = dump();
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b, m_c};
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QCOMPARE(ids(QStringLiteral("SELECT group_id FROM test_group_members WHERE contact_id = ? ORDER BY group_id"), {m_a}),
                 (QList<qint64>{1, 2}));
        QCOMPARE(ids(QStringLiteral("SELECT updated_at FROM test_group_members WHERE contact_id = ? ORDER BY group_id"), {m_a}),
                 (QList<qint64>{5, 8})); // the survivor's own row; then the most recent of the others'
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM test_group_members WHERE contact_id IN (?, ?)"), {m_b, m_c}),
                 QList<qint64>{0});
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);

        // A list deleted after the merge cannot be joined again; everything else comes back.
        id = m_merger->merge(r);
        QVERIFY(id);
        QVERIFY(exec(QStringLiteral("DELETE FROM test_groups WHERE id = 2")));
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(ids(QStringLiteral("SELECT group_id FROM test_group_members WHERE contact_id = ?"), {m_b}), QList<qint64>{1});
        QVERIFY(m_repo->exists(m_c));
    }

    void undoRowsAreTypedAndGoWithTheUndo()
    {
        // Schema 9: the rows a merge saves go into merge_saved_<table>, not into JSON text.
        const QString before = dump();
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b, m_c};
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QCOMPARE(ids(QStringLiteral("SELECT id FROM merge_saved_contacts WHERE merge_id = ? ORDER BY id"), {*id}),
                 (QList<qint64>{m_a, m_b, m_c}));
        QCOMPARE(ids(QStringLiteral("SELECT COUNT(*) FROM merge_log WHERE id = ? AND snapshot = '{\"rows\":[]}'"), {*id}),
                 QList<qint64>{1});
        QVERIFY(ids(QStringLiteral("SELECT COUNT(*) FROM merge_saved_contact_emails WHERE merge_id = ?"), {*id}).first() > 0);
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);
    }

    void aMergeSavedAsJsonRowsIsUndoneExactly_data()
    {
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("every table as JSON (merges logged before schema 9)")
            << QStringList{QStringLiteral("contacts"), QStringLiteral("contact_emails"), QStringLiteral("contact_phones"),
                           QStringLiteral("contact_fields"), QStringLiteral("contact_tags"), QStringLiteral("notes"),
                           QStringLiteral("campaign_members"), QStringLiteral("list_members")};
        QTest::newRow("contacts as JSON, the rest typed") << QStringList{QStringLiteral("contacts")};
        QTest::newRow("emails and notes as JSON") << QStringList{QStringLiteral("contact_emails"), QStringLiteral("notes")};
    }

    void aMergeSavedAsJsonRowsIsUndoneExactly()
    {
        // A table without its typed undo table is saved as JSON rows in merge_log.snapshot, the
        // format of every merge logged before schema 9; both undo exactly, alone and mixed.
        QFETCH(QStringList, dropped);
        for (const QString& table : std::as_const(dropped))
            QVERIFY(exec(QStringLiteral("DROP TABLE merge_saved_%1").arg(table)));
        const QString before = dump();
        MergeRequest r = abcKeepingBsCompany();
        auto id = m_merger->merge(r);
        QVERIFY2(id, qPrintable(id.error().toString()));
        QVERIFY(ids(QStringLiteral("SELECT json_array_length(snapshot, '$.rows') FROM merge_log WHERE id = ?"), {*id}).first() > 0);
        auto history = m_merger->history();
        QVERIFY(history);
        QCOMPARE(history->first().mergedIds, (QList<qint64>{m_b, m_c}));
        QVERIFY(!history->first().mergedNames.first().isEmpty());
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);

        DuplicateCluster abc;
        abc.contactIds = {m_a, m_b, m_c};
        abc.score = 0.95;
        auto bulk = m_merger->mergeAll({abc}, 0.85, MergePolicy::MostRecent);
        QVERIFY2(bulk, qPrintable(bulk.error().toString()));
        QVERIFY(m_merger->undoBatch(bulk->batchId));
        QCOMPARE(dump(), before);
    }

    void aContactInTwoClustersIsMergedOnce()
    {
        const QString before = dump();
        DuplicateCluster ab, bc;
        ab.contactIds = {m_a, m_b};
        ab.score = 0.95;
        bc.contactIds = {m_b, m_c};
        bc.score = 0.9;
        auto result = m_merger->mergeAll({ab, bc}, 0.85, MergePolicy::Survivor);
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->merged, 1);
        QCOMPARE(result->skipped, 1); // B went with the first cluster; C alone is no cluster
        QCOMPARE(result->contactsRemoved, 1);
        QVERIFY(!m_repo->exists(m_b));
        QVERIFY(m_repo->exists(m_c));
        QVERIFY(m_merger->undoBatch(result->batchId));
        QCOMPARE(dump(), before);
    }

    void aMergeLoggedInTheEarlierFormatIsUndoneExactly()
    {
        // Before the set-based merge, merge_log.snapshot held each contact as ContactJson plus
        // notes and campaign memberships; such history must stay undoable. Lists came after that
        // format, so no merge logged in it had list memberships to give back.
        QVERIFY(exec(QStringLiteral("DELETE FROM list_members")));
        const QString before = dump();
        QJsonArray contacts, notes, campaigns;
        for (qint64 id : {m_a, m_b}) {
            QJsonObject o = ContactJson::toJson(*m_repo->load(id));
            o[QStringLiteral("import_run_id")] = *m_repo->importRunOf(id);
            contacts.append(o);
        }
        for (qint64 note : ids(QStringLiteral("SELECT id FROM notes WHERE contact_id = ?"), {m_b}))
            notes.append(QJsonArray{note, m_b});
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT campaign_id, contact_id, delivery_status, updated_at FROM campaign_members "
                                      "WHERE contact_id IN (%1, %2)")
                           .arg(m_a)
                           .arg(m_b)));
        while (q.next())
            campaigns.append(QJsonArray{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                                        q.value(3).toLongLong()});
        const QJsonObject legacy{{QStringLiteral("contacts"), contacts},
                                 {QStringLiteral("notes"), notes},
                                 {QStringLiteral("campaigns"), campaigns}};
        MergeRequest r;
        r.survivorId = m_a;
        r.mergedIds = {m_b};
        auto id = m_merger->merge(r);
        QVERIFY(id);
        QSqlQuery rewrite(db());
        rewrite.prepare(QStringLiteral("UPDATE merge_log SET snapshot = ? WHERE id = ?"));
        rewrite.addBindValue(QString::fromUtf8(QJsonDocument(legacy).toJson(QJsonDocument::Compact)));
        rewrite.addBindValue(*id);
        QVERIFY(rewrite.exec());
        auto history = m_merger->history();
        QVERIFY(history);
        QCOMPARE(history->first().survivorName, QStringLiteral("Jonathan Smith"));
        QCOMPARE(history->first().mergedNames, QStringList{QStringLiteral("Jon Smith")});
        QVERIFY(m_merger->undo(*id));
        QCOMPARE(dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestContactMerger)
#include "TestContactMerger.moc"
