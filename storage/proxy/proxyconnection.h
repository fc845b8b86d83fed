#pragma once

#include "proxy/httprequestparser.h"
#include "proxy/proxyplan.h"

#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

namespace pmkv {

class ProxyServer;
class RedisAddress;
class RedisClient;

// One client socket of pmkv-proxy: reads requests (one at a time, pipelined requests wait),
// runs them through ProxyRouter/ProxyExecutor and writes the answers; or streams server-sent
// events for /subscribe. Owned by the server; deletes itself when the socket closes.
class ProxyConnection final : public QObject
{
    Q_OBJECT

public:
    ProxyConnection(QTcpSocket* socket, ProxyServer* server);
    ~ProxyConnection() override;

    // Reads again after the server's memory budget freed up.
    void resume();
    // Closes now if idle, else after the answer in progress.
    void closeWhenIdle();
    // Called every second by the server: idle, head and slow-request timeouts.
    void checkTimeouts();
    bool isStreaming() const { return m_streaming; }
    // A request is being received, run or answered, or an event stream is open.
    bool isActive() const { return m_countedActive; }
    bool isClosing() const { return m_closing; }
    qint64 idleMs() const { return m_lastActivity.elapsed(); }
    // Closes at once (the server makes room for a new connection).
    void closeNow();

private:
    void readSocket();
    void processNext();
    // processNext(), then reads on if the socket has bytes we stopped reading earlier.
    void pump();
    void handle(const HttpRequest& request);
    void reply(int status, const QByteArray& body, bool keepAlive);
    // Answers a request that cannot be read (limits, malformed HTTP), then discards what the
    // client still sends until it closes (bounded in time and bytes), so the client reads
    // the answer instead of a connection reset.
    void failAndDrain(int status, const QByteArray& body);
    void shutdownWriteSide();
    void startEvents(const ProxyPlan& plan);
    // SUBSCRIBE or PSUBSCRIBE on a connection of its own to `node`, its messages as events.
    void subscribeOn(const RedisAddress& node, const KvCommand& command);
    void closeSoon();
    void updateAccounting();
    // Tells the server when the connection starts or stops having a request in progress.
    void updateActive();

    QTcpSocket* m_socket;
    ProxyServer* m_server;
    HttpRequestParser m_parser;
    RedisClient* m_subscriber = nullptr;
    bool m_streaming = false; // an event stream was started (its subscriber may be on its way)
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_requestStarted;
    qsizetype m_accounted = 0;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_paused = false;
    bool m_draining = false;
    bool m_inRead = false;
    bool m_inProcess = false;
    bool m_inExecutorRun = false; // ProxyExecutor::run() is on the stack
    bool m_writeShut = false;
    bool m_receivedAny = false; // a byte came since the connection was made
    bool m_countedActive = false;
    qint64 m_drained = 0;
};

} // namespace pmkv
