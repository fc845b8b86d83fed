#pragma once

#include "kv/kvreply.h"

#include <QByteArray>

namespace pmkv {

// Writes Redis replies as Upstash REST JSON.
// * base64 (request header `Upstash-Encoding: base64`): every string (bulk or status) at every
//   depth is base64; a top-level status of exactly "OK" stays "OK"; error texts are never
//   encoded.
// * plain: appendJsonString() (core/jsonstring.h): valid UTF-8 as it is, other bytes as lone
//   low surrogates "\udc80".."\udcff", lossless; CommandJson maps them back to the same
//   bytes when a client sends the string again.
// Integers are JSON numbers, nil is null, errors inside arrays are their text as a string.
class ReplyJson final
{
public:
    // {"result": ...} or, for an Error reply, {"error": "..."}.
    static QByteArray envelope(const KvReply& reply, bool base64);
    static void appendEnvelope(QByteArray& out, const KvReply& reply, bool base64);
    static QByteArray error(const QByteArray& message);
    // The bare JSON value of a reply (no envelope).
    static void appendValue(QByteArray& out, const KvReply& reply, bool base64, bool topLevel);
};

} // namespace pmkv
