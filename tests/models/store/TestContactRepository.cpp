#include "TestSupport.h"
#include "store/ContactRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestContactRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;

    ContactRepository& repo() { return *m_repo; }
    qint64 create(const Contact& c)
    {
        auto id = repo().create(c);
        if (!id)
            qWarning("create failed: %s", qPrintable(id.error().toString()));
        return id ? *id : 0;
    }
    QString dump() { return Test::dumpDatabase(m_temp->db().connection()); }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    void createAndLoad()
    {
        Contact c = makeContact(QStringLiteral("José"), QStringLiteral("Müller"), QStringLiteral("jose@example.com"),
                                QStringLiteral("(415) 555-3695"), QStringLiteral("ACME"));
        c.emails.append(EmailAddress{0, QStringLiteral("jose.private@example.org"), QStringLiteral("home"), false});
        c.jobTitle = QStringLiteral("Buyer");
        c.city = QStringLiteral("Berlin");
        c.birthday = QDate(1980, 2, 29);
        c.type = QStringLiteral("customer");
        c.externalId = QStringLiteral("ERP-7");
        c.tags = QStringList{QStringLiteral("vip"), QStringLiteral("trade show")};
        const qint64 id = create(c);
        QVERIFY(id > 0);
        auto loaded = repo().load(id);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->firstName, QStringLiteral("José"));
        QCOMPARE(loaded->lastName, QStringLiteral("Müller"));
        QCOMPARE(loaded->company, QStringLiteral("ACME"));
        QCOMPARE(loaded->jobTitle, QStringLiteral("Buyer"));
        QCOMPARE(loaded->city, QStringLiteral("Berlin"));
        QCOMPARE(loaded->birthday, QDate(1980, 2, 29));
        QCOMPARE(loaded->type, QStringLiteral("customer"));
        QCOMPARE(loaded->externalId, QStringLiteral("ERP-7"));
        QCOMPARE(loaded->source, QStringLiteral("manual"));
        QCOMPARE(loaded->emails.size(), 2);
        QCOMPARE(loaded->primaryEmail(), QStringLiteral("jose@example.com"));
        QCOMPARE(loaded->emails[1].label, QStringLiteral("home"));
        QCOMPARE(loaded->phones.size(), 1);
        QCOMPARE(loaded->phones[0].e164, QStringLiteral("+14155553695"));
        QCOMPARE(loaded->phones[0].number, QStringLiteral("(415) 555-3695"));
        QCOMPARE(loaded->tags, (QStringList{QStringLiteral("trade show"), QStringLiteral("vip")}));
        QVERIFY(!loaded->uuid.isEmpty());
        QVERIFY(loaded->createdAt.isValid());
        QVERIFY(!loaded->deletedAt.isValid());

        auto rows = repo().list(10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().displayName, QStringLiteral("José Müller"));
        QCOMPARE(rows->first().primaryEmail, QStringLiteral("jose@example.com"));
        QCOMPARE(rows->first().primaryPhone, QStringLiteral("(415) 555-3695"));
        QCOMPARE(rows->first().tags, QStringLiteral("trade show, vip"));
    }

    void needsEmailOrPhone()
    {
        auto id = repo().create(makeContact(QStringLiteral("No"), QStringLiteral("Reach"), {}, {}));
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, Error::Code::Invalid);
        QVERIFY(id.error().message.contains(QLatin1String("at least one email address or phone number")));
        QVERIFY(create(makeContact({}, {}, {}, QStringLiteral("+1 212 555 0100"))) > 0); // phone only is fine
        QVERIFY(create(makeContact({}, {}, QStringLiteral("only@example.com"))) > 0);    // email only is fine
    }

    void rejectsInvalidEmailAndPhone()
    {
        const QString before = dump();
        auto bad = repo().create(makeContact(QStringLiteral("Bob"), {}, QStringLiteral("bob@")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().where, QStringLiteral("Email"));
        QVERIFY(bad.error().message.contains(QLatin1String("\"bob@\" is not an email address")));
        auto badPhone = repo().create(makeContact(QStringLiteral("Bob"), {}, {}, QStringLiteral("12")));
        QVERIFY(!badPhone.ok());
        QCOMPARE(badPhone.error().where, QStringLiteral("Phone"));
        QCOMPARE(dump(), before);
    }

    void emailUniqueCaseInsensitively()
    {
        const qint64 kate = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                               QStringLiteral("kate@example.com")));
        QVERIFY(kate > 0);
        const QString before = dump();
        auto dup = repo().create(makeContact(QStringLiteral("Other"), {}, QStringLiteral(" KATE@Example.com")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, Error::Code::Duplicate);
        QCOMPARE(dup.error().where, QStringLiteral("Email"));
        QVERIFY2(dup.error().message.contains(QStringLiteral("Kate Bell (#%1)").arg(kate)),
                 qPrintable(dup.error().message));
        QCOMPARE(dump(), before);
        // The same email twice on one contact is refused too.
        Contact twice = makeContact(QStringLiteral("T"), {}, QStringLiteral("t@example.com"));
        twice.emails.append(EmailAddress{0, QStringLiteral("T@example.com"), {}, false});
        QVERIFY(!repo().create(twice).ok());
    }

    void phoneUniqueByE164()
    {
        const qint64 kate = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                               QStringLiteral("kate@example.com"), QStringLiteral("(415) 555-3695")));
        QVERIFY(kate > 0);
        auto dup = repo().create(makeContact(QStringLiteral("Dan"), {}, QStringLiteral("dan@example.com"),
                                             QStringLiteral("+1 415 555 3695")));
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().code, Error::Code::Duplicate);
        QCOMPARE(dup.error().where, QStringLiteral("Phone"));
        QVERIFY2(dup.error().message.contains(QStringLiteral("Kate Bell (#%1)").arg(kate)),
                 qPrintable(dup.error().message));
        QVERIFY(dup.error().message.contains(QLatin1String("+14155553695")));
    }

    void regionDecidesNationalNumbers()
    {
        ContactRepository german(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("DE")));
        auto id = german.create(makeContact(QStringLiteral("Jan"), {}, {}, QStringLiteral("030 123456")));
        QVERIFY(id.ok());
        QCOMPARE(german.load(*id)->phones.first().e164, QStringLiteral("+4930123456"));
        auto dup = repo().create(makeContact(QStringLiteral("X"), {}, {}, QStringLiteral("+49 30 123456")));
        QVERIFY(!dup.ok());
    }

    void updateFieldValidatesAndRefreshesSummary()
    {
        const qint64 id = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                             QStringLiteral("kate@example.com")));
        QVERIFY(repo().updateField(id, ContactField::LastName, QStringLiteral("Bellamy")).ok());
        QCOMPARE(repo().list(1)->first().displayName, QStringLiteral("Kate Bellamy"));
        QVERIFY(repo().updateField(id, ContactField::Company, QStringLiteral("Apple Inc.")).ok());
        QCOMPARE(repo().load(id)->company, QStringLiteral("Apple Inc."));

        const QString before = dump();
        auto badDate = repo().updateField(id, ContactField::Birthday, QStringLiteral("31/02/1990"));
        QVERIFY(!badDate.ok());
        QCOMPARE(badDate.error().where, QStringLiteral("Birthday"));
        auto future = repo().updateField(id, ContactField::Birthday, QDate::currentDate().addDays(3).toString(Qt::ISODate));
        QVERIFY(!future.ok());
        auto badStatus = repo().updateField(id, ContactField::ContactStatus, QStringLiteral("sleepy"));
        QVERIFY(!badStatus.ok());
        QVERIFY(badStatus.error().message.contains(QLatin1String("active")));
        QCOMPARE(dump(), before);
        QVERIFY(!repo().updateField(999, ContactField::City, QStringLiteral("x")).ok());
    }

    void setEmailsAndPhones()
    {
        const qint64 kate = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                               QStringLiteral("kate@example.com"), QStringLiteral("(415) 555-3695")));
        const qint64 dan = create(makeContact(QStringLiteral("Dan"), QStringLiteral("Higgins"),
                                              QStringLiteral("dan@example.com")));
        QVERIFY(repo().setEmails(kate, {EmailAddress{0, QStringLiteral("kb@example.com"), QStringLiteral("home"), false},
                                        EmailAddress{0, QStringLiteral("kate@work.example"), QStringLiteral("work"), true}})
                    .ok());
        auto k = repo().load(kate);
        QCOMPARE(k->emails.size(), 2);
        QCOMPARE(k->primaryEmail(), QStringLiteral("kate@work.example"));
        QCOMPARE(repo().list(5)->at(0).primaryEmail, QStringLiteral("kate@work.example"));

        const QString before = dump();
        auto taken = repo().setEmails(dan, {EmailAddress{0, QStringLiteral("KB@example.com"), {}, true}});
        QVERIFY(!taken.ok());
        QVERIFY(taken.error().message.contains(QStringLiteral("Kate Bell (#%1)").arg(kate)));
        auto takenPhone = repo().setPhones(dan, {PhoneNumber{0, QStringLiteral("4155553695"), {}, {}, true}});
        QVERIFY(!takenPhone.ok());
        // Removing Dan's only email would leave him unreachable.
        auto none = repo().setEmails(dan, {});
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QLatin1String("at least one")));
        QCOMPARE(dump(), before);
        // Kate has a phone, so she may drop all emails.
        QVERIFY(repo().setEmails(kate, {}).ok());
        QCOMPARE(repo().load(kate)->emails.size(), 0);
    }

    void tags()
    {
        const qint64 a = create(makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        const qint64 b = create(makeContact(QStringLiteral("B"), {}, QStringLiteral("b@example.com")));
        QVERIFY(repo().addTags({a, b}, {QStringLiteral("VIP"), QStringLiteral("lead")}).ok());
        QVERIFY(repo().addTags({a}, {QStringLiteral("vip")}).ok()); // same tag, other case: no second tag
        auto all = repo().allTags();
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, QStringLiteral("lead"));
        QCOMPARE(all->at(0).contactCount, 2);
        QCOMPARE(all->at(1).name, QStringLiteral("VIP"));
        QVERIFY(repo().removeTags({a}, {QStringLiteral("vip")}).ok());
        QCOMPARE(repo().load(a)->tags, QStringList{QStringLiteral("lead")});
        QCOMPARE(repo().load(b)->tags, (QStringList{QStringLiteral("lead"), QStringLiteral("VIP")}));
        QCOMPARE(repo().allTags()->at(1).contactCount, 1);
        QVERIFY(repo().removeTags({a}, {QStringLiteral("no such tag")}).ok());
        QVERIFY(repo().addTags({a}, {QStringLiteral("  ")}).ok()); // blank tags are ignored
        QCOMPARE(repo().allTags()->size(), 2);
    }

    void notes()
    {
        const qint64 a = create(makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        auto n1 = repo().addNote(a, QStringLiteral("sam"), QStringLiteral("Met at the fair"));
        QVERIFY(n1.ok());
        auto n2 = repo().addNote(a, QStringLiteral("sam"), QStringLiteral("Call back, Tuesday"));
        QVERIFY(n2.ok());
        QVERIFY(!repo().addNote(a, QStringLiteral("sam"), QStringLiteral("   ")).ok());
        auto list = repo().notes(a);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->first().body, QStringLiteral("Call back, Tuesday")); // newest first
        QCOMPARE(list->first().author, QStringLiteral("sam"));
        QVERIFY(repo().updateNote(*n1, QStringLiteral("Met at the fair in Berlin")).ok());
        QCOMPARE(repo().notes(a)->last().body, QStringLiteral("Met at the fair in Berlin"));
        QVERIFY(repo().removeNote(*n2).ok());
        QCOMPARE(repo().notes(a)->size(), 1);
        QCOMPARE(repo().stats()->notes, 1);
    }

    void trashRestoreAndPurge()
    {
        const qint64 kate = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                               QStringLiteral("kate@example.com"), QStringLiteral("(415) 555-3695")));
        QVERIFY(repo().addNote(kate, QStringLiteral("me"), QStringLiteral("keep me")).ok());
        const QString before = dump();
        QVERIFY(repo().moveToTrash({kate}).ok());
        QCOMPARE(repo().stats()->contacts, 0);
        QCOMPARE(repo().stats()->trashed, 1);
        QCOMPARE(repo().list(10, true)->size(), 1);
        QVERIFY(repo().load(kate)->deletedAt.isValid());
        QVERIFY(repo().restore({kate}).ok());
        QCOMPARE(repo().stats()->contacts, 1);
        QCOMPARE(repo().load(kate)->phones.size(), 1);
        QCOMPARE(repo().notes(kate)->size(), 1);
        Q_UNUSED(before);

        // While in the Trash, the email is free; restoring then names the new owner.
        QVERIFY(repo().moveToTrash({kate}).ok());
        const qint64 other = create(makeContact(QStringLiteral("Kathy"), {}, QStringLiteral("KATE@example.com")));
        QVERIFY(other > 0);
        auto conflict = repo().restore({kate});
        QVERIFY(!conflict.ok());
        QVERIFY2(conflict.error().message.contains(QStringLiteral("Kathy (#%1)").arg(other)),
                 qPrintable(conflict.error().message));
        QVERIFY(repo().load(kate)->deletedAt.isValid());

        QVERIFY(repo().purge({other}).ok()); // live contacts are not purged
        QVERIFY(repo().exists(other));
        auto emptied = repo().emptyTrash();
        QCOMPARE(*emptied, 1);
        QVERIFY(!repo().exists(kate));
        QSqlQuery q(m_temp->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM notes")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // cascaded
    }

    void storedPhonesKeepTheirRegion()
    {
        ContactRepository uk(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("GB")));
        auto id = uk.create(makeContact(QStringLiteral("Ann"), {}, {}, QStringLiteral("020 7946 0958")));
        QVERIFY(id.ok());
        // A US-region writer adds a number; the British one keeps its +44 form.
        auto phones = repo().load(*id)->phones;
        phones.append(PhoneNumber{0, QStringLiteral("(415) 555-3695"), {}, QStringLiteral("work"), false});
        QVERIFY2(repo().setPhones(*id, phones).ok(), "existing phone re-read with the other region");
        QCOMPARE(repo().load(*id)->phones.first().e164, QStringLiteral("+442079460958"));
    }

    void snapshotOfATrashedContactStaysNotLive()
    {
        const qint64 kate = create(makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"),
                                               QStringLiteral("kate@example.com")));
        const Contact snapshot = *repo().load(kate);
        QVERIFY(repo().moveToTrash({kate}).ok());
        const qint64 other = create(makeContact(QStringLiteral("Kathy"), {}, QStringLiteral("kate@example.com")));
        QVERIFY(other > 0);
        QVERIFY(repo().restoreSnapshot(snapshot, 0).ok());
        QCOMPARE(*repo().findByEmail(QStringLiteral("kate@example.com")), other);
    }

    void failedWriteLeavesNothing()
    {
        const qint64 a = create(makeContact(QStringLiteral("A"), {}, QStringLiteral("a@example.com")));
        const qint64 b = create(makeContact(QStringLiteral("B"), {}, QStringLiteral("b@example.com")));
        const QString before = dump();
        // One id of the batch does not exist: the whole trash operation must not half-apply.
        QVERIFY(repo().addTags({a, 424242, b}, {QStringLiteral("x")}).ok() == false);
        QCOMPARE(dump(), before);
    }

    void refreshDerivedWritesWhatPerContactRefreshWrites()
    {
        // Contacts whose summary and search rows exercise every rule: East Asian name order, a
        // company or an email or a phone as the display name, tags, notes, several phones.
        Contact a = makeContact(QStringLiteral("José"), QStringLiteral("Müller"), QStringLiteral("jose@example.com"),
                                QStringLiteral("(415) 555-3695"), QStringLiteral("ACME"));
        a.phones.append(PhoneNumber{0, QStringLiteral("+44 20 7946 0958"), {}, QStringLiteral("work"), false});
        a.tags = QStringList{QStringLiteral("vip"), QStringLiteral("Berlin")};
        const qint64 ida = create(a);
        const qint64 idb = create(makeContact(QStringLiteral("伟"), QStringLiteral("王"), QStringLiteral("wang@example.cn")));
        const qint64 idc = create(makeContact({}, {}, {}, QStringLiteral("415-555-0100"), QStringLiteral("Globex")));
        const qint64 idd = create(makeContact({}, {}, QStringLiteral("only@mail.org")));
        const qint64 ide = create(makeContact({}, {}, {}, QStringLiteral("415-555-0101")));
        QVERIFY(ida > 0 && idb > 0 && idc > 0 && idd > 0 && ide > 0);
        QVERIFY(repo().addNote(ida, QStringLiteral("rep"), QStringLiteral("met at the fair")));
        QVERIFY(repo().addNote(ida, QStringLiteral("rep"), QStringLiteral("called back")));
        const QString expected = dump();

        // Wrong summaries and search rows, then one set-based refresh (with an id that does not exist).
        QSqlQuery q(m_temp->db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE contacts SET display_name = 'x', sort_key = 'x', primary_email = 'x', "
                                      "primary_phone = 'x'")));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM contact_search WHERE rowid <> %1").arg(idc)));
        QVERIFY(q.exec(QStringLiteral("UPDATE contact_search SET name = 'stale' WHERE rowid = %1").arg(idc)));
        QVERIFY(dump() != expected);
        QVERIFY(repo().refreshDerived({ida, idb, idc, idd, ide, 987654}));
        QCOMPARE(dump(), expected);
        // Nothing to change: nothing changes.
        QVERIFY(repo().refreshDerived({ida, idb}));
        QCOMPARE(dump(), expected);
    }
};

QTEST_GUILESS_MAIN(TestContactRepository)
#include "TestContactRepository.moc"
