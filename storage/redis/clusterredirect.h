#pragma once

#include "kv/kvreply.h"
#include "redis/clusterslotmap.h"

namespace pmkv {

// What a cluster node's error reply asks of the client: go to the slot's new master (MOVED:
// the map changed), ask another node this once (ASK: the slot is being migrated and the key
// may already be there), or try again a little later (TRYAGAIN during a migration,
// CLUSTERDOWN while a failover is under way, LOADING on a node starting up). Redis runs none
// of those commands before answering so, which is what makes sending them again safe, writes
// included.
struct ClusterRedirect
{
    enum class Kind { None, Moved, Ask, Later };

    Kind kind = Kind::None;
    int slot = -1;
    ClusterEndpoint to;

    static ClusterRedirect of(const KvReply& reply);
    static ClusterRedirect ofText(const QByteArray& errorText);
    // The pause before try `attempt` (0, 1, ...): 50 ms doubling, at most 1 s.
    static int backoffMs(int attempt);
};

} // namespace pmkv
