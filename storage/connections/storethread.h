#pragma once

#include <QObject>
#include <QThread>

#include <optional>
#include <type_traits>

namespace pmkv {

// A thread with its own event loop for stores and keychain jobs, for callers that have no
// running event loop of their own (the `pmkv` CLI, jobs): create objects there with call(),
// then wait on their futures from the calling thread. Objects parented to context() are
// destroyed on that thread when the StoreThread goes.
class StoreThread final
{
public:
    StoreThread();
    ~StoreThread();
    StoreThread(const StoreThread&) = delete;
    StoreThread& operator=(const StoreThread&) = delete;

    QObject* context() const { return m_context; }

    // Runs `work` on the thread and returns its result (blocks the caller, not the thread).
    template <typename F> auto call(F work) -> std::invoke_result_t<F>
    {
        using R = std::invoke_result_t<F>;
        if constexpr (std::is_void_v<R>) {
            QMetaObject::invokeMethod(m_context, std::move(work), Qt::BlockingQueuedConnection);
        } else {
            std::optional<R> result; // R need not be default-constructible (Result<T>)
            QMetaObject::invokeMethod(
                m_context, [&result, &work] { result.emplace(work()); },
                Qt::BlockingQueuedConnection);
            return std::move(*result);
        }
    }

private:
    QThread m_thread;
    QObject* m_context;
};

} // namespace pmkv
