#pragma once

#include "core/result.h"
#include "jobs/snapshotjob.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

namespace pmkv {

// A key space saved as NDJSON, or such a file written back (journaled: the restore is a run
// a rollback undoes), as a user runs them: the layout's prefix gives the keys, the restore
// passes the write rule and writes its audit line.
class SnapshotWorkflow final
{
public:
    struct TakeRequest
    {
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        QString output; // empty: a new file in the snapshots folder
    };
    struct RestoreRequest
    {
        QString file;
        QString layoutSpec = QStringLiteral("repository");
        QString prefix;
        bool prune = false; // also delete keys under the prefix the snapshot does not have
        bool allowOutsidePattern = false; // also write its keys outside the prefix
        QString confirmation;
    };

    static Result<SnapshotJob::Outcome> take(const TakeRequest& request, TargetSession& session,
                                             const WorkflowContext& context);
    static Result<SnapshotJob::RestoreOutcome>
    restore(const RestoreRequest& request, TargetSession& session, const WorkflowContext& context);
    // Reads a snapshot end to end and checks it against the SHA-256 of its manifest (what the
    // backup wizard shows at the end): the keys and bytes read, the keys that are not strings.
    static Result<SnapshotJob::Outcome> verify(const QString& file);
    // The keys a layout's prefix covers ("pm:*"); an error for an unknown layout.
    static Result<QString> pattern(const QString& layoutSpec, const QString& prefix);
};

} // namespace pmkv
