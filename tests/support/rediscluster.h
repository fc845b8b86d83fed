#pragma once

#include "env/localcluster.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace pmkv::test {

// A real local Redis Cluster for one test: 3 masters and 3 replicas (6 redis-server
// processes with --cluster-enabled, joined by `redis-cli --cluster create
// --cluster-replicas 1`) on free loopback ports (each with its bus port, +10000) in a
// temporary folder, without persistence. It is LocalCluster, the same code as
// `pmkv env up --cluster`. The destructor stops every node.
//
//   RedisCluster cluster;
//   QVERIFY2(cluster.start(), qPrintable(cluster.errorString()));
//   auto address = ClusterAddress::parse(cluster.url());
class RedisCluster final
{
public:
    RedisCluster();
    ~RedisCluster();
    RedisCluster(const RedisCluster&) = delete;
    RedisCluster& operator=(const RedisCluster&) = delete;

    // persistent: appendonly on, as `pmkv env up --cluster` runs it.
    bool start(bool persistent = false);
    void stop();
    QString url() const;
    QString errorString() const { return m_error; }
    LocalCluster& local() { return *m_cluster; }

    // The port of the master serving `slot` now (asked of a live node), 0 when unknown.
    quint16 masterOf(int slot) const;
    // The ports of the masters now.
    QVector<quint16> masters() const;
    // redis-cli against the node on `port` (with -c it follows redirections).
    QByteArray cli(quint16 port, const QStringList& arguments) const;
    // Moves `slot` from its master to the master on `to`, keys and all, as
    // `redis-cli --cluster reshard` does for each slot: SETSLOT IMPORTING/MIGRATING,
    // MIGRATE in pieces of `keysPerStep`, SETSLOT NODE on both. `between` runs after the
    // first piece moved (the slot half migrated: ASK territory).
    bool moveSlot(int slot, quint16 to, int keysPerStep = 10,
                  const std::function<void()>& between = {});
    // Waits until every live node says cluster_state:ok and all 16384 slots are served by
    // live masters (after a kill: the failover done).
    bool waitHealthy(int timeoutMs = 30000) const;
    // A key matching `pattern` on one of the masters (SCAN on each in turn); empty if none.
    QByteArray anyKey(const QString& pattern) const;
    // How often the node on `port` ran `command` ("get", "wait"): INFO commandstats' calls.
    qint64 calls(quint16 port, const QByteArray& command) const;
    // The node id of the node on `port`.
    QByteArray nodeId(quint16 port) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCluster> m_cluster;
    QString m_error;
};

} // namespace pmkv::test
