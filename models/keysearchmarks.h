#pragma once

#include <QByteArray>

#include <atomic>
#include <vector>

namespace pmkv {

class KvNodeTable;

// Which rows of the key tree the key search shows, by node id (KvNodeTable): a node "holds"
// the text when its full path ("pm:project:atlas") holds it, ASCII letters in any case; it is
// a "hit" when it or a node below it holds it (its row shows). Computed whole on a worker
// over a snapshot of the nodes (compute), then handed to the model, which marks the nodes
// that arrive later (add, setHit); lookups are O(1), so a filter never walks the tree.
class KeySearchMarks final
{
public:
    KeySearchMarks() = default; // no search: every row shows
    // Empty marks for `needle` (lower case) over a tree of `epoch` whose nodes come later.
    KeySearchMarks(const QByteArray& needle, quint64 epoch);

    // One pass over the first nodes.size() nodes of a snapshot (on a worker): each node's
    // path is matched from its parent's state (a KMP automaton), so no path is ever built.
    // Stops early, incomplete, once `cancel` is set (a newer text came).
    static KeySearchMarks compute(const KvNodeTable& nodes, const QByteArray& needle,
                                  const std::atomic<bool>* cancel = nullptr);
    // Whether `path` holds `needle` (lower case) at or after `from`, ASCII case folded.
    static bool holds(const QByteArray& path, qsizetype from, const QByteArray& needle);

    bool isActive() const { return !m_needle.isEmpty(); }
    const QByteArray& needle() const { return m_needle; }
    quint64 epoch() const { return m_epoch; }
    int size() const { return int(m_holds.size()); } // the nodes marked (ids 0 .. size-1)
    bool holdsText(int id) const { return !isActive() || m_holds[size_t(id)]; }
    bool isHit(int id) const { return !isActive() || m_hit[size_t(id)]; }

    // The next node (id size()): whether its path holds the text.
    void add(bool holdsText);
    void setHit(int id) { m_hit[size_t(id)] = true; }
    // A new tree (F5, another connection): no node marked, the same text.
    void restart(quint64 epoch);

private:
    QByteArray m_needle;
    quint64 m_epoch = 0;
    std::vector<bool> m_holds;
    std::vector<bool> m_hit;
};

} // namespace pmkv
