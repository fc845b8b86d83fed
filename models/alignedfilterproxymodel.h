#pragma once

#include "alignedsearchmarks.h"
#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

// Filters the aligned rows by sync state (a row by its own state: "only in files" keeps the
// rows whose key space side is a placeholder), optionally to rows whose file has problems, and
// by a search over the names, files and keys of both sides (marks computed on a worker,
// AlignedSearchMarks: an O(1) lookup here), keeping the parents of every match so both sides
// stay aligned. Both views of the aligned mode sit on one such proxy, so a filter hides a row
// on both sides at once.
class AlignedFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AlignedFilterProxyModel(QObject* parent = nullptr);

    void setSyncFilter(SyncFilter filter);
    SyncFilter syncFilter() const { return m_sync; }
    void setOnlyProblems(bool onlyProblems);
    bool onlyProblems() const { return m_onlyProblems; }
    // The search's marks; they take effect for the tree they were computed for (until the
    // model shows it, the rows stay as they are: set them before the model's new tree).
    void setSearch(AlignedSearchMarks marks);
    const AlignedSearchMarks& search() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    SyncFilter m_sync;
    bool m_onlyProblems = false;
    AlignedSearchMarks m_search;
};

} // namespace pmkv
