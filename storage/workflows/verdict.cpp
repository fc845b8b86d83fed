#include "workflows/verdict.h"

namespace pmkv {

Verdict::Level Verdict::ofFiles(const QVector<Problem>& problems, bool strict)
{
    Level level = Clean;
    for (const Problem& p : problems) {
        if (p.severity == Severity::Error)
            return Errors;
        if (strict)
            level = Differences;
    }
    return level;
}

Verdict::Level Verdict::ofLint(const QVector<Problem>& problems)
{
    return ofFiles(problems, true);
}

Verdict::Level Verdict::ofValidation(const Validator::Outcome& validation, bool strict)
{
    const Level files = ofFiles(validation.problems, strict);
    return worst(files, validation.matches() ? Clean : Differences);
}

Verdict::Level Verdict::ofPlan(const MigrationPlan& plan, bool strict)
{
    return worst(ofFiles(plan.problems, strict), plan.counts().conflict > 0 ? Differences : Clean);
}

Verdict::Level Verdict::ofMigration(const Migrator::Outcome& run, const MigrationPlan* plan,
                                    bool strict)
{
    if (run.cancelled)
        return Errors;
    return plan ? ofPlan(*plan, strict) : Clean;
}

// The diff and the sync list a side's unreadable files as entities of their own; a side's
// problems add a difference only with `strict`.
Verdict::Level Verdict::ofDiff(const DiffReport& report, bool strict)
{
    if (report.count(EntityDiff::State::Unreadable) > 0)
        return Errors;
    const bool problems = !report.left.problems.isEmpty() || !report.right.problems.isEmpty();
    return report.hasDifferences() || (strict && problems) ? Differences : Clean;
}

Verdict::Level Verdict::ofSync(const SyncPlanner::Plan& plan, const SyncRunner::Outcome* run,
                               const QVector<Problem>& problems, bool strict)
{
    const bool left = !plan.skipped.isEmpty() || (run && !run->conflicts.isEmpty());
    return left || (strict && !problems.isEmpty()) ? Differences : Clean;
}

} // namespace pmkv
