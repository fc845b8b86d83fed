#pragma once

#include "programmanual.h"

#include <QString>

namespace pmkv {

// Writes the zsh completion (#compdef) of a program with commands (pmkv) from its manual:
// the same commands, options and values as BashCompletionWriter, with descriptions.
class ZshCompletionWriter final
{
public:
    static QString write(const ProgramManual& manual);
};

} // namespace pmkv
