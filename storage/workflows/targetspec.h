#pragma once

#include "connections/connectionprofile.h"
#include "core/result.h"

#include <QString>

namespace pmkv {

// A key space named in one word, as both front ends accept it: `conn:NAME` (a saved
// connection), `http(s)://...` (an Upstash-compatible REST endpoint, its token in the
// PMKV_TOKEN environment variable) or `redis://...`, `rediss://...`, `unix://...` (Redis
// directly). An address becomes a profile of its own, named "command-line". A Redis address
// may carry its login (`redis://user:password@host`): the password is then kept apart from
// the profile, for this process only (SessionSecrets), as saved profiles never hold one.
class TargetSpec final
{
public:
    // True when `spec` names a key space rather than a file or folder.
    static bool isKeySpace(const QString& spec);
    static Result<ConnectionProfile> profile(const QString& spec);
    // The profile of an address (no saved connection).
    static ConnectionProfile forAddress(const QString& address);
};

} // namespace pmkv
