// KvTreeModel's side of the key search: the marks a worker computed, handed over whole, and
// the nodes that arrive later marked as they come (KeySearchMarks, KvFilterProxyModel).
#include "kvtreemodel.h"

#include <algorithm>

namespace pmkv {
namespace {

// Nodes that came while a worker searched are marked here when its result arrives (each
// builds its path): past this many, the search runs again instead.
constexpr int kCatchUpLimit = 50000;

} // namespace

bool KvTreeModel::applySearch(KeySearchMarks marks)
{
    if (!marks.isActive()) { // no text: every row shows
        m_marks = KeySearchMarks(QByteArray(), m_epoch);
        return true;
    }
    if (marks.epoch() != m_epoch || m_nodes.size() - marks.size() > kCatchUpLimit)
        return false;
    const int marked = marks.size();
    m_marks = std::move(marks);
    // (the filter on top is invalidated whole after this: no row needs announcing)
    for (int id = marked; id < m_nodes.size(); ++id) {
        Node* node = const_cast<Node*>(m_nodes.at(id));
        markNewNode(node, node->fullKey(), false);
    }
    return true;
}

void KvTreeModel::markNewNode(Node* node, const QByteArray& path, bool announce)
{
    const QByteArray& needle = m_marks.needle();
    Node* parent = node->parent;
    // Only a match that ends in this node's name is new: the parent's path was looked at.
    const qsizetype parentLength = parent == m_root.get() ? 0 : path.size() - node->name.size() - 1;
    const bool holds =
        m_marks.holdsText(parent->id) ||
        KeySearchMarks::holds(path, std::max<qsizetype>(0, parentLength - needle.size()), needle);
    m_marks.add(holds);
    if (!holds)
        return;
    for (Node* n = parent; n && !m_marks.isHit(n->id); n = n->parent) {
        m_marks.setHit(n->id);
        if (announce) // its row shows now: the filter hears of it
            markDirty(n);
    }
}

bool KvTreeModel::isSearchHit(int row, const QModelIndex& parent) const
{
    if (!m_marks.isActive() || isLoadMore(parent))
        return true;
    const Node* node = nodeAt(parent);
    if (row < 0 || size_t(row) >= node->children.size())
        return true; // the "load more" row
    return m_marks.isHit(node->children[size_t(row)]->id);
}

} // namespace pmkv
