#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"
#include "core/result.h"

#include <QFuture>

namespace pmkv {

class SecretStore;

// Finds the secret a profile needs, from wherever the profile says it is: the keychain, an
// environment variable, or the session. A read-only profile with a read-only token gets that
// token and never touches the full one.
class SecretResolver final
{
public:
    static QFuture<Result<ConnectionSecrets>> resolve(const ConnectionProfile& profile,
                                                      SecretStore* keychain);
};

} // namespace pmkv
