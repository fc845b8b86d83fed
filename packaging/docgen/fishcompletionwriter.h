#pragma once

#include "programmanual.h"

#include <QString>

namespace pmkv {

// Writes the fish completion of a program with commands (pmkv) from its manual: the same
// commands, options and values as BashCompletionWriter, with descriptions.
class FishCompletionWriter final
{
public:
    static QString write(const ProgramManual& manual);
};

} // namespace pmkv
