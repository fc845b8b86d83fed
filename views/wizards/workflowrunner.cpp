#include "workflowrunner.h"

#include <QMetaObject>

namespace pmkv {

WorkflowRunner::WorkflowRunner(JobPaths paths, QObject* parent)
    : QObject(parent), m_paths(std::move(paths))
{
}

WorkflowRunner::~WorkflowRunner()
{
    if (!m_thread)
        return;
    // The job may use objects its owner is about to destroy (a session): stop it and wait.
    m_shared->cancel = true;
    m_thread->wait();
    delete m_thread.data();
}

bool WorkflowRunner::isCancelling() const
{
    return m_running && m_shared && m_shared->cancel.load();
}

void WorkflowRunner::cancel()
{
    if (!m_running || m_shared->cancel.exchange(true))
        return;
    Q_EMIT cancelRequested();
}

void WorkflowRunner::cancelThen(const std::function<void()>& then)
{
    if (!m_running) {
        then();
        return;
    }
    connect(this, &WorkflowRunner::finished, this, then, Qt::SingleShotConnection);
    cancel();
}

bool WorkflowRunner::launch(Body body)
{
    if (m_running)
        return false;
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    m_last = JobProgress();
    m_running = true;

    QPointer<WorkflowRunner> self(this);
    WorkflowContext context;
    context.paths = m_paths;
    context.frontEnd = QStringLiteral("pmkv-studio");
    context.cancel = &shared->cancel;
    context.progress = [shared, self](const JobProgress& progress) {
        std::lock_guard lock(shared->mutex);
        shared->pending = progress;
        if (shared->progressQueued)
            return; // the queued event will carry this newer progress
        shared->progressQueued = true;
        QMetaObject::invokeMethod(
            self.data(), [self] { self->deliverProgress(); }, Qt::QueuedConnection);
    };

    QThread* thread = QThread::create([shared, body = std::move(body), context]() {
        auto deliver = body(context);
        std::lock_guard lock(shared->mutex);
        shared->deliver = std::move(deliver);
    });
    thread->setObjectName(QStringLiteral("pmkv-workflow"));
    // QThread::finished is emitted on the worker: queued to this object, it runs on the GUI
    // thread after every progress event the job posted.
    connect(thread, &QThread::finished, this, &WorkflowRunner::deliverResult, Qt::QueuedConnection);
    m_thread = thread;
    thread->start();
    Q_EMIT started();
    return true;
}

void WorkflowRunner::deliverProgress()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->progressQueued = false;
        m_last = m_shared->pending;
    }
    Q_EMIT progressed(m_last);
}

void WorkflowRunner::deliverResult()
{
    if (m_thread) {
        m_thread->deleteLater();
        m_thread.clear();
    }
    std::function<void()> deliver;
    {
        std::lock_guard lock(m_shared->mutex);
        deliver = std::move(m_shared->deliver);
    }
    m_running = false;
    if (deliver)
        deliver();
    Q_EMIT finished();
}

} // namespace pmkv
