#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace pmkv {

// One key space, reached over any transport (Upstash REST, a local Upstash-compatible proxy,
// Redis directly). Batch-first and asynchronous: a batch of commands in, a future of one
// reply per command out (a command that Redis refuses is a KvReply of type Error in its
// place; a transport failure fails the whole Result). Callers on the GUI thread attach
// continuations; jobs on worker threads may wait on the future (no nested event loop).
// Cancelling the future stops batches that have not been sent yet.
//
// Implementations enforce read-only profiles here, by an allow-list of commands, whatever
// the caller.
class KvStore : public QObject
{
    Q_OBJECT

public:
    struct Capabilities
    {
        bool canWrite = true;
        bool canScan = true; // Upstash read-only tokens may not SCAN or KEYS
        QString serverKind;  // "redis 7.0.15", "upstash", "pmkv-proxy 0.1.0" ...
        // A Redis Cluster: a command naming several keys that the store cannot split (MSETNX,
        // EVAL, a transaction) needs them all in one hash slot (HashSlot::of). MGET, DEL,
        // EXISTS, MSET ... are split by the store.
        bool hashSlots = false;
    };

    using Replies = QVector<KvReply>;

    explicit KvStore(QObject* parent = nullptr);
    ~KvStore() override;

    // Pipelined, not atomic, in order.
    virtual QFuture<Result<Replies>> execute(QVector<KvCommand> batch) = 0;
    // MULTI ... EXEC as one unit: all or nothing.
    virtual QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) = 0;
    virtual Capabilities capabilities() const = 0;
    // For messages: "redis://127.0.0.1:6379/0", "https://eu1-xyz.upstash.io" (never a secret).
    virtual QString describe() const = 0;
};

} // namespace pmkv
