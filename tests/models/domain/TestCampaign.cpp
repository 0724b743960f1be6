// Delivery statuses: the words email services export, the funnel order, the funnel bars.

#include "domain/Campaign.h"

#include <QTest>

using namespace ContactDesk;

class TestCampaign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceWords_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("key");
        QTest::addRow("delivered") << "delivered" << "sent";
        QTest::addRow("Sent") << "Sent" << "sent";
        QTest::addRow("open") << "open" << "opened";
        QTest::addRow("OPENED spaced") << "  OPENED " << "opened";
        QTest::addRow("unique_open") << "unique_open" << "opened";
        QTest::addRow("click") << "click" << "clicked";
        QTest::addRow("unsubscribe") << "unsubscribe" << "unsubscribed";
        QTest::addRow("opt-out") << "opt-out" << "unsubscribed";
        QTest::addRow("spamreport") << "spamreport" << "unsubscribed";
        QTest::addRow("bounce") << "bounce" << "bounced";
        QTest::addRow("hard_bounce") << "hard_bounce" << "bounced";
        QTest::addRow("dropped") << "dropped" << "bounced";
        QTest::addRow("queued") << "queued" << "pending";
        QTest::addRow("unknown") << "frobbed" << "";
        QTest::addRow("empty") << "" << "";
    }

    void serviceWords()
    {
        QFETCH(QString, word);
        QFETCH(QString, key);
        const auto status = Delivery::fromServiceWord(word);
        QCOMPARE(status ? Delivery::key(*status) : QString(), key);
    }

    void keysRoundTrip()
    {
        QCOMPARE(Delivery::all().size(), Delivery::Count);
        for (DeliveryStatus s : Delivery::all()) {
            QCOMPARE(Delivery::fromKey(Delivery::key(s)), std::optional<DeliveryStatus>(s));
            QVERIFY(!Delivery::label(s).isEmpty());
        }
        QVERIFY(!Delivery::fromKey(QStringLiteral("Sent"))); // keys are exact; words are for imports
    }

    void rankOrdersTheFunnel()
    {
        QVERIFY(Delivery::rank(DeliveryStatus::Pending) < Delivery::rank(DeliveryStatus::Sent));
        QVERIFY(Delivery::rank(DeliveryStatus::Sent) < Delivery::rank(DeliveryStatus::Opened));
        QVERIFY(Delivery::rank(DeliveryStatus::Opened) < Delivery::rank(DeliveryStatus::Clicked));
        QVERIFY(Delivery::rank(DeliveryStatus::Clicked) < Delivery::rank(DeliveryStatus::Bounced));
        QVERIFY(Delivery::rank(DeliveryStatus::Bounced) < Delivery::rank(DeliveryStatus::Unsubscribed));
    }

    void funnelBars()
    {
        DeliveryCounts c;
        c[DeliveryStatus::Pending] = 10;
        c[DeliveryStatus::Sent] = 40;
        c[DeliveryStatus::Opened] = 20;
        c[DeliveryStatus::Clicked] = 5;
        c[DeliveryStatus::Unsubscribed] = 3;
        c[DeliveryStatus::Bounced] = 2;
        QCOMPARE(c.total(), qint64(80));
        const QList<FunnelStage> bars = funnel(c);
        QCOMPARE(bars.size(), 6);
        QCOMPARE(bars[0].value, qint64(80)); // members
        QCOMPARE(bars[1].value, qint64(68)); // reached: sent + opened + clicked + unsubscribed
        QCOMPARE(bars[2].value, qint64(25)); // opened or clicked
        QCOMPARE(bars[3].value, qint64(5));
        QCOMPARE(bars[4].value, qint64(3));
        QVERIFY(bars[4].lost && bars[5].lost && !bars[3].lost);
        QCOMPARE(bars[5].value, qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestCampaign)
#include "TestCampaign.moc"
