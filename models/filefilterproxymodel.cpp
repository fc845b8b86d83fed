#include "filefilterproxymodel.h"

#include "filetreemodel.h"

namespace pmkv {

FileFilterProxyModel::FileFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void FileFilterProxyModel::setSearchText(const QString& text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void FileFilterProxyModel::setOnlyProblems(bool onlyProblems)
{
    m_onlyProblems = onlyProblems;
    invalidateRowsFilter();
}

void FileFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    invalidateRowsFilter();
}

void FileFilterProxyModel::setKindFilter(int kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

bool FileFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // A row with problems of its own (a project or an epic folder stands for its document);
    // a folder without shows when a row below it does (recursive filtering).
    if (m_onlyProblems && index.data(FileTreeModel::OwnProblemsRole).toInt() == 0)
        return false;
    if (m_kind >= 0 && index.data(FileTreeModel::KindRole).toInt() != m_kind)
        return false;
    if (m_sync.isActive()) {
        const bool folder = sourceModel()->hasChildren(index);
        if (folder &&
            !m_sync.acceptsCounts(index.data(FileTreeModel::CountsRole).value<SyncCounts>()))
            return false;
        if (!folder &&
            !m_sync.acceptsState(SyncState(index.data(FileTreeModel::StateRole).toInt())))
            return false;
    }
    return m_text.isEmpty() || index.data(FileTreeModel::SearchTextRole)
                                   .toString()
                                   .contains(m_text, Qt::CaseInsensitive);
}

} // namespace pmkv
