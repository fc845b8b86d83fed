#include "filesearchmarks.h"

#include <vector>

namespace pmkv {

QString FileSearchMarks::searchText(const FileTreeSnapshot& snapshot, const Node* node)
{
    const Entity* e = snapshot.entity(node);
    return e ? node->name + QLatin1Char(' ') + e->documentId + QLatin1Char(' ') + e->title
             : node->name;
}

FileSearchMarks FileSearchMarks::compute(std::shared_ptr<const FileTreeSnapshot> snapshot,
                                         const QString& text)
{
    FileSearchMarks marks;
    marks.m_text = text.trimmed();
    marks.m_snapshot = std::move(snapshot);
    if (!marks.m_snapshot || marks.m_text.isEmpty())
        return marks;
    const FileTreeSnapshot& s = *marks.m_snapshot;
    std::vector<const Node*> stack{s.root()};
    while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        for (const auto& child : node->children)
            stack.push_back(child.get());
        if (node == s.root() || !searchText(s, node).contains(marks.m_text, Qt::CaseInsensitive))
            continue;
        marks.m_marks[node] |= kHolds;
        for (const Node* p = node->parent; p && p != s.root(); p = p->parent) {
            quint8& mark = marks.m_marks[p];
            if (mark & kBelow)
                break; // (and so are its parents)
            mark |= kBelow;
        }
    }
    return marks;
}

} // namespace pmkv
