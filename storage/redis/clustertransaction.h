#pragma once

#include "core/result.h"
#include "kv/kvreply.h"
#include "redis/clusterslotmap.h"

#include <QElapsedTimer>
#include <QVector>

#include <functional>
#include <memory>

namespace pmkv {

class ClusterRouter;

// MULTI/EXEC over a Redis Cluster (RedisClusterStore::executeAtomic): a transaction runs on
// one node, so all its keys must share one hash slot; otherwise it is refused before anything
// is sent ("redis-crossslot", naming two keys and their slots; a common hash tag `{...}`
// puts keys in one slot). The whole transaction goes to the slot's master. A MOVED, ASK,
// TRYAGAIN or CLUSTERDOWN while queueing makes Redis discard it (EXECABORT, nothing ran), so
// it is sent again, with the map corrected, within the router's retry budget. A connection
// lost after EXEC may have left is "outcome-unknown" for a transaction with writes.
// A transaction never reads a replica; with replica reads on, one that wrote is followed by a
// WAIT, and until it confirms, the master's replicas are not read (ClusterRouter).
class ClusterTransaction final : public std::enable_shared_from_this<ClusterTransaction>
{
public:
    using Done = std::function<void(const Result<QVector<KvReply>>&)>;

    static void run(ClusterRouter& router, QVector<KvCommand> batch, Done done);
    ~ClusterTransaction();

private:
    ClusterTransaction(ClusterRouter& router, QVector<KvCommand> batch, int slot, Done done);
    void attempt();
    void onResult(const Result<QVector<KvReply>>& result, const QVector<KvReply>& queued,
                  bool mayHaveLeft);
    void later(const Error& error);
    void finish(const Result<QVector<KvReply>>& result);

    ClusterRouter& m_router;
    QVector<KvCommand> m_batch;
    int m_slot = 0;
    ClusterEndpoint m_writtenTo; // the master a transaction with writes was sent to
    Done m_done;
    int m_attempts = 0;
    QElapsedTimer m_clock;
    QString m_where; // the cluster, for messages (the router may be gone by then)
    bool m_finished = false;
};

} // namespace pmkv
