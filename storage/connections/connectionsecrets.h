#pragma once

#include <QByteArray>

namespace pmkv {

// The one secret a store needs to open a profile: the REST token (or the read-only token)
// or the Redis password. Lives in memory only; never printed.
struct ConnectionSecrets
{
    QByteArray secret;
    // The secret is a read-only REST token (Upstash refuses writes, SCAN and KEYS to it).
    bool readOnlyToken = false;
};

} // namespace pmkv
