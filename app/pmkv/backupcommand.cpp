#include "backupcommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "workflows/backupworkflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pmkv {

QString BackupCommand::summary() const
{
    return QStringLiteral("Back up a pm/ folder into a verified, timestamped .tar.gz.");
}

void BackupCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("Folder for the archive (default: beside the pm/ folder), "
                                     "or the archive's file name."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("layout"),
                      QStringLiteral("Key layout recorded in the tag (default: repository)."),
                      QStringLiteral("name"), QStringLiteral("repository")});
    jobsupport::addStateOption(parser);
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString BackupCommand::epilog() const
{
    return QStringLiteral(
        "Every file is kept byte for byte (README and other non-data files included), with a\n"
        "SHA-256 manifest and a tag (tool version, time, source, layout). The archive is\n"
        "written under a temporary name, read back, flushed and only then renamed.\n"
        "\n"
        "Examples:\n"
        "  pmkv backup pm/\n"
        "  pmkv backup pm/ -o /backups/\n"
        "  pmkv backup pm/ -o /backups/before-migration.tar.gz --json\n"
        "\n"
        "Exit codes: 0 written and verified, 2 failed (nothing valid-looking left behind),\n"
        "64 wrong command line.");
}

int BackupCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    BackupWorkflow::BackupRequest request;
    request.root = args.first();
    request.destination = parser.value(QStringLiteral("output"));
    request.layout = parser.value(QStringLiteral("layout"));
    const WorkflowContext context = jobsupport::context(parser, false);
    auto done = BackupWorkflow::backup(request, context);
    jobsupport::printWarnings(err(), context);
    if (!done)
        return failure(done.error());
    const auto& o = done.value();
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject result{{QStringLiteral("archive"), o.archivePath},
                                 {QStringLiteral("files"), o.fileCount},
                                 {QStringLiteral("bytes"), o.totalBytes},
                                 {QStringLiteral("sha256"), o.archiveSha256},
                                 {QStringLiteral("skipped"), QJsonArray::fromStringList(o.skipped)},
                                 {QStringLiteral("exitCode"), int(ExitClean)}};
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return ExitClean;
    }
    out() << o.archivePath << '\n';
    err() << o.fileCount << " files, " << o.totalBytes << " bytes, verified; sha256 "
          << o.archiveSha256 << '\n';
    for (const QString& s : o.skipped)
        err() << "skipped (symbolic link or special file): " << s << '\n';
    return ExitClean;
}

} // namespace pmkv
