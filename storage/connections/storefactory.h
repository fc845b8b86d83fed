#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"
#include "core/result.h"
#include "kv/kvstore.h"
#include "rest/upstashrestoptions.h"

#include <memory>

namespace pmkv {

// Profile + secret -> a ready KvStore: UpstashRestStore for Upstash and local proxies,
// RedisStore for direct Redis, wrapped in ReadOnlyStore when the profile is read-only.
// Call it on the thread the store is to live on (it needs that thread's event loop).
class StoreFactory final
{
public:
    static Result<std::unique_ptr<KvStore>> create(const ConnectionProfile& profile,
                                                   const ConnectionSecrets& secrets);
    static UpstashRestOptions restOptions(const ConnectionProfile& profile,
                                          const ConnectionSecrets& secrets);
};

} // namespace pmkv
