#pragma once

#include "core/result.h"
#include "redis/clusteraddress.h"
#include "redis/clusterslotmap.h"

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
class ClusterRouter final : public QObject
{
    Q_OBJECT

public:
    using Ready = std::function<void(const Result<void>&)>;

    // How long a command the cluster could not serve (a node down, CLUSTERDOWN during a
    // failover, TRYAGAIN during a resharding) is tried again before its error is the answer.
    static constexpr int kDefaultRetryBudgetMs = 20000;

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

    const ClusterAddress& address() const { return m_address; }
    int retryBudgetMs() const { return m_retryBudgetMs; }
    // True while the router is being destroyed: its clients fail what they hold, and callers
    // must not route again.
    bool isClosing() const { return m_closing; }
    void setRetryBudgetMs(int ms) { m_retryBudgetMs = ms; }
    QString describe() const { return m_address.describe(); }

private:
    void askNext(QVector<ClusterEndpoint> candidates, int index, QStringList failures);
    void settle(const Result<void>& outcome);

    ClusterAddress m_address;
    ClusterSlotMap m_map;
    QHash<QString, RedisClient*> m_clients;
    QHash<const RedisClient*, int> m_connects;
    std::vector<Ready> m_waiting;
    bool m_refreshing = false;
    bool m_everMapped = false;
    bool m_closing = false;
    int m_retryBudgetMs = kDefaultRetryBudgetMs;
};

} // namespace pmkv
