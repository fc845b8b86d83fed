#include "migratecommand.h"

#include "exitcode.h"
#include "jobs/jobreport.h"
#include "jobs/journal.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemjson.h"

#include <QJsonDocument>

namespace pmkv {

QString MigrateCommand::summary() const
{
    return QStringLiteral("Migrate a pm/ folder into the key space, journaled and resumable.");
}

void MigrateCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("root"),
                                 QStringLiteral("The pm/ folder (or, with --resume, a run id)."),
                                 QStringLiteral("[root|run-id]"));
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addProjectOption(parser);
    jobsupport::addStateOption(parser);
    jobsupport::addPolicyOption(parser);
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Only plan (as `pmkv plan`): write nothing.")});
    parser.addOption({QStringLiteral("plan"),
                      QStringLiteral("Execute a saved plan (refused if files or keys changed "
                                     "since)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("resume"),
                      QStringLiteral("Finish an interrupted run: the run id given, or the last "
                                     "unfinished one.")});
    parser.addOption({QStringLiteral("batch-keys"), QStringLiteral("Keys per batch (5000)."),
                      QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("batch-bytes"),
                      QStringLiteral("Value bytes per batch (16777216)."), QStringLiteral("n"),
                      QStringLiteral("16777216")});
    parser.addOption({QStringLiteral("report"),
                      QStringLiteral("Also write the report (JSON + Markdown) into this folder "
                                     "(default: reports/ in the state folder)."),
                      QStringLiteral("folder")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString MigrateCommand::epilog() const
{
    return QStringLiteral(
        "Every batch's keys, new value hashes and the values and TTLs they replace are\n"
        "written to a journal (SQLite, fsync) before the batch is sent. Ctrl-C stops between\n"
        "batches; after Ctrl-C, a crash or kill -9, `--resume` finishes the run and\n"
        "`pmkv rollback RUN` undoes it. Journals, plans and reports stay in the state folder.\n"
        "Each batch's values are read again from the files as it is written and checked\n"
        "against the plan: a file edited during the run stops it before that file's batch\n"
        "(put the file back and --resume, or roll back and migrate again).\n"
        "\n"
        "Examples:\n"
        "  pmkv migrate pm/ --redis redis://127.0.0.1:6379\n"
        "  PMKV_TOKEN=... pmkv migrate pm/ --url http://localhost:8080 --project atlas\n"
        "  pmkv migrate pm/ --conn prod --confirm-prod=prod --policy skip-existing\n"
        "  pmkv migrate --plan plans/20261123T040000Z.plan.json --redis redis://127.0.0.1\n"
        "  pmkv migrate --resume --redis redis://127.0.0.1:6379\n"
        "  pmkv migrate pm/ --dry-run --redis redis://127.0.0.1:6379\n"
        "\n"
        "Exit codes: 0 migrated, 1 migrated with warnings in the files (or plan conflicts with\n"
        "--dry-run), 2 failed or cancelled (resumable), 64 wrong command line.");
}

int MigrateCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    const bool resume = parser.isSet(QStringLiteral("resume"));
    const bool fromPlan = parser.isSet(QStringLiteral("plan"));
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!resume && !fromPlan && args.size() != 1)
        return usageError(QStringLiteral("give exactly one pm/ folder (or --plan, --resume)"));
    if ((resume || fromPlan) && args.size() > (resume ? 1 : 0))
        return usageError(QStringLiteral("too many arguments"));
    auto policy = MigrationPlan::policyFromName(parser.value(QStringLiteral("policy")));
    if (!policy)
        return usageError(policy.error().message);
    qint64 batchKeys = 5000;
    qint64 batchBytes = 16777216;
    QString error;
    if (!readCount(parser, QStringLiteral("batch-keys"), batchKeys, error) ||
        !readCount(parser, QStringLiteral("batch-bytes"), batchBytes, error))
        return usageError(error);
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    StoreThread thread;
    auto target = jobsupport::openTarget(parser, thread, !dryRun);
    if (!target)
        return failure(target.error().message);
    KvStore& store = *target.value().store;
    const JobPaths paths = jobsupport::paths(parser);

    Migrator::Params params;
    params.paths = paths;
    params.batchKeys = int(qMax<qint64>(1, batchKeys));
    params.batchBytes = qMax<qint64>(1, batchBytes);
    params.cancel = jobsupport::installCancelHandler();
    params.progress = jobsupport::progressLine(!json);

    Result<Migrator::Outcome> result = makeError(QString(), QString());
    std::optional<MigrationPlan> shown;
    if (resume) {
        const QString runId = args.isEmpty() ? Migrator::unfinishedRun(paths) : args.first();
        if (runId.isEmpty())
            return failure(QStringLiteral("no unfinished migration in %1").arg(paths.root()));
        auto run = Journal::openRun(paths, runId);
        if (run && run.value()->run().params.value(QStringLiteral("target")).toString() !=
                       store.describe())
            return failure(
                QStringLiteral("run %1 wrote to %2, not %3: resume it with the same "
                               "target")
                    .arg(runId,
                         run.value()->run().params.value(QStringLiteral("target")).toString(),
                         store.describe()));
        run = makeError(QString(), QString()); // close it before the job opens it
        if (!json)
            err() << "resuming run " << runId << '\n';
        result = Migrator::resume(runId, store, params);
    } else {
        MigrationPlan plan;
        if (fromPlan) {
            auto loaded = MigrationPlan::load(parser.value(QStringLiteral("plan")));
            if (!loaded)
                return failure(loaded.error().message);
            plan = std::move(loaded).value();
            if (plan.target != store.describe())
                return failure(QStringLiteral("the plan was made against %1, not %2: make a new "
                                              "plan for this target")
                                   .arg(plan.target, store.describe()));
            auto values = Planner::loadValues(plan);
            if (!values)
                return failure(values.error().message);
        } else {
            Planner::Params planParams;
            planParams.root = args.first();
            planParams.layoutSpec = jobsupport::layoutSpec(parser);
            planParams.prefix = jobsupport::prefix(parser);
            planParams.projects = jobsupport::projects(parser);
            planParams.policy = policy.value();
            planParams.readBatch = params.batchKeys;
            planParams.cancel = params.cancel;
            // Executed at once: the values are made again from the files as they are written.
            planParams.holdValues = false;
            auto made = Planner::plan(planParams, store);
            if (!made)
                return failure(made.error().message);
            plan = std::move(made).value();
            params.checkKvFirst = false; // just read
        }
        shown = plan;
        jobsupport::keepUntilExit(plan);
        if (!json && (dryRun || jobsupport::stderrIsTerminal()))
            jobsupport::printPlan(dryRun ? out() : err(), plan, false);
        if (dryRun) {
            int code = exitCodeFor(plan.problems);
            if (plan.counts().conflict > 0)
                code = qMax(code, int(ExitWarnings));
            if (json) {
                QJsonObject o = jobsupport::planSummaryJson(plan);
                o.insert(QStringLiteral("dryRun"), true);
                o.insert(QStringLiteral("exitCode"), code);
                out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
            }
            return code;
        }
        const QString unfinished = Migrator::unfinishedRun(paths);
        if (!unfinished.isEmpty()) {
            auto run = Journal::openRun(paths, unfinished);
            if (run && run.value()->run().params.value(QStringLiteral("target")).toString() ==
                           store.describe())
                return failure(QStringLiteral("run %1 on this target did not finish: `pmkv "
                                              "migrate --resume %1` or `pmkv rollback %1` first")
                                   .arg(unfinished));
        }
        result = Migrator::execute(plan, store, params);
    }
    if (!result)
        return failure(result.error().message);
    const Migrator::Outcome& o = result.value();
    jobsupport::recordAudit(parser, err(),
                            resume ? QStringLiteral("migrate-resume") : QStringLiteral("migrate"),
                            store.describe(), o.written, o.runId);
    JobReport report(QStringLiteral("Migration %1").arg(o.runId));
    if (shown)
        report.setPlan(*shown);
    report.setMigration(o);
    const QString reportFolder = parser.isSet(QStringLiteral("report"))
                                     ? parser.value(QStringLiteral("report"))
                                     : paths.reportsFolder();
    auto saved = report.save(reportFolder, o.runId);
    int code = o.cancelled ? int(ExitErrors) : report.exitCode();
    if (json) {
        QJsonObject j = report.toJson();
        j.insert(QStringLiteral("report"), saved ? saved.value() : QString());
        j.insert(QStringLiteral("exitCode"), code);
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    if (o.cancelled)
        err() << "cancelled after " << o.written << " keys: pmkv migrate --resume " << o.runId
              << '\n';
    out() << "run " << o.runId << ": " << o.written << " keys written (" << o.resent << " resent), "
          << o.skipped << " skipped, " << o.bytes << " bytes, "
          << QString::number(o.seconds, 'f', 2) << " s\n";
    if (saved)
        out() << "report " << saved.value() << '\n';
    out() << "undo with: pmkv rollback " << o.runId << '\n';
    return code;
}

} // namespace pmkv
