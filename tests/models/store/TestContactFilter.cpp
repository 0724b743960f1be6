// Each ContactFilter criterion, alone and combined with a search, against a real SQLite file: the
// ids the list would show, its count and its first page must agree.

#include "TestSupport.h"
#include "io/ExportJob.h"
#include "store/ContactListQuery.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

#include <array>

using namespace ContactDesk;
using Test::makeContact;

Q_DECLARE_METATYPE(ContactDesk::ContactFilter)

namespace {

qint64 day(const char* iso)
{
    return QDateTime(QDate::fromString(QString::fromLatin1(iso), Qt::ISODate), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TestContactFilter : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;
    QHash<qint64, QString> m_names; // id -> last name (or first when there is none)
    QList<std::array<qint64, 3>> m_dates; // id, created, updated: set last, as every write touches updated_at

    qint64 add(const QString& first, const QString& last, const QString& email, const QStringList& tags,
               const QList<QPair<ContactField, QString>>& fields, const char* created, const char* updated)
    {
        Contact c = makeContact(first, last, email);
        c.tags = tags;
        auto id = m_repo->create(c);
        if (!id)
            qWarning("create: %s", qPrintable(id.error().toString()));
        for (const auto& [field, value] : fields)
            if (Status s = m_repo->updateField(*id, field, value); !s)
                qWarning("update: %s", qPrintable(s.error().toString()));
        m_dates.append({*id, day(created), day(updated)});
        m_names.insert(*id, last.isEmpty() ? first : last);
        return *id;
    }

    QStringList matches(const ContactListQuery& q)
    {
        auto rows = Sql::run(m_temp->db().connection(), QStringLiteral("ids"), q.idsSql(), q.whereBinds());
        if (!rows)
            qWarning("%s", qPrintable(rows.error().toString()));
        QStringList names;
        while (rows && rows.value().next())
            names.append(m_names.value(rows.value().value(0).toLongLong()));
        return names;
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(day("2024-06-01"));
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
        m_names.clear();
        m_dates.clear();
        using F = ContactField;
        const qint64 ada = add(QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@x.org"),
                               {QStringLiteral("VIP"), QStringLiteral("customer")},
                               {{F::Source, QStringLiteral("manual")}, {F::Owner, QStringLiteral("kim")},
                                {F::Type, QStringLiteral("customer")}},
                               "2024-01-10", "2024-03-01");
        const qint64 bob = add(QStringLiteral("Bob"), QStringLiteral("Brown"), QStringLiteral("bob@x.org"),
                               {QStringLiteral("vip")},
                               {{F::Source, QStringLiteral("csv")}, {F::Owner, QStringLiteral("lee")},
                                {F::ContactStatus, QStringLiteral("unsubscribed")}},
                               "2024-02-10", "2024-02-15");
        add(QStringLiteral("Cy"), QStringLiteral("Černý"), QStringLiteral("cy@x.org"),
            {QStringLiteral("customer"), QStringLiteral("partner")},
            {{F::Source, QStringLiteral("chat")}, {F::Owner, QStringLiteral("kim")}, {F::Type, QStringLiteral("partner")},
             {F::ContactStatus, QStringLiteral("bounced")}},
            "2024-03-10", "2024-03-10");
        add(QStringLiteral("Dee"), QStringLiteral("王"), QStringLiteral("dee@x.org"), {},
            {{F::Source, QStringLiteral("connected")}, {F::Type, QStringLiteral("employee")}}, "2024-04-10",
            "2024-05-01");
        const qint64 fay = add(QStringLiteral("Fay"), QStringLiteral("42nd Street"), QStringLiteral("fay@x.org"),
            {QStringLiteral("vip"), QStringLiteral("partner"), QStringLiteral("old")},
            {{F::Source, QStringLiteral("vcard")}, {F::ContactStatus, QStringLiteral("archived")}}, "2024-05-10",
            "2024-05-20");
        const qint64 gone = add(QStringLiteral("Gil"), QStringLiteral("Gone"), QStringLiteral("gil@x.org"),
                                {QStringLiteral("vip")}, {}, "2024-01-01", "2024-01-01");
        QVERIFY(m_repo->moveToTrash({gone}).ok());
        // Static list #1: Ada, Fay and Gil (in the Trash).
        QVERIFY(Sql::run(m_temp->db().connection(), QStringLiteral("list"),
                         QStringLiteral("INSERT INTO lists (id, name, name_norm, kind, created_at) "
                                        "VALUES (1, 'Fair', 'fair', 'static', 0)")));
        for (qint64 member : {ada, fay, gone})
            QVERIFY(Sql::run(m_temp->db().connection(), QStringLiteral("member"),
                             QStringLiteral("INSERT INTO list_members (list_id, contact_id, added_at) VALUES (1, ?, 0)"),
                             {member}));
        QVERIFY(m_repo->setCustomValue(ada, QStringLiteral("tier"), QStringLiteral("gold")).ok());
        QVERIFY(m_repo->setCustomValue(bob, QStringLiteral("tier"), QStringLiteral("silver")).ok());
        const QSqlDatabase db = m_temp->db().connection();
        QVERIFY(Sql::run(db, QStringLiteral("touch"),
                         QStringLiteral("UPDATE contacts SET last_touch = ?, next_touch = ? WHERE id = ?"),
                         {day("2024-02-01"), day("2024-07-01"), ada}));
        QVERIFY(Sql::run(db, QStringLiteral("touch"),
                         QStringLiteral("UPDATE contacts SET last_touch = ?, next_touch = ? WHERE id = ?"),
                         {day("2024-04-01"), day("2024-06-15"), bob}));
        QVERIFY(Sql::run(db, QStringLiteral("run"),
                         QStringLiteral("INSERT INTO import_runs (id, file_name, started_at) VALUES (7, 'x.csv', 0)")));
        QVERIFY(m_repo->setImportRun(bob, 7).ok());
        for (const auto& [id, created, updated] : std::as_const(m_dates))
            QVERIFY(Sql::run(db, QStringLiteral("dates"),
                             QStringLiteral("UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?"),
                             {created, updated, id}));
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
        Sql::setClockForTesting(0);
    }

    void criterion_data()
    {
        QTest::addColumn<ContactFilter>("filter");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("expected"); // in name order (42nd, Brown, Černý, Lovelace, 王 = wang)

        auto row = [](const char* name, const ContactFilter& f, const QString& search, const QStringList& expected) {
            QTest::newRow(name) << f << search << expected;
        };
        const QString fay = QStringLiteral("42nd Street");
        const QString bob = QStringLiteral("Brown");
        const QString cy = QStringLiteral("Černý");
        const QString ada = QStringLiteral("Lovelace");
        const QString dee = QStringLiteral("王");
        ContactFilter f;
        row("no filter", f, {}, {fay, bob, cy, ada, dee});

        f = {}; f.source = QStringLiteral("manual"); row("source manual", f, {}, {ada});
        f = {}; f.source = QStringLiteral("csv"); row("source csv", f, {}, {bob});
        f = {}; f.source = QStringLiteral("vcard"); row("source vcard", f, {}, {fay});
        f = {}; f.source = QStringLiteral("chat"); row("source chat", f, {}, {cy});
        f = {}; f.source = QStringLiteral("connected"); row("source connected", f, {}, {dee});
        f = {}; f.importRunId = 7; row("import run", f, {}, {bob});

        f = {}; f.allTags = {QStringLiteral("vip")}; row("all-of one tag (case folded)", f, {}, {fay, bob, ada});
        f = {}; f.allTags = {QStringLiteral("vip"), QStringLiteral("Partner")}; row("all-of two tags", f, {}, {fay});
        f = {}; f.allTags = {QStringLiteral("vip"), QStringLiteral("nosuchtag")}; row("all-of unknown tag", f, {}, {});
        f = {}; f.anyTags = {QStringLiteral("partner"), QStringLiteral("customer")};
        row("any-of", f, {}, {fay, cy, ada});
        f = {}; f.noneTags = {QStringLiteral("vip")}; row("none-of", f, {}, {cy, dee});
        f = {}; f.noneTags = {QStringLiteral("vip"), QStringLiteral("partner")}; row("none-of two", f, {}, {dee});
        f = {}; f.allTags = {QStringLiteral("vip")}; f.noneTags = {QStringLiteral("old")};
        row("all-of and none-of", f, {}, {bob, ada});
        f = {}; f.allTags = {QStringLiteral("vip"), QStringLiteral("customer")}; f.noneTags = {QStringLiteral("old")};
        row("two all-of and one none-of", f, {}, {ada});

        f = {}; f.status = QStringLiteral("active"); row("status active", f, {}, {ada, dee});
        f = {}; f.status = QStringLiteral("archived"); row("status archived", f, {}, {fay});
        f = {}; f.owner = QStringLiteral("kim"); row("owner", f, {}, {cy, ada});
        f = {}; f.type = QStringLiteral("lead"); row("type lead", f, {}, {fay, bob});
        f = {}; f.type = QStringLiteral("employee"); row("type employee", f, {}, {dee});

        f = {}; f.created.from = day("2024-02-10"); row("created from (inclusive)", f, {}, {fay, bob, cy, dee});
        f = {}; f.created.to = day("2024-02-10"); row("created before (exclusive)", f, {}, {ada});
        f = {}; f.created = {day("2024-02-01"), day("2024-04-01")}; row("created between", f, {}, {bob, cy});
        f = {}; f.updated = {day("2024-03-01"), day("2024-05-02")}; row("updated between", f, {}, {cy, ada, dee});
        f = {}; f.lastTouch.from = day("2024-03-01"); row("last touch from", f, {}, {bob});
        f = {}; f.lastTouch.to = day("2024-03-01"); row("last touch before", f, {}, {ada});
        f = {}; f.nextTouch = {day("2024-06-01"), day("2024-06-30")}; row("next touch between", f, {}, {bob});

        f = {}; f.letter = QStringLiteral("l"); row("letter l", f, {}, {ada});
        f = {}; f.letter = QStringLiteral("C"); row("letter folds accents and case", f, {}, {cy});
        f = {}; f.letter = QStringLiteral("w"); row("letter of a transliterated name", f, {}, {dee});
        f = {}; f.letter = QStringLiteral("#"); row("letter # (not a letter)", f, {}, {fay});
        f = {}; f.letter = QStringLiteral("z"); row("letter with nobody", f, {}, {});

        f = {}; f.fieldKey = QStringLiteral("tier"); f.fieldValue = QStringLiteral("gold");
        row("custom field equals", f, {}, {ada});
        f = {}; f.fieldKey = QStringLiteral("nosuchfield"); f.fieldValue = QStringLiteral("gold");
        row("unknown custom field", f, {}, {});

        f = {}; f.listId = 1; row("static list members", f, {}, {fay, ada});
        f = {}; f.listId = 1; f.allTags = {QStringLiteral("vip")}; f.noneTags = {QStringLiteral("old")};
        row("static list and tags", f, {}, {ada});
        f = {}; f.listId = 99; row("unknown list", f, {}, {});

        f = {}; f.allTags = {QStringLiteral("vip")}; row("filter and search combine", f, QStringLiteral("bo"), {bob});
        f = {}; f.owner = QStringLiteral("kim"); f.type = QStringLiteral("partner"); f.anyTags = {QStringLiteral("customer")};
        row("several criteria combine", f, {}, {cy});
    }

    void criterion()
    {
        QFETCH(ContactFilter, filter);
        QFETCH(QString, search);
        QFETCH(QStringList, expected);
        ContactListQuery q;
        q.filter = filter;
        q.searchText = search;
        QCOMPARE(matches(q), expected);

        const QSqlDatabase db = m_temp->db().connection();
        auto count = Sql::run(db, QStringLiteral("count"), q.countSql(), q.countBinds());
        QVERIFY(count && count.value().next());
        QCOMPARE(count.value().value(0).toInt(), int(expected.size()));
        auto page = Sql::run(db, QStringLiteral("page"), q.pageSql(false), q.pageBinds({}, 0, false, 3));
        QVERIFY(page);
        QStringList first;
        while (page.value().next())
            first.append(m_names.value(page.value().value(0).toLongLong()));
        QCOMPARE(first, expected.mid(0, 3));
        // The Trash is filtered the same way (only Gil is there, with the tag vip).
        q.trash = true;
        QVERIFY(matches(q).size() <= 1);
    }

    void emptyFilterUsesTheCounter()
    {
        ContactListQuery q;
        QVERIFY(q.filter.isEmpty());
        QVERIFY(q.countFromCounter());
        q.filter.letter = QStringLiteral("?"); // not a letter strip value: ignored
        QVERIFY(q.filter.isEmpty());
        q.filter.noneTags = {QStringLiteral("x")};
        QVERIFY(!q.countFromCounter());
        QVERIFY(q.filter != ContactFilter());
    }

    void tagsUseTheTagIndexNotExists()
    {
        ContactListQuery q;
        q.filter.allTags = {QStringLiteral("vip"), QStringLiteral("customer")};
        q.filter.noneTags = {QStringLiteral("old")};
        QVERIFY(!q.whereClause().contains(QLatin1String("EXISTS")));
        QVariantList binds = q.pageBinds({}, 0, false, 10);
        auto plan = Sql::run(m_temp->db().connection(), QStringLiteral("plan"),
                             QStringLiteral("EXPLAIN QUERY PLAN ") + q.pageSql(false), binds);
        QVERIFY(plan);
        QStringList steps;
        while (plan.value().next())
            steps.append(plan.value().value(3).toString());
        QVERIFY2(steps.join(QLatin1Char('\n')).contains(QLatin1String("contact_tags_tag")), qPrintable(steps.join(QLatin1Char('\n'))));
    }

    void listUsesTheMemberKeyNotExists()
    {
        ContactListQuery q;
        q.filter.listId = 1;
        QVERIFY(!q.whereClause().contains(QLatin1String("EXISTS")));
        auto plan = Sql::run(m_temp->db().connection(), QStringLiteral("plan"),
                             QStringLiteral("EXPLAIN QUERY PLAN ") + q.countSql(), q.countBinds());
        QVERIFY(plan);
        QStringList steps;
        while (plan.value().next())
            steps.append(plan.value().value(3).toString());
        const QString text = steps.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QLatin1String("list_members USING PRIMARY KEY (list_id=?)")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("SCAN contacts")), qPrintable(text));
    }

    void exportWritesWhatTheFilterShows()
    {
        ExportJob::Request request;
        request.path = m_temp->dir() + QStringLiteral("/out.csv");
        request.filter.anyTags = {QStringLiteral("partner")};
        auto written = ExportJob::exportCsv(m_temp->db().connection(), request);
        QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
        QCOMPARE(*written, 2);
        request.tag = QStringLiteral("old"); // the older single-tag option narrows it further
        written = ExportJob::exportCsv(m_temp->db().connection(), request);
        QVERIFY(written);
        QCOMPARE(*written, 1);
        // Rows picked by hand: only those (and still only live ones of the filter).
        request = {};
        request.path = m_temp->dir() + QStringLiteral("/picked.csv");
        request.useIds = true;
        request.ids = {m_dates.at(0)[0], m_dates.at(4)[0], m_dates.at(5)[0]}; // Ada, Fay, Gil (trashed)
        written = ExportJob::exportCsv(m_temp->db().connection(), request);
        QVERIFY(written);
        QCOMPARE(*written, 2);
        QFile file(request.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QLatin1String("Lovelace")) && text.contains(QLatin1String("42nd Street")));
    }
};

QTEST_GUILESS_MAIN(TestContactFilter)
#include "TestContactFilter.moc"
