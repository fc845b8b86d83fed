#include "filetreesnapshot.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>

namespace pmkv {
namespace {

using Node = FileTreeSnapshot::Node;

Node* childFolder(Node* parent, const QString& name, QHash<QString, Node*>& folders)
{
    const QString path =
        parent->relativePath.isEmpty() ? name : parent->relativePath + QLatin1Char('/') + name;
    if (Node* existing = folders.value(path))
        return existing;
    auto node = std::make_unique<Node>();
    node->name = name;
    node->relativePath = path;
    node->isFolder = true;
    node->parent = parent;
    Node* raw = node.get();
    parent->children.push_back(std::move(node));
    folders.insert(path, raw);
    return raw;
}

// Folders first, then data files by name; people.json before anything at the root.
void sortAndNumber(Node* node)
{
    std::sort(node->children.begin(), node->children.end(), [](const auto& a, const auto& b) {
        const bool aPeople = a->name == QLatin1String("people.json");
        const bool bPeople = b->name == QLatin1String("people.json");
        if (aPeople != bPeople)
            return aPeople;
        if (a->isFolder != b->isFolder) // plain files after folders
            return a->isFolder;
        return a->name < b->name;
    });
    for (size_t i = 0; i < node->children.size(); ++i) {
        node->children[i]->row = int(i);
        sortAndNumber(node->children[i].get());
        node->errors += node->children[i]->errors;
        node->warnings += node->children[i]->warnings;
    }
}

} // namespace

std::shared_ptr<const FileTreeSnapshot> FileTreeSnapshot::build(PmIndex index)
{
    QElapsedTimer timer;
    timer.start();
    auto snapshot = std::make_shared<FileTreeSnapshot>();
    snapshot->m_index = std::move(index);
    snapshot->m_root.isFolder = true;
    QHash<QString, Node*> folders;
    QHash<QString, Node*> markers; // "p/project.json" -> the folder node standing for it
    const PmIndex& idx = snapshot->m_index;
    for (int i = 0; i < idx.entities.size(); ++i) {
        const Entity& e = idx.entities.at(i);
        Node* parent = &snapshot->m_root;
        const QStringList parts = e.relativePath.split(QLatin1Char('/'));
        for (int p = 0; p + 1 < parts.size(); ++p)
            parent = childFolder(parent, parts.at(p), folders);
        if (e.kind == EntityKind::Project || e.kind == EntityKind::Epic) {
            parent->entityIndex = i;
            markers.insert(e.relativePath, parent);
            continue;
        }
        auto leaf = std::make_unique<Node>();
        leaf->name = parts.last();
        leaf->relativePath = e.relativePath;
        leaf->entityIndex = i;
        leaf->parent = parent;
        parent->children.push_back(std::move(leaf));
    }
    // Problems count where they are reported: on a file or on a folder.
    QHash<QString, Node*> leaves;
    std::vector<Node*> stack{&snapshot->m_root};
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        leaves.insert(n->relativePath, n);
        for (auto& c : n->children)
            stack.push_back(c.get());
    }
    for (const Problem& p : idx.problems) {
        Node* target = markers.value(p.path, nullptr);
        if (!target)
            target = leaves.value(p.path, nullptr);
        if (!target)
            target = &snapshot->m_root; // e.g. "people.json missing": shown on the root
        (p.severity == Severity::Error ? target->errors : target->warnings)++;
        ++target->ownProblems;
    }
    sortAndNumber(&snapshot->m_root);
    snapshot->m_buildMs = timer.elapsed();
    return snapshot;
}

const Entity* FileTreeSnapshot::entity(const Node* node) const
{
    return node && node->entityIndex >= 0 ? &m_index.entities.at(node->entityIndex) : nullptr;
}

} // namespace pmkv
