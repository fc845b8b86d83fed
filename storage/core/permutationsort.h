#pragma once

#include <QVector>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

namespace pmkv {

// Sorts large items (an Entity, a KeyEntry) stably through an index permutation: moving
// 100,000 of them around inside std::sort costs more than the comparisons. The permutation
// is then applied in place, cycle by cycle, rather than into a second vector (16 MB of fresh
// memory for 100,000 keys). Items already in order are left alone.
template <typename T, typename Less> void sortThroughPermutation(QVector<T>& items, Less less)
{
    if (std::is_sorted(items.cbegin(), items.cend(), less))
        return;
    std::vector<qsizetype> order(size_t(items.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return less(items.at(a), items.at(b)); });
    // Position i takes the item at order[i]; a position done is marked by order[i] == i.
    T* data = items.data();
    for (qsizetype start = 0; start < qsizetype(order.size()); ++start) {
        if (order[size_t(start)] == start)
            continue;
        T held = std::move(data[start]);
        qsizetype at = start;
        for (;;) {
            const qsizetype from = order[size_t(at)];
            order[size_t(at)] = at;
            if (from == start) {
                data[at] = std::move(held);
                break;
            }
            data[at] = std::move(data[from]);
            at = from;
        }
    }
}

} // namespace pmkv
