#pragma once

#include "connections/connectionprofile.h"
#include "connections/connectionsecrets.h"
#include "core/result.h"
#include "kv/kvstore.h"
#include "redis/clusteraddress.h"
#include "rest/upstashrestoptions.h"

#include <memory>

namespace pmkv {

// Profile + secret -> a ready KvStore: UpstashRestStore for Upstash and local proxies,
// RedisStore for direct Redis, RedisClusterStore for a Redis Cluster (a redis+cluster://
// address, or the profile's "cluster" option), wrapped in ReadOnlyStore when the profile is
// read-only. Call it on the thread the store is to live on (it needs that thread's event loop).
class StoreFactory final
{
public:
    static Result<std::unique_ptr<KvStore>> create(const ConnectionProfile& profile,
                                                   const ConnectionSecrets& secrets);
    // A cluster profile's address: its redis+cluster:// URL, or its redis:// node as the seed,
    // with the profile's login.
    static Result<ClusterAddress> clusterAddress(const ConnectionProfile& profile,
                                                 const ConnectionSecrets& secrets);
    static UpstashRestOptions restOptions(const ConnectionProfile& profile,
                                          const ConnectionSecrets& secrets);
};

} // namespace pmkv
