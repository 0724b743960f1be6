#pragma once
// The per-pair half of the duplicate finder: contacts reduced to compact, folded features
// (DedupeRecords in one arena, about 200 bytes a contact), and a score for two of them built from
// per-field evidence. Missing values are no evidence either way. The finder scores millions of
// pairs with score(); explain() gives the same evidence in words for the pairs it reports.

#include <QList>
#include <QString>

#include <cmath>

#include <string>
#include <string_view>
#include <vector>

namespace ContactDesk {

struct TextRef
{
    quint32 offset = 0;
    quint32 length = 0;
};

struct DedupeRecord
{
    qint64 id = 0;
    TextRef first, last, company, title, street, postal, city;
    qint32 birthday = 0; // Julian day; 0 when unknown
    quint32 valuesBegin = 0; // mailboxes, their personal local parts, then E.164 phones in DedupeRecords::values
    quint16 mailboxCount = 0;
    quint16 phoneCount = 0;
    // How common each value is in the scanned set (0..1); 0 when unknown (a small set, or no value).
    float lastNameShare = 0.0f;
    float firstNameShare = 0.0f;
    float fullNameShare = 0.0f; // first and last name together
    float companyShare = 0.0f;
    float streetShare = 0.0f;
    float postalShare = 0.0f;
    float cityShare = 0.0f;
};

// The features of a contact before they go into the arena.
struct DedupeInput
{
    qint64 id = 0;
    QString firstName, lastName, company, jobTitle, street, postalCode, city, birthday;
    QStringList emails; // normalised addresses
    QStringList phones; // E.164
};

// The same features as UTF-8 views straight from SQLite's rows: the loader of a million contacts
// turns plain ASCII text into keys without a QString.
struct DedupeRow
{
    qint64 id = 0;
    std::string_view firstName, lastName, company, jobTitle, street, postalCode, city, birthday;
    std::vector<std::string_view> emails; // normalised
    std::vector<std::string_view> phones; // E.164
};

class DedupeRecords
{
public:
    void reserve(size_t contacts);
    void add(const DedupeInput& input);
    void add(const DedupeRow& row);
    // Appends another set (built on another thread) to this one.
    void append(DedupeRecords&& other);
    // Fills each record's shares: how many records of this set hold the same name, company,
    // street, postal code and city. Only a set of MinSetForShares records or more says how common a
    // value is (in a small one every value looks common); below that the shares stay 0.
    static constexpr size_t MinSetForShares = 2000;
    void measureShares();

    size_t size() const { return m_records.size(); }
    const DedupeRecord& operator[](size_t i) const { return m_records[i]; }
    DedupeRecord& operator[](size_t i) { return m_records[i]; }
    std::string_view text(TextRef t) const { return std::string_view(m_arena.data() + t.offset, t.length); }
    std::string_view mailbox(const DedupeRecord& r, int i) const { return text(m_values[r.valuesBegin + static_cast<size_t>(i)]); }
    // The mailbox's local part when it is personal ("jon.smith" -> "jonsmith"), else empty.
    std::string_view localPart(const DedupeRecord& r, int i) const
    {
        return text(m_values[r.valuesBegin + r.mailboxCount + static_cast<size_t>(i)]);
    }
    std::string_view phone(const DedupeRecord& r, int i) const
    {
        return text(m_values[r.valuesBegin + 2u * r.mailboxCount + static_cast<size_t>(i)]);
    }
    size_t memoryBytes() const;

private:
    TextRef store(std::string_view s);
    void addValues(DedupeRecord& r, const std::vector<std::string>& mailboxes, const std::vector<std::string>& phones);

    std::vector<DedupeRecord> m_records;
    std::vector<TextRef> m_values;
    std::string m_arena;
};

// One piece of evidence for or against two contacts being the same person.
struct Evidence
{
    enum class Kind {
        SameMailbox,     // same address, or the same Gmail mailbox written differently
        SameEmailName,   // the same personal local part at two domains
        SamePhone,
        SameNationalNumber,
        DifferentPhones,
        NamesExact,
        NamesSwapped,
        Nickname,
        NamesAlike,
        InitialOnly,
        LastNameOnly,
        FirstNamesDiffer,
        LastNamesDiffer,
        NamesDiffer,
        CommonName,      // many others in the set have this name: agreeing on it says less
        RareName,        // hardly anyone else has it: agreeing on it says more
        SameCompany,
        DifferentCompany,
        SameJobTitle,
        SameAddress,
        SamePostalCode,
        DifferentPostalCode,
        SameCity,
        DifferentCity,
        SameBirthday,
        BirthdayTypo,
        DifferentBirthday,
        NoIdentifier,    // no email, phone or birthday in common: the score stays below auto-merge
    };
    Kind kind;
    double weight = 0;
    QString text; // "same phone +14155553695"; filled by explain() only
};

struct PairScore
{
    double weight = 0; // sum of the evidence weights (log-odds style)
    double score = 0;  // 0..1
};

class DuplicateScorer
{
public:
    // Default thresholds, on the 0..1 score: suggestions, and what a bulk merge may take without a look.
    static constexpr double DefaultThreshold = 0.85;
    static constexpr double AutoMergeThreshold = 0.99;
    // Names and addresses are shared by relatives (a junior at his father's home): a pair that shares
    // no personal identifier (mailbox, personal email name, phone, birthday) scores at most this,
    // so a bulk merge at the auto-merge threshold never takes it without a look.
    static constexpr double ScoreWithoutIdentifier = 0.985;

    explicit DuplicateScorer(const DedupeRecords& records)
        : m_records(records)
        , m_population(static_cast<double>(records.size()))
    {
    }

    PairScore score(size_t a, size_t b) const;
    QList<Evidence> explain(size_t a, size_t b) const;
    static double scoreFromWeight(double weight);
    // A score as a whole percent for people, rounded down: 0.985 reads 98 %, never the 99 % of the
    // auto-merge level it does not reach.
    static int percent(double score) { return static_cast<int>(std::floor(score * 100.0 + 1e-9)); }
    // "same phone +14155553695 · names alike: jon smith ~ john smith (0.93) · same company"
    static QString describe(const QList<Evidence>& evidence);

private:
    template<typename Sink>
    double evaluate(size_t a, size_t b, Sink&& sink) const;

    const DedupeRecords& m_records;
    double m_population;
};

} // namespace ContactDesk
