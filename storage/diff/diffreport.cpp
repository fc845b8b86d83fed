#include "diff/diffreport.h"

namespace pmkv {

int DiffReport::total() const
{
    return int(counts.total());
}

bool DiffReport::hasDifferences() const
{
    return counts.differing() + typeOrTtl > 0 || !left.unmappedKeys.isEmpty() ||
           !right.unmappedKeys.isEmpty();
}

} // namespace pmkv
