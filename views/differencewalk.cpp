#include "differencewalk.h"

#include "syncstate.h"

#include <QAbstractItemModel>

namespace pmkv {

// Depth first: the first child, else the next sibling of the row or of its nearest parent.
QModelIndex DifferenceWalk::after(const QAbstractItemModel& model, const QModelIndex& index)
{
    if (model.rowCount(index) > 0)
        return model.index(0, 0, index);
    for (QModelIndex i = index; i.isValid(); i = i.parent()) {
        if (i.row() + 1 < model.rowCount(i.parent()))
            return model.index(i.row() + 1, 0, i.parent());
    }
    return {};
}

// The last row of the subtree under `index` (itself when it has no children).
QModelIndex DifferenceWalk::lastBelow(const QAbstractItemModel& model, const QModelIndex& index)
{
    QModelIndex last = index;
    while (model.rowCount(last) > 0)
        last = model.index(model.rowCount(last) - 1, 0, last);
    return last;
}

QModelIndex DifferenceWalk::before(const QAbstractItemModel& model, const QModelIndex& index)
{
    if (index.row() > 0)
        return lastBelow(model, model.index(index.row() - 1, 0, index.parent()));
    return index.parent();
}

QModelIndex DifferenceWalk::next(const QAbstractItemModel& model, const QModelIndex& from,
                                 bool forward, int stateRole)
{
    if (model.rowCount() == 0)
        return {};
    const QModelIndex start = from.siblingAtColumn(0);
    const QModelIndex top = model.index(0, 0);
    const QModelIndex bottom = lastBelow(model, model.index(model.rowCount() - 1, 0));
    QModelIndex i = start;
    // At most once round the whole tree (back to `start`, or to where it began when no row
    // was current).
    for (bool wrapped = false;;) {
        if (!i.isValid())
            i = forward ? top : bottom;
        else
            i = forward ? after(model, i) : before(model, i);
        if (!i.isValid()) {
            if (wrapped || !start.isValid())
                return {};
            wrapped = true;
            continue;
        }
        if (i == start)
            return {};
        if (isDifference(SyncState(i.data(stateRole).toInt())))
            return i;
    }
}

} // namespace pmkv
