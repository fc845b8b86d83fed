#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>

namespace pmkv {

// Wraps a handler for QFuture::then() so that it runs on `receiver`'s thread, queued, with
// the future's result: `future.then(postTo<T>(this, [this](T r) { ... }))`.
// Continuations attached with a context object, `then(this, ...)`, were seen to get lost now
// and then under Qt 6.4 when the future finished on another thread at that moment; posting
// from a plain continuation is reliable. Events posted to a receiver are dropped when it is
// destroyed, so the receiver must outlive the thread that finishes the future.
template <typename T, typename F> std::function<void(T)> postTo(QObject* receiver, F handler)
{
    return [receiver, handler](T value) {
        QMetaObject::invokeMethod(
            receiver, [handler, value]() mutable { handler(std::move(value)); },
            Qt::QueuedConnection);
    };
}

} // namespace pmkv
