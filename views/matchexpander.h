#pragma once

class QSortFilterProxyModel;
class QTreeView;

namespace pmkv {

// After a search, opens the rows of a tree view that lead to the first matches, breadth first,
// until about 2,000 rows show: a row with more shown children than that stays folded
// (expanding a namespace of 100,000 keys lays out every one of them), and the walk stops once
// the levels it asked the filter for hold 20,000 rows of the source model (the filter makes
// a pass over the rows of every level it is asked about). Never expandAll(): that lays out
// every row of a tree of a million.
class MatchExpander final
{
public:
    static void expand(QTreeView* view, const QSortFilterProxyModel* proxy);
};

} // namespace pmkv
