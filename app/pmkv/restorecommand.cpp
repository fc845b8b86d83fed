#include "restorecommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "workflows/backupworkflow.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pmkv {

QString RestoreCommand::summary() const
{
    return QStringLiteral("Restore a pm/ folder from a backup archive (verified first).");
}

void RestoreCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("archive"), QStringLiteral("The .tar.gz."));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("The folder to write (new or empty)."));
    parser.addOption({QStringLiteral("overwrite"),
                      QStringLiteral("Write into a folder that is not empty, replacing files of "
                                     "the same name.")});
    jobsupport::addStateOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString RestoreCommand::epilog() const
{
    return QStringLiteral("The archive is verified first; a damaged archive restores nothing.\n"
                          "\n"
                          "Examples:\n"
                          "  pmkv restore pm-backup-20261122T080102Z.tar.gz pm-restored/\n"
                          "  pmkv restore backup.tar.gz pm/ --overwrite\n"
                          "\n"
                          "Exit codes: 0 restored, 2 refused or failed, 64 wrong command line.");
}

int RestoreCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usageError(QStringLiteral("give the archive and the target folder"));
    BackupWorkflow::RestoreRequest request;
    request.archive = args.at(0);
    request.target = args.at(1);
    request.overwrite = parser.isSet(QStringLiteral("overwrite"));
    const WorkflowContext context = jobsupport::context(parser, false);
    auto restored = BackupWorkflow::restore(request, context);
    jobsupport::printWarnings(err(), context);
    if (!restored)
        return failure(restored.error());
    const auto& o = restored.value();
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("target"), o.target},
                                           {QStringLiteral("files"), o.fileCount},
                                           {QStringLiteral("bytes"), o.totalBytes},
                                           {QStringLiteral("exitCode"), int(ExitClean)}})
                     .toJson(QJsonDocument::Indented);
        return ExitClean;
    }
    out() << o.target << '\n';
    err() << o.fileCount << " files, " << o.totalBytes << " bytes restored\n";
    return ExitClean;
}

} // namespace pmkv
