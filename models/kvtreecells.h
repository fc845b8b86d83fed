#pragma once

#include <QString>
#include <QVariant>

namespace pmkv {

struct KvTreeNode;

// What KvTreeModel's cells show, role by role: the texts, icons and font of a node's row and
// of the "load more" row, worded in KvTreeModel's translation context. The model answers
// what depends on its own state (the search marks, the metas it still has to ask for).
class KvTreeCells final
{
public:
    // The "load more" row, from the scan's progress.
    static QVariant loadMore(int column, int role, qint64 scanned, qint64 total, bool busy);
    // A node's name and state columns (not SearchHitRole).
    static QVariant node(const KvTreeNode& node, int column, int role);
    // A key's Type, TTL and Size columns: empty texts until its meta is known.
    static QVariant meta(const KvTreeNode& node, int column, int role);

private:
    static QString countsText(const KvTreeNode& node);
    static QString loadMoreText(qint64 scanned, qint64 total, bool busy);
};

} // namespace pmkv
