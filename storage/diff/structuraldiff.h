#pragma once

#include "diff/diffoptions.h"
#include "diff/fieldchange.h"
#include "diff/jsonpatch.h"

namespace pmkv {

// Field-level difference of two JSON documents, as a list of changes for people and an
// RFC 6902 patch such that JsonPatch::apply(left, patch) == right (except for what the
// options ignore: ignored fields, whitespace-only text changes and the order of set arrays
// are neither reported nor patched).
//
// How arrays are matched:
// * arrays whose items are all strings that look like ids (no whitespace, at most 100
//   bytes, unique on each side: storyIds, epicIds, tags) or all objects with a unique "id"
//   (string or number) are matched by id: items only on one side are added or removed, and
//   items whose order changed are reported as moved. The items that stay are the longest
//   run kept in order (a longest increasing subsequence), so moving one item to the front
//   reports one move, not a cascade. Objects matched by id are compared field by field.
// * arrays matching a `sets` pattern are compared as multisets of values.
// * all other arrays are aligned by a minimal edit script over item values (Myers); an item
//   deleted where another is inserted is compared with it (a changed item, compared field by
//   field), so editing one acceptance criterion is one change.
// Multi-line strings that changed carry a line-level diff.
class StructuralDiff final
{
public:
    struct Outcome
    {
        std::vector<FieldChange> changes;
        JsonPatch::Operations patch;
        bool same() const { return changes.empty(); }
    };

    static Outcome compare(const JsonValue& left, const JsonValue& right,
                           const DiffOptions& options = DiffOptions{});
};

} // namespace pmkv
