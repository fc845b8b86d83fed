#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <array>

namespace pmkv {

struct ClusterNodes;

// One node of a cluster as the cluster names it: "127.0.0.1:7001".
struct ClusterEndpoint
{
    QString host;
    quint16 port = 0;

    QString key() const;
    bool operator==(const ClusterEndpoint& other) const
    {
        return host == other.host && port == other.port;
    }
    // From "host:port" (MOVED/ASK redirections); port 0 when it is not that shape.
    static ClusterEndpoint fromText(const QByteArray& text);
};

// Which master serves each of the 16384 hash slots, and the replicas each master has, as a
// node answered CLUSTER SLOTS. A value: the router keeps one and replaces it when the cluster
// says it moved (MOVED) or a node fails.
class ClusterSlotMap final
{
public:
    ClusterSlotMap();

    // `asked`: the node that answered, for a master the reply names with an empty host.
    static Result<ClusterSlotMap> fromClusterSlots(const KvReply& reply,
                                                   const ClusterEndpoint& asked);

    // Index into masters(), -1 when no master serves the slot (a cluster not fully covered).
    int masterOf(int slot) const { return m_owner[size_t(slot)]; }
    const QVector<ClusterEndpoint>& masters() const { return m_masters; }
    // How many healthy replicas the master has (as CLUSTER SLOTS listed them; 0 when unknown).
    int replicasOf(const ClusterEndpoint& master) const;
    // The healthy replicas of masters().at(master), as CLUSTER SLOTS listed them (Redis leaves
    // out the ones marked failed); empty when unknown (a master only a MOVED told of).
    const QVector<ClusterEndpoint>& replicaNodesOf(int master) const;
    // The masters ordered by the lowest slot each serves: the order SCAN walks them in.
    QVector<int> mastersBySlot() const;
    // Lowest slot the master serves, -1 when it serves none.
    int firstSlotOf(int master) const;
    // Adds the replicas CLUSTER NODES lists (connected, not failing) that CLUSTER SLOTS left
    // out: Redis lists a replica there only once its master saw it replicate something, so
    // a new cluster's map has none, and a batch would not WAIT for them.
    void addReplicas(const ClusterNodes& nodes);
    // What a MOVED said: the slot is now served by `endpoint` (added as a master if new).
    void assign(int slot, const ClusterEndpoint& endpoint);
    bool isEmpty() const { return m_masters.isEmpty(); }
    // "127.0.0.1:7001 slots 0-5460; ..." for a connection's details.
    QStringList describeShards() const;

private:
    int indexOf(const ClusterEndpoint& endpoint);

    QVector<ClusterEndpoint> m_masters;
    QVector<QVector<ClusterEndpoint>> m_replicas; // per master
    std::array<qint16, 16384> m_owner;
};

} // namespace pmkv
