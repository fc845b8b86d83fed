#include "kvtreenode.h"

namespace pmkv {

namespace {

// Past this many children a node finds them by name in a hash.
constexpr size_t kLookupThreshold = 8;

} // namespace

KvTreeNode* KvTreeNode::child(const QByteArray& childName) const
{
    if (lookup)
        return lookup->value(childName, nullptr);
    for (const auto& c : children) {
        if (c->name == childName)
            return c.get();
    }
    for (const auto& c : pending) {
        if (c->name == childName)
            return c.get();
    }
    return nullptr;
}

void KvTreeNode::adopt(std::unique_ptr<KvTreeNode> node)
{
    KvTreeNode* added = node.get();
    (attached ? pending : children).push_back(std::move(node));
    const size_t size = children.size() + pending.size();
    if (lookup) {
        lookup->insert(added->name, added);
    } else if (size >= kLookupThreshold) {
        lookup = std::make_unique<QHash<QByteArray, KvTreeNode*>>();
        lookup->reserve(qsizetype(size * 2));
        for (const auto& c : children)
            lookup->insert(c->name, c.get());
        for (const auto& c : pending)
            lookup->insert(c->name, c.get());
    }
}

KvTreeNode* KvTreeNode::find(const QByteArray& path)
{
    KvTreeNode* node = this;
    qsizetype start = 0;
    while (node) {
        const qsizetype end = path.indexOf(kSeparator, start);
        node = node->child(path.mid(start, end < 0 ? path.size() - start : end - start));
        if (end < 0)
            break;
        start = end + 1;
    }
    return node;
}

QByteArray KvTreeNode::fullKey() const
{
    QByteArray key = name;
    for (const KvTreeNode* n = parent; n && n->parent; n = n->parent)
        key = n->name + kSeparator + key;
    return key;
}

} // namespace pmkv
