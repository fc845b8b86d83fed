#pragma once

#include "diff/entitydiff.h"

namespace pmkv {

class DiffView;

// Shows one entity of a diff report in a DiffView: the field diff of its two values, or, for
// an entity one side lacks or cannot read, a line that says so (and why). The diff wizard's
// result page and the comparison window show entities the same way.
class EntityDiffPresenter final
{
public:
    // False when there is no field diff to show (one-sided, unreadable, or computed later).
    static bool show(DiffView& view, const EntityDiff& entity);
};

} // namespace pmkv
