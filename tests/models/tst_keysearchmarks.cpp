// KeySearchMarks::compute, the key search's pass on a worker: each node's path matched from its
// parent's state, checked against matching every full path the plain way.
#include "keysearchmarks.h"
#include "kvnodetable.h"
#include "kvtreemodel.h"
#include "kvtreenode.h"

#include <QTest>

using namespace pmkv;

class TestKeySearchMarks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesEveryPathLikeAPlainSearch_data();
    void matchesEveryPathLikeAPlainSearch();
    void cancelledStopsEarly();
};

namespace {

QByteArray pathOf(const KvTreeNode* node)
{
    QByteArray path = node->name;
    for (const KvTreeNode* n = node->parent; n && n->parent; n = n->parent)
        path = n->name + ':' + path;
    return path;
}

} // namespace

void TestKeySearchMarks::matchesEveryPathLikeAPlainSearch_data()
{
    QTest::addColumn<QByteArray>("needle"); // lower case, as the proxy gives it
    QTest::newRow("a name") << QByteArray("atlas");
    QTest::newRow("any case") << QByteArray("f-ai-00");
    QTest::newRow("across a colon") << QByteArray("ai:story:f");
    QTest::newRow("a colon") << QByteArray(":");
    QTest::newRow("repeats (KMP fallback)") << QByteArray("aab");
    QTest::newRow("a digit") << QByteArray("1");
    QTest::newRow("nothing") << QByteArray("zzz");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9");
}

void TestKeySearchMarks::matchesEveryPathLikeAPlainSearch()
{
    QFETCH(QByteArray, needle);
    KvTreeModel model;
    model.beginScan();
    QVector<KvKeyItem> keys;
    for (int i = 0; i < 300; ++i)
        keys.append({"pm:project:" + QByteArray(i % 3 ? "atlas" : "boreALIS") + ":epic:ai" +
                         QByteArray::number(i % 7) + ":story:F-AI-" + QByteArray::number(i),
                     SyncState::Unknown});
    keys.append({"aaab:aab", SyncState::Unknown});
    keys.append({"aa:ab", SyncState::Unknown});
    keys.append({"a:a:b", SyncState::Unknown});
    keys.append({"pm:caf\xc3\xa9", SyncState::Unknown});
    keys.append({"x::y:", SyncState::Unknown});
    model.addKeys(keys);
    QTRY_VERIFY(!model.hasPendingUpdates()); // (built in slices)
    const KvNodeTable nodes = model.nodeSnapshot();
    QVERIFY(nodes.size() > 300);
    const KeySearchMarks marks = KeySearchMarks::compute(nodes, needle);
    QCOMPARE(marks.size(), nodes.size());
    std::vector<bool> hit(size_t(nodes.size()), false);
    for (int id = nodes.size() - 1; id > 0; --id) {
        const QByteArray path = pathOf(nodes.at(id)).toLower();
        const bool holds = path.contains(needle);
        QVERIFY2(marks.holdsText(id) == holds, path.constData());
        if (holds || hit[size_t(id)])
            hit[size_t(id)] = hit[size_t(nodes.at(id)->parent->id)] = true;
    }
    for (int id = 1; id < nodes.size(); ++id)
        QVERIFY2(marks.isHit(id) == hit[size_t(id)], pathOf(nodes.at(id)).constData());
}

void TestKeySearchMarks::cancelledStopsEarly()
{
    KvTreeModel model;
    model.beginScan();
    QVector<KvKeyItem> keys;
    for (int i = 0; i < 200000; ++i)
        keys.append({"k:" + QByteArray::number(i), SyncState::Unknown});
    model.addKeys(keys);
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasPendingUpdates(), 30000);
    std::atomic<bool> cancel{true};
    const KeySearchMarks marks = KeySearchMarks::compute(model.nodeSnapshot(), "99999", &cancel);
    int holding = 0;
    for (int id = 0; id < marks.size(); ++id)
        holding += marks.holdsText(id) ? 1 : 0;
    QCOMPARE(holding, 0); // (stopped before the node of k:99999)
}

QTEST_MAIN(TestKeySearchMarks)
#include "tst_keysearchmarks.moc"
