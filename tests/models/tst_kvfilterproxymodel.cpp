// KvFilterProxyModel over a real KvTreeModel (issue #19): the key search is matched on a worker
// (typing three characters with 1,000,000 keys loaded held the window 1,042 ms while the
// GUI thread marked every key and filtered), a result for an older text is dropped, clearing
// shows every row.
#include "kvfilterproxymodel.h"
#include "kvtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace pmkv;

class TestKvFilterProxyModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchRunsOffTheGuiThread();
    void searchFindsDeepKeys();
    void olderSearchIsDropped();
    void keysArrivingDuringASearchAreMarked();
    void clearingShowsEveryRow();

private:
    static void load(KvTreeModel& model, const QList<QByteArray>& keys);
    // The keys the proxy shows, depth first, in its order.
    static QStringList shownKeys(const QAbstractItemModel& proxy, const QModelIndex& parent = {});
};

void TestKvFilterProxyModel::load(KvTreeModel& model, const QList<QByteArray>& keys)
{
    model.beginScan();
    QVector<KvKeyItem> items;
    for (const QByteArray& k : keys)
        items.append({k, SyncState::Unknown});
    model.addKeys(items);
    model.finish();
    QTRY_VERIFY(model.isFinished());
}

QStringList TestKvFilterProxyModel::shownKeys(const QAbstractItemModel& proxy,
                                              const QModelIndex& parent)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(parent); ++row) {
        const QModelIndex index = proxy.index(row, 0, parent);
        if (index.data(KvTreeModel::IsKeyRole).toBool())
            keys << index.data(KvTreeModel::KeyRole).toString();
        keys << shownKeys(proxy, index);
    }
    return keys;
}

namespace {

const QList<QByteArray> kKeys = {"pm:project:atlas:epic:ai:story:F-AI-001",
                                 "pm:project:atlas:epic:ai:story:F-AI-002",
                                 "pm:project:borealis:epic:ui:story:B-UI-001",
                                 "pm:people",
                                 "session:1",
                                 "session:2"};

} // namespace

// setSearchText returns before the rows change: the keys are matched on a worker, and the
// rows change when it is done (before the fix the GUI thread marked every key in the call).
void TestKvFilterProxyModel::searchRunsOffTheGuiThread()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model, kKeys);
    proxy.sort(0);
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    QVERIFY(applied.isValid());
    proxy.setSearchText(QStringLiteral("session"));
    QCOMPARE(proxy.rowCount(), 2); // "pm" and "session" still: nothing matched yet
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().first().toString(), QStringLiteral("session"));
    QCOMPARE(shownKeys(proxy),
             (QStringList{QStringLiteral("session:1"), QStringLiteral("session:2")}));
}

void TestKvFilterProxyModel::searchFindsDeepKeys()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model, kKeys);
    proxy.sort(0);
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    // Any case; a match across the ':' between two names; a namespace's match shows its keys.
    const QList<std::pair<QString, QStringList>> cases = {
        {QStringLiteral("F-ai-002"), {QStringLiteral("pm:project:atlas:epic:ai:story:F-AI-002")}},
        {QStringLiteral("ui:story:b"),
         {QStringLiteral("pm:project:borealis:epic:ui:story:B-UI-001")}},
        {QStringLiteral("epic:ai"),
         {QStringLiteral("pm:project:atlas:epic:ai:story:F-AI-001"),
          QStringLiteral("pm:project:atlas:epic:ai:story:F-AI-002")}},
        {QStringLiteral("nothing like it"), {}},
    };
    for (const auto& [text, keys] : cases) {
        applied.clear();
        proxy.setSearchText(text);
        QVERIFY(applied.wait(10000));
        QCOMPARE(shownKeys(proxy), keys);
    }
}

// Typing on: the result for the older text is dropped, whether it comes before or after the
// newer one was asked for; only the newest one is shown.
void TestKvFilterProxyModel::olderSearchIsDropped()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model, kKeys);
    proxy.sort(0);
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    proxy.setSearchText(QStringLiteral("atlas"));
    QTest::qSleep(50); // the worker for "atlas" may be done: its result is still dropped
    proxy.setSearchText(QStringLiteral("session:2"));
    QVERIFY(applied.wait(10000));
    QTest::qWait(100); // (nothing else comes)
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().first().toString(), QStringLiteral("session:2"));
    QCOMPARE(shownKeys(proxy), QStringList{QStringLiteral("session:2")});
}

// Keys that come while (and after) a search runs are marked as they come.
void TestKvFilterProxyModel::keysArrivingDuringASearchAreMarked()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginScan();
    model.addKeys({{"session:1", SyncState::Unknown}, {"pm:people", SyncState::Unknown}});
    QTRY_VERIFY(!model.hasPendingUpdates());
    proxy.sort(0);
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    proxy.setSearchText(QStringLiteral("sess"));
    model.addKeys({{"session:2", SyncState::Unknown},
                   {"other:session", SyncState::Unknown},
                   {"other:x", SyncState::Unknown}});
    QVERIFY(applied.wait(10000));
    model.addKeys({{"session:3", SyncState::Unknown}, {"pm:sessions", SyncState::Unknown}});
    model.finish();
    QTRY_VERIFY(model.isFinished());
    QCOMPARE(shownKeys(proxy),
             (QStringList{QStringLiteral("other:session"), QStringLiteral("pm:sessions"),
                          QStringLiteral("session:1"), QStringLiteral("session:2"),
                          QStringLiteral("session:3")}));
    // A new scan (F5) keeps the text: its keys are marked as they come.
    model.beginScan();
    model.addKeys({{"session:9", SyncState::Unknown}, {"pm:people", SyncState::Unknown}});
    model.finish();
    QTRY_VERIFY(model.isFinished());
    QCOMPARE(shownKeys(proxy), QStringList{QStringLiteral("session:9")});
}

void TestKvFilterProxyModel::clearingShowsEveryRow()
{
    KvTreeModel model;
    KvFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(model, kKeys);
    proxy.sort(0);
    const QStringList all = shownKeys(proxy);
    QCOMPARE(all.size(), kKeys.size());
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    proxy.setSearchText(QStringLiteral("F-AI"));
    QVERIFY(applied.wait(10000));
    QCOMPARE(shownKeys(proxy).size(), 2);
    proxy.setSearchText(QString());
    QCOMPARE(applied.count(), 2); // at once: nothing to match
    QCOMPARE(applied.last().first().toString(), QString());
    QCOMPARE(shownKeys(proxy), all);
    // A clear while a search runs drops that search.
    proxy.setSearchText(QStringLiteral("people"));
    proxy.setSearchText(QString());
    QTest::qWait(200);
    QCOMPARE(shownKeys(proxy), all);
}

QTEST_MAIN(TestKvFilterProxyModel)
#include "tst_kvfilterproxymodel.moc"
