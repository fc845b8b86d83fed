#include "workflows/backupworkflow.h"

namespace pmkv {

Result<BackupJob::Outcome> BackupWorkflow::backup(const BackupRequest& request,
                                                  const WorkflowContext& context)
{
    BackupJob::Params params;
    params.root = request.root;
    params.destination = request.destination;
    params.layout = request.layout;
    auto done = BackupJob::run(params);
    if (done)
        context.recordAudit(QStringLiteral("backup"), done.value().archivePath,
                            done.value().fileCount);
    return done;
}

Result<BackupVerifier::Report> BackupWorkflow::verify(const QString& archive)
{
    return BackupVerifier::verify(archive);
}

Result<BackupVerifier::RestoreOutcome> BackupWorkflow::restore(const RestoreRequest& request,
                                                               const WorkflowContext& context)
{
    auto restored = BackupVerifier::restore(request.archive, request.target, request.overwrite);
    if (restored)
        context.recordAudit(QStringLiteral("restore"), restored.value().target,
                            restored.value().fileCount);
    return restored;
}

} // namespace pmkv
