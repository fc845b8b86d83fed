#include "alignedfilterproxymodel.h"

#include "alignedtreemodel.h"

namespace pmkv {

AlignedFilterProxyModel::AlignedFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // a parent shows when a row below it does
}

void AlignedFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    invalidateRowsFilter();
}

void AlignedFilterProxyModel::setOnlyProblems(bool onlyProblems)
{
    m_onlyProblems = onlyProblems;
    invalidateRowsFilter();
}

bool AlignedFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_onlyProblems && index.data(AlignedTreeModel::OwnProblemsRole).toInt() == 0)
        return false;
    if (!m_sync.isActive())
        return true;
    // A row that stands for nothing itself (a folder known only through its children) shows
    // only for its children.
    if (!index.data(AlignedTreeModel::InFilesRole).toBool() &&
        !index.data(AlignedTreeModel::InKvRole).toBool())
        return false;
    return m_sync.acceptsState(SyncState(index.data(AlignedTreeModel::StateRole).toInt()));
}

} // namespace pmkv
