#include "core/prefault.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pmkv {

std::future<void> Prefault::start(void* begin, void* end)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    const auto page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    // Whole pages inside the range only: the pages at its edges may hold other data.
    const std::uintptr_t from = (std::uintptr_t(begin) + page - 1) & ~(page - 1);
    const std::uintptr_t to = std::uintptr_t(end) & ~(page - 1);
    if (page > 0 && from < to) {
        return std::async(std::launch::async, [from, to] {
            (void)::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
        });
    }
#else
    (void)begin;
    (void)end;
#endif
    return {};
}

} // namespace pmkv
