#include "heaptuning.h"

#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace pmkv {
namespace {

constexpr const char* kVariable = "GLIBC_TUNABLES";
// hugetlb=1: heap memory is advised as transparent huge pages; top_pad: the heap grows by
// 64 MiB at a time, so those pages can be huge at all.
constexpr const char* kTunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864";

} // namespace

void HeapTuning::applyOnce(char** argv)
{
#if defined(__linux__) && defined(__GLIBC__)
    const char* current = std::getenv(kVariable);
    if (current && std::strcmp(current, kTunables) == 0) {
        // This is the second start: the settings took effect; the programs pmkv starts
        // (redis-server, pmkv-proxy) get the environment the user gave.
        ::unsetenv(kVariable);
        return;
    }
    if (current || std::getenv("PMKV_NO_HEAP_TUNING"))
        return;
    if (::setenv(kVariable, kTunables, 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    ::unsetenv(kVariable); // exec failed (no /proc): run on with glibc's defaults
#else
    (void)argv;
#endif
}

} // namespace pmkv
