#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"
#include "kv/kvstore.h"

#include <QVector>

namespace pmkv {

// Reads what keys hold before a job writes them, for the journal: MGET of the keys and a PTTL
// per key in one pipeline, then TYPE for the few keys that exist but are not strings.
// Works on every transport (Redis, Upstash REST, pmkv-proxy).
class KeyCapture final
{
public:
    // The pipeline: MGET k1..kn, PTTL k1, ..., PTTL kn.
    static QVector<KvCommand> commands(const QVector<QByteArray>& keys);
    // Reads the replies of commands(). Keys that exist but are not strings come back with
    // type "?" (capture() asks their TYPE).
    static Result<QVector<PreviousValue>> parse(const QVector<QByteArray>& keys,
                                                const KvStore::Replies& replies);
    // commands() + parse() + TYPE for non-strings, waiting on the store's futures: call it
    // from a thread that is not the store's own.
    static Result<QVector<PreviousValue>> capture(KvStore& store, const QVector<QByteArray>& keys);
    // parse() + TYPE for non-strings, for callers that sent commands() themselves (to overlap
    // the read of the next batch with other work).
    static Result<QVector<PreviousValue>> complete(KvStore& store, const QVector<QByteArray>& keys,
                                                   const Result<KvStore::Replies>& replies);
};

// Waits for a store's future and returns its result; a cancelled or empty future is an error
// naming the store. Call it from a thread that is not the store's own.
Result<KvStore::Replies> waitFor(KvStore& store, QFuture<Result<KvStore::Replies>> future);

} // namespace pmkv
