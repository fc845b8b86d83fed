#include "kv/typedvalue.h"

#include <algorithm>

namespace pmkv {
namespace {

Error replyError(const QByteArray& type, const QByteArray& text)
{
    return Error{QStringLiteral("kv.typed-read"),
                 QStringLiteral("reading the %1 failed: %2")
                     .arg(QString::fromUtf8(type), QString::fromUtf8(text)),
                 {}};
}

// HGETALL / HSCAN / ZRANGE WITHSCORES: a flat array of pairs.
QVector<QVector<QByteArray>> pairs(const QVector<KvReply>& flat, int cap)
{
    QVector<QVector<QByteArray>> rows;
    for (qsizetype i = 0; i + 1 < flat.size() && rows.size() < cap; i += 2)
        rows.append({flat.at(i).bytes, flat.at(i + 1).bytes});
    return rows;
}

// A stream entry's fields as one line: "name=value name2=value2".
QByteArray fieldsLine(const KvReply& fields)
{
    QByteArray line;
    for (qsizetype i = 0; i + 1 < fields.elements.size(); i += 2) {
        if (!line.isEmpty())
            line += ' ';
        line += fields.elements.at(i).bytes + '=' + fields.elements.at(i + 1).bytes;
    }
    return line;
}

} // namespace

QStringList TypedValue::columnsFor(const QByteArray& type)
{
    if (type == "hash")
        return {QStringLiteral("Field"), QStringLiteral("Value")};
    if (type == "list")
        return {QStringLiteral("Index"), QStringLiteral("Value")};
    if (type == "set")
        return {QStringLiteral("Member")};
    if (type == "zset")
        return {QStringLiteral("Member"), QStringLiteral("Score")};
    if (type == "stream")
        return {QStringLiteral("ID"), QStringLiteral("Fields")};
    return {};
}

bool TypedValue::isTyped(const QByteArray& type)
{
    return !columnsFor(type).isEmpty();
}

QVector<KvCommand> TypedValueRead::commands(const QByteArray& key, const QByteArray& type, int cap)
{
    const QByteArray last = QByteArray::number(cap - 1);
    const QByteArray count = QByteArray::number(cap);
    if (type == "hash")
        return {{"HLEN", key}, {"HSCAN", key, "0", "COUNT", count}};
    if (type == "set")
        return {{"SCARD", key}, {"SSCAN", key, "0", "COUNT", count}};
    if (type == "list")
        return {{"LLEN", key}, {"LRANGE", key, "0", last}};
    if (type == "zset")
        return {{"ZCARD", key}, {"ZRANGE", key, "0", last, "WITHSCORES"}};
    if (type == "stream")
        return {{"XLEN", key}, {"XRANGE", key, "-", "+", "COUNT", count}};
    return {};
}

KvCommand TypedValueRead::completion(const QByteArray& key, const QByteArray& type,
                                     const QVector<KvReply>& replies, int cap)
{
    if ((type != "hash" && type != "set") || replies.size() != 2)
        return {};
    const KvReply& scan = replies.at(1);
    const bool whole = scan.elements.size() == 2 && scan.elements.at(0).bytes == "0";
    if (whole || replies.at(0).isError() || replies.at(0).integer > cap)
        return {};
    return {type == "hash" ? QByteArray("HGETALL") : QByteArray("SMEMBERS"), key};
}

Result<TypedValue> TypedValueRead::parse(const QByteArray& type, const QVector<KvReply>& replies,
                                         int cap)
{
    if (!TypedValue::isTyped(type))
        return replyError(type, "not a hash, list, set, sorted set or stream");
    if (replies.size() != 2)
        return replyError(type, "unexpected reply");
    for (const KvReply& r : replies) {
        if (r.isError())
            return replyError(type, r.bytes);
    }
    TypedValue value;
    value.type = type;
    value.total = replies.at(0).integer;
    const KvReply& rows = replies.at(1);
    if (type == "hash" || type == "set") {
        // A SCAN reply ([cursor, [items...]]), or HGETALL's / SMEMBERS' flat array.
        const bool scanReply =
            rows.elements.size() == 2 && rows.elements.at(1).type == KvReply::Type::Array;
        const QVector<KvReply> items = scanReply ? rows.elements.at(1).elements : rows.elements;
        if (type == "hash") {
            value.rows = pairs(items, cap);
        } else {
            for (const KvReply& m : items) {
                if (value.rows.size() >= cap)
                    break;
                value.rows.append({m.bytes});
            }
        }
        // Small hashes and sets (listpack, intset) come whole from one SCAN call; big ones
        // in pages of about COUNT, which is what the cap means here.
        std::sort(value.rows.begin(), value.rows.end());
    } else if (type == "list") {
        qint64 index = 0;
        for (const KvReply& item : rows.elements)
            value.rows.append({QByteArray::number(index++), item.bytes});
    } else if (type == "zset") {
        value.rows = pairs(rows.elements, cap);
    } else {
        for (const KvReply& entry : rows.elements) {
            if (entry.elements.size() != 2)
                continue;
            value.rows.append({entry.elements.at(0).bytes, fieldsLine(entry.elements.at(1))});
        }
    }
    return value;
}

} // namespace pmkv
