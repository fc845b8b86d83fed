#pragma once

#include "kv/clusternodes.h"
#include "kv/kvreply.h"

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>

namespace pmkv {

// What a key space says about itself, for the server panel: INFO server, memory and keyspace
// and DBSIZE, asked in one pipeline. Over REST the server may refuse INFO (Upstash answers
// only some sections, a read-only token may be refused): a section that did not come is
// empty with its refusal in `errors`, the rest is still shown. Of a cluster it also asks
// CLUSTER NODES; INFO then describes the node that answered (the master of slot 0) and
// DBSIZE is the sum over the masters.
struct ServerInfo
{
    struct Section
    {
        QString name;                            // "Server", "Memory", "Keyspace"
        QVector<QPair<QString, QString>> fields; // in the server's order
        QString error;                           // why the section is missing (empty: it came)
    };

    QVector<Section> sections;
    qint64 dbSize = -1; // DBSIZE of the selected database; -1 not available
    QString dbSizeError;
    // Keys per database from the keyspace section ("db0" -> 1234); empty when unknown.
    QVector<QPair<QString, qint64>> keysPerDatabase;

    // Of a cluster only: its nodes, or why they are not known.
    bool cluster = false;
    ClusterNodes clusterNodes;
    QString clusterError;

    static QVector<KvCommand> commands(bool cluster = false);
    static ServerInfo parse(const QVector<KvReply>& replies);
    // One INFO section's "name:value" lines ("# Title" and blank lines skipped).
    static QVector<QPair<QString, QString>> parseFields(const QByteArray& text);
    QString value(const QString& section, const QString& field) const;

private:
    void parseClusterNodes(const KvReply& reply);
};

} // namespace pmkv
