#pragma once

#include "diff/diffreport.h"
#include "files/problem.h"
#include "jobs/migrationplan.h"
#include "jobs/migrator.h"
#include "jobs/validator.h"
#include "sync/syncplanner.h"
#include "sync/syncrunner.h"

#include <QVector>

namespace pmkv {

// The one rule that judges an outcome, for `pmkv`'s exit code and the GUI's state alike.
// Two questions are answered apart: "does the key space hold exactly the files (or was
// everything written)?" and "are the files well-formed?". Only the first decides:
//   Clean        it matches (or everything was written), whatever the files' warnings;
//   Differences  keys differ, are missing or extra, expire, conflict or were skipped; with
//                `strict`, a file warning counts as a difference too;
//   Errors       a file could not be read or mapped (it is not in the key space), or the run
//                was cancelled.
// The warnings stay in the outcome (reports, JSON, problem groups) either way. A linter's
// verdict (scan) is another question: ofLint.
class Verdict final
{
public:
    enum Level : int { Clean = 0, Differences = 1, Errors = 2 };

    // The files alone, under this rule: errors are Errors, warnings only with `strict`.
    static Level ofFiles(const QVector<Problem>& problems, bool strict);
    // The files as a linter sees them: any warning is a Difference.
    static Level ofLint(const QVector<Problem>& problems);
    static Level ofValidation(const Validator::Outcome& validation, bool strict);
    // A plan not executed (a dry run): conflicts are differences.
    static Level ofPlan(const MigrationPlan& plan, bool strict);
    // A migration run; `plan` is the plan it executed (none for a resume).
    static Level ofMigration(const Migrator::Outcome& run, const MigrationPlan* plan, bool strict);
    // The diff and the sync show a side's unreadable files as entities; its problems add a
    // difference only with `strict`.
    static Level ofDiff(const DiffReport& report, bool strict);
    // A sync (its plan, and its run unless it was a dry run) from a comparison whose sides
    // had `problems`.
    static Level ofSync(const SyncPlanner::Plan& plan, const SyncRunner::Outcome* run,
                        const QVector<Problem>& problems, bool strict);

private:
    static Level worst(Level a, Level b) { return a > b ? a : b; }
};

} // namespace pmkv
