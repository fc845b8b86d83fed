#include "verifycommand.h"

#include "exitcode.h"
#include "workflows/backupworkflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pmkv {

QString VerifyCommand::summary() const
{
    return QStringLiteral("Check a backup archive: every file against its SHA-256 manifest.");
}

void VerifyCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("archive"), QStringLiteral("The .tar.gz."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString VerifyCommand::epilog() const
{
    return QStringLiteral("Examples:\n"
                          "  pmkv verify pm-backup-20261122T080102Z.tar.gz\n"
                          "  pmkv verify backup.tar.gz --json\n"
                          "\n"
                          "Exit codes: 0 valid, 2 damaged (each problem names the file) or "
                          "unreadable,\n64 wrong command line.");
}

int VerifyCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one archive"));
    auto checked = BackupWorkflow::verify(args.first());
    if (!checked)
        return failure(checked.error());
    const auto& r = checked.value();
    const int code = r.valid ? ExitClean : ExitErrors;
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject result{
            {QStringLiteral("archive"), args.first()},
            {QStringLiteral("valid"), r.valid},
            {QStringLiteral("files"), r.fileCount},
            {QStringLiteral("bytes"), r.totalBytes},
            {QStringLiteral("tag"), r.tag},
            {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
            {QStringLiteral("exitCode"), code}};
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return code;
    }
    for (const QString& p : r.problems)
        err() << "error: " << p << '\n';
    if (r.valid)
        out() << args.first() << ": valid, " << r.fileCount << " files, " << r.totalBytes
              << " bytes\n";
    else
        err() << args.first() << ": NOT valid (" << r.problems.size() << " problems)\n";
    return code;
}

} // namespace pmkv
