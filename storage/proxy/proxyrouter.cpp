#include "proxy/proxyrouter.h"

#include "proxy/commandjson.h"
#include "proxy/replyjson.h"
#include "redis/redisstore.h"

#include <QSet>

#include <algorithm>

namespace pmkv {

namespace {

ProxyPlan respond(int status, const QByteArray& message)
{
    ProxyPlan p;
    p.kind = ProxyPlan::Kind::Respond;
    p.status = status;
    p.body = ReplyJson::error(message);
    return p;
}

bool isWrite(const QByteArray& name)
{
    return !RedisStore::isReadCommand(name);
}

bool allowedReadOnly(const QByteArray& name)
{
    return RedisStore::isReadCommand(name) && !RedisStore::isScanCommand(name);
}

// Administration of the server, never data: refused unless the proxy is told otherwise.
const QSet<QByteArray>& adminNames()
{
    static const QSet<QByteArray> names = {"ACL",     "BGREWRITEAOF", "BGSAVE",   "CLUSTER",
                                           "CONFIG",  "DEBUG",        "FAILOVER", "FLUSHALL",
                                           "FLUSHDB", "MIGRATE",      "MODULE",   "REPLICAOF",
                                           "SAVE",    "SHUTDOWN",     "SLAVEOF",  "SWAPDB"};
    return names;
}

// Subcommands that administer, of commands whose other subcommands are fine.
const QSet<QByteArray>& adminSubcommands()
{
    static const QSet<QByteArray> names = {"SCRIPT FLUSH",    "SCRIPT KILL",      "FUNCTION FLUSH",
                                           "FUNCTION DELETE", "FUNCTION RESTORE", "FUNCTION KILL",
                                           "MEMORY PURGE",    "LATENCY RESET",    "SLOWLOG RESET"};
    return names;
}

// Commands whose verdict depends on their arguments too: administration subcommands
// (SCRIPT FLUSH, not SCRIPT LOAD) and XREAD ... BLOCK.
bool argumentsMatter(const QByteArray& upperName)
{
    static const QSet<QByteArray> names = [] {
        QSet<QByteArray> parents{"XREAD", "XREADGROUP"};
        for (const QByteArray& sub : adminSubcommands())
            parents.insert(sub.left(sub.indexOf(' ')));
        return parents;
    }();
    return names.contains(upperName);
}

// Fills refusals and the write flag. A pipeline repeats a few command names (a migration
// sends a thousand SETs in one), so a name's verdict is worked out once for each run of it
// unless its arguments matter: hashing every name against the lists showed as a third of
// the proxy's time on such pipelines.
void review(ProxyPlan& plan, ProxyAuth::Access access, bool allowAdmin)
{
    QByteArray name; // of the run of equal names being read
    QByteArray reason;
    bool write = false;
    bool reuse = false;
    for (int i = 0; i < plan.commands.size(); ++i) {
        const KvCommand& c = plan.commands[i];
        if (!(reuse && !c.isEmpty() && c[0] == name)) {
            reason = ProxyRouter::forbiddenReason(c, allowAdmin);
            if (reason.isEmpty() && access == ProxyAuth::Access::ReadOnly && !allowedReadOnly(c[0]))
                reason = ProxyRouter::noPermission(c[0]);
            write = reason.isEmpty() && isWrite(c[0]);
            name = c.value(0);
            reuse = !c.isEmpty() && !argumentsMatter(name.toUpper());
        }
        if (!reason.isEmpty())
            plan.refused.insert(i, reason);
        else if (write)
            plan.writes = true;
    }
}

} // namespace

QByteArray ProxyRouter::noPermission(const QByteArray& commandName)
{
    return "NOPERM this user has no permissions to run the '" + commandName.toLower() + "' command";
}

QByteArrayList ProxyRouter::adminCommands()
{
    QByteArrayList all(adminNames().cbegin(), adminNames().cend());
    for (const QByteArray& sub : adminSubcommands())
        all << sub;
    std::sort(all.begin(), all.end());
    return all;
}

QByteArray ProxyRouter::forbiddenReason(const KvCommand& command, bool allowAdmin)
{
    static const QSet<QByteArray> connectionState = {
        "MULTI",     "EXEC",       "DISCARD",    "WATCH",       "UNWATCH",      "SELECT",
        "AUTH",      "HELLO",      "QUIT",       "RESET",       "CLIENT",       "MONITOR",
        "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE",
        "SYNC",      "PSYNC",      "REPLCONF",   "READONLY",    "READWRITE",    "ASKING"};
    static const QSet<QByteArray> blocking = {"BLPOP",  "BRPOP",    "BRPOPLPUSH", "BLMOVE",
                                              "BLMPOP", "BZPOPMIN", "BZPOPMAX",   "BZMPOP",
                                              "WAIT",   "WAITAOF"};
    if (command.isEmpty())
        return "ERR empty command";
    const QByteArray name = command[0].toUpper();
    if (name == "SUBSCRIBE" || name == "PSUBSCRIBE")
        return "ERR use POST /" + name.toLower() + "/<channel> (server-sent events) for " + name;
    if (name == "MULTI" || name == "EXEC" || name == "DISCARD")
        return "ERR use POST /multi-exec for transactions";
    if (connectionState.contains(name))
        return "ERR " + name +
               " changes the connection state and is not available through "
               "pmkv-proxy";
    if (blocking.contains(name))
        return "ERR blocking command " + name + " is not available through pmkv-proxy";
    if (!allowAdmin) {
        QByteArray what = name;
        if (!adminNames().contains(name)) {
            what.clear();
            if (argumentsMatter(name)) { // only those have administration subcommands
                const QByteArray sub = name + ' ' + command.value(1).toUpper();
                if (adminSubcommands().contains(sub))
                    what = sub;
            }
        }
        if (!what.isEmpty())
            return "ERR " + what +
                   " is an administration command, refused by pmkv-proxy as Upstash refuses "
                   "it (allowAdminCommands in its config file allows it for a trusted local "
                   "setup)";
    }
    if (name == "XREAD" || name == "XREADGROUP") {
        for (const QByteArray& a : command) {
            if (a.toUpper() == "BLOCK")
                return "ERR " + name + " with BLOCK is not available through pmkv-proxy";
        }
    }
    return {};
}

ProxyPlan ProxyRouter::plan(const HttpRequest& request, const ProxyAuth& auth, bool allowAdmin)
{
    const bool post = request.method == "POST";
    if (!post && request.method != "GET")
        return respond(405, "ERR method not allowed, use GET or POST");

    const ProxyAuth::Access access = auth.check(request);
    if (access == ProxyAuth::Access::Denied)
        return respond(401, "WRONGPASS invalid or missing auth token");

    // Split the path into decoded segments.
    QList<QByteArray> segments;
    const QList<QByteArray> raw = request.path.mid(1).split('/');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i].isEmpty() && i == raw.size() - 1 && i > 0)
            break; // a trailing slash
        QByteArray decoded;
        if (!percentDecode(raw[i], decoded))
            return respond(400, "ERR malformed percent escape in the path");
        segments.append(decoded);
    }
    if (segments.size() == 1 && segments[0].isEmpty())
        segments.clear();

    ProxyPlan p;
    p.base64 = request.header("upstash-encoding").toLower() == "base64";
    const QByteArray route = segments.isEmpty() ? QByteArray() : segments[0].toLower();

    if (segments.isEmpty() || route == "pipeline" || route == "multi-exec") {
        if (segments.size() > 1)
            return respond(404, "ERR not found: " + request.path);
        if (!post)
            return respond(405, "ERR method not allowed, use POST");
        if (segments.isEmpty()) {
            auto c = CommandJson::parseCommand(request.body);
            if (!c)
                return respond(400, c.error().message.toUtf8());
            p.kind = ProxyPlan::Kind::Single;
            p.commands = {c.value()};
        } else {
            auto c = CommandJson::parseCommands(request.body);
            if (!c)
                return respond(400, c.error().message.toUtf8());
            if (c.value().isEmpty())
                return respond(400, "ERR the pipeline is empty");
            p.kind = route == "pipeline" ? ProxyPlan::Kind::Pipeline : ProxyPlan::Kind::Transaction;
            p.commands = c.value();
        }
    } else if (route == "subscribe" || route == "psubscribe") {
        if (segments.size() < 2 || segments[1].isEmpty())
            return respond(404, "ERR give the channel: /" + route + "/<channel>");
        p.kind = ProxyPlan::Kind::Subscribe;
        KvCommand c{route.toUpper()};
        c += segments.mid(1);
        p.commands = {c};
        return p; // a read: allowed for read-only tokens too
    } else {
        for (const QByteArray& s : segments) {
            if (s.isEmpty())
                return respond(404, "ERR not found: empty path segment");
        }
        for (char ch : segments[0]) {
            const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                            (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' ||
                            ch == '|';
            if (!ok)
                return respond(404, "ERR not found: no such route");
        }
        KvCommand c = segments;
        if (post && !request.body.isEmpty())
            c.append(request.body);
        for (const auto& q : request.query) {
            if (q.first == "_token")
                continue;
            c.append(q.first);
            if (!q.second.isEmpty())
                c.append(q.second);
        }
        p.kind = ProxyPlan::Kind::Single;
        p.commands = {c};
    }

    review(p, access, allowAdmin);
    if (p.kind == ProxyPlan::Kind::Single && p.refused.contains(0))
        return respond(400, p.refused.value(0));
    if (p.kind == ProxyPlan::Kind::Transaction && !p.refused.isEmpty())
        return respond(400, p.refused.constBegin().value());
    return p;
}

} // namespace pmkv
