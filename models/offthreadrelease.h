#pragma once

#include <QThreadPool>

#include <memory>
#include <utility>

namespace pmkv {

// Drops a reference to a big immutable structure (a folder snapshot, an alignment): when it
// is the last one, the structure is freed on a pool thread, because freeing 100,000 entities
// and their nodes takes tens of milliseconds the GUI thread should spend elsewhere.
class OffThreadRelease final
{
public:
    template <typename T> static void release(std::shared_ptr<T>& pointer)
    {
        std::shared_ptr<T> last = std::exchange(pointer, nullptr);
        if (last.use_count() == 1)
            QThreadPool::globalInstance()->start(
                [last = std::move(last)]() mutable { last.reset(); });
    }
};

} // namespace pmkv
