#include "connections/connectionprofile.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace pmkv {

Result<void> ConnectionProfile::validate() const
{
    if (!isValidName(name)) {
        return makeError(QStringLiteral("bad-profile-name"),
                         QStringLiteral("\"%1\" is not a usable connection name: use 1 to 64 "
                                        "letters, digits, '.', '_' or '-'")
                             .arg(name));
    }
    if (address.trimmed().isEmpty()) {
        return makeError(QStringLiteral("bad-address"),
                         QStringLiteral("connection \"%1\" has no address").arg(name));
    }
    if (address.startsWith(QLatin1String("rediss://"))) {
        return makeError(QStringLiteral("tls-unsupported"),
                         QStringLiteral("connection \"%1\": rediss:// (Redis over TLS) is not "
                                        "available: this build's hiredis (0.14) has no TLS. Use "
                                        "the server's Upstash REST URL (https://...), or run "
                                        "pmkv-proxy next to the Redis server and connect to it.")
                             .arg(name));
    }
    if (kind == Kind::Redis) {
        const bool redisScheme = address.startsWith(QLatin1String("redis://")) ||
                                 address.startsWith(QLatin1String("redis+cluster://")) ||
                                 address.startsWith(QLatin1String("unix://")) ||
                                 address.startsWith(QLatin1Char('/'));
        if (!redisScheme) {
            return makeError(QStringLiteral("bad-address"),
                             QStringLiteral("connection \"%1\": a Redis address looks like "
                                            "redis://host:6379, "
                                            "redis+cluster://host:7001,host:7002 or "
                                            "/run/redis.sock, got \"%2\"")
                                 .arg(name, address));
        }
        if (address.contains(QLatin1Char('@'))) {
            return makeError(QStringLiteral("bad-address"),
                             QStringLiteral("connection \"%1\": the address holds credentials; "
                                            "give the user and the password apart from it (the "
                                            "password is kept in the keychain)")
                                 .arg(name),
                             NextStep::withDetail(NextStep::Action::FixConnection, name));
        }
    } else {
        const QUrl url(address);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            return makeError(QStringLiteral("bad-address"),
                             QStringLiteral("connection \"%1\": a REST address looks like "
                                            "https://eu1-xyz.upstash.io or http://127.0.0.1:8080, "
                                            "got \"%2\"")
                                 .arg(name, url.adjusted(QUrl::RemoveUserInfo).toString()));
        }
        if (!url.userInfo().isEmpty()) {
            return makeError(QStringLiteral("bad-address"),
                             QStringLiteral("connection \"%1\": the address holds credentials; "
                                            "keep the token in the keychain instead")
                                 .arg(name));
        }
    }
    if (replicaReads && !isCluster()) {
        return makeError(QStringLiteral("bad-replica-reads"),
                         QStringLiteral("connection \"%1\": reading from replicas "
                                        "(replicaReads) is for a Redis Cluster: give a "
                                        "redis+cluster:// address or the cluster option")
                             .arg(name));
    }
    if (database < 0 || database > 15000) {
        return makeError(QStringLiteral("bad-database"),
                         QStringLiteral("connection \"%1\": database %2 is out of range")
                             .arg(name)
                             .arg(database));
    }
    if (secretSource == SecretSource::EnvironmentVariable && secretVariable.isEmpty()) {
        return makeError(QStringLiteral("bad-secret-source"),
                         QStringLiteral("connection \"%1\" reads its secret from an environment "
                                        "variable but names none")
                             .arg(name));
    }
    if (!colour.isEmpty() &&
        !QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(colour).hasMatch()) {
        return makeError(
            QStringLiteral("bad-colour"),
            QStringLiteral("connection \"%1\": colour \"%2\" is not #rrggbb").arg(name, colour));
    }
    return {};
}

bool ConnectionProfile::isCluster() const
{
    return kind == Kind::Redis &&
           (cluster || address.trimmed().startsWith(QLatin1String("redis+cluster://")));
}

QString ConnectionProfile::effectiveColour() const
{
    return colour.isEmpty() ? defaultColour(environment) : colour;
}

bool ConnectionProfile::isValidName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return pattern.match(name).hasMatch() && name != QLatin1String(".") &&
           name != QLatin1String("..");
}

QString ConnectionProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Upstash:
        return QStringLiteral("upstash");
    case Kind::LocalProxy:
        return QStringLiteral("proxy");
    case Kind::Redis:
        return QStringLiteral("redis");
    }
    return {};
}

std::optional<ConnectionProfile::Kind> ConnectionProfile::kindFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("upstash") || n == QLatin1String("rest"))
        return Kind::Upstash;
    if (n == QLatin1String("proxy") || n == QLatin1String("local-proxy"))
        return Kind::LocalProxy;
    if (n == QLatin1String("redis"))
        return Kind::Redis;
    return std::nullopt;
}

QStringList ConnectionProfile::kindNames()
{
    return {QStringLiteral("upstash"), QStringLiteral("proxy"), QStringLiteral("redis")};
}

QString ConnectionProfile::environmentName(Environment env)
{
    switch (env) {
    case Environment::Prod:
        return QStringLiteral("PROD");
    case Environment::Staging:
        return QStringLiteral("STAGING");
    case Environment::Dev:
        return QStringLiteral("DEV");
    case Environment::None:
        break;
    }
    return {};
}

std::optional<ConnectionProfile::Environment>
ConnectionProfile::environmentFromName(const QString& name)
{
    const QString n = name.trimmed().toUpper();
    if (n.isEmpty() || n == QLatin1String("NONE"))
        return Environment::None;
    if (n == QLatin1String("PROD") || n == QLatin1String("PRODUCTION"))
        return Environment::Prod;
    if (n == QLatin1String("STAGING"))
        return Environment::Staging;
    if (n == QLatin1String("DEV") || n == QLatin1String("DEVELOPMENT"))
        return Environment::Dev;
    return std::nullopt;
}

QString ConnectionProfile::defaultColour(Environment env)
{
    switch (env) {
    case Environment::Prod:
        return QStringLiteral("#c62828");
    case Environment::Staging:
        return QStringLiteral("#ef8f00");
    case Environment::Dev:
        return QStringLiteral("#2e7d32");
    case Environment::None:
        break;
    }
    return QStringLiteral("#757575");
}

QString ConnectionProfile::secretSourceName(SecretSource source)
{
    switch (source) {
    case SecretSource::Keychain:
        return QStringLiteral("keychain");
    case SecretSource::EnvironmentVariable:
        return QStringLiteral("env");
    case SecretSource::Session:
        return QStringLiteral("session");
    case SecretSource::None:
        break;
    }
    return QStringLiteral("none");
}

std::optional<ConnectionProfile::SecretSource>
ConnectionProfile::secretSourceFromName(const QString& name)
{
    if (name == QLatin1String("keychain"))
        return SecretSource::Keychain;
    if (name == QLatin1String("env"))
        return SecretSource::EnvironmentVariable;
    if (name == QLatin1String("session"))
        return SecretSource::Session;
    if (name == QLatin1String("none") || name.isEmpty())
        return SecretSource::None;
    return std::nullopt;
}

ConnectionProfile::Kind ConnectionProfile::guessKind(const QString& address)
{
    if (address.startsWith(QLatin1String("redis://")) ||
        address.startsWith(QLatin1String("redis+cluster://")) ||
        address.startsWith(QLatin1String("rediss://")) ||
        address.startsWith(QLatin1String("unix://")) || address.startsWith(QLatin1Char('/')))
        return Kind::Redis;
    const QString host = QUrl(address).host();
    const QHostAddress ip(host);
    const bool loopback = host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
                          (!ip.isNull() && ip.isLoopback());
    return loopback ? Kind::LocalProxy : Kind::Upstash;
}

} // namespace pmkv
