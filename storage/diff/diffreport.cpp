#include "diff/diffreport.h"

namespace pmkv {

int DiffReport::total() const
{
    int sum = 0;
    for (int c : counts)
        sum += c;
    return sum;
}

bool DiffReport::hasDifferences() const
{
    return count(EntityDiff::State::Changed) + count(EntityDiff::State::OnlyLeft) +
                   count(EntityDiff::State::OnlyRight) + count(EntityDiff::State::Unreadable) +
                   typeOrTtl >
               0 ||
           !left.unmappedKeys.isEmpty() || !right.unmappedKeys.isEmpty();
}

} // namespace pmkv
