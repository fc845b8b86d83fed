#include "redis/clusterslotmap.h"

#include "kv/clusternodes.h"
#include "kv/hashslot.h"

#include <algorithm>

namespace pmkv {

QString ClusterEndpoint::key() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1:%2").arg(h).arg(port);
}

ClusterEndpoint ClusterEndpoint::fromText(const QByteArray& text)
{
    // The port follows the last ':' (an IPv6 host has colons of its own).
    const qsizetype colon = text.lastIndexOf(':');
    bool ok = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return {};
    QByteArray host = text.left(colon);
    if (host.startsWith('[') && host.endsWith(']'))
        host = host.mid(1, host.size() - 2);
    return {QString::fromUtf8(host), quint16(port)};
}

namespace {

// [host, port, id, ...] as CLUSTER SLOTS names a node.
ClusterEndpoint nodeOf(const KvReply& node, const ClusterEndpoint& asked)
{
    ClusterEndpoint endpoint{QString::fromUtf8(node.elements.at(0).bytes),
                             quint16(node.elements.at(1).integer)};
    // An empty host means "the address you reached me at" (cluster-announce unknown).
    if (endpoint.host.isEmpty() || endpoint.host == QLatin1String("?"))
        endpoint.host = asked.host;
    return endpoint;
}

} // namespace

ClusterSlotMap::ClusterSlotMap()
{
    m_owner.fill(-1);
}

Result<ClusterSlotMap> ClusterSlotMap::fromClusterSlots(const KvReply& reply,
                                                        const ClusterEndpoint& asked)
{
    auto bad = [&asked](const QString& what) {
        return makeError(QStringLiteral("cluster-topology"),
                         QStringLiteral("%1 answered CLUSTER SLOTS with %2. Is it a node of a "
                                        "Redis Cluster (cluster-enabled yes)?")
                             .arg(asked.key(), what));
    };
    if (reply.isError())
        return bad(QStringLiteral("an error: ") + QString::fromUtf8(reply.bytes));
    if (reply.type != KvReply::Type::Array)
        return bad(QStringLiteral("something that is not a list"));
    ClusterSlotMap map;
    for (const KvReply& range : reply.elements) {
        if (range.type != KvReply::Type::Array || range.elements.size() < 3 ||
            range.elements.at(2).type != KvReply::Type::Array ||
            range.elements.at(2).elements.size() < 2)
            return bad(QStringLiteral("a slot range that is not [start, end, [host, port]]"));
        const qint64 first = range.elements.at(0).integer;
        const qint64 last = range.elements.at(1).integer;
        if (first < 0 || last >= HashSlot::count || first > last)
            return bad(QStringLiteral("the slot range %1-%2").arg(first).arg(last));
        const KvReply& node = range.elements.at(2);
        const qint16 index = qint16(map.indexOf(nodeOf(node, asked)));
        // After the master come its replicas (Redis leaves out the ones marked failed); every
        // range of a master lists the same ones, but keep the longest list.
        QVector<ClusterEndpoint> replicas;
        for (qsizetype r = 3; r < range.elements.size(); ++r) {
            const KvReply& replica = range.elements.at(r);
            if (replica.type == KvReply::Type::Array && replica.elements.size() >= 2)
                replicas.append(nodeOf(replica, asked));
        }
        if (replicas.size() > map.m_replicas.at(index).size())
            map.m_replicas[index] = std::move(replicas);
        std::fill(map.m_owner.begin() + first, map.m_owner.begin() + last + 1, index);
    }
    if (map.m_masters.isEmpty())
        return bad(QStringLiteral("no slot assigned yet (the cluster is not set up)"));
    return map;
}

int ClusterSlotMap::indexOf(const ClusterEndpoint& endpoint)
{
    const qsizetype at = m_masters.indexOf(endpoint);
    if (at >= 0)
        return int(at);
    m_masters.append(endpoint);
    m_replicas.append(QVector<ClusterEndpoint>());
    return int(m_masters.size() - 1);
}

void ClusterSlotMap::addReplicas(const ClusterNodes& nodes)
{
    for (const ClusterNode& master : nodes.nodes) {
        const qsizetype at =
            master.master ? m_masters.indexOf(ClusterEndpoint::fromText(master.address.toUtf8()))
                          : -1;
        if (at < 0)
            continue;
        for (const ClusterNode& replica : nodes.replicasOf(master)) {
            const ClusterEndpoint endpoint = ClusterEndpoint::fromText(replica.address.toUtf8());
            if (endpoint.port != 0 && !replica.failing && replica.connected &&
                !m_replicas.at(at).contains(endpoint))
                m_replicas[at].append(endpoint);
        }
    }
}

int ClusterSlotMap::replicasOf(const ClusterEndpoint& master) const
{
    const qsizetype at = m_masters.indexOf(master);
    return at < 0 ? 0 : int(m_replicas.at(at).size());
}

const QVector<ClusterEndpoint>& ClusterSlotMap::replicaNodesOf(int master) const
{
    return m_replicas.at(master);
}

QVector<int> ClusterSlotMap::mastersBySlot() const
{
    QVector<int> order;
    for (int slot = 0; slot < HashSlot::count; ++slot) {
        const int owner = m_owner[size_t(slot)];
        if (owner >= 0 && !order.contains(owner))
            order.append(owner);
    }
    return order;
}

int ClusterSlotMap::firstSlotOf(int master) const
{
    const auto it = std::find(m_owner.begin(), m_owner.end(), qint16(master));
    return it == m_owner.end() ? -1 : int(it - m_owner.begin());
}

void ClusterSlotMap::assign(int slot, const ClusterEndpoint& endpoint)
{
    m_owner[size_t(slot)] = qint16(indexOf(endpoint));
}

QStringList ClusterSlotMap::describeShards() const
{
    QStringList lines;
    for (int master : mastersBySlot()) {
        QStringList ranges;
        int slot = 0;
        while (slot < HashSlot::count) {
            if (m_owner[size_t(slot)] != master) {
                ++slot;
                continue;
            }
            const int start = slot;
            while (slot < HashSlot::count && m_owner[size_t(slot)] == master)
                ++slot;
            ranges.append(start == slot - 1 ? QString::number(start)
                                            : QStringLiteral("%1-%2").arg(start).arg(slot - 1));
        }
        lines.append(QStringLiteral("%1 slots %2")
                         .arg(m_masters.at(master).key(), ranges.join(QLatin1Char(','))));
    }
    return lines;
}

} // namespace pmkv
