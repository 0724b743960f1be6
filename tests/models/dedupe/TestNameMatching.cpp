// The string comparisons under the duplicate scorer: Jaro-Winkler against published values, the
// phonetic key, nickname groups, Gmail mailboxes, personal email names and the address keys.

#include "dedupe/NameMatching.h"

#include <QTest>

#include <cmath>

using namespace ContactDesk;
using namespace ContactDesk::NameMatching;

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestNameMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingDistance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("distance"); // with limit 2: 3 means "more than two"
        QTest::newRow("equal") << QStringLiteral("smith") << QStringLiteral("smith") << 0;
        QTest::newRow("one replaced") << QStringLiteral("smith") << QStringLiteral("smyth") << 1;
        QTest::newRow("neighbours swapped") << QStringLiteral("espoisto") << QStringLiteral("esposito") << 1;
        QTest::newRow("one left out") << QStringLiteral("johanna") << QStringLiteral("johaanna") << 1;
        QTest::newRow("two errors") << QStringLiteral("ffertworth") << QStringLiteral("feftworth") << 2;
        QTest::newRow("three errors") << QStringLiteral("giuseppe") << QStringLiteral("giuseppina") << 3;
        QTest::newRow("lengths too far apart") << QStringLiteral("li") << QStringLiteral("lindqvist") << 3;
        QTest::newRow("empty") << QString() << QStringLiteral("ab") << 2;
    }

    void typingDistance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, distance);
        const std::string x = a.toStdString(), y = b.toStdString();
        QCOMPARE(NameMatching::typingDistance(x, y, 2), distance);
        QCOMPARE(NameMatching::typingDistance(y, x, 2), distance);
    }

    void jaroWinklerKnownValues_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<double>("expected");
        // Winkler's classic examples (prefix scale 0.1).
        QTest::addRow("martha/marhta") << QStringLiteral("martha") << QStringLiteral("marhta") << 0.9611;
        QTest::addRow("dixon/dicksonx") << QStringLiteral("dixon") << QStringLiteral("dicksonx") << 0.8133;
        QTest::addRow("dwayne/duane") << QStringLiteral("dwayne") << QStringLiteral("duane") << 0.8400;
        QTest::addRow("jones/johnson") << QStringLiteral("jones") << QStringLiteral("johnson") << 0.8324;
        QTest::addRow("equal") << QStringLiteral("smith") << QStringLiteral("smith") << 1.0;
        QTest::addRow("nothing shared") << QStringLiteral("abc") << QStringLiteral("xyz") << 0.0;
        QTest::addRow("one empty") << QStringLiteral("smith") << QString() << 0.0;
    }

    void jaroWinklerKnownValues()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(double, expected);
        const std::string sa = a.toStdString(), sb = b.toStdString();
        const double got = jaroWinkler(sa, sb);
        QVERIFY2(std::abs(got - expected) < 0.001, qPrintable(QStringLiteral("%1 ~ %2 = %3").arg(a, b).arg(got)));
        // Symmetric.
        QVERIFY(std::abs(jaroWinkler(sb, sa) - got) < 1e-12);
    }

    void compactNameFoldsAndTransliterates()
    {
        QCOMPARE(q(compactName(QStringLiteral("Müller-Lüdenscheidt"))), QStringLiteral("mullerludenscheidt"));
        QCOMPARE(q(compactName(QStringLiteral("O'Brien"))), QStringLiteral("obrien"));
        QCOMPARE(q(compactName(QStringLiteral("  José  "))), QStringLiteral("jose"));
        QCOMPARE(q(foldedWords(QStringLiteral("De la Cruz"))), QStringLiteral("de la cruz"));
        QVERIFY(compactName(QString()).empty());
    }

    void phoneticKeyIgnoresSpellingVariants_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::addRow("mueller/muller") << QStringLiteral("mueller") << QStringLiteral("muller") << true;
        QTest::addRow("schmidt/schmitt") << QStringLiteral("schmidt") << QStringLiteral("schmitt") << true;
        QTest::addRow("meyer/meier") << QStringLiteral("meyer") << QStringLiteral("meier") << true;
        QTest::addRow("smith/smyth") << QStringLiteral("smith") << QStringLiteral("smyth") << true;
        QTest::addRow("smith/jones") << QStringLiteral("smith") << QStringLiteral("jones") << false;
        QTest::addRow("muller/miller first letter kept") << QStringLiteral("muller") << QStringLiteral("keller")
                                                         << false;
    }

    void phoneticKeyIgnoresSpellingVariants()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const std::string ka = phoneticKey(a.toStdString()), kb = phoneticKey(b.toStdString());
        QVERIFY(!ka.empty());
        QVERIFY2((ka == kb) == same, qPrintable(QStringLiteral("%1 -> %2, %3 -> %4").arg(a, q(ka), b, q(kb))));
        QVERIFY(phoneticKey("").empty());
    }

    void nicknames_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("alike");
        QTest::addRow("bob~robert") << QStringLiteral("bob") << QStringLiteral("robert") << true;
        QTest::addRow("robert~bob") << QStringLiteral("robert") << QStringLiteral("bob") << true;
        QTest::addRow("liz~elizabeth") << QStringLiteral("liz") << QStringLiteral("elizabeth") << true;
        QTest::addRow("bill~william") << QStringLiteral("bill") << QStringLiteral("william") << true;
        QTest::addRow("chris~christine") << QStringLiteral("chris") << QStringLiteral("christine") << true;
        QTest::addRow("chris~christopher") << QStringLiteral("chris") << QStringLiteral("christopher") << true;
        QTest::addRow("not bob~william") << QStringLiteral("bob") << QStringLiteral("william") << false;
        QTest::addRow("not christine~christopher") << QStringLiteral("christine") << QStringLiteral("christopher")
                                                   << false;
        QTest::addRow("not a name with itself") << QStringLiteral("bob") << QStringLiteral("bob") << false;
        QTest::addRow("unknown names") << QStringLiteral("zorblax") << QStringLiteral("quux") << false;
        QTest::addRow("empty") << QString() << QStringLiteral("robert") << false;
    }

    void nicknames()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, alike);
        QCOMPARE(areNicknames(a.toStdString(), b.toStdString()), alike);
    }

    void nicknameGroupsShareAGroup()
    {
        const QList<int> bob = nicknameGroups("bob");
        const QList<int> robert = nicknameGroups("robert");
        QCOMPARE(bob.size(), 1);
        QCOMPARE(bob, robert);
        // "chris" is short for a man's and a woman's name: two groups.
        QCOMPARE(nicknameGroups("chris").size(), 2);
        QVERIFY(nicknameGroups("zorblax").isEmpty());
    }

    void mailbox_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::addRow("gmail dots and tag") << QStringLiteral("J.Smith+news@GoogleMail.com")
                                            << QStringLiteral("jsmith@gmail.com");
        QTest::addRow("gmail dots") << QStringLiteral("jon.smith@gmail.com") << QStringLiteral("jonsmith@gmail.com");
        QTest::addRow("googlemail") << QStringLiteral("jonsmith@googlemail.com")
                                    << QStringLiteral("jonsmith@gmail.com");
        QTest::addRow("other domain keeps dots") << QStringLiteral("jon.smith@example.com")
                                                 << QStringLiteral("jon.smith@example.com");
        QTest::addRow("other domain drops tag") << QStringLiteral("Jon.Smith+crm@Example.com")
                                                << QStringLiteral("jon.smith@example.com");
    }

    void mailbox()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        QCOMPARE(q(NameMatching::mailbox(address)), expected);
    }

    void personalLocalPart_data()
    {
        QTest::addColumn<QString>("box");
        QTest::addColumn<QString>("expected");
        QTest::addRow("personal") << QStringLiteral("jon.smith@example.com") << QStringLiteral("jonsmith");
        QTest::addRow("digits kept") << QStringLiteral("jsmith82@example.com") << QStringLiteral("jsmith82");
        QTest::addRow("role info") << QStringLiteral("info@example.com") << QString();
        QTest::addRow("role sales") << QStringLiteral("sales@example.com") << QString();
        QTest::addRow("role support") << QStringLiteral("support@acme.io") << QString();
        QTest::addRow("too short") << QStringLiteral("jo@example.com") << QString();
        QTest::addRow("no at") << QStringLiteral("jonsmith") << QString();
    }

    void personalLocalPart()
    {
        QFETCH(QString, box);
        QFETCH(QString, expected);
        QCOMPARE(q(NameMatching::personalLocalPart(box.toStdString())), expected);
    }

    void nationalTail()
    {
        QCOMPARE(q(NameMatching::nationalTail(QStringLiteral("+14155553695"))), QStringLiteral("155553695"));
        QCOMPARE(q(NameMatching::nationalTail(QStringLiteral("+4930123456"))), QStringLiteral("930123456"));
        // The same national number entered under two default regions meets.
        QCOMPARE(NameMatching::nationalTail(QStringLiteral("+49030123456789")),
                 NameMatching::nationalTail(QStringLiteral("+4930123456789")));
    }

    void companyKey_data()
    {
        QTest::addColumn<QString>("company");
        QTest::addColumn<QString>("expected");
        QTest::addRow("corp") << QStringLiteral("Acme Corp.") << QStringLiteral("acme");
        QTest::addRow("inc") << QStringLiteral("ACME, Inc.") << QStringLiteral("acme");
        QTest::addRow("gmbh & co kg") << QStringLiteral("Müller GmbH & Co. KG") << QStringLiteral("muller");
        QTest::addRow("the ... group") << QStringLiteral("The Widget Group") << QStringLiteral("widget");
        QTest::addRow("only legal words kept whole") << QStringLiteral("The Company") << QStringLiteral("the company");
        QTest::addRow("empty") << QString() << QString();
    }

    void companyKey()
    {
        QFETCH(QString, company);
        QFETCH(QString, expected);
        QCOMPARE(q(NameMatching::companyKey(company)), expected);
    }

    void streetKey_data()
    {
        QTest::addColumn<QString>("street");
        QTest::addColumn<QString>("expected");
        QTest::addRow("street") << QStringLiteral("12 Main Street") << QStringLiteral("12 main st");
        QTest::addRow("st.") << QStringLiteral("12 Main St.") << QStringLiteral("12 main st");
        QTest::addRow("avenue, north") << QStringLiteral("5 North Park Avenue") << QStringLiteral("5 n park ave");
        QTest::addRow("straße") << QStringLiteral("Hauptstraße 5") << QStringLiteral("hauptstr 5");
        QTest::addRow("strasse word") << QStringLiteral("Berliner Strasse 1") << QStringLiteral("berliner str 1");
    }

    void streetKey()
    {
        QFETCH(QString, street);
        QFETCH(QString, expected);
        QCOMPARE(q(NameMatching::streetKey(street)), expected);
    }

    void postalKey()
    {
        QCOMPARE(q(NameMatching::postalKey(QStringLiteral("SW1A 1AA"))), QStringLiteral("sw1a1aa"));
        QCOMPARE(q(NameMatching::postalKey(QStringLiteral("94103-1234"))), QStringLiteral("941031234"));
        QCOMPARE(NameMatching::postalKey(QStringLiteral(" sw1a-1aa ")), NameMatching::postalKey(QStringLiteral("SW1A 1AA")));
        QVERIFY(NameMatching::postalKey(QString()).empty());
    }
};

QTEST_GUILESS_MAIN(TestNameMatching)
#include "TestNameMatching.moc"
