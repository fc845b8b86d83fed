#pragma once

#include "core/result.h"
#include "kv/kvreply.h"
#include "redis/redisaddress.h"
#include "redis/respsizeguard.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <list>
#include <memory>

struct redisAsyncContext;
class QSocketNotifier;

namespace pmkv {

// One asynchronous Redis connection (hiredis, RESP2) driven by the Qt event loop of the
// thread the object lives on. Not thread-safe: call it from that thread only.
//
// * send() pipelines: every command goes out at once, replies come back in order to their
//   callbacks. A command Redis refuses is a KvReply of type Error; a transport failure
//   (Redis down, connection lost, client destroyed) is a failed Result.
// * Commands sent back to back in one call chain reach Redis contiguously on this connection,
//   so MULTI ... EXEC written that way is exclusive (nothing can come between).
// * On connect it sends AUTH (if the address has a password) and SELECT (db != 0) first.
// * When the connection drops it reconnects by itself with a backoff (100 ms doubling up to
//   5 s). While it is down send() fails at once (asynchronously) with code "redis-unavailable".
// * With a reply timeout (the address's ?timeout=, or setReplyTimeoutMs()), commands waiting
//   while nothing moves on the connection (no byte read or written) for that long all fail
//   with code "redis-timeout", and the connection is closed and made again: a hung or frozen
//   server ends a job instead of stalling it. 0: wait for ever.
// * Callbacks run on the client's thread, never from inside send(). Do not delete the client
//   from inside a callback (use deleteLater()); on destruction pending callbacks get a
//   "redis-closed" failure.
// * subscribe() is for a connection dedicated to (P)SUBSCRIBE: the callback gets every
//   message array (["message", channel, payload] ...) until the connection ends.
class RedisClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<KvReply>&)>;
    enum class State { Idle, Connecting, Connected, WaitingToReconnect };

    explicit RedisClient(RedisAddress address, QObject* parent = nullptr);
    ~RedisClient() override;

    // Starts connecting (idempotent). Commands sent while connecting wait for the connection.
    void open();
    // Closes the connection and stops reconnecting; pending callbacks fail with "redis-closed".
    void close();

    void send(const KvCommand& command, Callback callback);
    // Writes what send() has queued now rather than on the next event-loop turn, so the start
    // of a long batch reaches Redis while the rest is still being queued.
    void flush();
    void subscribe(const KvCommand& command, Callback onMessage);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    const RedisAddress& address() const { return m_address; }
    // Why the last connection attempt failed or dropped (no secret in it), empty when fine.
    QString lastError() const { return m_lastError; }
    void setReplyTimeoutMs(int ms);
    int replyTimeoutMs() const { return m_replyTimeoutMs; }
    // Replies holding a string longer than this come back as an error reply starting with
    // RespSizeGuard::tooLargeMarker(), and the string is never held in memory (its bytes are
    // dropped as they arrive). 0: no limit. For pmkv-proxy's --max-response.
    void setMaxReplyBytes(qint64 bytes);

    // Helpers for tests and diagnostics.
    static KvCommand command(std::initializer_list<QByteArray> parts) { return KvCommand(parts); }

Q_SIGNALS:
    void connected();
    void disconnected(const QString& reason);

private:
    struct Pending;
    struct Queued
    {
        KvCommand command;
        Callback callback;
    };
    friend struct RedisClientHooks;

    void startConnect();
    void scheduleReconnect();
    void handleConnect(bool ok);
    void handleDisconnect(bool error);
    void failLater(Callback callback, Error error);
    void hand(const KvCommand& command, Callback callback);
    void feedBacklog();
    void failBacklog();
    void writeSome();
    qsizetype handedOutputBytes() const;
    Error lostError(const QString& why) const;
    void updateNotifiers();
    Error unavailableError() const;
    // Called while commands wait: gives up on them once nothing moved for the timeout.
    void checkProgress();
    void noteProgress();
    void readSocket();
    // hiredis's read with the size guard between the socket and its reader.
    void readGuarded();

    RedisAddress m_address;
    redisAsyncContext* m_ctx = nullptr;
    State m_state = State::Idle;
    bool m_wantOpen = false;
    bool m_closing = false;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer m_reconnectTimer;
    int m_backoffMs = 100;
    QString m_lastError;
    std::list<Callback> m_subscriptions;
    // Commands not yet handed to hiredis, in order. hiredis keeps its output in one buffer
    // that grows in 1 MB steps and is shifted after every partial write, which costs O(n²)
    // for a batch of many MB; so only a bounded amount waits in hiredis and the rest here.
    std::deque<Queued> m_backlog;
    qint64 m_waiting = 0; // commands handed to hiredis whose reply has not come
    int m_replyTimeoutMs = 0;
    QTimer m_progressTimer;
    QElapsedTimer m_lastProgress;
    bool m_timedOut = false; // the connection is being closed for a reply timeout
    qint64 m_maxReplyBytes = 0;
    std::unique_ptr<RespSizeGuard> m_guard; // per connection: it follows the byte stream
};

} // namespace pmkv
