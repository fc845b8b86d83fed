#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThread>

#include <utility>

namespace pmkv {

// Work for an object used only on the thread it lives in (a store's hiredis connection or
// QNetworkAccessManager, the keychain jobs' parent): called on that thread, run() does it at
// once; called on another, it queues it to that thread's event loop and returns (the work
// then runs in order with the object's other events). The stores' futures say when it is done.
class OwnThread final
{
public:
    template <typename Work> static void run(QObject* owner, Work work)
    {
        if (QThread::currentThread() == owner->thread())
            work();
        else
            QMetaObject::invokeMethod(owner, std::move(work), Qt::QueuedConnection);
    }
};

} // namespace pmkv
