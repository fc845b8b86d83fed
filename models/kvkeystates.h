#pragma once

#include "kvnodetable.h"
#include "syncstate.h"

#include <QByteArray>
#include <QVector>

#include <utility>
#include <vector>

namespace pmkv {

struct KvKeyItem;

// The keys of a part of the key tree with their states, taken on the GUI thread as node ids (a
// pass with no key spelled out: 100,000 keys held the GUI thread 60-120 ms when each was), and
// spelled out anywhere from the node table, whose names and parents never change.
class KvKeyStates final
{
public:
    KvKeyStates() = default;
    KvKeyStates(KvNodeTable nodes, std::vector<std::pair<int, SyncState>> keys);

    qsizetype size() const { return qsizetype(m_keys.size()); }
    // Each key's full name ("pm:project:atlas") and state (on a worker, too).
    QVector<KvKeyItem> items() const;

private:
    KvNodeTable m_nodes;
    std::vector<std::pair<int, SyncState>> m_keys;
};

} // namespace pmkv
