#pragma once

#include "kv/kvreply.h"

#include <QByteArray>
#include <QHash>
#include <QVector>

namespace pmkv {

// What the proxy will do for one HTTP request, decided without touching Redis or a socket
// (ProxyRouter makes it, ProxyExecutor runs it).
struct ProxyPlan
{
    enum class Kind {
        Respond,     // answer `status` + `body` right away (errors, 404, 405 ...)
        Single,      // one command -> {"result"} / {"error"}
        Pipeline,    // commands -> [{"result"}|{"error"}, ...], not atomic
        Transaction, // MULTI..EXEC -> same array, or one {"error"} when discarded
        Subscribe,   // SUBSCRIBE / PSUBSCRIBE as server-sent events
    };

    Kind kind = Kind::Respond;
    int status = 200;
    QByteArray body;
    QVector<KvCommand> commands;
    // Commands answered without being sent (read-only refusals, commands the proxy does not
    // forward), by index; they are never sent to Redis.
    QHash<int, QByteArray> refused;
    bool base64 = false;
    bool writes = false; // at least one command may change data (moves the sync token)
};

} // namespace pmkv
