#pragma once

#include "proxy/proxyplan.h"

#include <functional>

namespace pmkv {

class KvStore;
class RedisClient;

// Runs a ProxyPlan (Single, Pipeline, Transaction) on a shared RedisClient and hands back the
// HTTP status and JSON body. All commands of a plan are written to the connection in one go;
// a transaction's MULTI, commands and EXEC go out back to back, so no other request's
// commands can come between them (exclusive use of the connection for that span).
// Statuses: 200; 400 for a Redis error in a single command, a discarded transaction or an
// answer over the size limit; 503 when Redis is not reachable.
class ProxyExecutor final
{
public:
    using Done = std::function<void(int status, QByteArray body)>;

    // An answer whose JSON would pass maxResponse bytes is refused (400, "ERR max response
    // size exceeded ..."); the proxy stops building it as soon as it passes the limit, and no
    // value over the limit is read into memory (RedisClient::setMaxReplyBytes on `redis`).
    // A single GET, GETEX or GETDEL has its value's size checked first, in the same script
    // that reads it (one round trip): one over the limit is refused without being read, and
    // one over largeAnswerBytes is read on `bulk`, a connection of its own, and encoded off
    // the event loop, so the requests of other clients do not wait behind it.
    static void run(RedisClient& redis, RedisClient& bulk, const ProxyPlan& plan,
                    qsizetype maxResponse, Done done);
    // The same over a Redis Cluster (RedisClusterStore): a pipeline is one batch (split by
    // slot, one pipeline per master), a transaction must keep to one hash slot (else 400 with
    // Redis's CROSSSLOT error, as Upstash answers). The answer's size is checked once the
    // replies are in: values are not kept out of memory as on one connection.
    static void runOnCluster(KvStore& cluster, const ProxyPlan& plan, qsizetype maxResponse,
                             Done done);
    static constexpr qsizetype largeAnswerBytes = 1024 * 1024;
    // Whether `reply` stands for a value the connection dropped for being over the limit.
    static bool isTooLarge(const KvReply& reply);
};

} // namespace pmkv
