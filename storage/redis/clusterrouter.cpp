#include "redis/clusterrouter.h"

#include "core/logging.h"
#include "kv/clusternodes.h"
#include "redis/redisclient.h"
#include "redis/redisstore.h"

namespace pmkv {

ClusterRouter::ClusterRouter(ClusterAddress address, QObject* parent)
    : QObject(parent), m_address(std::move(address))
{
    m_clock.start();
}

ClusterRouter::~ClusterRouter()
{
    // Close the clients while the router is whole: their callbacks (failing what was pending)
    // may still look at it.
    m_closing = true;
    const QList<RedisClient*> clients = m_clients.values() + m_replicaClients.values();
    for (RedisClient* client : clients)
        client->close();
    qDeleteAll(clients);
    m_clients.clear();
    m_replicaClients.clear();
}

RedisClient* ClusterRouter::newClient(const ClusterEndpoint& endpoint)
{
    auto* client = new RedisClient(m_address.node(endpoint.host, endpoint.port), this);
    if (client->replyTimeoutMs() == 0)
        client->setReplyTimeoutMs(RedisStore::kDefaultReplyTimeoutMs);
    return client;
}

RedisClient* ClusterRouter::clientFor(const ClusterEndpoint& endpoint)
{
    const QString key = endpoint.key();
    if (RedisClient* existing = m_clients.value(key))
        return existing;
    RedisClient* client = newClient(endpoint);
    connect(client, &RedisClient::connected, this, [this, client] { ++m_connects[client]; });
    m_clients.insert(key, client);
    client->open();
    return client;
}

RedisClient* ClusterRouter::clientForSlot(int slot)
{
    const int master = m_map.masterOf(slot);
    return master < 0 ? nullptr : clientFor(m_map.masters().at(master));
}

RedisClient* ClusterRouter::replicaForRead(int slot, ClusterEndpoint& replica)
{
    const int master = m_map.masterOf(slot);
    if (!readsFromReplicas() || master < 0)
        return nullptr;
    const QString masterKey = m_map.masters().at(master).key();
    if (m_writesOnReplicas.value(masterKey) < m_writesSent.value(masterKey))
        return nullptr;
    const QVector<ClusterEndpoint>& replicas = m_map.replicaNodesOf(master);
    int& next = m_nextReplica[masterKey];
    for (int tried = 0; tried < replicas.size(); ++tried) {
        const ClusterEndpoint& candidate = replicas.at((next + tried) % replicas.size());
        if (m_replicaPausedUntil.value(candidate.key()) > m_clock.elapsed())
            continue;
        next = (next + tried + 1) % int(replicas.size());
        replica = candidate;
        return replicaClient(candidate);
    }
    return nullptr;
}

RedisClient* ClusterRouter::replicaClient(const ClusterEndpoint& replica)
{
    const QString key = replica.key();
    if (RedisClient* existing = m_replicaClients.value(key))
        return existing;
    RedisClient* client = newClient(replica);
    // One connection, one READONLY: a dropped connection drops the client, so no reconnect
    // could send a read before its READONLY.
    connect(client, &RedisClient::disconnected, this, [this, key, client](const QString& reason) {
        if (m_closing || m_replicaClients.value(key) != client)
            return;
        qCInfo(lcRedis) << "replica" << key << "of" << describe() << "is not read for"
                        << kReplicaPauseMs << "ms:" << reason;
        m_replicaPausedUntil.insert(key, m_clock.elapsed() + kReplicaPauseMs);
        dropReplicaClient(key);
    });
    m_replicaClients.insert(key, client);
    client->open();
    client->send({QByteArrayLiteral("READONLY")}, [key](const Result<KvReply>& r) {
        if (r.ok() && r.value().isError())
            qCWarning(lcRedis) << "replica" << key << "refused READONLY:" << r.value().bytes;
    });
    return client;
}

void ClusterRouter::dropReplicaClient(const QString& key)
{
    RedisClient* client = m_replicaClients.take(key);
    if (!client)
        return;
    // Not from inside its own signal: close and delete it once the event loop is back.
    QMetaObject::invokeMethod(
        client,
        [client] {
            client->close();
            client->deleteLater();
        },
        Qt::QueuedConnection);
}

void ClusterRouter::replicaFailed(const ClusterEndpoint& replica, bool connectionLost)
{
    if (m_closing)
        return;
    m_replicaPausedUntil.insert(replica.key(), m_clock.elapsed() + kReplicaPauseMs);
    if (connectionLost)
        dropReplicaClient(replica.key());
}

void ClusterRouter::refreshReplicasNowAndThen()
{
    if (readsFromReplicas() && m_clock.elapsed() - m_mappedAtMs > kReplicaMapAgeMs)
        refresh();
}

void ClusterRouter::noteWrite(const ClusterEndpoint& master)
{
    if (readsFromReplicas())
        ++m_writesSent[master.key()];
}

void ClusterRouter::confirmWrites(const ClusterEndpoint& master, int replicas, const QString& what,
                                  std::function<void(const Result<void>&)> done)
{
    const QString key = master.key();
    const quint64 sent = m_writesSent.value(key);
    clientFor(master)->send(
        {QByteArrayLiteral("WAIT"), QByteArray::number(replicas),
         QByteArray::number(kWaitForReplicasMs)},
        [this, key, sent, replicas, what, done = std::move(done)](const Result<KvReply>& r) {
            if (!r.ok() || r.value().isError()) {
                done(makeError(
                    QStringLiteral("outcome-unknown"),
                    QStringLiteral("The cluster node %1 took %2, then was lost before "
                                   "its replicas confirmed them (%3); whether they "
                                   "survive a failover is unknown.")
                        .arg(key, what,
                             r.ok() ? QString::fromUtf8(r.value().bytes) : r.error().message)));
                return;
            }
            if (r.value().integer < replicas)
                qCWarning(lcRedis)
                    << "cluster node" << key << "had its writes on" << r.value().integer << "of"
                    << replicas << "replicas after" << kWaitForReplicasMs << "ms";
            else if (!m_closing)
                m_writesOnReplicas[key] = qMax(m_writesOnReplicas.value(key), sent);
            done({});
        });
}

ClusterRouter::SendMark ClusterRouter::mark(const RedisClient* client) const
{
    return {client, client->isConnected(), m_connects.value(client)};
}

bool ClusterRouter::mayHaveLeft(const SendMark& mark) const
{
    return mark.wasConnected || m_connects.value(mark.client) != mark.connects;
}

void ClusterRouter::assign(int slot, const ClusterEndpoint& endpoint)
{
    m_map.assign(slot, endpoint);
    refresh();
}

void ClusterRouter::whenMapped(Ready ready)
{
    if (!m_refreshing && !m_map.isEmpty()) {
        ready({});
        return;
    }
    m_waiting.push_back(std::move(ready));
    refresh();
}

void ClusterRouter::refresh()
{
    if (m_refreshing || m_closing)
        return;
    m_refreshing = true;
    // The masters known now first (they know the latest map), then the seeds.
    QVector<ClusterEndpoint> candidates = m_map.masters();
    for (const RedisAddress& seed : m_address.seeds()) {
        const ClusterEndpoint endpoint{seed.host(), seed.port()};
        if (!candidates.contains(endpoint))
            candidates.append(endpoint);
    }
    askNext(candidates, 0, {});
}

void ClusterRouter::askNext(QVector<ClusterEndpoint> candidates, int index, QStringList failures)
{
    if (index >= candidates.size()) {
        qCWarning(lcRedis) << "no node of" << describe() << "gave the slot map:" << failures;
        settle(makeError(QStringLiteral("redis-unavailable"),
                         QStringLiteral("No node of the Redis Cluster %1 answered CLUSTER SLOTS "
                                        "(%2). Start the cluster or check the address.")
                             .arg(describe(), failures.join(QStringLiteral("; ")))));
        return;
    }
    const ClusterEndpoint endpoint = candidates.at(index);
    clientFor(endpoint)->send({QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS")},
                              [this, candidates = std::move(candidates), index, failures,
                               endpoint](const Result<KvReply>& r) mutable {
                                  if (m_closing)
                                      return;
                                  Result<ClusterSlotMap> map =
                                      r.ok() ? ClusterSlotMap::fromClusterSlots(r.value(), endpoint)
                                             : Result<ClusterSlotMap>(r.error());
                                  if (!map) {
                                      failures.append(map.error().message);
                                      askNext(std::move(candidates), index + 1,
                                              std::move(failures));
                                      return;
                                  }
                                  addReplicasFrom(endpoint, std::move(map).value());
                              });
}

void ClusterRouter::addReplicasFrom(const ClusterEndpoint& endpoint, ClusterSlotMap map)
{
    clientFor(endpoint)->send(
        {QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("NODES")},
        [this, endpoint, map = std::move(map)](const Result<KvReply>& r) mutable {
            if (m_closing)
                return;
            // Without CLUSTER NODES the map stands as CLUSTER SLOTS gave it.
            const Result<ClusterNodes> nodes =
                r.ok() ? ClusterNodes::fromReply(r.value()) : Result<ClusterNodes>(r.error());
            if (nodes)
                map.addReplicas(nodes.value());
            else
                qCWarning(lcRedis) << describe() << "CLUSTER NODES of" << endpoint.key()
                                   << "not read:" << nodes.error().message;
            m_map = std::move(map);
            m_everMapped = true;
            m_mappedAtMs = m_clock.elapsed();
            qCDebug(lcRedis) << describe() << "slot map from" << endpoint.key()
                             << m_map.describeShards();
            settle({});
        });
}

void ClusterRouter::settle(const Result<void>& outcome)
{
    m_refreshing = false;
    std::vector<Ready> waiting;
    waiting.swap(m_waiting);
    // Once a map was had, callers go on with it (their own retries decide); before that, the
    // cluster could not be reached at all.
    const Result<void> told = m_everMapped ? Result<void>() : outcome;
    for (Ready& ready : waiting)
        ready(told);
}

} // namespace pmkv
