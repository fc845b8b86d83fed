#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QByteArrayView>
#include <QVector>

namespace pmkv {

// The body of an Upstash REST answer: `[{"result": ...}, {"error": "..."}]` for a pipeline or
// a MULTI/EXEC group, one such object for a single command or a refusal.
struct RestReplyBody
{
    enum class Shape { Object, Array, Other };
    Shape shape = Shape::Other;
    // One reply per element of an array; one for an object (or for anything else, an error).
    QVector<KvReply> entries;
    // A top-level object's "error" string (why the request was refused).
    QByteArray error;

    // The reply to a single command: the object's; an array (a pipeline's answer, even an
    // empty one) is none, and is an error reply saying so.
    KvReply takeSingle();
};

// Reads answer bodies in place, in one pass: a GET of a thousand values answers megabytes of
// base64, which is decoded from the body straight into each value.
//
// Replies are read with `Upstash-Encoding: base64`: every string comes back base64-encoded
// except the literal status "OK", so values decode to the exact bytes stored, whatever they
// are. Some status replies (PONG, TYPE's "string", ...) may arrive as plain words from
// servers that do not encode them; for the commands that answer with a status those words
// are taken literally (they cannot be mistaken for base64 output of the same command).
// Integers, null and nested arrays map to their KvReply; other numbers, true/false and
// objects, which Redis does not answer, become their JSON text (true/false: 1/0).
class RestReplyJson final
{
public:
    // `commands[i]` is the command entry i answers (entries past `count` are read without
    // one). An error (code "not-json") says why the body is not JSON.
    static Result<RestReplyBody> parse(QByteArrayView body, const KvCommand* commands,
                                       qsizetype count);
};

} // namespace pmkv
