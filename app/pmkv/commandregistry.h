#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace pmkv {

// Every `pmkv` command, in the order of the commands-*.cmake files.
std::vector<std::unique_ptr<CliCommand>> allCommands();

} // namespace pmkv
