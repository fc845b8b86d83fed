#include "workflows/targetspec.h"

#include "connections/profilestore.h"
#include "connections/sessionsecrets.h"
#include "redis/clusteraddress.h"
#include "redis/redisaddress.h"

#include <QAtomicInt>

namespace pmkv {

bool TargetSpec::isKeySpace(const QString& spec)
{
    for (const char* scheme :
         {"conn:", "http://", "https://", "redis://", "redis+cluster://", "rediss://", "unix://"}) {
        if (spec.startsWith(QLatin1String(scheme)))
            return true;
    }
    return false;
}

ConnectionProfile TargetSpec::forAddress(const QString& address)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("command-line");
    profile.address = address;
    profile.kind = ConnectionProfile::guessKind(address);
    if (profile.kind != ConnectionProfile::Kind::Redis) {
        profile.secretSource = ConnectionProfile::SecretSource::EnvironmentVariable;
        profile.secretVariable = QStringLiteral("PMKV_TOKEN");
        return profile;
    }
    // The login ends at the last '@', as both address parsers read it (a password may hold
    // '?' or '@' as typed): the parser gives the user and the password, and the profile keeps
    // the address without them.
    const int at = int(address.lastIndexOf(QLatin1Char('@')));
    if (at < 0)
        return profile;
    RedisAddress login;
    QLatin1String scheme("redis://");
    if (ClusterAddress::isClusterUrl(address)) {
        const auto cluster = ClusterAddress::parse(address);
        if (!cluster)
            return profile;
        login = cluster.value().seeds().first();
        scheme = QLatin1String(ClusterAddress::scheme);
    } else {
        const auto redis = RedisAddress::parse(address);
        if (!address.startsWith(scheme) || !redis)
            return profile;
        login = redis.value();
    }
    profile.address = scheme + address.mid(at + 1);
    profile.redisUser = login.user();
    const QString password = login.password();
    if (!password.isEmpty()) {
        // Two sides of a diff may each name their own password: one session slot per address.
        static QAtomicInt counter;
        profile.name = QStringLiteral("command-line-%1").arg(counter.fetchAndAddOrdered(1) + 1);
        SessionSecrets::instance().set(profile.name, SecretSlot::Token, password.toUtf8());
        profile.secretSource = ConnectionProfile::SecretSource::Session;
    }
    return profile;
}

Result<ConnectionProfile> TargetSpec::profile(const QString& spec)
{
    if (spec.startsWith(QLatin1String("conn:")))
        return ProfileStore().find(spec.mid(5));
    if (!isKeySpace(spec)) {
        return makeError(QStringLiteral("bad-target"),
                         QStringLiteral("%1 is not a connection: write conn:NAME, http(s)://... "
                                        "redis://... or redis+cluster://...")
                             .arg(spec));
    }
    return forAddress(spec);
}

} // namespace pmkv
