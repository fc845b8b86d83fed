#pragma once

#include "core/result.h"
#include "kv/kvreply.h"
#include "redis/clustercommand.h"
#include "redis/clusterslotmap.h"

#include <QElapsedTimer>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

namespace pmkv {

class ClusterRouter;

// One pipelined batch over a Redis Cluster (RedisClusterStore::execute), on the router's
// thread. Each command goes to the master of its key's slot; MGET/DEL/EXISTS/UNLINK/TOUCH and
// MSET with keys in several slots become one command per slot and one merged reply; DBSIZE,
// KEYS and FLUSHDB go to every master; SCAN walks the masters one after the other
// (ClusterScanCursor). Every node's commands go out on its one connection as a pipeline,
// all nodes at once.
// * MOVED: the map is corrected (and asked again) and the command sent to the new master.
//   ASK: ASKING and the command to the node named, this once.
// * TRYAGAIN, CLUSTERDOWN, LOADING, and a node that cannot be reached: sent again after a
//   pause (50 ms doubling up to 1 s) with a fresh map, for at most the router's retry budget;
//   then the error reply is the command's reply (a node still unreachable fails the batch).
// * A write whose node was lost after it may have received it is not sent again: the batch
//   fails with "outcome-unknown" once its other commands have settled (nothing of it is in
//   flight any more), so a journaled job can read the keys and resume.
// * Redis replicates asynchronously: a master that acknowledged a write and died before its
//   replica had it loses it in the failover. So a batch with writes answers only once every
//   master written to has its writes on its replicas (WAIT, at most
//   ClusterRouter::kWaitForReplicasMs); a master lost meanwhile makes it "outcome-unknown"
//   too. What a job saw finish survives the failover of one node.
// * Reads from replicas (the address's replica reads; off unless the opener asked, and
//   StoreFactory never asks for a job): only a batch of reads only (CommandAllowList, no
//   MULTI/EXEC/WATCH) may read replicas, so a read after a write in one batch always sees it.
//   In such a batch, commands on keys (GET, TYPE, PTTL, HGETALL, DUMP ..., and MGET/EXISTS/TOUCH
//   per slot) go to a replica of the slot's master, the replicas in turn; SCAN, DBSIZE and
//   KEYS stay on the masters (counts and the cursor are exact; the GUI's "scanned X of N"
//   adds up), as do PING, INFO and the like. A replica whose connection fails, or that
//   answers MOVED, ASK, LOADING, MASTERDOWN, TRYAGAIN or CLUSTERDOWN, is left for the master
//   at once (a failing one is skipped for a while). A master's replicas are not read while a
//   write this store sent it is not confirmed on them (WAIT), so the store reads its own
//   writes; other clients' writes may be seen late, by the replicas' lag.
class ClusterBatch final : public std::enable_shared_from_this<ClusterBatch>
{
public:
    using Done = std::function<void(const Result<QVector<KvReply>>&)>;

    static void run(ClusterRouter& router, QVector<KvCommand> batch, Done done);
    ~ClusterBatch();

private:
    struct Part
    {
        int command = 0; // index in the batch
        ClusterCommand::Part piece;
        bool scan = false;
        bool replica = false; // may be read from a replica of the slot's master
        std::optional<ClusterEndpoint> askTo;
        int redirects = 0;
        int attempts = 0;
    };

    ClusterBatch(ClusterRouter& router, QVector<KvCommand> batch, Done done);
    void plan();
    void addParts(int index);
    void dispatch(int part);
    bool dispatchToReplica(int part);
    void onReply(int part, const Result<KvReply>& reply, bool mayHaveLeft,
                 const ClusterEndpoint& from);
    void onReplicaReply(int part, const Result<KvReply>& reply, const ClusterEndpoint& from);
    void onFailure(int part, const Error& error, bool mayHaveLeft);
    void retryLater(int part, const std::optional<Error>& failure, const KvReply& reply);
    void settle(int part, KvReply reply);
    void fail(Error error);
    void finish();
    void waitForReplicas();
    void deliver();

    ClusterRouter& m_router;
    QVector<KvCommand> m_batch;
    Done m_done;
    QVector<Part> m_parts;
    QVector<KvReply> m_partReplies;
    QVector<QVector<int>> m_partsOf;           // command -> its parts
    QVector<std::optional<KvReply>> m_planned; // a command answered without sending (bad cursor)
    QVector<ClusterEndpoint> m_writtenTo;      // masters that took a write of this batch
    int m_unsettled = 0;
    std::optional<Error> m_failure;
    QElapsedTimer m_clock;
    QString m_where; // the cluster, for messages (the router may be gone by then)
    bool m_finished = false;
    bool m_replicaReads = false; // the batch may read replicas (reads only, replica reads on)
};

} // namespace pmkv
