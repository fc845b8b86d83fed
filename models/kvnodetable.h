#pragma once

#include <QtGlobal>

#include <array>
#include <memory>
#include <vector>

namespace pmkv {

struct KvTreeNode;

// The nodes of one KvTreeModel tree in creation order (a parent before its children), so a
// worker can walk a million keys without the tree's child lists, which the GUI thread changes.
// Append-only, in chunks that never move: a copy taken on the GUI thread (a snapshot) reads its
// first size() entries on a worker while the GUI thread appends after them, and it keeps the
// tree's nodes alive (it holds the root) after the model replaced the tree.
class KvNodeTable final
{
public:
    KvNodeTable() = default;
    // A table of the tree under `root`, which becomes node 0; `epoch` tells trees apart.
    KvNodeTable(std::shared_ptr<KvTreeNode> root, quint64 epoch);

    int size() const { return m_size; }
    quint64 epoch() const { return m_epoch; }
    const KvTreeNode* at(int id) const
    {
        return (*m_chunks[size_t(id) / kChunk])[size_t(id) % kChunk];
    }
    // Gives `node` the next id (its parent must be in the table already).
    void append(KvTreeNode* node);

private:
    static constexpr size_t kChunk = 8192;
    using Chunk = std::array<KvTreeNode*, kChunk>;

    std::shared_ptr<KvTreeNode> m_root;
    std::vector<std::shared_ptr<Chunk>> m_chunks;
    int m_size = 0;
    quint64 m_epoch = 0;
};

} // namespace pmkv
