#pragma once

#include "core/result.h"
#include "redis/clusteraddress.h"
#include "redis/clusterslotmap.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <vector>

namespace pmkv {

class RedisClient;

// The cluster as the transport knows it: the slot map and one pipelined RedisClient per node
// (made on first use), on the thread the router lives on.
// * The map comes from CLUSTER SLOTS, asked of the known masters and then the seeds until one
//   answers; refresh() asks again (after MOVED, a lost node, CLUSTERDOWN). Refreshes that
//   overlap are one.
// * connectCount() tells whether a command may have left: hiredis writes nothing before its
//   connection is up, so a command handed to a client that had not connected, and whose
//   failure comes before any new connection, was never sent.
// * With the address's replica reads on, replicaForRead() gives a connection to a replica of a
//   slot's master, the replicas taken in turn. Each such connection is its own RedisClient
//   whose first command is READONLY (so it is once per connection); a replica connection
//   that fails is dropped and the replica skipped for kReplicaPauseMs. A master's replicas
//   are not read while they may lack a write this router sent it: noteWrite() at the send,
//   confirmWrites() (WAIT) when the replicas have everything up to then.
class ClusterRouter final : public QObject
{
    Q_OBJECT

public:
    using Ready = std::function<void(const Result<void>&)>;

    // How long a command the cluster could not serve (a node down, CLUSTERDOWN during a
    // failover, TRYAGAIN during a resharding) is tried again before its error is the answer.
    static constexpr int kDefaultRetryBudgetMs = 20000;
    // How long a replica whose connection failed is not read from.
    static constexpr int kReplicaPauseMs = 5000;
    // How long a WAIT for a master's replicas waits.
    static constexpr int kWaitForReplicasMs = 5000;
    // How old the map may be before a read from replicas asks again, so that a replica back
    // from a restart is read again.
    static constexpr int kReplicaMapAgeMs = 30000;

    explicit ClusterRouter(ClusterAddress address, QObject* parent = nullptr);
    ~ClusterRouter() override;

    // Runs `ready` once a map is known: at once, or when the refresh under way ends. Fails
    // only when no map was ever had and no node answered.
    void whenMapped(Ready ready);
    void refresh();

    const ClusterSlotMap& map() const { return m_map; }
    // What a MOVED said, applied at once; a refresh follows.
    void assign(int slot, const ClusterEndpoint& endpoint);
    RedisClient* clientFor(const ClusterEndpoint& endpoint);
    RedisClient* clientForSlot(int slot);
    // Taken when a command is handed to a client; mayHaveLeft() then tells, once the command
    // failed, whether Redis may have received it (see above).
    struct SendMark
    {
        const RedisClient* client = nullptr;
        bool wasConnected = false;
        int connects = 0;
    };
    SendMark mark(const RedisClient* client) const;
    bool mayHaveLeft(const SendMark& mark) const;

    bool readsFromReplicas() const { return m_address.readsFromReplicas(); }
    // A connection to a replica of the master serving `slot` (its endpoint in `replica`), or
    // nullptr when the master is to be read: replica reads off, no replica known or up, or
    // the replicas may lack a write of this router.
    RedisClient* replicaForRead(int slot, ClusterEndpoint& replica);
    // With replica reads on: asks for the map again when it is older than kReplicaMapAgeMs.
    void refreshReplicasNowAndThen();
    // A read on `replica` failed (its connection, or it answered LOADING, MASTERDOWN ...): it
    // is skipped for a while; a failed connection is dropped.
    void replicaFailed(const ClusterEndpoint& replica, bool connectionLost);
    // A write is being sent to `master`: its replicas are not read until confirmed.
    void noteWrite(const ClusterEndpoint& master);
    // WAIT on `master` for `replicas` replicas; when all of them confirm, the writes sent to it
    // so far are on them (reads may go there again). `done` fails with outcome-unknown when
    // the master was lost before answering (`what` names the writes: "writes of the batch");
    // replicas that do not confirm in time are logged, the writes stand on the master.
    void confirmWrites(const ClusterEndpoint& master, int replicas, const QString& what,
                       std::function<void(const Result<void>&)> done);

    const ClusterAddress& address() const { return m_address; }
    int retryBudgetMs() const { return m_retryBudgetMs; }
    // True while the router is being destroyed: its clients fail what they hold, and callers
    // must not route again.
    bool isClosing() const { return m_closing; }
    void setRetryBudgetMs(int ms) { m_retryBudgetMs = ms; }
    QString describe() const { return m_address.describe(); }

private:
    void askNext(QVector<ClusterEndpoint> candidates, int index, QStringList failures);
    // Completes the map CLUSTER SLOTS gave with the replicas CLUSTER NODES lists, then makes
    // it the router's.
    void addReplicasFrom(const ClusterEndpoint& endpoint, ClusterSlotMap map);
    void settle(const Result<void>& outcome);
    RedisClient* replicaClient(const ClusterEndpoint& replica);
    // A client for the node, with the profile's user and password and the reply timeout.
    RedisClient* newClient(const ClusterEndpoint& endpoint);
    void dropReplicaClient(const QString& key);

    ClusterAddress m_address;
    ClusterSlotMap m_map;
    QHash<QString, RedisClient*> m_clients;
    QHash<const RedisClient*, int> m_connects;
    QHash<QString, RedisClient*> m_replicaClients;
    QHash<QString, qint64> m_replicaPausedUntil; // replica -> m_clock ms
    QHash<QString, int> m_nextReplica;           // master -> the replica to read next
    QHash<QString, quint64> m_writesSent;        // master -> writes sent to it
    QHash<QString, quint64> m_writesOnReplicas;  // master -> of those, confirmed on replicas
    QElapsedTimer m_clock;
    qint64 m_mappedAtMs = 0;
    std::vector<Ready> m_waiting;
    bool m_refreshing = false;
    bool m_everMapped = false;
    bool m_closing = false;
    int m_retryBudgetMs = kDefaultRetryBudgetMs;
};

} // namespace pmkv
