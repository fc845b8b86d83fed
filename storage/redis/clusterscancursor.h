#pragma once

#include "redis/clusterslotmap.h"

#include <QByteArray>

namespace pmkv {

// SCAN over every master of a cluster, one master after the other, with one opaque cursor:
// "0" to start and when done, else "<slot>-<node cursor>": scan on at the master serving that
// slot (its lowest one, so the cursor follows a failover to the replica that took over) from
// that node's own cursor. Callers treat cursors as opaque bytes and stop at "0", as with one
// Redis.
class ClusterScanCursor final
{
public:
    // Where a cursor says to scan; false when it is not one of ours.
    static bool parse(const QByteArray& cursor, const ClusterSlotMap& map, int& slot,
                      QByteArray& nodeCursor);
    // The cursor after a node answered `nodeNext` for the master serving `slot`: the same
    // master on, the next master from its start, or "0" after the last one.
    static QByteArray next(const ClusterSlotMap& map, int slot, const QByteArray& nodeNext);
};

} // namespace pmkv
