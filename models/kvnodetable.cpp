#include "kvnodetable.h"

#include "kvtreenode.h"

namespace pmkv {

KvNodeTable::KvNodeTable(std::shared_ptr<KvTreeNode> root, quint64 epoch)
    : m_root(std::move(root)), m_epoch(epoch)
{
    if (m_root)
        append(m_root.get());
}

void KvNodeTable::append(KvTreeNode* node)
{
    if (size_t(m_size) % kChunk == 0)
        m_chunks.push_back(std::make_shared<Chunk>());
    node->id = m_size;
    (*m_chunks.back())[size_t(m_size) % kChunk] = node;
    ++m_size;
}

} // namespace pmkv
