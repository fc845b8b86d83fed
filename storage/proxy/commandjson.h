#pragma once

#include "core/result.h"
#include "kv/kvreply.h"

#include <QVector>

namespace pmkv {

// Reads Upstash command bodies: `["SET","k","v",10,true]` (one command) and
// `[["SET","k","v"],["GET","k"]]` (pipeline / multi-exec).
// * Strings are decoded to their UTF-8 bytes. A lone low surrogate \udc80..\udcff stands for
//   the raw byte 0x80..0xff (the same rule ReplyJson uses to send non-UTF-8 bytes), so values
//   read without base64 can be written back unchanged. Other lone surrogates become their
//   3-byte (WTF-8) form.
// * Numbers, true and false become their exact JSON text ("10", "1.50", "1e3", "true").
// * null, objects and deeper nesting are refused with a message.
// Errors carry code "bad-request" and a message starting with "ERR ".
class CommandJson final
{
public:
    static Result<KvCommand> parseCommand(const QByteArray& json);
    static Result<QVector<KvCommand>> parseCommands(const QByteArray& json);
};

} // namespace pmkv
