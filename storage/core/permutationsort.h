#pragma once

#include <QVector>

#include <algorithm>
#include <future>
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
    const auto byItem = [&](qsizetype a, qsizetype b) { return less(items.at(a), items.at(b)); };
    if (order.size() >= 4096) {
        // Each half on a core of its own, then merged: still stable, as every index of the
        // first half is below those of the second.
        const auto middle = order.begin() + std::ptrdiff_t(order.size() / 2);
        auto secondHalf =
            std::async(std::launch::async, [&] { std::stable_sort(middle, order.end(), byItem); });
        std::stable_sort(order.begin(), middle, byItem);
        secondHalf.get();
        std::inplace_merge(order.begin(), middle, order.end(), byItem);
    } else {
        std::stable_sort(order.begin(), order.end(), byItem);
    }
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
