#pragma once

namespace pmkv {

// Exit codes scripts can trust, the same for every command.
enum ExitCode : int {
    ExitClean = 0,    // nothing to report
    ExitWarnings = 1, // done, with warnings or differences
    ExitErrors = 2,   // errors in the data, or the command failed
    ExitUsage = 64,   // the command line is wrong (EX_USAGE)
};

} // namespace pmkv
