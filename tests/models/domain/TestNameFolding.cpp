#include "domain/NameFolding.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentMap>

using namespace ContactDesk;

class TestNameFolding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("folded");
        QTest::addRow("ascii") << "Kate  Bell" << "kate bell";
        QTest::addRow("umlaut") << "José Müller" << "jose muller";
        QTest::addRow("polish") << "Łukasz" << "lukasz";
        QTest::addRow("sharp s") << "Straße" << "strasse";
        QTest::addRow("han") << "王小明" << "wang xiao ming";
        QTest::addRow("cyrillic") << "Владимир" << "vladimir";
    }

    void fold()
    {
        QFETCH(QString, input);
        QFETCH(QString, folded);
        QCOMPARE(NameFolding::fold(input), folded);
    }

    void sortKeyIsLastThenFirst()
    {
        QCOMPARE(NameFolding::sortKey(QStringLiteral("Kate"), QStringLiteral("Bell")), QStringLiteral("bell kate"));
        QCOMPARE(NameFolding::sortKey({}, QStringLiteral("Zakroff")), QStringLiteral("zakroff"));
        QCOMPARE(NameFolding::sortKey({}, {}, QStringLiteral("ACME Corp")), QStringLiteral("acme corp"));
    }

    void threadsFoldIndependently()
    {
        QStringList names;
        for (int i = 0; i < 2000; ++i)
            names.append(i % 2 ? QStringLiteral("Müller") : QStringLiteral("Łukasz"));
        const QStringList folded = QtConcurrent::blockingMapped(names, [](const QString& n) { return NameFolding::fold(n); });
        for (int i = 0; i < folded.size(); ++i)
            QCOMPARE(folded[i], i % 2 ? QStringLiteral("muller") : QStringLiteral("lukasz"));
    }
};

QTEST_GUILESS_MAIN(TestNameFolding)
#include "TestNameFolding.moc"
