#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace pmkv {

// Wraps a handler for QFuture::then() so that it runs on the GUI thread, queued, with the
// future's result: `future.then(postTo<T>(this, [this](T r) { ... }))`.
// Continuations attached with a context object, `then(this, ...)`, were seen to get lost now
// and then under Qt 6.4 when the future finished on another thread at that moment; posting
// from a plain continuation is reliable. The event goes to the application object, never to
// `receiver` itself (which may be gone by the time the worker finishes: a dialog closed during
// a save); the handler runs only while `receiver` lives, checked on the GUI thread, where it is
// destroyed.
template <typename T, typename F> std::function<void(T)> postTo(QObject* receiver, F handler)
{
    Q_ASSERT(receiver->thread() == QCoreApplication::instance()->thread());
    const QPointer<QObject> guard(receiver);
    return [guard, handler](T value) {
        QCoreApplication* app = QCoreApplication::instance();
        if (!app)
            return; // shutting down
        QMetaObject::invokeMethod(
            app,
            [guard, handler, value]() mutable {
                if (guard)
                    handler(std::move(value));
            },
            Qt::QueuedConnection);
    };
}

} // namespace pmkv
