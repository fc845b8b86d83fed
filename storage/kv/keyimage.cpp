#include "kv/keyimage.h"

#include "kv/kvwait.h"

#include <QJsonArray>

#include <algorithm>

namespace pmkv {
namespace {

// Commands past this many arguments are split (a large hash is rebuilt in several HSETs).
constexpr qsizetype kArgumentsPerCommand = 1000;

Error readError(const QByteArray& key, const QByteArray& text)
{
    return Error{QStringLiteral("kv.key-image"),
                 QStringLiteral("reading %1 failed: %2")
                     .arg(QString::fromUtf8(key), QString::fromUtf8(text)),
                 {}};
}

KvCommand countCommand(const KeyImage& image)
{
    if (image.type == "hash")
        return {"HLEN", image.key};
    if (image.type == "list")
        return {"LLEN", image.key};
    if (image.type == "set")
        return {"SCARD", image.key};
    if (image.type == "zset")
        return {"ZCARD", image.key};
    if (image.type == "stream")
        return {"XLEN", image.key};
    return {"STRLEN", image.key};
}

KvCommand readCommand(const KeyImage& image)
{
    if (image.type == "hash")
        return {"HGETALL", image.key};
    if (image.type == "list")
        return {"LRANGE", image.key, "0", "-1"};
    if (image.type == "set")
        return {"SMEMBERS", image.key};
    if (image.type == "zset")
        return {"ZRANGE", image.key, "0", "-1", "WITHSCORES"};
    if (image.type == "stream")
        return {"XRANGE", image.key, "-", "+"};
    return {"GET", image.key};
}

// A hash's pairs sorted by field, so that two images of one hash compare equal whatever
// order the server gave.
QVector<QByteArray> sortedPairs(const QVector<KvReply>& flat)
{
    QVector<QPair<QByteArray, QByteArray>> pairs;
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        pairs.append({flat.at(i).bytes, flat.at(i + 1).bytes});
    std::sort(pairs.begin(), pairs.end());
    QVector<QByteArray> items;
    for (const auto& [a, b] : pairs)
        items << a << b;
    return items;
}

// Appends `base` + the items, split every kArgumentsPerCommand arguments, `step` at a time.
void appendChunked(QVector<KvCommand>& out, const KvCommand& base, const QVector<QByteArray>& items,
                   qsizetype step, bool swapPairs = false)
{
    for (qsizetype start = 0; start < items.size();) {
        KvCommand command = base;
        for (; start < items.size() && command.size() < kArgumentsPerCommand; start += step) {
            if (swapPairs) // ZADD wants score, member
                command << items.value(start + 1) << items.at(start);
            else
                for (qsizetype i = start; i < start + step; ++i)
                    command << items.value(i);
        }
        out.append(command);
    }
}

// The value of `name` in a reply that is a flat list of names and values (XINFO's).
QByteArray valueOf(const KvReply& reply, const QByteArray& name)
{
    for (qsizetype i = 0; i + 1 < reply.elements.size(); i += 2)
        if (reply.elements.at(i).bytes == name) {
            const KvReply& value = reply.elements.at(i + 1);
            return value.type == KvReply::Type::Integer ? QByteArray::number(value.integer)
                                                        : value.bytes;
        }
    return {};
}

// A stream's last ID and its consumer groups (XINFO STREAM, XINFO GROUPS), one round trip
// for all of them.
Result<void> readStreamHeads(KvStore& store, QVector<KeyImage*> streams)
{
    if (streams.isEmpty())
        return {};
    QVector<KvCommand> info;
    for (const KeyImage* image : streams)
        info << KvCommand{"XINFO", "STREAM", image->key}
             << KvCommand{"XINFO", "GROUPS", image->key};
    auto replies = waitFor(store, store.execute(info));
    if (!replies)
        return replies.error();
    for (qsizetype i = 0; i < streams.size(); ++i) {
        KeyImage& image = *streams.at(i);
        const KvReply& stream = replies.value().value(i * 2);
        const KvReply& groups = replies.value().value(i * 2 + 1);
        if (stream.isError() || groups.isError())
            return readError(image.key, stream.isError() ? stream.bytes : groups.bytes);
        image.lastId = valueOf(stream, "last-generated-id");
        for (const KvReply& group : groups.elements)
            image.groups << valueOf(group, "name") << valueOf(group, "last-delivered-id");
    }
    return {};
}

QJsonArray base64Array(const QVector<QByteArray>& items)
{
    QJsonArray array;
    for (const QByteArray& item : items)
        array.append(QString::fromLatin1(item.toBase64()));
    return array;
}

QVector<QByteArray> fromBase64Array(const QJsonArray& array)
{
    QVector<QByteArray> items;
    for (const auto& v : array)
        items.append(QByteArray::fromBase64(v.toString().toLatin1()));
    return items;
}

} // namespace

bool KeyImage::sameContent(const KeyImage& other) const
{
    return type == other.type && items == other.items && entries == other.entries &&
           lastId == other.lastId && groups == other.groups;
}

Result<QVector<KeyImage>> KeyImage::read(KvStore& store, const QVector<QByteArray>& keys)
{
    QVector<KvCommand> first;
    for (const QByteArray& key : keys)
        first << KvCommand{"TYPE", key} << KvCommand{"PTTL", key};
    first << KvCommand{"TIME"};
    auto heads = waitFor(store, store.execute(first));
    if (!heads)
        return heads.error();
    if (heads.value().size() != first.size())
        return readError(keys.value(0), "unexpected reply");
    const KvReply& time = heads.value().constLast();
    qint64 now = 0;
    if (time.elements.size() == 2)
        now = time.elements.at(0).bytes.toLongLong() * 1000 +
              time.elements.at(1).bytes.toLongLong() / 1000;
    QVector<KeyImage> images;
    QVector<KvCommand> counts;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        KeyImage image;
        image.key = keys.at(i);
        const KvReply& type = heads.value().at(i * 2);
        const KvReply& pttl = heads.value().at(i * 2 + 1);
        if (type.isError())
            return readError(image.key, type.bytes);
        image.type = type.bytes;
        if (image.exists() && image.type != "string" && countCommand(image).first() == "STRLEN")
            return readError(image.key, "a " + image.type +
                                            " (only strings, hashes, lists, sets, "
                                            "sorted sets and streams are edited)");
        if (pttl.integer > 0 && now > 0)
            image.expireAtMs = now + pttl.integer;
        images.append(image);
        counts.append(countCommand(image));
    }
    auto sizes = waitFor(store, store.execute(counts));
    if (!sizes)
        return sizes.error();
    QVector<KvCommand> reads;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const KeyImage& image = images.at(i);
        const qint64 members = sizes.value().value(i).integer;
        if (image.exists() && image.type != "string" && members > kMaxMembers)
            return readError(image.key, QByteArray::number(members) +
                                            " members: too many to journal (the limit is " +
                                            QByteArray::number(kMaxMembers) + ")");
        reads.append(readCommand(image));
    }
    auto values = waitFor(store, store.execute(reads));
    if (!values)
        return values.error();
    QVector<KeyImage*> streams;
    for (qsizetype i = 0; i < images.size(); ++i) {
        KeyImage& image = images[i];
        const KvReply& reply = values.value().value(i);
        if (!image.exists())
            continue;
        if (reply.isError())
            return readError(image.key, reply.bytes);
        if (reply.isNil()) { // gone in between
            image.type = "none";
            image.expireAtMs = 0;
        } else if (image.type == "string") {
            image.items = {reply.bytes};
        } else if (image.type == "hash") {
            image.items = sortedPairs(reply.elements);
        } else if (image.type == "stream") {
            streams.append(&image);
            for (const KvReply& entry : reply.elements) {
                QVector<QByteArray> row{entry.elements.value(0).bytes};
                for (const KvReply& f : entry.elements.value(1).elements)
                    row.append(f.bytes);
                image.entries.append(row);
            }
        } else {
            for (const KvReply& item : reply.elements)
                image.items.append(item.bytes);
            if (image.type == "set")
                std::sort(image.items.begin(), image.items.end());
        }
    }
    if (auto heads = readStreamHeads(store, streams); !heads)
        return heads.error();
    return images;
}

// The entries, each group where it had read to (MKSTREAM: a stream whose entries were all
// deleted still holds its groups), then the last ID (above the last entry's when the newest
// were deleted, so that no ID is given twice).
void KeyImage::appendStream(QVector<KvCommand>& commands) const
{
    for (const QVector<QByteArray>& entry : entries)
        commands.append(KvCommand{"XADD", key} + KvCommand(entry.begin(), entry.end()));
    for (qsizetype i = 0; i + 1 < groups.size(); i += 2)
        commands.append({"XGROUP", "CREATE", key, groups.at(i), groups.at(i + 1), "MKSTREAM"});
    if ((!entries.isEmpty() || !groups.isEmpty()) && !lastId.isEmpty())
        commands.append({"XSETID", key, lastId});
}

QVector<KvCommand> KeyImage::restoreCommands() const
{
    QVector<KvCommand> commands{{"DEL", key}};
    if (type == "string")
        commands.append({"SET", key, items.value(0)});
    else if (type == "hash")
        appendChunked(commands, {"HSET", key}, items, 2);
    else if (type == "list")
        appendChunked(commands, {"RPUSH", key}, items, 1);
    else if (type == "set")
        appendChunked(commands, {"SADD", key}, items, 1);
    else if (type == "zset")
        appendChunked(commands, {"ZADD", key}, items, 2, true);
    else if (type == "stream")
        appendStream(commands);
    if (exists() && expireAtMs > 0)
        commands.append({"PEXPIREAT", key, QByteArray::number(expireAtMs)});
    return commands;
}

QJsonObject KeyImage::toJson() const
{
    QJsonObject object{{QStringLiteral("key"), QString::fromLatin1(key.toBase64())},
                       {QStringLiteral("type"), QString::fromUtf8(type)},
                       {QStringLiteral("expireAtMs"), expireAtMs}};
    if (!items.isEmpty())
        object.insert(QStringLiteral("items"), base64Array(items));
    if (!lastId.isEmpty())
        object.insert(QStringLiteral("lastId"), QString::fromLatin1(lastId));
    if (!groups.isEmpty())
        object.insert(QStringLiteral("groups"), base64Array(groups));
    if (!entries.isEmpty()) {
        QJsonArray array;
        for (const QVector<QByteArray>& entry : entries)
            array.append(base64Array(entry));
        object.insert(QStringLiteral("entries"), array);
    }
    return object;
}

KeyImage KeyImage::fromJson(const QJsonObject& object)
{
    KeyImage image;
    image.key = QByteArray::fromBase64(object.value(QStringLiteral("key")).toString().toLatin1());
    image.type = object.value(QStringLiteral("type")).toString().toUtf8();
    image.expireAtMs = object.value(QStringLiteral("expireAtMs")).toInteger();
    image.items = fromBase64Array(object.value(QStringLiteral("items")).toArray());
    image.lastId = object.value(QStringLiteral("lastId")).toString().toLatin1();
    image.groups = fromBase64Array(object.value(QStringLiteral("groups")).toArray());
    for (const auto& entry : object.value(QStringLiteral("entries")).toArray())
        image.entries.append(fromBase64Array(entry.toArray()));
    return image;
}

} // namespace pmkv
