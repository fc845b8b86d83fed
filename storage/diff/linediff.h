#pragma once

#include "diff/sequencediff.h"

#include <string>
#include <vector>

namespace pmkv {

// One line of a line-level diff: kept, only on the left (Delete) or only on the right (Insert).
struct LineEdit
{
    SequenceDiff::Op op = SequenceDiff::Op::Keep;
    std::string text;
};

// A line-level diff of two texts (markdown descriptions, pretty JSON), minimal (Myers).
class LineDiff final
{
public:
    static std::vector<LineEdit> diff(const std::string& left, const std::string& right);
    // Lines without their '\n'; "a\n" is {"a", ""}, so a trailing newline is a difference.
    static std::vector<std::string> split(const std::string& text);
};

} // namespace pmkv
