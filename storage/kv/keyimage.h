#pragma once

#include "core/result.h"
#include "kv/kvstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QVector>

namespace pmkv {

// Everything a key holds, of any common type, as plain values: what a typed edit journals
// before and after it writes, so that an undo can put the key back and can tell whether
// someone changed it since. It is read with ordinary commands (GET, HGETALL, LRANGE, SMEMBERS,
// ZRANGE WITHSCORES, XRANGE, PTTL, TIME) and rebuilt with ordinary ones (DEL, SET, HSET,
// RPUSH, SADD, ZADD, XADD, XSETID, XGROUP CREATE, PEXPIREAT), not DUMP/RESTORE: a DUMP
// payload is binary, and the REST transport carries text arguments only. A stream comes back
// with its entries and IDs, its last ID and its consumer groups where they had read to, not
// the groups' consumers and pending entries.
struct KeyImage
{
    // Members above which a key is not journaled (nor edited from the studio).
    static constexpr qint64 kMaxMembers = 100000;

    QByteArray key;
    QByteArray type = "none"; // "none": the key does not exist
    // string: {value}; hash: field, value, ...; list: items; set: sorted members;
    // zset: member, score, ...; stream: id, "field", "value", ... per entry (see entries).
    QVector<QByteArray> items;
    QVector<QVector<QByteArray>> entries; // stream: [id, field, value, field, value ...]
    QByteArray lastId;                    // stream: the last ID given (deleted entries too)
    QVector<QByteArray> groups;           // stream: name, last-delivered-id per group
    qint64 expireAtMs = 0;                // on the key space's clock; 0: no expiry

    bool exists() const { return type != "none"; }
    // Same content (a TTL that only ran down is the same).
    bool sameContent(const KeyImage& other) const;

    // Reads the keys' images (blocking: call it off the store's thread).
    static Result<QVector<KeyImage>> read(KvStore& store, const QVector<QByteArray>& keys);
    // The commands that make the key hold this image again (DEL first).
    QVector<KvCommand> restoreCommands() const;

    QJsonObject toJson() const;
    static KeyImage fromJson(const QJsonObject& object);

private:
    void appendStream(QVector<KvCommand>& commands) const;
};

} // namespace pmkv
