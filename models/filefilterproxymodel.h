#pragma once

#include "syncfilter.h"

#include <QSortFilterProxyModel>

namespace pmkv {

// Filters the file tree by text (name, id, title; case-insensitive), entity kind, sync state
// and optionally to rows with problems, keeping the parents of every match so a hit is never shown
// out of place.
class FileFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FileFilterProxyModel(QObject* parent = nullptr);

    void setSearchText(const QString& text);
    void setOnlyProblems(bool onlyProblems);
    bool onlyProblems() const { return m_onlyProblems; }
    void setSyncFilter(SyncFilter filter);
    // An EntityKind as int, or -1 for every kind.
    void setKindFilter(int kind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    bool m_onlyProblems = false;
    SyncFilter m_sync;
    int m_kind = -1;
};

} // namespace pmkv
