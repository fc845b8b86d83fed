#include "diff/diffrollup.h"

namespace pmkv {

int DiffRollup::total() const
{
    return int(counts.total());
}

int DiffRollup::different() const
{
    return int(counts.differing()) + typeOrTtl;
}

} // namespace pmkv
