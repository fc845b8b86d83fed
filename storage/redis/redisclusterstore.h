#pragma once

#include "kv/kvstore.h"
#include "redis/clusteraddress.h"

namespace pmkv {

class ClusterRouter;

// KvStore over a Redis Cluster, straight to its masters with hiredis (Debian's hiredis has no
// cluster client, so the routing is ours; sharding, failover and resharding are the
// cluster's). One pipelined connection per master; see ClusterBatch for how a batch is
// spread and what is retried, ClusterTransaction for MULTI/EXEC.
// * Callers see one key space: SCAN walks every master (its cursor is opaque, "0" ends),
//   DBSIZE is the sum over the masters, MGET/DEL/EXISTS answer as one Redis would.
// * A command with keys in several slots that cannot be split (MSETNX, EVAL, a transaction)
//   gets Redis's CROSSSLOT error, or "redis-crossslot" for a transaction: capabilities()
//   says hashSlots, and jobs that group keys group them by HashSlot.
// * With the address's replica reads on (`?replicas=prefer`), batches of reads only read the
//   masters' replicas (ClusterBatch says which commands); StoreFactory turns it on only for
//   browsing, never for a job.
// * Thread use, read-only and timeouts as RedisStore.
class RedisClusterStore final : public KvStore
{
    Q_OBJECT

public:
    explicit RedisClusterStore(ClusterAddress address, bool readOnly = false,
                               QObject* parent = nullptr);
    ~RedisClusterStore() override;

    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override;
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override;
    Capabilities capabilities() const override;
    QString describe() const override;

    // For tests: how long a command the cluster cannot serve is tried again.
    void setRetryBudgetMs(int ms);

private:
    QFuture<Result<Replies>> run(QVector<KvCommand> batch, bool atomic);

    ClusterRouter* m_router;
    bool m_readOnly;
};

} // namespace pmkv
