#pragma once

#include "diff/entitydiff.h"

#include <QString>

namespace pmkv {

// Counts of entity states for one project (epic empty: the whole project, its epics and
// stories included) or one epic of a project. Entities above projects (people, the projects
// list) roll up under an empty project name.
struct DiffRollup
{
    QString project;
    QString epic;
    ComparisonCounts counts;
    int typeOrTtl = 0;

    int count(EntityDiff::State state) const { return int(counts[state]); }
    int total() const;
    int different() const; // changed + only-left + only-right + unreadable + type/TTL
};

} // namespace pmkv
