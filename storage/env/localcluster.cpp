#include "env/localcluster.h"

#include "env/envprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>

#include <csignal>

namespace pmkv {

namespace {

constexpr int kBusOffset = 10000;

Error clusterError(const QString& message)
{
    return makeError(QStringLiteral("env"), message);
}

bool portFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

} // namespace

LocalCluster::LocalCluster(Options options) : m_options(std::move(options)) {}

QVector<quint16> LocalCluster::ports() const
{
    QVector<quint16> ports;
    const int count = m_options.masters * (1 + m_options.replicasPerMaster);
    for (int i = 0; i < count; ++i)
        ports.append(quint16(m_options.firstPort + i));
    return ports;
}

QString LocalCluster::url() const
{
    QStringList hosts;
    for (quint16 port : ports())
        hosts.append(QStringLiteral("127.0.0.1:%1").arg(port));
    return QStringLiteral("redis+cluster://") + hosts.join(QLatin1Char(','));
}

QString LocalCluster::nodeDir(quint16 port) const
{
    return m_options.dataDir + QLatin1Char('/') + QString::number(port);
}

QString LocalCluster::pidFile(quint16 port) const
{
    return nodeDir(port) + QStringLiteral("/redis.pid");
}

quint16 LocalCluster::nodeUsing(quint16 port) const
{
    for (quint16 node : ports()) {
        if (port == node || int(port) == node + kBusOffset)
            return node;
    }
    return 0;
}

bool LocalCluster::portsFree(quint16 first, int count)
{
    for (int i = 0; i < count; ++i) {
        const int port = first + i;
        if (port + kBusOffset > 65535 || !portFree(quint16(port)) ||
            !portFree(quint16(port + kBusOffset)))
            return false;
    }
    return true;
}

quint16 LocalCluster::findFreePorts(int count)
{
    for (int attempt = 0; attempt < 200; ++attempt) {
        const quint16 first = quint16(20000 + QRandomGenerator::global()->bounded(35000 - count));
        if (portsFree(first, count))
            return first;
    }
    return 0;
}

QByteArray LocalCluster::cli(quint16 port, const QStringList& arguments, int timeoutMs) const
{
    QProcess p;
    p.start(m_options.cliBinary,
            QStringList{QStringLiteral("-p"), QString::number(port)} + arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return {};
    }
    return p.readAllStandardOutput().trimmed();
}

qint64 LocalCluster::pidOf(quint16 port) const
{
    return EnvProcess::runningPid(pidFile(port), "redis-server");
}

Result<void> LocalCluster::startNode(quint16 port)
{
    const QString dir = nodeDir(port);
    if (!QDir().mkpath(dir))
        return clusterError(QStringLiteral("cannot create the Redis data folder %1").arg(dir));
    QStringList args{
        QStringLiteral("--port"), QString::number(port), QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--dir"), dir,
        QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
        QStringLiteral("--cluster-config-file"), QStringLiteral("nodes.conf"),
        QStringLiteral("--cluster-node-timeout"), QString::number(m_options.nodeTimeoutMs),
        // A replica may always take over, however long it was cut off.
        QStringLiteral("--cluster-replica-validity-factor"), QStringLiteral("0"),
        QStringLiteral("--daemonize"), QStringLiteral("yes"), QStringLiteral("--pidfile"),
        pidFile(port), QStringLiteral("--logfile"), dir + QStringLiteral("/redis.log")};
    if (m_options.persistent)
        args << QStringLiteral("--appendonly") << QStringLiteral("yes");
    else
        args << QStringLiteral("--appendonly") << QStringLiteral("no") << QStringLiteral("--save")
             << QString();
    QFile::remove(pidFile(port));
    QProcess p;
    p.start(m_options.redisBinary, args);
    if (!p.waitForStarted(5000))
        return clusterError(QStringLiteral("cannot run %1: %2. Install Redis (apt install "
                                           "redis-server) or put it on PATH.")
                                .arg(m_options.redisBinary, p.errorString()));
    p.waitForFinished(10000);
    if (p.exitCode() != 0)
        return clusterError(QStringLiteral("redis-server on port %1 did not start (exit code "
                                           "%2); see %3/redis.log")
                                .arg(port)
                                .arg(p.exitCode())
                                .arg(dir));
    return {};
}

bool LocalCluster::formed() const
{
    const QByteArray info =
        cli(m_options.firstPort, {QStringLiteral("cluster"), QStringLiteral("info")});
    return info.contains("cluster_slots_assigned:16384") &&
           info.contains(QByteArray("cluster_known_nodes:" + QByteArray::number(ports().size())));
}

Result<void> LocalCluster::create()
{
    QStringList args{QStringLiteral("--cluster"), QStringLiteral("create")};
    for (quint16 port : ports())
        args.append(QStringLiteral("127.0.0.1:%1").arg(port));
    args << QStringLiteral("--cluster-replicas") << QString::number(m_options.replicasPerMaster)
         << QStringLiteral("--cluster-yes");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_options.cliBinary, args);
    if (!p.waitForStarted(5000))
        return clusterError(
            QStringLiteral("cannot run %1: %2").arg(m_options.cliBinary, p.errorString()));
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(1000);
        return clusterError(QStringLiteral("redis-cli --cluster create did not finish in 2 min"));
    }
    const QByteArray output = p.readAll();
    if (p.exitCode() != 0 || !output.contains("[OK] All 16384 slots covered"))
        return clusterError(QStringLiteral("redis-cli --cluster create failed: %1")
                                .arg(QString::fromUtf8(output.trimmed().right(600))));
    return {};
}

QString LocalCluster::nodeHealth(quint16 port) const
{
    const QByteArray info = cli(port, {QStringLiteral("cluster"), QStringLiteral("info")}, 3000);
    if (info.isEmpty())
        return QStringLiteral("node %1 does not answer").arg(port);
    if (!info.contains("cluster_state:ok"))
        return QStringLiteral("node %1 is not in a healthy cluster (cluster_state)").arg(port);
    const QByteArray replication =
        cli(port, {QStringLiteral("info"), QStringLiteral("replication")}, 3000);
    if (replication.contains("role:slave") && !replication.contains("master_link_status:up"))
        return QStringLiteral("replica %1 is not in sync with its master yet").arg(port);
    return {};
}

LocalCluster::Status LocalCluster::status() const
{
    Status st;
    st.expected = int(ports().size());
    QStringList problems;
    for (quint16 port : ports()) {
        if (pidOf(port) == 0) {
            problems.append(QStringLiteral("node %1 is not running").arg(port));
            continue;
        }
        ++st.running;
        const QString health = nodeHealth(port);
        if (!health.isEmpty())
            problems.append(health);
    }
    st.healthy = problems.isEmpty();
    st.detail = problems.join(QStringLiteral("; "));
    return st;
}

Result<LocalCluster::Status> LocalCluster::up(QStringList* started)
{
    int count = 0;
    for (quint16 port : ports()) {
        if (pidOf(port) != 0)
            continue;
        if (!portFree(port) || !portFree(quint16(port + kBusOffset)))
            return clusterError(QStringLiteral("port %1 or its cluster bus port %2 is taken by "
                                               "another program: stop it or pick other ports")
                                    .arg(port)
                                    .arg(port + kBusOffset));
        auto ok = startNode(port);
        if (!ok)
            return ok.error();
        ++count;
    }
    const QDeadlineTimer deadline(m_options.healthTimeoutMs);
    for (quint16 port : ports()) {
        while (cli(port, {QStringLiteral("ping")}, 2000) != "PONG") {
            if (deadline.hasExpired())
                return clusterError(QStringLiteral("node %1 did not answer PING; see %2/redis.log")
                                        .arg(port)
                                        .arg(nodeDir(port)));
            QThread::msleep(50);
        }
    }
    if (!formed()) {
        auto created = create();
        if (!created)
            return created.error();
    }
    Status st = status();
    while (!st.healthy) {
        if (deadline.hasExpired())
            return clusterError(QStringLiteral("the cluster did not become healthy within %1 s: %2")
                                    .arg(m_options.healthTimeoutMs / 1000)
                                    .arg(st.detail));
        QThread::msleep(100);
        st = status();
    }
    if (started && count > 0)
        started->append(QStringLiteral("%1 cluster nodes").arg(count));
    return st;
}

Result<void> LocalCluster::down(QStringList* stopped)
{
    int count = 0;
    for (quint16 port : ports()) {
        const qint64 pid = pidOf(port);
        if (pid != 0) {
            if (!EnvProcess::stop(pid, 15000))
                return clusterError(QStringLiteral("redis-server on port %1 (pid %2) did not stop "
                                                   "within 15 s")
                                        .arg(port)
                                        .arg(pid));
            ++count;
        }
        QFile::remove(pidFile(port));
    }
    if (stopped && count > 0)
        stopped->append(QStringLiteral("%1 cluster nodes").arg(count));
    return {};
}

Result<void> LocalCluster::flush()
{
    int masters = 0;
    for (quint16 port : ports()) {
        if (!cli(port, {QStringLiteral("role")}).startsWith("master"))
            continue;
        const QByteArray answer = cli(port, {QStringLiteral("flushall")});
        if (answer != "OK")
            return clusterError(QStringLiteral("FLUSHALL failed on cluster node %1: %2")
                                    .arg(port)
                                    .arg(QString::fromUtf8(answer)));
        ++masters;
    }
    if (masters == 0)
        return makeError(QStringLiteral("env"),
                         QStringLiteral("no master of the local cluster answered: it is not "
                                        "running"),
                         NextStep::forPath(NextStep::Action::StartLocalKv, QString()));
    return {};
}

bool LocalCluster::kill(quint16 port)
{
    const qint64 pid = pidOf(port);
    if (pid == 0)
        return false;
    ::kill(static_cast<pid_t>(pid), SIGKILL);
    const QDeadlineTimer deadline(5000);
    while (EnvProcess::alive(pid) && !EnvProcess::commandLine(pid).isEmpty() &&
           !deadline.hasExpired())
        QThread::msleep(10);
    return true;
}

Result<void> LocalCluster::restart(quint16 port)
{
    if (pidOf(port) != 0)
        return {};
    return startNode(port);
}

} // namespace pmkv
