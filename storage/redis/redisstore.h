#pragma once

#include "kv/kvstore.h"
#include "redis/redisaddress.h"

#include <QPromise>

#include <memory>
#include <optional>

namespace pmkv {

class RedisClient;

// KvStore straight to Redis over one RedisClient connection (hiredis).
// * execute(): the batch is pipelined in one go; replies in order.
// * executeAtomic(): MULTI, the batch, EXEC written back to back on the connection, so
//   nothing else runs between them. A transaction Redis discards (EXECABORT, e.g. a command
//   with wrong arguments) fails the Result with code "redis-execabort" and Redis' text.
// * Thread-safe to call: calls from other threads are forwarded to the store's thread. The
//   futures finish on the store's thread, so that thread must run an event loop.
// * readOnly = true refuses any command outside the read allow-list with code "read-only"
//   before anything is sent (the whole batch is refused).
// * A batch with nothing arriving for the address's reply timeout (default 30 s, as REST's)
//   fails with code "redis-timeout" (RedisClient).
class RedisStore final : public KvStore
{
    Q_OBJECT

public:
    static constexpr int kDefaultReplyTimeoutMs = 30000;

    explicit RedisStore(RedisAddress address, bool readOnly = false, QObject* parent = nullptr);
    ~RedisStore() override;

    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override;
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override;
    Capabilities capabilities() const override;
    QString describe() const override;

    RedisClient* client() const { return m_client; }

    // True when `name` (any case) only reads: GET, MGET, HGETALL, EXISTS, TTL, ... Scanning
    // commands (SCAN, KEYS, HSCAN, ...) count as reads here; see isScanCommand().
    static bool isReadCommand(const QByteArray& name);
    static bool isScanCommand(const QByteArray& name);
    // Why a batch is refused before anything is sent: an empty command, or a write on a
    // read-only connection (`where` names it). Shared with RedisClusterStore.
    static std::optional<Error> refusal(const QVector<KvCommand>& batch, bool readOnly,
                                        const QString& where);
    // The started promise of a batch, finished at once when the batch needs no server: refused
    // (refusal()) or empty. Shared with RedisClusterStore.
    static std::shared_ptr<QPromise<Result<Replies>>>
    startBatch(const QVector<KvCommand>& batch, bool readOnly, const QString& where);

private:
    QFuture<Result<Replies>> run(QVector<KvCommand> batch, bool atomic);

    RedisClient* m_client;
    bool m_readOnly;
};

} // namespace pmkv
