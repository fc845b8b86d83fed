#pragma once

namespace pmkv {

// glibc's heap, set for a tool that reads 100,000 files into memory: grown in 64 MiB steps on
// transparent huge pages. Measured on the 100,000-story bench, 4 KiB page faults (about 130,000,
// each costly in a virtual machine) were a third of `pmkv validate`'s time. glibc reads these
// settings (GLIBC_TUNABLES) only when a program starts, so the first thing main() does is run
// itself again with them; a user's own GLIBC_TUNABLES is left as it is.
class HeapTuning final
{
public:
    // Does not return when it re-executes; returns at once otherwise (or if that fails).
    static void applyOnce(char** argv);
};

} // namespace pmkv
