// One comparison vocabulary (issue #17): the GUI's row states, the diff and the validator's
// rule classify the same pair of values alike, and name the outcomes from one place.
#include "core/comparison.h"
#include "diff/diffsidebuilder.h"
#include "diff/sidecomparer.h"
#include "diff/valuecomparison.h"
#include "kv/kvreply.h"
#include "layout/keylayout.h"
#include "synccomparer.h"
#include "syncstate.h"

#include <QtTest>

using namespace pmkv;

namespace {

Comparison diffOf(const QByteArray& left, const QByteArray& right)
{
    const KeyLayout repo = KeyLayout::preset(QStringLiteral("repository")).value();
    const QString key = QStringLiteral("pm:project:demo");
    using Item = DiffSideBuilder::KvItem;
    const DiffSide l =
        DiffSideBuilder::fromKvItems(QStringLiteral("l"), QStringLiteral("l"),
                                     {Item{key, left, QStringLiteral("string"), -1}}, repo);
    const DiffSide r =
        DiffSideBuilder::fromKvItems(QStringLiteral("r"), QStringLiteral("r"),
                                     {Item{key, right, QStringLiteral("string"), -1}}, repo);
    SideComparer::Options options;
    options.keepSame = true;
    const DiffReport report = SideComparer::compare(l, r, options);
    return report.entities.front().state;
}

KvReply stringReply(const QByteArray& bytes)
{
    KvReply reply;
    reply.type = KvReply::Type::String;
    reply.bytes = bytes;
    return reply;
}

} // namespace

class TestComparison final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameRuleEverywhere_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("kv");
        QTest::addColumn<Comparison>("expected");
        QTest::newRow("same bytes") << QByteArray(R"({"a":1,"b":[1,2]})")
                                    << QByteArray(R"({"a":1,"b":[1,2]})") << Comparison::Same;
        QTest::newRow("member order") << QByteArray(R"({"a":1,"b":2})")
                                      << QByteArray(R"({"b":2,"a":1})") << Comparison::EqualJson;
        QTest::newRow("spacing and escapes")
            << QByteArray(R"({"t":"é"})") << QByteArray("{ \"t\" : \"\\u00e9\" }")
            << Comparison::EqualJson;
        QTest::newRow("number spelling (JSON.parse)")
            << QByteArray(R"({"n":1})") << QByteArray(R"({"n":1.0})") << Comparison::EqualJson;
        QTest::newRow("other value")
            << QByteArray(R"({"a":1})") << QByteArray(R"({"a":2})") << Comparison::Changed;
        QTest::newRow("array order")
            << QByteArray(R"([1,2])") << QByteArray(R"([2,1])") << Comparison::Changed;
        QTest::newRow("key value not JSON")
            << QByteArray(R"({"a":1})") << QByteArray("not JSON {") << Comparison::Unreadable;
    }

    void sameRuleEverywhere()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, kv);
        QFETCH(Comparison, expected);
        QCOMPARE(ValueComparison::of(file, kv), expected); // the validator
        QCOMPARE(SyncComparer::compare(file, stringReply(kv)), syncStateOf(expected)); // GUI
        QCOMPARE(diffOf(file, kv), expected);                                          // pmkv diff
    }

    void oneSidedAndOtherTypes()
    {
        QCOMPARE(SyncComparer::compare("{}", KvReply{}), syncStateOf(Comparison::OnlyLeft));
        KvReply hash;
        hash.type = KvReply::Type::Array;
        QCOMPARE(SyncComparer::compare("{}", hash), syncStateOf(Comparison::Unreadable));
    }

    void rowStatesAreComparisonsPlusTwo()
    {
        for (int i = 0; i < kComparisonCount; ++i) {
            const auto c = Comparison(i);
            QCOMPARE(comparisonOf(syncStateOf(c)), std::optional<Comparison>(c));
        }
        QVERIFY(!comparisonOf(SyncState::Unknown));
        QVERIFY(!comparisonOf(SyncState::Unmapped));
        QVERIFY(isDifference(SyncState::EqualJson));
        QVERIFY(!isDifference(SyncState::Same));
        QVERIFY(!isDifference(SyncState::Unknown));
        QVERIFY(isOneSided(SyncState::OnlyKv));
    }

    void namesForBothSidePairs()
    {
        QCOMPARE(comparisonKey(Comparison::OnlyLeft), "only-left");
        QCOMPARE(comparisonKey(Comparison::OnlyLeft, ComparisonSides::FilesKv), "only-files");
        QCOMPARE(comparisonKey(Comparison::OnlyRight, ComparisonSides::FilesKv), "only-kv");
        QCOMPARE(comparisonKey(Comparison::EqualJson, ComparisonSides::FilesKv), "equal-json");
        for (int i = 0; i < kComparisonCount; ++i) {
            const auto c = Comparison(i);
            for (auto sides : {ComparisonSides::LeftRight, ComparisonSides::FilesKv})
                QCOMPARE(comparisonFromKey(QString::fromLatin1(comparisonKey(c, sides))),
                         std::optional<Comparison>(c));
        }
        QVERIFY(!comparisonFromKey(u"different"));
        ComparisonCounts counts;
        counts[Comparison::Same] = 5;
        counts[Comparison::EqualJson] = 2;
        counts[Comparison::OnlyRight] = 1;
        QCOMPARE(counts.total(), qint64(8));
        QCOMPARE(counts.differing(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
