#pragma once

#include "syncfilter.h"

#include <QByteArray>
#include <QSortFilterProxyModel>

#include <atomic>
#include <memory>

namespace pmkv {

class KvTreeModel;
struct KvKeyMeta;

// Sorts the key tree by the sorted column (the name in natural order; type, TTL or size, with
// the keys whose values are not fetched yet and the namespaces last in either order; the
// "load more" row stays last) and filters it by sync state (parents by their rolled-up counts,
// so no walk over a million keys) and by a text in the key. The text is matched on a worker
// over a snapshot of the key names (KeySearchMarks): the call returns at once, the rows change
// when the worker is done (searchApplied); a newer text wins, an older result is dropped.
// filterAcceptsRow is then an O(1) lookup.
class KvFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit KvFilterProxyModel(QObject* parent = nullptr);
    ~KvFilterProxyModel() override;

    // Searches the model's keys for `text` (a source model other than KvTreeModel is not
    // searched). An empty text shows every row at once.
    void setSearchText(const QString& text);
    QString searchText() const { return QString::fromUtf8(m_requested); } // as asked
    bool isSearching() const { return m_cancel != nullptr; }              // a worker runs
    void setSyncFilter(SyncFilter filter);
    void setSourceModel(QAbstractItemModel* model) override;
    bool hasChildren(const QModelIndex& parent = {}) const override;

Q_SIGNALS:
    // The rows show the result for `text` (trimmed, lower case).
    void searchApplied(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void startSearch();
    void stopSearch();
    void refilter();
    static bool hasSortValue(const KvKeyMeta* meta, int column);
    static bool metaLessThan(const KvKeyMeta& a, const KvKeyMeta& b, int column);

    KvTreeModel* m_keys = nullptr;
    SyncFilter m_sync;
    QByteArray m_requested; // lower case
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel; // of the worker running
};

} // namespace pmkv
