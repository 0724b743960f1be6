// Every bulk action besides tags (add to / remove from a list, set a field, set a custom field,
// move to the Trash) over a filter or a set of ids, and its exact undo: the whole database dumps
// the same after the undo as before the action; redo does it again.

#include "TestSupport.h"
#include "store/BulkEdit.h"
#include "store/ContactRepository.h"
#include "store/SavedLists.h"
#include "store/Sql.h"

#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestBulkEdit : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    QList<qint64> m_ids; // Ada Lovelace, Bob Brown, Cy Cole, Dee Diaz, Eve Ernst

    QSqlDatabase db() { return m_temp->db().connection(); }

    QVariant value(const QString& sql, const QVariantList& binds = {})
    {
        auto q = Sql::run(db(), QStringLiteral("t"), sql, binds);
        return q && q->next() ? q->value(0) : QVariant();
    }

    int count(const ContactListQuery& q)
    {
        return value(q.countSql(), q.countBinds()).toInt();
    }

    int searchCount(const QString& text)
    {
        ContactListQuery q;
        q.searchText = text;
        return count(q);
    }

    QList<qint64> members(qint64 listId)
    {
        ContactListQuery q;
        q.filter.listId = listId;
        auto r = Sql::run(db(), QStringLiteral("ids"), q.idsSql(), q.whereBinds());
        QList<qint64> ids;
        while (r && r->next())
            ids.append(r->value(0).toLongLong());
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    static BulkEdit::Target ids(const QList<qint64>& list)
    {
        BulkEdit::Target t;
        t.useIds = true;
        t.ids = list;
        return t;
    }

    // Undo puts the dump back exactly; redo does the change again with the same contacts.
    void checkUndoRedo(BulkEdit::Change change, const QString& before)
    {
        const QString after = Test::dumpDatabase(db());
        Status undone = BulkEdit::undo(db(), change);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().toString()));
        QCOMPARE(Test::dumpDatabase(db()), before);
        const auto idsBefore = change.ids;
        Status redone = BulkEdit::redo(db(), change);
        QVERIFY2(redone, redone ? "" : qPrintable(redone.error().toString()));
        QCOMPARE(change.ids, idsBefore);
        QCOMPARE(Test::dumpDatabase(db()), after); // the clock is pinned: the same writes again
        QVERIFY(BulkEdit::undo(db(), change).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
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
        int n = 0;
        for (const QString& name : names) {
            const QStringList parts = name.split(QLatin1Char(' '));
            auto id = m_repo->create(makeContact(parts[0], parts[1], parts[0].toLower() + QStringLiteral("@x.org"),
                                                 QStringLiteral("+1 415 555 01%1").arg(10 + n++)));
            QVERIFY(id);
            m_ids.append(*id);
        }
        QVERIFY(m_repo->addTags({m_ids[0], m_ids[1], m_ids[2]}, {QStringLiteral("vip")}).ok());
        QVERIFY(m_repo->updateField(m_ids[0], ContactField::Owner, QStringLiteral("kim")).ok());
        QVERIFY(m_repo->setCustomValue(m_ids[1], QStringLiteral("tier"), QStringLiteral("gold")).ok());
        // Later writes carry a later clock, so a wrong undo of updated_at shows in the dump.
        Sql::setClockForTesting(1700000009000);
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void addToANewListThenUndoRedo()
    {
        const QString before = Test::dumpDatabase(db());
        BulkEdit::Target vip;
        vip.query.filter.allTags = {QStringLiteral("vip")};
        auto change = BulkEdit::addToList(db(), QStringLiteral("  Spring   fair "), vip);
        QVERIFY2(change, change ? "" : qPrintable(change.error().toString()));
        QVERIFY(change->createdList);
        QCOMPARE(change->listName, QStringLiteral("Spring fair"));
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[0], m_ids[1], m_ids[2]}));
        QCOMPARE(members(change->listId), (QList<qint64>{m_ids[0], m_ids[1], m_ids[2]}));
        // Adding did not edit the contacts.
        QCOMPARE(m_repo->load(m_ids[0])->updatedAt.toMSecsSinceEpoch(), qint64(1700000000000));
        checkUndoRedo(*change, before); // the list it made goes with the undo, and comes back under its id
    }

    void aContactIsNeverInAListTwice()
    {
        auto first = BulkEdit::addToList(db(), QStringLiteral("Fair"), ids({m_ids[0], m_ids[1]}));
        QVERIFY(first);
        const QString before = Test::dumpDatabase(db());
        // Everyone, by filter: only the three who are not members yet are added.
        auto second = BulkEdit::addToList(db(), QStringLiteral("fair"), BulkEdit::Target{});
        QVERIFY(second);
        QVERIFY(!second->createdList);
        QCOMPARE(second->listId, first->listId);
        QCOMPARE(second->ids, (QVector<qint64>{m_ids[2], m_ids[3], m_ids[4]}));
        QCOMPARE(members(first->listId).size(), 5);
        auto again = BulkEdit::addToList(db(), QStringLiteral("FAIR"), ids(m_ids));
        QVERIFY(again);
        QVERIFY(again->ids.isEmpty());
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM list_members")).toInt(), 5);
        // The key refuses a second row for the same contact whatever writes it.
        QVERIFY(!Sql::run(db(), QStringLiteral("twice"),
                          QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) VALUES (?, ?, 1)"),
                          {first->listId, m_ids[0]}));
        // Undo of the second add removes only its own three.
        QVERIFY(BulkEdit::undo(db(), *second).ok());
        QCOMPARE(Test::dumpDatabase(db()), before);
        QCOMPARE(members(first->listId), (QList<qint64>{m_ids[0], m_ids[1]}));
    }

    void removeFromAListKeepsTheDateAddedOnUndo()
    {
        Sql::setClockForTesting(1700000001000);
        auto add = BulkEdit::addToList(db(), QStringLiteral("Fair"), ids(m_ids));
        QVERIFY(add);
        Sql::setClockForTesting(1700000009000);
        const QString before = Test::dumpDatabase(db());
        BulkEdit::Target target;
        target.query.filter.listId = add->listId;
        target.query.searchText = QStringLiteral("bob");
        auto change = BulkEdit::removeFromList(db(), add->listId, target);
        QVERIFY(change);
        QCOMPARE(change->ids, QVector<qint64>{m_ids[1]});
        QCOMPARE(change->oldTimes, QVector<qint64>{1700000001000});
        QCOMPARE(members(add->listId).size(), 4);
        checkUndoRedo(*change, before);
    }

    void smartListsHaveNoMembers()
    {
        QVERIFY(SavedLists::createSmart(db(), QStringLiteral("VIPs"), {}, {}));
        const QString before = Test::dumpDatabase(db());
        auto change = BulkEdit::addToList(db(), QStringLiteral("vips"), ids(m_ids));
        QVERIFY(!change);
        QCOMPARE(change.error().code, Error::Code::Invalid);
        QVERIFY(change.error().message.contains(QLatin1String("smart list")));
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void setOwnerOnAFilterThenUndo()
    {
        const QString before = Test::dumpDatabase(db());
        BulkEdit::Target vip;
        vip.query.filter.allTags = {QStringLiteral("vip")};
        auto change = BulkEdit::setField(db(), ContactField::Owner, QStringLiteral(" kim "), vip);
        QVERIFY(change);
        QCOMPARE(change->ids, (QVector<qint64>{m_ids[1], m_ids[2]})); // Ada is kim's already
        QCOMPARE(m_repo->load(m_ids[2])->owner, QStringLiteral("kim"));
        QCOMPARE(m_repo->load(m_ids[2])->updatedAt.toMSecsSinceEpoch(), qint64(1700000009000));
        QCOMPARE(m_repo->load(m_ids[3])->owner, QString());
        checkUndoRedo(*change, before);
    }

    void setStatusChecksTheValue()
    {
        const QString before = Test::dumpDatabase(db());
        auto bad = BulkEdit::setField(db(), ContactField::ContactStatus, QStringLiteral("gone"), BulkEdit::Target{});
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QLatin1String("unsubscribed")));
        QVERIFY(!BulkEdit::setField(db(), ContactField::FirstName, QStringLiteral("X"), BulkEdit::Target{}));
        QCOMPARE(Test::dumpDatabase(db()), before);
        auto change = BulkEdit::setField(db(), ContactField::ContactStatus, QStringLiteral("unsubscribed"),
                                         ids({m_ids[3], m_ids[4]}));
        QVERIFY(change);
        ContactListQuery q;
        q.filter.status = QStringLiteral("unsubscribed");
        QCOMPARE(count(q), 2);
        checkUndoRedo(*change, before);
    }

    void setCompanyKeepsSearchAndNamelessSummaryInStep()
    {
        Contact nameless;
        nameless.emails.append(EmailAddress{0, QStringLiteral("info@acme.test"), QStringLiteral("work"), true});
        nameless.company = QStringLiteral("Acme");
        Sql::setClockForTesting(1700000000000);
        auto id = m_repo->create(nameless);
        QVERIFY(id);
        Sql::setClockForTesting(1700000009000);
        const QString before = Test::dumpDatabase(db());
        auto change = BulkEdit::setField(db(), ContactField::Company, QStringLiteral("Zenith Labs"), BulkEdit::Target{});
        QVERIFY(change);
        QCOMPARE(change->ids.size(), 6);
        QCOMPARE(searchCount(QStringLiteral("zenith")), 6);
        QCOMPARE(searchCount(QStringLiteral("acme")), 1); // the nameless contact's email still says acme
        QCOMPARE(value(QStringLiteral("SELECT display_name || '|' || sort_key FROM contacts WHERE id = ?"), {*id})
                     .toString(),
                 QStringLiteral("Zenith Labs|zenith labs"));
        checkUndoRedo(*change, before);
        QCOMPARE(searchCount(QStringLiteral("zenith")), 0);

        auto title = BulkEdit::setField(db(), ContactField::JobTitle, QStringLiteral("Buyer"), ids({m_ids[0]}));
        QVERIFY(title);
        QCOMPARE(searchCount(QStringLiteral("buyer")), 1);
        checkUndoRedo(*title, before);
    }

    void setACustomFieldThenUndo()
    {
        const QString before = Test::dumpDatabase(db());
        auto change = BulkEdit::setCustomField(db(), QStringLiteral("tier"), QStringLiteral("silver"), ids(m_ids));
        QVERIFY(change);
        QVERIFY(!change->createdField);
        QCOMPARE(change->ids.size(), 5);
        QCOMPARE(change->oldValues.at(1).toString(), QStringLiteral("gold"));
        QVERIFY(change->oldValues.at(0).isNull()); // Ada had none
        QCOMPARE(m_repo->load(m_ids[4])->customFields.value(QStringLiteral("tier")), QStringLiteral("silver"));
        checkUndoRedo(*change, before);

        // Clearing removes the value from those who have it (only Bob).
        auto cleared = BulkEdit::setCustomField(db(), QStringLiteral("tier"), QString(), BulkEdit::Target{});
        QVERIFY(cleared);
        QCOMPARE(cleared->ids, QVector<qint64>{m_ids[1]});
        QVERIFY(m_repo->load(m_ids[1])->customFields.isEmpty());
        checkUndoRedo(*cleared, before);
    }

    void aNewCustomFieldIsDroppedByUndo()
    {
        const QString before = Test::dumpDatabase(db());
        auto change = BulkEdit::setCustomField(db(), QStringLiteral("booth"), QStringLiteral("B12"), ids({m_ids[2]}));
        QVERIFY(change);
        QVERIFY(change->createdField);
        ContactListQuery q;
        q.filter.fieldKey = QStringLiteral("booth");
        q.filter.fieldValue = QStringLiteral("B12");
        QCOMPARE(count(q), 1);
        checkUndoRedo(*change, before);
        auto nothing = BulkEdit::setCustomField(db(), QStringLiteral("nosuch"), QString(), ids(m_ids));
        QVERIFY(nothing);
        QVERIFY(nothing->ids.isEmpty());
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void trashAllMatchingThenRestoreByUndo()
    {
        auto list = BulkEdit::addToList(db(), QStringLiteral("Fair"), ids(m_ids));
        QVERIFY(list);
        const QString before = Test::dumpDatabase(db());
        BulkEdit::Target vip;
        vip.query.filter.allTags = {QStringLiteral("vip")};
        auto change = BulkEdit::moveToTrash(db(), vip);
        QVERIFY(change);
        QCOMPARE(change->ids.size(), 3);
        QCOMPARE(count(ContactListQuery{}), 2);
        ContactListQuery trash;
        trash.trash = true;
        QCOMPARE(count(trash), 3);
        QCOMPARE(members(list->listId).size(), 2); // trashed members leave the list's view, not the list
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM contact_emails WHERE live = 0")).toInt(), 3);
        // Their emails are free while they are in the Trash.
        QVERIFY(m_repo->checkEmails(0, {EmailAddress{0, QStringLiteral("ada@x.org"), {}, true}}).ok());
        checkUndoRedo(*change, before);
        QCOMPARE(members(list->listId).size(), 5);
    }

    void undoOfTrashFailsWhenAnEmailWasTakenMeanwhile()
    {
        auto change = BulkEdit::moveToTrash(db(), ids({m_ids[0], m_ids[1]}));
        QVERIFY(change);
        QVERIFY(m_repo->create(makeContact(QStringLiteral("Ada"), QStringLiteral("Again"), QStringLiteral("ADA@x.org"))));
        const QString before = Test::dumpDatabase(db());
        Status s = BulkEdit::undo(db(), *change);
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("Ada Lovelace"))
                     && s.error().message.contains(QLatin1String("Ada Again")),
                 qPrintable(s.error().message));
        QCOMPARE(Test::dumpDatabase(db()), before);
    }

    void theTrashViewIsNoTarget()
    {
        BulkEdit::Target trash;
        trash.query.trash = true;
        QVERIFY(!BulkEdit::setField(db(), ContactField::Owner, QStringLiteral("x"), trash));
        // Ids in the Trash are skipped.
        QVERIFY(m_repo->moveToTrash({m_ids[4]}).ok());
        auto change = BulkEdit::setField(db(), ContactField::Owner, QStringLiteral("lee"), ids({m_ids[3], m_ids[4]}));
        QVERIFY(change);
        QCOMPARE(change->ids, QVector<qint64>{m_ids[3]});
    }

    void cancelLeavesTheDatabaseAsItWas()
    {
        const QString before = Test::dumpDatabase(db());
        for (int stopAt = 1; stopAt <= BulkEdit::Steps; ++stopAt) {
            auto cancel = [stopAt](int step) { return step < stopAt; };
            for (auto change : {BulkEdit::addToList(db(), QStringLiteral("New"), {}, cancel),
                                BulkEdit::setField(db(), ContactField::Company, QStringLiteral("Co"), {}, cancel),
                                BulkEdit::setCustomField(db(), QStringLiteral("k"), QStringLiteral("v"), {}, cancel),
                                BulkEdit::moveToTrash(db(), {}, cancel)}) {
                QVERIFY(!change);
                QCOMPARE(change.error().code, Error::Code::Cancelled);
                QCOMPARE(Test::dumpDatabase(db()), before);
            }
        }
    }

    void purgingAContactRemovesItsMemberships()
    {
        auto list = BulkEdit::addToList(db(), QStringLiteral("Fair"), ids(m_ids));
        QVERIFY(list);
        QVERIFY(m_repo->moveToTrash({m_ids[0], m_ids[1]}).ok());
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM list_members")).toInt(), 5);
        QVERIFY(m_repo->purge({m_ids[0]}).ok());
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM list_members")).toInt(), 4);
        QVERIFY(m_repo->emptyTrash());
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM list_members WHERE contact_id IN (?, ?)"),
                       {m_ids[0], m_ids[1]})
                     .toInt(),
                 0);
        QCOMPARE(members(list->listId).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBulkEdit)
#include "TestBulkEdit.moc"
