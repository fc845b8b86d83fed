// Reads from a Redis Cluster's replicas (issue #23), against a real 3-master/3-replica
// cluster, counted by each node's own INFO commandstats: with replica reads on, reads of keys
// are served by replicas and SCAN/DBSIZE by the masters; off (the default, and always for a
// job's store) the replicas serve nothing; a batch that writes reads its writes (masters),
// and so does the next batch; a replica killed with SIGKILL leaves its reads to the master
// at once.
#include "awaitfuture.h"
#include "connections/connectionprofile.h"
#include "kv/hashslot.h"
#include "kv/keyscanner.h"
#include "redis/clusteraddress.h"
#include "redis/redisclusterstore.h"
#include "rediscluster.h"
#include "workflows/targetsession.h"

#include <QElapsedTimer>
#include <QtTest>

#include <memory>

using namespace pmkv;

namespace {

constexpr int kKeys = 300;

QByteArray keyOf(int i)
{
    return "replica:key:" + QByteArray::number(i);
}

QString message(const Result<KvStore::Replies>& r)
{
    return r.ok() ? QString() : r.error().code + QStringLiteral(": ") + r.error().message;
}

} // namespace

class TestClusterReplicaReads final : public QObject
{
    Q_OBJECT

    test::RedisCluster m_cluster;
    std::unique_ptr<RedisClusterStore> m_masters;  // replica reads off (the default)
    std::unique_ptr<RedisClusterStore> m_replicas; // ?replicas=prefer

    static KvStore::Replies run(KvStore& store, const QVector<KvCommand>& batch)
    {
        const auto r = test::await(store.execute(batch));
        if (!r.ok())
            qWarning() << message(r);
        return r.ok() ? r.value() : KvStore::Replies{};
    }
    std::unique_ptr<RedisClusterStore> open(const QString& url) const
    {
        auto address = ClusterAddress::parse(url);
        return address.ok() ? std::make_unique<RedisClusterStore>(address.value()) : nullptr;
    }
    QVector<quint16> replicaPorts()
    {
        QVector<quint16> replicas;
        const QVector<quint16> masters = m_cluster.masters();
        for (quint16 port : m_cluster.local().ports()) {
            if (!masters.contains(port))
                replicas.append(port);
        }
        return replicas;
    }
    // How often the node on `port` ran `command` since the last resetStats().
    qint64 calls(quint16 port, const QByteArray& command) { return m_cluster.calls(port, command); }
    qint64 callsOn(const QVector<quint16>& ports, const QByteArray& command)
    {
        qint64 total = 0;
        for (quint16 port : ports)
            total += calls(port, command);
        return total;
    }
    qint64 replicaKeys()
    {
        qint64 keys = 0;
        for (quint16 port : replicaPorts())
            keys += m_cluster.cli(port, {QStringLiteral("dbsize")}).toLongLong();
        return keys;
    }
    bool slotsListEveryReplica()
    {
        const QByteArray slots = m_cluster.cli(
            m_cluster.masters().first(), {QStringLiteral("cluster"), QStringLiteral("slots")});
        for (quint16 port : replicaPorts()) {
            if (!slots.contains(QByteArray("\n" + QByteArray::number(port) + "\n")))
                return false;
        }
        return true;
    }
    void resetStats()
    {
        for (quint16 port : m_cluster.local().ports()) {
            if (m_cluster.local().pidOf(port) != 0)
                m_cluster.cli(port, {QStringLiteral("config"), QStringLiteral("resetstat")});
        }
    }
    static QVector<KvCommand> gets()
    {
        QVector<KvCommand> batch;
        for (int i = 0; i < kKeys; ++i)
            batch.append({"GET", keyOf(i)});
        return batch;
    }
    static void verifyValues(const KvStore::Replies& replies, const QByteArray& suffix)
    {
        QCOMPARE(replies.size(), kKeys);
        for (int i = 0; i < kKeys; ++i)
            QCOMPARE(replies.at(i), KvReply::string(keyOf(i) + suffix));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        QCOMPARE(replicaPorts().size(), 3);
        m_masters = open(m_cluster.url());
        QVERIFY(m_masters);
        QVector<KvCommand> sets;
        for (int i = 0; i < kKeys; ++i)
            sets.append({"SET", keyOf(i), keyOf(i) + "=v"});
        QCOMPARE(run(*m_masters, sets).size(), kKeys);
        // A new cluster's CLUSTER SLOTS lists a replica only once the master heard (cluster
        // bus) that it replicated something, so the store above knew none and did not WAIT:
        // let them catch up, then open the store that reads them.
        QTRY_COMPARE_WITH_TIMEOUT(replicaKeys(), qint64(kKeys), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(slotsListEveryReplica(), 20000);
        m_replicas = open(m_cluster.url() + QStringLiteral("?replicas=prefer"));
        QVERIFY(m_replicas);
    }

    void mastersServeEveryReadByDefault()
    {
        resetStats();
        verifyValues(run(*m_masters, gets()), "=v");
        QCOMPARE(callsOn(replicaPorts(), "get"), 0);
        QCOMPARE(callsOn(m_cluster.masters(), "get"), kKeys);
    }

    void replicasServeReadsOfKeysWhenAsked()
    {
        resetStats();
        verifyValues(run(*m_replicas, gets()), "=v");
        KvCommand mget{"MGET"};
        for (int i = 0; i < kKeys; ++i)
            mget.append(keyOf(i));
        const KvStore::Replies r = run(*m_replicas, {mget, {"EXISTS", keyOf(0), keyOf(1)}});
        QCOMPARE(r.value(0).elements.size(), kKeys);
        QCOMPARE(r.value(0).elements.value(kKeys - 1), KvReply::string(keyOf(kKeys - 1) + "=v"));
        QCOMPARE(r.value(1).integer, 2);
        QCOMPARE(callsOn(m_cluster.masters(), "get"), 0);
        QCOMPARE(callsOn(m_cluster.masters(), "mget"), 0);
        QCOMPARE(callsOn(replicaPorts(), "get"), kKeys);
        for (quint16 replica : replicaPorts()) {
            QVERIFY2(calls(replica, "get") > 0, qPrintable(QString::number(replica)));
            QVERIFY(calls(replica, "mget") > 0);     // one MGET per slot, each to its replica
            QCOMPARE(calls(replica, "readonly"), 1); // once per connection
        }
    }

    void scanAndDbsizeStayOnTheMasters()
    {
        resetStats();
        KeyScanner::Options options;
        options.count = 100;
        const auto keys = test::await(KeyScanner::scanAll(m_replicas.get(), options));
        QVERIFY(keys.ok());
        QCOMPARE(keys.value().size(), kKeys);
        QCOMPARE(run(*m_replicas, {{"DBSIZE"}}).value(0).integer, kKeys);
        QCOMPARE(callsOn(replicaPorts(), "scan"), 0);
        QCOMPARE(callsOn(replicaPorts(), "dbsize"), 0);
        QVERIFY(callsOn(m_cluster.masters(), "scan") >= 3);
        QCOMPARE(callsOn(m_cluster.masters(), "dbsize"), 3);
    }

    void aBatchThatWritesReadsItsWrites()
    {
        resetStats();
        // Write then read each key in one batch: the reads go to the masters, after the write.
        QVector<KvCommand> batch;
        for (int i = 0; i < kKeys; ++i) {
            batch.append({"SET", keyOf(i), keyOf(i) + "=w1"});
            batch.append({"GET", keyOf(i)});
        }
        const KvStore::Replies r = run(*m_replicas, batch);
        QCOMPARE(r.size(), 2 * kKeys);
        for (int i = 0; i < kKeys; ++i)
            QCOMPARE(r.at(2 * i + 1), KvReply::string(keyOf(i) + "=w1"));
        QCOMPARE(callsOn(replicaPorts(), "get"), 0);
        // The next batch of reads sees them too (the replicas confirmed them), from replicas.
        verifyValues(run(*m_replicas, gets()), "=w1");
        QCOMPARE(callsOn(replicaPorts(), "get"), kKeys);
        // Batches sent back to back without waiting: the reads still come after the write.
        QVector<KvCommand> sets;
        for (int i = 0; i < kKeys; ++i)
            sets.append({"SET", keyOf(i), keyOf(i) + "=w2"});
        auto written = m_replicas->execute(sets);
        auto read = m_replicas->execute(gets());
        QVERIFY(test::await(written).ok());
        const auto readBack = test::await(read);
        QVERIFY2(readBack.ok(), qPrintable(message(readBack)));
        verifyValues(readBack.value(), "=w2");
    }

    void aTransactionIsReadBack()
    {
        for (int i = 0; i < 50; ++i) {
            const QByteArray key = "{tx}:" + QByteArray::number(i);
            // Sent back to back: the read is not sent to a replica before the write is on it.
            auto tx = m_replicas->executeAtomic({{"SET", key, "t"}});
            auto read = m_replicas->execute({{"GET", key}});
            const auto written = test::await(tx);
            QVERIFY2(written.ok(), qPrintable(message(written)));
            const auto readBack = test::await(read);
            QVERIFY2(readBack.ok(), qPrintable(message(readBack)));
            QCOMPARE(readBack.value().value(0), KvReply::string("t"));
        }
    }

    void jobsReadTheMastersWhateverTheProfileSays()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("shards");
        profile.kind = ConnectionProfile::Kind::Redis;
        profile.address = m_cluster.url();
        profile.replicaReads = true;
        auto job = TargetSession::open(profile);
        QVERIFY2(job.ok(), qPrintable(job.ok() ? QString() : job.error().message));
        TargetSession::Options browsing;
        browsing.browsing = true;
        auto browser = TargetSession::open(profile, browsing);
        QVERIFY(browser.ok());

        resetStats();
        verifyValues(run(job.value()->store(), gets()), "=w2");
        QCOMPARE(callsOn(replicaPorts(), "get"), 0);
        verifyValues(run(browser.value()->store(), gets()), "=w2");
        QCOMPARE(callsOn(replicaPorts(), "get"), kKeys);
    }

    void aKilledReplicaLeavesItsReadsToTheMaster()
    {
        verifyValues(run(*m_replicas, gets()), "=w2"); // connected to every replica
        const quint16 victim = replicaPorts().first();
        QVERIFY(m_cluster.local().kill(victim));
        resetStats();
        QElapsedTimer clock;
        clock.start();
        for (int round = 0; round < 3; ++round)
            verifyValues(run(*m_replicas, gets()), "=w2");
        // Not the 20 s retry budget: the master answers at once.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        // The two live replicas still serve their masters' keys; the victim's master the rest.
        const qint64 onReplicas = callsOn(replicaPorts().mid(1), "get");
        const qint64 onMasters = callsOn(m_cluster.masters(), "get");
        QCOMPARE(onReplicas + onMasters, 3 * kKeys);
        QVERIFY(onReplicas > 0);
        QVERIFY(onMasters > 0);
    }
};

QTEST_GUILESS_MAIN(TestClusterReplicaReads)
#include "tst_clusterreplicareads.moc"
