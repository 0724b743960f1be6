// Bulk tag add/remove over every contact of a filter or a set of ids, and their exact undo, on a
// real SQLite file: links, the list's tags column, search and nothing else.

#include "TestSupport.h"
#include "store/BulkTags.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QSqlQuery>
#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestBulkTags : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    QList<qint64> m_ids; // Ada Lovelace, Bob Brown, Cy Cole, Dee Diaz, Eve Ernst

    QSqlDatabase db() { return m_temp->db().connection(); }

    QStringList tagsOf(qint64 id) { return m_repo->load(id)->tags; }

    int searchCount(const QString& text)
    {
        ContactListQuery q;
        q.searchText = text;
        auto r = Sql::run(db(), QStringLiteral("count"), q.countSql(), q.countBinds());
        return r && r.value().next() ? r.value().value(0).toInt() : -1;
    }

    QString tagsText(qint64 id)
    {
        auto r = Sql::run(db(), QStringLiteral("t"), QStringLiteral("SELECT %1 FROM contacts WHERE id = ?").arg(ContactListQuery::tagsSql(QStringLiteral("contacts.id"))), {id});
        return r && r.value().next() ? r.value().value(0).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(1700000000000);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(db(), PhoneNormalizer(QStringLiteral("US")));
        m_ids.clear();
        const QStringList names{QStringLiteral("Ada Lovelace"), QStringLiteral("Bob Brown"), QStringLiteral("Cy Cole"),
                                QStringLiteral("Dee Diaz"), QStringLiteral("Eve Ernst")};
        for (const QString& n : names) {
            const QStringList parts = n.split(QLatin1Char(' '));
            auto id = m_repo->create(makeContact(parts[0], parts[1], parts[0].toLower() + QStringLiteral("@x.org")));
            QVERIFY(id);
            m_ids.append(*id);
        }
        QVERIFY(m_repo->addTags({m_ids[0], m_ids[1]}, {QStringLiteral("VIP")}).ok());
        QVERIFY(m_repo->addTags({m_ids[1]}, {QStringLiteral("customer")}).ok());
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void addToAllMatchingThenUndoRedo()
    {
        const QString before = Test::dumpDatabase(db());
        Sql::setClockForTesting(1700000005000);
        BulkTags::Target all; // every live contact: the empty filter
        auto change = BulkTags::apply(db(), BulkTags::Action::Add, QStringLiteral("vip"), all);
        QVERIFY2(change, change ? "" : qPrintable(change.error().toString()));
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[2], m_ids[3], m_ids[4]})); // Ada and Bob had it
        QVERIFY(!change->createdTag);
        for (qint64 id : std::as_const(m_ids))
            QVERIFY(tagsOf(id).contains(QStringLiteral("VIP")));
        QCOMPARE(tagsText(m_ids[1]), QStringLiteral("customer, VIP"));
        QCOMPARE(tagsText(m_ids[4]), QStringLiteral("VIP"));
        QCOMPARE(searchCount(QStringLiteral("vip")), 5); // search matches tag names through the links
        // A tag is not an edit of the contact: only contact_tags changes.
        QCOMPARE(m_repo->load(m_ids[4])->updatedAt.toMSecsSinceEpoch(), qint64(1700000000000));
        QCOMPARE(m_repo->load(m_ids[0])->updatedAt.toMSecsSinceEpoch(), qint64(1700000000000));

        // Undo removes only the links the add made: Ada and Bob keep VIP.
        Sql::setClockForTesting(1700000000000);
        QVERIFY(BulkTags::undo(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
        QCOMPARE(searchCount(QStringLiteral("vip")), 2);

        BulkTags::Change redone = *change;
        QVERIFY(BulkTags::redo(db(), redone).ok());
        QCOMPARE(redone.ids, change->ids);
        QCOMPARE(searchCount(QStringLiteral("vip")), 5);
    }

    void removeFromAFilterThenUndo()
    {
        const QString before = Test::dumpDatabase(db());
        BulkTags::Target target;
        target.query.filter.allTags = {QStringLiteral("vip")};
        target.query.filter.letter = QStringLiteral("b");
        auto change = BulkTags::apply(db(), BulkTags::Action::Remove, QStringLiteral("VIP"), target);
        QVERIFY(change);
        QCOMPARE(change->ids, QVector<qint64>{m_ids[1]});
        QCOMPARE(tagsOf(m_ids[1]), QStringList{QStringLiteral("customer")});
        QCOMPARE(tagsOf(m_ids[0]), QStringList{QStringLiteral("VIP")});
        QCOMPARE(searchCount(QStringLiteral("vip")), 1);
        QVERIFY(BulkTags::undo(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void newTagOnIdsIsDroppedByUndo()
    {
        const QString before = Test::dumpDatabase(db());
        BulkTags::Target target;
        target.useIds = true;
        target.ids = {m_ids[2], m_ids[3], 999999};
        auto change = BulkTags::apply(db(), BulkTags::Action::Add, QStringLiteral("  Trade  show "), target);
        QVERIFY(change);
        QVERIFY(change->createdTag);
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[2], m_ids[3]})); // an unknown id is skipped
        QCOMPARE(tagsOf(m_ids[2]), QStringList{QStringLiteral("Trade show")});
        QCOMPARE(searchCount(QStringLiteral("trade")), 2);
        QVERIFY(BulkTags::undo(db(), *change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before); // the tag it made is gone too
        BulkTags::Change again = *change;
        QVERIFY(BulkTags::redo(db(), again).ok());
        QCOMPARE(tagsOf(m_ids[3]), QStringList{QStringLiteral("Trade show")});
    }

    void searchAndTrashAreRespected()
    {
        QVERIFY(m_repo->moveToTrash({m_ids[4]}).ok());
        BulkTags::Target target;
        target.query.searchText = QStringLiteral("x.org"); // everyone's email, but Eve is in the Trash
        auto change = BulkTags::apply(db(), BulkTags::Action::Add, QStringLiteral("e-people"), target);
        QVERIFY(change);
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[0], m_ids[1], m_ids[2], m_ids[3]}));
        QVERIFY(tagsOf(m_ids[4]).isEmpty());
    }

    void cancelLeavesTheDatabaseAsItWas()
    {
        const QString before = Test::dumpDatabase(db());
        for (int stopAt = 1; stopAt <= BulkTags::Steps; ++stopAt) {
            auto change = BulkTags::apply(db(), BulkTags::Action::Add, QStringLiteral("new"), BulkTags::Target{},
                                          [stopAt](int step) { return step < stopAt; });
            QVERIFY(!change);
            QCOMPARE(change.error().code, Error::Code::Cancelled);
            QCOMPARE(Test::dumpDatabase(db()), before);
        }
    }

    void removingAnUnknownTagChangesNothing()
    {
        const QString before = Test::dumpDatabase(db());
        auto change = BulkTags::apply(db(), BulkTags::Action::Remove, QStringLiteral("nope"), BulkTags::Target{});
        QVERIFY(change);
        QVERIFY(change->ids.isEmpty());
        QCOMPARE(Test::dumpDatabase(db()), before);
        QVERIFY(!BulkTags::apply(db(), BulkTags::Action::Add, QStringLiteral("  "), BulkTags::Target{}));
    }
};

QTEST_GUILESS_MAIN(TestBulkTags)
#include "TestBulkTags.moc"
