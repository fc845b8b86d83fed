#pragma once

#include "core/result.h"
#include "jobs/backupjob.h"
#include "jobs/jobreport.h"
#include "jobs/journalrecords.h"
#include "jobs/migrationplan.h"
#include "jobs/migrator.h"
#include "workflows/targetsession.h"
#include "workflows/validationworkflow.h"
#include "workflows/workflowcontext.h"

#include <functional>
#include <memory>
#include <optional>

namespace pmkv {

// A migration as a user runs it, from either front end: a plan saved for later, a dry run, a
// run from a folder or from a saved plan, and the resume of a run that stopped. The rules
// every front end shares live here:
//   * a write needs the session's write rule (read-only refused, PROD's typed name);
//   * a new run is refused while a run on the same target is unfinished (resume or roll it
//     back first: error "migrate.unfinished", next step ResumeRun), and while a migration's
//     journal cannot be read, whatever its target (error "migrate.unreadableJournal", next step
//     the journal's: FixFile, or ShowStatus for one locked a moment);
//   * a resume writes only to the target the run wrote to ("resume.target"), a saved plan
//     runs only against the target it was made against ("plan.target", next PlanAgain);
//   * every run writes its audit line and saves its report (JSON + Markdown).
// Blocking: call it from the CLI's main thread or a worker, never from the GUI thread.
class MigrationWorkflow final
{
public:
    struct Scope
    {
        QString root;
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;       // empty: the layout's default
        QStringList projects; // empty: the whole tree
        MigrationPlan::Policy policy = MigrationPlan::Policy::AbortOnConflict;
    };

    struct PlanRequest
    {
        Scope scope;
        QString output;      // the plan file; empty: a new file in the plans folder
        bool strict = false; // the files' warnings count in the verdict (workflows/verdict.h)
    };
    struct PlanOutcome
    {
        MigrationPlan plan;
        QString path;
        int verdict = 0; // Verdict::ofPlan: 0 clean, 1 conflicts, 2 errors in the files
    };

    enum class Mode {
        Folder,    // plan `scope` and execute it at once
        DryRun,    // plan `scope` only: nothing written, nothing saved
        SavedPlan, // execute the plan file `planFile`
        Resume,    // finish run `runId` (empty: the newest unfinished run on this target)
        Planned,   // execute `plan`, made moments ago by a dry run on this target (a wizard
                   // shows the plan, then runs exactly that plan)
    };
    struct RunRequest
    {
        Mode mode = Mode::Folder;
        Scope scope;
        QString planFile;
        QString runId;
        int batchKeys = 5000;
        qint64 batchBytes = 16 * 1024 * 1024;
        int batchesInFlight = 4;
        QString reportFolder; // empty: the reports folder of the context's paths
        QString confirmation; // the PROD profile's name, typed by the user
        bool strict = false;  // the files' warnings count in the verdict (workflows/verdict.h)
        // Mode::Planned: the plan to execute. A plan older than `recheckAfterSeconds` is
        // checked against the key space before anything is written (as a saved plan is); a
        // fresher one is checked batch by batch as it is written (as a folder run is).
        std::shared_ptr<const MigrationPlan> plan;
        int recheckAfterSeconds = 60;
        // Make a verified backup of the folder first (BackupWorkflow; destination empty:
        // beside the folder); a backup that fails or does not verify writes nothing.
        bool backupFirst = false;
        QString backupDestination;
        // After a run that finished, compare the folder with the key space both ways
        // (every key, and the keys only the key space has) and add it to the report; after a
        // resume, over the folder, layout, prefix and projects the run's journal names.
        bool validateAfter = false;
        // Called once the plan is made or loaded, before anything is written (to show it).
        std::function<void(const MigrationPlan&)> planned;
        // Called with the run a resume finishes, before it starts.
        std::function<void(const QString&)> resuming;
    };
    struct RunOutcome
    {
        Mode mode = Mode::Folder;
        std::optional<MigrationPlan> plan;            // not for a resume
        Migrator::Outcome migration;                  // not for a dry run
        std::optional<JobReport> report;              // not for a dry run
        std::optional<BackupJob::Outcome> backup;     // with backupFirst
        std::optional<Validator::Outcome> validation; // with validateAfter
        QString reportPath; // the Markdown file; empty when it could not be saved
        // Verdict::ofMigration (ofPlan for a dry run): 0 everything written, whatever the
        // files' warnings; 1 conflicts (dry run); 2 errors in the files or cancelled.
        int verdict = 0;
        // What to do next: resume a cancelled run, or how to undo a finished one.
        NextStep next;
    };

    static Result<PlanOutcome> plan(const PlanRequest& request, TargetSession& session,
                                    const WorkflowContext& context);
    static Result<RunOutcome> run(const RunRequest& request, TargetSession& session,
                                  const WorkflowContext& context);

    // The newest migrate run on `target` (a store's describe()) that did not finish; empty
    // when every run there finished or was undone.
    static QString unfinishedRunOn(const JobPaths& paths, const QString& target);
    // The refusal a new run on `target` meets while a run there is unfinished (error
    // "migrate.unfinished", next step ResumeRun naming it) or a migration's journal cannot be
    // read ("migrate.unreadableJournal", next step naming the file and run id), for a front
    // end that looks first.
    static Result<void> checkNoUnfinishedRun(const JobPaths& paths, const QString& target);

private:
    static Result<RunOutcome> resume(const RunRequest& request, TargetSession& session,
                                     const WorkflowContext& context);
    static Result<MigrationPlan> preparePlan(const RunRequest& request, TargetSession& session,
                                             const WorkflowContext& context);
    static Result<void> backUp(const RunRequest& request, const QString& root,
                               const WorkflowContext& context, RunOutcome& outcome);
    // What validateAfter compares: the plan's scope, or the resumed run's (its journal).
    using ValidationScope = std::optional<ValidationWorkflow::Request>;
    static ValidationScope scopeOf(const MigrationPlan& plan);
    static ValidationScope scopeOf(const JournalRun& run);
    static RunOutcome finish(const RunRequest& request, TargetSession& session,
                             const WorkflowContext& context, RunOutcome outcome,
                             const QString& target, const ValidationScope& scope);
};

} // namespace pmkv
