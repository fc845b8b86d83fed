#pragma once

#include "core/result.h"
#include "jobs/rollbackjob.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

namespace pmkv {

// Undoing a journaled run (a migration, a KV sync, a snapshot restore) from either front end:
// resolves "the last run", refuses a run that wrote to another target than the session's
// ("rollback.target", next step ChooseTarget naming it), applies the write rule (a dry run
// writes nothing and needs none), runs RollbackJob and writes the audit line.
class RollbackWorkflow final
{
public:
    struct Request
    {
        QString runId;     // empty with `last`
        bool last = false; // the newest run not undone yet
        bool dryRun = false;
        bool force = false; // also overwrite keys changed since the run
        QString confirmation;
    };
    using Outcome = RollbackJob::Outcome;

    static Result<Outcome> run(const Request& request, TargetSession& session,
                               const WorkflowContext& context);
    // The run `request` names: its id, or the newest undoable one for `last`; with `last`,
    // refused while a journal newer than that run cannot be read ("rollback.unreadableJournal",
    // its next step naming the file), since that run may be the last one.
    struct Resolved
    {
        QString runId;
        QVector<Error> unreadable; // with `last`: every journal that could not be read
    };
    static Result<Resolved> resolveRun(const Request& request, const JobPaths& paths);
};

} // namespace pmkv
