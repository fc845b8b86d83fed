#include "kv/serverinfo.h"

#include <QList>

namespace pmkv {
namespace {

const char* const kSections[] = {"server", "memory", "keyspace"};

} // namespace

QVector<KvCommand> ServerInfo::commands(bool cluster)
{
    QVector<KvCommand> batch;
    for (const char* section : kSections)
        batch.append(KvCommand{"INFO", section});
    batch.append(KvCommand{"DBSIZE"});
    if (cluster)
        batch.append(KvCommand{"CLUSTER", "NODES"});
    return batch;
}

QVector<QPair<QString, QString>> ServerInfo::parseFields(const QByteArray& text)
{
    QVector<QPair<QString, QString>> fields;
    for (QByteArray line : text.split('\n')) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        fields.append(
            {QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1))});
    }
    return fields;
}

ServerInfo ServerInfo::parse(const QVector<KvReply>& replies)
{
    ServerInfo info;
    const qsizetype sectionCount = std::size(kSections);
    for (qsizetype i = 0; i < sectionCount; ++i) {
        Section section;
        QString name = QString::fromLatin1(kSections[i]);
        name[0] = name[0].toUpper();
        section.name = name;
        const KvReply reply = replies.value(i);
        if (reply.isError())
            section.error = QString::fromUtf8(reply.bytes);
        else if (reply.type != KvReply::Type::String && reply.type != KvReply::Type::Status)
            section.error = QStringLiteral("no answer");
        else
            section.fields = parseFields(reply.bytes);
        info.sections.append(section);
    }
    const KvReply size = replies.value(sectionCount);
    if (size.type == KvReply::Type::Integer)
        info.dbSize = size.integer;
    else
        info.dbSizeError =
            size.isError() ? QString::fromUtf8(size.bytes) : QStringLiteral("no answer");
    if (replies.size() > sectionCount + 1)
        info.parseClusterNodes(replies.at(sectionCount + 1));
    // "db0:keys=12,expires=0,avg_ttl=0"
    for (const auto& [db, text] : info.sections.at(2).fields) {
        for (const QString& part : text.split(QLatin1Char(','))) {
            if (part.startsWith(QLatin1String("keys=")))
                info.keysPerDatabase.append({db, part.mid(5).toLongLong()});
        }
    }
    return info;
}

void ServerInfo::parseClusterNodes(const KvReply& reply)
{
    cluster = true;
    Result<ClusterNodes> nodes = ClusterNodes::fromReply(reply);
    if (nodes)
        clusterNodes = nodes.value();
    else
        clusterError = nodes.error().message;
}

QString ServerInfo::value(const QString& section, const QString& field) const
{
    for (const Section& s : sections) {
        if (s.name.compare(section, Qt::CaseInsensitive) != 0)
            continue;
        for (const auto& [name, value] : s.fields) {
            if (name == field)
                return value;
        }
    }
    return QString();
}

} // namespace pmkv
