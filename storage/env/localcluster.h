#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace pmkv {

// A local Redis Cluster without Docker, for development and tests: masters × (1 + replicas)
// redis-server processes with --cluster-enabled on consecutive ports from firstPort (each
// also listens on port + 10000, the cluster bus, so the ports stay below 55535), joined by
// `redis-cli --cluster create --cluster-replicas R`. Blocking calls (for the CLI, tests, or a
// worker thread). Data and pid files under dataDir/<port>/; like LocalEnv, down() only ends
// processes whose pid file it wrote and that still run redis-server.
class LocalCluster final
{
public:
    struct Options
    {
        QString dataDir;
        quint16 firstPort = 7001;
        int masters = 3;
        int replicasPerMaster = 1;
        // How long a master may be unreachable before its replica takes over (Redis's
        // cluster-node-timeout; its own default is 15 s).
        int nodeTimeoutMs = 3000;
        bool persistent = true; // appendonly; tests run without
        QString redisBinary = QStringLiteral("redis-server");
        QString cliBinary = QStringLiteral("redis-cli");
        int healthTimeoutMs = 30000;
    };
    struct Status
    {
        int running = 0; // processes alive
        int expected = 0;
        bool healthy = false; // every node up, cluster_state:ok, every replica in sync
        QString detail;       // why not, in words
    };

    explicit LocalCluster(Options options);

    QVector<quint16> ports() const;
    // redis+cluster://127.0.0.1:P1,...: every node, so any of them can be asked first.
    QString url() const;
    // Starts what is not running, forms the cluster the first time, waits until healthy.
    // `started` gets "N cluster nodes" when something was started.
    Result<Status> up(QStringList* started = nullptr);
    Result<void> down(QStringList* stopped = nullptr);
    Status status() const;
    // FLUSHALL on every master.
    Result<void> flush();

    // For tests: the pid of the node on `port` (0 when not running), and SIGKILL of it.
    qint64 pidOf(quint16 port) const;
    bool kill(quint16 port);
    // Starts the node on `port` again (after kill()); it rejoins from its nodes.conf.
    Result<void> restart(quint16 port);
    // redis-cli against one node; stdout, trimmed.
    QByteArray cli(quint16 port, const QStringList& arguments, int timeoutMs = 10000) const;

    // The node whose port or cluster bus port (its port + 10000) is `port`; 0 for none.
    quint16 nodeUsing(quint16 port) const;

    // True when `count` ports from `first` and their bus ports are free on 127.0.0.1.
    static bool portsFree(quint16 first, int count);
    // A first port with `count` free ports (and bus ports) after it, below 55535; 0 if none.
    static quint16 findFreePorts(int count);

private:
    QString nodeDir(quint16 port) const;
    QString pidFile(quint16 port) const;
    Result<void> startNode(quint16 port);
    bool formed() const;
    Result<void> create();
    QString nodeHealth(quint16 port) const; // empty when fine

    Options m_options;
};

} // namespace pmkv
