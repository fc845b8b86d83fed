#include "redis/clusterscancursor.h"

#include "kv/hashslot.h"

namespace pmkv {

bool ClusterScanCursor::parse(const QByteArray& cursor, const ClusterSlotMap& map, int& slot,
                              QByteArray& nodeCursor)
{
    if (cursor == "0") {
        const QVector<int> order = map.mastersBySlot();
        if (order.isEmpty())
            return false;
        slot = map.firstSlotOf(order.first());
        nodeCursor = "0";
        return true;
    }
    const qsizetype dash = cursor.indexOf('-');
    bool ok = false;
    slot = dash > 0 ? cursor.left(dash).toInt(&ok) : -1;
    nodeCursor = cursor.mid(dash + 1);
    return ok && slot >= 0 && slot < HashSlot::count && !nodeCursor.isEmpty();
}

QByteArray ClusterScanCursor::next(const ClusterSlotMap& map, int slot, const QByteArray& nodeNext)
{
    if (nodeNext != "0")
        return QByteArray::number(slot) + '-' + nodeNext;
    const QVector<int> order = map.mastersBySlot();
    const qsizetype at = order.indexOf(map.masterOf(slot));
    if (at < 0 || at + 1 >= order.size())
        return "0";
    return QByteArray::number(map.firstSlotOf(order.at(at + 1))) + "-0";
}

} // namespace pmkv
