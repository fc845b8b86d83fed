#include "workflows/syncworkflow.h"

#include "workflows/verdict.h"

#include "diff/sidecomparer.h"
#include "sync/foldersynctarget.h"
#include "sync/kvsynctarget.h"

namespace pmkv {

namespace {

Error stateFolderError(const JobPaths& paths)
{
    return makeError(QStringLiteral("sync.state"),
                     QStringLiteral("cannot create the state folder %1").arg(paths.root()));
}

} // namespace

Result<SyncWorkflow::Target> SyncWorkflow::openTarget(SideOpener& opener, const QString& spec,
                                                      const KeyLayout& layout, bool read,
                                                      bool write, const QString& confirmation)
{
    auto kind = SideOpener::kindOf(spec);
    if (!kind)
        return kind.error();
    if (kind.value() == SideOpener::Kind::Backup || kind.value() == SideOpener::Kind::Snapshot)
        return makeError(QStringLiteral("sync.target"),
                         QStringLiteral("%1 is a backup or snapshot: sync writes to a pm/ folder "
                                        "or a key space")
                             .arg(spec));
    Target target;
    if (read) {
        auto opened = opener.open(spec, layout);
        if (!opened)
            return opened.error();
        target.side = std::move(opened.value());
    } else if (kind.value() == SideOpener::Kind::Kv) {
        auto connected = opener.connect(spec);
        if (!connected)
            return connected.error();
        target.side = std::move(connected.value());
    }
    if (kind.value() == SideOpener::Kind::Folder) {
        target.target = std::make_unique<FolderSyncTarget>(spec);
        return target;
    }
    if (write) {
        if (auto allowed = target.side.session->authorizeWrite(confirmation); !allowed)
            return allowed.error();
    }
    target.target = std::make_unique<KvSyncTarget>(target.side.session->store());
    return target;
}

Result<SyncWorkflow::Outcome> SyncWorkflow::run(const Request& request,
                                                const WorkflowContext& context)
{
    SideOpener opener;
    auto target = openTarget(opener, request.target, request.targetLayout, true, !request.dryRun,
                             request.confirmation);
    if (!target)
        return target.error();
    auto source = opener.open(request.source, request.sourceLayout);
    if (!source)
        return source.error();
    SideComparer::Options compare;
    compare.diff = request.options;
    const DiffReport report =
        SideComparer::compare(source.value().side, target.value().side.side, compare);
    SyncPlanner::Options planOptions;
    planOptions.overwrite = request.overwrite || !request.fields.empty();
    planOptions.targetIsFolder = target.value().target->isFolder();
    planOptions.targetLayout = request.targetLayout;
    planOptions.entities = request.entities;
    planOptions.fields = request.fields;
    auto plan = SyncPlanner::plan(report, planOptions);
    if (!plan)
        return plan.error();
    Outcome outcome;
    outcome.targetDescription = target.value().target->describe();
    outcome.plan = std::move(plan.value());
    outcome.problems = report.left.problems + report.right.problems;
    if (request.dryRun) {
        outcome.verdict = Verdict::ofSync(outcome.plan, nullptr, outcome.problems, request.strict);
        return outcome;
    }
    if (!context.paths.ensure())
        return stateFolderError(context.paths);
    auto done = SyncRunner::execute(outcome.plan, *target.value().target, context.paths,
                                    source.value().side.description);
    if (!done)
        return done.error();
    outcome.run = done.value();
    outcome.verdict = Verdict::ofSync(outcome.plan, &outcome.run, outcome.problems, request.strict);
    context.recordAudit(QStringLiteral("sync"), outcome.targetDescription, outcome.run.written,
                        outcome.run.runId);
    return outcome;
}

Result<SyncWorkflow::RunOutcome> SyncWorkflow::again(const RunRequest& request,
                                                     const WorkflowContext& context, bool undo)
{
    SideOpener opener;
    auto target =
        openTarget(opener, request.target, KeyLayout(), false, true, request.confirmation);
    if (!target)
        return target.error();
    SyncTarget& sync = *target.value().target;
    RunOutcome outcome;
    outcome.targetDescription = sync.describe();
    outcome.runId = request.runId;
    if (outcome.runId == QLatin1String("last")) {
        outcome.runId = SyncRunner::lastRun(context.paths, sync);
        if (outcome.runId.isEmpty())
            return makeError(QStringLiteral("sync.no-run"),
                             QStringLiteral("no sync run to %1 is recorded in %2")
                                 .arg(sync.describe(), context.paths.runsFolder()));
    }
    auto done = undo ? SyncRunner::undo(context.paths, outcome.runId, sync, request.force)
                     : SyncRunner::resume(context.paths, outcome.runId, sync);
    if (!done)
        return done.error();
    outcome.run = done.value();
    context.recordAudit(undo ? QStringLiteral("sync-undo") : QStringLiteral("sync-resume"),
                        outcome.targetDescription,
                        undo ? outcome.run.restored : outcome.run.written, outcome.runId);
    return outcome;
}

Result<SyncWorkflow::RunOutcome> SyncWorkflow::undo(const RunRequest& request,
                                                    const WorkflowContext& context)
{
    return again(request, context, true);
}

Result<SyncWorkflow::RunOutcome> SyncWorkflow::resume(const RunRequest& request,
                                                      const WorkflowContext& context)
{
    return again(request, context, false);
}

Result<std::unique_ptr<SyncWorkflow::Watch>>
SyncWorkflow::watch(const Request& request, const WorkflowContext& context,
                    const std::function<void(const QString&)>& log)
{
    auto sourceKind = SideOpener::kindOf(request.source);
    auto targetKind = SideOpener::kindOf(request.target);
    if (!sourceKind || sourceKind.value() != SideOpener::Kind::Folder || !targetKind ||
        targetKind.value() != SideOpener::Kind::Kv)
        return makeError(QStringLiteral("sync.watch"),
                         QStringLiteral("the follower copies a pm/ folder into a key space"));
    if (!context.paths.ensure())
        return stateFolderError(context.paths);
    auto watch = std::make_unique<Watch>();
    auto target = openTarget(watch->m_opener, request.target, request.targetLayout, true, true,
                             request.confirmation);
    if (!target)
        return target.error();
    watch->m_target = std::move(target.value().target);
    watch->m_watcher =
        std::make_unique<SyncWatcher>(request.source, request.sourceLayout, *watch->m_target,
                                      context.paths, SyncWatcher::Options{});
    QObject::connect(watch->m_watcher.get(), &SyncWatcher::logged, watch->m_watcher.get(), log);
    if (!watch->m_watcher->start(target.value().side.side))
        return makeError(QStringLiteral("sync.watch"),
                         QStringLiteral("the follower could not start (see the lines above)"));
    return watch;
}

void SyncWorkflow::finishWatch(const Watch& watch, const WorkflowContext& context)
{
    context.recordAudit(QStringLiteral("sync-watch"), watch.m_target->describe(),
                        watch.m_watcher->writtenCount());
}

} // namespace pmkv
