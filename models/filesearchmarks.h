#pragma once

#include "filetreesnapshot.h"

#include <QString>

#include <memory>
#include <unordered_map>

namespace pmkv {

// Which rows of a FileTreeSnapshot the file search shows: a row "holds" the text when its
// name, or its entity's id or title, does (any case); it is a "hit" when it or a row below it
// holds it. Computed on a worker over the immutable snapshot (compute), then handed to the
// filter whole: lookups are O(1), so a search never walks 100,000 rows on the GUI thread.
// Keeps its snapshot alive, so a snapshot it was not computed for is never mistaken for it.
class FileSearchMarks final
{
public:
    using Node = FileTreeSnapshot::Node;

    FileSearchMarks() = default; // no search: every row shows

    static FileSearchMarks compute(std::shared_ptr<const FileTreeSnapshot> snapshot,
                                   const QString& text);
    // The text a row is searched in (what FileTreeModel::SearchTextRole gives).
    static QString searchText(const FileTreeSnapshot& snapshot, const Node* node);

    bool isActive() const { return !m_text.isEmpty(); }
    const QString& text() const { return m_text; }
    const FileTreeSnapshot* snapshot() const { return m_snapshot.get(); }
    bool holdsText(const Node* node) const { return !isActive() || (mark(node) & kHolds); }
    bool isHit(const Node* node) const { return !isActive() || mark(node) != 0; }

private:
    static constexpr quint8 kHolds = 1;
    static constexpr quint8 kBelow = 2;
    quint8 mark(const Node* node) const
    {
        const auto it = m_marks.find(node);
        return it == m_marks.end() ? 0 : it->second;
    }

    std::shared_ptr<const FileTreeSnapshot> m_snapshot;
    QString m_text;
    std::unordered_map<const Node*, quint8> m_marks; // rows without a mark hold nothing
};

} // namespace pmkv
