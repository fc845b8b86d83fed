#pragma once

#include "kv/kvreply.h"

#include <QVector>

namespace pmkv {

// How one command spreads over a Redis Cluster, and how the answers of its pieces make the
// one reply the caller expects (the same reply one Redis would give).
class ClusterCommand final
{
public:
    enum class Spread {
        ByKey,       // its keys' slot (several keys in several slots: Redis says CROSSSLOT)
        KeysBySlot,  // MGET, DEL, UNLINK, EXISTS, TOUCH: one command per slot, merged
        PairsBySlot, // MSET: key/value pairs, one MSET per slot
        EveryMaster, // DBSIZE (summed), KEYS (joined), FLUSHDB/FLUSHALL (all must succeed)
        Scan,        // SCAN: one master at a time, the cursor says which (ClusterScanCursor)
        AnyNode,     // PING, TIME, INFO ...: no key, any master answers
    };

    // A piece of a command: what is sent, to the master of which slot, and for MGET which
    // positions of the merged reply its answers fill.
    struct Part
    {
        KvCommand command;
        int slot = 0;
        QVector<int> positions;
    };

    static Spread spreadOf(const KvCommand& command);
    // The keys a command names (empty for PING, SCAN ...): what routing and the one-slot
    // rule of a transaction look at.
    static QVector<QByteArray> keysOf(const KvCommand& command);
    // The slot a ByKey command goes to: its first key's (0 without a key).
    static int slotOf(const KvCommand& command);
    // KeysBySlot / PairsBySlot: one part per slot, keys kept in their order.
    static QVector<Part> splitBySlot(const KvCommand& command);
    // One reply from the parts' replies (in the parts' order). An error reply of any part is
    // the reply.
    static KvReply merge(const KvCommand& command, const QVector<Part>& parts,
                         const QVector<KvReply>& replies);
};

} // namespace pmkv
