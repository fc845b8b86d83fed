#include "archivecommand.h"

#include "exitcode.h"
#include "jobs/archivejob.h"
#include "jobs/validator.h"
#include "jobsupport.h"
#include "kvtarget.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

QString ArchiveCommand::summary() const
{
    return QStringLiteral("Rename pm/ to pm-backup/ after a checklist (phase 6); undoable.");
}

void ArchiveCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"), QStringLiteral("The pm/ folder."),
                                 QStringLiteral("[root]"));
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addStateOption(parser);
    parser.addOption({QStringLiteral("target"),
                      QStringLiteral("New name (default: <root>-backup, or -backup-2 ... if "
                                     "taken)."),
                      QStringLiteral("folder")});
    parser.addOption({QStringLiteral("backup"),
                      QStringLiteral("The backup to verify (default: the newest "
                                     "<root>-backup-*.tar.gz beside the folder)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("override-validation"),
                      QStringLiteral("Archive even though validation is not clean or was not "
                                     "run (no key space given).")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Only run the checklist.")});
    parser.addOption(
        {QStringLiteral("undo"), QStringLiteral("Rename the last archived folder back.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString ArchiveCommand::epilog() const
{
    return QStringLiteral(
        "Checklist: a verified backup exists, the new name is free, same filesystem (atomic\n"
        "rename), no unfinished migration, a full validation against the key space is clean\n"
        "(or --override-validation). Nothing is ever deleted.\n"
        "\n"
        "Examples:\n"
        "  pmkv archive pm/ --redis redis://127.0.0.1:6379 --dry-run\n"
        "  pmkv archive pm/ --conn prod\n"
        "  pmkv archive --undo\n"
        "\n"
        "Exit codes: 0 archived (or undone, or the dry run passed), 1 a check failed (nothing\n"
        "renamed), 2 failed, 64 wrong command line.");
}

int ArchiveCommand::execute(const QCommandLineParser& parser)
{
    const bool json = parser.isSet(QStringLiteral("json"));
    const JobPaths paths = jobsupport::paths(parser);
    if (parser.isSet(QStringLiteral("undo"))) {
        auto undone = ArchiveJob::undo(paths, QString());
        if (!undone)
            return failure(undone.error().message);
        jobsupport::recordAudit(parser, err(), QStringLiteral("archive-undo"), undone.value().to, 1,
                                undone.value().runId);
        out() << "renamed " << undone.value().from << " back to " << undone.value().to << '\n';
        return ExitClean;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    ArchiveJob::Params params;
    params.paths = paths;
    params.root = args.first();
    params.target = parser.value(QStringLiteral("target"));
    params.backup = parser.value(QStringLiteral("backup"));
    params.overrideValidation = parser.isSet(QStringLiteral("override-validation"));
    params.dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (KvTarget::isGiven(parser)) {
        StoreThread thread;
        auto target = jobsupport::openTarget(parser, thread, false);
        if (!target)
            return failure(target.error().message);
        Validator::Params v;
        v.root = params.root;
        v.layoutSpec = jobsupport::layoutSpec(parser);
        v.prefix = jobsupport::prefix(parser);
        v.progress = jobsupport::progressLine(!json);
        auto validated = Validator::run(v, *target.value().store);
        if (!validated)
            return failure(validated.error().message);
        params.validationClean = validated.value().clean();
        params.validationDetail = QStringLiteral("full validation: %1 findings, exit code %2")
                                      .arg(validated.value().findings.size())
                                      .arg(validated.value().exitCode());
    } else {
        params.validationDetail = QStringLiteral("not validated (no key space given)");
    }
    auto done = ArchiveJob::run(params);
    if (!done)
        return failure(done.error().message);
    const auto& o = done.value();
    if (o.renamed)
        jobsupport::recordAudit(parser, err(), QStringLiteral("archive"), o.to, 1, o.runId);
    const int code = o.passed() ? int(ExitClean) : int(ExitWarnings);
    if (json) {
        QJsonArray checks;
        for (const auto& c : o.checks)
            checks.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("ok"), c.ok},
                                      {QStringLiteral("detail"), c.detail}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("from"), o.from},
                                           {QStringLiteral("to"), o.to},
                                           {QStringLiteral("renamed"), o.renamed},
                                           {QStringLiteral("run"), o.runId},
                                           {QStringLiteral("checks"), checks},
                                           {QStringLiteral("exitCode"), code}})
                     .toJson(QJsonDocument::Indented);
        return code;
    }
    for (const auto& c : o.checks)
        out() << (c.ok ? "[ok]   " : "[FAIL] ") << c.name << ": " << c.detail << '\n';
    if (o.renamed)
        out() << "renamed " << o.from << " to " << o.to << " (undo: pmkv archive --undo)\n";
    else if (!o.passed())
        out() << "nothing renamed\n";
    return code;
}

} // namespace pmkv
