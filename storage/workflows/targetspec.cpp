#include "workflows/targetspec.h"

#include "connections/profilestore.h"

namespace pmkv {

bool TargetSpec::isKeySpace(const QString& spec)
{
    for (const char* scheme :
         {"conn:", "http://", "https://", "redis://", "rediss://", "unix://"}) {
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
                                        "or redis://...")
                             .arg(spec));
    }
    return forAddress(spec);
}

} // namespace pmkv
