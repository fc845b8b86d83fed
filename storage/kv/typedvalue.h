#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QByteArray>
#include <QStringList>
#include <QVector>

namespace pmkv {

// The first rows of a hash, list, set, sorted set or stream, read the same way on every
// transport (hiredis, Upstash REST, pmkv-proxy): one pipeline asks for the count (HLEN,
// LLEN, SCARD, ZCARD, XLEN) and the rows (HGETALL / SMEMBERS when the count fits the cap,
// else HSCAN / SSCAN from cursor 0; LRANGE, ZRANGE WITHSCORES and XRANGE with the cap), so
// a key with a million members never arrives whole. `total` says how many there are, so the
// front end can say "first N of M shown".
struct TypedValue
{
    QByteArray type;                   // "hash", "list", "set", "zset", "stream"
    qint64 total = 0;                  // members (fields, items, entries) in the key
    QVector<QVector<QByteArray>> rows; // at most the cap; the columns below
    // The rows' columns: Field, Value / Index, Value / Member / Member, Score / ID, Fields.
    static QStringList columnsFor(const QByteArray& type);
    static bool isTyped(const QByteArray& type);

    bool isPartial() const { return rows.size() < total; }
};

class TypedValueRead final
{
public:
    static constexpr int kDefaultCap = 1000;

    // The commands that read `key` of `type`: the count first, then the rows. Empty for a
    // type this reader does not know (a string, "none", a module type).
    static QVector<KvCommand> commands(const QByteArray& key, const QByteArray& type,
                                       int cap = kDefaultCap);
    // After commands(): HGETALL / SMEMBERS when the SCAN page was not the whole key but the
    // key fits the cap; nothing otherwise. Its reply replaces the SCAN reply in parse().
    static KvCommand completion(const QByteArray& key, const QByteArray& type,
                                const QVector<KvReply>& replies, int cap = kDefaultCap);
    // The replies of commands(), in order. A reply of type Error (WRONGTYPE when the key
    // changed type in between) fails with its text.
    static Result<TypedValue> parse(const QByteArray& type, const QVector<KvReply>& replies,
                                    int cap = kDefaultCap);
};

} // namespace pmkv
