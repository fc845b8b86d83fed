#include "redis/redisstore.h"

#include "kv/commandallowlist.h"
#include "kv/ownthread.h"
#include "redis/redisclient.h"
#include "redis/redistransaction.h"

namespace pmkv {

bool RedisStore::isReadCommand(const QByteArray& name)
{
    return CommandAllowList::isDataRead(name);
}

bool RedisStore::isScanCommand(const QByteArray& name)
{
    const QByteArray n = name.toUpper();
    return n == "SCAN" || n == "KEYS" || n == "HSCAN" || n == "SSCAN" || n == "ZSCAN";
}

RedisStore::RedisStore(RedisAddress address, bool readOnly, QObject* parent)
    : KvStore(parent), m_client(new RedisClient(std::move(address), this)), m_readOnly(readOnly)
{
    // As the REST client: a request with nothing arriving for 30 s has failed, unless the
    // address says otherwise (?timeout=).
    if (m_client->replyTimeoutMs() == 0)
        m_client->setReplyTimeoutMs(kDefaultReplyTimeoutMs);
    m_client->open();
}

RedisStore::~RedisStore() = default;

QFuture<Result<KvStore::Replies>> RedisStore::execute(QVector<KvCommand> batch)
{
    return run(std::move(batch), false);
}

QFuture<Result<KvStore::Replies>> RedisStore::executeAtomic(QVector<KvCommand> batch)
{
    return run(std::move(batch), true);
}

std::optional<Error> RedisStore::refusal(const QVector<KvCommand>& batch, bool readOnly,
                                         const QString& where)
{
    for (const KvCommand& c : batch) {
        if (c.isEmpty())
            return makeError(QStringLiteral("empty-command"),
                             QStringLiteral("A command in the batch is empty."));
        // (the read-only rule of every transport: MEMORY USAGE reads, MEMORY PURGE does not)
        if (readOnly && !CommandAllowList::isReadOnly(c)) {
            return makeError(QStringLiteral("read-only"),
                             QStringLiteral("%1 is not allowed: the connection to %2 is read-only.")
                                 .arg(QString::fromUtf8(c.first().toUpper()), where));
        }
    }
    return std::nullopt;
}

std::shared_ptr<QPromise<Result<KvStore::Replies>>>
RedisStore::startBatch(const QVector<KvCommand>& batch, bool readOnly, const QString& where)
{
    auto promise = std::make_shared<QPromise<Result<Replies>>>();
    promise->start();
    if (const std::optional<Error> refused = refusal(batch, readOnly, where)) {
        promise->addResult(*refused);
        promise->finish();
    } else if (batch.isEmpty()) {
        promise->addResult(Replies{});
        promise->finish();
    }
    return promise;
}

QFuture<Result<KvStore::Replies>> RedisStore::run(QVector<KvCommand> batch, bool atomic)
{
    auto promise = startBatch(batch, m_readOnly, describe());
    QFuture<Result<Replies>> future = promise->future();
    if (future.isFinished()) // refused or empty
        return future;

    auto work = [this, promise, batch = std::move(batch), atomic]() mutable {
        if (promise->isCanceled()) {
            promise->finish();
            return;
        }
        if (atomic) {
            RedisTransaction::send(*m_client, batch,
                                   [promise](const Result<Replies>& result, const Replies&) {
                                       promise->addResult(result);
                                       promise->finish();
                                   });
            return;
        }
        struct State
        {
            Replies replies;
            int remaining = 0;
            std::optional<Error> failure;
        };
        auto state = std::make_shared<State>();
        const int n = static_cast<int>(batch.size());
        state->replies.resize(n);
        state->remaining = n;
        for (int i = 0; i < n; ++i) {
            m_client->send(batch[i], [state, i, promise](const Result<KvReply>& r) {
                if (!r.ok()) {
                    if (!state->failure)
                        state->failure = r.error();
                } else {
                    state->replies[i] = r.value();
                }
                if (--state->remaining > 0)
                    return;
                if (state->failure)
                    promise->addResult(*state->failure);
                else
                    promise->addResult(std::move(state->replies));
                promise->finish();
            });
        }
    };

    OwnThread::run(this, std::move(work));
    return future;
}

KvStore::Capabilities RedisStore::capabilities() const
{
    Capabilities c;
    c.canWrite = !m_readOnly;
    c.canScan = true;
    c.serverKind = QStringLiteral("redis");
    return c;
}

QString RedisStore::describe() const
{
    return m_client->address().describe();
}

} // namespace pmkv
