#include "diff/diffrollup.h"

namespace pmkv {

int DiffRollup::total() const
{
    int sum = 0;
    for (int c : counts)
        sum += c;
    return sum;
}

int DiffRollup::different() const
{
    return count(EntityDiff::State::Changed) + count(EntityDiff::State::OnlyLeft) +
           count(EntityDiff::State::OnlyRight) + count(EntityDiff::State::Unreadable) + typeOrTtl;
}

} // namespace pmkv
