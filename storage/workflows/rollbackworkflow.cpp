#include "workflows/rollbackworkflow.h"

#include "jobs/journal.h"

namespace pmkv {

Result<RollbackWorkflow::Resolved> RollbackWorkflow::resolveRun(const Request& request,
                                                                const JobPaths& paths)
{
    if (!request.last)
        return Resolved{request.runId, {}};
    RollbackJob::LastRun last = RollbackJob::lastUndoable(paths);
    if (!last.newer.isEmpty()) {
        const Error& newest = last.newer.constLast();
        return makeError(QStringLiteral("rollback.unreadableJournal"),
                         QStringLiteral("the last run is not known: %1 (run %2 may be the last "
                                        "one). Name the run to undo, or make its journal "
                                        "readable first")
                             .arg(newest.message, newest.next.runId),
                         newest.next);
    }
    if (last.runId.isEmpty())
        return makeError(QStringLiteral("rollback.none"),
                         QStringLiteral("no run to undo in %1").arg(paths.root()));
    return Resolved{last.runId, std::move(last.unreadable)};
}

Result<RollbackWorkflow::Outcome> RollbackWorkflow::run(const Request& request,
                                                        TargetSession& session,
                                                        const WorkflowContext& context)
{
    auto resolved = resolveRun(request, context.paths);
    if (!resolved)
        return resolved.error();
    const QString runId = resolved.value().runId;
    const QString target = session.store().describe();
    {
        auto opened = Journal::openRunForReading(context.paths, runId);
        if (!opened)
            return opened.error();
        const QString wrote =
            opened.value()->run().params.value(QStringLiteral("target")).toString();
        if (!wrote.isEmpty() && wrote != target) {
            NextStep next = NextStep::forRun(NextStep::Action::ChooseTarget, runId);
            next.detail = wrote;
            return makeError(QStringLiteral("rollback.target"),
                             QStringLiteral("run %1 wrote to %2, not %3: roll it back on the "
                                            "same target")
                                 .arg(runId, wrote, target),
                             next);
        }
    } // closed before the job opens it
    if (!request.dryRun) {
        if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
            return allowed.error();
    }
    RollbackJob::Params params;
    params.paths = context.paths;
    params.runId = runId;
    params.dryRun = request.dryRun;
    params.force = request.force;
    params.cancel = context.cancel;
    params.progress = context.progress;
    auto done = RollbackJob::run(params, session.store());
    if (!done)
        return done.error();
    const Outcome& o = done.value();
    if (o.applied)
        context.recordAudit(QStringLiteral("rollback"), target, o.toDelete + o.toRestore,
                            o.rollbackRunId);
    return done;
}

} // namespace pmkv
