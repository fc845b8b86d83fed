#include "filefilterproxymodel.h"

#include "filetreemodel.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

FileFilterProxyModel::FileFilterProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {}

// A parent shows when a row below it does: for the kind, state and problem filters by
// recursive filtering (a walk below each row refused); the search's marks know it already.
void FileFilterProxyModel::refilter()
{
    const bool recursive = m_onlyProblems || m_kind >= 0 || m_sync.isActive();
    if (recursive != isRecursiveFilteringEnabled())
        setRecursiveFilteringEnabled(recursive); // (filters again)
    else
        invalidateRowsFilter();
}

void FileFilterProxyModel::setSearchText(const QString& text)
{
    m_text = text.trimmed();
    ++m_generation; // a result on its way is for an older text now
    if (m_text.isEmpty()) {
        m_searching = false;
        m_search = FileSearchMarks();
        refilter();
        Q_EMIT searchApplied(QString());
        return;
    }
    startSearch();
}

void FileFilterProxyModel::startSearch()
{
    const auto* model = qobject_cast<const FileTreeModel*>(sourceModel());
    if (!model || m_text.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_searching = true;
    auto* watcher = new QFutureWatcher<FileSearchMarks>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer text or snapshot came meanwhile
        m_searching = false;
        m_search = watcher->future().takeResult();
        refilter();
        Q_EMIT searchApplied(m_text);
    });
    watcher->setFuture(QtConcurrent::run([snapshot = model->sharedSnapshot(), text = m_text] {
        return FileSearchMarks::compute(snapshot, text);
    }));
}

void FileFilterProxyModel::setSourceModel(QAbstractItemModel* model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    // A new snapshot (a reload) is searched again; its rows show unsearched until then.
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, &FileFilterProxyModel::startSearch);
    startSearch();
}

void FileFilterProxyModel::setOnlyProblems(bool onlyProblems)
{
    m_onlyProblems = onlyProblems;
    refilter();
}

void FileFilterProxyModel::setSyncFilter(SyncFilter filter)
{
    m_sync = filter;
    refilter();
}

void FileFilterProxyModel::setKindFilter(int kind)
{
    m_kind = kind;
    refilter();
}

bool FileFilterProxyModel::holdsSearchText(const QModelIndex& index) const
{
    const auto* model = qobject_cast<const FileTreeModel*>(sourceModel());
    if (!index.isValid() || !model || !m_search.isActive() ||
        m_search.snapshot() != model->snapshot())
        return false;
    return m_search.holdsText(
        static_cast<const FileSearchMarks::Node*>(mapToSource(index).internalPointer()));
}

bool FileFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool others = m_onlyProblems || m_kind >= 0 || m_sync.isActive();
    const auto* model = static_cast<const FileTreeModel*>(sourceModel());
    if (m_search.isActive() && m_search.snapshot() == model->snapshot()) {
        const auto* node = static_cast<const FileSearchMarks::Node*>(index.internalPointer());
        if (!m_search.isHit(node))
            return false;
        if (!others)
            return true; // (it, or a row below it, holds the text)
        if (!m_search.holdsText(node))
            return false; // (shows if a row below holds it and passes: recursive filtering)
    }
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
    return true;
}

} // namespace pmkv
