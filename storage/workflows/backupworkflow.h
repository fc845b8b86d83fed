#pragma once

#include "core/result.h"
#include "jobs/backupjob.h"
#include "jobs/backupverifier.h"
#include "workflows/workflowcontext.h"

namespace pmkv {

// The backups of a pm/ folder, as a user makes, checks and restores them: a verified
// .tar.gz (BackupJob), its check against the manifest (BackupVerifier) and a restore into a
// new or empty folder (an archive that does not verify restores nothing). Each write has its
// audit line.
class BackupWorkflow final
{
public:
    struct BackupRequest
    {
        QString root;
        QString destination; // a folder (a timestamped name is chosen) or a .tar.gz path
        QString layout = QStringLiteral("repository"); // recorded in the tag
    };
    struct RestoreRequest
    {
        QString archive;
        QString target;
        bool overwrite = false; // write into a folder that is not empty
    };

    static Result<BackupJob::Outcome> backup(const BackupRequest& request,
                                             const WorkflowContext& context);
    static Result<BackupVerifier::Report> verify(const QString& archive);
    static Result<BackupVerifier::RestoreOutcome> restore(const RestoreRequest& request,
                                                          const WorkflowContext& context);
};

} // namespace pmkv
