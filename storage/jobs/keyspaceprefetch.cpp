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
    auto values = KeyCapture::captureAll(m_store, contents.keys, m_batchKeys, &m_stop);
    if (!values)
        return values.error();
    contents.values.reserve(contents.keys.size());
    for (qsizetype i = 0; i < contents.keys.size(); ++i)
        contents.values.insert(contents.keys.at(i), std::move(values.value()[i]));
    return contents;
}

} // namespace pmkv
