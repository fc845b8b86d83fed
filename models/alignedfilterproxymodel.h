#pragma once

#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

// Filters the aligned rows by sync state (a row by its own state: "only in files" keeps the
// rows whose key space side is a placeholder) and optionally to rows whose file has problems,
// keeping the parents of every match so both sides stay aligned. Both views of the aligned
// mode sit on one such proxy, so a filter hides a row on both sides at once.
class AlignedFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AlignedFilterProxyModel(QObject* parent = nullptr);

    void setSyncFilter(SyncFilter filter);
    SyncFilter syncFilter() const { return m_sync; }
    void setOnlyProblems(bool onlyProblems);
    bool onlyProblems() const { return m_onlyProblems; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    SyncFilter m_sync;
    bool m_onlyProblems = false;
};

} // namespace pmkv
