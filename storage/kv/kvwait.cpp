#include "kv/kvwait.h"

#include "kv/keyscanner.h"

namespace pmkv {

Result<KvStore::Replies> waitFor(KvStore& store, QFuture<Result<KvStore::Replies>> future)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return makeError(QStringLiteral("kv.cancelled"),
                         QStringLiteral("the request to %1 was cancelled").arg(store.describe()));
    return future.result();
}

QFuture<Result<QList<QByteArray>>> startScanAllKeys(KvStore& store, const QString& pattern)
{
    KeyScanner::Options options;
    options.match = pattern.toUtf8();
    options.count = options.maxCount = 5000; // the store caps it further where it must
    return KeyScanner::scanAll(&store, options);
}

Result<QVector<QByteArray>> finishScanAllKeys(KvStore& store,
                                              QFuture<Result<QList<QByteArray>>> future)
{
    future.waitForFinished();
    if (future.isCanceled() || future.resultCount() == 0)
        return makeError(QStringLiteral("kv.cancelled"),
                         QStringLiteral("the scan of %1 was cancelled").arg(store.describe()));
    const Result<QList<QByteArray>> keys = future.result();
    if (!keys)
        return keys.error();
    return QVector<QByteArray>(keys.value());
}

Result<QVector<QByteArray>> scanAllKeys(KvStore& store, const QString& pattern)
{
    return finishScanAllKeys(store, startScanAllKeys(store, pattern));
}

} // namespace pmkv
