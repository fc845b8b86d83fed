#pragma once

#include <QVector>

#include <future>

namespace pmkv {

// Makes fresh memory resident on another thread while this one works. On a virtual machine
// the first write to a page costs more than the work that writes it (the host backs the page
// then): the planner's single-threaded steps each fill a new vector of tens of megabytes
// while the second core waits.
class Prefault final
{
public:
    // Starts making [begin, end) resident and writable (madvise MADV_POPULATE_WRITE, Linux
    // 5.14 and later; nothing elsewhere, or when the kernel refuses). Keep the future until
    // the memory is filled: its destructor waits.
    static std::future<void> start(void* begin, void* end);

    // The later half of a vector's spare capacity, for a caller about to fill all of it from
    // the front: each thread then meets half of the fresh pages.
    template <typename T> static std::future<void> laterHalfOfSpareCapacity(QVector<T>& items)
    {
        T* data = items.data();
        const qsizetype spare = items.capacity() - items.size();
        return start(data + items.size() + spare / 2, data + items.capacity());
    }
};

} // namespace pmkv
