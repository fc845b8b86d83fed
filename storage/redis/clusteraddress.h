#pragma once

#include "core/result.h"
#include "redis/redisaddress.h"

#include <QString>
#include <QVector>

namespace pmkv {

// Where a Redis Cluster can be reached: one or more seed nodes, from
// `redis+cluster://[user:password@]host:port[,host:port...][?timeout=T][&replicas=prefer]`.
// Any one seed that answers is enough: the cluster tells the rest (CLUSTER SLOTS). Every node
// is logged in to with the same user and password, and a cluster has database 0 only. As
// RedisAddress, the password is kept for AUTH and never printed.
// `replicas=prefer` (or `never`, the default) says whether reads may be served by the
// masters' replicas (ClusterBatch says which); the opener of the store has the last word
// (StoreFactory: jobs always read the masters).
class ClusterAddress final
{
public:
    static constexpr const char* scheme = "redis+cluster://";

    static bool isClusterUrl(const QString& text);
    static Result<ClusterAddress> parse(const QString& text);
    // One node given as a plain address (a profile with the "cluster" option).
    static Result<ClusterAddress> fromSeed(const RedisAddress& seed);

    const QVector<RedisAddress>& seeds() const { return m_seeds; }
    // The seeds' login and options at another node, as the cluster names it.
    RedisAddress node(const QString& host, quint16 port) const;
    void setCredentials(const QString& user, const QString& password);
    int replyTimeoutMs() const;
    bool readsFromReplicas() const { return m_readsFromReplicas; }
    void setReadsFromReplicas(bool on) { m_readsFromReplicas = on; }

    // "redis+cluster://127.0.0.1:7001,127.0.0.1:7002": for messages, no secret.
    QString describe() const;

private:
    QVector<RedisAddress> m_seeds;
    bool m_readsFromReplicas = false;
};

} // namespace pmkv
