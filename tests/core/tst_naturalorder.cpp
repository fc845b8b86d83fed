// NaturalOrder: numbers inside names by value, the rest byte by byte, a total order.
#include "core/naturalorder.h"

#include <QtTest>

#include <algorithm>

using namespace pmkv;

class TestNaturalOrder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersByValue()
    {
        QList<QByteArray> names{"story:10", "story:2", "story:1",  "F-AF-010", "F-AF-9",
                                "story",    "a",       "story:02", "b10x",     "b9y"};
        std::sort(names.begin(), names.end(), [](const QByteArray& a, const QByteArray& b) {
            return NaturalOrder::less(a, b);
        });
        QCOMPARE(names, (QList<QByteArray>{"F-AF-9", "F-AF-010", "a", "b9y", "b10x", "story",
                                           "story:1", "story:2", "story:02", "story:10"}));
    }
    void totalOrder()
    {
        QCOMPARE(NaturalOrder::compare("x007", "x7"), 1);
        QCOMPARE(NaturalOrder::compare("x7", "x007"), -1);
        QCOMPARE(NaturalOrder::compare("same", "same"), 0);
        QCOMPARE(NaturalOrder::compare("", "a"), -1);
        QCOMPARE(NaturalOrder::compare("99999999999999999999999", "100000000000000000000000"), -1);
        QCOMPARE(NaturalOrder::compare("\xc3\xa9", "z"), 1); // bytes, unsigned
    }
};

QTEST_GUILESS_MAIN(TestNaturalOrder)
#include "tst_naturalorder.moc"
