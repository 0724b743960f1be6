// ContactTagCache against the list's SQL for the Tags column (ContactListQuery::tagsSql) on a real
// SQLite file: the same text for every contact (tags in name order, accents, contacts without
// tags, trashed contacts), read on a connection of its own as the list model's search thread does.

#include "TestSupport.h"
#include "io/DemoData.h"
#include "store/ContactListQuery.h"
#include "store/ContactRepository.h"
#include "store/ContactTagCache.h"
#include "store/Sql.h"

#include <QTest>

using namespace ContactDesk;

class TestContactTagCache : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;

    QSqlDatabase db() { return m_temp->db().connection(); }

    std::shared_ptr<const ContactTagCache> load()
    {
        ScopedConnection reader(m_temp->path(), QStringLiteral("tag-cache"));
        if (!reader.status())
            return {};
        auto cache = ContactTagCache::load(reader.database());
        return cache ? *cache : nullptr;
    }

    // Every contact's tags as SQL gives them, compared with the cache; the number of contacts with tags.
    int compareAll(const ContactTagCache& cache)
    {
        auto q = Sql::run(db(), QStringLiteral("tags"),
                          QStringLiteral("SELECT id, %1 FROM contacts ORDER BY id").arg(ContactListQuery::tagsSql(QStringLiteral("contacts.id"))));
        if (!q)
            return -1;
        int tagged = 0;
        while (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            const QString expected = q->value(1).toString();
            if (cache.tagsOf(id) != expected) {
                qWarning("contact %lld: cache '%s', SQL '%s'", id, qPrintable(cache.tagsOf(id)), qPrintable(expected));
                return -1;
            }
            tagged += expected.isEmpty() ? 0 : 1;
        }
        return tagged;
    }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
    }

    void cleanup() { m_temp.reset(); }

    void emptyStore()
    {
        auto cache = load();
        QVERIFY(cache);
        QCOMPARE(cache->linkCount(), 0);
        QCOMPARE(cache->tagsOf(1), QString());
    }

    void sameAsSqlForEveryContact()
    {
        auto filled = DemoData::fill(db(), PhoneNormalizer(QStringLiteral("US")), 600, 11, {});
        QVERIFY2(filled, filled ? "" : qPrintable(filled.error().toString()));
        ContactRepository repo(db(), PhoneNormalizer(QStringLiteral("US")));
        auto kate = repo.create(Test::makeContact(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kb@example.com")));
        QVERIFY(kate);
        // The order is name_norm's (case folded: "Alpha" before "beta"; "Ärzte" after "zeta"
        // by its UTF-8 bytes); a comma inside a name stays.
        QVERIFY(repo.addTags({5, 6, *kate}, {QStringLiteral("zeta"), QStringLiteral("Ärzte"), QStringLiteral("beta, two")}).ok());
        QVERIFY(repo.addTags({*kate, 600}, {QStringLiteral("Alpha")}).ok());
        QVERIFY(repo.moveToTrash({6, *kate}).ok()); // the Trash shows tags too

        auto cache = load();
        QVERIFY(cache);
        const int tagged = compareAll(*cache);
        QVERIFY2(tagged > 10, "the demo data tags some contacts; the comparison must cover them");
        QCOMPARE(cache->tagsOf(*kate), QStringLiteral("Alpha, beta, two, zeta, Ärzte"));
        QCOMPARE(cache->tagsOf(999999), QString()); // no such contact
        auto links = Sql::run(db(), QStringLiteral("links"), QStringLiteral("SELECT COUNT(*) FROM contact_tags"));
        QVERIFY(links && links->next());
        QCOMPARE(cache->linkCount(), links->value(0).toLongLong());
    }

    void notAnSqliteConnection()
    {
        auto cache = ContactTagCache::load(QSqlDatabase());
        QVERIFY(!cache);
        QVERIFY(cache.error().toString().contains(QStringLiteral("tag column cache")));
    }
};

QTEST_GUILESS_MAIN(TestContactTagCache)
#include "TestContactTagCache.moc"
