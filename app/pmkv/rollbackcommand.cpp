#include "rollbackcommand.h"

#include "exitcode.h"
#include "jobs/journal.h"
#include "jobs/rollbackjob.h"
#include "jobsupport.h"
#include "kvtarget.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

QString RollbackCommand::summary() const
{
    return QStringLiteral("Undo a migration run: delete the keys it created, restore the rest.");
}

void RollbackCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("run"),
                                 QStringLiteral("The run id (see `pmkv status`)."),
                                 QStringLiteral("[run-id]"));
    KvTarget::addOptions(parser);
    jobsupport::addStateOption(parser);
    parser.addOption(
        {QStringLiteral("last"), QStringLiteral("Undo the newest run that was not undone yet.")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Only show what would be deleted and restored.")});
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("Also overwrite keys someone changed after the run.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString RollbackCommand::epilog() const
{
    return QStringLiteral(
        "Keys the run created are deleted; keys it overwrote get their previous value and TTL\n"
        "back (from the journal). A key that holds neither what the run wrote nor what it held\n"
        "before was changed by someone else: the rollback then does nothing and lists them,\n"
        "unless --force. The rollback is journaled; run it again to finish an interrupted one.\n"
        "\n"
        "Examples:\n"
        "  pmkv rollback --last --dry-run --redis redis://127.0.0.1:6379\n"
        "  pmkv rollback 20261123T041502123Z-migrate-3f9a --redis redis://127.0.0.1:6379\n"
        "  pmkv rollback --last --conn prod --confirm-prod=prod\n"
        "\n"
        "Exit codes: 0 rolled back (or nothing to do), 1 dry run found keys changed since,\n"
        "2 refused or failed, 64 wrong command line.");
}

int RollbackCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    const bool last = parser.isSet(QStringLiteral("last"));
    if (args.size() + int(last) != 1)
        return usageError(QStringLiteral("give a run id or --last"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const JobPaths paths = jobsupport::paths(parser);
    const QString runId = last ? RollbackJob::lastUndoableRun(paths) : args.first();
    if (runId.isEmpty())
        return failure(QStringLiteral("no run to undo in %1").arg(paths.root()));
    StoreThread thread;
    auto target = jobsupport::openTarget(parser, thread, !dryRun);
    if (!target)
        return failure(target.error().message);
    KvStore& store = *target.value().store;
    {
        auto run = Journal::openRun(paths, runId);
        if (!run)
            return failure(run.error().message);
        const QString wrote = run.value()->run().params.value(QStringLiteral("target")).toString();
        if (!wrote.isEmpty() && wrote != store.describe())
            return failure(QStringLiteral("run %1 wrote to %2, not %3: give the same target")
                               .arg(runId, wrote, store.describe()));
    }
    RollbackJob::Params params;
    params.paths = paths;
    params.runId = runId;
    params.dryRun = dryRun;
    params.force = parser.isSet(QStringLiteral("force"));
    params.cancel = jobsupport::installCancelHandler();
    params.progress = jobsupport::progressLine(!json);
    auto result = RollbackJob::run(params, store);
    if (!result)
        return failure(result.error().message);
    const RollbackJob::Outcome& o = result.value();
    if (o.applied)
        jobsupport::recordAudit(parser, err(), QStringLiteral("rollback"), store.describe(),
                                o.toDelete + o.toRestore, o.rollbackRunId);
    const int code = dryRun && !o.changedSince.isEmpty() ? int(ExitWarnings) : int(ExitClean);
    if (json) {
        const QJsonObject j{
            {QStringLiteral("run"), o.runId},
            {QStringLiteral("rollbackRun"), o.rollbackRunId},
            {QStringLiteral("dryRun"), dryRun},
            {QStringLiteral("applied"), o.applied},
            {QStringLiteral("keys"), o.keys},
            {QStringLiteral("delete"), o.toDelete},
            {QStringLiteral("restore"), o.toRestore},
            {QStringLiteral("alreadyRestored"), o.alreadyRestored},
            {QStringLiteral("changedSince"), QJsonArray::fromStringList(o.changedSince)},
            {QStringLiteral("unrestorable"), QJsonArray::fromStringList(o.unrestorable)},
            {QStringLiteral("exitCode"), code}};
        out() << QJsonDocument(j).toJson(QJsonDocument::Indented);
        return code;
    }
    out() << (dryRun ? "would roll back run " : "rolled back run ") << o.runId << ": " << o.toDelete
          << " keys deleted, " << o.toRestore << " restored, " << o.alreadyRestored
          << " already as before\n";
    for (const QString& k : o.changedSince)
        out() << "  changed since the run: " << k << '\n';
    for (const QString& k : o.unrestorable)
        out() << "  not restorable (not a string before): " << k << '\n';
    return code;
}

} // namespace pmkv
