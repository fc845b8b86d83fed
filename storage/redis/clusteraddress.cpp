#include "redis/clusteraddress.h"

#include <QStringList>
#include <QUrlQuery>

namespace pmkv {

namespace {

Error addressError(QString what)
{
    // A node's own error ends with a full stop already: one is enough.
    while (what.endsWith(QLatin1Char('.')))
        what.chop(1);
    // Never echo the text itself: it may carry a password.
    return makeError(QStringLiteral("redis-address"),
                     QStringLiteral("Redis Cluster address is not usable: %1. Write it as "
                                    "redis+cluster://[user:password@]host:port[,host:port...].")
                         .arg(what));
}

// Takes `replicas=` out of the query ("?a=1&replicas=prefer"); what is left goes to each node.
Result<bool> takeReplicaReads(QString& query)
{
    QUrlQuery items(query.mid(1));
    if (!items.hasQueryItem(QStringLiteral("replicas")))
        return false;
    const QString value = items.queryItemValue(QStringLiteral("replicas")).toLower();
    items.removeAllQueryItems(QStringLiteral("replicas"));
    const QString rest = items.query();
    query = rest.isEmpty() ? QString() : QLatin1Char('?') + rest;
    if (value == QLatin1String("prefer"))
        return true;
    if (value == QLatin1String("never"))
        return false;
    return addressError(QStringLiteral("reading from replicas (?replicas=) is prefer or never"));
}

} // namespace

bool ClusterAddress::isClusterUrl(const QString& text)
{
    return text.trimmed().startsWith(QLatin1String(scheme));
}

Result<ClusterAddress> ClusterAddress::parse(const QString& input)
{
    QString rest = input.trimmed();
    if (!isClusterUrl(rest))
        return addressError(QStringLiteral("the scheme must be redis+cluster://"));
    rest = rest.mid(int(qstrlen(scheme)));
    // As in a redis:// address, the login, if any, is everything before the last '@' and the
    // options start at the first '?' after it: a password may hold '@' or '?' as typed.
    QString login;
    if (const int at = int(rest.lastIndexOf(QLatin1Char('@'))); at >= 0) {
        login = rest.left(at + 1);
        rest = rest.mid(at + 1);
    }
    QString query;
    if (const int q = int(rest.indexOf(QLatin1Char('?'))); q >= 0) {
        query = rest.mid(q);
        rest.truncate(q);
    }
    const Result<bool> replicaReads = takeReplicaReads(query);
    if (!replicaReads)
        return replicaReads.error();
    ClusterAddress address;
    address.m_readsFromReplicas = replicaReads.value();
    const QStringList nodes = rest.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (nodes.isEmpty())
        return addressError(QStringLiteral("no node is given"));
    for (const QString& node : nodes) {
        // Each node is an ordinary redis:// address with the shared login and options, so
        // ports, IPv6 brackets, escapes in the password and ?timeout= parse the same way.
        auto seed =
            RedisAddress::parse(QStringLiteral("redis://") + login + node.trimmed() + query);
        if (!seed)
            return addressError(QStringLiteral("node %1 of the list: %2")
                                    .arg(address.m_seeds.size() + 1)
                                    .arg(seed.error().message));
        if (seed.value().database() != 0)
            return addressError(QStringLiteral("a Redis Cluster has database 0 only"));
        address.m_seeds.append(seed.value());
    }
    return address;
}

Result<ClusterAddress> ClusterAddress::fromSeed(const RedisAddress& seed)
{
    if (seed.isUnixSocket())
        return addressError(QStringLiteral("a cluster is reached over TCP (host:port), not a "
                                           "Unix socket"));
    if (seed.database() != 0)
        return addressError(QStringLiteral("a Redis Cluster has database 0 only"));
    ClusterAddress address;
    address.m_seeds.append(seed);
    return address;
}

RedisAddress ClusterAddress::node(const QString& host, quint16 port) const
{
    RedisAddress a = RedisAddress::tcp(host, port);
    if (!m_seeds.isEmpty()) {
        a.setCredentials(m_seeds.first().user(), m_seeds.first().password());
        a.setReplyTimeoutMs(m_seeds.first().replyTimeoutMs());
    }
    return a;
}

void ClusterAddress::setCredentials(const QString& user, const QString& password)
{
    for (RedisAddress& seed : m_seeds)
        seed.setCredentials(user, password);
}

int ClusterAddress::replyTimeoutMs() const
{
    return m_seeds.isEmpty() ? 0 : m_seeds.first().replyTimeoutMs();
}

QString ClusterAddress::describe() const
{
    QStringList nodes;
    for (const RedisAddress& seed : m_seeds) {
        const QString host = seed.host().contains(QLatin1Char(':'))
                                 ? QStringLiteral("[%1]").arg(seed.host())
                                 : seed.host();
        nodes.append(QStringLiteral("%1:%2").arg(host).arg(seed.port()));
    }
    return QLatin1String(scheme) + nodes.join(QLatin1Char(','));
}

} // namespace pmkv
