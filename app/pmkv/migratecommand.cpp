#include "migratecommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemjson.h"
#include "problemlines.h"
#include "stepwording.h"

#include <QJsonDocument>

#include <algorithm>
#include <limits>

namespace pmkv {

namespace {
// Each batch in flight holds up to --batch-bytes of values in memory.
constexpr qint64 kMostBatchesInFlight = 16;
} // namespace

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
    parser.addOption({QStringLiteral("batches-in-flight"),
                      QStringLiteral("Batches sent and not yet answered, at most (4); 1 sends "
                                     "one at a time."),
                      QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("report"),
                      QStringLiteral("Also write the report (JSON + Markdown) into this folder "
                                     "(default: reports/ in the state folder)."),
                      QStringLiteral("folder")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    ProblemLines::addStrictOption(parser);
    ProblemLines::addAllOption(parser);
}

QString MigrateCommand::epilog() const
{
    const QString text = QStringLiteral(
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
        "Files that cannot be read or mapped are left out and make the exit code 2; the run\n"
        "is complete all the same, nothing to resume: fix them and migrate again. (A cancelled\n"
        "or failed run exits 2 too: resumable.)\n"
        "\n"
        "A new run is refused (exit 2) while a run on the same target is unfinished\n"
        "(migrate.unfinished), and while the journal of a migration cannot be read, damaged,\n"
        "locked or not readable by you, whatever its target (migrate.unreadableJournal: the\n"
        "journal cannot say where its run wrote or whether it finished): fix the file or move\n"
        "it out of the runs folder. With --json a refusal prints {\"error\": {\"code\",\n"
        "\"message\", \"nextStep\": {\"path\", \"runId\", ...}}, \"exitCode\": 2}.\n"
        "\n");
    return text + ProblemLines::exitRule(QStringLiteral("every key was written"),
                                         QStringLiteral("the plan has conflicts (--dry-run)"));
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
    qint64 batchesInFlight = 4;
    QString error;
    if (!readCount(parser, QStringLiteral("batch-keys"), batchKeys, error) ||
        !readCount(parser, QStringLiteral("batch-bytes"), batchBytes, error) ||
        !readCount(parser, QStringLiteral("batches-in-flight"), batchesInFlight, error))
        return usageError(error);
    if (batchesInFlight < 1 || batchesInFlight > kMostBatchesInFlight)
        return usageError(QStringLiteral("--batches-in-flight takes 1 to %1, got %2")
                              .arg(kMostBatchesInFlight)
                              .arg(batchesInFlight));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    MigrationWorkflow::RunRequest request;
    request.mode = resume     ? MigrationWorkflow::Mode::Resume
                   : fromPlan ? MigrationWorkflow::Mode::SavedPlan
                   : dryRun   ? MigrationWorkflow::Mode::DryRun
                              : MigrationWorkflow::Mode::Folder;
    if (!args.isEmpty())
        (resume ? request.runId : request.scope.root) = args.first();
    request.scope.layoutSpec = jobsupport::layoutSpec(parser);
    request.scope.prefix = jobsupport::prefix(parser);
    request.scope.projects = jobsupport::projects(parser);
    request.scope.policy = policy.value();
    request.planFile = parser.value(QStringLiteral("plan"));
    request.batchKeys = int(qBound(qint64(1), batchKeys, qint64(std::numeric_limits<int>::max())));
    request.batchBytes = qMax<qint64>(1, batchBytes);
    request.batchesInFlight = int(batchesInFlight);
    request.reportFolder = parser.value(QStringLiteral("report"));
    request.confirmation = KvTarget::confirmation(parser);
    request.strict = ProblemLines::strict(parser);
    const ProblemLines::Listing listing = ProblemLines::listing(parser);
    request.planned = [&](const MigrationPlan& plan) {
        jobsupport::keepUntilExit(plan);
        if (!json && (dryRun || jobsupport::stderrIsTerminal()))
            jobsupport::printPlan(dryRun ? out() : err(), plan, false,
                                  dryRun ? listing : ProblemLines::Listing::None);
    };
    request.resuming = [&](const QString& runId) {
        if (!json)
            err() << "resuming run " << runId << Qt::endl;
    };

    auto session = jobsupport::openSession(parser);
    if (!session)
        return failure(session.error());
    WorkflowContext context = jobsupport::context(parser, !json);
    context.cancel = jobsupport::installCancelHandler();
    auto result = MigrationWorkflow::run(request, *session.value(), context);
    jobsupport::printWarnings(err(), context);
    if (!result) {
        // A refusal is a result scripts act on (resume that run, fix that journal): its code
        // and next step as data, as well as the words on stderr.
        if (json)
            out() << QJsonDocument(
                         QJsonObject{{QStringLiteral("error"), errorToJson(result.error())},
                                     {QStringLiteral("exitCode"), int(ExitErrors)}})
                         .toJson(QJsonDocument::Indented);
        return failure(result.error());
    }
    return print(result.value(), json, listing);
}

int MigrateCommand::print(const MigrationWorkflow::RunOutcome& outcome, bool json,
                          ProblemLines::Listing listing)
{
    if (outcome.mode == MigrationWorkflow::Mode::DryRun) {
        if (json) {
            QJsonObject o = jobsupport::planSummaryJson(*outcome.plan);
            o.insert(QStringLiteral("dryRun"), true);
            o.insert(QStringLiteral("exitCode"), outcome.verdict);
            out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        }
        return outcome.verdict;
    }
    const Migrator::Outcome& o = outcome.migration;
    if (json) {
        QJsonObject j = outcome.report->toJson();
        j.insert(QStringLiteral("report"), outcome.reportPath);
        j.insert(QStringLiteral("next"), outcome.next.toJson());
        j.insert(QStringLiteral("exitCode"), outcome.verdict);
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return outcome.verdict;
    }
    if (o.cancelled)
        err() << "cancelled after " << o.written
              << " keys: " << StepWording::commandLine(outcome.next) << '\n';
    out() << "run " << o.runId << ": " << o.written << " keys written (" << o.resent << " resent), "
          << o.skipped << " skipped, " << o.bytes << " bytes, "
          << QString::number(o.seconds, 'f', 2) << " s\n";
    if (outcome.plan) {
        const QVector<Problem>& problems = outcome.plan->problems;
        ProblemLines::printSummary(out(), problems, listing);
        // Issue #21: "14 keys written", exit 2, and `--resume` found nothing: say so.
        const bool errors = std::any_of(problems.cbegin(), problems.cend(), [](const Problem& p) {
            return p.severity == Severity::Error;
        });
        if (errors && !o.cancelled)
            out() << "the run is complete, nothing to resume: fix the files above, then "
                     "migrate again\n";
    }
    if (!outcome.reportPath.isEmpty())
        out() << "report " << outcome.reportPath << '\n';
    out() << "undo with: "
          << StepWording::commandLine(NextStep::forRun(NextStep::Action::RollbackRun, o.runId))
          << '\n';
    return outcome.verdict;
}

} // namespace pmkv
