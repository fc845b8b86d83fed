#pragma once

#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace pmkv {

// Frees big structures (a folder snapshot, an alignment, a read tree) on a pool thread:
// freeing 100,000 entities and their nodes takes tens of milliseconds that the GUI thread,
// or a job waiting on nothing else, should spend elsewhere.
class OffThreadRelease final
{
public:
    // Drops a reference: when it is the last one, the structure is freed on the pool.

    template <typename T> static void release(std::shared_ptr<T>& pointer)
    {
        std::shared_ptr<T> last = std::exchange(pointer, nullptr);
        if (last.use_count() == 1)
            QThreadPool::globalInstance()->start(
                [last = std::move(last)]() mutable { last.reset(); });
    }

    // Takes the object over and destroys it on the pool.
    template <typename T> static void destroy(T&& object)
    {
        auto owned = std::make_shared<std::decay_t<T>>(std::forward<T>(object));
        release(owned);
    }
};

} // namespace pmkv
