#include "connections/storefactory.h"

#include "connections/readonlystore.h"
#include "redis/redisaddress.h"
#include "redis/redisclusterstore.h"
#include "redis/redisstore.h"
#include "rest/upstashreststore.h"

namespace pmkv {

UpstashRestOptions StoreFactory::restOptions(const ConnectionProfile& profile,
                                             const ConnectionSecrets& secrets)
{
    UpstashRestOptions options;
    options.url = QUrl(profile.address.trimmed());
    options.token = secrets.secret;
    options.allowInsecureHttp = profile.allowInsecureHttp;
    options.proxy = profile.proxy;
    // Upstash refuses SCAN and KEYS to read-only tokens; a local proxy decides for itself.
    options.readOnlyToken =
        secrets.readOnlyToken && profile.kind == ConnectionProfile::Kind::Upstash;
    return options;
}

bool StoreFactory::browsesReplicas(const ConnectionProfile& profile)
{
    if (profile.replicaReads)
        return true;
    if (!profile.isCluster())
        return false;
    const Result<ClusterAddress> address = ClusterAddress::parse(profile.address.trimmed());
    return address && address.value().readsFromReplicas();
}

Result<ClusterAddress> StoreFactory::clusterAddress(const ConnectionProfile& profile,
                                                    const ConnectionSecrets& secrets, Use use)
{
    const QString text = profile.address.trimmed();
    Result<ClusterAddress> address = ClusterAddress::parse(text);
    if (!ClusterAddress::isClusterUrl(text)) {
        // A plain redis:// address with the profile's "cluster" option: one seed node.
        auto seed = RedisAddress::parse(text);
        if (!seed)
            return seed.error();
        address = ClusterAddress::fromSeed(seed.value());
    }
    if (!address)
        return address.error();
    if (profile.database != 0)
        return makeError(QStringLiteral("redis-address"),
                         QStringLiteral("connection \"%1\": a Redis Cluster has database 0 "
                                        "only, the profile asks for database %2")
                             .arg(profile.name)
                             .arg(profile.database));
    ClusterAddress a = address.value();
    a.setReadsFromReplicas(use == Use::Browsing && browsesReplicas(profile));
    if (!secrets.secret.isEmpty() || !profile.redisUser.isEmpty())
        a.setCredentials(profile.redisUser, QString::fromUtf8(secrets.secret));
    return a;
}

Result<std::unique_ptr<KvStore>> StoreFactory::create(const ConnectionProfile& profile,
                                                      const ConnectionSecrets& secrets, Use use)
{
    const Result<void> valid = profile.validate();
    if (!valid)
        return valid.error();
    std::unique_ptr<KvStore> store;
    if (profile.isCluster()) {
        auto address = clusterAddress(profile, secrets, use);
        if (!address)
            return address.error();
        store = std::make_unique<RedisClusterStore>(address.value(), profile.readOnly);
    } else if (profile.kind == ConnectionProfile::Kind::Redis) {
        auto address = RedisAddress::parse(profile.address.trimmed());
        if (!address)
            return address.error();
        RedisAddress a = address.value();
        if (profile.database != 0)
            a.setDatabase(profile.database);
        if (!secrets.secret.isEmpty() || !profile.redisUser.isEmpty())
            a.setCredentials(profile.redisUser, QString::fromUtf8(secrets.secret));
        store = std::make_unique<RedisStore>(a, profile.readOnly);
    } else {
        const UpstashRestOptions options = restOptions(profile, secrets);
        const Result<void> ok = UpstashRestStore::validate(options);
        if (!ok)
            return ok.error();
        store = std::make_unique<UpstashRestStore>(options);
    }
    if (profile.readOnly)
        store = std::make_unique<ReadOnlyStore>(store.release(), profile.name);
    return store;
}

} // namespace pmkv
