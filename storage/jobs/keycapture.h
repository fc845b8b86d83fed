#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"
#include "kv/kvstore.h"
#include "kv/kvwait.h"

#include <QVector>

#include <atomic>

namespace pmkv {

// Reads what keys hold before a job writes them, for the journal: MGET and EXISTS of the keys
// in one pipeline, then, only for the keys that exist, PTTL (and TYPE for the few that are not
// strings) and the key space's TIME in a second one, so that an expiry is known as a moment
// (PreviousValue::expireAtMs). A first migration (no key exists) costs two commands per batch.
// Works on every transport (Redis, Upstash REST, pmkv-proxy).
class KeyCapture final
{
public:
    // The first pipeline: MGET k1..kn, EXISTS k1..kn.
    static QVector<KvCommand> commands(const QVector<QByteArray>& keys);
    // Reads the replies of commands(). Keys that exist still need their TTL (pttl -3) and,
    // when not strings, their type ("?"): complete() asks.
    static Result<QVector<PreviousValue>> parse(const QVector<QByteArray>& keys,
                                                const KvStore::Replies& replies);
    // commands() + complete(), waiting on the store's futures: call it from a thread that is
    // not the store's own.
    static Result<QVector<PreviousValue>> capture(KvStore& store, const QVector<QByteArray>& keys);
    // parse() + the second round, for callers that sent commands() themselves (to overlap the
    // read of the next batch with other work).
    static Result<QVector<PreviousValue>> complete(KvStore& store, const QVector<QByteArray>& keys,
                                                   const Result<KvStore::Replies>& replies);
    // capture() of many keys, `batchKeys` at a time with the next batch on the wire while one
    // is completed. `stop` (set from another thread) ends it between batches with an error
    // of code "capture.stopped".
    // The key space's clock in ms since the epoch (TIME), 0 when it cannot tell.
    static qint64 serverTimeMs(KvStore& store);
    static qint64 serverTimeMs(const KvReply& timeReply);
    static Result<QVector<PreviousValue>> captureAll(KvStore& store,
                                                     const QVector<QByteArray>& keys, int batchKeys,
                                                     const std::atomic_bool* stop = nullptr);
};

} // namespace pmkv
