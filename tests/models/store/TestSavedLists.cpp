// Saved lists on a real SQLite file: a smart list keeps its filter and search exactly (JSON round
// trip) and shows whoever matches now; static lists; names unique case-insensitively; rename and
// delete.

#include "TestSupport.h"
#include "store/BulkEdit.h"
#include "store/ContactRepository.h"
#include "store/SavedLists.h"
#include "store/Sql.h"

#include <QTest>

using namespace ContactDesk;
using Test::makeContact;

class TestSavedLists : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;

    QSqlDatabase db() { return m_temp->db().connection(); }

    int count(const SavedList& list)
    {
        ContactListQuery q;
        q.filter = list.shownFilter();
        q.searchText = list.shownSearch();
        auto r = Sql::run(db(), QStringLiteral("count"), q.countSql(), q.countBinds());
        return r && r->next() ? r->value(0).toInt() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
    }

    void cleanup() { m_temp.reset(); }

    void filterJsonRoundTrip()
    {
        ContactFilter f;
        f.source = QStringLiteral("csv");
        f.importRunId = 4;
        f.allTags = {QStringLiteral("vip"), QStringLiteral("Zürich \"office\"")};
        f.anyTags = {QStringLiteral("a")};
        f.noneTags = {QStringLiteral("old"), QStringLiteral("b")};
        f.status = QStringLiteral("active");
        f.owner = QStringLiteral("kim");
        f.type = QStringLiteral("lead");
        f.created = {1000, 2000};
        f.updated = {0, 3000};
        f.lastTouch = {4000, 0};
        f.nextTouch = {5000, 6000};
        f.letter = QStringLiteral("#");
        f.fieldKey = QStringLiteral("tier");
        f.fieldValue = QStringLiteral("gold");
        f.listId = 9;
        QCOMPARE(ContactFilter::fromJson(f.toJson()), f);
        QCOMPARE(ContactFilter::fromJson(ContactFilter().toJson()), ContactFilter());
        QCOMPARE(ContactFilter().toJson(), QStringLiteral("{}"));
        // Unknown keys (a newer version) and garbage give what can be read.
        QCOMPARE(ContactFilter::fromJson(QStringLiteral("{\"owner\":\"kim\",\"future\":1}")).owner, QStringLiteral("kim"));
        QCOMPARE(ContactFilter::fromJson(QStringLiteral("not json")), ContactFilter());
    }

    void smartListRoundTripAndUpdatesItself()
    {
        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto ada = repo.create(makeContact(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.org")));
        QVERIFY(ada);
        QVERIFY(repo.addTags({*ada}, {QStringLiteral("vip")}).ok());
        ContactFilter f;
        f.allTags = {QStringLiteral("vip")};
        f.created = {1, 0};
        auto id = SavedLists::createSmart(db(), QStringLiteral("  Hot   VIPs "), f, QStringLiteral(" lov "));
        QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
        auto list = SavedLists::byId(db(), *id);
        QVERIFY(list);
        QCOMPARE(list->name, QStringLiteral("Hot VIPs"));
        QVERIFY(list->isSmart());
        QCOMPARE(list->filter, f);
        QCOMPARE(list->searchText, QStringLiteral("lov"));
        QCOMPARE(list->shownFilter(), f);
        QCOMPARE(count(*list), 1);
        // A new contact that matches is in the list without anyone adding it.
        Contact bea = makeContact(QStringLiteral("Bea"), QStringLiteral("Lovell"), QStringLiteral("bea@x.org"));
        bea.tags = {QStringLiteral("VIP")};
        QVERIFY(repo.create(bea));
        QCOMPARE(count(*list), 2);
        QCOMPARE(SavedLists::byName(db(), QStringLiteral("hot vips"))->id, *id);
    }

    void staticListsNamesRenameAndDelete()
    {
        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto ada = repo.create(makeContact(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.org")));
        QVERIFY(ada);
        auto fair = SavedLists::createStatic(db(), QStringLiteral("Fair"));
        QVERIFY(fair);
        auto smart = SavedLists::createSmart(db(), QStringLiteral("Everyone"), {}, {});
        QVERIFY(smart);
        auto dup = SavedLists::createStatic(db(), QStringLiteral(" FAIR "));
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, Error::Code::Duplicate);
        QVERIFY(dup.error().message.contains(QLatin1String("\"Fair\"")));
        QVERIFY(!SavedLists::createSmart(db(), QStringLiteral("  "), {}, {}));
        QVERIFY(!SavedLists::rename(db(), *fair, QStringLiteral("everyone")));
        QVERIFY(SavedLists::rename(db(), *fair, QStringLiteral("fair")).ok()); // its own name in another case
        QVERIFY(SavedLists::rename(db(), *fair, QStringLiteral("Spring fair")).ok());

        auto lists = SavedLists::all(db());
        QVERIFY(lists);
        QCOMPARE(lists->size(), 2);
        QCOMPARE(lists->at(0).name, QStringLiteral("Everyone")); // smart first
        QCOMPARE(lists->at(1).name, QStringLiteral("Spring fair"));
        QVERIFY(!lists->at(1).isSmart());
        QCOMPARE(lists->at(1).shownFilter().listId, *fair);
        QCOMPARE(count(lists->at(1)), 0);

        BulkEdit::Target all;
        QVERIFY(BulkEdit::addToList(db(), QStringLiteral("spring FAIR"), all));
        QCOMPARE(count(lists->at(1)), 1);
        QVERIFY(SavedLists::remove(db(), *fair).ok());
        auto left = Sql::scalar(db(), QStringLiteral("n"), QStringLiteral("SELECT COUNT(*) FROM list_members"));
        QCOMPARE(left->toInt(), 0);
        QVERIFY(repo.exists(*ada));
        QCOMPARE(SavedLists::remove(db(), *fair).error().code, Error::Code::NotFound);
        QCOMPARE(SavedLists::byName(db(), QStringLiteral("nope")).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSavedLists)
#include "TestSavedLists.moc"
