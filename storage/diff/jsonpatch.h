#pragma once

#include "core/result.h"
#include "diff/patchoperation.h"

#include <string>
#include <vector>

namespace pmkv {

// RFC 6902 JSON Patch: apply, select and convert to and from the JSON form.
class JsonPatch final
{
public:
    using Operations = std::vector<PatchOperation>;

    // Applies the operations in order to a copy of `document`. An operation that cannot apply
    // (missing member, index out of range, failed test) stops with an error naming it; the
    // document is then left unchanged (the copy is discarded).
    static Result<JsonValue> apply(const JsonValue& document, const Operations& operations);

    // Per-field selection: the operations whose path (and `from`, for a move) lies within one
    // of `pointers` (a pointer selects itself and everything below it). Operations on one
    // array depend on each other's indices, so select an array as a whole ("/storyIds"),
    // not single items of a reordered array.
    static Operations select(const Operations& operations,
                             const std::vector<std::string>& pointers);

    static JsonValue toJson(const Operations& operations);
    static Result<Operations> fromJson(const JsonValue& patch);
};

} // namespace pmkv
