// The tags collection on a real SQLite file: counts, create, rename, rename onto an existing tag
// (merge), colour and delete, each checked on the links, the list's tags column and search.

#include "TestSupport.h"
#include "store/ContactListQuery.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"
#include "store/TagCatalog.h"

#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestTagCatalog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    QList<qint64> m_ids; // Ada, Bob, Cy, Dee

    QSqlDatabase db() { return m_temp->db().connection(); }

    int searchCount(const QString& text)
    {
        ContactListQuery q;
        q.searchText = text;
        auto r = Sql::run(db(), QStringLiteral("count"), q.countSql(), q.countBinds());
        return r && r.value().next() ? r.value().value(0).toInt() : -1;
    }

    QString tagsText(qint64 id)
    {
        auto r = Sql::scalar(db(), QStringLiteral("t"), QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(ContactListQuery::tagsSql(QStringLiteral("contacts.id"))), {id});
        return r ? r->toString() : QString();
    }

    qint64 updatedAt(qint64 id)
    {
        auto r = Sql::scalar(db(), QStringLiteral("t"), QStringLiteral("SELECT updated_at FROM contacts WHERE id = ?"), {id});
        return r ? r->toLongLong() : -1;
    }

    qint64 tagId(const QString& name)
    {
        auto id = m_repo->tagId(name, false);
        return id ? *id : 0;
    }

    TagInfo info(const QString& name)
    {
        auto tags = TagCatalog::list(db());
        for (const TagInfo& t : *tags)
            if (t.name == name)
                return t;
        return {};
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(db(), PhoneNormalizer(QStringLiteral("US")));
        m_ids.clear();
        for (const QString& first : {QStringLiteral("Ada"), QStringLiteral("Bob"), QStringLiteral("Cy"), QStringLiteral("Dee")}) {
            auto id = m_repo->create(makeContact(first, QStringLiteral("Test"), first.toLower() + QStringLiteral("@x.org")));
            QVERIFY(id);
            m_ids.append(*id);
        }
        QVERIFY(m_repo->addTags({m_ids[0], m_ids[1]}, {QStringLiteral("VIP")}).ok());
        QVERIFY(m_repo->addTags({m_ids[1], m_ids[2]}, {QStringLiteral("customer")}).ok());
        QVERIFY(m_repo->moveToTrash({m_ids[2]}).ok()); // a trashed carrier: not counted
        Sql::setClockForTesting(1700000005000);
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void listCountsLiveContacts()
    {
        auto tags = TagCatalog::list(db());
        QVERIFY(tags);
        QCOMPARE(tags->size(), 2);
        QCOMPARE(tags->at(0).name, QStringLiteral("customer"));
        QCOMPARE(tags->at(0).contactCount, 1);
        QCOMPARE(tags->at(1).name, QStringLiteral("VIP"));
        QCOMPARE(tags->at(1).contactCount, 2);
    }

    void createEmptyTag()
    {
        auto id = TagCatalog::create(db(), QStringLiteral("  partner   program "));
        QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
        QCOMPARE(info(QStringLiteral("partner program")).id, *id);
        QCOMPARE(info(QStringLiteral("partner program")).contactCount, 0);
        auto again = TagCatalog::create(db(), QStringLiteral("Partner Program"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Duplicate);
        QVERIFY(again.error().message.contains(QStringLiteral("\"partner program\"")));
        QCOMPARE(TagCatalog::create(db(), QStringLiteral("  ")).error().code, Error::Code::Invalid);
    }

    void renameRewritesTagsTextAndSearch()
    {
        const qint64 vip = tagId(QStringLiteral("vip"));
        auto r = TagCatalog::rename(db(), vip, QStringLiteral("Key account"));
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QVERIFY(!r->merged);
        QCOMPARE(r->tagId, vip);
        QCOMPARE(r->contacts, 2);
        QCOMPARE(tagsText(m_ids[0]), QStringLiteral("Key account"));
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("customer, Key account")); // name order
        QCOMPARE(updatedAt(m_ids[0]), 1700000000000); // a rename is not an edit of the contact
        QCOMPARE(searchCount(QStringLiteral("key acc")), 2);
        QCOMPARE(searchCount(QStringLiteral("vip")), 0);
        QCOMPARE(tagId(QStringLiteral("KEY ACCOUNT")), vip);
        QCOMPARE(m_repo->load(m_ids[0])->tags, QStringList{QStringLiteral("Key account")});
    }

    void renameChangingOnlyCase()
    {
        const qint64 vip = tagId(QStringLiteral("vip"));
        auto r = TagCatalog::rename(db(), vip, QStringLiteral("Vip"));
        QVERIFY(r);
        QVERIFY(!r->merged);
        QCOMPARE(tagsText(m_ids[0]), QStringLiteral("Vip"));
        QCOMPARE(info(QStringLiteral("Vip")).contactCount, 2);
    }

    void renameOntoExistingTagMerges()
    {
        const qint64 vip = tagId(QStringLiteral("vip"));
        const qint64 customer = tagId(QStringLiteral("customer"));
        // Bob carries both: after the merge he has the tag once.
        auto r = TagCatalog::rename(db(), vip, QStringLiteral("CUSTOMER"));
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QVERIFY(r->merged);
        QCOMPARE(r->tagId, customer);
        QCOMPARE(tagId(QStringLiteral("vip")), 0);
        auto tags = TagCatalog::list(db());
        QCOMPARE(tags->size(), 1);
        QCOMPARE(tags->at(0).name, QStringLiteral("CUSTOMER")); // the typed spelling wins
        QCOMPARE(tags->at(0).contactCount, 2);                  // Ada and Bob; Cy is in the Trash
        QCOMPARE(tagsText(m_ids[0]), QStringLiteral("CUSTOMER"));
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("CUSTOMER"));
        QCOMPARE(tagsText(m_ids[2]), QStringLiteral("CUSTOMER")); // trashed carriers stay in step too
        auto links = Sql::scalar(db(), QStringLiteral("n"), QStringLiteral("SELECT COUNT(*) FROM contact_tags"));
        QCOMPARE(links->toInt(), 3);
        QCOMPARE(searchCount(QStringLiteral("vip")), 0);
        QCOMPARE(searchCount(QStringLiteral("customer")), 2);
    }

    void mergeKeepingTheSpelling()
    {
        const qint64 vip = tagId(QStringLiteral("vip"));
        auto r = TagCatalog::rename(db(), vip, QStringLiteral("customer"));
        QVERIFY(r);
        QVERIFY(r->merged);
        QCOMPARE(r->contacts, 2); // only VIP's carriers were rewritten
        QCOMPARE(tagsText(m_ids[0]), QStringLiteral("customer"));
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("customer"));
    }

    void renameRefusesEmptyAndUnknown()
    {
        QCOMPARE(TagCatalog::rename(db(), tagId(QStringLiteral("vip")), QStringLiteral(" ")).error().code,
                 Error::Code::Invalid);
        QCOMPARE(TagCatalog::rename(db(), 9999, QStringLiteral("x")).error().code, Error::Code::NotFound);
    }

    void setColor()
    {
        const qint64 vip = tagId(QStringLiteral("vip"));
        QVERIFY(TagCatalog::setColor(db(), vip, QStringLiteral("#FF8800")).ok());
        QCOMPARE(info(QStringLiteral("VIP")).color, QStringLiteral("#ff8800"));
        auto bad = TagCatalog::setColor(db(), vip, QStringLiteral("orange"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("\"orange\"")));
        QCOMPARE(info(QStringLiteral("VIP")).color, QStringLiteral("#ff8800"));
        QVERIFY(TagCatalog::setColor(db(), vip, QString()).ok());
        QCOMPARE(info(QStringLiteral("VIP")).color, QString());
    }

    void removeFromEveryContact()
    {
        const qint64 customer = tagId(QStringLiteral("customer"));
        auto n = TagCatalog::remove(db(), customer);
        QVERIFY2(n, n ? "" : qPrintable(n.error().toString()));
        QCOMPARE(*n, 2); // Bob and the trashed Cy
        QCOMPARE(tagId(QStringLiteral("customer")), 0);
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("VIP"));
        QCOMPARE(tagsText(m_ids[2]), QString());
        QCOMPARE(updatedAt(m_ids[1]), 1700000000000); // losing a tag is not an edit of the contact
        QCOMPARE(updatedAt(m_ids[0]), 1700000000000);
        QCOMPARE(searchCount(QStringLiteral("customer")), 0);
        QCOMPARE(searchCount(QStringLiteral("vip")), 2);
        QCOMPARE(TagCatalog::remove(db(), customer).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTagCatalog)
#include "TestTagCatalog.moc"
