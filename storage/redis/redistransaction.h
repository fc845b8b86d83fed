#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QVector>

#include <functional>

namespace pmkv {

class RedisClient;

// MULTI, the commands, EXEC written back to back on one connection, so nothing else runs
// between them (one Redis, or the one cluster node serving the transaction's slot).
// `done` gets EXEC's replies, or: the first transport failure; "redis-execabort" with Redis's
// text when it discarded the transaction (and the first command it refused, e.g. a wrong
// argument, or a MOVED on a cluster); and the replies each command got when queued.
class RedisTransaction final
{
public:
    using Done =
        std::function<void(const Result<QVector<KvReply>>& result, const QVector<KvReply>& queued)>;

    static void send(RedisClient& client, const QVector<KvCommand>& commands, Done done);
};

} // namespace pmkv
