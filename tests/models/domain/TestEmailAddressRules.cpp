#include "domain/EmailAddressRules.h"

#include <QTest>

using namespace ContactDesk;

class TestEmailAddressRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << "kate@example.com" << "kate@example.com";
        QTest::addRow("trimmed") << "  kate@example.com " << "kate@example.com";
        QTest::addRow("plus tag") << "kate+crm@example.co.uk" << "kate+crm@example.co.uk";
        QTest::addRow("dots") << "kate.bell@mail.example.com" << "kate.bell@mail.example.com";
        QTest::addRow("upper case kept") << "Kate.Bell@Example.COM" << "Kate.Bell@Example.COM";
        QTest::addRow("apostrophe") << "o'brien@example.ie" << "o'brien@example.ie";
        QTest::addRow("unicode domain") << "jose@müller.de" << "jose@müller.de";
    }

    void valid()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        auto result = EmailAddressRules::validate(input);
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(*result, expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");
        QTest::addRow("no at") << "kate.example.com" << "no @";
        QTest::addRow("nothing after at") << "bob@" << "nothing after the @";
        QTest::addRow("nothing before at") << "@example.com" << "nothing before the @";
        QTest::addRow("no dot in domain") << "bob@localhost" << "has no dot";
        QTest::addRow("space") << "bob smith@example.com" << "not allowed";
        QTest::addRow("double dot") << "bob..smith@example.com" << "misplaced dot";
        QTest::addRow("leading dot") << ".bob@example.com" << "misplaced dot";
        QTest::addRow("bad domain label") << "bob@-example.com" << "not valid";
        QTest::addRow("two ats") << "bob@smith@example.com" << "not allowed";
        QTest::addRow("numeric tld") << "bob@example.123" << "not valid";
    }

    void invalid()
    {
        QFETCH(QString, input);
        QFETCH(QString, reason);
        auto result = EmailAddressRules::validate(input);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(input.trimmed()), qPrintable(result.error().message));
    }

    void normalizedIsCaseInsensitive()
    {
        QCOMPARE(EmailAddressRules::normalized(QStringLiteral(" Kate.Bell@Example.COM ")),
                 QStringLiteral("kate.bell@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestEmailAddressRules)
#include "TestEmailAddressRules.moc"
