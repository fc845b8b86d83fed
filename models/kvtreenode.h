#pragma once

#include "syncstate.h"

#include <QByteArray>
#include <QHash>

#include <memory>
#include <vector>

namespace pmkv {

struct KvKeyMeta;

// One row of KvTreeModel: a segment of a key between ':' (a namespace, a key, or both). Its
// name, parent and id never change once it is in the model's KvNodeTable, so a search worker
// may read them while the GUI thread goes on; everything else belongs to the GUI thread.
struct KvTreeNode
{
    static constexpr char kSeparator = ':'; // between the segments of a key

    QByteArray name;
    KvTreeNode* parent = nullptr;
    int id = 0; // its place in the KvNodeTable: creation order, a parent before its children
    int row = 0;
    bool isKey = false;
    bool attached = false; // part of what views have been told about
    bool queued = false;   // in the model's list of grown parents
    bool dirty = false;    // in the model's list of changed rows
    SyncState state = SyncState::Unknown;
    int keyCount = 0;                // keys in the subtree, this one included
    SyncCounts counts;               // states of the keys in the subtree
    const KvKeyMeta* meta = nullptr; // type, TTL and size, once fetched (owned by the model)
    std::vector<std::unique_ptr<KvTreeNode>> children;
    // New children of an attached node, held back until rows are announced.
    std::vector<std::unique_ptr<KvTreeNode>> pending;
    std::unique_ptr<QHash<QByteArray, KvTreeNode*>> lookup; // once a node has many children

    // The child named `childName`, announced or pending; null if there is none.
    KvTreeNode* child(const QByteArray& childName) const;
    // Takes `node` (its parent set to this one) as a child: a pending one when this node is
    // attached, until its row is announced.
    void adopt(std::unique_ptr<KvTreeNode> node);
    // The node at `path` below this one (segments between ':'); null if there is none.
    KvTreeNode* find(const QByteArray& path);
    // The names from below the root down to this node, joined with ':' (a key's full name).
    QByteArray fullKey() const;
};

} // namespace pmkv
