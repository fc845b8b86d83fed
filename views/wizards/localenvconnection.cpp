#include "localenvconnection.h"

namespace pmkv {

ConnectionProfile LocalEnvConnection::profile(const QString& url)
{
    ConnectionProfile profile;
    profile.name = reservedName();
    profile.kind = ConnectionProfile::Kind::LocalProxy;
    profile.address = url;
    profile.environment = ConnectionProfile::Environment::Dev;
    profile.secretSource = ConnectionProfile::SecretSource::Session;
    return profile;
}

bool LocalEnvConnection::isLocalEnv(const ConnectionProfile& profile)
{
    return profile.name == reservedName();
}

QString LocalEnvConnection::reservedName()
{
    return ConnectionProfile::localEnvironmentName();
}

QString LocalEnvConnection::label(const ConnectionProfile& profile)
{
    return isLocalEnv(profile) ? tr("Local environment (pmkv env)") : profile.name;
}

} // namespace pmkv
