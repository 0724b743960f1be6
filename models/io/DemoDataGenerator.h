#pragma once
// Invented but realistic sales contacts for the demo database, the import tests and the
// benchmarks: names from many cultures, valid phone numbers, unique emails and about 3% near
// duplicates of earlier rows. The same seed gives the same rows on every run and platform.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace ContactDesk {

struct DemoRow
{
    QString firstName, lastName, email, phone, company, jobTitle, city, source;
    QStringList tags;
    QString notes;
    bool nearDuplicate = false; // true when this row is a variation of an earlier row
};

class DemoDataGenerator
{
public:
    explicit DemoDataGenerator(quint64 seed = 1);

    // Deterministic sequence for a given seed. The phones and emails of the rows that are not near
    // duplicates are unique over at least 1,000,000 rows; every row has an email or a phone.
    DemoRow next();

    // {"first_name", "last_name", "email", "phone", "company", "job_title", "city", "source", "tags",
    // "notes"}
    static QStringList csvHeader();
    // The fields in csvHeader() order, tags joined with ", ".
    static QStringList toCsvFields(const DemoRow& row);

private:
    // What a near duplicate needs to know about the row it varies.
    struct RecentRow
    {
        DemoRow row;
        int culture = 0;
        int firstName = 0;   // index in the culture's female or male first names
        int lastName = 0;    // index in the culture's last names
        int secondLast = -1; // second half of a double-barrelled last name, or -1
        bool female = false;
        bool latin = false; // written in the Latin form of a non-Latin script name
        int area = 0;       // phone area, which also gives the country and city
        bool hasPhone = false;
        quint32 subscriber = 0;
        int phoneFormat = 0;
    };

    DemoRow nearDuplicate();
    quint32 below(quint32 n);     // uniform in [0, n), the same on every platform
    bool percent(quint32 chance); // true chance% of the time
    // first.last@domain and the like; plain forms already handed out get the row index appended.
    QString makeEmail(quint64 index, const QByteArray& first, const QByteArray& last, const QByteArray& domain,
                      bool freeMail);

    std::mt19937_64 m_rng;
    quint64 m_index = 0;
    std::vector<quint32> m_areaUsed;   // numbers handed out per phone area
    std::vector<quint32> m_areaOffset; // per seed, so that two seeds give different numbers
    std::vector<quint64> m_seenEmails; // Bloom filter of the plain addresses handed out
    std::vector<RecentRow> m_recent;   // ring buffer the near duplicates are taken from
    size_t m_recentNext = 0;
};

} // namespace ContactDesk
