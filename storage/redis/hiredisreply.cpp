#include "redis/hiredisreply.h"

#include <hiredis/hiredis.h>

namespace pmkv {

KvReply HiredisReply::convert(const redisReply* r)
{
    switch (r->type) {
    case REDIS_REPLY_STRING:
        return KvReply::string(QByteArray(r->str, static_cast<qsizetype>(r->len)));
    case REDIS_REPLY_STATUS:
        return KvReply::status(QByteArray(r->str, static_cast<qsizetype>(r->len)));
    case REDIS_REPLY_ERROR:
        return KvReply::error(QByteArray(r->str, static_cast<qsizetype>(r->len)));
    case REDIS_REPLY_INTEGER:
        return KvReply::fromInteger(r->integer);
    case REDIS_REPLY_ARRAY: {
        QVector<KvReply> items;
        items.reserve(static_cast<qsizetype>(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            items.append(convert(r->element[i]));
        return KvReply::array(std::move(items));
    }
    default:
        return KvReply::nil();
    }
}

} // namespace pmkv
