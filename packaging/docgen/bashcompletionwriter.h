#pragma once

#include "programmanual.h"

#include <QString>

namespace pmkv {

// Writes the bash completion of a program with commands (pmkv) from its manual: the
// commands, each command's options, and values by ValueCompletion (folders, files, saved
// connections from `pmkv conn list`, run ids, fixed words). Needs nothing beyond bash.
class BashCompletionWriter final
{
public:
    static QString write(const ProgramManual& manual);
};

} // namespace pmkv
