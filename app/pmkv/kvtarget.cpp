#include "kvtarget.h"

#include "workflows/targetspec.h"

namespace pmkv {

namespace {

const QString kConn = QStringLiteral("conn");
const QString kUrl = QStringLiteral("url");
const QString kRedis = QStringLiteral("redis");
const QString kConfirmProd = QStringLiteral("confirm-prod");
const QString kInsecure = QStringLiteral("allow-insecure-http");

} // namespace

void KvTarget::addOptions(QCommandLineParser& parser)
{
    parser.addOption({kConn,
                      QStringLiteral("Use the saved connection NAME (see `pmkv conn list`)."),
                      QStringLiteral("NAME")});
    parser.addOption({kUrl,
                      QStringLiteral("Upstash-compatible REST endpoint; the token is read from "
                                     "the PMKV_TOKEN environment variable."),
                      QStringLiteral("URL")});
    parser.addOption(
        {kRedis,
         QStringLiteral("Redis directly: redis://[user:pass@]host:port[/db], a socket path, or "
                        "a Redis Cluster: redis+cluster://host:port[,host:port...]."),
         QStringLiteral("URL")});
    parser.addOption(
        {kInsecure, QStringLiteral("With --url: allow plain http:// to a host that is not "
                                   "this machine (the token travels unencrypted).")});
    parser.addOption({kConfirmProd,
                      QStringLiteral("Allow writes to the PROD connection NAME (type its name)."),
                      QStringLiteral("NAME")});
}

bool KvTarget::isGiven(const QCommandLineParser& parser)
{
    return parser.isSet(kConn) || parser.isSet(kUrl) || parser.isSet(kRedis);
}

Result<ConnectionProfile> KvTarget::fromOptions(const QCommandLineParser& parser)
{
    const int given =
        int(parser.isSet(kConn)) + int(parser.isSet(kUrl)) + int(parser.isSet(kRedis));
    if (given == 0) {
        return makeError(QStringLiteral("no-target"),
                         QStringLiteral("no key space given: add --conn NAME, --url URL (token in "
                                        "PMKV_TOKEN) or --redis redis://host:port"));
    }
    if (given > 1) {
        return makeError(QStringLiteral("several-targets"),
                         QStringLiteral("give only one of --conn, --url and --redis"));
    }
    if (parser.isSet(kConn))
        return TargetSpec::profile(QStringLiteral("conn:") + parser.value(kConn));
    if (parser.isSet(kUrl)) {
        const QString url = parser.value(kUrl);
        if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
            return makeError(QStringLiteral("bad-url"),
                             QStringLiteral("--url %1: expected http(s)://host[:port]").arg(url));
        ConnectionProfile profile = TargetSpec::forAddress(url);
        profile.allowInsecureHttp = parser.isSet(kInsecure);
        return profile;
    }
    return TargetSpec::forAddress(parser.value(kRedis));
}

bool KvTarget::isCommandLineError(const Error& error)
{
    return error.code == QLatin1String("no-target") ||
           error.code == QLatin1String("several-targets");
}

Result<ConnectionProfile> KvTarget::fromSpec(const QString& spec)
{
    return TargetSpec::profile(spec);
}

QString KvTarget::confirmation(const QCommandLineParser& parser)
{
    return parser.value(kConfirmProd);
}

} // namespace pmkv
