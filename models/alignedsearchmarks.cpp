#include "alignedsearchmarks.h"

#include "alignedtree.h"

namespace pmkv {

AlignedSearchMarks AlignedSearchMarks::compute(std::shared_ptr<const AlignedTree> tree,
                                               const QString& text)
{
    AlignedSearchMarks marks;
    marks.m_text = text.trimmed();
    marks.m_tree = std::move(tree);
    if (!marks.m_tree || marks.m_text.isEmpty())
        return marks;
    const AlignedTree& t = *marks.m_tree;
    const auto size = size_t(t.size());
    marks.m_holds.assign(size, false);
    marks.m_hit.assign(size, false);
    for (int n = AlignedTree::kRoot + 1; n < t.size(); ++n) {
        const AlignedTree::Node& node = t.node(n);
        const bool holds = node.name.contains(marks.m_text, Qt::CaseInsensitive) ||
                           node.entityPath.contains(marks.m_text, Qt::CaseInsensitive) ||
                           QString::fromUtf8(node.key).contains(marks.m_text, Qt::CaseInsensitive);
        if (!holds)
            continue;
        marks.m_holds[size_t(n)] = true;
        for (int p = n; p >= 0 && !marks.m_hit[size_t(p)]; p = t.node(p).parent)
            marks.m_hit[size_t(p)] = true;
    }
    return marks;
}

} // namespace pmkv
