#include "diff/linediff.h"

#include <unordered_map>

namespace pmkv {

std::vector<std::string> LineDiff::split(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
        const size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
}

std::vector<LineEdit> LineDiff::diff(const std::string& left, const std::string& right)
{
    const std::vector<std::string> a = split(left);
    const std::vector<std::string> b = split(right);
    std::unordered_map<std::string, int> ids;
    auto idsOf = [&ids](const std::vector<std::string>& lines) {
        std::vector<int> out;
        out.reserve(lines.size());
        for (const std::string& line : lines)
            out.push_back(ids.emplace(line, int(ids.size())).first->second);
        return out;
    };
    const std::vector<int> ia = idsOf(a);
    const std::vector<int> ib = idsOf(b);
    std::vector<LineEdit> edits;
    size_t i = 0;
    size_t j = 0;
    for (SequenceDiff::Op op : SequenceDiff::diff(ia, ib)) {
        switch (op) {
        case SequenceDiff::Op::Keep:
            edits.push_back({op, a[i++]});
            ++j;
            break;
        case SequenceDiff::Op::Delete:
            edits.push_back({op, a[i++]});
            break;
        case SequenceDiff::Op::Insert:
            edits.push_back({op, b[j++]});
            break;
        }
    }
    return edits;
}

} // namespace pmkv
