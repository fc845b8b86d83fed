#include "rollbackcommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "problemjson.h"
#include "workflows/rollbackworkflow.h"

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
        "--last passes over journals that cannot be read (damaged, locked, not readable by\n"
        "you) and names them; it is refused (rollback.unreadableJournal) while one newer than\n"
        "the run it would undo cannot be read, since that run may be the last one: name the\n"
        "run, or fix that journal or move it out of the runs folder.\n"
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
    RollbackWorkflow::Request request;
    request.last = last;
    if (!last)
        request.runId = args.first();
    request.dryRun = dryRun;
    request.force = parser.isSet(QStringLiteral("force"));
    request.confirmation = KvTarget::confirmation(parser);
    WorkflowContext context = jobsupport::context(parser, !json);
    // Nothing to open when there is no run to undo; with --last that is "nothing to do" (0).
    auto resolved = RollbackWorkflow::resolveRun(request, context.paths);
    if (!resolved) {
        if (resolved.error().code != QLatin1String("rollback.none")) {
            if (json)
                out() << QJsonDocument(
                             QJsonObject{{QStringLiteral("error"), errorToJson(resolved.error())},
                                         {QStringLiteral("exitCode"), int(ExitErrors)}})
                             .toJson(QJsonDocument::Indented);
            return failure(resolved.error());
        }
        if (json) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("run"), QJsonValue()},
                                               {QStringLiteral("applied"), false},
                                               {QStringLiteral("exitCode"), int(ExitClean)}})
                         .toJson(QJsonDocument::Indented);
        } else {
            out() << resolved.error().message << ": nothing to do\n";
        }
        return ExitClean;
    }
    // --last passed over these (older than the run it undoes): named, not silently skipped.
    const QVector<Error>& unreadable = resolved.value().unreadable;
    if (!json) {
        for (const Error& e : unreadable)
            err() << "not among the runs to undo: " << e.message << '\n';
    }
    auto session = jobsupport::openSession(parser);
    if (!session)
        return failure(session.error());
    context.cancel = jobsupport::installCancelHandler();
    auto result = RollbackWorkflow::run(request, *session.value(), context);
    jobsupport::printWarnings(err(), context);
    if (!result)
        return failure(result.error());
    const RollbackJob::Outcome& o = result.value();
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
            {QStringLiteral("unreadableJournals"), errorsToJson(unreadable)},
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
