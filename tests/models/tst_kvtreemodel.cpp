#include "kvfilterproxymodel.h"
#include "kvtreemodel.h"

#include <QAbstractItemModelTester>
#include <QMap>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace pmkv;

class TestKvTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsKeysIntoNamespaces_data();
    void splitsKeysIntoNamespaces();
    void pagesPassTheModelTester();
    void keyCanAlsoBeANamespace();
    void duplicatesAreIgnored();
    void statesRollUpAndArriveInAnyOrder();
    void loadMoreRowUntilFinished();
    void filterByStateUsesCounts();
    void largePagesAreAnnouncedInSlices();
    void keyStatesAreSpelledOutFromIds();
};

static QVector<KvKeyItem> items(const QList<QByteArray>& keys, SyncState s = SyncState::Unknown)
{
    QVector<KvKeyItem> out;
    for (const QByteArray& k : keys)
        out.append({k, s});
    return out;
}

void TestKvTreeModel::splitsKeysIntoNamespaces_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QStringList>("path");
    QTest::newRow("plain") << QByteArray("alone") << QStringList{QStringLiteral("alone")};
    QTest::newRow("nested") << QByteArray("pm:project:atlas")
                            << QStringList{QStringLiteral("pm"), QStringLiteral("project"),
                                           QStringLiteral("atlas")};
    QTest::newRow("empty segment")
        << QByteArray("a::b")
        << QStringList{QStringLiteral("a"), QStringLiteral("(empty)"), QStringLiteral("b")};
    QTest::newRow("trailing colon")
        << QByteArray("a:") << QStringList{QStringLiteral("a"), QStringLiteral("(empty)")};
    QTest::newRow("utf-8") << QByteArray("pm:caf\xc3\xa9")
                           << QStringList{QStringLiteral("pm"), QStringLiteral("caf\u00e9")};
}

void TestKvTreeModel::splitsKeysIntoNamespaces()
{
    QFETCH(QByteArray, key);
    QFETCH(QStringList, path);
    KvTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    model.addKeys(items({key}));
    const QModelIndex leaf = model.indexForKey(key);
    QVERIFY(leaf.isValid());
    QStringList names;
    for (QModelIndex i = leaf; i.isValid(); i = i.parent())
        names.prepend(i.data().toString());
    QCOMPARE(names, path);
    QCOMPARE(model.keyAt(leaf), key);
    QCOMPARE(leaf.data(KvTreeModel::KeyRole).toString(), QString::fromUtf8(key));
}

void TestKvTreeModel::pagesPassTheModelTester()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    for (int page = 0; page < 5; ++page) {
        QList<QByteArray> keys;
        for (int i = 0; i < 200; ++i)
            keys << QByteArrayLiteral("pm:project:p%1:epic:e%2:story:S-%3")
                        .replace("%1", QByteArray::number((page * 200 + i) % 3))
                        .replace("%2", QByteArray::number(i % 7))
                        .replace("%3", QByteArray::number(page * 200 + i));
        keys << QByteArray("other:") + QByteArray::number(page);
        model.addKeys(items(keys));
        model.setProgress((page + 1) * 201, 1005, false);
    }
    model.setStates(items({"pm:project:p0:epic:e0:story:S-0"}, SyncState::Changed));
    QSignalSpy finished(&model, &KvTreeModel::finished);
    model.finish();
    QCOMPARE(model.keyCount(), 1005);
    // (the testers make each announcement slow: the rest comes in posted slices)
    QTRY_VERIFY(model.isFinished() && !model.hasPendingUpdates());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model.rowCount(), 2); // "other", "pm"
    QCOMPARE(model.stateOf("pm:project:p0:epic:e0:story:S-0"), SyncState::Changed);
    model.beginScan();
    QCOMPARE(model.rowCount(), 1); // the "load more" row alone
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestKvTreeModel::keyCanAlsoBeANamespace()
{
    KvTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    model.addKeys(items({"pm:project:a:epic:x"}));
    model.addKeys(items({"pm:project:a"}));
    const QModelIndex a = model.indexForKey("pm:project:a");
    QVERIFY(a.isValid());
    QVERIFY(a.data(KvTreeModel::IsKeyRole).toBool());
    QCOMPARE(model.rowCount(a), 1);
    QCOMPARE(a.data(KvTreeModel::KeyCountRole).toInt(), 2);
    QVERIFY(!model.indexForKey("pm:project").isValid()); // a namespace, not a key
}

void TestKvTreeModel::duplicatesAreIgnored()
{
    KvTreeModel model;
    model.beginScan();
    model.addKeys(items({"a:b", "a:c"}));
    model.addKeys(items({"a:b"}));
    QCOMPARE(model.keyCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    // A second pass (once the folder's layout is known) classifies what the first could not,
    // and never overrides a state that is known.
    model.setStates(items({"a:c"}, SyncState::Same));
    model.addKeys(items({"a:b", "a:c"}, SyncState::OnlyKv));
    QCOMPARE(model.stateOf("a:b"), SyncState::OnlyKv);
    QCOMPARE(model.stateOf("a:c"), SyncState::Same);
    QCOMPARE(model.keyCount(), 2);
    QCOMPARE(model.totals()[SyncState::Unknown], 0);
}

void TestKvTreeModel::statesRollUpAndArriveInAnyOrder()
{
    KvTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    // A comparison result before the scan reached the key: kept for it.
    model.setStates(items({"pm:s:1"}, SyncState::Changed));
    model.addKeys(items({"pm:s:1", "pm:s:2", "pm:s:3"}));
    model.addKeys(items({"pm:s:9"}, SyncState::OnlyKv));
    model.setStates(items({"pm:s:2"}, SyncState::Same));
    QCOMPARE(SyncState(model.indexForKey("pm:s:1").data(KvTreeModel::StateRole).toInt()),
             SyncState::Changed);
    const QModelIndex s = model.indexForKey("pm:s:1").parent();
    const auto counts = s.data(KvTreeModel::CountsRole).value<SyncCounts>();
    QCOMPARE(counts[SyncState::Changed], 1);
    QCOMPARE(counts[SyncState::Same], 1);
    QCOMPARE(counts[SyncState::OnlyKv], 1);
    QCOMPARE(counts[SyncState::Unknown], 1);
    QCOMPARE(counts.differences(), 2);
    QVERIFY(s.siblingAtColumn(KvTreeModel::StateColumn)
                .data()
                .toString()
                .contains(QStringLiteral("1 changed")));
    // A later comparison moves the count.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setStates(items({"pm:s:1"}, SyncState::Same));
    QVERIFY(changed.count() >= 2); // the key and its parents
    QCOMPARE(model.totals()[SyncState::Changed], 0);
    QCOMPARE(model.totals()[SyncState::Same], 2);
}

void TestKvTreeModel::loadMoreRowUntilFinished()
{
    KvTreeModel model; // (no tester here: it fetches more by itself)
    QSignalSpy more(&model, &KvTreeModel::moreRequested);
    model.beginScan();
    model.addKeys(items({"b:1", "a:1"}));
    model.setProgress(2, 10, false);
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex last = model.index(2, 0);
    QVERIFY(last.data(KvTreeModel::LoadMoreRole).toBool());
    QVERIFY2(last.data().toString().contains(QStringLiteral("scanned 2 of 10 keys")),
             qPrintable(last.data().toString()));
    QVERIFY(model.canFetchMore({}));
    const int before = int(more.count()); // the tester fetches too
    model.fetchMore({});
    QCOMPARE(more.count(), before + 1);
    QVERIFY(!model.canFetchMore({})); // a page is on its way: no second request
    model.fetchMore({});
    QCOMPARE(more.count(), before + 1);
    QVERIFY(last.data().toString().startsWith(QStringLiteral("Loading")));
    model.addKeys(items({"c:1"}));
    QVERIFY(model.index(3, 0).data(KvTreeModel::LoadMoreRole).toBool()); // still last
    model.finish();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.canFetchMore({}));
}

void TestKvTreeModel::filterByStateUsesCounts()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    model.addKeys(items({"same:1", "same:2"}, SyncState::Same));
    model.addKeys(items({"mixed:1"}, SyncState::Same));
    model.addKeys(items({"mixed:2"}, SyncState::OnlyKv));
    model.finish();
    proxy.sort(0);
    QCOMPARE(proxy.rowCount(), 2);
    SyncFilter f;
    f.mode = SyncFilter::Mode::Differences;
    proxy.setSyncFilter(f);
    QCOMPARE(proxy.rowCount(), 1);
    const QModelIndex mixed = proxy.index(0, 0);
    QCOMPARE(mixed.data().toString(), QStringLiteral("mixed"));
    QCOMPARE(proxy.rowCount(mixed), 1);
    QCOMPARE(proxy.index(0, 0, mixed).data(KvTreeModel::KeyRole).toString(),
             QStringLiteral("mixed:2"));
    f.mode = SyncFilter::Mode::OnlyFiles;
    proxy.setSyncFilter(f);
    QCOMPARE(proxy.rowCount(), 0);
}

// A page that grows thousands of parents already on screen is built and announced in slices
// run from a zero timer (so a page never holds the GUI thread for long), and settles complete.
void TestKvTreeModel::largePagesAreAnnouncedInSlices()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QTreeView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.show();
    model.beginScan();
    constexpr int kParents = 20000;
    auto page = [](int round) {
        QVector<KvKeyItem> keys;
        for (int i = 0; i < kParents; ++i)
            keys.append({"ns:" + QByteArray::number(i) + ':' + QByteArray::number(round),
                         round == 1 ? SyncState::Changed : SyncState::Unmapped});
        return keys;
    };
    model.addKeys(page(0)); // one new row at the top ("ns"), its subtree comes with it
    QTRY_VERIFY(!model.hasPendingUpdates());
    view.expand(proxy.index(0, 0));
    model.addKeys(page(1)); // a new row under each of the 20,000 parents
    QVERIFY(model.hasPendingUpdates());
    QVERIFY(!model.indexForKey("ns:" + QByteArray::number(kParents - 1) + ":1").isValid());
    model.finish();
    QVERIFY(!model.isFinished()); // not before everything is announced
    QTRY_VERIFY_WITH_TIMEOUT(model.isFinished(), 20000);
    QVERIFY(!model.hasPendingUpdates());
    QCOMPARE(model.keyCount(), 2 * kParents);
    QCOMPARE(model.stateOf("ns:" + QByteArray::number(kParents - 1) + ":1"), SyncState::Changed);
    const QModelIndex last = model.indexForKey("ns:" + QByteArray::number(kParents - 1) + ":1");
    QVERIFY(last.isValid());
    QCOMPARE(model.rowCount(last.parent()), 2);
    QCOMPARE(
        model.index(0, 0).data(KvTreeModel::CountsRole).value<SyncCounts>()[SyncState::Changed],
        kParents);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), kParents);
}

// The aligned mode takes a namespace's keys as node ids on the GUI thread and spells them out
// on a worker: every key under the prefix, with its state, the same names the tree was given
// (a key that is also a namespace, an empty part, a later page).
void TestKvTreeModel::keyStatesAreSpelledOutFromIds()
{
    KvTreeModel model;
    model.addKeys(items({"pm:project:a:epic:x", "pm:project:a", "pm::odd", "other:k"}));
    model.setStates(items({"pm:project:a"}, SyncState::Changed));
    model.addKeys(items({"pm:project:b"}, SyncState::OnlyKv)); // (a second page)
    auto spelled = [](const KvKeyStates& states) {
        QMap<QByteArray, SyncState> byKey;
        for (const KvKeyItem& item : states.items())
            byKey.insert(item.key, item.state);
        return byKey;
    };
    const KvKeyStates pm = model.keyStateSnapshot("pm");
    QCOMPARE(pm.size(), 4);
    const QMap<QByteArray, SyncState> expected{{"pm:project:a:epic:x", SyncState::Unknown},
                                               {"pm:project:a", SyncState::Changed},
                                               {"pm::odd", SyncState::Unknown},
                                               {"pm:project:b", SyncState::OnlyKv}};
    QCOMPARE(spelled(pm), expected);
    QCOMPARE(spelled(model.keyStateSnapshot()).size(), 5);
    QCOMPARE(model.keyStateSnapshot("nothing").size(), 0);
    // Spelled out after the model moved on: the names and states it was taken with.
    model.setStates(items({"pm:project:a"}, SyncState::Same));
    QCOMPARE(spelled(pm).value("pm:project:a"), SyncState::Changed);
}

QTEST_MAIN(TestKvTreeModel)
#include "tst_kvtreemodel.moc"
