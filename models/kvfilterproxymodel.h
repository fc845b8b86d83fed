#pragma once

#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

class KvTreeModel;

// Sorts the key tree by name (the "load more" row stays last) and filters it by sync state
// (parents by their rolled-up counts, so no walk over a million keys) and by a text in the
// key (this one does look at every loaded key, recursively).
class KvFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit KvFilterProxyModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    void setSyncFilter(SyncFilter filter);
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    KvTreeModel* m_keys = nullptr;
    QString m_text;
    SyncFilter m_sync;
};

} // namespace pmkv
