#include "workpool.h"

#include <QThread>
#include <QThreadPool>

namespace pmkv {

namespace {
struct EnginePool
{
    QThreadPool pool;
    EnginePool()
    {
        pool.setObjectName(QStringLiteral("pmkv-engine"));
        pool.setMaxThreadCount(QThread::idealThreadCount());
    }
};
Q_GLOBAL_STATIC(EnginePool, enginePool)
} // namespace

QThreadPool* WorkPool::instance()
{
    return &enginePool()->pool;
}

} // namespace pmkv
