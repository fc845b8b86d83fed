#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace pmkv {

class AlignedTree;

// Which rows of an AlignedTree the aligned mode's search shows, by node: a row "holds" the
// text when its name, its file or its key does (either side, any case); it is a "hit" when it
// or a row below it holds it. Computed on a worker over the immutable tree (compute), then
// handed to the filter whole: lookups are O(1). Keeps its tree alive, so a tree it was not
// computed for is never mistaken for it.
class AlignedSearchMarks final
{
public:
    AlignedSearchMarks() = default; // no search: every row shows

    static AlignedSearchMarks compute(std::shared_ptr<const AlignedTree> tree, const QString& text);

    bool isActive() const { return !m_text.isEmpty(); }
    const QString& text() const { return m_text; }
    const AlignedTree* tree() const { return m_tree.get(); }
    bool holdsText(int node) const { return !isActive() || m_holds[size_t(node)]; }
    bool isHit(int node) const { return !isActive() || m_hit[size_t(node)]; }

private:
    std::shared_ptr<const AlignedTree> m_tree;
    QString m_text;
    std::vector<bool> m_holds;
    std::vector<bool> m_hit;
};

} // namespace pmkv
