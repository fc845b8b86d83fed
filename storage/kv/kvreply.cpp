#include "kv/kvreply.h"

namespace pmkv {

KvReply KvReply::string(QByteArray value)
{
    KvReply r;
    r.type = Type::String;
    r.bytes = std::move(value);
    return r;
}

KvReply KvReply::status(QByteArray value)
{
    KvReply r;
    r.type = Type::Status;
    r.bytes = std::move(value);
    return r;
}

KvReply KvReply::fromInteger(qint64 value)
{
    KvReply r;
    r.type = Type::Integer;
    r.integer = value;
    return r;
}

KvReply KvReply::error(QByteArray message)
{
    KvReply r;
    r.type = Type::Error;
    r.bytes = std::move(message);
    return r;
}

KvReply KvReply::array(QVector<KvReply> items)
{
    KvReply r;
    r.type = Type::Array;
    r.elements = std::move(items);
    return r;
}

bool KvReply::operator==(const KvReply& other) const
{
    return type == other.type && bytes == other.bytes && integer == other.integer &&
           elements == other.elements;
}

} // namespace pmkv
