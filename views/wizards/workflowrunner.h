#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "workflows/workflowcontext.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace pmkv {

// Runs one blocking workflow call (MigrationWorkflow::run, RollbackWorkflow::run, ...) on a
// worker thread of its own, so that the GUI thread only ever receives queued signals: the
// progress (coalesced: at most one progress event waits in the queue, the newest wins), then
// the result. No processEvents(), no nested event loop, no waiting on the GUI thread except in
// the destructor (which cancels first; the layer checks the flag between batches).
//
//   runner->start<MigrationWorkflow::RunOutcome>(
//       [=](const WorkflowContext& c) { return MigrationWorkflow::run(request, *session, c); },
//       [=](Result<MigrationWorkflow::RunOutcome> r, const QStringList& warnings) { ... });
class WorkflowRunner final : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Job = std::function<Result<T>(const WorkflowContext&)>;
    template <typename T>
    using Done = std::function<void(Result<T> result, const QStringList& warnings)>;

    explicit WorkflowRunner(JobPaths paths = JobPaths(), QObject* parent = nullptr);
    ~WorkflowRunner() override;

    // Starts `job` with a context (the paths, "pmkv-studio", progress, cancel). `done` runs on
    // this object's thread with the result, then finished() is emitted. False (and nothing
    // started) while another job runs.
    template <typename T> bool start(Job<T> job, Done<T> done)
    {
        return launch([job = std::move(job), done = std::move(done)](
                          const WorkflowContext& context) -> std::function<void()> {
            auto result = std::make_shared<Result<T>>(job(context));
            QStringList warnings = context.warnings;
            return [done, result, warnings] { done(std::move(*result), warnings); };
        });
    }

    bool isRunning() const { return m_running; }
    // Cancels the running job and calls `then` once it has stopped (at once when none runs).
    void cancelThen(const std::function<void()>& then);
    bool isCancelling() const;
    // The newest progress delivered (phase empty before the first).
    const JobProgress& lastProgress() const { return m_last; }
    const JobPaths& paths() const { return m_paths; }

public Q_SLOTS:
    // Asks the running job to stop at its next batch boundary; its result still arrives.
    void cancel();

Q_SIGNALS:
    void started();
    void progressed(const pmkv::JobProgress& progress);
    void cancelRequested();
    // After the job's `done` ran.
    void finished();

private:
    // What the worker shares with this object; kept alive by both.
    struct Shared
    {
        std::atomic_bool cancel{false};
        std::mutex mutex;
        JobProgress pending;
        bool progressQueued = false;
        std::function<void()> deliver;
    };
    using Body = std::function<std::function<void()>(const WorkflowContext&)>;

    bool launch(Body body);
    void deliverProgress();
    void deliverResult();

    JobPaths m_paths;
    std::shared_ptr<Shared> m_shared;
    QPointer<QThread> m_thread;
    JobProgress m_last;
    bool m_running = false;
};

} // namespace pmkv
