#include "DuplicateScorer.h"

#include "NameMatching.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace ContactDesk {

using namespace NameMatching;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DuplicateScorer", text);
}

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A cheap test before Jaro-Winkler on longer text (companies, streets), which most scored pairs
// disagree on: a typo keeps the first letter and the length within two.
bool mayBeAlike(std::string_view a, std::string_view b)
{
    const size_t la = a.size(), lb = b.size();
    return a.front() == b.front() && (la > lb ? la - lb : lb - la) <= 2;
}

constexpr double LastAlike = 0.92;
// An email name with digits the person chose ("jon.smith77"): the weakest email name that is an
// identifier rather than a repetition of the name.
constexpr double ChosenEmailName = 2.5;
constexpr double FirstAlike = 0.90;

// An initial or a shortened form: "j" / "john", "jon" / "jonathan".
bool isPrefixForm(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (a.size() == 1)
        return b.front() == a.front();
    return a.size() >= 3 && b.compare(0, a.size(), a) == 0;
}

// Last names that are alike: a typo (Jaro-Winkler), or one half of a double-barrelled name.
double lastNameSimilarity(std::string_view a, std::string_view b)
{
    if (a == b)
        return 1.0;
    const double jw = jaroWinkler(a, b);
    // One typing error in a name of four letters or more ("khanna" / "khnna", "ruiz" / "rukz"), or
    // two in one of eight or more: Jaro-Winkler rates some of these below the bar, the edit distance
    // does not.
    if (isSingleTypo(a, b) || (std::min(a.size(), b.size()) >= 8 && typingDistance(a, b, 2) <= 2))
        return std::max(jw, LastAlike);
    if (std::min(a.size(), b.size()) >= 4 && (a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos))
        return std::max(jw, 0.9);
    // Short names (Li, Wu, Ma) are alike only when equal.
    return std::min(a.size(), b.size()) < 4 ? 0.0 : jw;
}

// Fellegi-Sunter agreement weight for a value: ln(m / u), where m is how often two records of one
// person agree on the field and u how often two records of different people do, i.e. the share of
// the set holding the value (the commoner of the two). Bounded, and `fallback` when the shares are
// unknown (a small set).
double agreementWeight(float shareA, float shareB, double m, double lowest, double highest, double fallback)
{
    const double u = std::max(shareA, shareB);
    if (u <= 0)
        return fallback;
    return std::clamp(std::log(m / u), lowest, highest);
}

// First names alike by typing errors: one, or two in names of eight letters or more. Not in the
// first letter, which people rarely get wrong and which tells relatives apart (Jing / Ping, Ming /
// Ying); not a gendered form, nor a longer form that is another name (Giuseppe / Giuseppina).
bool firstNamesAlike(std::string_view a, std::string_view b)
{
    if (a.front() != b.front() || isGenderedVariant(a, b))
        return false;
    return isSingleTypo(a, b) || (std::min(a.size(), b.size()) >= 8 && typingDistance(a, b, 2) <= 2);
}

} // namespace

void DedupeRecords::reserve(size_t contacts)
{
    m_records.reserve(contacts);
    m_values.reserve(contacts * 2);
    m_arena.reserve(contacts * 96);
}

TextRef DedupeRecords::store(std::string_view s)
{
    TextRef t{static_cast<quint32>(m_arena.size()), static_cast<quint32>(s.size())};
    m_arena.append(s);
    return t;
}

void DedupeRecords::add(const DedupeInput& in)
{
    // One path for both: the text as UTF-8 (plain ASCII then needs no QString work).
    const QByteArray text[] = {in.firstName.toUtf8(), in.lastName.toUtf8(), in.company.toUtf8(),
                               in.jobTitle.toUtf8(),  in.street.toUtf8(),   in.postalCode.toUtf8(),
                               in.city.toUtf8(),      in.birthday.toUtf8()};
    auto view = [](const QByteArray& b) { return std::string_view(b.constData(), static_cast<size_t>(b.size())); };
    std::vector<QByteArray> emails, phones;
    DedupeRow row;
    row.id = in.id;
    row.firstName = view(text[0]);
    row.lastName = view(text[1]);
    row.company = view(text[2]);
    row.jobTitle = view(text[3]);
    row.street = view(text[4]);
    row.postalCode = view(text[5]);
    row.city = view(text[6]);
    row.birthday = view(text[7]);
    for (const QString& e : in.emails)
        emails.push_back(e.toUtf8());
    for (const QString& p : in.phones)
        phones.push_back(p.toUtf8());
    for (const QByteArray& e : emails)
        row.emails.push_back(view(e));
    for (const QByteArray& p : phones)
        row.phones.push_back(view(p));
    add(row);
}

void DedupeRecords::add(const DedupeRow& in)
{
    DedupeRecord r;
    r.id = in.id;
    r.first = store(compactName(in.firstName));
    r.last = store(compactName(in.lastName));
    r.company = store(companyKey(in.company));
    r.title = store(foldedWords(in.jobTitle));
    r.street = store(streetKey(in.street));
    r.postal = store(postalKey(in.postalCode));
    r.city = store(compactName(in.city));
    // "YYYY-MM-DD", as the store writes birthdays.
    const std::string_view b = in.birthday;
    if (b.size() == 10 && b[4] == '-' && b[7] == '-') {
        auto number = [&b](size_t from, size_t count) {
            int v = 0;
            for (size_t i = from; i < from + count; ++i)
                v = b[i] >= '0' && b[i] <= '9' ? v * 10 + (b[i] - '0') : -100000;
            return v;
        };
        const QDate d(number(0, 4), number(5, 2), number(8, 2));
        if (d.isValid())
            r.birthday = static_cast<qint32>(d.toJulianDay());
    }
    std::vector<std::string> mailboxes, phones;
    for (std::string_view e : in.emails)
        mailboxes.push_back(NameMatching::mailbox(e));
    for (std::string_view p : in.phones)
        phones.emplace_back(p);
    addValues(r, mailboxes, phones);
    m_records.push_back(r);
}

void DedupeRecords::addValues(DedupeRecord& r, const std::vector<std::string>& mailboxes,
                              const std::vector<std::string>& phones)
{
    r.valuesBegin = static_cast<quint32>(m_values.size());
    r.mailboxCount = static_cast<quint16>(std::min<size_t>(mailboxes.size(), 64));
    r.phoneCount = static_cast<quint16>(std::min<size_t>(phones.size(), 64));
    for (size_t i = 0; i < r.mailboxCount; ++i)
        m_values.push_back(store(mailboxes[i]));
    for (size_t i = 0; i < r.mailboxCount; ++i)
        m_values.push_back(store(NameMatching::personalLocalPart(mailboxes[i])));
    for (size_t i = 0; i < r.phoneCount; ++i)
        m_values.push_back(store(phones[i]));
}

void DedupeRecords::append(DedupeRecords&& other)
{
    const quint32 arenaShift = static_cast<quint32>(m_arena.size());
    const quint32 valueShift = static_cast<quint32>(m_values.size());
    m_arena.append(other.m_arena);
    for (TextRef t : other.m_values)
        m_values.push_back(TextRef{t.offset + arenaShift, t.length});
    for (DedupeRecord r : other.m_records) {
        for (TextRef* t : {&r.first, &r.last, &r.company, &r.title, &r.street, &r.postal, &r.city})
            t->offset += arenaShift;
        r.valuesBegin += valueShift;
        m_records.push_back(r);
    }
    other = DedupeRecords();
}

namespace {

// Sets each record's `share` to how many records have its key (empty keys are skipped) over n.
template<typename Key, typename KeyOf>
void countShares(std::vector<DedupeRecord>& records, size_t n, KeyOf&& keyOf, float DedupeRecord::*share)
{
    std::unordered_map<Key, quint32> counts;
    counts.reserve(n / 4 + 16);
    for (const DedupeRecord& r : records)
        if (const auto& k = keyOf(r); !k.empty())
            ++counts.try_emplace(k).first->second;
    for (DedupeRecord& r : records)
        if (const auto& k = keyOf(r); !k.empty())
            r.*share = static_cast<float>(counts.find(k)->second) / static_cast<float>(n);
}

} // namespace

void DedupeRecords::measureShares()
{
    const size_t n = m_records.size();
    if (n < MinSetForShares)
        return;
    auto measure = [this, n](TextRef DedupeRecord::*field, float DedupeRecord::*share) {
        countShares<std::string_view>(m_records, n, [this, field](const DedupeRecord& r) { return text(r.*field); }, share);
    };
    // Streets are nearly one per contact, the biggest table: counted on a second thread. The two
    // threads write different members of the records.
    std::thread streets([&measure] { measure(&DedupeRecord::street, &DedupeRecord::streetShare); });
    measure(&DedupeRecord::last, &DedupeRecord::lastNameShare);
    measure(&DedupeRecord::first, &DedupeRecord::firstNameShare);
    measure(&DedupeRecord::company, &DedupeRecord::companyShare);
    measure(&DedupeRecord::postal, &DedupeRecord::postalShare);
    measure(&DedupeRecord::city, &DedupeRecord::cityShare);
    // Full names: first and last name joined by a byte neither holds; none without both. One
    // buffer for all records: a map key is copied only when it is new.
    std::string fullName;
    countShares<std::string>(
        m_records, n,
        [this, &fullName](const DedupeRecord& r) -> const std::string& {
            fullName.clear();
            if (r.first.length > 0 && r.last.length > 0) {
                fullName.append(text(r.first));
                fullName.push_back('\x1f');
                fullName.append(text(r.last));
            }
            return fullName;
        },
        &DedupeRecord::fullNameShare);
    streets.join();
}

size_t DedupeRecords::memoryBytes() const
{
    return m_records.capacity() * sizeof(DedupeRecord) + m_values.capacity() * sizeof(TextRef) + m_arena.capacity();
}

double DuplicateScorer::scoreFromWeight(double weight)
{
    // A logistic curve centred at 6.5: exact names alone (6) stay below the default threshold,
    // exact names with one corroborating fact or a shared mailbox or phone with alike names pass.
    return 1.0 / (1.0 + std::exp(-(weight - 6.5)));
}

template<typename Sink>
double DuplicateScorer::evaluate(size_t ia, size_t ib, Sink&& sink) const
{
    const DedupeRecords& rs = m_records;
    const DedupeRecord& a = rs[ia];
    const DedupeRecord& b = rs[ib];
    double w = 0;
    auto add = [&](Evidence::Kind kind, double weight, auto&& text) {
        w += weight;
        sink(kind, weight, text);
    };

    const std::string_view fa = rs.text(a.first), la = rs.text(a.last);
    const std::string_view fb = rs.text(b.first), lb = rs.text(b.last);

    // ---- emails -------------------------------------------------------------------------------
    bool sameMailbox = false;
    std::string_view sharedName;
    for (int i = 0; i < a.mailboxCount && !sameMailbox; ++i) {
        const std::string_view ma = rs.mailbox(a, i);
        for (int j = 0; j < b.mailboxCount; ++j) {
            const std::string_view mb = rs.mailbox(b, j);
            if (ma == mb) {
                sameMailbox = true;
                add(Evidence::Kind::SameMailbox, 9.0, [&] { return tr("same mailbox %1").arg(str(ma)); });
                break;
            }
            if (sharedName.empty()) {
                const std::string_view localA = rs.localPart(a, i);
                if (!localA.empty() && localA == rs.localPart(b, j))
                    sharedName = ma;
            }
        }
    }
    if (!sameMailbox && !sharedName.empty()) {
        // The same local part at two domains. When it is just the person's name ("jon.smith"), it
        // repeats the name evidence: two Jon Smiths at two companies both get jon.smith@. Digits
        // a person chose ("jon.smith77") or a handle not made from the name ("bluefalcon77") are
        // evidence of their own.
        LocalPartOrigin origin = localPartOrigin(sharedName, fa, la);
        if (origin == LocalPartOrigin::Independent)
            origin = localPartOrigin(sharedName, fb, lb);
        const std::string_view local = sharedName.substr(0, sharedName.rfind('@'));
        if (origin == LocalPartOrigin::Independent)
            add(Evidence::Kind::SameEmailName, 5.0, [&] { return tr("same email name %1@…").arg(str(local)); });
        else if (origin == LocalPartOrigin::NameWithDigits)
            add(Evidence::Kind::SameEmailName, ChosenEmailName, [&] { return tr("same email name %1@…").arg(str(local)); });
        else
            add(Evidence::Kind::SameEmailName, 0.5, [&] { return tr("same email name %1@… (the name)").arg(str(local)); });
    }

    // ---- phones -------------------------------------------------------------------------------
    if (a.phoneCount > 0 && b.phoneCount > 0) {
        int best = 0; // 2 same number, 1 same national number
        std::string_view shown;
        for (int i = 0; i < a.phoneCount && best < 2; ++i) {
            const std::string_view pa = rs.phone(a, i);
            for (int j = 0; j < b.phoneCount; ++j) {
                const std::string_view pb = rs.phone(b, j);
                if (pa == pb) {
                    best = 2;
                    shown = pa;
                    break;
                }
                if (best == 0 && pa.size() >= 9 && pb.size() >= 9 && pa.substr(pa.size() - 9) == pb.substr(pb.size() - 9)) {
                    best = 1;
                    shown = pa;
                }
            }
        }
        if (best == 2)
            add(Evidence::Kind::SamePhone, 8.0, [&] { return tr("same phone %1").arg(str(shown)); });
        else if (best == 1)
            add(Evidence::Kind::SameNationalNumber, 5.0, [&] {
                return tr("same national number %1 under another country code").arg(str(shown.substr(shown.size() - 9)));
            });
        else
            add(Evidence::Kind::DifferentPhones, -1.0, [&] { return tr("different phones"); });
    }

    // ---- names --------------------------------------------------------------------------------
    auto names = [&] {
        return QStringLiteral("%1 %2 ~ %3 %4").arg(str(fa), str(la), str(fb), str(lb)).simplified();
    };
    bool lastAgrees = false;
    if (!la.empty() && !lb.empty()) {
        const double simLast = lastNameSimilarity(la, lb);
        if (!fa.empty() && !fb.empty() && fa != la && lastNameSimilarity(fa, lb) >= LastAlike
            && lastNameSimilarity(la, fb) >= LastAlike && simLast < LastAlike) {
            add(Evidence::Kind::NamesSwapped, 5.0, [&] { return tr("first and last name swapped: %1").arg(names()); });
            lastAgrees = true;
        } else if (simLast >= LastAlike) {
            lastAgrees = true;
            const bool lastSame = simLast >= 1.0;
            if (fa.empty() || fb.empty()) {
                add(Evidence::Kind::LastNameOnly, 2.5, [&] { return tr("same last name, one first name missing: %1").arg(names()); });
            } else if (fa == fb) {
                if (lastSame)
                    add(Evidence::Kind::NamesExact, 6.0, [&] { return tr("same name %1").arg(names()); });
                else
                    add(Evidence::Kind::NamesAlike, 4.5, [&] { return tr("names alike: %1 (%2)").arg(names()).arg(simLast, 0, 'f', 2); });
            } else if (areNicknames(fa, fb)) {
                add(Evidence::Kind::Nickname, lastSame ? 5.0 : 4.5, [&] { return tr("nickname: %1").arg(names()); });
            } else if (firstNamesAlike(fa, fb)) {
                // A typo in one name, or in both (weaker: two errors, or two similar names).
                const double simFirst = jaroWinkler(fa, fb);
                add(Evidence::Kind::NamesAlike, lastSame ? 4.5 : 3.5,
                    [&] { return tr("names alike: %1 (%2)").arg(names()).arg(std::min(simFirst, simLast), 0, 'f', 2); });
            } else if (isPrefixForm(fa, fb)) {
                const bool initial = std::min(fa.size(), fb.size()) == 1;
                add(Evidence::Kind::InitialOnly, initial ? 2.5 : 4.0, [&] {
                    return (initial ? tr("initial matches: %1") : tr("short form of the first name: %1")).arg(names());
                });
            } else {
                add(Evidence::Kind::FirstNamesDiffer, -6.0, [&] { return tr("different first names: %1").arg(names()); });
            }
        } else if (!fa.empty() && !fb.empty() && (fa == fb || areNicknames(fa, fb) || jaroWinkler(fa, fb) >= FirstAlike)) {
            add(Evidence::Kind::LastNamesDiffer, -4.0, [&] { return tr("different last names: %1").arg(names()); });
        } else {
            add(Evidence::Kind::NamesDiffer, -9.0, [&] { return tr("different names: %1").arg(names()); });
        }
    } else if (!fa.empty() && !fb.empty()) {
        if (fa == fb || areNicknames(fa, fb))
            add(Evidence::Kind::LastNameOnly, 1.5, [&] { return tr("same first name, a last name missing: %1").arg(names()); });
        else if (jaroWinkler(fa, fb) < FirstAlike)
            add(Evidence::Kind::FirstNamesDiffer, -4.0, [&] { return tr("different first names: %1").arg(names()); });
    }
    if (lastAgrees && a.lastNameShare > 0 && b.lastNameShare > 0) {
        // Fellegi-Sunter frequency adjustment: agreeing on a name that many people in the set
        // share is weak evidence, on one hardly anyone has strong. Expected number of others with
        // this name by chance = set size x share of the last name x share of the first name (the
        // commoner spelling of each; a missing or initial-only first name does not narrow it).
        const bool firstAgrees = !fa.empty() && !fb.empty() && std::min(fa.size(), fb.size()) > 1;
        const double last = std::max(a.lastNameShare, b.lastNameShare);
        const double first = firstAgrees ? std::max(a.firstNameShare, b.firstNameShare) : 1.0;
        // First and last names are not independent (Tiago and Brandão both come from Portugal), so
        // the records that carry the very same full name count too, less the two being compared.
        const double sameFullName = firstAgrees ? m_population * std::max(a.fullNameShare, b.fullNameShare) - 2.0 : 0.0;
        const double expected = std::max({m_population * last * first, sameFullName, 1e-6});
        const double bonus = std::clamp(-std::log(expected), -6.0, 1.5);
        if (bonus <= -0.25)
            add(Evidence::Kind::CommonName, bonus, [&] {
                return tr("common name (about %1 others)").arg(qRound(expected));
            });
        else if (bonus >= 0.25)
            add(Evidence::Kind::RareName, bonus, [&] { return tr("rare name"); });
        else
            w += bonus;
    }

    // ---- company, title, address, birthday ------------------------------------------------------
    const std::string_view ca = rs.text(a.company), cb = rs.text(b.company);
    if (!ca.empty() && !cb.empty()) {
        // People change jobs: one person's records agree on the company about 60 % of the time.
        if (ca == cb || (mayBeAlike(ca, cb) && jaroWinkler(ca, cb) >= 0.95))
            add(Evidence::Kind::SameCompany, agreementWeight(a.companyShare, b.companyShare, 0.6, 0.5, 3.0, 1.5),
                [&] { return tr("same company"); });
        else
            add(Evidence::Kind::DifferentCompany, -0.5, [&] { return tr("different companies"); });
    }
    const std::string_view ta = rs.text(a.title), tb = rs.text(b.title);
    if (!ta.empty() && ta == tb)
        add(Evidence::Kind::SameJobTitle, 0.5, [&] { return tr("same job title"); });

    const std::string_view sa = rs.text(a.street), sb = rs.text(b.street);
    const std::string_view pa = rs.text(a.postal), pb = rs.text(b.postal);
    const bool postalBoth = !pa.empty() && !pb.empty();
    const bool sameStreet = !sa.empty() && !sb.empty() && (sa == sb || (mayBeAlike(sa, sb) && jaroWinkler(sa, sb) >= 0.94));
    // Addresses: people move (m about 0.7); an office address is shared by everyone working there.
    if (sameStreet && (!postalBoth || pa == pb)) {
        add(Evidence::Kind::SameAddress, agreementWeight(a.streetShare, b.streetShare, 0.7, 1.0, 4.5, 3.0),
            [&] { return tr("same address"); });
    } else if (postalBoth) {
        if (pa == pb)
            add(Evidence::Kind::SamePostalCode, agreementWeight(a.postalShare, b.postalShare, 0.7, 0.5, 3.5, 1.0),
                [&] { return tr("same postal code %1").arg(str(pa)); });
        else
            add(Evidence::Kind::DifferentPostalCode, -1.0, [&] { return tr("different postal codes"); });
    }
    const std::string_view ya = rs.text(a.city), yb = rs.text(b.city);
    if (!ya.empty() && !yb.empty() && !postalBoth) {
        if (ya == yb)
            add(Evidence::Kind::SameCity, agreementWeight(a.cityShare, b.cityShare, 0.8, 0.2, 1.0, 0.5),
                [&] { return tr("same city"); });
        else
            add(Evidence::Kind::DifferentCity, -0.5, [&] { return tr("different cities"); });
    }

    if (a.birthday != 0 && b.birthday != 0) {
        if (a.birthday == b.birthday) {
            add(Evidence::Kind::SameBirthday, 5.0, [&] {
                return tr("same birthday %1").arg(QDate::fromJulianDay(a.birthday).toString(Qt::ISODate));
            });
        } else {
            const QDate da = QDate::fromJulianDay(a.birthday), db = QDate::fromJulianDay(b.birthday);
            const int equalParts = (da.year() == db.year()) + (da.month() == db.month()) + (da.day() == db.day());
            const bool swapped = da.year() == db.year() && da.month() == db.day() && da.day() == db.month();
            if (equalParts == 2 || swapped)
                add(Evidence::Kind::BirthdayTypo, 1.0, [&] { return tr("birthdays differ in one part"); });
            else
                add(Evidence::Kind::DifferentBirthday, -8.0, [&] { return tr("different birthdays"); });
        }
    }
    return w;
}

namespace {

// Evidence that only one person has: the same mailbox, phone or birthday, or an email name that is
// more than the person's name.
bool isIdentifier(Evidence::Kind kind, double weight)
{
    switch (kind) {
    case Evidence::Kind::SameMailbox:
    case Evidence::Kind::SamePhone:
    case Evidence::Kind::SameNationalNumber:
    case Evidence::Kind::SameBirthday:
        return true;
    case Evidence::Kind::SameEmailName:
        return weight >= ChosenEmailName;
    default:
        return false;
    }
}

} // namespace

PairScore DuplicateScorer::score(size_t a, size_t b) const
{
    bool identifier = false;
    const double w = evaluate(a, b, [&identifier](Evidence::Kind kind, double weight, auto&&) {
        identifier = identifier || isIdentifier(kind, weight);
    });
    const double s = scoreFromWeight(w);
    return PairScore{w, identifier ? s : std::min(s, ScoreWithoutIdentifier)};
}

QList<Evidence> DuplicateScorer::explain(size_t a, size_t b) const
{
    QList<Evidence> out;
    bool identifier = false;
    const double w = evaluate(a, b, [&](Evidence::Kind kind, double weight, auto&& text) {
        identifier = identifier || isIdentifier(kind, weight);
        out.append(Evidence{kind, weight, text()});
    });
    std::stable_sort(out.begin(), out.end(), [](const Evidence& x, const Evidence& y) { return x.weight > y.weight; });
    if (!identifier && scoreFromWeight(w) > ScoreWithoutIdentifier)
        out.append(Evidence{Evidence::Kind::NoIdentifier, 0.0, tr("no email, phone or birthday in common")});
    return out;
}

QString DuplicateScorer::describe(const QList<Evidence>& evidence)
{
    QStringList parts;
    for (const Evidence& e : evidence)
        parts.append(e.text);
    return parts.join(QStringLiteral(" · "));
}

} // namespace ContactDesk
