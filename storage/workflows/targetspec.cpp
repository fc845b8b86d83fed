#include "workflows/targetspec.h"

#include "connections/profilestore.h"
#include "connections/sessionsecrets.h"
#include "redis/clusteraddress.h"

#include <QAtomicInt>
#include <QUrl>

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
    QString password;
    if (ClusterAddress::isClusterUrl(address)) {
        // QUrl takes one host only: the cluster's own parser reads the login, and the address
        // keeps the node list without it.
        const int at = int(address.lastIndexOf(QLatin1Char('@')));
        const auto cluster = ClusterAddress::parse(address);
        if (at < 0 || !cluster)
            return profile;
        profile.address = QLatin1String(ClusterAddress::scheme) + address.mid(at + 1);
        profile.redisUser = cluster.value().seeds().first().user();
        password = cluster.value().seeds().first().password();
    } else {
        const QUrl url(address, QUrl::StrictMode);
        if (!address.startsWith(QLatin1String("redis://")) || !url.isValid() ||
            url.userInfo().isEmpty())
            return profile;
        profile.address = url.adjusted(QUrl::RemoveUserInfo).toString();
        profile.redisUser = url.userName(QUrl::FullyDecoded);
        password = url.password(QUrl::FullyDecoded);
    }
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
