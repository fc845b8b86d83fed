#include "diff/sequencediff.h"

#include <algorithm>

namespace pmkv {

std::vector<SequenceDiff::Op> SequenceDiff::diff(const std::vector<int>& a,
                                                 const std::vector<int>& b, int maxEdits)
{
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const int n = int(a.size() - prefix - suffix);
    const int m = int(b.size() - prefix - suffix);
    const int* x = a.data() + prefix;
    const int* y = b.data() + prefix;

    std::vector<Op> middle;
    if (n == 0 || m == 0) {
        middle.assign(size_t(n), Op::Delete);
        middle.insert(middle.end(), size_t(m), Op::Insert);
    } else {
        // Myers: v[k] = furthest x on diagonal k; keep one copy of v per step to backtrack.
        const int max = n + m;
        const int offset = max + 1;
        std::vector<int> v(size_t(2 * max + 3), 0);
        std::vector<std::vector<int>> trace; // trace[d]: v[-d..d] before step d
        int found = -1;
        const int limit = std::min(max, maxEdits);
        for (int d = 0; d <= limit && found < 0; ++d) {
            trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int px;
                if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                    px = v[size_t(offset + k + 1)];
                else
                    px = v[size_t(offset + k - 1)] + 1;
                int py = px - k;
                while (px < n && py < m && x[px] == y[py]) {
                    ++px;
                    ++py;
                }
                v[size_t(offset + k)] = px;
                if (px >= n && py >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            middle.assign(size_t(n), Op::Delete);
            middle.insert(middle.end(), size_t(m), Op::Insert);
        } else {
            int px = n;
            int py = m;
            for (int d = found; d > 0; --d) {
                const std::vector<int>& pv = trace[size_t(d)];
                const int k = px - py;
                int prevK;
                auto at = [&](int kk) { return pv[size_t(kk + d)]; };
                if (k == -d || (k != d && at(k - 1) < at(k + 1)))
                    prevK = k + 1;
                else
                    prevK = k - 1;
                const int prevX = at(prevK);
                const int prevY = prevX - prevK;
                while (px > prevX && py > prevY) {
                    middle.push_back(Op::Keep);
                    --px;
                    --py;
                }
                middle.push_back(prevK == k + 1 ? Op::Insert : Op::Delete);
                px = prevX;
                py = prevY;
            }
            while (px > 0 && py > 0) {
                middle.push_back(Op::Keep);
                --px;
                --py;
            }
            std::reverse(middle.begin(), middle.end());
        }
    }
    std::vector<Op> script(prefix, Op::Keep);
    script.insert(script.end(), middle.begin(), middle.end());
    script.insert(script.end(), suffix, Op::Keep);
    return script;
}

} // namespace pmkv
