#pragma once

#include "filesearchmarks.h"
#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

// Filters the file tree by text (name, id, title; case-insensitive), entity kind, sync state
// and optionally to rows with problems, keeping the parents of every match so a hit is never
// shown out of place. The text is matched on a worker over the model's immutable snapshot
// (FileSearchMarks): the call returns at once, the rows change when the worker is done
// (searchApplied); a newer text wins, an older result is dropped, and a new snapshot is
// searched again. filterAcceptsRow then looks the row up in O(1).
class FileFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FileFilterProxyModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    QString searchText() const { return m_text; } // as asked (trimmed)
    // A worker is matching the text: the rows do not show it yet.
    bool isSearching() const { return m_searching; }
    // The row itself (not only a row below it) holds the applied search text.
    bool holdsSearchText(const QModelIndex& index) const;
    void setOnlyProblems(bool onlyProblems);
    bool onlyProblems() const { return m_onlyProblems; }
    void setSyncFilter(SyncFilter filter);
    // An EntityKind as int, or -1 for every kind.
    void setKindFilter(int kind);
    void setSourceModel(QAbstractItemModel* model) override;

Q_SIGNALS:
    void searchApplied(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void startSearch();
    void refilter();

    QString m_text;
    FileSearchMarks m_search;
    quint64 m_generation = 0;
    bool m_searching = false;
    bool m_onlyProblems = false;
    SyncFilter m_sync;
    int m_kind = -1;
};

} // namespace pmkv
