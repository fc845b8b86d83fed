#include "synccommand.h"

#include "diffoptionsparser.h"
#include "exitcode.h"
#include "jobsupport.h"
#include "problemlines.h"
#include "stepwording.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>

#include <memory>

namespace pmkv {
namespace {

const QString kConfirmProd = QStringLiteral("confirm-prod");
// How SyncPlanner says an entity was skipped because it differs.
const QString kDiffers = QStringLiteral(": differs (");

std::atomic<bool> g_stop{false};

void requestStop(int)
{
    g_stop = true;
}

} // namespace

QString SyncCommand::summary() const
{
    return QStringLiteral("Copy entities (or fields) from one side to another, undoably.");
}

void SyncCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("source"),
                                 QStringLiteral("Where the values come from (any diff side)."));
    parser.addPositionalArgument(QStringLiteral("target"),
                                 QStringLiteral("What is written: a pm/ folder or a key space."));
    DiffOptionsParser::addOptions(parser);
    parser.addOption({QStringLiteral("only-missing"),
                      QStringLiteral("Create what the target lacks; leave differing entities "
                                     "(the default).")});
    parser.addOption(
        {QStringLiteral("overwrite"), QStringLiteral("Also replace entities that differ.")});
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Show what would be written; write nothing.")});
    parser.addOption({QStringLiteral("entity"),
                      QStringLiteral("Only this entity or what is below it, e.g. "
                                     "demo/alpha/F-AI-001 or demo/alpha. Repeatable."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("field"),
                      QStringLiteral("Copy only the changes under this JSON Pointer, e.g. "
                                     "/status (implies --overwrite). Repeatable."),
                      QStringLiteral("pointer")});
    parser.addOption({QStringLiteral("undo"),
                      QStringLiteral("Undo sync run RUN (or 'last') on TARGET (one argument)."),
                      QStringLiteral("RUN")});
    parser.addOption({QStringLiteral("resume"),
                      QStringLiteral("Finish the pending writes of run RUN (or 'last') on TARGET."),
                      QStringLiteral("RUN")});
    parser.addOption({QStringLiteral("watch"),
                      QStringLiteral("Follow SOURCE (a pm/ folder) and write each changed document "
                                     "to TARGET (a key space) as it happens, until interrupted.")});
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("With --undo: restore entries changed since the sync.")});
    parser.addOption({kConfirmProd,
                      QStringLiteral("Allow writes to the PROD connection NAME (type its name)."),
                      QStringLiteral("NAME")});
    jobsupport::addStateOption(parser);
}

QString SyncCommand::epilog() const
{
    return QStringLiteral(
        "Sync never deletes an entity that only the target has, and never overwrites a target\n"
        "value that changed since the comparison (it is reported as a conflict). Files are\n"
        "written as the application writes them (2-space JSON, temp file + rename). Every run\n"
        "is journaled (previous values and TTLs) under --state-dir/runs/RUN.sqlite; a KV sync\n"
        "can also be undone with `pmkv rollback RUN`.\n"
        "\n"
        "Examples:\n"
        "  pmkv sync pm/ redis://127.0.0.1:6379 --dry-run\n"
        "  pmkv sync conn:prod conn:local --overwrite               (sync from production)\n"
        "  pmkv sync conn:local pm/ --overwrite --entity demo/alpha/F-AI-001\n"
        "  pmkv sync pm/ conn:local --field /status --field /tags\n"
        "  pmkv sync --undo last redis://127.0.0.1:6379\n"
        "\n"
        "Exit codes: 0 done (or nothing to do), whatever the files' warnings; 1 done with\n"
        "conflicts or skipped entities, or with --strict a side's files have warnings;\n"
        "2 failed; 64 wrong command line.");
}

int SyncCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    const bool undo = parser.isSet(QStringLiteral("undo"));
    const bool resume = parser.isSet(QStringLiteral("resume"));
    if (undo && resume)
        return usageError(QStringLiteral("--undo and --resume exclude each other"));
    if ((undo || resume) ? args.size() != 1 : args.size() != 2)
        return usageError((undo || resume)
                              ? QStringLiteral("give the TARGET of the run only")
                              : QStringLiteral("give two sides: pmkv sync SOURCE TARGET"));
    if (parser.isSet(QStringLiteral("only-missing")) && parser.isSet(QStringLiteral("overwrite")))
        return usageError(QStringLiteral("--only-missing and --overwrite exclude each other"));
    auto settings = DiffOptionsParser::parse(parser);
    if (!settings)
        return usageError(settings.error().message);
    const QString targetSpec = args.last();
    auto targetKind = SideOpener::kindOf(targetSpec);
    if (!targetKind)
        return failure(targetKind.error());
    if (targetKind.value() == SideOpener::Kind::Backup ||
        targetKind.value() == SideOpener::Kind::Snapshot)
        return usageError(QStringLiteral("%1 is a backup or snapshot: sync writes to a pm/ "
                                         "folder or a key space")
                              .arg(targetSpec));
    if (undo || resume)
        return again(parser, targetSpec, undo);

    SyncWorkflow::Request request;
    request.source = args.first();
    request.target = targetSpec;
    request.sourceLayout = settings.value().leftLayout;
    request.targetLayout = settings.value().rightLayout;
    request.options = settings.value().diff;
    request.overwrite = parser.isSet(QStringLiteral("overwrite"));
    request.entities = parser.values(QStringLiteral("entity"));
    for (const QString& f : parser.values(QStringLiteral("field")))
        request.fields.push_back(f.toStdString());
    request.dryRun = parser.isSet(QStringLiteral("dry-run"));
    request.confirmation = parser.value(kConfirmProd);
    request.strict = ProblemLines::strict(parser);
    if (parser.isSet(QStringLiteral("watch")))
        return watch(parser, request);

    const WorkflowContext context = jobsupport::context(parser, false);
    auto done = SyncWorkflow::run(request, context);
    jobsupport::printWarnings(err(), context);
    if (!done)
        return failure(done.error());
    const SyncWorkflow::Outcome& o = done.value();
    for (const QString& s : o.plan.skipped)
        err() << "skipped: " << s << Qt::endl;
    const bool differing = std::any_of(o.plan.skipped.cbegin(), o.plan.skipped.cend(),
                                       [](const QString& s) { return s.contains(kDiffers); });
    if (differing && !request.overwrite && request.fields.empty())
        err() << "(entities that differ are copied with --overwrite)" << Qt::endl;
    if (request.dryRun) {
        for (const SyncAction& a : o.plan.actions)
            out() << syncActionKindName(a.kind) << "  " << a.location
                  << (a.fields.isEmpty() ? QString() : QStringLiteral("  fields ") + a.fields)
                  << Qt::endl;
        out() << "dry run: " << o.plan.actions.size() << " writes to " << o.targetDescription
              << " would be made, " << o.plan.skipped.size() << " entities skipped" << Qt::endl;
        return o.verdict;
    }
    for (const QString& c : o.run.conflicts)
        err() << "conflict: " << c << Qt::endl;
    out() << "run " << o.run.runId << ": " << o.run.written << " written to " << o.targetDescription
          << ", " << o.run.conflicts.size() << " conflicts, " << o.plan.skipped.size()
          << " skipped (undo: pmkv sync --undo " << o.run.runId << " TARGET)" << Qt::endl;
    return o.verdict;
}

int SyncCommand::again(const QCommandLineParser& parser, const QString& targetSpec, bool undo)
{
    SyncWorkflow::RunRequest request;
    request.target = targetSpec;
    request.runId = parser.value(undo ? QStringLiteral("undo") : QStringLiteral("resume"));
    request.force = parser.isSet(QStringLiteral("force"));
    request.confirmation = parser.value(kConfirmProd);
    const WorkflowContext context = jobsupport::context(parser, false);
    auto done =
        undo ? SyncWorkflow::undo(request, context) : SyncWorkflow::resume(request, context);
    jobsupport::printWarnings(err(), context);
    if (!done)
        return failure(done.error());
    const SyncWorkflow::RunOutcome& o = done.value();
    for (const QString& c : o.run.conflicts)
        err() << "conflict: " << c << Qt::endl;
    if (undo && !o.run.conflicts.isEmpty() && !request.force) {
        NextStep force = NextStep::forRun(NextStep::Action::ForceUndoSync, o.runId);
        force.path = targetSpec;
        err() << "restore them anyway: " << StepWording::commandLine(force) << Qt::endl;
    }
    if (undo)
        out() << "undid run " << o.runId << ": " << o.run.restored << " restored, "
              << o.run.conflicts.size() << " changed since (nothing restored while any is)"
              << Qt::endl;
    else
        out() << "resumed run " << o.runId << ": " << o.run.written << " written" << Qt::endl;
    return o.run.conflicts.isEmpty() ? ExitClean : ExitWarnings;
}

int SyncCommand::watch(const QCommandLineParser& parser, const SyncWorkflow::Request& request)
{
    const auto sourceKind = SideOpener::kindOf(request.source);
    const auto targetKind = SideOpener::kindOf(request.target);
    if (!targetKind || targetKind.value() != SideOpener::Kind::Kv || !sourceKind ||
        sourceKind.value() != SideOpener::Kind::Folder)
        return usageError(QStringLiteral("--watch follows a pm/ folder into a key space: "
                                         "pmkv sync pm/ redis://... --watch"));
    const WorkflowContext context = jobsupport::context(parser, false);
    auto watching = SyncWorkflow::watch(request, context, [this](const QString& line) {
        out() << QDateTime::currentDateTime().toString(Qt::ISODate) << ' ' << line << Qt::endl;
    });
    if (!watching)
        return failure(watching.error());
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopper;
    QObject::connect(&stopper, &QTimer::timeout, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    stopper.start(100);
    QCoreApplication::exec();
    out() << "stopped; " << watching.value()->watcher().writtenCount() << " keys written"
          << Qt::endl;
    SyncWorkflow::finishWatch(*watching.value(), context);
    jobsupport::printWarnings(err(), context);
    return ExitClean;
}

} // namespace pmkv
