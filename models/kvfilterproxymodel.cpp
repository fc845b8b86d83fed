#include "kvfilterproxymodel.h"

#include "kvtreemodel.h"

namespace pmkv {

KvFilterProxyModel::KvFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void KvFilterProxyModel::setSearchText(const QString& text)
{
    m_text = text.trimmed();
    setRecursiveFilteringEnabled(!m_text.isEmpty());
    invalidateRowsFilter();
}

void KvFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    invalidateRowsFilter();
}

bool KvFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(KvTreeModel::LoadMoreRole).toBool())
        return true;
    if (m_sync.isActive()) {
        const bool ok =
            sourceModel()->hasChildren(index)
                ? m_sync.acceptsCounts(index.data(KvTreeModel::CountsRole).value<SyncCounts>())
                : m_sync.acceptsState(SyncState(index.data(KvTreeModel::StateRole).toInt()));
        if (!ok)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    // Recursive filtering asks the children when a parent's own path does not match.
    return index.data(KvTreeModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool KvFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftMore = left.data(KvTreeModel::LoadMoreRole).toBool();
    const bool rightMore = right.data(KvTreeModel::LoadMoreRole).toBool();
    if (leftMore != rightMore)
        return rightMore;
    return left.data(Qt::DisplayRole).toString() < right.data(Qt::DisplayRole).toString();
}

} // namespace pmkv
