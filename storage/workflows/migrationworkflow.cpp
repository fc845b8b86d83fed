#include "workflows/migrationworkflow.h"

#include "jobs/journal.h"
#include "jobs/planner.h"
#include "workflows/backupworkflow.h"
#include "workflows/validationworkflow.h"
#include "workflows/verdict.h"

#include <QDateTime>

#include <QDir>
#include <algorithm>

namespace pmkv {

namespace {

Planner::Params plannerParams(const MigrationWorkflow::Scope& scope)
{
    Planner::Params params;
    params.root = scope.root;
    params.layoutSpec = scope.layoutSpec;
    params.prefix = scope.prefix;
    params.projects = scope.projects;
    params.policy = scope.policy;
    // A plan keeps hashes: the values are made again from the files as they are written.
    params.holdValues = false;
    return params;
}

QString runTarget(const JournalRun& run)
{
    return run.params.value(QStringLiteral("target")).toString();
}

bool unfinished(const JournalRun& run)
{
    return run.kind == QLatin1String("migrate") && run.state != JournalRun::State::Done &&
           run.state != JournalRun::State::Undone;
}

Error refusedWhileUnfinished(const QString& runId)
{
    return makeError(QStringLiteral("migrate.unfinished"),
                     QStringLiteral("run %1 on this target did not finish: resume it or roll it "
                                    "back before a new run")
                         .arg(runId),
                     NextStep::forRun(NextStep::Action::ResumeRun, runId));
}

QString newestUnfinishedOn(const QVector<JournalRun>& runs, const QString& target)
{
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        if (unfinished(*it) && runTarget(*it) == target)
            return it->id;
    }
    return QString();
}

Error refusedOverUnreadable(const Error& unreadable)
{
    return makeError(QStringLiteral("migrate.unreadableJournal"),
                     QStringLiteral("a new run is refused: run %1 may not have finished on this "
                                    "target, and %2")
                         .arg(unreadable.next.runId, unreadable.message),
                     unreadable.next);
}

// No unfinished run that can be read. A migration's journal that cannot be read may be one:
// named, rather than "none" (it cannot be resumed until it can be read).
Error nothingToResume(const JobPaths& paths)
{
    const QVector<Error> unreadable = Migrator::unreadableMigrations(paths);
    if (unreadable.isEmpty())
        return makeError(QStringLiteral("resume.none"),
                         QStringLiteral("no unfinished migration in %1").arg(paths.root()));
    return makeError(QStringLiteral("resume.none"),
                     QStringLiteral("no unfinished migration that can be read in %1, and %2")
                         .arg(paths.root(), unreadable.constLast().message),
                     unreadable.constLast().next);
}

} // namespace

QString MigrationWorkflow::unfinishedRunOn(const JobPaths& paths, const QString& target)
{
    return newestUnfinishedOn(Journal::listRuns(paths), target);
}

Result<void> MigrationWorkflow::checkNoUnfinishedRun(const JobPaths& paths, const QString& target)
{
    const Journal::Listing listing = Journal::scanRuns(paths);
    const QString open = newestUnfinishedOn(listing.runs, target);
    if (!open.isEmpty())
        return refusedWhileUnfinished(open);
    // Refused for any target: the journal is the only record of where its run wrote.
    const QVector<Error> unreadable = Migrator::unreadableMigrations(listing.unreadable);
    if (!unreadable.isEmpty())
        return refusedOverUnreadable(unreadable.constLast());
    return {};
}

Result<MigrationWorkflow::PlanOutcome> MigrationWorkflow::plan(const PlanRequest& request,
                                                               TargetSession& session,
                                                               const WorkflowContext& context)
{
    Planner::Params params = plannerParams(request.scope);
    params.cancel = context.cancel;
    auto made = Planner::plan(params, session.store());
    if (!made)
        return made.error();
    PlanOutcome outcome;
    outcome.plan = std::move(made).value();
    outcome.path = request.output;
    if (outcome.path.isEmpty()) {
        (void)context.paths.ensure(); // the state folders, their owner's only
        outcome.path = context.paths.plansFolder() + QLatin1Char('/') +
                       QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")) +
                       QStringLiteral("Z.plan.json");
    }
    auto saved = outcome.plan.save(outcome.path);
    if (!saved)
        return saved.error();
    outcome.verdict = Verdict::ofPlan(outcome.plan, request.strict);
    return outcome;
}

Result<MigrationPlan> MigrationWorkflow::preparePlan(const RunRequest& request,
                                                     TargetSession& session,
                                                     const WorkflowContext& context)
{
    const QString target = session.store().describe();
    if (request.mode == Mode::Planned) {
        if (!request.plan)
            return makeError(QStringLiteral("plan.missing"),
                             QStringLiteral("no plan was given to execute"));
        if (request.plan->target != target)
            return makeError(QStringLiteral("plan.target"),
                             QStringLiteral("the plan was made against %1, not %2: it can run "
                                            "only there; plan again for this target")
                                 .arg(request.plan->target, target),
                             NextStep::forPath(NextStep::Action::PlanAgain, request.plan->root));
        return *request.plan;
    }
    if (request.mode == Mode::SavedPlan) {
        auto loaded = MigrationPlan::load(request.planFile);
        if (!loaded)
            return loaded;
        MigrationPlan plan = std::move(loaded).value();
        if (plan.target != target)
            return makeError(QStringLiteral("plan.target"),
                             QStringLiteral("the plan was made against %1, not %2: it can run "
                                            "only there; plan again for this target")
                                 .arg(plan.target, target),
                             NextStep::forPath(NextStep::Action::PlanAgain, plan.root));
        auto values = Planner::loadValues(plan);
        if (!values)
            return values.error();
        return plan;
    }
    Planner::Params params = plannerParams(request.scope);
    params.readBatch = request.batchKeys;
    params.cancel = context.cancel;
    return Planner::plan(params, session.store());
}

Result<MigrationWorkflow::RunOutcome> MigrationWorkflow::run(const RunRequest& request,
                                                             TargetSession& session,
                                                             const WorkflowContext& context)
{
    if (request.mode != Mode::DryRun) {
        if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
            return allowed.error();
    }
    if (request.mode == Mode::Resume)
        return resume(request, session, context);
    const QString target = session.store().describe();
    // Refused before the plan is made: a new run next to an unfinished one would journal the
    // same keys twice, and undoing either would put back what the other wrote.
    if (request.mode != Mode::DryRun) {
        if (auto free = checkNoUnfinishedRun(context.paths, target); !free)
            return free.error();
    }
    RunOutcome outcome;
    outcome.mode = request.mode;
    if (request.backupFirst && request.mode != Mode::DryRun) {
        const QString root =
            request.mode == Mode::Planned && request.plan ? request.plan->root : request.scope.root;
        if (auto backedUp = backUp(request, root, context, outcome); !backedUp)
            return backedUp.error();
    }
    auto prepared = preparePlan(request, session, context);
    if (!prepared)
        return prepared.error();
    outcome.plan = std::move(prepared).value();
    if (request.planned)
        request.planned(*outcome.plan);
    if (request.mode == Mode::DryRun) {
        outcome.verdict = Verdict::ofPlan(*outcome.plan, request.strict);
        if (outcome.plan->counts().conflict > 0)
            outcome.next =
                NextStep::forPath(NextStep::Action::MigrateOverwrite, outcome.plan->root);
        return outcome;
    }
    Migrator::Params params;
    params.paths = context.paths;
    params.batchKeys = qMax(1, request.batchKeys);
    params.batchBytes = qMax<qint64>(1, request.batchBytes);
    params.batchesInFlight = qMax(1, request.batchesInFlight);
    params.cancel = context.cancel;
    params.progress = context.progress;
    // A plan just made was read from the key space a moment ago; a saved one, or one shown
    // to the user for a while, is checked again before anything is written. (Every batch is
    // checked against the plan as it is written in any case.)
    params.checkKvFirst = request.mode == Mode::SavedPlan ||
                          (request.mode == Mode::Planned &&
                           outcome.plan->createdAt.secsTo(QDateTime::currentDateTimeUtc()) >
                               request.recheckAfterSeconds);
    auto executed = Migrator::execute(*outcome.plan, session.store(), params);
    if (!executed)
        return executed.error();
    outcome.migration = executed.value();
    const ValidationScope scope = outcome.plan ? scopeOf(*outcome.plan) : std::nullopt;
    return finish(request, session, context, std::move(outcome), target, scope);
}

Result<MigrationWorkflow::RunOutcome> MigrationWorkflow::resume(const RunRequest& request,
                                                                TargetSession& session,
                                                                const WorkflowContext& context)
{
    const QString target = session.store().describe();
    QString runId = request.runId;
    if (runId.isEmpty()) {
        runId = unfinishedRunOn(context.paths, target);
        if (runId.isEmpty()) {
            const QString elsewhere = Migrator::unfinishedRun(context.paths);
            if (elsewhere.isEmpty())
                return nothingToResume(context.paths);
            runId = elsewhere; // refused below, naming the target it wrote to
        }
    }
    ValidationScope scope;
    {
        auto opened = Journal::openRunForReading(context.paths, runId);
        if (!opened)
            return opened.error();
        scope = scopeOf(opened.value()->run());
        const QString wrote = runTarget(opened.value()->run());
        if (wrote != target) {
            NextStep next = NextStep::forRun(NextStep::Action::ChooseTarget, runId);
            next.detail = wrote;
            return makeError(QStringLiteral("resume.target"),
                             QStringLiteral("run %1 wrote to %2, not %3: resume it with the same "
                                            "target")
                                 .arg(runId, wrote, target),
                             next);
        }
    } // the journal is closed before the job opens it
    if (request.resuming)
        request.resuming(runId);
    Migrator::Params params;
    params.paths = context.paths;
    params.batchKeys = qMax(1, request.batchKeys);
    params.batchBytes = qMax<qint64>(1, request.batchBytes);
    params.batchesInFlight = qMax(1, request.batchesInFlight);
    params.cancel = context.cancel;
    params.progress = context.progress;
    auto resumed = Migrator::resume(runId, session.store(), params);
    if (!resumed)
        return resumed.error();
    RunOutcome outcome;
    outcome.mode = Mode::Resume;
    outcome.migration = resumed.value();
    return finish(request, session, context, std::move(outcome), target, scope);
}

MigrationWorkflow::ValidationScope MigrationWorkflow::scopeOf(const MigrationPlan& plan)
{
    ValidationWorkflow::Request check;
    check.root = plan.root;
    check.layoutSpec = plan.layoutSpec;
    check.prefix = plan.prefix;
    check.projects = plan.projects;
    return check;
}

MigrationWorkflow::ValidationScope MigrationWorkflow::scopeOf(const JournalRun& run)
{
    const QJsonObject& p = run.params;
    ValidationWorkflow::Request check;
    check.root = p.value(QStringLiteral("root")).toString();
    check.layoutSpec = p.value(QStringLiteral("layout")).toString();
    check.prefix = p.value(QStringLiteral("prefix")).toString();
    check.projects = p.value(QStringLiteral("projects")).toVariant().toStringList();
    if (check.root.isEmpty() || check.layoutSpec.isEmpty())
        return std::nullopt; // a run from a saved plan of an older version: nothing to go by
    return check;
}

Result<void> MigrationWorkflow::backUp(const RunRequest& request, const QString& root,
                                       const WorkflowContext& context, RunOutcome& outcome)
{
    BackupWorkflow::BackupRequest backup;
    backup.root = root;
    backup.destination = request.backupDestination;
    backup.layout = request.mode == Mode::Planned && request.plan ? request.plan->layoutSpec
                                                                  : request.scope.layoutSpec;
    auto made = BackupWorkflow::backup(backup, context);
    if (!made)
        return makeError(QStringLiteral("migrate.backup"),
                         QStringLiteral("the backup made before the migration failed, nothing "
                                        "was written: %1")
                             .arg(made.error().message),
                         made.error().next);
    outcome.backup = made.value();
    return {};
}

MigrationWorkflow::RunOutcome MigrationWorkflow::finish(const RunRequest& request,
                                                        TargetSession& session,
                                                        const WorkflowContext& context,
                                                        RunOutcome outcome, const QString& target,
                                                        const ValidationScope& scope)
{
    const Migrator::Outcome& m = outcome.migration;
    if (request.validateAfter && !m.cancelled && scope) {
        auto checked = ValidationWorkflow::validate(*scope, session.store(), context);
        if (checked)
            outcome.validation = checked.value();
        else
            context.warnings << QStringLiteral("the validation after the run failed: %1")
                                    .arg(checked.error().message);
    }
    context.recordAudit(outcome.mode == Mode::Resume ? QStringLiteral("migrate-resume")
                                                     : QStringLiteral("migrate"),
                        target, m.written, m.runId);
    JobReport report(QStringLiteral("Migration %1").arg(m.runId));
    if (outcome.plan)
        report.setPlan(*outcome.plan);
    report.setMigration(m);
    if (outcome.validation)
        report.setValidation(*outcome.validation);
    // The validation after the run counts as it would on its own (differences: 1).
    Verdict::Level level =
        Verdict::ofMigration(m, outcome.plan ? &*outcome.plan : nullptr, request.strict);
    if (outcome.validation)
        level = std::max(level, Verdict::ofValidation(*outcome.validation, request.strict));
    outcome.verdict = level;
    report.setExitCode(outcome.verdict);
    const QString folder =
        request.reportFolder.isEmpty() ? context.paths.reportsFolder() : request.reportFolder;
    auto saved = report.save(folder, m.runId, context.wordStep);
    if (saved)
        outcome.reportPath = saved.value();
    else
        context.warnings << saved.error().message;
    outcome.next = NextStep::forRun(
        m.cancelled ? NextStep::Action::ResumeRun : NextStep::Action::RollbackRun, m.runId);
    outcome.report = std::move(report);
    return outcome;
}

} // namespace pmkv
