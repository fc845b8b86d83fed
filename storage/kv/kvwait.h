#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QFuture>
#include <QList>
#include <QVector>

namespace pmkv {

// Blocking helpers for jobs that run on a thread of their own and drive a store that lives
// on another (never call them from the store's thread).

// Waits for a store's future and returns its result; a cancelled or empty future is an error
// naming the store. Call it from a thread that is not the store's own.
Result<KvStore::Replies> waitFor(KvStore& store, QFuture<Result<KvStore::Replies>> future);
// Every key matching `pattern`, each once, through KeyScanner; waits (call it off the store's
// thread, as waitFor).
Result<QVector<QByteArray>> scanAllKeys(KvStore& store, const QString& pattern);
// The same in two steps, so other work can run while the key space is listed.
QFuture<Result<QList<QByteArray>>> startScanAllKeys(KvStore& store, const QString& pattern);
Result<QVector<QByteArray>> finishScanAllKeys(KvStore& store,
                                              QFuture<Result<QList<QByteArray>>> future);

} // namespace pmkv
