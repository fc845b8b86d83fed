#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QByteArray>
#include <QFuture>
#include <QList>

namespace pmkv {

// Walks a whole key space with SCAN, one page after the other, on any KvStore. COUNT is a
// hint per call and is kept at or below `maxCount` (Upstash answers at most about 1,000
// keys per call; the REST store caps it as well). Keys that SCAN reports twice (it may,
// while the key space changes) are returned once.
//
// A store whose credentials may not SCAN (Upstash read-only tokens) fails at once with code
// "scan-not-allowed": browse through the layout's list keys instead.
class KeyScanner final
{
public:
    struct Options
    {
        QByteArray match; // MATCH pattern; empty: every key
        QByteArray type;  // TYPE filter (string, hash, ...); empty: any
        int count = 1000; // COUNT per call
        int maxCount = 1000;
        qint64 limit = -1; // stop after this many keys (-1: no limit)
    };
    struct Progress
    {
        qint64 calls = 0;
        qint64 keys = 0;
    };

    // Every key that matches, in the order SCAN returned them. The future may be cancelled:
    // no further page is asked for. Finishes on the store's thread.
    static QFuture<Result<QList<QByteArray>>> scanAll(KvStore* store, Options options);

    // The SCAN command for one page.
    static KvCommand command(const QByteArray& cursor, const Options& options);
    // Parses one SCAN reply into the next cursor and the keys; an error names the store.
    static Result<QByteArray> parsePage(const KvReply& reply, QList<QByteArray>& keys,
                                        const QString& where);
};

} // namespace pmkv
