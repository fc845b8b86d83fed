#include "kv/commandallowlist.h"

#include <QSet>

namespace pmkv {

namespace {

const QSet<QByteArray>& readOnlyNames()
{
    // Commands Redis flags "readonly" (or that touch no data at all) which this project has
    // a use for. Anything else is a write as far as a read-only profile is concerned. This is
    // the one list: RedisStore and the proxy's read-only tokens use it too.
    static const QSet<QByteArray> names{"PING",
                                        "ECHO",
                                        "GET",
                                        "MGET",
                                        "GETRANGE",
                                        "SUBSTR",
                                        "STRLEN",
                                        "EXISTS",
                                        "TYPE",
                                        "TTL",
                                        "PTTL",
                                        "EXPIRETIME",
                                        "PEXPIRETIME",
                                        "SCAN",
                                        "KEYS",
                                        "DBSIZE",
                                        "INFO",
                                        "TIME",
                                        "LASTSAVE",
                                        "RANDOMKEY",
                                        "DUMP",
                                        "HGET",
                                        "HMGET",
                                        "HGETALL",
                                        "HKEYS",
                                        "HVALS",
                                        "HLEN",
                                        "HEXISTS",
                                        "HSTRLEN",
                                        "HSCAN",
                                        "HRANDFIELD",
                                        "LRANGE",
                                        "LLEN",
                                        "LINDEX",
                                        "LPOS",
                                        "SMEMBERS",
                                        "SISMEMBER",
                                        "SMISMEMBER",
                                        "SCARD",
                                        "SSCAN",
                                        "SRANDMEMBER",
                                        "SINTER",
                                        "SUNION",
                                        "SDIFF",
                                        "SINTERCARD",
                                        "ZRANGE",
                                        "ZRANGEBYSCORE",
                                        "ZREVRANGE",
                                        "ZREVRANGEBYSCORE",
                                        "ZRANGEBYLEX",
                                        "ZCARD",
                                        "ZSCORE",
                                        "ZMSCORE",
                                        "ZRANK",
                                        "ZREVRANK",
                                        "ZCOUNT",
                                        "ZLEXCOUNT",
                                        "ZSCAN",
                                        "XRANGE",
                                        "XREVRANGE",
                                        "XLEN",
                                        "BITCOUNT",
                                        "BITPOS",
                                        "GETBIT",
                                        "PFCOUNT",
                                        "SORT_RO",
                                        "MEMORY",
                                        "OBJECT",
                                        "CLUSTER",
                                        "JSON.GET",
                                        "JSON.MGET",
                                        "JSON.TYPE",
                                        "JSON.STRLEN",
                                        "GEODIST",
                                        "GEOHASH",
                                        "GEOPOS",
                                        "GEOSEARCH",
                                        "LCS",
                                        "TOUCH",
                                        "XINFO",
                                        "ZDIFF",
                                        "ZINTER",
                                        "ZRANDMEMBER",
                                        "ZREVRANGEBYLEX",
                                        "ZUNION"};
    return names;
}

// Connection and transaction control: harmless in a read-only batch, but not reads of data.
const QSet<QByteArray>& controlNames()
{
    static const QSet<QByteArray> names{"COMMAND",  "DISCARD", "EXEC",    "MULTI",
                                        "READONLY", "SELECT",  "UNWATCH", "WATCH"};
    return names;
}

} // namespace

bool CommandAllowList::isReadOnly(const KvCommand& command)
{
    if (command.isEmpty())
        return false;
    const QByteArray name = command.first().toUpper();
    if (controlNames().contains(name))
        return true;
    if (!readOnlyNames().contains(name))
        return false;
    if (name == "MEMORY" || name == "OBJECT") {
        // MEMORY USAGE / OBJECT ENCODING read; MEMORY PURGE and friends do not belong here.
        const QByteArray sub = command.size() > 1 ? command.at(1).toUpper() : QByteArray();
        return sub == "USAGE" || sub == "ENCODING" || sub == "FREQ" || sub == "IDLETIME" ||
               sub == "REFCOUNT" || sub == "STATS";
    }
    if (name == "CLUSTER") {
        // What the cluster says of itself (the server panel); not its admin commands.
        const QByteArray sub = command.size() > 1 ? command.at(1).toUpper() : QByteArray();
        return sub == "NODES" || sub == "SLOTS" || sub == "SHARDS" || sub == "INFO" ||
               sub == "MYID" || sub == "KEYSLOT" || sub == "COUNTKEYSINSLOT";
    }
    return true;
}

bool CommandAllowList::isDataRead(const QByteArray& name)
{
    const QByteArray upper = name.toUpper();
    return readOnlyNames().contains(upper) && upper != "MEMORY" && upper != "OBJECT" &&
           upper != "CLUSTER";
}

bool CommandAllowList::allReadOnly(const QVector<KvCommand>& batch)
{
    return firstWrite(batch) < 0;
}

int CommandAllowList::firstWrite(const QVector<KvCommand>& batch)
{
    for (int i = 0; i < batch.size(); ++i) {
        if (!isReadOnly(batch.at(i)))
            return i;
    }
    return -1;
}

} // namespace pmkv
