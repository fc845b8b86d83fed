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
//
// A cluster's replicas are read only by a store made for browsing, and only when the profile
// says so (replicaReads, or ?replicas=prefer in its address). A job's store reads the masters:
// a replica lags (asynchronous replication, a resync after a restart), and validate after
// migrate, a resume's checks, rollback's key images and the journal's reads must see the
// latest value, not a replica's.
class StoreFactory final
{
public:
    enum class Use { Job, Browsing };

    static Result<std::unique_ptr<KvStore>>
    create(const ConnectionProfile& profile, const ConnectionSecrets& secrets, Use use = Use::Job);
    // Whether browsing this profile may read a cluster's replicas: its replicaReads option,
    // or ?replicas=prefer in its redis+cluster:// address.
    static bool browsesReplicas(const ConnectionProfile& profile);
    // A cluster profile's address: its redis+cluster:// URL, or its redis:// node as the seed,
    // with the profile's login; replica reads as said above.
    static Result<ClusterAddress> clusterAddress(const ConnectionProfile& profile,
                                                 const ConnectionSecrets& secrets,
                                                 Use use = Use::Job);
    static UpstashRestOptions restOptions(const ConnectionProfile& profile,
                                          const ConnectionSecrets& secrets);
};

} // namespace pmkv
