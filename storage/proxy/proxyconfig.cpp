#include "proxy/proxyconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pmkv {

namespace {

Error configError(const QString& message)
{
    return makeError(QStringLiteral("proxy-config"), message);
}

QByteArrayList splitTokens(const QString& text)
{
    QByteArrayList out;
    for (const QString& t : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = t.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed.toUtf8());
    }
    return out;
}

Result<void> parseListen(const QString& text, ProxyConfig& c)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return configError(QStringLiteral("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 "
                                          "(got \"%1\")")
                               .arg(text));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return configError(
            QStringLiteral("--listen: the port must be 0..65535 (got \"%1\")").arg(text));
    QHostAddress address;
    if (host == QStringLiteral("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(host))
        return configError(QStringLiteral("--listen: \"%1\" is not an IP address (use "
                                          "127.0.0.1, ::1, 0.0.0.0 ...)")
                               .arg(host));
    c.listenAddress = address;
    c.listenHost = host;
    c.listenPort = static_cast<quint16>(port);
    return {};
}

Result<void> parseRedis(const QString& text, ProxyConfig& c)
{
    if (ClusterAddress::isClusterUrl(text)) {
        auto cluster = ClusterAddress::parse(text);
        if (!cluster)
            return cluster.error();
        c.cluster = cluster.value();
        // Its first node, with the login: SUBSCRIBE goes there (a cluster's classic pub/sub
        // reaches every node), and the password check below sees the login.
        c.redis = cluster.value().seeds().first();
        return {};
    }
    c.cluster.reset();
    auto a = RedisAddress::parse(text);
    if (!a)
        return a.error();
    c.redis = a.value();
    return {};
}

Result<void> loadFile(const QString& path, ProxyConfig& c)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return configError(
            QStringLiteral("cannot read the config file %1: %2").arg(path, f.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return configError(QStringLiteral("the config file %1 is not a JSON object (%2)")
                               .arg(path, pe.errorString()));
    const QJsonObject o = doc.object();
    static const QStringList known = {QStringLiteral("listen"),
                                      QStringLiteral("redis"),
                                      QStringLiteral("tokens"),
                                      QStringLiteral("readonlyTokens"),
                                      QStringLiteral("allowRemote"),
                                      QStringLiteral("maxBodyBytes"),
                                      QStringLiteral("maxConnections"),
                                      QStringLiteral("maxResponseBytes"),
                                      QStringLiteral("allowAdminCommands"),
                                      QStringLiteral("maxOpenConnections"),
                                      QStringLiteral("headTimeoutMs")};
    for (const QString& key : o.keys()) {
        if (!known.contains(key))
            return configError(QStringLiteral("the config file %1 has an unknown setting "
                                              "\"%2\" (known: %3)")
                                   .arg(path, key, known.join(QStringLiteral(", "))));
    }
    if (o.contains(QStringLiteral("listen"))) {
        auto r = parseListen(o.value(QStringLiteral("listen")).toString(), c);
        if (!r)
            return r;
    }
    if (o.contains(QStringLiteral("redis"))) {
        auto r = parseRedis(o.value(QStringLiteral("redis")).toString(), c);
        if (!r)
            return r;
    }
    for (const auto& [key, list] :
         {std::pair{QStringLiteral("tokens"), &c.tokens},
          std::pair{QStringLiteral("readonlyTokens"), &c.readOnlyTokens}}) {
        if (!o.contains(key))
            continue;
        if (!o.value(key).isArray())
            return configError(
                QStringLiteral("%1 in %2 must be an array of strings").arg(key, path));
        for (const QJsonValue& v : o.value(key).toArray()) {
            if (!v.isString() || v.toString().isEmpty())
                return configError(
                    QStringLiteral("%1 in %2 must be an array of strings").arg(key, path));
            list->append(v.toString().toUtf8());
        }
    }
    c.allowRemote = o.value(QStringLiteral("allowRemote")).toBool(c.allowRemote);
    c.allowAdminCommands =
        o.value(QStringLiteral("allowAdminCommands")).toBool(c.allowAdminCommands);
    if (o.contains(QStringLiteral("maxBodyBytes"))) {
        const qint64 n = o.value(QStringLiteral("maxBodyBytes")).toInteger(-1);
        if (n < 1)
            return configError(
                QStringLiteral("maxBodyBytes in %1 must be a positive number").arg(path));
        c.limits.maxBody = n;
    }
    for (const auto& [key, target] :
         {std::pair{QStringLiteral("maxConnections"), &c.maxConnections},
          std::pair{QStringLiteral("maxOpenConnections"), &c.maxOpenConnections},
          std::pair{QStringLiteral("headTimeoutMs"), &c.headTimeoutMs}}) {
        if (!o.contains(key))
            continue;
        const qint64 n = o.value(key).toInteger(-1);
        if (n < 1 || n > 100000000)
            return configError(QStringLiteral("%1 in %2 must be a positive number").arg(key, path));
        *target = int(n);
    }
    if (o.contains(QStringLiteral("maxResponseBytes"))) {
        const qint64 n = o.value(QStringLiteral("maxResponseBytes")).toInteger(-1);
        if (n < 1)
            return configError(
                QStringLiteral("maxResponseBytes in %1 must be a positive number").arg(path));
        c.maxResponse = n;
    }
    return {};
}

} // namespace

QString ProxyConfig::usage()
{
    return QStringLiteral(
        "Usage: pmkv-proxy [--listen HOST:PORT] [--redis URL] [--config FILE] [--allow-remote]\n"
        "\n"
        "An Upstash-compatible REST server in front of a Redis server.\n"
        "\n"
        "  --listen HOST:PORT  where to listen (default 127.0.0.1:8080)\n"
        "  --redis URL         redis://[user@]host:port[/db], a Unix socket path, or a\n"
        "                      Redis Cluster: redis+cluster://host:port[,host:port...]\n"
        "                      (default redis://127.0.0.1:6379; put a password in\n"
        "                      PMKV_PROXY_REDIS_URL or the config file, not here)\n"
        "  --config FILE       JSON settings: listen, redis, tokens, readonlyTokens,\n"
        "                      allowRemote, maxBodyBytes, maxConnections,\n"
        "                      maxOpenConnections, headTimeoutMs, maxResponseBytes,\n"
        "                      allowAdminCommands\n"
        "  --allow-remote      allow listening on a non-loopback address\n"
        "  --allow-admin-commands  forward administration commands (FLUSHALL, CONFIG,\n"
        "                      SHUTDOWN, ...), refused by default as Upstash does: for a\n"
        "                      trusted local setup only\n"
        "  --max-body BYTES    request body limit (default 10485760)\n"
        "  --max-response BYTES  largest answer the proxy builds (default 268435456);\n"
        "                      a larger one is refused with an error, not sent\n"
        "\n"
        "Environment: PMKV_PROXY_TOKEN and PMKV_PROXY_READONLY_TOKEN (comma-separated tokens),\n"
        "PMKV_PROXY_REDIS_URL. At least one token is required.\n"
        "\n"
        "Example:\n"
        "  PMKV_PROXY_TOKEN=devtoken pmkv-proxy --listen 127.0.0.1:8080 --redis "
        "redis://127.0.0.1:6379\n"
        "  curl -H 'Authorization: Bearer devtoken' http://127.0.0.1:8080/set/foo/bar\n"
        "\n"
        "Exit codes: 0 after a clean shutdown (SIGTERM or SIGINT), 2 cannot listen,\n"
        "64 wrong command line or configuration.\n");
}

Result<ProxyConfig> ProxyConfig::load(const QStringList& arguments,
                                      const QProcessEnvironment& environment)
{
    ProxyConfig c;
    // The config file first, so that the environment and the command line win.
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QStringLiteral("--config")) {
            if (i + 1 >= arguments.size())
                return configError(QStringLiteral("--config needs a file name"));
            auto r = loadFile(arguments[i + 1], c);
            if (!r)
                return r.error();
        }
    }
    if (environment.contains(QStringLiteral("PMKV_PROXY_TOKEN")))
        c.tokens += splitTokens(environment.value(QStringLiteral("PMKV_PROXY_TOKEN")));
    if (environment.contains(QStringLiteral("PMKV_PROXY_READONLY_TOKEN")))
        c.readOnlyTokens +=
            splitTokens(environment.value(QStringLiteral("PMKV_PROXY_READONLY_TOKEN")));
    if (environment.contains(QStringLiteral("PMKV_PROXY_REDIS_URL"))) {
        auto r = parseRedis(environment.value(QStringLiteral("PMKV_PROXY_REDIS_URL")), c);
        if (!r)
            return r.error();
    }

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        auto value = [&](QString& out) -> bool {
            if (i + 1 >= arguments.size())
                return false;
            out = arguments[++i];
            return true;
        };
        QString v;
        if (a == QStringLiteral("--config")) {
            ++i;
        } else if (a == QStringLiteral("--listen")) {
            if (!value(v))
                return configError(QStringLiteral("--listen needs HOST:PORT"));
            auto r = parseListen(v, c);
            if (!r)
                return r.error();
        } else if (a == QStringLiteral("--redis")) {
            if (!value(v))
                return configError(QStringLiteral("--redis needs a URL"));
            auto r = parseRedis(v, c);
            if (!r)
                return r.error();
            if (c.redis.hasPassword())
                return configError(QStringLiteral(
                    "the --redis URL carries a password, which other users could read in the "
                    "process list; put that URL in PMKV_PROXY_REDIS_URL or the config file"));
        } else if (a == QStringLiteral("--allow-remote")) {
            c.allowRemote = true;
        } else if (a == QStringLiteral("--allow-admin-commands")) {
            c.allowAdminCommands = true;
        } else if (a == QStringLiteral("--max-body")) {
            bool ok = false;
            const qint64 n = value(v) ? v.toLongLong(&ok) : 0;
            if (!ok || n < 1)
                return configError(QStringLiteral("--max-body needs a positive byte count"));
            c.limits.maxBody = n;
        } else if (a == QStringLiteral("--max-response")) {
            bool ok = false;
            const qint64 n = value(v) ? v.toLongLong(&ok) : 0;
            if (!ok || n < 1)
                return configError(QStringLiteral("--max-response needs a positive byte count"));
            c.maxResponse = n;
        } else if (a == QStringLiteral("--token") || a.startsWith(QStringLiteral("--token="))) {
            return configError(QStringLiteral("tokens are not accepted on the command line "
                                              "(other users can read it); set "
                                              "PMKV_PROXY_TOKEN or use --config FILE"));
        } else {
            return configError(QStringLiteral("unknown argument \"%1\"\n\n%2").arg(a, usage()));
        }
    }

    if (c.tokens.isEmpty() && c.readOnlyTokens.isEmpty())
        return configError(QStringLiteral("no token configured: set PMKV_PROXY_TOKEN (and "
                                          "optionally PMKV_PROXY_READONLY_TOKEN) or put "
                                          "\"tokens\" in a --config file"));
    if (!c.listenAddress.isLoopback() && !c.allowRemote)
        return configError(QStringLiteral("refusing to listen on %1, which is not a loopback "
                                          "address: pass --allow-remote (with a strong token) "
                                          "if you really want other machines to reach Redis")
                               .arg(c.listenHost));
    return c;
}

} // namespace pmkv
