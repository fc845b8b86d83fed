#include "redis/redisclusterstore.h"

#include "kv/ownthread.h"
#include "redis/clusterbatch.h"
#include "redis/clusterrouter.h"
#include "redis/clustertransaction.h"
#include "redis/redisstore.h"

#include <QThread>

namespace pmkv {

RedisClusterStore::RedisClusterStore(ClusterAddress address, bool readOnly, QObject* parent)
    : KvStore(parent), m_router(new ClusterRouter(std::move(address), this)), m_readOnly(readOnly)
{
    // Ask for the map now, so the first batch does not wait for it.
    m_router->refresh();
}

RedisClusterStore::~RedisClusterStore() = default;

void RedisClusterStore::setRetryBudgetMs(int ms)
{
    QMetaObject::invokeMethod(
        m_router, [router = m_router, ms] { router->setRetryBudgetMs(ms); },
        QThread::currentThread() == thread() ? Qt::DirectConnection : Qt::BlockingQueuedConnection);
}

QFuture<Result<KvStore::Replies>> RedisClusterStore::execute(QVector<KvCommand> batch)
{
    return run(std::move(batch), false);
}

QFuture<Result<KvStore::Replies>> RedisClusterStore::executeAtomic(QVector<KvCommand> batch)
{
    return run(std::move(batch), true);
}

QFuture<Result<KvStore::Replies>> RedisClusterStore::run(QVector<KvCommand> batch, bool atomic)
{
    auto promise = RedisStore::startBatch(batch, m_readOnly, describe());
    QFuture<Result<Replies>> future = promise->future();
    if (future.isFinished()) // refused or empty
        return future;
    auto work = [router = m_router, promise, batch = std::move(batch), atomic]() mutable {
        if (promise->isCanceled()) {
            promise->finish();
            return;
        }
        auto done = [promise](const Result<Replies>& result) {
            promise->addResult(result);
            promise->finish();
        };
        if (atomic)
            ClusterTransaction::run(*router, std::move(batch), done);
        else
            ClusterBatch::run(*router, std::move(batch), done);
    };
    OwnThread::run(this, std::move(work));
    return future;
}

KvStore::Capabilities RedisClusterStore::capabilities() const
{
    Capabilities c;
    c.canWrite = !m_readOnly;
    c.canScan = true;
    c.serverKind = QStringLiteral("redis cluster");
    c.hashSlots = true;
    return c;
}

QString RedisClusterStore::describe() const
{
    return m_router->describe();
}

} // namespace pmkv
