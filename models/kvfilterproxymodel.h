#pragma once

#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

class KvTreeModel;

// Sorts the key tree by name (the "load more" row stays last) and filters it by sync state
// (parents by their rolled-up counts, so no walk over a million keys) and by a text in the
// key (the model marks the matching rows and their parents in one pass: KvTreeModel::
// setSearchText).
class KvFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit KvFilterProxyModel(QObject* parent = nullptr);

    // Sets the model's search text (a source model other than KvTreeModel is not searched).
    void setSearchText(const QString& text);
    void setSyncFilter(SyncFilter filter);
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    KvTreeModel* m_keys = nullptr;
    SyncFilter m_sync;
};

} // namespace pmkv
