#include "kvfilterproxymodel.h"

#include "core/naturalorder.h"

#include "kvtreemodel.h"

namespace pmkv {

KvFilterProxyModel::KvFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void KvFilterProxyModel::setSearchText(const QString& text)
{
    if (m_keys)
        m_keys->setSearchText(text);
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
    // The model marked the rows that hold the text or have a key below that does, in one pass:
    // no recursive filtering, which asks every child of every row again.
    return index.data(KvTreeModel::SearchHitRole).toBool();
}

void KvFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    m_keys = qobject_cast<KvTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

// Called about n log n times per sorted level and once per key as pages arrive: compares the
// names' bytes (UTF-8 orders as code points) without building a QVariant or a QString.
bool KvFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_keys)
        return QSortFilterProxyModel::lessThan(left, right);
    const bool leftMore = !left.internalPointer(); // the "load more" row stays last
    const bool rightMore = !right.internalPointer();
    if (leftMore != rightMore)
        return rightMore;
    // "story:2" before "story:10", as people count.
    return NaturalOrder::less(m_keys->nameAt(left), m_keys->nameAt(right));
}

} // namespace pmkv
