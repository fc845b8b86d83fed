#include "alignedfilterproxymodel.h"

#include "alignedtreemodel.h"

namespace pmkv {

AlignedFilterProxyModel::AlignedFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {}

// A parent shows when a row below it does: for the sync filter and Only problems by recursive
// filtering (a walk below each row refused); the search's marks know it already.
void AlignedFilterProxyModel::refilter()
{
    const bool recursive = m_sync.isActive() || m_onlyProblems;
    if (recursive != isRecursiveFilteringEnabled())
        setRecursiveFilteringEnabled(recursive); // (filters again)
    else
        invalidateRowsFilter();
}

void AlignedFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    refilter();
}

void AlignedFilterProxyModel::setOnlyProblems(bool onlyProblems)
{
    m_onlyProblems = onlyProblems;
    refilter();
}

void AlignedFilterProxyModel::setSearch(AlignedSearchMarks marks)
{
    m_search = std::move(marks);
    const auto* model = qobject_cast<const AlignedTreeModel*>(sourceModel());
    if (model && (!m_search.isActive() || m_search.tree() == model->tree()))
        refilter();
}

bool AlignedFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_search.isActive()) {
        const auto* model = static_cast<const AlignedTreeModel*>(sourceModel());
        if (m_search.tree() == model->tree()) {
            const int node = int(index.internalId());
            if (!m_search.isHit(node))
                return false;
            if (!m_sync.isActive() && !m_onlyProblems)
                return true; // (it, or a row below it, holds the text)
            if (!m_search.holdsText(node))
                return false; // (shows if a row below holds it and passes: recursive filtering)
        }
    }
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
