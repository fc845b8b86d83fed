#pragma once

#include "files/pmindex.h"

#include <QString>

#include <memory>
#include <vector>

namespace pmkv {

// An immutable tree over one PmIndex, built off the GUI thread and then handed to the
// model whole. Folders become nodes; every file is a leaf pointing at its Entity.
class FileTreeSnapshot final
{
public:
    struct Node
    {
        QString name;
        QString relativePath;
        int entityIndex = -1; // -1 for plain folders
        bool isFolder = false;
        int errors = 0; // this node's own problems plus its descendants'
        int warnings = 0;
        int ownProblems = 0; // errors and warnings reported on this node itself
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };

    static std::shared_ptr<const FileTreeSnapshot> build(PmIndex index);

    const PmIndex& index() const { return m_index; }
    const Node* root() const { return &m_root; }
    const Entity* entity(const Node* node) const;
    qint64 buildMilliseconds() const { return m_buildMs; }

private:
    PmIndex m_index;
    Node m_root;
    qint64 m_buildMs = 0;
};

} // namespace pmkv
