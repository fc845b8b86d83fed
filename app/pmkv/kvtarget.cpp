#include "kvtarget.h"

#include "connections/profilestore.h"
#include "connections/secretresolver.h"
#include "connections/secretstore.h"
#include "connections/storefactory.h"

namespace pmkv {

namespace {

const QString kConn = QStringLiteral("conn");
const QString kUrl = QStringLiteral("url");
const QString kRedis = QStringLiteral("redis");
const QString kConfirmProd = QStringLiteral("confirm-prod");
const QString kInsecure = QStringLiteral("allow-insecure-http");

ConnectionProfile adHocProfile(const QString& address)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("command-line");
    profile.address = address;
    profile.kind = ConnectionProfile::guessKind(address);
    if (profile.kind != ConnectionProfile::Kind::Redis) {
        profile.secretSource = ConnectionProfile::SecretSource::EnvironmentVariable;
        profile.secretVariable = QStringLiteral("PMKV_TOKEN");
    }
    return profile;
}

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
         QStringLiteral("Redis directly: redis://[user:pass@]host:port[/db] or a socket path."),
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
        return fromSpec(QStringLiteral("conn:") + parser.value(kConn));
    if (parser.isSet(kUrl)) {
        const QString url = parser.value(kUrl);
        if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
            return makeError(QStringLiteral("bad-url"),
                             QStringLiteral("--url %1: expected http(s)://host[:port]").arg(url));
        ConnectionProfile profile = adHocProfile(url);
        profile.allowInsecureHttp = parser.isSet(kInsecure);
        return profile;
    }
    return adHocProfile(parser.value(kRedis));
}

bool KvTarget::isConnectionSpec(const QString& spec)
{
    return spec.startsWith(QLatin1String("conn:")) || spec.startsWith(QLatin1String("http://")) ||
           spec.startsWith(QLatin1String("https://")) ||
           spec.startsWith(QLatin1String("redis://")) ||
           spec.startsWith(QLatin1String("rediss://")) || spec.startsWith(QLatin1String("unix://"));
}

Result<ConnectionProfile> KvTarget::fromSpec(const QString& spec)
{
    if (spec.startsWith(QLatin1String("conn:"))) {
        const QString name = spec.mid(5);
        const ProfileStore profiles;
        auto found = profiles.find(name);
        if (!found)
            return found.error();
        return found.value();
    }
    if (!isConnectionSpec(spec)) {
        return makeError(QStringLiteral("bad-target"),
                         QStringLiteral("%1 is not a connection: write conn:NAME, http(s)://... "
                                        "or redis://...")
                             .arg(spec));
    }
    return adHocProfile(spec);
}

Result<void> KvTarget::checkWriteAllowed(const ConnectionProfile& profile,
                                         const QCommandLineParser& parser)
{
    if (!profile.isProduction() || parser.value(kConfirmProd) == profile.name)
        return {};
    return makeError(QStringLiteral("prod-not-confirmed"),
                     QStringLiteral("connection \"%1\" is labelled PROD: repeat its name with "
                                    "--confirm-prod=%1 to write to it")
                         .arg(profile.name));
}

Result<KvStore*> KvTarget::open(const ConnectionProfile& profile, StoreThread& thread)
{
    auto secrets = thread.call([&profile, &thread] {
        auto* keychain = new SecretStore(thread.context());
        return SecretResolver::resolve(profile, keychain);
    });
    secrets.waitForFinished();
    const Result<ConnectionSecrets> resolved = secrets.result();
    if (!resolved)
        return resolved.error();
    return thread.call([&]() -> Result<KvStore*> {
        auto store = StoreFactory::create(profile, resolved.value());
        if (!store)
            return store.error();
        KvStore* opened = store.value().release();
        opened->setParent(thread.context());
        return opened;
    });
}

} // namespace pmkv
