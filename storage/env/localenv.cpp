#include "env/localenv.h"

#include "env/envprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace pmkv {

namespace {

Error envError(const QString& message, NextStep next = {})
{
    return makeError(QStringLiteral("env"), message, std::move(next));
}

// One request/answer exchange on a fresh loopback connection.
QByteArray exchange(quint16 port, const QByteArray& request, int timeoutMs = 1000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(request);
    QByteArray answer;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            answer += s.readAll();
        if (answer.contains("\r\n\r\n") || answer.endsWith("\r\n"))
            break;
    }
    return answer + s.readAll();
}

} // namespace

LocalEnv::LocalEnv(Options options) : m_options(std::move(options))
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    loadRecordedPorts();
    if (m_options.proxyBinary.isEmpty())
        m_options.proxyBinary = findProxyBinary();
}

QString LocalEnv::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/pmkv-studio/env");
}

QString LocalEnv::lastDataDirFile()
{
    return defaultDataDir() + QStringLiteral(".last");
}

QString LocalEnv::lastDataDir()
{
    QFile f(lastDataDirFile());
    if (f.open(QIODevice::ReadOnly)) {
        const QString dir = QString::fromUtf8(f.readAll()).trimmed();
        if (!dir.isEmpty() && QFileInfo(dir).isDir())
            return dir;
    }
    return defaultDataDir();
}

void LocalEnv::rememberAsLast() const
{
    const QString dir = QFileInfo(m_options.dataDir).absoluteFilePath();
    if (dir == QFileInfo(defaultDataDir()).absoluteFilePath()) {
        QFile::remove(lastDataDirFile());
        return;
    }
    QDir().mkpath(QFileInfo(lastDataDirFile()).absolutePath());
    QFile f(lastDataDirFile());
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(dir.toUtf8() + '\n');
}

void LocalEnv::forgetAsLast() const
{
    if (lastDataDir() == QFileInfo(m_options.dataDir).absoluteFilePath())
        QFile::remove(lastDataDirFile());
}

QString LocalEnv::findProxyBinary()
{
    const QString fromEnv = qEnvironmentVariable("PMKV_PROXY_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString dir = QCoreApplication::applicationDirPath();
    const QStringList candidates{dir + QStringLiteral("/pmkv-proxy"),
                                 dir + QStringLiteral("/../pmkv-proxy/pmkv-proxy")};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("pmkv-proxy"));
}

bool LocalEnv::portIsFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

QString LocalEnv::path(const QString& name) const
{
    return m_options.dataDir + QLatin1Char('/') + name;
}

QString LocalEnv::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_options.proxyPort);
}

Result<QStringList> LocalEnv::envLocalLines()
{
    auto secret = token();
    if (!secret)
        return secret.error();
    return QStringList{QStringLiteral("UPSTASH_REDIS_REST_URL=") + url(),
                       QStringLiteral("UPSTASH_REDIS_REST_TOKEN=") +
                           QString::fromUtf8(secret.value())};
}

void LocalEnv::loadRecordedPorts()
{
    QFile f(path(QStringLiteral("env.json")));
    QJsonObject o;
    if (f.open(QIODevice::ReadOnly))
        o = QJsonDocument::fromJson(f.readAll()).object();
    const bool recordedCluster = o.value(QStringLiteral("cluster")).toBool(false);
    if (!m_options.cluster)
        m_options.cluster = recordedCluster;
    if (m_options.proxyPort == 0)
        m_options.proxyPort = quint16(o.value(QStringLiteral("proxyPort")).toInt(8080));
    // The recorded Redis port is a cluster's first node or a single server's: only reused
    // for the same kind.
    const int defaultRedisPort = isCluster() ? 7001 : 6379;
    if (m_options.redisPort == 0)
        m_options.redisPort =
            quint16(recordedCluster == isCluster()
                        ? o.value(QStringLiteral("redisPort")).toInt(defaultRedisPort)
                        : defaultRedisPort);
}

LocalCluster LocalEnv::cluster() const
{
    LocalCluster::Options options;
    options.dataDir = path(QStringLiteral("cluster"));
    options.firstPort = m_options.redisPort;
    options.redisBinary = m_options.redisBinary;
    return LocalCluster(options);
}

QString LocalEnv::redisUrl() const
{
    return isCluster() ? cluster().url()
                       : QStringLiteral("redis://127.0.0.1:%1").arg(m_options.redisPort);
}

Result<void> LocalEnv::recordPorts() const
{
    const QJsonObject o{{QStringLiteral("proxyPort"), m_options.proxyPort},
                        {QStringLiteral("redisPort"), m_options.redisPort},
                        {QStringLiteral("cluster"), isCluster()}};
    QFile f(path(QStringLiteral("env.json")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(QJsonDocument(o).toJson()) < 0)
        return envError(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

Result<QByteArray> LocalEnv::token()
{
    const QString file = path(QStringLiteral("token"));
    QFile f(file);
    if (f.exists()) {
        if (!f.open(QIODevice::ReadOnly))
            return envError(
                QStringLiteral("cannot read the proxy token in %1: %2").arg(file, f.errorString()));
        const QByteArray t = f.readAll().trimmed();
        if (!t.isEmpty())
            return t;
        f.close();
    }
    QByteArray t;
    for (int i = 0; i < 4; ++i)
        t += QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                 .rightJustified(16, '0');
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return envError(
            QStringLiteral("cannot write the proxy token to %1: %2").arg(file, f.errorString()));
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(t + '\n');
    return t;
}

LocalEnv::ProcessStatus LocalEnv::processStatus(const QString& pidFile, const QByteArray& program,
                                                quint16 port) const
{
    ProcessStatus s;
    s.port = port;
    const qint64 pid = EnvProcess::readPid(pidFile);
    if (pid == 0) {
        s.detail = QStringLiteral("not started by this environment (no pid file)");
        return s;
    }
    const QByteArray cmd = EnvProcess::commandLine(pid);
    if (!EnvProcess::alive(pid) || !cmd.contains(program)) {
        s.detail = QStringLiteral("not running (stale pid file %1)").arg(pidFile);
        return s;
    }
    s.running = true;
    s.pid = pid;
    return s;
}

LocalEnv::Status LocalEnv::status() const
{
    Status st;
    st.dataDir = m_options.dataDir;
    st.cluster = isCluster();
    if (isCluster())
        st.redis = clusterStatus();
    else
        st.redis =
            processStatus(path(QStringLiteral("redis.pid")), "redis-server", m_options.redisPort);
    st.proxy = processStatus(path(QStringLiteral("proxy.pid")), "pmkv-proxy", m_options.proxyPort);
    if (st.redis.running && !isCluster()) {
        st.redis.healthy = redisHealthy(m_options.redisPort);
        if (!st.redis.healthy)
            st.redis.detail = QStringLiteral("running but not answering PING on port %1")
                                  .arg(m_options.redisPort);
    }
    if (st.proxy.running) {
        QFile f(path(QStringLiteral("token")));
        const QByteArray t = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
        st.proxy.healthy = proxyHealthy(m_options.proxyPort, t);
        if (!st.proxy.healthy)
            st.proxy.detail = QStringLiteral("running but %1/ping does not answer").arg(url());
    }
    return st;
}

LocalEnv::ProcessStatus LocalEnv::clusterStatus() const
{
    const LocalCluster::Status c = cluster().status();
    ProcessStatus s;
    s.port = m_options.redisPort;
    s.running = c.running > 0;
    s.healthy = c.healthy;
    s.nodes = c.running;
    s.detail = c.running == 0 ? QStringLiteral("no node of the cluster is running") : c.detail;
    return s;
}

bool LocalEnv::redisHealthy(quint16 port) const
{
    return exchange(port, "PING\r\n").startsWith("+PONG");
}

bool LocalEnv::proxyHealthy(quint16 port, const QByteArray& token) const
{
    const QByteArray answer =
        exchange(port, "GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                           "\r\nConnection: close\r\n\r\n");
    return answer.startsWith("HTTP/1.1 200") && answer.contains("\"PONG\"");
}

Result<void> LocalEnv::startRedis()
{
    const QString dir = path(QStringLiteral("redis"));
    if (!QDir().mkpath(dir))
        return envError(QStringLiteral("cannot create the Redis data folder %1").arg(dir));
    const QStringList args{QStringLiteral("--port"),       QString::number(m_options.redisPort),
                           QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                           QStringLiteral("--dir"),        dir,
                           QStringLiteral("--appendonly"), QStringLiteral("yes"),
                           QStringLiteral("--daemonize"),  QStringLiteral("yes"),
                           QStringLiteral("--pidfile"),    path(QStringLiteral("redis.pid")),
                           QStringLiteral("--logfile"),    path(QStringLiteral("redis.log"))};
    QProcess p;
    p.start(m_options.redisBinary, args);
    if (!p.waitForStarted(5000))
        return envError(QStringLiteral("cannot run %1: %2. Install Redis (apt install "
                                       "redis-server) or put it on PATH.")
                            .arg(m_options.redisBinary, p.errorString()));
    p.waitForFinished(10000);
    if (p.exitCode() != 0)
        return envError(QStringLiteral("redis-server did not start (exit code %1): %2 See %3.")
                            .arg(p.exitCode())
                            .arg(QString::fromLocal8Bit(p.readAllStandardOutput().trimmed()),
                                 path(QStringLiteral("redis.log"))));
    return {};
}

Result<void> LocalEnv::startProxy(const QByteArray& token)
{
    if (m_options.proxyBinary.isEmpty() || !QFileInfo(m_options.proxyBinary).isExecutable())
        return envError(QStringLiteral("cannot find pmkv-proxy (looked beside pmkv, in the build "
                                       "tree and on PATH); set PMKV_PROXY_BIN to its path"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QString::fromUtf8(token));
    env.remove(QStringLiteral("PMKV_PROXY_READONLY_TOKEN"));
    env.remove(QStringLiteral("PMKV_PROXY_REDIS_URL"));
    p.setProcessEnvironment(env);
    p.setProgram(m_options.proxyBinary);
    p.setArguments({QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:%1").arg(m_options.proxyPort),
                    QStringLiteral("--redis"), redisUrl()});
    p.setStandardOutputFile(path(QStringLiteral("proxy.log")), QIODevice::Append);
    p.setStandardErrorFile(path(QStringLiteral("proxy.log")), QIODevice::Append);
    p.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return envError(
            QStringLiteral("cannot start %1: %2").arg(m_options.proxyBinary, p.errorString()));
    QFile f(path(QStringLiteral("proxy.pid")));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(QByteArray::number(pid) + '\n') < 0)
        return envError(QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    return {};
}

Result<LocalEnv::Status> LocalEnv::up(QStringList* started)
{
    if (!QDir().mkpath(m_options.dataDir))
        return envError(QStringLiteral("cannot create %1").arg(m_options.dataDir));
    auto tok = token();
    if (!tok)
        return tok.error();
    Status st = status();
    // A port that somebody else holds: say so before starting anything (LocalCluster checks
    // its own six).
    if (!isCluster() && !st.redis.running && !portIsFree(m_options.redisPort))
        return makeError(QStringLiteral("env.redis-port"),
                         QStringLiteral("port %1 (Redis) is taken by another program: stop it or "
                                        "pick another port")
                             .arg(m_options.redisPort));
    // A node's bus port is bound only once the node starts: a proxy port equal to one would
    // look free here and then fail to listen.
    if (isCluster()) {
        if (const quint16 node = cluster().nodeUsing(m_options.proxyPort))
            return makeError(QStringLiteral("env.proxy-port"),
                             QStringLiteral("port %1 (pmkv-proxy) is %2 of the cluster node on "
                                            "port %3: pick another port for the proxy (--port)")
                                 .arg(m_options.proxyPort)
                                 .arg(node == m_options.proxyPort
                                          ? QStringLiteral("the port")
                                          : QStringLiteral("the cluster bus port"))
                                 .arg(node));
    }
    if (!st.proxy.running && !portIsFree(m_options.proxyPort))
        return makeError(QStringLiteral("env.proxy-port"),
                         QStringLiteral("port %1 (pmkv-proxy) is taken by another program: stop "
                                        "it or pick another port")
                             .arg(m_options.proxyPort));
    if (st.redis.running && st.proxy.running && st.allHealthy()) {
        rememberAsLast();
        return st;
    }
    auto recorded = recordPorts();
    if (!recorded)
        return recorded.error();

    if (isCluster()) {
        // Starts the nodes that are not running and waits until the cluster is healthy.
        auto up = cluster().up(started);
        if (!up)
            return up.error();
    } else if (!st.redis.running) {
        QFile::remove(path(QStringLiteral("redis.pid")));
        auto r = startRedis();
        if (!r)
            return r.error();
        if (started)
            started->append(QStringLiteral("redis-server"));
    }
    const QDeadlineTimer deadline(m_options.healthTimeoutMs);
    while (!isCluster() && !redisHealthy(m_options.redisPort)) {
        if (deadline.hasExpired())
            return envError(QStringLiteral("redis-server on port %1 did not answer within %2 s; "
                                           "see %3")
                                .arg(m_options.redisPort)
                                .arg(m_options.healthTimeoutMs / 1000)
                                .arg(path(QStringLiteral("redis.log"))));
        QThread::msleep(50);
    }
    if (!st.proxy.running) {
        auto r = startProxy(tok.value());
        if (!r)
            return r.error();
        if (started)
            started->append(QStringLiteral("pmkv-proxy"));
    }
    while (!proxyHealthy(m_options.proxyPort, tok.value())) {
        const qint64 pid = EnvProcess::readPid(path(QStringLiteral("proxy.pid")));
        if (!EnvProcess::alive(pid) || deadline.hasExpired())
            return envError(QStringLiteral("pmkv-proxy on port %1 did not become healthy; see %2")
                                .arg(m_options.proxyPort)
                                .arg(path(QStringLiteral("proxy.log"))));
        QThread::msleep(50);
    }
    rememberAsLast();
    return status();
}

Result<void> LocalEnv::down(QStringList* stopped)
{
    // The proxy first, so that clients see a closed port rather than Redis errors.
    const std::pair<QString, QByteArray> order[] = {
        {path(QStringLiteral("proxy.pid")), "pmkv-proxy"},
        {path(QStringLiteral("redis.pid")), "redis-server"}};
    for (const auto& [file, program] : order) {
        const ProcessStatus s = processStatus(file, program, 0);
        if (s.running) {
            if (!EnvProcess::stop(s.pid, 15000))
                return envError(QStringLiteral("%1 (pid %2) did not stop within 15 s")
                                    .arg(QString::fromLatin1(program))
                                    .arg(s.pid));
            if (stopped)
                stopped->append(QString::fromLatin1(program));
        }
        QFile::remove(file);
    }
    if (isCluster()) {
        auto r = cluster().down(stopped);
        if (!r)
            return r;
    }
    forgetAsLast();
    return {};
}

Result<void> LocalEnv::flush()
{
    if (isCluster())
        return cluster().flush();
    const Status st = status();
    if (!st.redis.running || !st.redis.healthy)
        return envError(QStringLiteral("the local Redis is not running (%1); start it first")
                            .arg(st.redis.detail),
                        NextStep::forPath(NextStep::Action::StartLocalKv, QString()));
    const QByteArray answer = exchange(m_options.redisPort, "FLUSHALL\r\n", 10000);
    if (!answer.startsWith("+OK"))
        return envError(QStringLiteral("FLUSHALL failed on port %1: %2")
                            .arg(m_options.redisPort)
                            .arg(QString::fromUtf8(answer.trimmed())));
    return {};
}

} // namespace pmkv
