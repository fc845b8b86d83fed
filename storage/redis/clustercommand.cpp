#include "redis/clustercommand.h"

#include "kv/hashslot.h"

#include <QHash>
#include <QSet>

namespace pmkv {

namespace {

QByteArray nameOf(const KvCommand& command)
{
    return command.value(0).toUpper();
}

const QSet<QByteArray>& keysBySlotNames()
{
    // Commands whose every argument is a key and whose answer adds up (or lines up) per key.
    static const QSet<QByteArray> names{"MGET", "DEL", "UNLINK", "EXISTS", "TOUCH"};
    return names;
}

const QSet<QByteArray>& keylessNames()
{
    static const QSet<QByteArray> names{
        "PING",   "ECHO",     "TIME",      "INFO", "LASTSAVE", "RANDOMKEY", "CLUSTER", "COMMAND",
        "CONFIG", "CLIENT",   "HELLO",     "AUTH", "SELECT",   "MULTI",     "EXEC",    "DISCARD",
        "ASKING", "READONLY", "READWRITE", "WAIT", "SCRIPT",   "FUNCTION",  "ACL",     "DEBUG",
        "ROLE",   "SLOWLOG",  "LATENCY",   "SAVE", "BGSAVE"};
    return names;
}

// PUBLISH and PUBSUB name channels, not keys (classic pub/sub reaches every node). They go
// where keyless commands go, the master of slot 0, always the same node, so that PUBLISH's
// count and PUBSUB's answers see the subscriptions pmkv-proxy makes there.
bool isPubSub(const QByteArray& name)
{
    return name == "PUBLISH" || name == "PUBSUB";
}

} // namespace

ClusterCommand::Spread ClusterCommand::spreadOf(const KvCommand& command)
{
    const QByteArray name = nameOf(command);
    if (name == "SCAN")
        return Spread::Scan;
    if (name == "DBSIZE" || name == "KEYS" || name == "FLUSHDB" || name == "FLUSHALL")
        return Spread::EveryMaster;
    if (name == "MSET")
        return Spread::PairsBySlot;
    if (keysBySlotNames().contains(name) && command.size() > 2)
        return Spread::KeysBySlot;
    if (keylessNames().contains(name) || isPubSub(name) || (name == "MEMORY" && command.size() < 3))
        return Spread::AnyNode;
    return Spread::ByKey;
}

QVector<QByteArray> ClusterCommand::keysOf(const KvCommand& command)
{
    const QByteArray name = nameOf(command);
    QVector<QByteArray> keys;
    if (keysBySlotNames().contains(name)) {
        for (qsizetype i = 1; i < command.size(); ++i)
            keys.append(command.at(i));
    } else if (name == "MSET" || name == "MSETNX") {
        for (qsizetype i = 1; i < command.size(); i += 2)
            keys.append(command.at(i));
    } else if (name == "EVAL" || name == "EVALSHA" || name == "EVAL_RO" || name == "EVALSHA_RO" ||
               name == "FCALL" || name == "FCALL_RO") {
        // EVAL script numkeys key [key ...] arg [arg ...]
        const qsizetype count = command.value(2).toLongLong();
        for (qsizetype i = 3; i < 3 + count && i < command.size(); ++i)
            keys.append(command.at(i));
    } else if (name == "MEMORY" || name == "OBJECT") {
        // MEMORY USAGE key, OBJECT ENCODING key: the key follows the subcommand.
        if (command.size() > 2)
            keys.append(command.at(2));
    } else if (spreadOf(command) == Spread::ByKey && command.size() > 1) {
        keys.append(command.at(1));
    }
    return keys;
}

int ClusterCommand::slotOf(const KvCommand& command)
{
    const QVector<QByteArray> keys = keysOf(command);
    return keys.isEmpty() ? 0 : HashSlot::of(keys.first());
}

QVector<ClusterCommand::Part> ClusterCommand::splitBySlot(const KvCommand& command)
{
    const bool pairs = spreadOf(command) == Spread::PairsBySlot;
    const int step = pairs ? 2 : 1;
    QVector<Part> parts;
    QHash<int, int> partOfSlot;
    int position = 0;
    for (qsizetype i = 1; i < command.size(); i += step, ++position) {
        const int slot = HashSlot::of(command.at(i));
        auto found = partOfSlot.constFind(slot);
        if (found == partOfSlot.constEnd()) {
            found = partOfSlot.insert(slot, int(parts.size()));
            parts.append(Part{{command.at(0)}, slot, {}});
        }
        Part& part = parts[found.value()];
        part.command.append(command.at(i));
        if (pairs)
            part.command.append(command.value(i + 1));
        part.positions.append(position);
    }
    return parts;
}

KvReply ClusterCommand::merge(const KvCommand& command, const QVector<Part>& parts,
                              const QVector<KvReply>& replies)
{
    for (const KvReply& reply : replies) {
        if (reply.isError())
            return reply;
    }
    if (replies.size() == 1 && spreadOf(command) != Spread::EveryMaster)
        return replies.first();
    const QByteArray name = nameOf(command);
    if (name == "MGET") {
        QVector<KvReply> values(command.size() - 1);
        for (int p = 0; p < parts.size(); ++p) {
            const QVector<int>& positions = parts.at(p).positions;
            for (int k = 0; k < positions.size(); ++k)
                values[positions.at(k)] = replies.at(p).elements.value(k);
        }
        return KvReply::array(std::move(values));
    }
    if (name == "KEYS") {
        QVector<KvReply> keys;
        for (const KvReply& reply : replies)
            keys += reply.elements;
        return KvReply::array(std::move(keys));
    }
    if (name == "MSET" || name == "FLUSHDB" || name == "FLUSHALL")
        return replies.value(0, KvReply::status("OK"));
    // DBSIZE, DEL, UNLINK, EXISTS, TOUCH: the counts add up.
    qint64 total = 0;
    for (const KvReply& reply : replies)
        total += reply.integer;
    return KvReply::fromInteger(total);
}

} // namespace pmkv
