// Campaigns and their rules on a real SQLite file: create/rename/archive, adding contacts by filter
// or ids (never twice, the unsubscribed skipped with the reason, an exact undo), member statuses
// and what they mark on the contact, counts that ignore the Trash, purge removing memberships,
// and importing an email service's status export (bad lines reported, one transaction); the exact
// undo and redo of a status change and of an import (a dump of every table before and after).

#include "TestSupport.h"
#include "store/CampaignStore.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestCampaignStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    QList<qint64> m_ids; // Ada Lovelace, Bob Brown, Cy Cole, Dee Diaz, Eve Ernst (ada@x.org …)

    QSqlDatabase db() { return m_temp->db().connection(); }

    qint64 newCampaign(const QString& name)
    {
        auto id = CampaignStore::create(db(), name, QStringLiteral("email"));
        if (!id)
            qWarning("%s", qPrintable(id.error().toString()));
        return id ? *id : 0;
    }

    CampaignStore::Target ids(const QList<qint64>& list)
    {
        CampaignStore::Target t;
        t.useIds = true;
        t.ids = list;
        return t;
    }

    QString statusOf(qint64 campaign, qint64 contact)
    {
        auto v = Sql::scalar(db(), QStringLiteral("t"),
                             QStringLiteral("SELECT delivery_status || '@' || updated_at FROM campaign_members "
                                            "WHERE campaign_id = ? AND contact_id = ?"),
                             {campaign, contact});
        return v && v->isValid() ? v->toString() : QString();
    }

    int memberRows(qint64 campaign)
    {
        auto v = Sql::scalar(db(), QStringLiteral("t"), QStringLiteral("SELECT COUNT(*) FROM campaign_members WHERE campaign_id = ?"),
                             {campaign});
        return v ? v->toInt() : -1;
    }

    QString writeCsv(const QString& name, const QByteArray& text)
    {
        const QString path = m_temp->dir() + QLatin1Char('/') + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return path;
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(db(), PhoneNormalizer(QStringLiteral("US")));
        m_ids.clear();
        for (const QString& n : {QStringLiteral("Ada Lovelace"), QStringLiteral("Bob Brown"), QStringLiteral("Cy Cole"),
                                 QStringLiteral("Dee Diaz"), QStringLiteral("Eve Ernst")}) {
            const QStringList parts = n.split(QLatin1Char(' '));
            auto id = m_repo->create(makeContact(parts[0], parts[1], parts[0].toLower() + QStringLiteral("@x.org")));
            QVERIFY(id);
            m_ids.append(*id);
        }
        QVERIFY(m_repo->addTags({m_ids[0], m_ids[1], m_ids[2]}, {QStringLiteral("VIP")}).ok());
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void createRenameStatusArchive()
    {
        const qint64 spring = newCampaign(QStringLiteral("  Spring   launch "));
        QVERIFY(spring > 0);
        Sql::setClockForTesting(1700000001000);
        auto fall = CampaignStore::create(db(), QStringLiteral("Fall"), QStringLiteral("SMS"));
        QVERIFY(fall);
        auto dup = CampaignStore::create(db(), QStringLiteral("spring LAUNCH"));
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, Error::Code::Duplicate);
        QCOMPARE(dup.error().message, QStringLiteral("there is already a campaign \"Spring launch\""));
        auto noName = CampaignStore::create(db(), QStringLiteral("  "));
        QVERIFY(!noName);
        QCOMPARE(noName.error().message, QStringLiteral("a campaign needs a name"));
        auto badChannel = CampaignStore::create(db(), QStringLiteral("Fax blast"), QStringLiteral("fax"));
        QVERIFY(!badChannel);
        QVERIFY2(badChannel.error().message.startsWith(QLatin1String("the channel must be one of email, sms")),
                 qPrintable(badChannel.error().message));

        auto list = CampaignStore::list(db());
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Fall")); // newest first
        QCOMPARE(list->at(0).channel, QStringLiteral("sms"));
        QCOMPARE(list->at(1).name, QStringLiteral("Spring launch"));
        QCOMPARE(list->at(1).status, QStringLiteral("draft"));
        QCOMPARE(list->at(1).createdAt, qint64(1700000000000));

        QVERIFY(CampaignStore::rename(db(), spring, QStringLiteral("Spring")).ok());
        auto clash = CampaignStore::rename(db(), spring, QStringLiteral("FALL"));
        QCOMPARE(clash.error().code, Error::Code::Duplicate);
        QVERIFY(CampaignStore::rename(db(), spring, QStringLiteral("spring")).ok()); // its own name, other case
        QCOMPARE(CampaignStore::find(db(), QStringLiteral("SPRING"))->id, spring);
        QCOMPARE(CampaignStore::find(db(), QString::number(*fall))->name, QStringLiteral("Fall"));
        QCOMPARE(CampaignStore::find(db(), QStringLiteral("nope")).error().message,
                 QStringLiteral("there is no campaign \"nope\""));

        QVERIFY(CampaignStore::setStatus(db(), spring, QStringLiteral("active")).ok());
        QVERIFY(!CampaignStore::setStatus(db(), spring, QStringLiteral("paused")).ok());
        QVERIFY(CampaignStore::setArchived(db(), *fall, true).ok());
        QCOMPARE(CampaignStore::list(db(), false)->size(), 1);
        QVERIFY(CampaignStore::campaign(db(), *fall)->isArchived());
        // An archived campaign takes no new members.
        auto add = CampaignStore::addMembers(db(), *fall, ids({m_ids[0]}));
        QVERIFY(!add);
        QCOMPARE(add.error().message, QStringLiteral("the campaign \"Fall\" is archived; unarchive it to add contacts"));
        QVERIFY(CampaignStore::setArchived(db(), *fall, false).ok());
        QVERIFY(!CampaignStore::campaign(db(), *fall)->isArchived());
        QVERIFY(CampaignStore::addMembers(db(), *fall, ids({m_ids[0]})).ok());
        QCOMPARE(CampaignStore::rename(db(), 999, QStringLiteral("x")).error().code, Error::Code::NotFound);
    }

    void addByFilterNeverTwiceAndUndoExactly()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        const QString before = Test::dumpDatabase(db());
        CampaignStore::Target vip;
        vip.query.filter.allTags = {QStringLiteral("vip")};
        Sql::setClockForTesting(1700000005000);
        auto change = CampaignStore::addMembers(db(), spring, vip);
        QVERIFY2(change, change ? "" : qPrintable(change.error().toString()));
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[0], m_ids[1], m_ids[2]}));
        QCOMPARE(change->summary(), QStringLiteral("Added 3 contacts to \"Spring\"."));
        QCOMPARE(statusOf(spring, m_ids[1]), QStringLiteral("pending@1700000005000"));
        QCOMPARE(CampaignStore::counts(db(), spring)->of(DeliveryStatus::Pending), qint64(3));

        // Everybody now: the three members are not added twice.
        auto all = CampaignStore::addMembers(db(), spring, CampaignStore::Target{});
        QVERIFY(all);
        QCOMPARE(all->ids, (QVector<qint64>{m_ids[3], m_ids[4]}));
        QCOMPARE(all->alreadyMembers, 3);
        QCOMPARE(all->summary(), QStringLiteral("Added 2 contacts to \"Spring\". 3 contacts were in it already."));
        QCOMPARE(memberRows(spring), 5);

        // Undo takes back only what each add made, in reverse order, back to the very same rows.
        QVERIFY(CampaignStore::undoAdd(db(), *all).ok());
        QCOMPARE(memberRows(spring), 3);
        QVERIFY(CampaignStore::undoAdd(db(), *change).ok());
        Sql::setClockForTesting(1700000000000);
        QCOMPARE(Test::dumpDatabase(db()), before);

        CampaignStore::AddChange again = *change;
        QVERIFY(CampaignStore::redoAdd(db(), again).ok());
        QCOMPARE(again.ids, change->ids);
        QCOMPARE(memberRows(spring), 3);
    }

    void unsubscribedAreSkippedWithTheReason()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        const qint64 summer = newCampaign(QStringLiteral("Summer"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0], m_ids[1]})).ok());
        // Bob unsubscribes from Spring: the member and the contact carry it, with the date.
        auto n = CampaignStore::setMemberStatus(db(), spring, {m_ids[1]}, DeliveryStatus::Unsubscribed, 1700000100000);
        QVERIFY(n);
        QCOMPARE(*n, 1);
        QCOMPARE(statusOf(spring, m_ids[1]), QStringLiteral("unsubscribed@1700000100000"));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[1]), qint64(1700000100000));
        QCOMPARE(m_repo->load(m_ids[1])->status, QStringLiteral("unsubscribed"));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[0]), qint64(0));
        // Cy is marked unsubscribed by hand on the profile (no campaign involved).
        QVERIFY(m_repo->updateField(m_ids[2], ContactField::ContactStatus, QStringLiteral("unsubscribed")).ok());
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[2]), qint64(-1));

        auto add = CampaignStore::addMembers(db(), summer, CampaignStore::Target{});
        QVERIFY(add);
        QCOMPARE(add->ids, (QVector<qint64>{m_ids[0], m_ids[3], m_ids[4]}));
        QCOMPARE(add->skippedUnsubscribed, 2);
        QCOMPARE(add->summary(), QStringLiteral("Added 3 contacts to \"Summer\". Skipped 2 contacts: unsubscribed."));

        // Ids: the unsubscribed, a trashed contact and an unknown id are all skipped, each reason told.
        const qint64 autumn = newCampaign(QStringLiteral("Autumn"));
        QVERIFY(m_repo->moveToTrash({m_ids[4]}).ok());
        auto picked = CampaignStore::addMembers(db(), autumn, ids({m_ids[1], m_ids[3], m_ids[4], 99999, m_ids[3]}));
        QVERIFY(picked);
        QCOMPARE(picked->ids, QVector<qint64>{m_ids[3]});
        QCOMPARE(picked->summary(),
                 QStringLiteral("Added 1 contact to \"Autumn\". Skipped 3 contacts: 1 unsubscribed, 2 deleted or in the Trash."));

        // A rep who sets Bob active again (he subscribed again) lifts the mark: he can be added.
        QVERIFY(m_repo->updateField(m_ids[1], ContactField::ContactStatus, QStringLiteral("active")).ok());
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[1]), qint64(0));
        auto back = CampaignStore::addMembers(db(), autumn, ids({m_ids[1]}));
        QVERIFY(back);
        QCOMPARE(back->ids, QVector<qint64>{m_ids[1]});
        // Status of a bounced contact stays; the date alone marks them.
        QVERIFY(m_repo->updateField(m_ids[3], ContactField::ContactStatus, QStringLiteral("bounced")).ok());
        QVERIFY(CampaignStore::setMemberStatus(db(), autumn, {m_ids[3]}, DeliveryStatus::Unsubscribed).ok());
        QCOMPARE(m_repo->load(m_ids[3])->status, QStringLiteral("bounced"));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[3]), qint64(1700000000000));
    }

    void memberStatusNeedsMembers()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0]})).ok());
        const QString before = Test::dumpDatabase(db());
        auto n = CampaignStore::setMemberStatus(db(), spring, {m_ids[0], m_ids[2]}, DeliveryStatus::Sent);
        QVERIFY(!n);
        QCOMPARE(n.error().message, QStringLiteral("contact #%1 is not a member of \"Spring\"").arg(m_ids[2]));
        QCOMPARE(Test::dumpDatabase(db()), before);
        QCOMPARE(*CampaignStore::setMemberStatus(db(), spring, {m_ids[0]}, DeliveryStatus::Clicked, 1700000200000), 1);
        auto mine = CampaignStore::membershipsOf(db(), m_ids[0]);
        QVERIFY(mine);
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->at(0).campaignName, QStringLiteral("Spring"));
        QCOMPARE(mine->at(0).status, DeliveryStatus::Clicked);
        QCOMPARE(mine->at(0).updatedAt, qint64(1700000200000));
    }

    void trashHidesMembersAndPurgeRemovesThem()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, CampaignStore::Target{}).ok());
        QVERIFY(CampaignStore::setMemberStatus(db(), spring, {m_ids[0], m_ids[1]}, DeliveryStatus::Opened).ok());
        QCOMPARE(CampaignStore::counts(db(), spring)->total(), qint64(5));

        // The Trash: out of the counts and the member list, the rows kept for a restore.
        QVERIFY(m_repo->moveToTrash({m_ids[0], m_ids[4]}).ok());
        DeliveryCounts c = *CampaignStore::counts(db(), spring);
        QCOMPARE(c.total(), qint64(3));
        QCOMPARE(c.of(DeliveryStatus::Opened), qint64(1));
        QCOMPARE(c.of(DeliveryStatus::Pending), qint64(2));
        QCOMPARE(memberRows(spring), 5);
        auto page = CampaignStore::members(db(), spring, std::nullopt, 0, 10);
        QCOMPARE(page->size(), 3);
        QCOMPARE(page->first().contactId, m_ids[1]);
        QCOMPARE(page->first().displayName, QStringLiteral("Bob Brown"));
        QCOMPARE(page->first().email, QStringLiteral("bob@x.org"));
        QVERIFY(m_repo->restore({m_ids[0]}).ok());
        QCOMPARE(CampaignStore::counts(db(), spring)->of(DeliveryStatus::Opened), qint64(2));

        // Purge (Empty Trash): Eve leaves every campaign for good, as the seeds say.
        QVERIFY(m_repo->purge({m_ids[4]}).ok());
        QCOMPARE(memberRows(spring), 4);
        QVERIFY(statusOf(spring, m_ids[4]).isEmpty());
        QCOMPARE(CampaignStore::counts(db(), spring)->total(), qint64(4));
    }

    void membersPageByStatus()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, CampaignStore::Target{}).ok());
        QVERIFY(CampaignStore::setMemberStatus(db(), spring, {m_ids[1], m_ids[3]}, DeliveryStatus::Bounced).ok());
        auto bounced = CampaignStore::members(db(), spring, DeliveryStatus::Bounced, 0, 10);
        QCOMPARE(bounced->size(), 2);
        QCOMPARE(bounced->at(1).contactId, m_ids[3]);
        auto next = CampaignStore::members(db(), spring, std::nullopt, m_ids[1], 2);
        QCOMPARE(next->size(), 2);
        QCOMPARE(next->at(0).contactId, m_ids[2]);
        QCOMPARE(next->at(1).contactId, m_ids[3]);
    }

    void importStatusesReportsBadLines()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0], m_ids[1], m_ids[2], m_ids[3]})).ok());
        const QString path = writeCsv(QStringLiteral("export.csv"),
                                      "Email,Event,Timestamp,Campaign\n"
                                      "ada@x.org,delivered,2024-03-01T10:00:00Z,x\n"         // 2 sent
                                      "ADA@x.org,Open,2024-03-01 11:00:00,x\n"              // 3 opened
                                      "ada@x.org,delivered,2024-03-01T12:00:00Z,x\n"        // 4 never back up the funnel
                                      "bob@x.org,hard_bounce,1709290800,x\n"                // 5 bounced
                                      "cy@x.org,unsubscribe,1709294400000,x\n"              // 6 unsubscribed
                                      "nobody@x.org,click,2024-03-01T10:00:00Z,x\n"         // 7 unknown email
                                      "eve@x.org,click,2024-03-01T10:00:00Z,x\n"            // 8 not a member
                                      "dee@x.org,frobbed,2024-03-01T10:00:00Z,x\n"          // 9 unknown status
                                      "dee@x.org,click,yesterday,x\n"                       // 10 bad time
                                      "\n"
                                      "dee@x.org,Clicked,,x\n");                            // 12 no time: now
        Sql::setClockForTesting(1710000000000);
        QList<int> steps;
        auto result = CampaignStore::importStatuses(db(), spring, path, [&steps](int step) {
            steps.append(step);
            return true;
        });
        QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->lines, 10);
        QCOMPARE(result->updated, 5);
        QCOMPARE(result->unchanged, 1);
        QCOMPARE(result->unsubscribed, 1);
        QCOMPARE(result->problems.size(), 4);
        QCOMPARE(result->problems[0].line, qint64(7));
        QCOMPARE(result->problems[0].message, QStringLiteral("no contact has the email nobody@x.org"));
        QCOMPARE(result->problems[1].line, qint64(8));
        QCOMPARE(result->problems[1].message,
                 QStringLiteral("eve@x.org (contact #%1) is not a member of \"Spring\"").arg(m_ids[4]));
        QCOMPARE(result->problems[2].message, QStringLiteral("unknown status \"frobbed\" for dee@x.org"));
        QCOMPARE(result->problems[3].line, qint64(10));
        QCOMPARE(result->problems[3].message, QStringLiteral("\"yesterday\" is not a date and time"));
        QCOMPARE(result->summary(), QStringLiteral("Updated 5 members, 1 unchanged, 4 skipped; 1 contact newly unsubscribed."));
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.last(), CampaignStore::ImportSteps);

        QCOMPARE(statusOf(spring, m_ids[0]), QStringLiteral("opened@1709290800000")); // 2024-03-01 11:00 UTC
        QCOMPARE(statusOf(spring, m_ids[1]), QStringLiteral("bounced@1709290800000"));
        QCOMPARE(statusOf(spring, m_ids[2]), QStringLiteral("unsubscribed@1709294400000"));
        QCOMPARE(statusOf(spring, m_ids[3]), QStringLiteral("clicked@1710000000000"));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[2]), qint64(1709294400000));
        QCOMPARE(m_repo->load(m_ids[2])->status, QStringLiteral("unsubscribed"));
        DeliveryCounts c = *CampaignStore::counts(db(), spring);
        QCOMPARE(c.of(DeliveryStatus::Opened), qint64(1));
        QCOMPARE(c.of(DeliveryStatus::Clicked), qint64(1));
        QCOMPARE(c.of(DeliveryStatus::Bounced), qint64(1));
        QCOMPARE(c.of(DeliveryStatus::Unsubscribed), qint64(1));
    }

    void importStatusesIsOneTransaction()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0]})).ok());
        const QString before = Test::dumpDatabase(db());
        // No status column: refused before anything is read.
        auto noStatus = CampaignStore::importStatuses(
            db(), spring, writeCsv(QStringLiteral("a.csv"), "email,when\nada@x.org,2024-03-01\n"));
        QVERIFY(!noStatus);
        QVERIFY2(noStatus.error().message.startsWith(QLatin1String("the header row needs an \"email\" and a \"status\" column")),
                 qPrintable(noStatus.error().message));
        auto missing = CampaignStore::importStatuses(db(), spring, m_temp->dir() + QStringLiteral("/none.csv"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::Io);
        // Cancelled half way: nothing of it stays.
        QByteArray big = "email,status\n";
        for (int i = 0; i < 20000; ++i)
            big += "ada@x.org,open\n";
        big += "ada@x.org,unsubscribed\n";
        auto cancelled = CampaignStore::importStatuses(db(), spring, writeCsv(QStringLiteral("b.csv"), big),
                                                       [](int step) { return step < 50; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void cancelledAddLeavesNothing()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        const QString before = Test::dumpDatabase(db());
        for (int stopAt = 1; stopAt <= CampaignStore::AddSteps; ++stopAt) {
            auto change = CampaignStore::addMembers(db(), spring, CampaignStore::Target{},
                                                    [stopAt](int step) { return step < stopAt; });
            QVERIFY(!change);
            QCOMPARE(change.error().code, Error::Code::Cancelled);
            QCOMPARE(Test::dumpDatabase(db()), before);
        }
    }

    void parseTimestamp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("iso utc") << "2024-03-01T10:00:00Z" << qint64(1709287200000);
        QTest::addRow("iso offset") << "2024-03-01T11:00:00+01:00" << qint64(1709287200000);
        QTest::addRow("iso no zone is utc") << "2024-03-01T10:00:00" << qint64(1709287200000);
        QTest::addRow("space") << "2024-03-01 10:00:00" << qint64(1709287200000);
        QTest::addRow("minutes") << "2024-03-01 10:00" << qint64(1709287200000);
        QTest::addRow("unix seconds") << "1709287200" << qint64(1709287200000);
        QTest::addRow("unix ms") << "1709287200000" << qint64(1709287200000);
        QTest::addRow("rfc 2822") << "Fri, 01 Mar 2024 10:00:00 +0000" << qint64(1709287200000);
        QTest::addRow("garbage") << "soon" << qint64(-1);
        QTest::addRow("empty") << "" << qint64(-1);
    }

    void parseTimestamp()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = CampaignStore::parseTimestamp(text);
        QCOMPARE(parsed.value_or(-1), ms);
    }

    void undoRedoMemberStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("opened") << "opened";
        QTest::newRow("unsubscribed marks the contacts") << "unsubscribed";
    }

    void undoRedoMemberStatus()
    {
        QFETCH(QString, status);
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0], m_ids[1], m_ids[2]})).ok());
        Sql::setClockForTesting(1700000050000);
        QVERIFY(CampaignStore::setMemberStatus(db(), spring, {m_ids[1]}, DeliveryStatus::Sent).ok());
        // Bob was marked unsubscribed by hand: only his date comes from a member unsubscribe.
        QVERIFY(Sql::run(db(), QStringLiteral("t"), QStringLiteral("UPDATE contacts SET status = 'unsubscribed' WHERE id = ?"),
                         {m_ids[1]}));
        const QString before = Test::dumpDatabase(db());
        Sql::setClockForTesting(1700000090000);
        auto change = CampaignStore::changeMemberStatus(db(), spring, {m_ids[0], m_ids[1]}, *Delivery::fromKey(status));
        QVERIFY2(change, change ? "" : qPrintable(change.error().toString()));
        QCOMPARE(change->members, 2);
        const QString after = Test::dumpDatabase(db());
        QVERIFY(after != before);
        if (status == QLatin1String("unsubscribed")) {
            QCOMPARE(m_repo->load(m_ids[0])->status, QStringLiteral("unsubscribed"));
            QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[1]), qint64(1700000090000));
        }

        Sql::setClockForTesting(1700000099000);
        QVERIFY(CampaignStore::undoStatus(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
        QVERIFY(CampaignStore::redoStatus(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), after);
        QVERIFY(CampaignStore::undoStatus(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void undoRedoStatusImport()
    {
        const qint64 spring = newCampaign(QStringLiteral("Spring"));
        QVERIFY(CampaignStore::addMembers(db(), spring, ids({m_ids[0], m_ids[1], m_ids[2], m_ids[3]})).ok());
        Sql::setClockForTesting(1700000050000);
        QVERIFY(CampaignStore::setMemberStatus(db(), spring, {m_ids[3]}, DeliveryStatus::Opened).ok());
        const QString path = writeCsv(QStringLiteral("export.csv"),
                                      "email,status,timestamp\n"
                                      "ada@x.org,delivered,2024-03-01T10:00:00Z\n"
                                      "ada@x.org,open,2024-03-01T11:00:00Z\n"   // the same member twice
                                      "bob@x.org,hard_bounce,2024-03-01T10:00:00Z\n"
                                      "cy@x.org,unsubscribe,2024-03-01T12:00:00Z\n"
                                      "dee@x.org,delivered,2024-03-01T12:00:00Z\n"); // never back up: unchanged
        const QString before = Test::dumpDatabase(db());
        Sql::setClockForTesting(1710000000000);
        auto result = CampaignStore::importStatuses(db(), spring, path);
        QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->updated, 4);
        QCOMPARE(result->unchanged, 1);
        QCOMPARE(result->change.members, 3);
        QCOMPARE(m_repo->load(m_ids[2])->status, QStringLiteral("unsubscribed"));
        const QString after = Test::dumpDatabase(db());

        QVERIFY(CampaignStore::undoStatus(db(), result->change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
        QCOMPARE(m_repo->load(m_ids[2])->status, QStringLiteral("active"));
        QCOMPARE(*CampaignStore::unsubscribedAt(db(), m_ids[2]), qint64(0));
        QVERIFY(CampaignStore::redoStatus(db(), result->change).ok());
        QCOMPARE(Test::dumpDatabase(db()), after);
        QVERIFY(CampaignStore::undoStatus(db(), result->change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }
};

QTEST_GUILESS_MAIN(TestCampaignStore)
#include "TestCampaignStore.moc"
