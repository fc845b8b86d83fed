#pragma once

#include "proxy/proxyplan.h"

#include <functional>

namespace pmkv {

class RedisClient;

// Runs a ProxyPlan (Single, Pipeline, Transaction) on a shared RedisClient and hands back the
// HTTP status and JSON body. All commands of a plan are written to the connection in one go;
// a transaction's MULTI, commands and EXEC go out back to back, so no other request's
// commands can come between them (exclusive use of the connection for that span).
// Statuses: 200; 400 for a Redis error in a single command or a discarded transaction;
// 503 when Redis is not reachable.
class ProxyExecutor final
{
public:
    using Done = std::function<void(int status, QByteArray body)>;

    static void run(RedisClient& redis, const ProxyPlan& plan, Done done);
};

} // namespace pmkv
