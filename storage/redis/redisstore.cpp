#include "redis/redisstore.h"

#include "kv/commandallowlist.h"
#include "redis/redisclient.h"

#include <QPromise>
#include <QThread>

#include <memory>
#include <optional>

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

QFuture<Result<KvStore::Replies>> RedisStore::run(QVector<KvCommand> batch, bool atomic)
{
    auto promise = std::make_shared<QPromise<Result<Replies>>>();
    QFuture<Result<Replies>> future = promise->future();
    promise->start();

    for (const KvCommand& c : batch) {
        if (c.isEmpty()) {
            promise->addResult(makeError(QStringLiteral("empty-command"),
                                         QStringLiteral("A command in the batch is empty.")));
            promise->finish();
            return future;
        }
        // (the read-only rule of every transport: MEMORY USAGE reads, MEMORY PURGE does not)
        if (m_readOnly && !CommandAllowList::isReadOnly(c)) {
            promise->addResult(
                makeError(QStringLiteral("read-only"),
                          QStringLiteral("%1 is not allowed: the connection to %2 is read-only.")
                              .arg(QString::fromUtf8(c.first().toUpper()), describe())));
            promise->finish();
            return future;
        }
    }
    if (batch.isEmpty()) {
        promise->addResult(Replies{});
        promise->finish();
        return future;
    }

    auto work = [this, promise, batch = std::move(batch), atomic]() mutable {
        if (promise->isCanceled()) {
            promise->finish();
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
        state->remaining = atomic ? n + 2 : n;
        auto finishOne = [promise, state, atomic, n]() {
            if (--state->remaining > 0)
                return;
            if (state->failure) {
                promise->addResult(*state->failure);
            } else if (atomic) {
                // state->replies holds EXEC's answer at index 0 after the swap below.
                promise->addResult(std::move(state->replies));
            } else {
                promise->addResult(std::move(state->replies));
            }
            Q_UNUSED(n)
            promise->finish();
        };
        if (!atomic) {
            for (int i = 0; i < n; ++i) {
                m_client->send(batch[i], [state, i, finishOne](const Result<KvReply>& r) {
                    if (!r.ok()) {
                        if (!state->failure)
                            state->failure = r.error();
                    } else {
                        state->replies[i] = r.value();
                    }
                    finishOne();
                });
            }
            return;
        }
        auto queued = std::make_shared<Replies>(n);
        auto onQueued = [state, queued, finishOne](int i) {
            return [state, queued, i, finishOne](const Result<KvReply>& r) {
                if (!r.ok()) {
                    if (!state->failure)
                        state->failure = r.error();
                } else if (i >= 0) {
                    (*queued)[i] = r.value();
                }
                finishOne();
            };
        };
        m_client->send({QByteArrayLiteral("MULTI")}, onQueued(-1));
        for (int i = 0; i < n; ++i)
            m_client->send(batch[i], onQueued(i));
        m_client->send({QByteArrayLiteral("EXEC")}, [state, queued, finishOne,
                                                     n](const Result<KvReply>& r) {
            if (!r.ok()) {
                if (!state->failure)
                    state->failure = r.error();
            } else if (r.value().isError()) {
                QString text = QString::fromUtf8(r.value().bytes);
                for (const KvReply& q : *queued) {
                    if (q.isError()) {
                        text +=
                            QStringLiteral(" (") + QString::fromUtf8(q.bytes) + QStringLiteral(")");
                        break;
                    }
                }
                state->failure = makeError(QStringLiteral("redis-execabort"), text);
            } else if (r.value().type != KvReply::Type::Array || r.value().elements.size() != n) {
                state->failure = makeError(QStringLiteral("redis-execabort"),
                                           QStringLiteral("The transaction was aborted (EXEC "
                                                          "answered nil)."));
            } else {
                state->replies = r.value().elements;
            }
            finishOne();
        });
    };

    if (QThread::currentThread() == thread())
        work();
    else
        QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
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
