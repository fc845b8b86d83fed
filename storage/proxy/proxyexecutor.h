#pragma once

#include "proxy/proxyplan.h"

#include <functional>

namespace pmkv {

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
    // size exceeded ..."); the proxy stops building it as soon as it passes the limit.
    static void run(RedisClient& redis, const ProxyPlan& plan, qsizetype maxResponse, Done done);
};

} // namespace pmkv
