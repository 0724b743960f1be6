// The tags collection on a real SQLite file: counts, create, rename, rename onto an existing tag
// (merge), colour and delete, each checked on the links, the list's tags column and search; and
// the exact undo and redo of each (a dump of every table before and after op + undo).

#include "TestSupport.h"
#include "store/ContactListQuery.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"
#include "store/TagCatalog.h"

#include <QSqlQuery>
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
        auto made = TagCatalog::create(db(), QStringLiteral("  partner   program "));
        QVERIFY2(made, made ? "" : qPrintable(made.error().toString()));
        QCOMPARE(info(QStringLiteral("partner program")).id, made->tag.id);
        QCOMPARE(made->tag.createdAt, 1700000005000);
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
        QVERIFY(!r->merged());
        QCOMPARE(r->resultTagId(), vip);
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
        QVERIFY(!r->merged());
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
        QVERIFY(r->merged());
        QCOMPARE(r->resultTagId(), customer);
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
        QVERIFY(r->merged());
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
        QCOMPARE(n->contacts, 2); // Bob and the trashed Cy
        QCOMPARE(tagId(QStringLiteral("customer")), 0);
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("VIP"));
        QCOMPARE(tagsText(m_ids[2]), QString());
        QCOMPARE(updatedAt(m_ids[1]), 1700000000000); // losing a tag is not an edit of the contact
        QCOMPARE(updatedAt(m_ids[0]), 1700000000000);
        QCOMPARE(searchCount(QStringLiteral("customer")), 0);
        QCOMPARE(searchCount(QStringLiteral("vip")), 2);
        QCOMPARE(TagCatalog::remove(db(), customer).error().code, Error::Code::NotFound);
    }

    void undoRedoEveryOperation_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<int>("contacts");
        QTest::newRow("create") << "create" << "" << "Partner" << 0;
        QTest::newRow("rename") << "rename" << "vip" << "Key account" << 2;
        QTest::newRow("rename, case only") << "rename" << "vip" << "Vip" << 2;
        QTest::newRow("merge") << "rename" << "vip" << "customer" << 2;
        QTest::newRow("merge, respelled") << "rename" << "vip" << "CUSTOMER" << 3;
        QTest::newRow("merge, other way") << "rename" << "customer" << "VIP" << 2;
        QTest::newRow("colour") << "colour" << "vip" << "#ff8800" << 0;
        QTest::newRow("colour, none") << "colour" << "customer" << "" << 0;
        QTest::newRow("delete") << "delete" << "customer" << "" << 2;
    }

    void undoRedoEveryOperation()
    {
        QFETCH(QString, operation);
        QFETCH(QString, tag);
        QFETCH(QString, argument);
        QFETCH(int, contacts);
        // Every column of the tag rows carries something to restore.
        QVERIFY(TagCatalog::setColor(db(), tagId(QStringLiteral("customer")), QStringLiteral("#3366cc")).ok());
        const QString before = Test::dumpDatabase(db());
        Sql::setClockForTesting(1700000009000);
        const qint64 id = tagId(tag);
        auto change = operation == QLatin1String("create")   ? TagCatalog::create(db(), argument)
                      : operation == QLatin1String("rename") ? TagCatalog::rename(db(), id, argument)
                      : operation == QLatin1String("colour") ? TagCatalog::setColor(db(), id, argument)
                                                             : TagCatalog::remove(db(), id);
        QVERIFY2(change, change ? "" : qPrintable(change.error().toString()));
        QCOMPARE(change->contacts, contacts);
        const QString after = Test::dumpDatabase(db());
        QVERIFY(after != before);

        Sql::setClockForTesting(1700000019000); // undo and redo write no clock of their own
        TagCatalog::Change recorded = *change;
        QVERIFY2(TagCatalog::undo(db(), recorded).ok(), qPrintable(Test::dumpDatabase(db())));
        QCOMPARE(Test::dumpDatabase(db()), before);
        QVERIFY(TagCatalog::redo(db(), recorded).ok());
        QCOMPARE(Test::dumpDatabase(db()), after);
        QVERIFY(TagCatalog::undo(db(), recorded).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void undoDeleteGivesANewIdWhenItsIdWasTaken()
    {
        const qint64 customer = tagId(QStringLiteral("customer")); // the highest id
        auto removed = TagCatalog::remove(db(), customer);
        QVERIFY(removed);
        auto made = TagCatalog::create(db(), QStringLiteral("Partner"));
        QVERIFY(made);
        QCOMPARE(made->tag.id, customer); // SQLite hands the free id out again
        TagCatalog::Change change = *removed;
        QVERIFY(TagCatalog::undo(db(), change).ok());
        const qint64 back = tagId(QStringLiteral("customer"));
        QVERIFY(back != 0 && back != customer);
        QCOMPARE(change.tag.id, back); // redo deletes the tag it brought back
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("customer, VIP"));
        QCOMPARE(tagsText(m_ids[2]), QStringLiteral("customer"));
        QCOMPARE(tagId(QStringLiteral("partner")), customer);
        QVERIFY(TagCatalog::redo(db(), change).ok());
        QCOMPARE(tagId(QStringLiteral("customer")), 0);
        QCOMPARE(tagId(QStringLiteral("partner")), customer);
    }

    void undoRefusesWhenTheNameWasTakenSince()
    {
        auto removed = TagCatalog::remove(db(), tagId(QStringLiteral("customer")));
        QVERIFY(removed);
        QVERIFY(TagCatalog::create(db(), QStringLiteral("Customer")).ok());
        const QString before = Test::dumpDatabase(db());
        TagCatalog::Change change = *removed;
        Status s = TagCatalog::undo(db(), change);
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Duplicate);
        QVERIFY2(s.error().message.contains(QStringLiteral("\"Customer\"")), qPrintable(s.error().message));
        QCOMPARE(Test::dumpDatabase(db()), before);

        auto renamed = TagCatalog::rename(db(), tagId(QStringLiteral("vip")), QStringLiteral("Gold"));
        QVERIFY(renamed);
        QVERIFY(TagCatalog::create(db(), QStringLiteral("VIP")).ok());
        change = *renamed;
        QCOMPARE(TagCatalog::undo(db(), change).error().code, Error::Code::Duplicate);
    }

    void undoCreateRefusedOnceContactsCarryTheTag()
    {
        auto made = TagCatalog::create(db(), QStringLiteral("Partner"));
        QVERIFY(made);
        QVERIFY(m_repo->addTags({m_ids[0]}, {QStringLiteral("partner")}).ok());
        TagCatalog::Change change = *made;
        Status s = TagCatalog::undo(db(), change);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QStringLiteral("1 contact")), qPrintable(s.error().message));
        QCOMPARE(tagsText(m_ids[0]), QStringLiteral("Partner, VIP"));
    }

    void cancelledDeleteAndUndoChangeNothing()
    {
        const QString before = Test::dumpDatabase(db());
        QList<int> steps;
        auto cancelled = TagCatalog::remove(db(), tagId(QStringLiteral("customer")), [&steps](int step) {
            steps.append(step);
            return step < 2;
        });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
        QCOMPARE(steps, (QList<int>{1, 2}));
        QCOMPARE(Test::dumpDatabase(db()), before);

        auto removed = TagCatalog::remove(db(), tagId(QStringLiteral("customer")));
        QVERIFY(removed);
        const QString after = Test::dumpDatabase(db());
        TagCatalog::Change change = *removed;
        QCOMPARE(TagCatalog::undo(db(), change, [](int step) { return step < TagCatalog::Steps; }).error().code,
                 Error::Code::Cancelled);
        QCOMPARE(Test::dumpDatabase(db()), after);
        QCOMPARE(change.tag.id, removed->tag.id);
    }

    // A tag on many contacts comes back in a few set-based statements: every link, exactly.
    void undoMergeOfManyLinks()
    {
        QList<qint64> many;
        for (int i = 0; i < 2000; ++i) {
            auto id = m_repo->create(makeContact(QStringLiteral("P%1").arg(i), QStringLiteral("Many"),
                                                 QStringLiteral("p%1@many.org").arg(i)));
            QVERIFY(id);
            many.append(*id);
        }
        QVERIFY(m_repo->addTags(many, {QStringLiteral("VIP")}).ok());
        QVERIFY(m_repo->addTags(many.mid(0, 700), {QStringLiteral("customer")}).ok());
        const QString before = Test::dumpDatabase(db());
        auto merged = TagCatalog::rename(db(), tagId(QStringLiteral("vip")), QStringLiteral("Customer"));
        QVERIFY(merged);
        QCOMPARE(merged->carriers.size(), 2002);
        QCOMPARE(merged->linked.size(), 2002 - 701); // Bob and 700 of them had both
        TagCatalog::Change change = *merged;
        QVERIFY(TagCatalog::undo(db(), change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }
};

QTEST_GUILESS_MAIN(TestTagCatalog)
#include "TestTagCatalog.moc"
