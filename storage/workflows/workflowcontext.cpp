#include "workflows/workflowcontext.h"

#include "jobs/auditlog.h"

namespace pmkv {

void WorkflowContext::recordAudit(const QString& operation, const QString& target, qint64 count,
                                  const QString& runId, const QJsonObject& extra) const
{
    QJsonObject line = extra;
    if (!frontEnd.isEmpty())
        line.insert(QStringLiteral("via"), frontEnd);
    if (!paths.ensure()) {
        warnings << QStringLiteral("the audit log in %1 cannot be written: the folder cannot be "
                                   "created")
                        .arg(paths.root());
        return;
    }
    const auto appended =
        AuditLog(paths.auditLogPath()).append(operation, runId, target, count, line);
    if (!appended)
        warnings << appended.error().message;
}

Result<void> WorkflowContext::ensureJobsFolder() const
{
    if (paths.ensure())
        return {};
    return makeError(QStringLiteral("jobs-folder"),
                     QStringLiteral("the jobs folder %1 cannot be created; nothing was written")
                         .arg(paths.root()));
}

} // namespace pmkv
