#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>

namespace pmkv {

// One node of a Redis Cluster as CLUSTER NODES describes it, for the connection's details.
struct ClusterNode
{
    QByteArray id;
    QString address; // "127.0.0.1:7001" (the bus port and hostname left out)
    bool master = false;
    QByteArray masterId;                 // a replica's master; empty for a master
    bool myself = false;                 // the node that answered
    bool failing = false;                // "fail" or "fail?": the cluster thinks it is down
    bool connected = true;               // the answering node's link to it
    QVector<QPair<int, int>> slotRanges; // served slots, first-last
    int slotsMoving = 0;                 // slots being imported or migrated ("[slot->-id]")

    int slotCount() const;
    // "0-5460, 10923" or "none".
    QString slotText() const;
};

// The cluster's nodes from CLUSTER NODES, masters ordered by their first slot, each followed
// by its replicas. A line that is not that shape is an error naming the line: the panel says
// so rather than showing a partial cluster as if it were whole.
struct ClusterNodes
{
    QVector<ClusterNode> nodes;

    static Result<ClusterNodes> parse(const QByteArray& text);
    // CLUSTER NODES' reply: its text parsed, or the node's refusal as the error.
    static Result<ClusterNodes> fromReply(const KvReply& reply);
    int masterCount() const;
    int replicaCount() const;
    // Slots served by masters the cluster does not think failed (16384 when all are).
    int servedSlots() const;
    QVector<ClusterNode> replicasOf(const ClusterNode& master) const;
    // The node that answered, null when none is marked "myself".
    const ClusterNode* myself() const;
};

} // namespace pmkv
