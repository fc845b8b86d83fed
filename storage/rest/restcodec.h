#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QByteArray>
#include <QVector>

namespace pmkv {

// The Upstash REST wire format of requests.
//
// A command is a JSON array of strings (`["SET","k","v"]`); a pipeline or a MULTI/EXEC group
// is an array of those. JSON strings carry text only, so an argument must be well-formed
// UTF-8 (NUL and control characters are fine: they are escaped). Binary arguments are refused
// with a clear error; binary *replies* are fine (RestReplyJson reads them as base64).
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

    // Upper-cased command name.
    static QByteArray commandName(const KvCommand& command);
    // For messages: "SET pm:project:x" (the name and the first argument, never a value).
    static QString commandLabel(const KvCommand& command);
};

} // namespace pmkv
