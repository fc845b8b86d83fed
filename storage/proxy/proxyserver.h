#pragma once

#include "core/result.h"
#include "proxy/proxyauth.h"
#include "proxy/proxyconfig.h"

#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

namespace pmkv {

class ProxyConnection;
class KvStore;
class RedisClient;

// pmkv-proxy's server: an own HTTP/1.1 layer on QTcpServer (limits, timeouts, 405s, streaming
// SSE) and one shared, pipelined RedisClient, all on the thread's event loop (plus a second
// connection for large single values, see ProxyExecutor). In front of a Redis Cluster, a
// RedisClusterStore instead (ProxyExecutor::runOnCluster).
// Memory stays bounded: at most maxOpenConnections sockets (the idle ones make room for new
// ones), at most maxConnections with a request in progress, 64 KiB read buffers, no reply
// over maxResponse read from Redis, and once the requests being received hold more than
// memoryBudget bytes, sockets are not read (TCP pushes back) until requests finish.
class ProxyServer final : public QObject
{
    Q_OBJECT

public:
    explicit ProxyServer(ProxyConfig config, QObject* parent = nullptr);
    ~ProxyServer() override;

    Result<void> listen();
    quint16 serverPort() const { return m_server.serverPort(); }
    // Stops accepting, lets requests in flight finish (up to 5 s), then emits finished().
    void shutdown();

    // For ProxyConnection.
    RedisClient& redis() { return *m_redis; }
    RedisClient& bulkRedis() { return *m_bulk; }
    // The cluster's store for a redis+cluster:// address, else null (redis() is used).
    KvStore* cluster() const { return m_cluster; }
    // A connection starts or ends having a request in progress.
    void noteActive(bool active) { m_active += active ? 1 : -1; }
    int activeConnections() const { return m_active; }
    const ProxyAuth& auth() const { return m_auth; }
    const ProxyConfig& config() const { return m_config; }
    QByteArray syncToken() const;
    void noteWrite() { ++m_writes; }
    void adjustBuffered(qsizetype delta);
    bool overBudget() const { return m_buffered > m_config.memoryBudget; }
    bool isShuttingDown() const { return m_shuttingDown; }
    void connectionGone(ProxyConnection* connection);

Q_SIGNALS:
    void finished();

private:
    void acceptConnections();
    // At the socket cap: closes the connection idle longest; false when none is idle.
    bool makeRoom();
    void sweep();
    void maybeFinish();

    ProxyConfig m_config;
    ProxyAuth m_auth;
    QTcpServer m_server;
    RedisClient* m_redis;
    RedisClient* m_bulk;
    KvStore* m_cluster = nullptr;
    QSet<ProxyConnection*> m_connections;
    int m_active = 0;
    int m_socketCap = 0;
    QTimer m_sweepTimer;
    QTimer m_shutdownDeadline;
    QByteArray m_syncPrefix;
    quint64 m_writes = 0;
    qsizetype m_buffered = 0;
    bool m_shuttingDown = false;
    bool m_finished = false;
};

} // namespace pmkv
