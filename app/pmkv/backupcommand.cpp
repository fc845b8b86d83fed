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
        "Symbolic links are not followed, names are kept as bytes; what could not be taken\n"
        "(links, pipes, unreadable files) is listed, in the manifest too, and the backup is\n"
        "then not complete (exit 1; `pmkv archive` refuses it).\n"
        "\n"
        "Exit codes: 0 written and verified, every file taken, 1 written and verified but some\n"
        "entries not taken (listed), 2 failed (nothing valid-looking left behind),\n"
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
    // A backup that left entries out is not the folder: never "verified" without a word.
    const int code = o.skipped.isEmpty() ? int(ExitClean) : int(ExitWarnings);
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject result{{QStringLiteral("archive"), o.archivePath},
                                 {QStringLiteral("files"), o.fileCount},
                                 {QStringLiteral("bytes"), o.totalBytes},
                                 {QStringLiteral("sha256"), o.archiveSha256},
                                 {QStringLiteral("complete"), o.skipped.isEmpty()},
                                 {QStringLiteral("skipped"), QJsonArray::fromStringList(o.skipped)},
                                 {QStringLiteral("exitCode"), code}};
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << o.archivePath << '\n';
    if (o.skipped.isEmpty()) {
        err() << o.fileCount << " files, " << o.totalBytes << " bytes, verified; sha256 "
              << o.archiveSha256 << '\n';
        return code;
    }
    err() << o.fileCount << " files, " << o.totalBytes << " bytes; sha256 " << o.archiveSha256
          << "\nNOT COMPLETE: " << o.skipped.size() << " entries of the folder are not in it:\n";
    for (const QString& s : o.skipped)
        err() << "  not taken: " << s << '\n';
    return code;
}

} // namespace pmkv
