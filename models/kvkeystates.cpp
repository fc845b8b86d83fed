#include "kvkeystates.h"

#include "kvtreemodel.h"
#include "kvtreenode.h"

#include <QVarLengthArray>

namespace pmkv {

KvKeyStates::KvKeyStates(KvNodeTable nodes, std::vector<std::pair<int, SyncState>> keys)
    : m_nodes(std::move(nodes)), m_keys(std::move(keys))
{
}

QVector<KvKeyItem> KvKeyStates::items() const
{
    QVector<KvKeyItem> items;
    items.reserve(qsizetype(m_keys.size()));
    QVarLengthArray<const KvTreeNode*, 16> chain;
    for (const auto& [id, state] : m_keys) {
        chain.clear();
        qsizetype length = 0;
        // (up to the root, whose name is no part of a key)
        for (const KvTreeNode* n = m_nodes.at(id); n->parent; n = n->parent) {
            chain.append(n);
            length += n->name.size() + 1;
        }
        QByteArray key;
        key.reserve(length);
        for (qsizetype i = chain.size() - 1; i >= 0; --i) {
            key.append(chain.at(i)->name);
            if (i > 0)
                key.append(':');
        }
        items.append({std::move(key), state});
    }
    return items;
}

} // namespace pmkv
