#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QByteArray>
#include <QVector>

#include <nlohmann/json_fwd.hpp>

namespace pmkv {

// The Upstash REST wire format, both ways.
//
// Requests: a command is a JSON array of strings (`["SET","k","v"]`); a pipeline or a
// MULTI/EXEC group is an array of those. JSON strings carry text only, so an argument must
// be well-formed UTF-8 (NUL and control characters are fine: they are escaped). Binary
// arguments are refused with a clear error; binary *replies* are fine (see below).
//
// Replies are read with `Upstash-Encoding: base64`: every string comes back base64-encoded
// except the literal status "OK", so values decode to the exact bytes stored, whatever they
// are. Some status replies (PONG, TYPE's "string", ...) may arrive as plain words from
// servers that do not encode them; for the commands that answer with a status those words
// are taken literally (they cannot be mistaken for base64 output of the same command).
class RestCodec final
{
public:
    // `["SET","k","v"]`, or an error naming the argument that is not UTF-8.
    static Result<QByteArray> encodeCommand(const KvCommand& command, int indexInBatch);
    // The same, appended to `out` (a request body being built); on an error `out` holds part
    // of the command.
    static Result<void> appendCommand(QByteArray& out, const KvCommand& command, int indexInBatch);
    // The fewest bytes appendCommand can write for `command` (every argument unescaped).
    static qsizetype encodedSizeAtLeast(const KvCommand& command);

    // One `{"result": ...}` / `{"error": "..."}` object.
    static KvReply decodeEntry(const nlohmann::json& entry, const KvCommand& command);
    // A reply value (string, integer, null or array).
    static KvReply decodeValue(const nlohmann::json& value, const KvCommand* command);

    // Upper-cased command name.
    static QByteArray commandName(const KvCommand& command);
    // For messages: "SET pm:project:x" (the name and the first argument, never a value).
    static QString commandLabel(const KvCommand& command);

private:
    static bool repliesWithStatus(const KvCommand& command);
    static bool isPlainStatusWord(const std::string& text);
};

} // namespace pmkv
