// RedisClusterStore against a real 3-master/3-replica Redis Cluster: every key lands on the
// master of its slot, multi-key commands are split and answered as one Redis would, SCAN and
// DBSIZE cover every master, transactions stay within one slot, and a slot moved between
// masters (MOVED) or half moved (ASK) while the store reads and writes loses nothing; a
// killed master's keys are read again once its replica took over.
#include "awaitfuture.h"
#include "kv/hashslot.h"
#include "kv/keyscanner.h"
#include "redis/clusteraddress.h"
#include "redis/redisclusterstore.h"
#include "rediscluster.h"

#include <QSet>
#include <QtTest>

#include <memory>

using namespace pmkv;

namespace {

QString message(const Result<KvStore::Replies>& r)
{
    return r.ok() ? QString() : r.error().code + QStringLiteral(": ") + r.error().message;
}

} // namespace

class TestClusterStore final : public QObject
{
    Q_OBJECT

    test::RedisCluster m_cluster;
    std::unique_ptr<RedisClusterStore> m_store;

    KvStore::Replies run(const QVector<KvCommand>& batch)
    {
        const auto r = test::await(m_store->execute(batch));
        if (!r.ok())
            qWarning() << message(r);
        return r.ok() ? r.value() : KvStore::Replies{};
    }
    // `count` keys all in the slot of `tag` ({tag} is their hash tag).
    static QVector<QByteArray> taggedKeys(const QByteArray& tag, int count)
    {
        QVector<QByteArray> keys;
        for (int i = 0; i < count; ++i)
            keys.append("{" + tag + "}:key:" + QByteArray::number(i));
        return keys;
    }
    // A master other than the one serving `slot`.
    quint16 otherMaster(int slot) const
    {
        const quint16 owner = m_cluster.masterOf(slot);
        for (quint16 port : m_cluster.masters()) {
            if (port != owner)
                return port;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        auto address = ClusterAddress::parse(m_cluster.url());
        QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().message));
        m_store = std::make_unique<RedisClusterStore>(address.value());
        QVERIFY(m_store->capabilities().hashSlots);
    }

    void init() { QCOMPARE(run({{"FLUSHALL"}}).value(0), KvReply::status("OK")); }

    // A new cluster's CLUSTER SLOTS lists no replica (with appendonly on, as `pmkv env up
    // --cluster` runs it, Redis waits until a master saw its replica replicate something), so
    // a store mapped there sent no WAIT after its writes: a failover right after could lose
    // what a job saw finish. The replicas now come from CLUSTER NODES too, and every master
    // that took writes waits for its replica.
    void writesWaitForTheReplicasOfANewCluster()
    {
        test::RedisCluster fresh;
        QVERIFY2(fresh.start(true), qPrintable(fresh.errorString()));
        const QVector<quint16> masters = fresh.masters();
        const QByteArray slots =
            fresh.cli(masters.value(0), {QStringLiteral("cluster"), QStringLiteral("slots")});
        // [start, end, [host, port, id]] per master, a line each: no replica after them.
        QVERIFY2(slots.split('\n').size() - slots.count("\n\n") == 3 * 5,
                 "CLUSTER SLOTS listed replicas already: the case tests nothing here");
        RedisClusterStore store(ClusterAddress::parse(fresh.url()).value());
        QVector<KvCommand> sets;
        for (int i = 0; i < 300; ++i)
            sets.append({"SET", "pm:new:" + QByteArray::number(i), "v"});
        const auto replies = test::await(store.execute(sets));
        QVERIFY2(replies.ok(), qPrintable(message(replies)));
        for (quint16 port : masters)
            QVERIFY2(fresh.calls(port, "wait") > 0,
                     qPrintable(QStringLiteral("no WAIT on the master %1").arg(port)));
    }

    void everyKeyLandsOnTheMasterOfItsSlot()
    {
        QVector<KvCommand> sets;
        for (int i = 0; i < 3000; ++i)
            sets.append({"SET", "pm:story:" + QByteArray::number(i), "v" + QByteArray::number(i)});
        const KvStore::Replies replies = run(sets);
        QCOMPARE(replies.size(), sets.size());
        for (const KvReply& r : replies)
            QCOMPARE(r, KvReply::status("OK"));
        // Each master holds a share, and a key is where its slot says (no -c: no redirection).
        for (quint16 port : m_cluster.masters())
            QVERIFY(m_cluster.cli(port, {QStringLiteral("dbsize")}).toInt() > 500);
        for (int i = 0; i < 3000; i += 499) {
            const QByteArray key = "pm:story:" + QByteArray::number(i);
            const quint16 port = m_cluster.masterOf(HashSlot::of(key));
            QCOMPARE(m_cluster.cli(port, {QStringLiteral("get"), QString::fromUtf8(key)}),
                     "v" + QByteArray::number(i));
        }
        QCOMPARE(run({{"DBSIZE"}}).value(0).integer, 3000);
    }

    void multiKeyCommandsAreSplitAndMerged()
    {
        QVERIFY(!run({{"MSET", "a", "1", "b", "2", "c", "3", "d", "4"}}).value(0).isError());
        QVERIFY(HashSlot::of("a") != HashSlot::of("b"));
        const KvStore::Replies r = run({{"MGET", "d", "missing", "a", "c", "b"},
                                        {"EXISTS", "a", "b", "missing", "a"},
                                        {"DEL", "a", "c", "missing"},
                                        {"MGET", "a", "b", "c", "d"}});
        QCOMPARE(r.size(), 4);
        QCOMPARE(r.at(0),
                 KvReply::array({KvReply::string("4"), KvReply::nil(), KvReply::string("1"),
                                 KvReply::string("3"), KvReply::string("2")}));
        QCOMPARE(r.at(1).integer, 3); // EXISTS counts a key named twice twice, as Redis does
        QCOMPARE(r.at(2).integer, 2);
        QCOMPARE(r.at(3), KvReply::array({KvReply::nil(), KvReply::string("2"), KvReply::nil(),
                                          KvReply::string("4")}));
        // MSETNX cannot be split (all or nothing): Redis's own CROSSSLOT, and nothing written.
        QVERIFY(HashSlot::of("x1") != HashSlot::of("x2"));
        const KvReply cross = run({{"MSETNX", "x1", "1", "x2", "2"}}).value(0);
        QVERIFY2(cross.isError() && cross.bytes.startsWith("CROSSSLOT"), cross.bytes.constData());
        QCOMPARE(run({{"EXISTS", "x1", "x2"}}).value(0).integer, 0);
        // Within one slot it is Redis's MSETNX.
        QCOMPARE(run({{"MSETNX", "{t}x1", "1", "{t}x2", "2"}}).value(0).integer, 1);
        QCOMPARE(run({{"MSETNX", "{t}x1", "9", "{t}x3", "3"}}).value(0).integer, 0);
    }

    void scanAndDbsizeCoverEveryMaster()
    {
        QSet<QByteArray> written;
        QVector<KvCommand> sets;
        for (int i = 0; i < 5000; ++i) {
            const QByteArray key = "scan:" + QByteArray::number(i);
            written.insert(key);
            sets.append({"SET", key, "x"});
        }
        QCOMPARE(run(sets).size(), sets.size());
        KeyScanner::Options options;
        options.count = 300;
        const auto keys = test::await(KeyScanner::scanAll(m_store.get(), options));
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        const QSet<QByteArray> found(keys.value().cbegin(), keys.value().cend());
        QCOMPARE(found.size(), written.size());
        QCOMPARE(found, written);
        QCOMPARE(run({{"DBSIZE"}}).value(0).integer, 5000);
        // A MATCH pattern holds on every master; a cursor we did not make is refused.
        options.match = "scan:1*";
        const auto some = test::await(KeyScanner::scanAll(m_store.get(), options));
        QVERIFY(some.ok());
        QCOMPARE(some.value().size(), 1111); // 1, 10-19, 100-199, 1000-1999
        QVERIFY(run({{"SCAN", "garbage"}}).value(0).isError());
        QCOMPARE(run({{"KEYS", "scan:49*"}}).value(0).elements.size(), 111);
    }

    void transactionsStayInOneSlot()
    {
        const auto same = test::await(m_store->executeAtomic(
            {{"SET", "{acct}:a", "1"}, {"INCR", "{acct}:n"}, {"GET", "{acct}:a"}}));
        QVERIFY2(same.ok(), qPrintable(message(same)));
        QCOMPARE(same.value().value(2), KvReply::string("1"));
        // Answered once the master's replica has it, as a batch is (a GUI edit is one).
        const quint16 master = m_cluster.masterOf(HashSlot::of("{acct}"));
        const qint64 waits = m_cluster.calls(master, "wait");
        QVERIFY(test::await(m_store->executeAtomic({{"SET", "{acct}:a", "2"}})).ok());
        QCOMPARE(m_cluster.calls(master, "wait"), waits + 1);
        QVERIFY(HashSlot::of("left") != HashSlot::of("right"));
        const auto cross =
            test::await(m_store->executeAtomic({{"SET", "left", "1"}, {"SET", "right", "2"}}));
        QVERIFY(!cross.ok());
        QCOMPARE(cross.error().code, QStringLiteral("redis-crossslot"));
        QVERIFY(cross.error().message.contains(QStringLiteral("left")));
        QCOMPARE(run({{"EXISTS", "left", "right"}}).value(0).integer, 0);
    }

    void movedSlotIsFollowedWithNothingLost()
    {
        const QVector<QByteArray> keys = taggedKeys("moved", 300);
        const int slot = HashSlot::of("moved");
        QVector<KvCommand> sets;
        for (const QByteArray& key : keys)
            sets.append({"SET", key, key + "=value"});
        QCOMPARE(run(sets).size(), keys.size());
        const quint16 to = otherMaster(slot);
        QVERIFY(to != 0);
        // The store learnt the map before; now the slot moves under it.
        QVERIFY(m_cluster.moveSlot(slot, to, 50));
        QCOMPARE(m_cluster.masterOf(slot), to);
        QVector<KvCommand> gets;
        for (const QByteArray& key : keys)
            gets.append({"GET", key});
        gets.append(KvCommand{"MGET"} + KvCommand(keys.cbegin(), keys.cend()));
        const KvStore::Replies r = run(gets);
        QCOMPARE(r.size(), gets.size());
        for (int i = 0; i < keys.size(); ++i) {
            QCOMPARE(r.at(i), KvReply::string(keys.at(i) + "=value"));
            QCOMPARE(r.last().elements.value(i), KvReply::string(keys.at(i) + "=value"));
        }
        // And writes go to the new master.
        QCOMPARE(run({{"SET", keys.first(), "after"}}).value(0), KvReply::status("OK"));
        QCOMPARE(m_cluster.cli(to, {QStringLiteral("get"), QString::fromUtf8(keys.first())}),
                 QByteArray("after"));
    }

    void halfMigratedSlotIsFollowedWithAsk()
    {
        const QVector<QByteArray> keys = taggedKeys("asked", 200);
        const int slot = HashSlot::of("asked");
        QVector<KvCommand> sets;
        for (const QByteArray& key : keys)
            sets.append({"SET", key, key + "=v"});
        QCOMPARE(run(sets).size(), keys.size());
        const quint16 to = otherMaster(slot);
        bool readAll = false;
        bool wroteNew = false;
        QVERIFY(m_cluster.moveSlot(slot, to, 20, [&] {
            // Some keys are on the importing node, the rest still on the old one: reads of the
            // moved ones get ASK; a new key too (the old node no longer takes it).
            QVector<KvCommand> gets;
            for (const QByteArray& key : keys)
                gets.append({"GET", key});
            const KvStore::Replies r = run(gets);
            readAll = r.size() == keys.size();
            for (int i = 0; readAll && i < keys.size(); ++i)
                readAll = r.at(i) == KvReply::string(keys.at(i) + "=v");
            wroteNew = run({{"SET", "{asked}:new", "n"}}).value(0) == KvReply::status("OK");
        }));
        QVERIFY(readAll);
        QVERIFY(wroteNew);
        QCOMPARE(run({{"GET", "{asked}:new"}}).value(0), KvReply::string("n"));
        QCOMPARE(
            run({KvCommand{"EXISTS"} + KvCommand(keys.cbegin(), keys.cend())}).value(0).integer,
            keys.size());
    }

    void readOnlyRefusesWrites()
    {
        RedisClusterStore readOnly(ClusterAddress::parse(m_cluster.url()).value(), true);
        const auto r = test::await(readOnly.execute({{"GET", "a"}, {"SET", "a", "1"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("read-only"));
        QVERIFY(test::await(readOnly.execute({{"DBSIZE"}})).ok());
    }

    void unreachableClusterFailsAtOnce()
    {
        RedisClusterStore nowhere(ClusterAddress::parse(QStringLiteral("redis+cluster://"
                                                                       "127.0.0.1:1"))
                                      .value());
        const auto r = test::await(nowhere.execute({{"GET", "a"}}), 20000);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("redis-unavailable"));
        QVERIFY(r.error().message.contains(QStringLiteral("127.0.0.1:1")));
    }

    // Last: it leaves the cluster with a promoted replica and a dead node.
    void killedMasterIsReadAgainAfterFailover()
    {
        const QVector<QByteArray> keys = taggedKeys("failover", 100);
        const int slot = HashSlot::of("failover");
        QVector<KvCommand> sets;
        for (const QByteArray& key : keys)
            sets.append({"SET", key, "kept"});
        QCOMPARE(run(sets).size(), keys.size());
        const quint16 victim = m_cluster.masterOf(slot);
        // The replica has every write before the master dies.
        QCOMPARE(m_cluster.cli(
                     victim, {QStringLiteral("wait"), QStringLiteral("1"), QStringLiteral("5000")}),
                 QByteArray("1"));
        QVERIFY(m_cluster.local().kill(victim));
        // Reads wait out the failover (retried with back-off), then find every key.
        QElapsedTimer clock;
        clock.start();
        QVector<KvCommand> gets;
        for (const QByteArray& key : keys)
            gets.append({"GET", key});
        const auto r = test::await(m_store->execute(gets), 60000);
        QVERIFY2(r.ok(), qPrintable(message(r)));
        for (const KvReply& reply : r.value())
            QCOMPARE(reply, KvReply::string("kept"));
        QVERIFY(m_cluster.masterOf(slot) != victim);
        qInfo() << "read again after the failover in" << clock.elapsed() << "ms";
    }
};

QTEST_GUILESS_MAIN(TestClusterStore)
#include "tst_clusterstore.moc"
