#include "firstmatch.h"

#include <QAbstractItemModel>

#include <vector>

namespace pmkv {

QModelIndex firstMatchingRow(const QAbstractItemModel* model,
                             const std::function<bool(const QModelIndex&)>& holds,
                             const std::function<bool(const QModelIndex&)>& leadsToOne)
{
    std::vector<QModelIndex> stack;
    auto pushChildren = [&](const QModelIndex& parent) {
        for (int row = model->rowCount(parent) - 1; row >= 0; --row)
            stack.push_back(model->index(row, 0, parent));
    };
    pushChildren({});
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        if (holds(index))
            return index;
        if (leadsToOne(index))
            pushChildren(index);
    }
    return {};
}

} // namespace pmkv
