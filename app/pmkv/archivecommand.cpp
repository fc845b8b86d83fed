#include "archivecommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "stepwording.h"
#include "workflows/archiveworkflow.h"

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
    ProblemLines::addStrictOption(parser);
    parser.addOption(
        {QStringLiteral("undo"), QStringLiteral("Rename the last archived folder back.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString ArchiveCommand::epilog() const
{
    return QStringLiteral(
        "Checklist: a verified backup exists, the new name is free, same filesystem (atomic\n"
        "rename), no unfinished migration, a full validation against the key space finds every\n"
        "key as in the files (or --override-validation). Nothing is ever deleted.\n"
        "The validation check passes whatever the files' warnings (dangling references, lists\n"
        "that disagree with folders); a file that cannot be read or mapped fails it, and with\n"
        "--strict a warning does too.\n"
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
    WorkflowContext context = jobsupport::context(parser, !json);
    if (parser.isSet(QStringLiteral("undo"))) {
        auto undone = ArchiveWorkflow::undo(QString(), context);
        jobsupport::printWarnings(err(), context);
        if (!undone)
            return failure(undone.error());
        out() << "renamed " << undone.value().from << " back to " << undone.value().to << '\n';
        return ExitClean;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder"));
    ArchiveWorkflow::Request request;
    request.root = args.first();
    request.target = parser.value(QStringLiteral("target"));
    request.backup = parser.value(QStringLiteral("backup"));
    request.layoutSpec = jobsupport::layoutSpec(parser);
    request.prefix = jobsupport::prefix(parser);
    request.overrideValidation = parser.isSet(QStringLiteral("override-validation"));
    request.dryRun = parser.isSet(QStringLiteral("dry-run"));
    request.strict = ProblemLines::strict(parser);
    std::unique_ptr<TargetSession> session;
    if (KvTarget::isGiven(parser)) {
        auto opened = jobsupport::openSession(parser);
        if (!opened)
            return failure(opened.error());
        session = std::move(opened.value());
    }
    auto done = ArchiveWorkflow::run(request, session.get(), context);
    jobsupport::printWarnings(err(), context);
    if (!done)
        return failure(done.error());
    const auto& o = done.value();
    const int code = o.passed() ? int(ExitClean) : int(ExitWarnings);
    if (json) {
        QJsonArray checks;
        for (const auto& c : o.checks)
            checks.append(QJsonObject{{QStringLiteral("name"), c.name},
                                      {QStringLiteral("ok"), c.ok},
                                      {QStringLiteral("detail"), c.detail},
                                      {QStringLiteral("next"), c.next.toJson()}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("from"), o.from},
                                           {QStringLiteral("to"), o.to},
                                           {QStringLiteral("renamed"), o.renamed},
                                           {QStringLiteral("run"), o.runId},
                                           {QStringLiteral("checks"), checks},
                                           {QStringLiteral("exitCode"), code}})
                     .toJson(QJsonDocument::Indented);
        return code;
    }
    for (const auto& c : o.checks) {
        out() << (c.ok ? "[ok]   " : "[FAIL] ") << c.name << ": " << c.detail;
        const QString next = c.ok ? QString() : StepWording::sentence(c.next);
        if (!next.isEmpty())
            out() << " (" << next << ')';
        out() << '\n';
    }
    if (o.renamed)
        out() << "renamed " << o.from << " to " << o.to << " (undo: "
              << StepWording::commandLine(NextStep::forPath(NextStep::Action::UndoArchive, o.to))
              << ")\n";
    else if (!o.passed())
        out() << "nothing renamed\n";
    return code;
}

} // namespace pmkv
