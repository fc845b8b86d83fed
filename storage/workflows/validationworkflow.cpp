#include "workflows/validationworkflow.h"

#include "workflows/verdict.h"

#include <QDateTime>

namespace pmkv {

Result<Validator::Outcome> ValidationWorkflow::validate(const Request& request, KvStore& store,
                                                        const WorkflowContext& context)
{
    Validator::Params params;
    params.root = request.root;
    params.layoutSpec = request.layoutSpec;
    params.prefix = request.prefix;
    params.projects = request.projects;
    params.sample = request.sample;
    params.seed = request.seed;
    params.cancel = context.cancel;
    params.progress = context.progress;
    return Validator::run(params, store);
}

Result<ValidationWorkflow::Outcome> ValidationWorkflow::run(const Request& request,
                                                            TargetSession& session,
                                                            const WorkflowContext& context)
{
    auto checked = validate(request, session.store(), context);
    if (!checked)
        return checked.error();
    const Validator::Outcome& v = checked.value();
    JobReport report(QStringLiteral("Validation of %1").arg(v.root));
    report.setValidation(v);
    const int verdict = Verdict::ofValidation(v, request.strict);
    report.setExitCode(verdict);
    const QString folder =
        request.reportFolder.isEmpty() ? context.paths.reportsFolder() : request.reportFolder;
    const QString name =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
        QStringLiteral("Z-validate");
    Outcome outcome{v, report, QString(), verdict};
    auto saved = report.save(folder, name, context.wordStep);
    if (saved)
        outcome.reportPath = saved.value();
    else
        context.warnings << saved.error().message;
    context.recordAudit(QStringLiteral("validate"), v.target, v.checkedKeys);
    return outcome;
}

} // namespace pmkv
