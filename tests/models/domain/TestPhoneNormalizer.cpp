#include "domain/PhoneNormalizer.h"

#include <QTest>

using namespace ContactDesk;

class TestPhoneNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toE164_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("e164");
        QTest::addRow("US national") << "US" << "(415) 555-3695" << "+14155553695";
        QTest::addRow("US international") << "US" << "+1 415 555 3695" << "+14155553695";
        QTest::addRow("US dashes") << "US" << "415-555-3695" << "+14155553695";
        QTest::addRow("US digits") << "US" << "4155553695" << "+14155553695";
        QTest::addRow("UK from US") << "US" << "+44 20 7946 0958" << "+442079460958";
        QTest::addRow("DE national") << "DE" << "030 123456" << "+4930123456";
        QTest::addRow("DE exit code") << "DE" << "0049 30 123456" << "+4930123456";
        QTest::addRow("extension dropped") << "US" << "+1 415 555 3695 ext. 12" << "+14155553695";
        QTest::addRow("lower-case region") << "us" << "(415) 555-3695" << "+14155553695";
    }

    void toE164()
    {
        QFETCH(QString, region);
        QFETCH(QString, input);
        QFETCH(QString, e164);
        auto result = PhoneNormalizer(region).toE164(input);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(*result, e164);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("words") << "not a phone" << "not a phone number";
        QTest::addRow("too short") << "12" << "not a valid phone number";
        QTest::addRow("empty") << "  " << "empty";
    }

    void rejects()
    {
        QFETCH(QString, input);
        QFETCH(QString, messagePart);
        auto result = PhoneNormalizer(QStringLiteral("US")).toE164(input);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
        QCOMPARE(result.error().where, QStringLiteral("Phone"));
    }

    void unknownRegionNeedsCountryCode()
    {
        const PhoneNormalizer none(QStringLiteral("ZZ"));
        QVERIFY(!none.toE164(QStringLiteral("(415) 555-3695")).ok());
        QCOMPARE(*none.toE164(QStringLiteral("+1 415 555 3695")), QStringLiteral("+14155553695"));
    }

    void regions()
    {
        QVERIFY(PhoneNormalizer::isKnownRegion(QStringLiteral("DE")));
        QVERIFY(PhoneNormalizer::isKnownRegion(QStringLiteral("us")));
        QVERIFY(!PhoneNormalizer::isKnownRegion(QStringLiteral("XX")));
        QVERIFY(PhoneNormalizer::isKnownRegion(PhoneNormalizer::systemRegion()));
    }

    void formatsInternational()
    {
        QCOMPARE(PhoneNormalizer(QStringLiteral("US")).formatInternational(QStringLiteral("(415) 555-3695")),
                 QStringLiteral("+1 415-555-3695"));
    }
};

QTEST_GUILESS_MAIN(TestPhoneNormalizer)
#include "TestPhoneNormalizer.moc"
