#pragma once

#include <QByteArray>
#include <QList>
#include <QVector>

namespace pmkv {

// A command as Redis sees it: binary-safe arguments, the command name first.
using KvCommand = QList<QByteArray>;

// One reply, the same on every transport (hiredis, Upstash REST, the local proxy). Values are
// bytes end to end; nothing is decoded or re-encoded on the way.
struct KvReply
{
    enum class Type { Nil, String, Status, Integer, Array, Error };

    Type type = Type::Nil;
    QByteArray bytes; // String, Status, Error (the error text)
    qint64 integer = 0;
    QVector<KvReply> elements; // Array

    static KvReply nil() { return {}; }
    static KvReply string(QByteArray value);
    static KvReply status(QByteArray value);
    static KvReply fromInteger(qint64 value);
    static KvReply error(QByteArray message);
    static KvReply array(QVector<KvReply> items);

    bool isError() const { return type == Type::Error; }
    bool isNil() const { return type == Type::Nil; }
    bool operator==(const KvReply& other) const;
    bool operator!=(const KvReply& other) const { return !(*this == other); }
};

} // namespace pmkv
