#include "domain/EmailAddressRules.h"
#include "domain/PhoneNormalizer.h"
#include "io/DemoDataGenerator.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace ContactDesk;

namespace {

QString describe(int index, const DemoRow& row)
{
    return QStringLiteral("row %1 (%2): %3")
        .arg(index)
        .arg(row.nearDuplicate ? QStringLiteral("near duplicate") : QStringLiteral("original"))
        .arg(DemoDataGenerator::toCsvFields(row).join(QStringLiteral(" | ")));
}

bool isNonAscii(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() > 127)
            return true;
    return false;
}

} // namespace

class TestDemoDataGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedGivesSameRows()
    {
        DemoDataGenerator a(42);
        DemoDataGenerator b(42);
        for (int i = 0; i < 1000; ++i) {
            const DemoRow x = a.next();
            const DemoRow y = b.next();
            const QStringList fx = DemoDataGenerator::toCsvFields(x);
            const QStringList fy = DemoDataGenerator::toCsvFields(y);
            QVERIFY2(fx == fy && x.nearDuplicate == y.nearDuplicate,
                     qPrintable(QStringLiteral("rows differ at %1:\n  %2\n  %3")
                                    .arg(i)
                                    .arg(describe(i, x), describe(i, y))));
        }
    }

    void differentSeedsDiffer()
    {
        DemoDataGenerator a(1);
        DemoDataGenerator b(2);
        int same = 0;
        for (int i = 0; i < 1000; ++i)
            if (DemoDataGenerator::toCsvFields(a.next()) == DemoDataGenerator::toCsvFields(b.next()))
                ++same;
        QVERIFY2(same < 10, qPrintable(QStringLiteral("%1 of 1000 rows are the same for seeds 1 and 2").arg(same)));
    }

    void csvFieldsFollowHeader()
    {
        const QStringList header = DemoDataGenerator::csvHeader();
        QCOMPARE(header,
                 QStringList({QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email"),
                              QStringLiteral("phone"), QStringLiteral("company"), QStringLiteral("job_title"),
                              QStringLiteral("city"), QStringLiteral("source"), QStringLiteral("tags"),
                              QStringLiteral("notes")}));
        DemoRow row;
        row.firstName = QStringLiteral("Zoë");
        row.lastName = QStringLiteral("O'Brien");
        row.email = QStringLiteral("zoe.obrien@example.com");
        row.phone = QStringLiteral("(415) 555-0123");
        row.company = QStringLiteral("Smith, Jones & Partners");
        row.jobTitle = QStringLiteral("Buyer");
        row.city = QStringLiteral("Boston");
        row.source = QStringLiteral("csv");
        row.tags = QStringList({QStringLiteral("lead"), QStringLiteral("trade show 2026")});
        row.notes = QStringLiteral("Said \"hi\"\nand left");
        const QStringList fields = DemoDataGenerator::toCsvFields(row);
        QCOMPARE(fields.size(), header.size());
        QCOMPARE(fields.at(header.indexOf(QStringLiteral("first_name"))), row.firstName);
        QCOMPARE(fields.at(header.indexOf(QStringLiteral("email"))), row.email);
        QCOMPARE(fields.at(header.indexOf(QStringLiteral("company"))), row.company);
        QCOMPARE(fields.at(header.indexOf(QStringLiteral("tags"))), QStringLiteral("lead, trade show 2026"));
        QCOMPARE(fields.at(header.indexOf(QStringLiteral("notes"))), row.notes);
    }

    void rowsAreValidUniqueAndVaried()
    {
        constexpr int count = 20000;
        const PhoneNormalizer phones(QStringLiteral("US"));
        const QStringList sources = {QStringLiteral("manual"), QStringLiteral("csv"), QStringLiteral("vcard"),
                                     QStringLiteral("chat"), QStringLiteral("connected")};
        QHash<QString, int> phoneRows; // E.164 -> row, of the original rows
        QHash<QString, int> emailRows; // lower-cased email -> row, of the original rows
        QList<QPair<int, DemoRow>> duplicates;
        int nearDuplicates = 0;
        int nonAscii = 0;
        int nationalPhones = 0;
        int internationalPhones = 0;
        bool companyWithComma = false;
        bool companyWithQuote = false;
        bool noteWithNewlineAndQuote = false;
        bool hyphenatedName = false;

        DemoDataGenerator generator(7);
        for (int i = 0; i < count; ++i) {
            const DemoRow row = generator.next();
            const QString where = describe(i, row);
            QVERIFY2(!row.email.isEmpty() || !row.phone.isEmpty(),
                     qPrintable(where + QStringLiteral(": no email, no phone")));
            QVERIFY2(!row.firstName.isEmpty() && !row.lastName.isEmpty(),
                     qPrintable(where + QStringLiteral(": no name")));
            QVERIFY2(sources.contains(row.source), qPrintable(where + QStringLiteral(": unknown source")));
            QVERIFY2(row.tags.size() <= 3, qPrintable(where + QStringLiteral(": more than 3 tags")));

            QString e164;
            if (!row.phone.isEmpty()) {
                const auto normalized = phones.toE164(row.phone);
                QVERIFY2(normalized.ok(), qPrintable(where + QStringLiteral(": ") + normalized.error().toString()));
                e164 = normalized.value();
                if (row.phone.startsWith(QLatin1Char('+')))
                    ++internationalPhones;
                else
                    ++nationalPhones;
            }
            QString email;
            if (!row.email.isEmpty()) {
                const auto valid = EmailAddressRules::validate(row.email);
                QVERIFY2(valid.ok(), qPrintable(where + QStringLiteral(": ") + valid.error().toString()));
                QVERIFY2(valid.value() == row.email,
                         qPrintable(where + QStringLiteral(": email has spaces around it")));
                email = row.email.toLower();
            }

            if (row.nearDuplicate) {
                ++nearDuplicates;
                QVERIFY2(!row.email.isEmpty(), qPrintable(where + QStringLiteral(": a near duplicate has no email")));
                duplicates.append({i, row});
            } else {
                if (!e164.isEmpty()) {
                    QVERIFY2(!phoneRows.contains(e164),
                             qPrintable(where + QStringLiteral(": phone %1 already in row %2")
                                                    .arg(e164)
                                                    .arg(phoneRows.value(e164))));
                    phoneRows.insert(e164, i);
                }
                if (!email.isEmpty()) {
                    QVERIFY2(!emailRows.contains(email),
                             qPrintable(where
                                        + QStringLiteral(": email already in row %1").arg(emailRows.value(email))));
                    emailRows.insert(email, i);
                }
            }

            if (isNonAscii(row.firstName) || isNonAscii(row.lastName))
                ++nonAscii;
            companyWithComma = companyWithComma || row.company.contains(QLatin1Char(','));
            companyWithQuote = companyWithQuote || row.company.contains(QLatin1Char('"'));
            noteWithNewlineAndQuote = noteWithNewlineAndQuote
                || (row.notes.contains(QLatin1Char('\n')) && row.notes.contains(QLatin1Char('"')));
            hyphenatedName = hyphenatedName || row.firstName.contains(QLatin1Char('-'))
                || row.lastName.contains(QLatin1Char('-'));
        }

        // A near duplicate reuses the phone of an earlier row (written another way) or has none, and
        // has an email of its own.
        for (const auto& [i, row] : duplicates) {
            const QString where = describe(i, row);
            if (!row.phone.isEmpty()) {
                const QString e164 = phones.toE164(row.phone).value();
                QVERIFY2(phoneRows.value(e164, i) < i,
                         qPrintable(where + QStringLiteral(": phone %1 is not the one of an earlier row").arg(e164)));
            }
            QVERIFY2(!emailRows.contains(row.email.toLower()),
                     qPrintable(where + QStringLiteral(": email of row %1").arg(emailRows.value(row.email.toLower()))));
        }

        const double duplicateShare = double(nearDuplicates) / count;
        QVERIFY2(duplicateShare >= 0.02 && duplicateShare <= 0.04,
                 qPrintable(QStringLiteral("%1 near duplicates in %2 rows").arg(nearDuplicates).arg(count)));
        QVERIFY2(nonAscii >= count / 20,
                 qPrintable(QStringLiteral("%1 of %2 rows have a non-ASCII name").arg(nonAscii).arg(count)));
        QVERIFY2(nationalPhones >= count / 20,
                 qPrintable(QStringLiteral("%1 phones in US national format").arg(nationalPhones)));
        QVERIFY2(internationalPhones >= count / 20,
                 qPrintable(QStringLiteral("%1 phones in + international format").arg(internationalPhones)));
        QVERIFY2(companyWithComma, "no company name contains a comma");
        QVERIFY2(companyWithQuote, "no company name contains a double quote");
        QVERIFY2(noteWithNewlineAndQuote, "no note contains both a newline and a double quote");
        QVERIFY2(hyphenatedName, "no hyphenated name");
    }
};

QTEST_GUILESS_MAIN(TestDemoDataGenerator)
#include "TestDemoDataGenerator.moc"
