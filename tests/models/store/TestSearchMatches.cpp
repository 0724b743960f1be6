// SearchMatches: a bitmap of name positions answers row -> id, id -> row, the whole list and
// "same matches" exactly as the vector of ids it stands for, in both directions, across the
// 512-position blocks of its running counts; ids from SQL behave the same.

#include "store/SearchMatches.h"

#include <QTest>

#include <random>

using namespace ContactDesk;

class TestSearchMatches : public QObject
{
    Q_OBJECT

    // A name order of `count` live contacts with ids shuffled (some ids unused, like trashed ones).
    static std::shared_ptr<NameOrder> order(int count, std::mt19937& rng)
    {
        auto names = std::make_shared<NameOrder>();
        for (int i = 1; i <= count; ++i)
            names->ids.push_back(qint64(i) * 3);
        std::shuffle(names->ids.begin(), names->ids.end(), rng);
        names->rank.assign(size_t(count) * 3 + 1, 0);
        for (size_t p = 0; p < names->ids.size(); ++p)
            names->rank[size_t(names->ids[p])] = std::uint32_t(p + 1);
        return names;
    }

    static void checkAgainst(const SearchMatches& matches, const QVector<qint64>& expected, qint64 maxId)
    {
        QCOMPARE(matches.size(), expected.size());
        QCOMPARE(matches.toVector(), expected);
        for (qsizetype row = 0; row < expected.size(); ++row)
            QCOMPARE(matches.at(row), expected[row]);
        for (qint64 id = -1; id <= maxId + 2; ++id)
            QCOMPARE(matches.indexOf(id), expected.indexOf(id));
    }

private Q_SLOTS:
    void bitmapIsTheVector_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("density");
        QTest::addColumn<bool>("descending");
        for (bool descending : {false, true}) {
            const char* dir = descending ? "desc" : "asc";
            QTest::addRow("none %s", dir) << 3000 << 0.0 << descending;
            QTest::addRow("sparse %s", dir) << 3000 << 0.01 << descending;
            QTest::addRow("half %s", dir) << 3000 << 0.5 << descending;
            QTest::addRow("all %s", dir) << 3000 << 1.0 << descending;
            QTest::addRow("one block edge %s", dir) << 512 << 0.7 << descending;
            QTest::addRow("tiny %s", dir) << 5 << 0.6 << descending;
        }
    }

    void bitmapIsTheVector()
    {
        QFETCH(int, count);
        QFETCH(double, density);
        QFETCH(bool, descending);
        std::mt19937 rng(17);
        auto names = order(count, rng);
        std::bernoulli_distribution pick(density);
        std::vector<std::uint64_t> bits(size_t(count) / 64 + 1, 0);
        QVector<qint64> expected;
        for (int p = 0; p < count; ++p) {
            if (pick(rng)) {
                bits[size_t(p) / 64] |= std::uint64_t(1) << (p % 64);
                expected.append(names->ids[size_t(p)]);
            }
        }
        if (descending)
            std::reverse(expected.begin(), expected.end());
        const SearchMatches matches(names, bits, descending);
        checkAgainst(matches, expected, qint64(count) * 3);

        // The same ids from SQL, from another snapshot of the same order, or one id less.
        QVERIFY(matches.sameAs(SearchMatches(expected)));
        QVERIFY(SearchMatches(expected).sameAs(matches));
        auto copy = std::make_shared<NameOrder>(*names);
        QVERIFY(matches.sameAs(SearchMatches(copy, bits, descending)));
        QVERIFY(matches.sameAs(matches));
        if (!expected.isEmpty()) {
            QVector<qint64> fewer = expected;
            fewer.removeLast();
            QVERIFY(!matches.sameAs(SearchMatches(fewer)));
            QVector<qint64> other = expected;
            other.last() = -5;
            QVERIFY(!matches.sameAs(SearchMatches(other)));
        }
        if (expected.size() > 1)
            QVERIFY(!matches.sameAs(SearchMatches(names, bits, !descending)));
    }

    void fromSql()
    {
        const QVector<qint64> ids{9, 3, 27, 4};
        const SearchMatches matches(ids);
        checkAgainst(matches, ids, 30);
        QVERIFY(SearchMatches().isEmpty());
        QCOMPARE(SearchMatches().indexOf(3), -1);
        QVERIFY(SearchMatches().sameAs(SearchMatches(QVector<qint64>{})));
    }
};

QTEST_GUILESS_MAIN(TestSearchMatches)
#include "TestSearchMatches.moc"
