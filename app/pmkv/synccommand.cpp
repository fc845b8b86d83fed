#include "synccommand.h"

#include "diff/sidecomparer.h"
#include "diffoptionsparser.h"
#include "diffsideopener.h"
#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "sync/foldersynctarget.h"
#include "sync/kvsynctarget.h"
#include "sync/syncrunner.h"

#include <QDir>

#include <memory>

namespace pmkv {
namespace {

const QString kConfirmProd = QStringLiteral("confirm-prod");

QString journalFolder(const QCommandLineParser& parser)
{
    return jobsupport::paths(parser).runsFolder();
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
        "is journaled (previous values and TTLs) under --state-dir/runs/sync-RUN.json.\n"
        "\n"
        "Examples:\n"
        "  pmkv sync pm/ redis://127.0.0.1:6379 --dry-run\n"
        "  pmkv sync conn:prod conn:local --overwrite               (sync from production)\n"
        "  pmkv sync conn:local pm/ --overwrite --entity demo/alpha/F-AI-001\n"
        "  pmkv sync pm/ conn:local --field /status --field /tags\n"
        "  pmkv sync --undo last redis://127.0.0.1:6379\n"
        "\n"
        "Exit codes: 0 done (or nothing to do), 1 done with conflicts or skipped entities,\n"
        "2 failed, 64 wrong command line.");
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
    auto targetKind = DiffSideOpener::kindOf(targetSpec);
    if (!targetKind)
        return failure(targetKind.error().message);
    if (targetKind.value() == DiffSideOpener::Kind::Backup ||
        targetKind.value() == DiffSideOpener::Kind::Snapshot)
        return usageError(QStringLiteral("%1 is a backup or snapshot: sync writes to a pm/ "
                                         "folder or a key space")
                              .arg(targetSpec));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    DiffSideOpener opener;
    std::unique_ptr<SyncTarget> target;
    DiffSideOpener::Opened targetSide;
    if (targetKind.value() == DiffSideOpener::Kind::Kv) {
        auto connected = undo || resume ? opener.connect(targetSpec)
                                        : opener.open(targetSpec, settings.value().rightLayout);
        if (!connected)
            return failure(connected.error().message);
        targetSide = std::move(connected.value());
        if (!dryRun) {
            if (auto allowed = KvTarget::checkWriteAllowed(targetSide.profile, parser); !allowed)
                return failure(allowed.error().message);
        }
        target = std::make_unique<KvSyncTarget>(*targetSide.store);
    } else {
        if (!undo && !resume) {
            auto opened = opener.open(targetSpec, settings.value().rightLayout);
            if (!opened)
                return failure(opened.error().message);
            targetSide = std::move(opened.value());
        }
        target = std::make_unique<FolderSyncTarget>(targetSpec);
    }

    if (undo || resume) {
        QString run = parser.value(undo ? QStringLiteral("undo") : QStringLiteral("resume"));
        if (run == QLatin1String("last")) {
            auto last = SyncJournal::lastRun(journalFolder(parser));
            if (!last)
                return failure(last.error().message);
            run = last.value();
        }
        const QString path = SyncJournal::pathFor(journalFolder(parser), run);
        auto journal = SyncJournal::load(path);
        if (!journal)
            return failure(journal.error().message);
        if (journal.value().target != target->describe())
            return failure(QStringLiteral("run %1 wrote to %2, not to %3")
                               .arg(run, journal.value().target, target->describe()));
        auto done = undo ? SyncRunner::undo(path, *target, parser.isSet(QStringLiteral("force")))
                         : SyncRunner::resume(path, *target);
        if (!done)
            return failure(done.error().message);
        for (const QString& c : done.value().conflicts)
            err() << "conflict: " << c << Qt::endl;
        if (undo)
            out() << "undid run " << run << ": " << done.value().restored << " restored, "
                  << done.value().conflicts.size() << " left as they are" << Qt::endl;
        else
            out() << "resumed run " << run << ": " << done.value().written << " written"
                  << Qt::endl;
        jobsupport::recordAudit(
            parser, err(), undo ? QStringLiteral("sync-undo") : QStringLiteral("sync-resume"),
            target->describe(), undo ? done.value().restored : done.value().written);
        return done.value().conflicts.isEmpty() ? ExitClean : ExitWarnings;
    }

    auto source = opener.open(args.first(), settings.value().leftLayout);
    if (!source)
        return failure(source.error().message);
    SideComparer::Options compare;
    compare.diff = settings.value().diff;
    const DiffReport report = SideComparer::compare(source.value().side, targetSide.side, compare);

    SyncPlanner::Options planOptions;
    planOptions.overwrite =
        parser.isSet(QStringLiteral("overwrite")) || parser.isSet(QStringLiteral("field"));
    planOptions.targetIsFolder = target->isFolder();
    planOptions.targetLayout = settings.value().rightLayout;
    planOptions.entities = parser.values(QStringLiteral("entity"));
    for (const QString& f : parser.values(QStringLiteral("field")))
        planOptions.fields.push_back(f.toStdString());
    auto plan = SyncPlanner::plan(report, planOptions);
    if (!plan)
        return failure(plan.error().message);

    for (const QString& s : plan.value().skipped)
        err() << "skipped: " << s << Qt::endl;
    if (dryRun) {
        for (const SyncAction& a : plan.value().actions)
            out() << syncActionKindName(a.kind) << "  " << a.location
                  << (a.fields.isEmpty() ? QString() : QStringLiteral("  fields ") + a.fields)
                  << Qt::endl;
        out() << "dry run: " << plan.value().actions.size() << " writes to " << target->describe()
              << " would be made, " << plan.value().skipped.size() << " entities skipped"
              << Qt::endl;
        return plan.value().skipped.isEmpty() ? ExitClean : ExitWarnings;
    }
    if (!jobsupport::paths(parser).ensure())
        return failure(QStringLiteral("cannot create the state folder %1")
                           .arg(jobsupport::paths(parser).root()));
    auto done = SyncRunner::execute(plan.value(), *target, journalFolder(parser),
                                    source.value().side.description);
    if (!done)
        return failure(done.error().message);
    for (const QString& c : done.value().conflicts)
        err() << "conflict: " << c << Qt::endl;
    out() << "run " << done.value().runId << ": " << done.value().written << " written to "
          << target->describe() << ", " << done.value().conflicts.size() << " conflicts, "
          << plan.value().skipped.size() << " skipped (undo: pmkv sync --undo "
          << done.value().runId << " TARGET)" << Qt::endl;
    jobsupport::recordAudit(parser, err(), QStringLiteral("sync"), target->describe(),
                            done.value().written);
    return done.value().conflicts.isEmpty() && plan.value().skipped.isEmpty() ? ExitClean
                                                                              : ExitWarnings;
}

} // namespace pmkv
