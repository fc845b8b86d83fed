#pragma once

#include "core/result.h"
#include "jobs/archivejob.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

namespace pmkv {

// Phase 6 as a user runs it: the checklist of ArchiveJob with the validation gate inside.
// With a session the workflow validates the whole folder against the key space itself, and
// the job judges that outcome; without one the folder counts as not validated (only an
// explicit override passes). The rename and its undo write their audit lines.
class ArchiveWorkflow final
{
public:
    struct Request
    {
        QString root;
        QString target; // empty: <root>-backup (with a suffix if taken)
        QString backup; // empty: the newest <root>-backup-*.tar.gz beside the folder
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        bool overrideValidation = false;
        // The files' warnings fail the validation check too (Verdict's strict rule).
        bool strict = false;
        bool dryRun = false;
    };
    using Outcome = ArchiveJob::Outcome;

    // `session`: the key space to validate against; null when none was given.
    static Result<Outcome> run(const Request& request, TargetSession* session,
                               const WorkflowContext& context);
    // Renames the archive of `runId` (empty: the newest one not undone) back.
    static Result<Outcome> undo(const QString& runId, const WorkflowContext& context);
};

} // namespace pmkv
