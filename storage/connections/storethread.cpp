#include "connections/storethread.h"

namespace pmkv {

StoreThread::StoreThread() : m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("pmkv-store"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace pmkv
