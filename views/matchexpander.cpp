#include "matchexpander.h"

#include <QSortFilterProxyModel>
#include <QTreeView>

#include <deque>

namespace pmkv {
namespace {

constexpr int kExpandRows = 2000;
constexpr int kProbeRows = 20000;

} // namespace

void MatchExpander::expand(QTreeView* view, const QSortFilterProxyModel* proxy)
{
    const QAbstractItemModel* source = proxy->sourceModel();
    std::deque<QModelIndex> queue{QModelIndex()};
    int shown = 0;
    int probed = 0;
    while (!queue.empty() && shown < kExpandRows) {
        const QModelIndex parent = queue.front();
        queue.pop_front();
        probed += source->rowCount(proxy->mapToSource(parent));
        if (probed > kProbeRows)
            break;
        const int rows = proxy->rowCount(parent);
        if (parent.isValid()) {
            if (rows > kExpandRows - shown)
                continue;
            view->expand(parent);
        }
        shown += rows;
        for (int row = 0; row < rows; ++row) {
            const QModelIndex child = proxy->index(row, 0, parent);
            // (the source's answer: the filter's would filter the child's rows)
            if (source->hasChildren(proxy->mapToSource(child)))
                queue.push_back(child);
        }
    }
}

} // namespace pmkv
