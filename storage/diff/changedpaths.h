#pragma once

#include "diff/entitydiff.h"

#include <QStringList>

namespace pmkv {

// The pointers of an entity's field changes, for a one-line summary (the CLI's diff, the
// diff wizard's list): "(whole value)" for the root, at most `limit`, then "...".
class ChangedPaths final
{
public:
    static QStringList of(const EntityDiff& diff, int limit);
};

} // namespace pmkv
