#include "proxy/proxyserver.h"

#include "core/logging.h"
#include "proxy/httpresponse.h"
#include "proxy/proxyconnection.h"
#include "proxy/replyjson.h"
#include "redis/redisclient.h"
#include "redis/redisclusterstore.h"

#include <QRandomGenerator>
#include <QTcpSocket>

#include <sys/resource.h>

namespace pmkv {

ProxyServer::ProxyServer(ProxyConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)),
      m_auth(m_config.tokens, m_config.readOnlyTokens),
      m_redis(new RedisClient(m_config.redis, this)), m_bulk(new RedisClient(m_config.redis, this))
{
    // No reply larger than an answer may be is ever read whole (ProxyExecutor).
    m_redis->setMaxReplyBytes(m_config.maxResponse);
    m_bulk->setMaxReplyBytes(m_config.maxResponse);
    if (m_config.cluster)
        m_cluster = new RedisClusterStore(*m_config.cluster, false, this);
    // The process's descriptors bound the sockets too (a few kept for Redis, logs, ...).
    rlimit files{};
    m_socketCap = m_config.maxOpenConnections;
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        m_socketCap = int(qMin<rlim_t>(rlim_t(m_socketCap), qMax<rlim_t>(16, files.rlim_cur - 32)));
    m_syncPrefix = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    m_server.setMaxPendingConnections(128);
    connect(&m_server, &QTcpServer::newConnection, this, &ProxyServer::acceptConnections);
    m_sweepTimer.setInterval(1000);
    connect(&m_sweepTimer, &QTimer::timeout, this, &ProxyServer::sweep);
    m_shutdownDeadline.setSingleShot(true);
    connect(&m_shutdownDeadline, &QTimer::timeout, this, [this] {
        const auto connections = m_connections;
        for (ProxyConnection* c : connections)
            delete c;
        m_connections.clear();
        maybeFinish();
    });
}

ProxyServer::~ProxyServer()
{
    const auto connections = m_connections;
    m_connections.clear();
    for (ProxyConnection* c : connections)
        delete c;
}

Result<void> ProxyServer::listen()
{
    if (!m_server.listen(m_config.listenAddress, m_config.listenPort)) {
        return makeError(QStringLiteral("listen-failed"),
                         QStringLiteral("cannot listen on %1:%2: %3. Is another server using "
                                        "that port? Pick another with --listen HOST:PORT.")
                             .arg(m_config.listenHost)
                             .arg(m_config.listenPort)
                             .arg(m_server.errorString()));
    }
    if (!m_cluster)
        m_redis->open();
    m_sweepTimer.start();
    qCInfo(lcProxy) << "listening on" << m_config.listenHost << m_server.serverPort() << "redis"
                    << (m_cluster ? m_cluster->describe() : m_config.redis.describe());
    return {};
}

QByteArray ProxyServer::syncToken() const
{
    return m_syncPrefix + '-' + QByteArray::number(m_writes);
}

void ProxyServer::adjustBuffered(qsizetype delta)
{
    const bool wasOver = overBudget();
    m_buffered += delta;
    if (wasOver && !overBudget()) {
        const auto connections = m_connections;
        for (ProxyConnection* c : connections) {
            if (m_connections.contains(c))
                c->resume();
            if (overBudget())
                break;
        }
    }
}

void ProxyServer::acceptConnections()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        if (m_shuttingDown || (m_connections.size() >= m_socketCap && !makeRoom())) {
            socket->write(HttpResponse::build(
                503, ReplyJson::error("ERR too many connections, try again later"),
                {{"upstash-sync-token", syncToken()}}, false));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        m_connections.insert(new ProxyConnection(socket, this));
    }
}

bool ProxyServer::makeRoom()
{
    ProxyConnection* oldest = nullptr;
    for (ProxyConnection* c : std::as_const(m_connections)) {
        if (!c->isActive() && !c->isClosing() && (!oldest || c->idleMs() > oldest->idleMs()))
            oldest = c;
    }
    if (!oldest)
        return false;
    oldest->closeNow(); // removes itself from m_connections
    return true;
}

void ProxyServer::connectionGone(ProxyConnection* connection)
{
    m_connections.remove(connection);
    maybeFinish();
}

void ProxyServer::sweep()
{
    const auto connections = m_connections;
    for (ProxyConnection* c : connections) {
        if (m_connections.contains(c))
            c->checkTimeouts();
    }
}

void ProxyServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_server.close();
    qCInfo(lcProxy) << "shutting down," << m_connections.size() << "connections open";
    const auto connections = m_connections;
    for (ProxyConnection* c : connections) {
        if (m_connections.contains(c))
            c->closeWhenIdle();
    }
    m_shutdownDeadline.start(5000);
    maybeFinish();
}

void ProxyServer::maybeFinish()
{
    if (!m_shuttingDown || m_finished || !m_connections.isEmpty())
        return;
    m_finished = true;
    m_shutdownDeadline.stop();
    m_sweepTimer.stop();
    QMetaObject::invokeMethod(this, &ProxyServer::finished, Qt::QueuedConnection);
}

} // namespace pmkv
