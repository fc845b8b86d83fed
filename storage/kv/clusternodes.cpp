#include "kv/clusternodes.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace pmkv {
namespace {

// "0-5460" or "5461"; false for anything else.
bool parseRange(const QByteArray& field, QPair<int, int>* range)
{
    const qsizetype dash = field.indexOf('-');
    bool firstOk = false;
    bool lastOk = true;
    const int first = (dash < 0 ? field : field.left(dash)).toInt(&firstOk);
    const int last = dash < 0 ? first : field.mid(dash + 1).toInt(&lastOk);
    if (!firstOk || !lastOk || first < 0 || last < first || last > 16383)
        return false;
    *range = {first, last};
    return true;
}

Result<ClusterNode> parseLine(const QByteArray& line)
{
    // <id> <ip:port@cport[,hostname]> <flags> <master> <ping> <pong> <epoch> <link> <slot>...
    const QList<QByteArray> fields = line.split(' ');
    auto malformed = [&line](const QString& what) {
        return makeError(QStringLiteral("cluster.nodes"),
                         QStringLiteral("CLUSTER NODES answered a line this version cannot read "
                                        "(%1): \"%2\"")
                             .arg(what, QString::fromUtf8(line.left(200))));
    };
    if (fields.size() < 8)
        return malformed(QStringLiteral("%1 fields, at least 8 expected").arg(fields.size()));
    ClusterNode node;
    node.id = fields.at(0);
    QByteArray address = fields.at(1);
    address = address.left(address.indexOf('@') < 0 ? address.size() : address.indexOf('@'));
    node.address = QString::fromUtf8(address);
    const QList<QByteArray> flags = fields.at(2).split(',');
    node.master = flags.contains("master");
    if (!node.master && !flags.contains("slave"))
        return malformed(QStringLiteral("neither master nor replica"));
    node.myself = flags.contains("myself");
    node.failing = flags.contains("fail") || flags.contains("fail?");
    node.masterId = fields.at(3) == "-" ? QByteArray() : fields.at(3);
    node.connected = fields.at(7) == "connected";
    for (qsizetype i = 8; i < fields.size(); ++i) {
        const QByteArray& slot = fields.at(i);
        if (slot.startsWith('[')) {
            ++node.slotsMoving;
            continue;
        }
        QPair<int, int> range;
        if (!parseRange(slot, &range))
            return malformed(QStringLiteral("slot \"%1\"").arg(QString::fromUtf8(slot)));
        node.slotRanges.append(range);
    }
    return node;
}

} // namespace

int ClusterNode::slotCount() const
{
    int count = 0;
    for (const auto& [first, last] : slotRanges)
        count += last - first + 1;
    return count;
}

QString ClusterNode::slotText() const
{
    QStringList parts;
    for (const auto& [first, last] : slotRanges)
        parts << (first == last ? QString::number(first)
                                : QStringLiteral("%1-%2").arg(first).arg(last));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

Result<ClusterNodes> ClusterNodes::parse(const QByteArray& text)
{
    QVector<ClusterNode> all;
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        Result<ClusterNode> node = parseLine(line);
        if (!node)
            return node.error();
        all.append(node.value());
    }
    if (all.isEmpty())
        return makeError(QStringLiteral("cluster.nodes"),
                         QStringLiteral("CLUSTER NODES answered no node."));
    auto firstSlot = [](const ClusterNode& node) {
        return node.slotRanges.isEmpty() ? 16384 : node.slotRanges.first().first;
    };
    QVector<ClusterNode> masters;
    for (const ClusterNode& node : all) {
        if (node.master)
            masters.append(node);
    }
    std::stable_sort(
        masters.begin(), masters.end(),
        [&](const ClusterNode& a, const ClusterNode& b) { return firstSlot(a) < firstSlot(b); });
    ClusterNodes out;
    for (const ClusterNode& master : masters) {
        out.nodes.append(master);
        for (const ClusterNode& node : all) {
            if (!node.master && node.masterId == master.id)
                out.nodes.append(node);
        }
    }
    // A replica whose master is not listed (it was just forgotten) still shows, last.
    for (const ClusterNode& node : all) {
        if (!node.master && std::none_of(masters.begin(), masters.end(), [&](const ClusterNode& m) {
                return m.id == node.masterId;
            }))
            out.nodes.append(node);
    }
    return out;
}

Result<ClusterNodes> ClusterNodes::fromReply(const KvReply& reply)
{
    if (reply.isError())
        return makeError(QStringLiteral("cluster.nodes"), QString::fromUtf8(reply.bytes));
    if (reply.type != KvReply::Type::String && reply.type != KvReply::Type::Status)
        return makeError(QStringLiteral("cluster.nodes"), QStringLiteral("no answer"));
    return parse(reply.bytes);
}

int ClusterNodes::masterCount() const
{
    return int(std::count_if(nodes.begin(), nodes.end(),
                             [](const ClusterNode& node) { return node.master; }));
}

int ClusterNodes::replicaCount() const
{
    return int(nodes.size()) - masterCount();
}

int ClusterNodes::servedSlots() const
{
    int served = 0;
    for (const ClusterNode& node : nodes) {
        if (node.master && !node.failing)
            served += node.slotCount();
    }
    return served;
}

QVector<ClusterNode> ClusterNodes::replicasOf(const ClusterNode& master) const
{
    QVector<ClusterNode> replicas;
    for (const ClusterNode& node : nodes) {
        if (!node.master && node.masterId == master.id)
            replicas.append(node);
    }
    return replicas;
}

const ClusterNode* ClusterNodes::myself() const
{
    for (const ClusterNode& node : nodes) {
        if (node.myself)
            return &node;
    }
    return nullptr;
}

} // namespace pmkv
