// The per-pair score of the duplicate finder on clear-cut cases: pairs that must be suggested
// (score at or above the default threshold) and pairs that must not, each with the evidence the
// rep is shown. Missing values are no evidence either way. Exact weights are tuned elsewhere: the
// expectations here are which side of the threshold a pair falls and which evidence it carries.

#include "dedupe/DuplicateScorer.h"

#include <QTest>

using namespace ContactDesk;
using Kind = Evidence::Kind;

Q_DECLARE_METATYPE(ContactDesk::DedupeInput)

namespace {

QString kindName(Kind k)
{
    switch (k) {
    case Kind::SameMailbox: return QStringLiteral("SameMailbox");
    case Kind::SameEmailName: return QStringLiteral("SameEmailName");
    case Kind::SamePhone: return QStringLiteral("SamePhone");
    case Kind::SameNationalNumber: return QStringLiteral("SameNationalNumber");
    case Kind::DifferentPhones: return QStringLiteral("DifferentPhones");
    case Kind::NamesExact: return QStringLiteral("NamesExact");
    case Kind::NamesSwapped: return QStringLiteral("NamesSwapped");
    case Kind::Nickname: return QStringLiteral("Nickname");
    case Kind::NamesAlike: return QStringLiteral("NamesAlike");
    case Kind::InitialOnly: return QStringLiteral("InitialOnly");
    case Kind::LastNameOnly: return QStringLiteral("LastNameOnly");
    case Kind::FirstNamesDiffer: return QStringLiteral("FirstNamesDiffer");
    case Kind::LastNamesDiffer: return QStringLiteral("LastNamesDiffer");
    case Kind::NamesDiffer: return QStringLiteral("NamesDiffer");
    case Kind::CommonName: return QStringLiteral("CommonName");
    case Kind::RareName: return QStringLiteral("RareName");
    case Kind::SameCompany: return QStringLiteral("SameCompany");
    case Kind::DifferentCompany: return QStringLiteral("DifferentCompany");
    case Kind::SameJobTitle: return QStringLiteral("SameJobTitle");
    case Kind::SameAddress: return QStringLiteral("SameAddress");
    case Kind::SamePostalCode: return QStringLiteral("SamePostalCode");
    case Kind::DifferentPostalCode: return QStringLiteral("DifferentPostalCode");
    case Kind::SameCity: return QStringLiteral("SameCity");
    case Kind::DifferentCity: return QStringLiteral("DifferentCity");
    case Kind::SameBirthday: return QStringLiteral("SameBirthday");
    case Kind::BirthdayTypo: return QStringLiteral("BirthdayTypo");
    case Kind::DifferentBirthday: return QStringLiteral("DifferentBirthday");
    case Kind::NoIdentifier: return QStringLiteral("NoIdentifier");
    }
    return QStringLiteral("?");
}

QList<int> kinds(std::initializer_list<Kind> list)
{
    QList<int> out;
    for (Kind k : list)
        out.append(static_cast<int>(k));
    return out;
}

// A person: names, then optional parts set by the chained setters.
struct P
{
    DedupeInput in;
    P(const QString& first, const QString& last)
    {
        in.firstName = first;
        in.lastName = last;
    }
    P& email(const QString& e)
    {
        in.emails.append(e);
        return *this;
    }
    P& phone(const QString& e164)
    {
        in.phones.append(e164);
        return *this;
    }
    P& company(const QString& c)
    {
        in.company = c;
        return *this;
    }
    P& title(const QString& t)
    {
        in.jobTitle = t;
        return *this;
    }
    P& address(const QString& street, const QString& postal, const QString& city)
    {
        in.street = street;
        in.postalCode = postal;
        in.city = city;
        return *this;
    }
    P& birthday(const QString& iso)
    {
        in.birthday = iso;
        return *this;
    }
    operator DedupeInput() const { return in; }
};

// The evidence kinds that speak about a field; none may appear when one side lacks it.
struct FieldKinds
{
    const char* field;
    bool (*missing)(const DedupeInput&);
    QList<Kind> kinds;
};

const QList<FieldKinds>& fieldKinds()
{
    static const QList<FieldKinds> list{
        {"email", [](const DedupeInput& x) { return x.emails.isEmpty(); }, {Kind::SameMailbox, Kind::SameEmailName}},
        {"phone", [](const DedupeInput& x) { return x.phones.isEmpty(); },
         {Kind::SamePhone, Kind::SameNationalNumber, Kind::DifferentPhones}},
        {"company", [](const DedupeInput& x) { return x.company.isEmpty(); }, {Kind::SameCompany, Kind::DifferentCompany}},
        {"job title", [](const DedupeInput& x) { return x.jobTitle.isEmpty(); }, {Kind::SameJobTitle}},
        {"street", [](const DedupeInput& x) { return x.street.isEmpty(); }, {Kind::SameAddress}},
        {"postal code", [](const DedupeInput& x) { return x.postalCode.isEmpty(); },
         {Kind::SamePostalCode, Kind::DifferentPostalCode}},
        {"city", [](const DedupeInput& x) { return x.city.isEmpty(); }, {Kind::SameCity, Kind::DifferentCity}},
        {"birthday", [](const DedupeInput& x) { return x.birthday.isEmpty(); },
         {Kind::SameBirthday, Kind::BirthdayTypo, Kind::DifferentBirthday}},
        {"last name", [](const DedupeInput& x) { return x.lastName.isEmpty(); },
         {Kind::NamesExact, Kind::NamesSwapped, Kind::NamesAlike, Kind::LastNamesDiffer, Kind::NamesDiffer,
          Kind::CommonName, Kind::RareName}},
        {"first name", [](const DedupeInput& x) { return x.firstName.isEmpty(); },
         {Kind::NamesExact, Kind::NamesSwapped, Kind::Nickname, Kind::NamesAlike, Kind::InitialOnly,
          Kind::FirstNamesDiffer, Kind::LastNamesDiffer, Kind::NamesDiffer}},
    };
    return list;
}

struct Scored
{
    PairScore score;
    PairScore reverse;
    QList<Evidence> evidence;
    QSet<int> kinds;
};

Scored scorePair(const DedupeInput& a, const DedupeInput& b)
{
    DedupeInput x = a, y = b;
    x.id = 1;
    y.id = 2;
    DedupeRecords records;
    records.add(x);
    records.add(y);
    DuplicateScorer scorer(records);
    Scored s;
    s.score = scorer.score(0, 1);
    s.reverse = scorer.score(1, 0);
    s.evidence = scorer.explain(0, 1);
    for (const Evidence& e : std::as_const(s.evidence))
        s.kinds.insert(static_cast<int>(e.kind));
    return s;
}

QString explainText(const Scored& s)
{
    QStringList parts;
    for (const Evidence& e : s.evidence)
        parts.append(QStringLiteral("%1(%2)").arg(kindName(e.kind)).arg(e.weight));
    return QStringLiteral("score %1: %2").arg(s.score.score).arg(parts.join(QStringLiteral(", ")));
}

} // namespace

class TestDuplicateScorer : public QObject
{
    Q_OBJECT

    void addColumns()
    {
        QTest::addColumn<DedupeInput>("a");
        QTest::addColumn<DedupeInput>("b");
        QTest::addColumn<QList<int>>("expected");
    }

    void checkPair(bool mustMatch)
    {
        QFETCH(DedupeInput, a);
        QFETCH(DedupeInput, b);
        QFETCH(QList<int>, expected);
        const Scored s = scorePair(a, b);
        const QString why = explainText(s);
        if (mustMatch)
            QVERIFY2(s.score.score >= DuplicateScorer::DefaultThreshold, qPrintable(why));
        else
            QVERIFY2(s.score.score < DuplicateScorer::DefaultThreshold, qPrintable(why));
        // The order of the two contacts does not matter.
        QVERIFY2(qFuzzyCompare(1.0 + s.score.score, 1.0 + s.reverse.score), qPrintable(why));
        for (int k : std::as_const(expected))
            QVERIFY2(s.kinds.contains(k),
                     qPrintable(QStringLiteral("missing %1 in %2").arg(kindName(static_cast<Kind>(k)), why)));
        // Missing values are no evidence either way.
        for (const FieldKinds& f : fieldKinds())
            if (f.missing(a) || f.missing(b))
                for (Kind k : f.kinds)
                    QVERIFY2(!s.kinds.contains(static_cast<int>(k)),
                             qPrintable(QStringLiteral("%1 although the %2 is missing on one side; %3")
                                            .arg(kindName(k), QLatin1String(f.field), why)));
        // The evidence adds up to the score, and each piece is said in words.
        double sum = 0;
        for (const Evidence& e : s.evidence) {
            sum += e.weight;
            QVERIFY2(!e.text.trimmed().isEmpty(), qPrintable(kindName(e.kind)));
        }
        QVERIFY2(std::abs(sum - s.score.weight) < 1e-9, qPrintable(why));
        // The score follows the weight, capped below auto-merge without a shared identifier.
        const double expectedScore = s.kinds.contains(static_cast<int>(Kind::NoIdentifier))
            ? DuplicateScorer::ScoreWithoutIdentifier
            : DuplicateScorer::scoreFromWeight(s.score.weight);
        QVERIFY2(qFuzzyCompare(expectedScore, s.score.score), qPrintable(why));
    }

private Q_SLOTS:
    void mustMatch_data()
    {
        addColumns();
        QTest::addRow("same phone, Jon ~ John Smith")
            << DedupeInput(P(QStringLiteral("Jon"), QStringLiteral("Smith")).phone(QStringLiteral("+14155553695")))
            << DedupeInput(P(QStringLiteral("John"), QStringLiteral("Smith"))
                               .phone(QStringLiteral("+14155553695"))
                               .email(QStringLiteral("john.smith@acme.com")))
            << kinds({Kind::SamePhone, Kind::Nickname});
        // An email name made of the person's name (robert.whitfield@) repeats the name evidence
        // and weighs little; one the person chose (with digits) is evidence of its own.
        QTest::addRow("Robert ~ Bob, same company and email name with digits")
            << DedupeInput(P(QStringLiteral("Robert"), QStringLiteral("Whitfield"))
                               .email(QStringLiteral("robert.whitfield77@acme.com"))
                               .company(QStringLiteral("Acme Corp.")))
            << DedupeInput(P(QStringLiteral("Bob"), QStringLiteral("Whitfield"))
                               .email(QStringLiteral("robertwhitfield77@gmail.com"))
                               .company(QStringLiteral("ACME Inc")))
            << kinds({Kind::Nickname, Kind::SameCompany, Kind::SameEmailName});
        QTest::addRow("Müller ~ Mueller, same birthday")
            << DedupeInput(P(QStringLiteral("Hans"), QStringLiteral("Müller")).birthday(QStringLiteral("1971-04-23")))
            << DedupeInput(P(QStringLiteral("Hans"), QStringLiteral("Mueller"))
                               .birthday(QStringLiteral("1971-04-23"))
                               .email(QStringLiteral("h.mueller@example.de")))
            << kinds({Kind::NamesAlike, Kind::SameBirthday});
        QTest::addRow("first and last swapped, same phone")
            << DedupeInput(P(QStringLiteral("Wei"), QStringLiteral("Zhang")).phone(QStringLiteral("+8613800138000")))
            << DedupeInput(P(QStringLiteral("Zhang"), QStringLiteral("Wei")).phone(QStringLiteral("+8613800138000")))
            << kinds({Kind::NamesSwapped, Kind::SamePhone});
        QTest::addRow("same Gmail mailbox written with dots")
            << DedupeInput(P(QStringLiteral("Katherine"), QStringLiteral("Bell")).email(QStringLiteral("kate.bell@gmail.com")))
            << DedupeInput(P(QStringLiteral("Kate"), QStringLiteral("Bell")).email(QStringLiteral("katebell+crm@googlemail.com")))
            << kinds({Kind::SameMailbox, Kind::Nickname});
        QTest::addRow("initial only, same phone and company")
            << DedupeInput(P(QStringLiteral("J."), QStringLiteral("Okonkwo"))
                               .phone(QStringLiteral("+442079460958"))
                               .company(QStringLiteral("Okonkwo & Partners")))
            << DedupeInput(P(QStringLiteral("Jennifer"), QStringLiteral("Okonkwo"))
                               .phone(QStringLiteral("+442079460958"))
                               .company(QStringLiteral("Okonkwo & Partners")))
            << kinds({Kind::InitialOnly, Kind::SamePhone, Kind::SameCompany});
        QTest::addRow("typo in the last name, same email")
            << DedupeInput(P(QStringLiteral("Margaret"), QStringLiteral("Fitzgerald")).email(QStringLiteral("mfitz@example.org")))
            << DedupeInput(P(QStringLiteral("Margaret"), QStringLiteral("Fitzgerlad")).email(QStringLiteral("MFitz@example.org")))
            << kinds({Kind::SameMailbox, Kind::NamesAlike});
        QTest::addRow("same name, birthday and address; one email missing")
            << DedupeInput(P(QStringLiteral("Ana"), QStringLiteral("Ferreira"))
                               .birthday(QStringLiteral("1988-12-01"))
                               .address(QStringLiteral("12 Main Street"), QStringLiteral("94103"), QStringLiteral("San Francisco")))
            << DedupeInput(P(QStringLiteral("Ana"), QStringLiteral("Ferreira"))
                               .email(QStringLiteral("ana@ferreira.pt"))
                               .birthday(QStringLiteral("1988-12-01"))
                               .address(QStringLiteral("12 Main St."), QStringLiteral("94103"), QStringLiteral("San Francisco")))
            << kinds({Kind::NamesExact, Kind::SameBirthday, Kind::SameAddress});
        QTest::addRow("same national number under another country code")
            << DedupeInput(P(QStringLiteral("Liz"), QStringLiteral("Thornbury")).phone(QStringLiteral("+4915112345678")))
            << DedupeInput(P(QStringLiteral("Elizabeth"), QStringLiteral("Thornbury")).phone(QStringLiteral("+4315112345678")))
            << kinds({Kind::SameNationalNumber, Kind::Nickname});
        QTest::addRow("a typo in each record's last name, same birthday")
            << DedupeInput(P(QStringLiteral("Kelly"), QStringLiteral("Ffertworth")).birthday(QStringLiteral("1979-08-02")))
            << DedupeInput(P(QStringLiteral("Kelly"), QStringLiteral("Feftworth"))
                               .birthday(QStringLiteral("1979-08-02"))
                               .email(QStringLiteral("kelly@fertworth.net")))
            << kinds({Kind::NamesAlike, Kind::SameBirthday});
        QTest::addRow("typos in both names, same birthday")
            << DedupeInput(P(QStringLiteral("Sofiia"), QStringLiteral("Falano")).birthday(QStringLiteral("1990-05-17")))
            << DedupeInput(P(QStringLiteral("Sofia"), QStringLiteral("Flano")).birthday(QStringLiteral("1990-05-17")))
            << kinds({Kind::NamesAlike, Kind::SameBirthday});
    }

    void mustMatch() { checkPair(true); }

    void mustNotMatch_data()
    {
        addColumns();
        QTest::addRow("same common name only")
            << DedupeInput(P(QStringLiteral("John"), QStringLiteral("Smith")).email(QStringLiteral("jsmith@acme.com")))
            << DedupeInput(P(QStringLiteral("John"), QStringLiteral("Smith")).email(QStringLiteral("john.s@globex.com")))
            << kinds({Kind::NamesExact});
        QTest::addRow("siblings: same last name and address, other first names and birthdays")
            << DedupeInput(P(QStringLiteral("Anna"), QStringLiteral("Kowalski"))
                               .birthday(QStringLiteral("1990-01-14"))
                               .address(QStringLiteral("7 Elm Road"), QStringLiteral("02139"), QStringLiteral("Cambridge")))
            << DedupeInput(P(QStringLiteral("Maria"), QStringLiteral("Kowalski"))
                               .birthday(QStringLiteral("1993-06-25"))
                               .address(QStringLiteral("7 Elm Rd"), QStringLiteral("02139"), QStringLiteral("Cambridge")))
            << kinds({Kind::FirstNamesDiffer, Kind::SameAddress, Kind::DifferentBirthday});
        QTest::addRow("same name, different birthday")
            << DedupeInput(P(QStringLiteral("Peter"), QStringLiteral("Novak")).birthday(QStringLiteral("1970-03-03")))
            << DedupeInput(P(QStringLiteral("Peter"), QStringLiteral("Novak")).birthday(QStringLiteral("1985-11-20")))
            << kinds({Kind::NamesExact, Kind::DifferentBirthday});
        QTest::addRow("shared office phone, different people")
            << DedupeInput(P(QStringLiteral("Anna"), QStringLiteral("Lee")).phone(QStringLiteral("+14155550100")))
            << DedupeInput(P(QStringLiteral("Mark"), QStringLiteral("Brown")).phone(QStringLiteral("+14155550100")))
            << kinds({Kind::SamePhone, Kind::NamesDiffer});
        QTest::addRow("same role mailbox, different people")
            << DedupeInput(P(QStringLiteral("Sarah"), QStringLiteral("Connor")).email(QStringLiteral("info@cyberdyne.com")))
            << DedupeInput(P(QStringLiteral("Miles"), QStringLiteral("Dyson")).email(QStringLiteral("info@cyberdyne.com")))
            << kinds({Kind::SameMailbox, Kind::NamesDiffer});
        QTest::addRow("father and son: same name and address, other birthdays")
            << DedupeInput(P(QStringLiteral("Robert"), QStringLiteral("Lindqvist"))
                               .birthday(QStringLiteral("1955-08-09"))
                               .address(QStringLiteral("3 Harbour Lane"), QStringLiteral("SW1A 1AA"), QStringLiteral("London")))
            << DedupeInput(P(QStringLiteral("Robert"), QStringLiteral("Lindqvist"))
                               .birthday(QStringLiteral("1984-02-17"))
                               .address(QStringLiteral("3 Harbour Ln"), QStringLiteral("sw1a 1aa"), QStringLiteral("London")))
            << kinds({Kind::NamesExact, Kind::SameAddress, Kind::DifferentBirthday});
        QTest::addRow("same first name, different last names, different companies")
            << DedupeInput(P(QStringLiteral("Laura"), QStringLiteral("Bianchi")).company(QStringLiteral("Initech")))
            << DedupeInput(P(QStringLiteral("Laura"), QStringLiteral("Marchetti")).company(QStringLiteral("Globex")))
            << kinds({Kind::LastNamesDiffer, Kind::DifferentCompany});
        QTest::addRow("nothing but a company")
            << DedupeInput(P(QStringLiteral("Tom"), QString()).company(QStringLiteral("Acme")))
            << DedupeInput(P(QString(), QStringLiteral("Jansen")).company(QStringLiteral("Acme")))
            << kinds({Kind::SameCompany});
        // One letter apart, but in the first letter: relatives, not a typo.
        QTest::addRow("Jing ~ Ping Wu at one address")
            << DedupeInput(P(QStringLiteral("Jing"), QStringLiteral("Wu"))
                               .address(QStringLiteral("88 Harbour Road"), QStringLiteral("10092"), QStringLiteral("Beijing")))
            << DedupeInput(P(QStringLiteral("Ping"), QStringLiteral("Wu"))
                               .address(QStringLiteral("88 Harbour Road"), QStringLiteral("10092"), QStringLiteral("Beijing")))
            << kinds({Kind::FirstNamesDiffer, Kind::SameAddress});
        QTest::addRow("Giuseppe ~ Giuseppina, same company")
            << DedupeInput(P(QStringLiteral("Giuseppe"), QStringLiteral("Walello")).company(QStringLiteral("Blue Foods")))
            << DedupeInput(P(QStringLiteral("Giuseppina"), QStringLiteral("Walello")).company(QStringLiteral("Blue Foods")))
            << kinds({Kind::FirstNamesDiffer, Kind::SameCompany});
    }

    void mustNotMatch() { checkPair(false); }

    // Name and home address are shared by a junior living with his father: without a personal
    // identifier the pair is suggested, but never scores high enough for a merge without a look.
    void withoutIdentifierNeverAutoMerged()
    {
        const DedupeInput senior = P(QStringLiteral("Jorge"), QStringLiteral("Torres"))
                                       .company(QStringLiteral("Torres Hermanos"))
                                       .title(QStringLiteral("Owner"))
                                       .address(QStringLiteral("5 Calle Mayor"), QStringLiteral("28013"), QStringLiteral("Madrid"));
        DedupeInput junior = senior;
        junior.emails = {QStringLiteral("jorge.torres@gmail.com")}; // the same name at another domain
        DedupeInput father = senior;
        father.emails = {QStringLiteral("jorge.torres@torreshermanos.es")};
        const Scored capped = scorePair(father, junior);
        QVERIFY2(DuplicateScorer::scoreFromWeight(capped.score.weight) > DuplicateScorer::AutoMergeThreshold,
                 qPrintable(explainText(capped)));
        QCOMPARE(capped.score.score, DuplicateScorer::ScoreWithoutIdentifier);
        QVERIFY(capped.score.score >= DuplicateScorer::DefaultThreshold);
        QVERIFY(capped.score.score < DuplicateScorer::AutoMergeThreshold);
        QVERIFY(capped.kinds.contains(static_cast<int>(Kind::NoIdentifier)));
        QVERIFY2(DuplicateScorer::describe(capped.evidence).contains(QLatin1String("no email, phone or birthday in common")),
                 qPrintable(DuplicateScorer::describe(capped.evidence)));

        DedupeInput withBirthday = senior;
        withBirthday.birthday = QStringLiteral("1961-03-30");
        junior.birthday = withBirthday.birthday;
        const Scored identified = scorePair(withBirthday, junior);
        QVERIFY2(identified.score.score >= DuplicateScorer::AutoMergeThreshold, qPrintable(explainText(identified)));
        QVERIFY(!identified.kinds.contains(static_cast<int>(Kind::NoIdentifier)));
    }

    // In a large enough set, agreeing on a value many records hold says less than agreeing on a
    // rare one (Fellegi-Sunter frequencies): a company half the set works for, a full name thirty
    // records carry.
    void commonValuesWeighLess()
    {
        DedupeRecords records;
        qint64 id = 0;
        auto add = [&records, &id](DedupeInput in) {
            in.id = ++id;
            records.add(in);
            return static_cast<size_t>(id - 1);
        };
        // Every filler has its own made-up name, so no name is common by chance.
        auto filler = [](int i) {
            QString first, last;
            for (int n = i, k = 0; k < 4; ++k, n /= 26) {
                first.append(QLatin1Char(static_cast<char>('a' + n % 26)));
                last.append(QLatin1Char(static_cast<char>('z' - n % 26)));
            }
            return P(QStringLiteral("F") + first, QStringLiteral("L") + last);
        };
        for (int i = 0; i < 2400; ++i)
            add(filler(i).company(i % 2 ? QStringLiteral("Big Corp") : QStringLiteral("Firm %1").arg(i)));
        const size_t bigA = add(P(QStringLiteral("Ottilie"), QStringLiteral("Quarrington")).company(QStringLiteral("Big Corp")));
        const size_t bigB = add(P(QStringLiteral("Ottilie"), QStringLiteral("Quarrington")).company(QStringLiteral("Big Corp")));
        const size_t tinyA = add(P(QStringLiteral("Perpetua"), QStringLiteral("Vandersloot")).company(QStringLiteral("Tiny Ltd")));
        const size_t tinyB = add(P(QStringLiteral("Perpetua"), QStringLiteral("Vandersloot")).company(QStringLiteral("Tiny Ltd")));
        std::vector<size_t> namesakes;
        for (int i = 0; i < 30; ++i)
            namesakes.push_back(add(P(QStringLiteral("Tiago"), QStringLiteral("Brandão"))));
        QVERIFY(records.size() >= DedupeRecords::MinSetForShares);
        records.measureShares();
        DuplicateScorer scorer(records);

        auto weightOf = [&scorer](size_t a, size_t b, Kind kind) {
            for (const Evidence& e : scorer.explain(a, b))
                if (e.kind == kind)
                    return e.weight;
            return std::nan("");
        };
        const double big = weightOf(bigA, bigB, Kind::SameCompany);
        const double tiny = weightOf(tinyA, tinyB, Kind::SameCompany);
        QVERIFY2(tiny > big + 1.0, qPrintable(QStringLiteral("tiny %1, big %2").arg(tiny).arg(big)));
        QVERIFY(scorer.score(tinyA, tinyB).score > scorer.score(bigA, bigB).score);
        // Thirty records with one full name: agreeing on it is weak evidence.
        const double common = weightOf(namesakes[0], namesakes[1], Kind::CommonName);
        QVERIFY2(common < -2.0, qPrintable(DuplicateScorer::describe(scorer.explain(namesakes[0], namesakes[1]))));
        QVERIFY(scorer.score(namesakes[0], namesakes[1]).score < 0.5);
        // A small set says nothing about how common a value is: no shares, default weights.
        DedupeRecords few;
        DedupeInput x = P(QStringLiteral("Ann"), QStringLiteral("Lee")).company(QStringLiteral("Big Corp"));
        few.add(x);
        few.measureShares();
        QCOMPARE(few[0].companyShare, 0.0f);
    }

    // A value one contact lacks moves the score as little as a value both lack: it is neither
    // for nor against. Checked field by field on a pair that disagrees on everything but names.
    void missingValueIsNoEvidence_data()
    {
        QTest::addColumn<QString>("field");
        for (const char* f : {"email", "phone", "company", "job title", "street", "postal code", "city", "birthday"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void missingValueIsNoEvidence()
    {
        QFETCH(QString, field);
        DedupeInput a = P(QStringLiteral("Grace"), QStringLiteral("Hopper"))
                            .email(QStringLiteral("grace@navy.mil"))
                            .phone(QStringLiteral("+12025550143"))
                            .company(QStringLiteral("US Navy"))
                            .title(QStringLiteral("Rear Admiral"))
                            .address(QStringLiteral("1 Navy Way"), QStringLiteral("20350"), QStringLiteral("Washington"))
                            .birthday(QStringLiteral("1906-12-09"));
        DedupeInput b = P(QStringLiteral("Grace"), QStringLiteral("Hopper"))
                            .email(QStringLiteral("ghopper@univac.com"))
                            .phone(QStringLiteral("+12155550199"))
                            .company(QStringLiteral("Remington Rand"))
                            .title(QStringLiteral("Rear Admiral"))
                            .address(QStringLiteral("200 Market Street"), QStringLiteral("19103"), QStringLiteral("Philadelphia"))
                            .birthday(QStringLiteral("1906-12-09"));
        auto blank = [&field](DedupeInput& x) {
            if (field == QLatin1String("email"))
                x.emails.clear();
            else if (field == QLatin1String("phone"))
                x.phones.clear();
            else if (field == QLatin1String("company"))
                x.company.clear();
            else if (field == QLatin1String("job title"))
                x.jobTitle.clear();
            else if (field == QLatin1String("street"))
                x.street.clear();
            else if (field == QLatin1String("postal code"))
                x.postalCode.clear();
            else if (field == QLatin1String("city"))
                x.city.clear();
            else if (field == QLatin1String("birthday"))
                x.birthday.clear();
        };
        DedupeInput bMissing = b, aMissing = a;
        blank(bMissing);
        blank(aMissing);
        const Scored oneSide = scorePair(a, bMissing);
        const Scored otherSide = scorePair(aMissing, b);
        const Scored bothSides = scorePair(aMissing, bMissing);
        QVERIFY2(std::abs(oneSide.score.weight - bothSides.score.weight) < 1e-9,
                 qPrintable(explainText(oneSide) + QStringLiteral(" vs ") + explainText(bothSides)));
        QVERIFY2(std::abs(otherSide.score.weight - bothSides.score.weight) < 1e-9,
                 qPrintable(explainText(otherSide) + QStringLiteral(" vs ") + explainText(bothSides)));
        for (const FieldKinds& f : fieldKinds())
            if (field == QLatin1String(f.field))
                for (Kind k : f.kinds) {
                    QVERIFY(!oneSide.kinds.contains(static_cast<int>(k)));
                    QVERIFY(!otherSide.kinds.contains(static_cast<int>(k)));
                }
        // The full pair did have evidence on this field (so the check above means something).
        const Scored full = scorePair(a, b);
        bool spoke = false;
        for (const FieldKinds& f : fieldKinds())
            if (field == QLatin1String(f.field))
                for (Kind k : f.kinds)
                    spoke = spoke || full.kinds.contains(static_cast<int>(k));
        // (Differing emails and streets are no evidence, and with postal codes cities are not compared.)
        const bool silentWhenDifferent = field == QLatin1String("email") || field == QLatin1String("street")
                                         || field == QLatin1String("city");
        QVERIFY2(spoke || silentWhenDifferent, qPrintable(explainText(full)));
    }

    void explainedInWords()
    {
        DedupeRecords records;
        DedupeInput a = P(QStringLiteral("Jon"), QStringLiteral("Smith")).phone(QStringLiteral("+14155553695"));
        a.id = 10;
        DedupeInput b = P(QStringLiteral("John"), QStringLiteral("Smith"))
                            .phone(QStringLiteral("+14155553695"))
                            .company(QStringLiteral("Acme"));
        b.id = 11;
        b.company.clear();
        records.add(a);
        records.add(b);
        DuplicateScorer scorer(records);
        const QList<Evidence> evidence = scorer.explain(0, 1);
        const QString text = DuplicateScorer::describe(evidence);
        QVERIFY2(text.contains(QLatin1String("+14155553695")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("jon smith ~ john smith")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" · ")), qPrintable(text));
        // Strongest evidence first.
        for (qsizetype i = 1; i < evidence.size(); ++i)
            QVERIFY(evidence.at(i - 1).weight >= evidence.at(i).weight);
        // score() and explain() agree.
        double sum = 0;
        for (const Evidence& e : evidence)
            sum += e.weight;
        QCOMPARE(scorer.score(0, 1).weight, sum);
    }

    void thresholdsAreOrdered()
    {
        QVERIFY(DuplicateScorer::DefaultThreshold > 0.5);
        QVERIFY(DuplicateScorer::AutoMergeThreshold > DuplicateScorer::DefaultThreshold);
        QVERIFY(DuplicateScorer::scoreFromWeight(-20) < 0.01);
        QVERIFY(DuplicateScorer::scoreFromWeight(20) > 0.99);
        QVERIFY(DuplicateScorer::scoreFromWeight(5) < DuplicateScorer::scoreFromWeight(6));
        // Shown rounded down: a capped pair never reads as the auto-merge level.
        QCOMPARE(DuplicateScorer::percent(DuplicateScorer::ScoreWithoutIdentifier), 98);
        QCOMPARE(DuplicateScorer::percent(DuplicateScorer::AutoMergeThreshold), 99);
        QCOMPARE(DuplicateScorer::percent(DuplicateScorer::DefaultThreshold), 85);
        QCOMPARE(DuplicateScorer::percent(0.29), 29);
        QCOMPARE(DuplicateScorer::percent(1.0), 100);
    }

    void recordsKeepTheirFeatures()
    {
        DedupeRecords records;
        DedupeInput in = P(QStringLiteral("José"), QStringLiteral("Müller"))
                             .email(QStringLiteral("J.Mueller+x@gmail.com"))
                             .phone(QStringLiteral("+4930123456"))
                             .birthday(QStringLiteral("1980-02-29"));
        in.id = 42;
        records.add(in);
        DedupeInput other = P(QStringLiteral("Ana"), QString());
        other.id = 43;
        other.birthday = QStringLiteral("not a date");
        records.add(other);
        QCOMPARE(records.size(), size_t(2));
        const DedupeRecord& r = records[0];
        QCOMPARE(r.id, qint64(42));
        QCOMPARE(QString::fromStdString(std::string(records.text(r.first))), QStringLiteral("jose"));
        QCOMPARE(QString::fromStdString(std::string(records.text(r.last))), QStringLiteral("muller"));
        QCOMPARE(r.mailboxCount, quint16(1));
        QCOMPARE(QString::fromStdString(std::string(records.mailbox(r, 0))), QStringLiteral("jmueller@gmail.com"));
        QCOMPARE(r.phoneCount, quint16(1));
        QCOMPARE(QString::fromStdString(std::string(records.phone(r, 0))), QStringLiteral("+4930123456"));
        QCOMPARE(QDate::fromJulianDay(r.birthday), QDate(1980, 2, 29));
        QCOMPARE(records[1].birthday, 0); // an unreadable birthday is no birthday
        QCOMPARE(records[1].mailboxCount, quint16(0));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateScorer)
#include "TestDuplicateScorer.moc"
