#include "jobs/keyspaceprefetch.h"

#include "jobs/keycapture.h"
#include "kv/kvwait.h"

namespace pmkv {

KeySpacePrefetch::KeySpacePrefetch(KvStore& store, const QString& pattern, int batchKeys)
    : m_store(store), m_pattern(pattern), m_batchKeys(qMax(1, batchKeys))
{
    m_thread = std::thread([this] { m_result = read(); });
}

KeySpacePrefetch::~KeySpacePrefetch()
{
    m_stop = true;
    {
        const std::lock_guard<std::mutex> lock(m_scanLock);
        m_scan.cancel(); // no further SCAN page is asked for
    }
    if (m_thread.joinable())
        m_thread.join();
}

Result<KeySpacePrefetch::Contents> KeySpacePrefetch::finish()
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_result)
        return makeError(
            QStringLiteral("prefetch.finished"),
            QStringLiteral("the key space of %1 was already taken").arg(m_store.describe()));
    Result<Contents> result = std::move(*m_result);
    m_result.reset();
    return result;
}

Result<KeySpacePrefetch::Contents> KeySpacePrefetch::read()
{
    QFuture<Result<QList<QByteArray>>> scan;
    {
        const std::lock_guard<std::mutex> lock(m_scanLock);
        if (m_stop)
            return makeError(QStringLiteral("prefetch.stopped"),
                             QStringLiteral("reading %1 was stopped").arg(m_store.describe()));
        scan = m_scan = startScanAllKeys(m_store, m_pattern);
    }
    auto listed = finishScanAllKeys(m_store, scan);
    if (!listed)
        return listed.error();
    Contents contents;
    contents.keys = std::move(listed).value(); // each once (KeyScanner)
    contents.values.reserve(contents.keys.size());
    // Two batches on the wire: the next one is read while this one is completed.
    struct Reading
    {
        QVector<QByteArray> keys;
        QFuture<Result<KvStore::Replies>> future;
    };
    auto send = [&](qsizetype from) {
        Reading r;
        r.keys = contents.keys.mid(from, m_batchKeys);
        r.future = m_store.execute(KeyCapture::commands(r.keys));
        return r;
    };
    std::optional<Reading> next;
    if (!contents.keys.isEmpty())
        next = send(0);
    for (qsizetype from = 0; next; from += m_batchKeys) {
        Reading current = std::move(*next);
        next.reset();
        if (from + m_batchKeys < contents.keys.size() && !m_stop)
            next = send(from + m_batchKeys);
        auto values = KeyCapture::complete(m_store, current.keys, waitFor(m_store, current.future));
        if (!values || m_stop) {
            if (next)
                (void)waitFor(m_store, next->future);
            if (!values)
                return values.error();
            return makeError(QStringLiteral("prefetch.stopped"),
                             QStringLiteral("reading %1 was stopped").arg(m_store.describe()));
        }
        for (qsizetype i = 0; i < current.keys.size(); ++i)
            contents.values.insert(current.keys.at(i), std::move(values.value()[i]));
    }
    return contents;
}

} // namespace pmkv
