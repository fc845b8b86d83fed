#include "core/permutationsort.h"

#include <QString>
#include <QTest>

#include <random>

using namespace pmkv;

// sortThroughPermutation() against std::stable_sort (below and above the size it sorts in
// two halves): the same order, equal keys kept in
// their first order, and every item (with its heap data) present once afterwards.
class TestPermutationSort final : public QObject
{
    Q_OBJECT

    struct Item
    {
        int key = 0;
        QString payload; // moved, not copied: the in-place cycles must not lose or repeat one
    };

    static QVector<Item> items(int count, int keyRange, unsigned seed)
    {
        std::mt19937 random(seed);
        QVector<Item> result;
        for (int i = 0; i < count; ++i)
            result.append(Item{int(random() % unsigned(keyRange)), QString::number(i)});
        return result;
    }

    static void checkAgainstStableSort(QVector<Item> input)
    {
        const auto byKey = [](const Item& a, const Item& b) { return a.key < b.key; };
        QVector<Item> expected = input;
        std::stable_sort(expected.begin(), expected.end(), byKey);
        sortThroughPermutation(input, byKey);
        QCOMPARE(input.size(), expected.size());
        for (qsizetype i = 0; i < input.size(); ++i) {
            QCOMPARE(input.at(i).key, expected.at(i).key);
            QCOMPARE(input.at(i).payload, expected.at(i).payload);
        }
    }

private Q_SLOTS:
    void matchesStableSort_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("keyRange");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("empty") << 0 << 1 << 1u;
        QTest::newRow("one") << 1 << 1 << 1u;
        QTest::newRow("many duplicates") << 1000 << 7 << 2u;
        QTest::newRow("mostly distinct") << 5000 << 1000000 << 3u;
        QTest::newRow("many duplicates, two halves") << 20000 << 50 << 5u;
        QTest::newRow("all equal") << 300 << 1 << 4u;
    }

    void matchesStableSort()
    {
        QFETCH(int, count);
        QFETCH(int, keyRange);
        QFETCH(unsigned, seed);
        checkAgainstStableSort(items(count, keyRange, seed));
    }

    void reversedAndRotated()
    {
        QVector<Item> reversed;
        for (int i = 500; i > 0; --i)
            reversed.append(Item{i, QString::number(i)});
        checkAgainstStableSort(reversed); // cycles of length two
        QVector<Item> rotated;
        for (int i = 0; i < 500; ++i)
            rotated.append(Item{(i + 1) % 500, QString::number(i)});
        checkAgainstStableSort(rotated); // one cycle through every item
    }
};

QTEST_GUILESS_MAIN(TestPermutationSort)
#include "tst_permutationsort.moc"
