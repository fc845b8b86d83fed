#include "redis/redisclient.h"

#include "core/logging.h"
#include "redis/hiredisreply.h"

#include <QPointer>
#include <QSocketNotifier>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <hiredis/sds.h>

#include <cerrno>
#include <vector>

#include <sys/ioctl.h>
#include <sys/socket.h>

// hiredis 0.14 exports this (redisAsyncHandleRead() is its read plus this call) but does not
// declare it in async.h; later versions do.
extern "C" void redisProcessCallbacks(redisAsyncContext* ac);

namespace pmkv {

struct RedisClient::Pending
{
    RedisClient* client;
    Callback callback;
};

namespace {

// Output bytes hiredis may hold before further commands wait in the backlog.
constexpr qsizetype maxHandedOutput = 256 * 1024;

} // namespace

// The C callbacks hiredis calls; they forward to the client.
struct RedisClientHooks
{
    static RedisClient* client(void* p) { return static_cast<RedisClient*>(p); }
    static void addRead(void* p)
    {
        if (auto* n = client(p)->m_readNotifier)
            n->setEnabled(true);
    }
    static void delRead(void* p)
    {
        if (auto* n = client(p)->m_readNotifier)
            n->setEnabled(false);
    }
    static void addWrite(void* p)
    {
        if (auto* n = client(p)->m_writeNotifier)
            n->setEnabled(true);
    }
    static void delWrite(void* p)
    {
        if (auto* n = client(p)->m_writeNotifier)
            n->setEnabled(false);
    }
    static void cleanup(void* p)
    {
        RedisClient* c = client(p);
        // May run inside the notifier's own activated(): disable now, delete later.
        for (QSocketNotifier** n : {&c->m_readNotifier, &c->m_writeNotifier}) {
            if (*n) {
                (*n)->setEnabled(false);
                (*n)->deleteLater();
                *n = nullptr;
            }
        }
    }
    static void onConnect(const redisAsyncContext* ac, int status)
    {
        RedisClient* c = client(ac->data);
        if (status != REDIS_OK)
            c->m_lastError = QString::fromLocal8Bit(ac->errstr);
        c->handleConnect(status == REDIS_OK);
    }
    static void onDisconnect(const redisAsyncContext* ac, int status)
    {
        RedisClient* c = client(ac->data);
        if (status != REDIS_OK)
            c->m_lastError = QString::fromLocal8Bit(ac->errstr);
        c->handleDisconnect(status != REDIS_OK);
    }
    static Error failure(redisAsyncContext* ac, RedisClient* c)
    {
        return c->lostError(ac && ac->err ? QString::fromLocal8Bit(ac->errstr)
                                          : QStringLiteral("connection lost"));
    }
    static void onReply(redisAsyncContext* ac, void* reply, void* privdata)
    {
        auto* pending = static_cast<RedisClient::Pending*>(privdata);
        --pending->client->m_waiting;
        if (reply)
            pending->callback(HiredisReply::convert(static_cast<redisReply*>(reply)));
        else
            pending->callback(failure(ac, pending->client));
        delete pending;
    }
    static void onMessage(redisAsyncContext* ac, void* reply, void* privdata)
    {
        auto* callback = static_cast<RedisClient::Callback*>(privdata);
        auto* c = client(ac->data);
        if (reply)
            (*callback)(HiredisReply::convert(static_cast<redisReply*>(reply)));
        else
            (*callback)(failure(ac, c));
    }
};

RedisClient::RedisClient(RedisAddress address, QObject* parent)
    : QObject(parent), m_address(std::move(address))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisClient::startConnect);
    connect(&m_progressTimer, &QTimer::timeout, this, &RedisClient::checkProgress);
    setReplyTimeoutMs(m_address.replyTimeoutMs());
}

void RedisClient::setReplyTimeoutMs(int ms)
{
    m_replyTimeoutMs = qMax(0, ms);
    // Checked a few times per timeout: it fires between 1 and 1.25 timeouts after the last
    // byte moved.
    m_progressTimer.setInterval(qMax(20, m_replyTimeoutMs / 4));
    if (m_replyTimeoutMs == 0)
        m_progressTimer.stop();
}

void RedisClient::noteProgress()
{
    m_lastProgress.restart();
}

void RedisClient::checkProgress()
{
    if (!m_ctx || (m_waiting == 0 && m_backlog.empty())) {
        m_progressTimer.stop();
        return;
    }
    if (m_replyTimeoutMs == 0 || m_lastProgress.elapsed() < m_replyTimeoutMs)
        return;
    m_lastError = QStringLiteral("nothing arrived for %1 s while %2 commands waited")
                      .arg(double(m_replyTimeoutMs) / 1000.0)
                      .arg(m_waiting + qint64(m_backlog.size()));
    qCWarning(lcRedis) << m_address.describe() << m_lastError;
    m_progressTimer.stop();
    // Frees the context: every command waiting fails ("redis-timeout", see lostError()), the
    // disconnect callback schedules a new connection.
    m_timedOut = true;
    redisAsyncContext* ctx = m_ctx;
    m_ctx = nullptr; // a callback that sends again is told "unavailable", not queued here
    redisAsyncFree(ctx);
    m_waiting = 0;
    failBacklog();
    m_timedOut = false;
    if (m_state == State::Connected || m_state == State::Connecting) {
        scheduleReconnect();
        Q_EMIT disconnected(m_lastError);
    }
}

RedisClient::~RedisClient()
{
    close();
}

void RedisClient::open()
{
    m_wantOpen = true;
    m_closing = false;
    if (m_state == State::Idle)
        startConnect();
}

void RedisClient::close()
{
    m_wantOpen = false;
    m_reconnectTimer.stop();
    if (m_ctx) {
        m_closing = true;
        redisAsyncContext* ctx = m_ctx;
        // Frees the context; pending callbacks run with a null reply ("redis-closed").
        redisAsyncFree(ctx);
        m_ctx = nullptr;
    }
    failBacklog();
    m_subscriptions.clear();
    m_state = State::Idle;
}

void RedisClient::startConnect()
{
    if (m_ctx || !m_wantOpen)
        return;
    m_state = State::Connecting;
    redisAsyncContext* ac =
        m_address.isUnixSocket()
            ? redisAsyncConnectUnix(m_address.socketPath().toLocal8Bit().constData())
            : redisAsyncConnect(m_address.host().toLocal8Bit().constData(), m_address.port());
    if (!ac || ac->err) {
        m_lastError = ac ? QString::fromLocal8Bit(ac->errstr) : QStringLiteral("out of memory");
        if (ac)
            redisAsyncFree(ac);
        qCWarning(lcRedis) << "cannot connect to" << m_address.describe() << m_lastError;
        scheduleReconnect();
        return;
    }
    m_ctx = ac;
    ac->data = this;
    ac->ev.data = this;
    ac->ev.addRead = &RedisClientHooks::addRead;
    ac->ev.delRead = &RedisClientHooks::delRead;
    ac->ev.addWrite = &RedisClientHooks::addWrite;
    ac->ev.delWrite = &RedisClientHooks::delWrite;
    ac->ev.cleanup = &RedisClientHooks::cleanup;
    m_readNotifier = new QSocketNotifier(ac->c.fd, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(ac->c.fd, QSocketNotifier::Write, this);
    m_readNotifier->setEnabled(false);
    // A new connection starts a new byte stream.
    m_guard = m_maxReplyBytes > 0 ? std::make_unique<RespSizeGuard>(m_maxReplyBytes) : nullptr;
    connect(m_readNotifier, &QSocketNotifier::activated, this, &RedisClient::readSocket);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &RedisClient::writeSome);
    // The write event tells hiredis the non-blocking connect finished.
    m_writeNotifier->setEnabled(true);
    redisAsyncSetConnectCallback(ac, &RedisClientHooks::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisClientHooks::onDisconnect);

    // Log in and pick the database before anything else goes out on this connection.
    if (m_address.hasPassword()) {
        KvCommand auth{QByteArrayLiteral("AUTH")};
        if (!m_address.user().isEmpty())
            auth.append(m_address.user().toUtf8());
        auth.append(m_address.password().toUtf8());
        send(auth, [this](const Result<KvReply>& r) {
            if (r.ok() && r.value().isError()) {
                m_lastError = QStringLiteral("Redis refused the login (AUTH): %1")
                                  .arg(QString::fromUtf8(r.value().bytes));
                qCWarning(lcRedis) << m_address.describe() << m_lastError;
                if (m_ctx)
                    redisAsyncDisconnect(m_ctx);
            }
        });
    }
    if (m_address.database() != 0) {
        send({QByteArrayLiteral("SELECT"), QByteArray::number(m_address.database())},
             [this](const Result<KvReply>& r) {
                 if (r.ok() && r.value().isError()) {
                     m_lastError = QStringLiteral("Redis refused database %1 (SELECT): %2")
                                       .arg(m_address.database())
                                       .arg(QString::fromUtf8(r.value().bytes));
                     qCWarning(lcRedis) << m_address.describe() << m_lastError;
                     if (m_ctx)
                         redisAsyncDisconnect(m_ctx);
                 }
             });
    }
}

void RedisClient::readSocket()
{
    noteProgress();
    if (m_guard && m_ctx && (m_ctx->c.flags & REDIS_CONNECTED)) {
        readGuarded();
        return;
    }
    // hiredis reads at most 16 KB per call: drain what the kernel already holds before going
    // back to poll(), so a pipeline of large replies costs far fewer loop turns.
    const QPointer<RedisClient> self(this);
    for (int turn = 0; turn < 64 && m_ctx; ++turn) {
        redisAsyncHandleRead(m_ctx);
        if (!self || !m_ctx || !m_readNotifier || !m_readNotifier->isEnabled())
            break;
        int pending = 0;
        if (::ioctl(m_ctx->c.fd, FIONREAD, &pending) != 0 || pending <= 0)
            break;
    }
}

void RedisClient::readGuarded()
{
    // What redisAsyncHandleRead() does (read, feed the reader, run the callbacks), with the
    // guard in between; the end of the stream and errors are left to hiredis itself.
    const QPointer<RedisClient> self(this);
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    QByteArray passed;
    for (int turn = 0; turn < 64 && m_ctx; ++turn) {
        const ssize_t n = ::recv(m_ctx->c.fd, chunk.data(), size_t(chunk.size()), MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            redisAsyncHandleRead(m_ctx); // reads the end or the error again, and disconnects
            return;
        }
        passed.clear();
        m_guard->feed(chunk.constData(), n, passed);
        if (!passed.isEmpty() && redisReaderFeed(m_ctx->c.reader, passed.constData(),
                                                 size_t(passed.size())) != REDIS_OK) {
            redisAsyncDisconnect(m_ctx);
            return;
        }
        redisProcessCallbacks(m_ctx);
        if (!self || !m_ctx)
            return;
    }
}

void RedisClient::setMaxReplyBytes(qint64 bytes)
{
    m_maxReplyBytes = qMax<qint64>(0, bytes);
}

void RedisClient::scheduleReconnect()
{
    m_state = m_wantOpen ? State::WaitingToReconnect : State::Idle;
    if (!m_wantOpen)
        return;
    m_reconnectTimer.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, 5000);
}

void RedisClient::handleConnect(bool ok)
{
    if (ok) {
        m_state = State::Connected;
        m_backoffMs = 100;
        m_lastError.clear();
        qCDebug(lcRedis) << "connected to" << m_address.describe();
        Q_EMIT connected();
        return;
    }
    // hiredis frees the context after this callback.
    m_ctx = nullptr;
    failBacklog();
    qCWarning(lcRedis) << "cannot connect to" << m_address.describe() << m_lastError;
    scheduleReconnect();
    Q_EMIT disconnected(m_lastError);
}

void RedisClient::handleDisconnect(bool error)
{
    if (m_timedOut)
        return; // checkProgress() frees the context and goes on from there
    m_ctx = nullptr;
    if (!error && m_lastError.isEmpty())
        m_lastError = QStringLiteral("connection closed");
    failBacklog();
    if (m_closing)
        return;
    qCWarning(lcRedis) << "lost connection to" << m_address.describe() << m_lastError;
    scheduleReconnect();
    Q_EMIT disconnected(m_lastError);
}

Error RedisClient::unavailableError() const
{
    return makeError(QStringLiteral("redis-unavailable"),
                     QStringLiteral("Redis at %1 is not reachable (%2). Start it or check the "
                                    "address.")
                         .arg(m_address.describe(), m_lastError.isEmpty()
                                                        ? QStringLiteral("not connected")
                                                        : m_lastError));
}

void RedisClient::failLater(Callback callback, Error error)
{
    QMetaObject::invokeMethod(
        this, [callback = std::move(callback), error = std::move(error)] { callback(error); },
        Qt::QueuedConnection);
}

void RedisClient::send(const KvCommand& command, Callback callback)
{
    if (!m_ctx) {
        failLater(std::move(callback), unavailableError());
        return;
    }
    if (!m_backlog.empty() || handedOutputBytes() >= maxHandedOutput) {
        m_backlog.push_back({command, std::move(callback)});
        return;
    }
    hand(command, std::move(callback));
}

void RedisClient::hand(const KvCommand& command, Callback callback)
{
    std::vector<const char*> argv;
    std::vector<size_t> argvlen;
    argv.reserve(static_cast<size_t>(command.size()));
    argvlen.reserve(static_cast<size_t>(command.size()));
    for (const QByteArray& part : command) {
        argv.push_back(part.constData());
        argvlen.push_back(static_cast<size_t>(part.size()));
    }
    auto* pending = new Pending{this, std::move(callback)};
    if (redisAsyncCommandArgv(m_ctx, &RedisClientHooks::onReply, pending,
                              static_cast<int>(argv.size()), argv.data(),
                              argvlen.data()) != REDIS_OK) {
        Callback cb = std::move(pending->callback);
        delete pending;
        failLater(std::move(cb), unavailableError());
        return;
    }
    if (m_waiting++ == 0)
        noteProgress(); // the clock starts with the first command waiting
    if (m_replyTimeoutMs > 0 && !m_progressTimer.isActive())
        m_progressTimer.start();
}

qsizetype RedisClient::handedOutputBytes() const
{
    return m_ctx ? static_cast<qsizetype>(sdslen(m_ctx->c.obuf)) : 0;
}

void RedisClient::feedBacklog()
{
    while (m_ctx && !m_backlog.empty() && handedOutputBytes() < maxHandedOutput) {
        Queued next = std::move(m_backlog.front());
        m_backlog.pop_front();
        hand(next.command, std::move(next.callback));
    }
}

void RedisClient::writeSome()
{
    // Write, refill from the backlog, and write again while the kernel takes everything.
    noteProgress();
    for (int turn = 0; turn < 16 && m_ctx; ++turn) {
        redisAsyncHandleWrite(m_ctx);
        if (!m_ctx)
            return; // the write found the connection gone
        const bool kernelTookAll = handedOutputBytes() == 0;
        feedBacklog();
        if (!kernelTookAll || handedOutputBytes() == 0)
            return;
    }
}

void RedisClient::failBacklog()
{
    std::deque<Queued> backlog;
    backlog.swap(m_backlog);
    if (backlog.empty())
        return;
    const Error error = lostError(m_lastError);
    for (Queued& queued : backlog)
        queued.callback(error);
}

Error RedisClient::lostError(const QString& why) const
{
    if (m_timedOut)
        return makeError(QStringLiteral("redis-timeout"),
                         QStringLiteral("Redis at %1 did not answer: %2. It may be hung, "
                                        "overloaded or stopped; the connection was closed.")
                             .arg(m_address.describe(), m_lastError));
    if (m_closing)
        return makeError(QStringLiteral("redis-closed"),
                         QStringLiteral("The connection to %1 was closed before Redis "
                                        "answered.")
                             .arg(m_address.describe()));
    return makeError(
        QStringLiteral("redis-unavailable"),
        QStringLiteral("Redis at %1 did not answer (%2). It may be down or "
                       "restarting.")
            .arg(m_address.describe(), why.isEmpty() ? QStringLiteral("connection lost") : why));
}

void RedisClient::flush()
{
    if (m_ctx && m_state == State::Connected)
        writeSome();
}

void RedisClient::subscribe(const KvCommand& command, Callback onMessage)
{
    if (!m_ctx) {
        failLater(std::move(onMessage), unavailableError());
        return;
    }
    m_subscriptions.push_back(std::move(onMessage));
    Callback* stored = &m_subscriptions.back();
    std::vector<const char*> argv;
    std::vector<size_t> argvlen;
    for (const QByteArray& part : command) {
        argv.push_back(part.constData());
        argvlen.push_back(static_cast<size_t>(part.size()));
    }
    if (redisAsyncCommandArgv(m_ctx, &RedisClientHooks::onMessage, stored,
                              static_cast<int>(argv.size()), argv.data(),
                              argvlen.data()) != REDIS_OK) {
        Callback cb = *stored;
        m_subscriptions.pop_back();
        failLater(std::move(cb), unavailableError());
    }
}

} // namespace pmkv
