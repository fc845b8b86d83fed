#pragma once

#include "core/result.h"
#include "rest/restproxy.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pmkv {

// A named way to reach one key space: where it is, how keys are laid out, how careful to be
// with it. Holds no secret: tokens and passwords live in the keychain (SecretStore), in an
// environment variable named here, or in memory for one session.
class ConnectionProfile final
{
public:
    enum class Kind { Upstash, LocalProxy, Redis };
    enum class Environment { None, Dev, Staging, Prod };
    // Where the secret (REST token or Redis password) comes from.
    enum class SecretSource { None, Keychain, EnvironmentVariable, Session };

    QString name;
    Kind kind = Kind::Upstash;
    // https://eu1-x.upstash.io, http://127.0.0.1:8080, redis://host:6379,
    // redis+cluster://host:7001[,host:7002...]
    QString address;
    int database = 0;
    QString layout = QStringLiteral("repository"); // preset name or layout file
    QString prefix;                                // empty: the layout's own
    bool readOnly = false;
    Environment environment = Environment::None;
    QString colour; // #rrggbb; empty: the environment's default colour
    bool hasReadOnlyToken = false;
    QString redisUser; // ACL user for Redis (the password is a secret)
    bool allowInsecureHttp = false;
    // Redis: the address is a node of a Redis Cluster (implied by redis+cluster://): the
    // store routes by hash slot over all the cluster's masters.
    bool cluster = false;
    // Redis Cluster: browsing may read from the masters' replicas (spreading the load, at the
    // price of the replicas' lag); jobs read the masters whatever this says (StoreFactory).
    // Also said by `?replicas=prefer` in a redis+cluster:// address.
    bool replicaReads = false;
    RestProxy proxy; // REST kinds: the system's proxy (default), none, or a manual one
    SecretSource secretSource = SecretSource::None;
    QString secretVariable; // for SecretSource::EnvironmentVariable

    // What is wrong (empty name, unknown scheme ...), naming the field and what to do.
    Result<void> validate() const;
    bool isProduction() const { return environment == Environment::Prod; }
    bool isCluster() const;
    QString effectiveColour() const;

    // The name of the local environment's connection (`pmkv env`: the local Redis + pmkv-proxy
    // pair), which pmkv-studio opens for a session; never a saved connection's, so that the two
    // are not taken for each other (a saved one is often called "local").
    static QString localEnvironmentName() { return QStringLiteral("pmkv-env"); }
    static bool isValidName(const QString& name);

    static QString kindName(Kind kind); // "upstash", "proxy", "redis"
    static std::optional<Kind> kindFromName(const QString& name);
    static QStringList kindNames();
    static QString environmentName(Environment env); // "PROD", "STAGING", "DEV", ""
    static std::optional<Environment> environmentFromName(const QString& name);
    static QString defaultColour(Environment env);
    static QString secretSourceName(SecretSource source);
    static std::optional<SecretSource> secretSourceFromName(const QString& name);
    // Upstash for remote https, LocalProxy for a loopback http(s) address, Redis for redis://
    // and redis+cluster://.
    static Kind guessKind(const QString& address);
};

} // namespace pmkv
