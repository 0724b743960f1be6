// The duplicate finder: blocking finds every pair a brute-force comparison finds (on seeded
// random sets with the variants duplicates really have), scans of a real database file find a
// planted cluster with its evidence, "not duplicates" stays so across reopening, an import run
// scopes the scan, progress can cancel it, and the Trash is never suggested.

#include "TestSupport.h"
#include "dedupe/ContactMerger.h"
#include "dedupe/DuplicateFinder.h"
#include "io/ImportJob.h"
#include "store/ContactRepository.h"
#include "store/Sql.h"

#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QTest>

using namespace ContactDesk;

namespace {

// Seeded synthetic people with the variants duplicates really have.
class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed), m_phones(QStringLiteral("US")) {}

    QList<DedupeInput> people(int persons)
    {
        QList<DedupeInput> out;
        for (int i = 0; i < persons; ++i) {
            const DedupeInput base = person();
            out.append(base);
            // About a third of the people were entered again, some twice.
            if (chance(33)) {
                out.append(variant(base));
                if (chance(25))
                    out.append(variant(base));
            }
        }
        // Ids in a shuffled order, so duplicates are not neighbours by id.
        for (qsizetype i = out.size() - 1; i > 0; --i)
            out.swapItemsAt(i, m_rng.bounded(static_cast<int>(i + 1)));
        for (qsizetype i = 0; i < out.size(); ++i)
            out[i].id = i + 1;
        return out;
    }

private:
    bool chance(int percent) { return m_rng.bounded(100) < percent; }
    QString pick(const QStringList& list) { return list.at(m_rng.bounded(static_cast<int>(list.size()))); }

    QString lastName()
    {
        static const QStringList fixed{
            QStringLiteral("Smith"),     QStringLiteral("Müller"),  QStringLiteral("Schmidt"), QStringLiteral("Gómez"),
            QStringLiteral("Johnson"),   QStringLiteral("Nguyen"),  QStringLiteral("Novak"),   QStringLiteral("Kowalski"),
            QStringLiteral("O'Brien"),   QStringLiteral("Øster"),   QStringLiteral("Brown"),   QStringLiteral("García"),
            QStringLiteral("Fischer"),   QStringLiteral("Lefèvre"), QStringLiteral("Rossi"),   QStringLiteral("Meyer")};
        static const QStringList a{QStringLiteral("Bar"), QStringLiteral("Kel"), QStringLiteral("Mor"), QStringLiteral("Hal"),
                                   QStringLiteral("Vin"), QStringLiteral("Dra"), QStringLiteral("Tor"), QStringLiteral("Lin"),
                                   QStringLiteral("Sto"), QStringLiteral("Pel"), QStringLiteral("Qui"), QStringLiteral("Zan")};
        static const QStringList b{QStringLiteral("ton"), QStringLiteral("berg"), QStringLiteral("ley"), QStringLiteral("wick"),
                                   QStringLiteral("mann"), QStringLiteral("ford"), QStringLiteral("ski"), QStringLiteral("ard"),
                                   QStringLiteral("ini"), QStringLiteral("stead")};
        return chance(30) ? pick(fixed) : pick(a) + pick(b);
    }

    QString firstName()
    {
        static const QStringList names{
            QStringLiteral("Robert"),   QStringLiteral("William"), QStringLiteral("Elizabeth"), QStringLiteral("Katherine"),
            QStringLiteral("Jonathan"), QStringLiteral("Michael"), QStringLiteral("Christopher"), QStringLiteral("James"),
            QStringLiteral("Margaret"), QStringLiteral("Alexander"), QStringLiteral("Daniel"),    QStringLiteral("Thomas"),
            QStringLiteral("Anna"),     QStringLiteral("Maria"),   QStringLiteral("Peter"),     QStringLiteral("Laura"),
            QStringLiteral("Sofia"),    QStringLiteral("Lucas"),   QStringLiteral("Emma"),      QStringLiteral("Noah"),
            QStringLiteral("Olivia"),   QStringLiteral("Hans"),    QStringLiteral("Jürgen"),    QStringLiteral("José"),
            QStringLiteral("Zoë"),      QStringLiteral("François"), QStringLiteral("Søren"),    QStringLiteral("Ingrid"),
            QStringLiteral("Wei"),      QStringLiteral("Priya"),   QStringLiteral("Fatima"),    QStringLiteral("Kenji")};
        return pick(names);
    }

    QString phone(int digits)
    {
        return QStringLiteral("+1%1555%2").arg(pick({QStringLiteral("415"), QStringLiteral("212"), QStringLiteral("617")}))
            .arg(digits, 4, 10, QLatin1Char('0'));
    }

    DedupeInput person()
    {
        static const QStringList domains{QStringLiteral("gmail.com"), QStringLiteral("acme.com"), QStringLiteral("globex.com"),
                                         QStringLiteral("initech.io"), QStringLiteral("example.org")};
        static const QStringList companies{QStringLiteral("Acme Corp."), QStringLiteral("Globex"), QStringLiteral("Initech"),
                                           QStringLiteral("Umbrella GmbH"), QStringLiteral("Hooli Inc."),
                                           QStringLiteral("Stark Industries"), QStringLiteral("Wayne Enterprises"),
                                           QStringLiteral("Tyrell"), QStringLiteral("Cyberdyne Systems"),
                                           QStringLiteral("Soylent"), QStringLiteral("Wonka"), QStringLiteral("Vandelay")};
        static const QStringList streets{QStringLiteral("Main Street"), QStringLiteral("Elm Road"), QStringLiteral("Harbour Lane"),
                                         QStringLiteral("Park Avenue"), QStringLiteral("Hauptstraße"), QStringLiteral("Mill Court")};
        DedupeInput p;
        p.firstName = firstName();
        p.lastName = lastName();
        if (chance(85)) {
            const QString local = chance(50) ? (p.firstName + QLatin1Char('.') + p.lastName)
                                             : (p.firstName.left(1) + p.lastName);
            const QString folded = QString::fromStdString(emailLocal(local));
            p.emails.append(QStringLiteral("%1%2@%3").arg(folded).arg(m_rng.bounded(100)).arg(pick(domains)));
        }
        if (chance(70))
            p.phones.append(phone(m_rng.bounded(10000)));
        if (chance(60))
            p.company = pick(companies);
        if (chance(30))
            p.jobTitle = pick({QStringLiteral("Buyer"), QStringLiteral("CTO"), QStringLiteral("Sales Manager")});
        if (chance(50)) {
            p.street = QStringLiteral("%1 %2").arg(m_rng.bounded(1, 200)).arg(pick(streets));
            p.postalCode = QStringLiteral("%1").arg(m_rng.bounded(10000, 10400));
            p.city = pick({QStringLiteral("Springfield"), QStringLiteral("Shelbyville"), QStringLiteral("Ogdenville")});
        }
        if (chance(50))
            p.birthday = QDate(1950, 1, 1).addDays(m_rng.bounded(18000)).toString(Qt::ISODate);
        return p;
    }

    // Lower-case ASCII letters, digits and dots of an email local part.
    static std::string emailLocal(const QString& text)
    {
        std::string out;
        for (QChar c : text.normalized(QString::NormalizationForm_KD).toLower())
            if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || c == QLatin1Char('.'))
                out.push_back(static_cast<char>(c.unicode()));
        return out;
    }

    QString typo(const QString& s)
    {
        if (s.size() < 4)
            return s;
        QString t = s;
        const int i = m_rng.bounded(1, static_cast<int>(s.size()) - 1);
        switch (m_rng.bounded(3)) {
        case 0: // transposed letters
            std::swap(t[i], t[i + 1]);
            break;
        case 1: // a letter dropped
            t.remove(i, 1);
            break;
        default: // a letter doubled
            t.insert(i, t.at(i));
            break;
        }
        return t;
    }

    static QString withoutAccents(const QString& s)
    {
        QString out;
        for (QChar c : s.normalized(QString::NormalizationForm_D))
            if (c.category() != QChar::Mark_NonSpacing)
                out.append(c);
        return out.replace(QStringLiteral("Ø"), QStringLiteral("O")).replace(QStringLiteral("ø"), QStringLiteral("o"));
    }

    static QString germanTranscription(const QString& s)
    {
        return QString(s)
            .replace(QStringLiteral("ü"), QStringLiteral("ue"))
            .replace(QStringLiteral("ö"), QStringLiteral("oe"))
            .replace(QStringLiteral("ä"), QStringLiteral("ae"));
    }

    QString nickname(const QString& first)
    {
        static const QHash<QString, QStringList> nicks{
            {QStringLiteral("Robert"), {QStringLiteral("Bob"), QStringLiteral("Rob")}},
            {QStringLiteral("William"), {QStringLiteral("Bill"), QStringLiteral("Will")}},
            {QStringLiteral("Elizabeth"), {QStringLiteral("Liz"), QStringLiteral("Beth")}},
            {QStringLiteral("Katherine"), {QStringLiteral("Kate"), QStringLiteral("Kathy")}},
            {QStringLiteral("Jonathan"), {QStringLiteral("Jon")}},
            {QStringLiteral("Michael"), {QStringLiteral("Mike")}},
            {QStringLiteral("Christopher"), {QStringLiteral("Chris")}},
            {QStringLiteral("James"), {QStringLiteral("Jim"), QStringLiteral("Jimmy")}},
            {QStringLiteral("Margaret"), {QStringLiteral("Peggy"), QStringLiteral("Maggie")}},
            {QStringLiteral("Alexander"), {QStringLiteral("Alex")}},
            {QStringLiteral("Daniel"), {QStringLiteral("Dan")}},
            {QStringLiteral("Thomas"), {QStringLiteral("Tom")}}};
        const auto it = nicks.constFind(first);
        return it == nicks.constEnd() ? first.left(1) + QLatin1Char('.') : pick(*it);
    }

    QString reformattedPhone(const QString& e164)
    {
        // The same number typed another way, normalised as the store does.
        const QString national = e164.mid(2);
        const QString typed = chance(50) ? QStringLiteral("(%1) %2-%3").arg(national.left(3), national.mid(3, 3), national.mid(6))
                                         : QStringLiteral("%1.%2.%3").arg(national.left(3), national.mid(3, 3), national.mid(6));
        auto normal = m_phones.toE164(typed);
        return normal ? *normal : e164;
    }

    DedupeInput variant(DedupeInput v)
    {
        const int mutations = m_rng.bounded(1, 4);
        for (int m = 0; m < mutations; ++m) {
            switch (m_rng.bounded(11)) {
            case 0: v.lastName = typo(v.lastName); break;
            case 1: v.firstName = typo(v.firstName); break;
            case 2: v.firstName = nickname(v.firstName); break;
            case 3: std::swap(v.firstName, v.lastName); break;
            case 4: v.lastName = chance(50) ? withoutAccents(v.lastName) : germanTranscription(v.lastName);
                    v.firstName = withoutAccents(v.firstName); break;
            case 5:
                if (!v.phones.isEmpty())
                    v.phones.first() = reformattedPhone(v.phones.first());
                break;
            case 6: // another email of the same person, or none
                if (!v.emails.isEmpty()) {
                    const QString e = v.emails.first();
                    v.emails.first() = chance(50) ? e.left(e.indexOf(QLatin1Char('@'))) + QStringLiteral("@private.net")
                                                  : QString();
                    if (v.emails.first().isEmpty())
                        v.emails.clear();
                }
                break;
            case 7: v.phones.clear(); break;
            case 8: // moved
                v.street = QStringLiteral("%1 New Road").arg(m_rng.bounded(1, 99));
                v.postalCode = QStringLiteral("%1").arg(m_rng.bounded(20000, 20100));
                break;
            case 9: v.company = v.company.isEmpty() ? QString() : v.company + QStringLiteral(" Inc"); break;
            default: v.birthday.clear(); v.jobTitle.clear(); break;
            }
        }
        return v;
    }

    QRandomGenerator m_rng;
    PhoneNormalizer m_phones;
};

} // namespace

class TestDuplicateFinder : public QObject
{
    Q_OBJECT

    std::unique_ptr<Test::TempDatabase> m_temp;
    std::unique_ptr<ContactRepository> m_repo;

    qint64 add(const QString& first, const QString& last, const QString& email, const QString& phone = {},
               const QString& company = {}, const QDate& birthday = {})
    {
        Contact c = Test::makeContact(first, last, email, phone, company);
        c.birthday = birthday;
        auto id = m_repo->create(c);
        if (!id)
            qWarning("create failed: %s", qPrintable(id.error().toString()));
        return id ? *id : 0;
    }

    // A planted pair: the same Gmail mailbox written two ways, a nickname and the same company.
    QList<qint64> plantJonSmith()
    {
        const qint64 a = add(QStringLiteral("Jonathan"), QStringLiteral("Smith"), QStringLiteral("jon.smith@gmail.com"),
                             QStringLiteral("(415) 555-3695"), QStringLiteral("Acme Corp."));
        const qint64 b = add(QStringLiteral("Jon"), QStringLiteral("Smith"), QStringLiteral("jonsmith+crm@gmail.com"),
                             QStringLiteral("(212) 555-0100"), QStringLiteral("ACME Inc"));
        return {a, b};
    }

    void plantStrangers()
    {
        add(QStringLiteral("Kate"), QStringLiteral("Bell"), QStringLiteral("kate@bell.com"));
        add(QStringLiteral("Daniel"), QStringLiteral("Higgins"), QStringLiteral("dan@higgins.com"), QStringLiteral("(617) 555-0001"));
        add(QStringLiteral("John"), QStringLiteral("Appleseed"), QStringLiteral("john@apple.com"));
        add(QStringLiteral("Anna"), QStringLiteral("Smith"), QStringLiteral("anna@smith.net"), {}, QStringLiteral("Acme Corp."));
    }

    static const DuplicateCluster* clusterWith(const DuplicateScan& scan, qint64 id)
    {
        for (const DuplicateCluster& c : scan.clusters)
            if (c.contactIds.contains(id))
                return &c;
        return nullptr;
    }

    static QSet<qint64> allSuggested(const DuplicateScan& scan)
    {
        QSet<qint64> ids;
        for (const DuplicateCluster& c : scan.clusters)
            for (qint64 id : c.contactIds)
                ids.insert(id);
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        Sql::setClockForTesting(0);
        m_temp = std::make_unique<Test::TempDatabase>();
        QVERIFY2(m_temp->isOpen(), qPrintable(m_temp->error()));
        m_repo = std::make_unique<ContactRepository>(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
    }

    void cleanup()
    {
        m_repo.reset();
        m_temp.reset();
    }

    // Every pair an all-pairs comparison scores at or above the threshold is linked by the
    // blocked search: blocking loses nothing on sets with real-world variants.
    void blockingFindsEveryPairBruteForceFinds_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("persons");
        QTest::addRow("seed 1, 300") << 1u << 300;
        QTest::addRow("seed 7, 400") << 7u << 400;
        QTest::addRow("seed 2024, 450") << 2024u << 450;
    }

    void blockingFindsEveryPairBruteForceFinds()
    {
        QFETCH(quint32, seed);
        QFETCH(int, persons);
        const QList<DedupeInput> people = Generator(seed).people(persons);
        QVERIFY(people.size() > persons);
        DedupeRecords records;
        for (const DedupeInput& p : people)
            records.add(p);
        DuplicateOptions options;
        options.vetoLinks = false; // blocking is under test here, not which links a cluster refuses
        const DuplicateScan scan = DuplicateFinder::findIn(records, options, {}, {});

        QHash<qint64, int> clusterOf;
        for (qsizetype c = 0; c < scan.clusters.size(); ++c)
            for (qint64 id : scan.clusters.at(c).contactIds)
                clusterOf.insert(id, static_cast<int>(c));
        // Brute force on the same records (findIn set the last-name shares the scorer reads).
        DuplicateScorer scorer(records);
        int above = 0;
        QStringList missed;
        const size_t n = records.size();
        for (size_t a = 0; a < n; ++a)
            for (size_t b = a + 1; b < n; ++b) {
                if (scorer.score(a, b).score < options.minScore)
                    continue;
                ++above;
                const qint64 ida = records[a].id, idb = records[b].id;
                if (!clusterOf.contains(ida) || clusterOf.value(ida) != clusterOf.value(idb))
                    missed.append(QStringLiteral("#%1 %2 %3 / #%4 %5 %6: %7")
                                      .arg(ida)
                                      .arg(people.at(ida - 1).firstName, people.at(ida - 1).lastName)
                                      .arg(idb)
                                      .arg(people.at(idb - 1).firstName, people.at(idb - 1).lastName,
                                           DuplicateScorer::describe(scorer.explain(a, b))));
            }
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("%1 of %2 pairs missed:\n").arg(missed.size()).arg(above)
                                              + missed.join(QLatin1Char('\n'))));
        // Not vacuous: the set has many duplicates, and blocking compared far fewer than all pairs.
        QVERIFY2(above >= persons / 5, qPrintable(QString::number(above)));
        QCOMPARE(scan.stats.pairsAbove, qint64(above));
        const qint64 allPairs = static_cast<qint64>(n * (n - 1) / 2);
        QVERIFY2(scan.stats.candidatePairs < allPairs / 10,
                 qPrintable(QStringLiteral("%1 of %2").arg(scan.stats.candidatePairs).arg(allPairs)));
        // And every link the finder reports scores as brute force says.
        for (const DuplicateCluster& c : scan.clusters) {
            QVERIFY(c.contactIds.size() >= 2);
            QVERIFY(c.score >= options.minScore - 1e-6);
            for (const DuplicatePair& p : c.pairs) {
                const double s = scorer.score(static_cast<size_t>(p.a - 1), static_cast<size_t>(p.b - 1)).score;
                QVERIFY(std::abs(s - p.score) < 1e-5);
                QVERIFY(!p.evidence.isEmpty());
            }
        }
    }

    void scanFindsPlantedClusterWithEvidence()
    {
        plantStrangers();
        const QList<qint64> jon = plantJonSmith();
        auto scan = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY2(scan, qPrintable(scan.error().toString()));
        QCOMPARE(scan->clusters.size(), 1);
        const DuplicateCluster& c = scan->clusters.first();
        QCOMPARE(c.contactIds, jon);
        QVERIFY(c.score >= DuplicateScorer::DefaultThreshold);
        QVERIFY2(c.evidence.contains(QLatin1String("same mailbox jonsmith@gmail.com")), qPrintable(c.evidence));
        QVERIFY2(c.evidence.contains(QLatin1String("jonathan smith ~ jon smith")), qPrintable(c.evidence));
        QVERIFY2(c.evidence.contains(QLatin1String("same company")), qPrintable(c.evidence));
        QCOMPARE(c.pairs.size(), 1);
        QCOMPARE(c.pairs.first().a, jon.at(0));
        QCOMPARE(c.pairs.first().b, jon.at(1));
        QCOMPARE(scan->stats.contacts, qint64(6));
        QVERIFY(scan->stats.candidatePairs >= 1);

        // The one-connection scan agrees.
        auto local = DuplicateFinder::scan(m_temp->db().connection(), DuplicateOptions());
        QVERIFY(local);
        QCOMPARE(local->clusters.size(), 1);
        QCOMPARE(local->clusters.first().contactIds, jon);
        QCOMPARE(local->clusters.first().evidence, c.evidence);

        // A third record of the same person joins the cluster.
        const qint64 fourth = add(QStringLiteral("J."), QStringLiteral("Smith"), QStringLiteral("jon.smith+news@googlemail.com"));
        QVERIFY(fourth > 0);
        auto again = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(again);
        const DuplicateCluster* grown = clusterWith(*again, fourth);
        QVERIFY(grown);
        QVERIFY(grown->contactIds.contains(jon.at(0)));
        QVERIFY(grown->contactIds.contains(jon.at(1)));
        QVERIFY(grown->pairs.size() >= 2);
    }

    void notDuplicatesNeverComeBack()
    {
        plantStrangers();
        const QList<qint64> jon = plantJonSmith();
        // A second pair that stays suggested: the mark is about one pair only.
        const qint64 p1 = add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("p.novak@gmail.com"));
        const qint64 p2 = add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("pnovak@gmail.com"));
        auto before = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(before);
        QCOMPARE(before->clusters.size(), 2);

        {
            ContactMerger merger(m_temp->db().connection(), PhoneNormalizer(QStringLiteral("US")));
            QVERIFY(merger.markNotDuplicates({jon.at(1), jon.at(0)})); // either order
            QVERIFY(merger.markNotDuplicates({jon.at(0), jon.at(1)})); // twice is fine
        }
        auto pairs = DuplicateFinder::notDuplicatePairs(m_temp->db().connection());
        QVERIFY(pairs);
        QCOMPARE(pairs->size(), 1);
        QVERIFY(pairs->contains({jon.at(0), jon.at(1)}));

        auto after = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(after);
        QCOMPARE(after->clusters.size(), 1);
        QCOMPARE(after->clusters.first().contactIds, (QList<qint64>{p1, p2}));
        QVERIFY(!allSuggested(*after).contains(jon.at(0)));

        // Still so after the database is closed and opened again.
        m_repo.reset();
        const QString path = m_temp->path();
        m_temp->close();
        {
            auto reopened = Database::open(path);
            QVERIFY2(reopened, qPrintable(reopened.error().toString()));
            auto local = DuplicateFinder::scan(reopened.value()->connection(), DuplicateOptions());
            QVERIFY(local);
            QCOMPARE(local->clusters.size(), 1);
            QCOMPARE(local->clusters.first().contactIds, (QList<qint64>{p1, p2}));
        }
        auto fresh = DuplicateFinder::scan(path, DuplicateOptions());
        QVERIFY(fresh);
        QCOMPARE(fresh->clusters.size(), 1);
        QVERIFY(!allSuggested(*fresh).contains(jon.at(1)));
        // Even at the lowest threshold.
        DuplicateOptions low;
        low.minScore = 0.01;
        auto lowScan = DuplicateFinder::scan(path, low);
        QVERIFY(lowScan);
        for (const DuplicateCluster& c : lowScan->clusters)
            for (const DuplicatePair& p : c.pairs)
                QVERIFY(!(p.a == jon.at(0) && p.b == jon.at(1)));
    }

    void importRunScopesTheScan()
    {
        plantStrangers();
        // Two duplicates of each other from before the import: outside its scope.
        const qint64 p1 = add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("p.novak@gmail.com"));
        const qint64 p2 = add(QStringLiteral("Peter"), QStringLiteral("Novak"), QStringLiteral("pnovak@gmail.com"));
        // The person the import brings again.
        Contact kate = Test::makeContact(QStringLiteral("Katherine"), QStringLiteral("Whitmore"),
                                         QStringLiteral("katherine.whitmore@acme.com"), {}, QStringLiteral("Acme Corp."));
        kate.street = QStringLiteral("12 Main Street");
        kate.postalCode = QStringLiteral("94103");
        kate.city = QStringLiteral("San Francisco");
        kate.birthday = QDate(1985, 7, 14);
        auto kateId = m_repo->create(kate);
        QVERIFY(kateId);

        const QString csv = m_temp->dir() + QStringLiteral("/run.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("first_name,last_name,email,company,street,postal_code,city,birthday\n"
                    "Kate,Whitmore,kwhitmore@newmail.com,ACME Inc,12 Main St.,94103,San Francisco,1985-07-14\n"
                    "Zed,Quasimodo,zed@bells.fr,,,,,\n");
        }
        ImportRequest request;
        request.databasePath = m_temp->path();
        request.filePath = csv;
        const ImportSummary summary = ImportJob::importFile(m_temp->db().connection(), request);
        QVERIFY(summary.ok());
        QCOMPARE(summary.added, 2);
        const qint64 imported = *m_repo->findByEmail(QStringLiteral("kwhitmore@newmail.com"));
        QVERIFY(imported > 0);

        auto all = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(all);
        QCOMPARE(all->clusters.size(), 2);

        DuplicateOptions scoped;
        scoped.importRunId = summary.runId;
        auto run = DuplicateFinder::scan(m_temp->path(), scoped);
        QVERIFY2(run, qPrintable(run.error().toString()));
        QCOMPARE(run->clusters.size(), 1);
        QCOMPARE(run->clusters.first().contactIds, (QList<qint64>{*kateId, imported}));
        QVERIFY(!allSuggested(*run).contains(p1));
        QVERIFY(!allSuggested(*run).contains(p2));
        // The one-connection scan scopes the same way.
        auto local = DuplicateFinder::scan(m_temp->db().connection(), scoped);
        QVERIFY(local);
        QCOMPARE(local->clusters.size(), 1);
        QCOMPARE(local->clusters.first().contactIds, (QList<qint64>{*kateId, imported}));
        // A run that added nothing alike finds nothing.
        DuplicateOptions none;
        none.importRunId = summary.runId + 100;
        auto empty = DuplicateFinder::scan(m_temp->path(), none);
        QVERIFY(empty);
        QVERIFY(empty->clusters.isEmpty());
    }

    void progressCanCancel_data()
    {
        QTest::addColumn<bool>("ownConnections");
        QTest::addColumn<int>("cancelAt"); // the call that returns false
        QTest::addRow("file, first call") << true << 1;
        QTest::addRow("file, second call") << true << 2;
        QTest::addRow("connection, first call") << false << 1;
        QTest::addRow("connection, second call") << false << 2;
    }

    void progressCanCancel()
    {
        QFETCH(bool, ownConnections);
        QFETCH(int, cancelAt);
        plantStrangers();
        plantJonSmith();
        const QString before = Test::dumpDatabase(m_temp->db().connection());
        int calls = 0;
        QList<int> seen;
        auto progress = [&](int percent) {
            seen.append(percent);
            return ++calls < cancelAt;
        };
        auto scan = ownConnections ? DuplicateFinder::scan(m_temp->path(), DuplicateOptions(), progress)
                                   : DuplicateFinder::scan(m_temp->db().connection(), DuplicateOptions(), progress);
        QVERIFY2(!scan, "a cancelled scan returned clusters");
        QCOMPARE(scan.error().code, Error::Code::Cancelled);
        QVERIFY(!scan.error().message.isEmpty());
        QCOMPARE(calls, cancelAt); // not asked again after it said stop
        for (int p : std::as_const(seen))
            QVERIFY(p >= 0 && p <= 100);
        QCOMPARE(Test::dumpDatabase(m_temp->db().connection()), before);

        // Without cancelling, progress rises to 100 and the scan succeeds.
        QList<int> full;
        auto done = DuplicateFinder::scan(m_temp->path(), DuplicateOptions(), [&full](int p) {
            full.append(p);
            return true;
        });
        QVERIFY(done);
        QCOMPARE(done->clusters.size(), 1);
        QVERIFY(!full.isEmpty());
        QCOMPARE(full.last(), 100);
        for (qsizetype i = 1; i < full.size(); ++i)
            QVERIFY2(full.at(i) >= full.at(i - 1), "progress went backwards");
    }

    void trashedContactsAreNeverSuggested()
    {
        plantStrangers();
        const QList<qint64> jon = plantJonSmith();
        // A third record that would join the cluster.
        const qint64 third = add(QStringLiteral("Jonathan"), QStringLiteral("Smith"), QStringLiteral("jonsmith@gmail.com"),
                                 {}, QStringLiteral("Acme"));
        auto live = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(live);
        QCOMPARE(live->clusters.size(), 1);
        QCOMPARE(live->clusters.first().contactIds.size(), 3);

        QVERIFY(m_repo->moveToTrash({third}));
        auto two = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(two);
        QCOMPARE(two->clusters.size(), 1);
        QCOMPARE(two->clusters.first().contactIds, jon);

        QVERIFY(m_repo->moveToTrash({jon.at(1)}));
        for (const bool ownConnections : {true, false}) {
            auto none = ownConnections ? DuplicateFinder::scan(m_temp->path(), DuplicateOptions())
                                       : DuplicateFinder::scan(m_temp->db().connection(), DuplicateOptions());
            QVERIFY(none);
            QVERIFY2(none->clusters.isEmpty(), qPrintable(none->clusters.value(0).evidence));
            QCOMPARE(none->stats.contacts, qint64(5));
        }
        // Scoped to a trashed contact: still nothing.
        DuplicateOptions scoped;
        scoped.contactIds = {third};
        auto scopedScan = DuplicateFinder::scan(m_temp->path(), scoped);
        QVERIFY(scopedScan);
        QVERIFY(scopedScan->clusters.isEmpty());

        // Back from the Trash, suggested again.
        QVERIFY(m_repo->restore({jon.at(1)}));
        auto back = DuplicateFinder::scan(m_temp->path(), DuplicateOptions());
        QVERIFY(back);
        QCOMPARE(back->clusters.size(), 1);
        QCOMPARE(back->clusters.first().contactIds, jon);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "TestDuplicateFinder.moc"
