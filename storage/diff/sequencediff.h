#pragma once

#include <cstddef>
#include <vector>

namespace pmkv {

// The shortest edit script between two sequences of symbols (Myers' O(ND) algorithm, after
// trimming the common prefix and suffix). Used for lines of text and for array items.
// Past `maxEdits` differences it gives up on minimality and replaces the middle as a block,
// so a pathological input costs O(N) instead of O(N*D) memory.
class SequenceDiff final
{
public:
    enum class Op : unsigned char { Keep, Delete, Insert };

    static std::vector<Op> diff(const std::vector<int>& a, const std::vector<int>& b,
                                int maxEdits = 2000);
};

} // namespace pmkv
