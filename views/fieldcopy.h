#pragma once

#include "core/result.h"
#include "diff/diffoptions.h"
#include "diff/fieldchange.h"
#include "diff/jsonvalue.h"

#include <string>

namespace pmkv {

// Copies one field of a document into another (Meld's "copy this change to the other side"),
// through the diff engine: a JSON Patch of one operation (add, replace or remove) at the
// field's pointer, applied to the target, then checked with the structural diff (the field
// is the same on both sides afterwards, nothing else moved). A change inside an array (an
// item added, removed, moved or changed) copies the whole array: items of an array are
// addressed by index, and the two sides' indices differ.
class FieldCopy final
{
public:
    // The pointer a change is copied at: its path (`from` for a removal's left side), cut at
    // the first array on the way.
    static std::string pointerFor(const FieldChange& change, const JsonValue& source,
                                  const JsonValue& target);
    // `target` with the value at `pointer` taken from `source` (removed when `source` has
    // none there). Fails, naming the pointer, when the field's parent is missing in `target`.
    static Result<JsonValue> apply(const JsonValue& source, const JsonValue& target,
                                   const std::string& pointer,
                                   const DiffOptions& options = DiffOptions{});
};

} // namespace pmkv
