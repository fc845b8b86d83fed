#include "kvfilterproxymodel.h"

#include "core/naturalorder.h"

#include "keysearchmarks.h"
#include "kvtreemodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace pmkv {

KvFilterProxyModel::KvFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

KvFilterProxyModel::~KvFilterProxyModel()
{
    stopSearch();
}

void KvFilterProxyModel::setSearchText(const QString& text)
{
    m_requested = text.trimmed().toLower().toUtf8();
    ++m_generation; // a result on its way is for an older text now
    stopSearch();
    if (!m_keys)
        return;
    if (m_requested.isEmpty()) {
        m_keys->applySearch(KeySearchMarks());
        refilter();
        Q_EMIT searchApplied(QString());
        return;
    }
    startSearch();
}

void KvFilterProxyModel::stopSearch()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
}

void KvFilterProxyModel::startSearch()
{
    const quint64 generation = m_generation;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    auto* watcher = new QFutureWatcher<KeySearchMarks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer text came meanwhile
        if (!m_keys->applySearch(watcher->future().takeResult())) {
            startSearch(); // the tree was replaced, or grew much: again on what it is now
            return;
        }
        m_cancel.reset();
        refilter();
        Q_EMIT searchApplied(QString::fromUtf8(m_requested));
    });
    watcher->setFuture(
        QtConcurrent::run([nodes = m_keys->nodeSnapshot(), needle = m_requested, cancel] {
            return KeySearchMarks::compute(nodes, needle, cancel.get());
        }));
}

// A new search drops every level the proxy filtered and sorted, rather than filtering each
// one again (invalidateRowsFilter): the levels of rows the search hid (a namespace of 100,000
// keys, opened before) would be filtered and sorted again whole, shown or not. The views' open
// and current rows stay (persistent indexes); the levels they show are filtered again as they
// ask for them.
void KvFilterProxyModel::refilter()
{
    invalidate();
}

void KvFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    invalidateRowsFilter();
}

bool KvFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    // The search first: an O(1) lookup of the marks, no QVariant.
    if (m_keys && !m_keys->isSearchHit(sourceRow, sourceParent))
        return false;
    if (!m_sync.isActive())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(KvTreeModel::LoadMoreRole).toBool())
        return true;
    return sourceModel()->hasChildren(index)
               ? m_sync.acceptsCounts(index.data(KvTreeModel::CountsRole).value<SyncCounts>())
               : m_sync.acceptsState(SyncState(index.data(KvTreeModel::StateRole).toInt()));
}

// A view asks this of every row it lays out, and the base class answers by filtering and
// sorting the row's children: opening a namespace of 1,000 namespaces of 1,000 keys each sorted
// a million keys (3.3 s after clearing a search). Without a state filter the model knows: a row
// with children always has one the search shows (when a row's path holds the text, the paths
// below it do; a row that shows for a key below it has that key's parent below it).
bool KvFilterProxyModel::hasChildren(const QModelIndex& parent) const
{
    if (m_keys && !m_sync.isActive() && parent.isValid())
        return m_keys->hasChildren(mapToSource(parent));
    return QSortFilterProxyModel::hasChildren(parent);
}

void KvFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    stopSearch();
    ++m_generation;
    m_keys = qobject_cast<KvTreeModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

// Called about n log n times per sorted level and once per key as pages arrive: compares the
// names' bytes (UTF-8 orders as code points) without building a QVariant or a QString.
bool KvFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!m_keys)
        return QSortFilterProxyModel::lessThan(left, right);
    // Rows that go last whatever the order (a descending sort asks lessThan(right, left)):
    // for those, "less" means "known" in ascending order and "unknown" in descending order.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const bool leftMore = !left.internalPointer(); // the "load more" row
    const bool rightMore = !right.internalPointer();
    if (leftMore != rightMore)
        return ascending == rightMore;
    if (left.column() >= KvTreeModel::TypeColumn && !leftMore) {
        const KvKeyMeta* a = m_keys->metaAt(left);
        const KvKeyMeta* b = m_keys->metaAt(right);
        const bool leftKnown = hasSortValue(a, left.column());
        if (leftKnown != hasSortValue(b, left.column()))
            return ascending == leftKnown;
        if (leftKnown) {
            if (metaLessThan(*a, *b, left.column()))
                return true;
            if (metaLessThan(*b, *a, left.column()))
                return false;
        }
    }
    // "story:2" before "story:10", as people count.
    return NaturalOrder::less(m_keys->nameAt(left), m_keys->nameAt(right));
}

// Namespaces, keys not fetched yet, a key gone and a size the server does not give have no
// value to sort by.
bool KvFilterProxyModel::hasSortValue(const KvKeyMeta* meta, int column)
{
    if (!meta)
        return false;
    switch (column) {
    case KvTreeModel::TypeColumn:
        return !meta->type.isEmpty();
    case KvTreeModel::TtlColumn:
        return meta->ttlMs >= -1;
    default:
        return meta->bytes >= 0;
    }
}

bool KvFilterProxyModel::metaLessThan(const KvKeyMeta& a, const KvKeyMeta& b, int column)
{
    switch (column) {
    case KvTreeModel::TypeColumn:
        return a.type < b.type;
    case KvTreeModel::TtlColumn: {
        auto rank = [](qint64 ttl) { // no expiry after every expiry
            return ttl >= 0 ? ttl : std::numeric_limits<qint64>::max();
        };
        return rank(a.ttlMs) < rank(b.ttlMs);
    }
    default:
        return a.bytes < b.bytes;
    }
}

} // namespace pmkv
