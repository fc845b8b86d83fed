#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"
#include "kv/kvstore.h"

#include <QFuture>
#include <QHash>
#include <QVector>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace pmkv {

// Lists a key space under a pattern (SCAN) and reads what every listed key holds
// (KeyCapture: value, type, TTL), on a thread of its own, while the caller reads the tree:
// the tree read keeps both cores busy only part of the time, and the key space is read in the
// gaps instead of after it. A key the scan did not list was absent at some moment during the
// scan (SCAN's guarantee); callers that need more certainty capture those keys themselves.
class KeySpacePrefetch final
{
public:
    struct Contents
    {
        QVector<QByteArray> keys;                // every key the scan listed, each once
        QHash<QByteArray, PreviousValue> values; // what each of them held when it was read
    };

    // Starts at once. The store must outlive the object; its own thread is not this one.
    KeySpacePrefetch(KvStore& store, const QString& pattern, int batchKeys);
    // Stops between batches and waits for the thread.
    ~KeySpacePrefetch();
    KeySpacePrefetch(const KeySpacePrefetch&) = delete;
    KeySpacePrefetch& operator=(const KeySpacePrefetch&) = delete;

    // Waits for the whole key space; call once.
    Result<Contents> finish();

private:
    Result<Contents> read();

    KvStore& m_store;
    const QString m_pattern;
    const int m_batchKeys;
    std::atomic_bool m_stop{false};
    std::mutex m_scanLock; // m_scan is cancelled from the destructor's thread
    QFuture<Result<QList<QByteArray>>> m_scan;
    std::optional<Result<Contents>> m_result;
    std::thread m_thread;
};

} // namespace pmkv
