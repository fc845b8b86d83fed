#include "redis/clusterrouter.h"

#include "core/logging.h"
#include "redis/redisclient.h"
#include "redis/redisstore.h"

namespace pmkv {

ClusterRouter::ClusterRouter(ClusterAddress address, QObject* parent)
    : QObject(parent), m_address(std::move(address))
{
}

ClusterRouter::~ClusterRouter()
{
    // Close the clients while the router is whole: their callbacks (failing what was pending)
    // may still look at it.
    m_closing = true;
    const QList<RedisClient*> clients = m_clients.values();
    for (RedisClient* client : clients)
        client->close();
    qDeleteAll(clients);
    m_clients.clear();
}

RedisClient* ClusterRouter::clientFor(const ClusterEndpoint& endpoint)
{
    const QString key = endpoint.key();
    if (RedisClient* existing = m_clients.value(key))
        return existing;
    auto* client = new RedisClient(m_address.node(endpoint.host, endpoint.port), this);
    if (client->replyTimeoutMs() == 0)
        client->setReplyTimeoutMs(RedisStore::kDefaultReplyTimeoutMs);
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
                                  m_map = std::move(map).value();
                                  m_everMapped = true;
                                  qCDebug(lcRedis) << describe() << "slot map from"
                                                   << endpoint.key() << m_map.describeShards();
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
