#include "proxy/proxyconnection.h"

#include "core/logging.h"
#include "kv/kvstore.h"
#include "proxy/httpresponse.h"
#include "proxy/proxyexecutor.h"
#include "proxy/proxyrouter.h"
#include "proxy/proxyserver.h"
#include "proxy/replyjson.h"
#include "redis/clusterslotmap.h"
#include "redis/redisclient.h"

#include <QPointer>
#include <QScopeGuard>
#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace pmkv {

namespace {

constexpr qint64 readChunk = 256 * 1024;
constexpr qint64 maxPendingOutput = 4 * 1024 * 1024;
constexpr qint64 maxDrainBytes = 64 * 1024 * 1024;
constexpr qint64 drainTimeoutMs = 3000;

// Server-sent event framing: one `data:` line per line of the payload (SSE joins them back
// with '\n'), ended by a blank line.
QByteArray eventLines(const QByteArray& payload)
{
    QByteArray out;
    out.reserve(payload.size() + 16);
    for (const QByteArray& line : payload.split('\n')) {
        out.append("data: ", 6);
        out.append(line.endsWith('\r') ? line.chopped(1) : line);
        out.append('\n');
    }
    out.append('\n');
    return out;
}

} // namespace

ProxyConnection::ProxyConnection(QTcpSocket* socket, ProxyServer* server)
    : QObject(server), m_socket(socket), m_server(server), m_parser(server->config().limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(readChunk);
    // Answers go out as soon as they are written (no Nagle wait for the client's delayed ACK
    // on the last segment of a large response).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // A pipeline answer of a few MB should not trickle out in 16 KiB steps (the kernel's
    // initial send buffer) while the buffer auto-tunes; the kernel caps this at wmem_max.
    m_socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 2 * 1024 * 1024);
    m_lastActivity.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &ProxyConnection::readSocket);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        m_lastActivity.restart();
        if (m_draining) {
            if (m_socket->bytesToWrite() == 0)
                shutdownWriteSide();
            return;
        }
        if (!m_busy && m_socket->bytesToWrite() < maxPendingOutput)
            pump();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_closing = true;
        updateActive();
        deleteLater();
    });
    readSocket();
}

ProxyConnection::~ProxyConnection()
{
    m_closing = true;
    updateActive();
    m_server->adjustBuffered(-m_accounted);
    m_server->connectionGone(this);
}

void ProxyConnection::updateActive()
{
    const bool active =
        !m_closing && !m_draining && (m_busy || !m_parser.isIdle() || isStreaming());
    if (active != m_countedActive) {
        m_countedActive = active;
        m_server->noteActive(active);
    }
}

void ProxyConnection::closeNow()
{
    if (m_closing)
        return;
    m_closing = true;
    updateActive();
    m_socket->abort();
    m_server->connectionGone(this);
    deleteLater();
}

void ProxyConnection::updateAccounting()
{
    const qsizetype now = m_parser.bufferedBytes();
    m_server->adjustBuffered(now - m_accounted);
    m_accounted = now;
}

void ProxyConnection::resume()
{
    if (m_paused) {
        m_paused = false;
        readSocket();
    }
}

void ProxyConnection::readSocket()
{
    if (m_closing || isStreaming() || m_inRead)
        return;
    m_inRead = true;
    const HttpLimits& limits = m_server->config().limits;
    const qsizetype readAhead =
        limits.maxBody + limits.maxRequestLine + limits.maxHeaderBytes + readChunk;
    while (m_socket->bytesAvailable() > 0 && !m_closing) {
        if (m_draining) {
            m_drained += m_socket->skip(m_socket->bytesAvailable());
            if (m_drained > maxDrainBytes)
                m_socket->abort();
            continue;
        }
        // At most one request's worth ahead of what is being answered: a client that
        // pipelines without reading answers waits in TCP, not in our memory.
        if (m_parser.bufferedBytes() >= readAhead)
            break;
        if (m_server->overBudget()) {
            m_paused = true; // the kernel buffer fills, TCP slows the client down
            break;
        }
        char chunk[16 * 1024];
        const qint64 n = m_socket->read(chunk, sizeof chunk);
        if (n <= 0)
            break;
        if (m_parser.isIdle())
            m_requestStarted.start();
        m_lastActivity.restart();
        m_receivedAny = true;
#ifdef TCP_QUICKACK
        // Acknowledge at once: a client without TCP_NODELAY (QNetworkAccessManager) holds the
        // rest of its request until this ACK (Nagle), which Linux would delay by up to 40 ms.
        // The flag does not stick, so it is set after every read.
        const int one = 1;
        ::setsockopt(int(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &one,
                     sizeof one);
#endif
        m_parser.append(chunk, n);
        updateAccounting();
        if (m_parser.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        if (!m_busy)
            processNext();
    }
    m_inRead = false;
    updateActive();
}

void ProxyConnection::pump()
{
    if (m_inProcess)
        return; // the loop in processNext() goes on by itself: no recursion per request
    processNext();
    if (!m_busy && !m_closing && !m_draining && m_socket->bytesAvailable() > 0)
        readSocket();
}

void ProxyConnection::processNext()
{
    if (m_inProcess)
        return;
    m_inProcess = true;
    const auto done = qScopeGuard([this] { m_inProcess = false; });
    while (!m_busy && !m_closing && !isStreaming()) {
        if (m_socket->bytesToWrite() >= maxPendingOutput)
            return; // wait for the client to read what we wrote
        const auto status = m_parser.next();
        if (m_parser.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        if (status == HttpRequestParser::Status::NeedMore) {
            updateAccounting();
            return;
        }
        if (status == HttpRequestParser::Status::Error) {
            const int code = m_parser.errorStatus();
            QByteArray message = m_parser.errorMessage();
            if (!message.startsWith("ERR "))
                message.prepend("ERR ");
            failAndDrain(code, ReplyJson::error(message));
            return;
        }
        const HttpRequest request = m_parser.takeRequest();
        updateAccounting();
        if (m_parser.isIdle())
            m_requestStarted.invalidate();
        else
            m_requestStarted.start();
        handle(request);
    }
}

void ProxyConnection::handle(const HttpRequest& request)
{
    m_busy = true;
    m_keepAlive = request.keepAlive && !m_server->isShuttingDown();
    updateActive();
    if (m_server->activeConnections() > m_server->config().maxConnections) {
        reply(503, ReplyJson::error("ERR too many requests in progress, try again later"),
              m_keepAlive);
        return;
    }
    const ProxyPlan plan =
        ProxyRouter::plan(request, m_server->auth(), m_server->config().allowAdminCommands);
    switch (plan.kind) {
    case ProxyPlan::Kind::Respond:
        reply(plan.status, plan.body, m_keepAlive);
        return;
    case ProxyPlan::Kind::Subscribe:
        startEvents(plan);
        return;
    default:
        break;
    }
    QPointer<ProxyConnection> self(this);
    QPointer<ProxyServer> server(m_server);
    const bool writes = plan.writes;
    m_inExecutorRun = true;
    ProxyExecutor::Done done = [self, server, writes](int status, QByteArray body) {
        if (writes && server)
            server->noteWrite();
        if (!self)
            return;
        if (!self->m_inExecutorRun) {
            self->reply(status, body, self->m_keepAlive);
            return;
        }
        // Answered inside run() (nothing was sent to Redis): continue
        // from the event loop, not from inside handle().
        QMetaObject::invokeMethod(
            self.data(),
            [self, status, body = std::move(body)] {
                if (self)
                    self->reply(status, body, self->m_keepAlive);
            },
            Qt::QueuedConnection);
    };
    if (KvStore* cluster = m_server->cluster())
        ProxyExecutor::runOnCluster(*cluster, plan, m_server->config().maxResponse,
                                    std::move(done));
    else
        ProxyExecutor::run(m_server->redis(), m_server->bulkRedis(), plan,
                           m_server->config().maxResponse, std::move(done));
    m_inExecutorRun = false;
}

void ProxyConnection::reply(int status, const QByteArray& body, bool keepAlive)
{
    if (m_closing)
        return;
    HttpResponse::Headers headers{{"upstash-sync-token", m_server->syncToken()}};
    // Tells pmkv's own REST client that multi-key commands need their keys in one hash slot
    // (UpstashRestStore::capabilities); other clients ignore it.
    if (m_server->cluster())
        headers.append(qMakePair(QByteArrayLiteral("pmkv-hash-slots"), QByteArrayLiteral("1")));
    // Head and body as two writes: a pipeline's body is megabytes, not worth copying again.
    m_socket->write(HttpResponse::head(status, body.size(), headers, keepAlive));
    m_socket->write(body);
    // Hand it to the kernel now rather than on the next loop turn (m_busy is still set, so
    // the bytesWritten() this may emit does not start the next request from in here).
    m_socket->flush();
    m_lastActivity.restart();
    m_busy = false;
    if (!keepAlive || m_server->isShuttingDown()) {
        closeSoon();
        return;
    }
    pump();
    updateActive();
}

void ProxyConnection::failAndDrain(int status, const QByteArray& body)
{
    m_busy = true;
    m_draining = true;
    const HttpResponse::Headers headers{{"upstash-sync-token", m_server->syncToken()}};
    m_socket->write(HttpResponse::build(status, body, headers, false));
    m_lastActivity.restart();
    m_server->adjustBuffered(-m_accounted);
    m_accounted = 0;
    m_parser = HttpRequestParser(m_server->config().limits); // frees what it held
    updateActive();
    if (m_socket->bytesToWrite() == 0)
        shutdownWriteSide();
    readSocket();
}

void ProxyConnection::shutdownWriteSide()
{
    if (m_writeShut)
        return;
    m_writeShut = true;
    m_socket->flush();
    // FIN after the answer: the client sees the end of the response, we keep reading.
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
}

void ProxyConnection::closeSoon()
{
    m_closing = true;
    updateActive();
    m_socket->disconnectFromHost(); // after the pending bytes are written
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

void ProxyConnection::closeWhenIdle()
{
    if (m_draining) {
        m_closing = true;
        m_socket->abort();
        deleteLater();
    } else if (isStreaming() || (!m_busy && m_parser.isIdle())) {
        closeSoon();
    }
    // else: reply() closes after the answer because the server is shutting down.
}

void ProxyConnection::checkTimeouts()
{
    if (m_draining && !m_closing) {
        if (m_lastActivity.elapsed() > drainTimeoutMs) {
            m_closing = true;
            m_socket->abort();
            deleteLater();
        }
        return;
    }
    if (m_closing || isStreaming() || m_busy)
        return;
    const auto& limits = m_server->config();
    if (!m_parser.isIdle() && m_requestStarted.isValid() &&
        m_requestStarted.elapsed() > limits.requestTimeoutMs) {
        failAndDrain(408, ReplyJson::error("ERR the request did not arrive in time"));
        return;
    }
    // A connection that has sent nothing since it was made holds a socket for nothing.
    if (m_parser.isIdle() && !m_receivedAny && m_lastActivity.elapsed() > limits.headTimeoutMs) {
        closeNow();
        return;
    }
    if (m_parser.isIdle() && m_lastActivity.elapsed() > limits.idleTimeoutMs)
        closeSoon();
}

void ProxyConnection::startEvents(const ProxyPlan& plan)
{
    const HttpResponse::Headers headers{{"upstash-sync-token", m_server->syncToken()}};
    m_socket->write(HttpResponse::streamHead(200, headers, "text/event-stream"));
    m_streaming = true;
    updateActive();
    KvStore* cluster = m_server->cluster();
    if (!cluster) {
        subscribeOn(m_server->config().redis, plan.commands[0]);
        return;
    }
    // On a cluster PUBLISH goes to the master of slot 0 (it names no key), and Redis counts
    // in its answer only the subscribers on the node it reached: subscribed there too, the
    // count is this proxy's subscribers, as on one Redis. The messages reach every node.
    QPointer<ProxyConnection> self(this);
    const KvCommand command = plan.commands[0];
    cluster->execute({{QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("SLOTS")}})
        .then(cluster, [self, command](const Result<KvStore::Replies>& r) {
            if (!self || self->m_closing)
                return;
            const ProxyConfig& config = self->m_server->config();
            const ClusterEndpoint seed{config.redis.host(), config.redis.port()};
            auto map = r.ok() ? ClusterSlotMap::fromClusterSlots(r.value().value(0), seed)
                              : Result<ClusterSlotMap>(r.error());
            if (!map || map.value().masterOf(0) < 0) {
                const QString why =
                    map ? QStringLiteral("no master serves hash slot 0") : map.error().message;
                self->m_socket->write(eventLines("error," + why.toUtf8()));
                self->closeSoon();
                return;
            }
            const ClusterEndpoint& master = map.value().masters().at(map.value().masterOf(0));
            self->subscribeOn(config.cluster->node(master.host, master.port), command);
        });
}

void ProxyConnection::subscribeOn(const RedisAddress& node, const KvCommand& command)
{
    m_subscriber = new RedisClient(node, this);
    m_subscriber->open();
    QPointer<ProxyConnection> self(this);
    m_subscriber->subscribe(command, [self](const Result<KvReply>& r) {
        if (!self || self->m_closing)
            return;
        if (!r.ok()) {
            self->m_socket->write(eventLines("error," + r.error().message.toUtf8()));
            self->closeSoon();
            return;
        }
        const KvReply& m = r.value();
        if (m.type != KvReply::Type::Array)
            return;
        QByteArray payload;
        for (qsizetype i = 0; i < m.elements.size(); ++i) {
            if (i)
                payload.append(',');
            const KvReply& e = m.elements[i];
            payload.append(e.type == KvReply::Type::Integer ? QByteArray::number(e.integer)
                                                            : e.bytes);
        }
        self->m_socket->write(eventLines(payload));
    });
}

} // namespace pmkv
