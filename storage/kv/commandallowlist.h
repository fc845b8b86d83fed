#pragma once

#include "kv/kvreply.h"

#include <QByteArray>

namespace pmkv {

// The commands a read-only profile may send: an allow-list, so that a command nobody
// thought of is refused rather than let through. Also used by the REST store to decide which
// requests may be sent again after a failure that may have reached the server (reads only).
class CommandAllowList final
{
public:
    // True for commands that never change data (GET, MGET, SCAN, TYPE, PTTL, DBSIZE, ...).
    static bool isReadOnly(const KvCommand& command);
    // True when the command name reads data and nothing else (no MULTI/EXEC/SELECT, and no
    // MEMORY/OBJECT, whose subcommands decide). For checks that only see a name.
    static bool isDataRead(const QByteArray& name);
    // True when every command of the batch is read-only.
    static bool allReadOnly(const QVector<KvCommand>& batch);
    // Index of the first command that is not read-only, or -1.
    static int firstWrite(const QVector<KvCommand>& batch);
};

} // namespace pmkv
