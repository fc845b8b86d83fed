#include "jobsupport.h"

#include "jobs/auditlog.h"

namespace pmkv::jobsupport {

void addStateOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("state-dir"),
                      QStringLiteral("Folder for journals, plans, reports and the audit log "
                                     "(default: $XDG_DATA_HOME/pmkv-studio)."),
                      QStringLiteral("folder")});
}

JobPaths paths(const QCommandLineParser& parser)
{
    return JobPaths(parser.value(QStringLiteral("state-dir")));
}

void recordAudit(const QCommandLineParser& parser, QTextStream& err, const QString& operation,
                 const QString& target, qint64 count)
{
    const auto appended =
        AuditLog(paths(parser).auditLogPath()).append(operation, QString(), target, count);
    if (!appended)
        err << "warning: " << appended.error().message << Qt::endl;
}

} // namespace pmkv::jobsupport
