#pragma once

#include "diff/jsonvalue.h"
#include "diff/linediff.h"

#include <string>
#include <vector>

namespace pmkv {

// One difference inside a document, addressed by JSON Pointer. `path` points into the right
// document for Added, Changed and Moved (array items by their right index) and into the left
// one for Removed; a Moved item came from `from` (its left pointer). Multi-line strings that
// changed carry a line-level diff in `lines`.
struct FieldChange
{
    enum class Kind : unsigned char { Added, Removed, Changed, Moved };

    Kind kind = Kind::Changed;
    std::string path;
    std::string from;
    bool hasLeft = false;
    bool hasRight = false;
    JsonValue left;
    JsonValue right;
    std::vector<LineEdit> lines;
};

const char* fieldChangeKindName(FieldChange::Kind kind);

} // namespace pmkv
