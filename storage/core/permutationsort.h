#pragma once

#include <QVector>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

namespace pmkv {

// Sorts large items (an Entity, a KeyEntry) stably through an index permutation: moving
// 100,000 of them around inside std::sort costs more than the comparisons. Items already in
// order are left alone.
template <typename T, typename Less> void sortThroughPermutation(QVector<T>& items, Less less)
{
    if (std::is_sorted(items.cbegin(), items.cend(), less))
        return;
    std::vector<qsizetype> order(size_t(items.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return less(items.at(a), items.at(b)); });
    QVector<T> sorted;
    sorted.reserve(items.size());
    for (qsizetype i : order)
        sorted.append(std::move(items[i]));
    items = std::move(sorted);
}

} // namespace pmkv
