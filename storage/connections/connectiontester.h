#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QFuture>
#include <QString>

namespace pmkv {

// "Test connection": round-trip latency, what kind of server answers, how many keys the
// key space holds and whether the credentials may write. Writes nothing: the write probe is
// DEL of a random key that does not exist, which a read-only token or ACL user is refused.
class ConnectionTester final
{
public:
    struct Report
    {
        double connectMs = 0; // first PING, including connecting (and TLS)
        double latencyMs = 0; // best of the following PINGs
        QString serverKind;   // "redis 7.0.15", "upstash-compatible REST (redis 7.0.15)", ...
        qint64 keyCount = -1; // DBSIZE; -1 when the server would not say
        bool canWrite = false;
        QString writeNote; // why not, or how it was found out
        bool canScan = true;
    };

    // Runs the probes on the store's thread; the future finishes there. Fails when the
    // server cannot be reached or refuses the credentials.
    static QFuture<Result<Report>> run(KvStore* store);
};

} // namespace pmkv
