#pragma once

#include "kv/kvreply.h"

struct redisReply;

namespace pmkv {

// A reply object of hiredis's reader as a KvReply (RESP2: string, status, error, integer,
// array, nil). For RedisClient, and for whatever else reads RESP with hiredis (the fuzz
// target of the proxy's response side).
class HiredisReply final
{
public:
    static KvReply convert(const redisReply* reply);
};

} // namespace pmkv
