#pragma once

#include <QModelIndex>

class QAbstractItemModel;

namespace pmkv {

// F7 in a tree: the next (or previous) row, in the order the tree shows its rows with every
// row open, whose own sync state is a difference; past the last row it starts again at the
// top. Rows are read through the model the view shows (filters apply), folded ones included.
class DifferenceWalk final
{
public:
    // `from` invalid: from the top (or the bottom, going back). Invalid when none differs.
    static QModelIndex next(const QAbstractItemModel& model, const QModelIndex& from, bool forward,
                            int stateRole);

private:
    static QModelIndex after(const QAbstractItemModel& model, const QModelIndex& index);
    static QModelIndex before(const QAbstractItemModel& model, const QModelIndex& index);
    static QModelIndex lastBelow(const QAbstractItemModel& model, const QModelIndex& index);
};

} // namespace pmkv
