#pragma once

#include "files/pmindex.h"
#include "layout/keylayout.h"

#include <QVector>

#include <optional>

namespace pmkv {

// One key the tree maps to, with the exact value bytes the application would write.
struct KeyEntry
{
    QString key;
    EntityRef ref;
    QString sourcePath; // the file it comes from; for list keys the folder it lists
    QByteArray value;
    int entity = -1; // its index in PmIndex::entities; -1 for a list key
};

struct KeyMap
{
    QVector<KeyEntry> entries; // sorted by key
    QVector<Problem> problems;
};

// Maps every readable data entity of a PmIndex to its key and value under a layout, and
// derives the list keys from the tree:
// Lists name only members that get a key of their own (a broken or unsafely named story is
// left out of its epic's list, so the application never follows a list entry to nothing):
// * projects list: the project folders that hold a project.json, sorted by name;
// * epics list of a project: its epicIds in their order, keeping only epic folders that
//   exist, then the existing epic folders it does not list, sorted;
// * stories list of an epic: likewise from storyIds and the story files present (soft-deleted
//   stories included, as the application keeps them).
// Entities whose files have errors, or whose names are unsafe, are not mapped and each gets
// a problem; two entities mapping to one key are both refused. Only what the scan accepts is
// mapped: epics and stories of a folder without a readable project.json, and stories of a
// folder without a readable epic.json, get no key (map.orphan).
class KeyMapper final
{
public:
    static KeyMap map(const PmIndex& index, const KeyLayout& layout);
    // The role of the key an entity of `kind` maps to; none for a file that is not data.
    static std::optional<KeyRole> roleOf(EntityKind kind);
};

} // namespace pmkv
