#pragma once

#include "proxy/httprequest.h"
#include "proxy/proxyauth.h"
#include "proxy/proxyplan.h"

namespace pmkv {

// Maps an Upstash REST request to a ProxyPlan:
//   POST /                 body ["CMD", arg, ...]
//   GET|POST /cmd/a/b      path segments (percent-decoded) are arguments, a non-empty POST
//                          body is the last one, query parameters (?EX=100) follow as
//                          "EX" "100" (`_token` excluded)
//   POST /pipeline         body [[...], [...]]
//   POST /multi-exec       same, atomic
//   POST /subscribe/<ch>, /psubscribe/<pattern>   server-sent events
// Order of checks: method (405), token (401), route (404, 405), body (400), read-only
// allow-list (NOPERM, 400). Commands that would break the shared Redis connection (MULTI,
// SELECT, SUBSCRIBE, blocking pops ...) are refused with an "ERR" text, and so are
// administration commands (adminCommands(): FLUSHALL, CONFIG, SHUTDOWN, ...), as Upstash does,
// unless `allowAdmin` (a trusted local setup).
class ProxyRouter final
{
public:
    static ProxyPlan plan(const HttpRequest& request, const ProxyAuth& auth,
                          bool allowAdmin = false);

    // Why a command may not be forwarded over the shared connection, empty when it may.
    static QByteArray forbiddenReason(const KvCommand& command, bool allowAdmin = false);
    // The administration commands refused by default: whole commands ("FLUSHALL") and
    // subcommands ("SCRIPT FLUSH"). For the documentation and --help.
    static QByteArrayList adminCommands();
    static QByteArray noPermission(const QByteArray& commandName);
};

} // namespace pmkv
