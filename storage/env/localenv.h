#pragma once

#include "core/result.h"
#include "env/localcluster.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace pmkv {

// The local development pair that replaces the team's docker-compose file: a persistent
// redis-server (appendonly, data under $XDG_DATA_HOME/pmkv-studio/env) and pmkv-proxy on
// 127.0.0.1:<port>. Blocking calls (for the CLI, or a worker thread).
//
// Files in dataDir: redis/ (Redis data), redis.pid (written by redis-server), proxy.pid,
// redis.log, proxy.log, token (the proxy token, mode 0600, reused across runs), env.json
// (the ports in use, and whether it is a cluster).
//
// With `cluster`, Redis is a local Redis Cluster instead (LocalCluster: 3 masters and 3
// replicas on redisPort, default 7001, and the 5 ports after it, data in cluster/), and the
// proxy serves it (redis+cluster://). stop() only ends
// processes whose pid file we wrote and whose command line is still the program we started, so a
// reused pid is never killed.
class LocalEnv final
{
public:
    struct Options
    {
        QString dataDir; // empty: defaultDataDir()
        // 0: the ports of the last up() (env.json), else 8080 and 6379. Always 127.0.0.1.
        quint16 proxyPort = 0;
        quint16 redisPort = 0; // a cluster's: its first node (default 7001)
        // A Redis Cluster instead of one redis-server; unset: what the last up() ran.
        std::optional<bool> cluster;
        QString proxyBinary; // empty: findProxyBinary()
        QString redisBinary = QStringLiteral("redis-server");
        int healthTimeoutMs = 15000;
    };

    struct ProcessStatus
    {
        bool running = false;
        bool healthy = false;
        qint64 pid = 0;
        quint16 port = 0;
        QString detail; // why not running/healthy, in words
        int nodes = 0;  // a cluster's nodes running
    };

    struct Status
    {
        ProcessStatus redis;
        ProcessStatus proxy;
        QString dataDir;
        bool cluster = false;
        bool allHealthy() const { return redis.healthy && proxy.healthy; }
    };

    explicit LocalEnv(Options options);

    // Starts what is not running yet and waits until both answer. Idempotent. `started`
    // names what this call started (empty when all was already up).
    Result<Status> up(QStringList* started = nullptr);
    // Stops what up() started (SIGTERM, then waits). Idempotent. `stopped` names what ended.
    Result<void> down(QStringList* stopped = nullptr);
    Status status() const;
    // FLUSHALL on the local Redis (it must be running and be ours).
    Result<void> flush();

    QString url() const;
    bool isCluster() const { return m_options.cluster.value_or(false); }
    // redis://127.0.0.1:P, or the cluster's redis+cluster://127.0.0.1:P1,... address.
    QString redisUrl() const;
    // The proxy token (created on first use, 0600).
    Result<QByteArray> token();
    // The lines the application's .env.local needs to use this pair over REST, as Upstash:
    // UPSTASH_REDIS_REST_URL=... and UPSTASH_REDIS_REST_TOKEN=... (the token only opens this
    // loopback proxy).
    Result<QStringList> envLocalLines();
    const QString& dataDir() const { return m_options.dataDir; }

    static QString defaultDataDir();
    // The data folder of the last up() that is not down yet (up --data-dir X, then status or
    // down without it must find X), else defaultDataDir().
    static QString lastDataDir();
    // pmkv-proxy beside the running executable, in the build tree, or on PATH.
    static QString findProxyBinary();
    // True when nothing listens on 127.0.0.1:port right now.
    static bool portIsFree(quint16 port);

private:
    QString path(const QString& name) const;
    // The ports recorded by the last up(), so that status/down/flush work without --port.
    void loadRecordedPorts();
    Result<void> recordPorts() const;
    ProcessStatus processStatus(const QString& pidFile, const QByteArray& program,
                                quint16 port) const;
    Result<void> startRedis();
    Result<void> startProxy(const QByteArray& token);
    bool redisHealthy(quint16 port) const;
    bool proxyHealthy(quint16 port, const QByteArray& token) const;
    ProcessStatus clusterStatus() const;
    LocalCluster cluster() const;
    // The file beside the default data folder that names the last up()'s folder.
    static QString lastDataDirFile();
    void rememberAsLast() const;
    void forgetAsLast() const;

    Options m_options;
};

} // namespace pmkv
