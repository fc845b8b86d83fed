#pragma once

#include "core/result.h"
#include "proxy/httprequestparser.h"
#include "redis/clusteraddress.h"
#include "redis/redisaddress.h"

#include <QByteArrayList>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

namespace pmkv {

// pmkv-proxy's settings, from (later wins) defaults, a --config JSON file, the environment
// and the command line. Secrets (tokens, Redis password) come from the environment or the
// file, never from the command line:
//   PMKV_PROXY_TOKEN, PMKV_PROXY_READONLY_TOKEN   comma-separated token lists
//   PMKV_PROXY_REDIS_URL                          redis:// URL that may carry a password
// Config file (JSON): {"listen": "127.0.0.1:8080", "redis": "redis://...", "tokens": [...],
//   "readonlyTokens": [...], "allowRemote": false, "maxBodyBytes": 10485760,
//   "maxConnections": 1024, "maxOpenConnections": 4096, "headTimeoutMs": 10000,
//   "maxResponseBytes": 268435456, "allowAdminCommands": false}
struct ProxyConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8080;
    RedisAddress redis = RedisAddress::tcp(QStringLiteral("127.0.0.1"), 6379);
    // Set for a redis+cluster:// address: commands go through a RedisClusterStore, routed by
    // hash slot (`redis` is then its first node, for SUBSCRIBE).
    std::optional<ClusterAddress> cluster;
    QByteArrayList tokens;
    QByteArrayList readOnlyTokens;
    bool allowRemote = false;
    // Forward administration commands (ProxyRouter::adminCommands()): a trusted local setup.
    bool allowAdminCommands = false;
    HttpLimits limits;
    // Connections with a request in progress (being received, run or answered) or an event
    // stream; a request past it gets 503. Idle connections do not count.
    int maxConnections = 1024;
    // Sockets open at all: at the cap, the connection idle longest is closed to make room,
    // so a crowd of idle clients never keeps a new one out. Also bounded by the process's
    // file descriptor limit.
    int maxOpenConnections = 4096;
    // A connection that has sent nothing for this long since it connected is closed (a
    // keep-alive connection idle after an answer has idleTimeoutMs).
    int headTimeoutMs = 10000;
    qsizetype maxResponse = 256 * 1024 * 1024;  // one answer's JSON; larger ones are refused
    qsizetype memoryBudget = 256 * 1024 * 1024; // request bytes buffered by all clients
    int idleTimeoutMs = 60000;                  // keep-alive connection with no request
    int requestTimeoutMs = 30000;               // a request that does not finish arriving
    QStringList warnings;                       // things to tell the user at start

    // `arguments` excludes the program name. Errors name the option and what to do.
    static Result<ProxyConfig> load(const QStringList& arguments,
                                    const QProcessEnvironment& environment);
    static QString usage();
};

} // namespace pmkv
