#include "workflows/archiveworkflow.h"

#include "workflows/validationworkflow.h"
#include "workflows/verdict.h"

namespace pmkv {

Result<ArchiveWorkflow::Outcome>
ArchiveWorkflow::run(const Request& request, TargetSession* session, const WorkflowContext& context)
{
    ArchiveJob::Params params;
    params.paths = context.paths;
    params.root = request.root;
    params.target = request.target;
    params.backup = request.backup;
    params.overrideValidation = request.overrideValidation;
    params.dryRun = request.dryRun;
    params.accepts = [strict = request.strict](const Validator::Outcome& v) {
        return Verdict::ofValidation(v, strict) == Verdict::Clean;
    };
    if (session) {
        ValidationWorkflow::Request full; // the whole tree, every key: no sample, no scope
        full.root = request.root;
        full.layoutSpec = request.layoutSpec;
        full.prefix = request.prefix;
        auto validated = ValidationWorkflow::validate(full, session->store(), context);
        if (!validated)
            return validated.error();
        params.validation = validated.value();
    }
    auto done = ArchiveJob::run(params);
    if (!done)
        return done.error();
    if (done.value().renamed)
        context.recordAudit(QStringLiteral("archive"), done.value().to, 1, done.value().runId);
    return done;
}

Result<ArchiveWorkflow::Outcome> ArchiveWorkflow::undo(const QString& runId,
                                                       const WorkflowContext& context)
{
    auto undone = ArchiveJob::undo(context.paths, runId);
    if (!undone)
        return undone.error();
    context.recordAudit(QStringLiteral("archive-undo"), undone.value().to, 1, undone.value().runId);
    return undone;
}

} // namespace pmkv
