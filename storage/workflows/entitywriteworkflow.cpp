#include "workflows/entitywriteworkflow.h"

#include "sync/foldersynctarget.h"
#include "sync/kvsynctarget.h"
#include "sync/syncrunner.h"
#include "workflows/listmembership.h"
#include "workflows/targetsession.h"

namespace pmkv {
namespace {

void audit(const WorkflowContext& context, const QString& operation, const QString& runId,
           const QString& target, qint64 count, const QString& location, const QString& refusal)
{
    QJsonObject extra{{QStringLiteral("location"), location}};
    if (!refusal.isEmpty())
        extra.insert(QStringLiteral("refused"), refusal);
    context.recordAudit(operation, target, count, runId, extra);
}

// `pretty`: the target keeps documents as the application saves files (2-space JSON).
Result<EntityWriteWorkflow::Outcome> writeTo(SyncTarget& target,
                                             const EntityWriteWorkflow::Write& request,
                                             const WorkflowContext& context, bool pretty)
{
    EntityWriteWorkflow::Outcome outcome;
    outcome.target = target.describe();
    QStringList locations{request.location};
    for (const auto& join : request.joins)
        locations << join.list;
    auto now = target.read(locations);
    if (!now)
        return now.error();
    QVector<QByteArray> values{request.value};
    for (qsizetype i = 0; i < request.joins.size(); ++i) {
        const auto& join = request.joins.at(i);
        const SyncTarget::Value& list = now.value().at(i + 1);
        if (!list.exists && !join.field.isEmpty()) {
            values << QByteArray(); // (no document to list it in: left missing)
            continue;
        }
        auto joined = ListMembership::join(list.exists ? list.bytes : QByteArray(),
                                           {join.list, join.field, pretty && !join.field.isEmpty()},
                                           join.member, join.order);
        if (!joined)
            return joined.error();
        values << joined.value();
    }
    SyncPlanner::Plan plan;
    for (qsizetype i = 0; i < locations.size(); ++i) {
        const SyncTarget::Value& before = now.value().at(i);
        const QByteArray& value = values.at(i);
        if ((before.exists && before.bytes == value) || (i > 0 && value.isNull()))
            continue;
        SyncAction action;
        action.kind = before.exists ? SyncAction::Kind::Update : SyncAction::Kind::Create;
        action.location = locations.at(i);
        action.value = value;
        action.targetExists = before.exists;
        action.expected = before.bytes;
        plan.actions.append(action);
    }
    if (plan.actions.isEmpty()) {
        outcome.unchanged = true;
        return outcome;
    }
    if (auto ready = context.ensureJobsFolder(); !ready)
        return ready.error();
    auto run = SyncRunner::execute(plan, target, context.paths, context.frontEnd);
    if (!run) {
        audit(context, request.operation, QString(), outcome.target, 0, request.location,
              run.error().message);
        return run.error();
    }
    outcome.runId = run.value().runId;
    outcome.journalPath = run.value().journalPath;
    if (!run.value().conflicts.isEmpty()) {
        const QString conflicts = run.value().conflicts.join(QLatin1Char('\n'));
        audit(context, request.operation, outcome.runId, outcome.target, 0, request.location,
              conflicts);
        return makeError(QStringLiteral("write-conflict"), conflicts);
    }
    audit(context, request.operation, outcome.runId, outcome.target, run.value().written,
          request.location, QString());
    return outcome;
}

Result<EntityWriteWorkflow::Outcome>
undoOn(SyncTarget& target, const EntityWriteWorkflow::Undo& request, const WorkflowContext& context)
{
    EntityWriteWorkflow::Outcome outcome;
    outcome.target = target.describe();
    if (auto ready = context.ensureJobsFolder(); !ready)
        return ready.error();
    auto run = SyncRunner::undo(context.paths, request.runId, target, false);
    if (!run) {
        audit(context, request.operation, request.runId, outcome.target, 0, request.location,
              run.error().message);
        return run.error();
    }
    if (!run.value().conflicts.isEmpty()) {
        QString conflicts = run.value().conflicts.join(QLatin1Char('\n'));
        // The sync engine still words its forced undo as a command-line flag; the next step
        // below says it as data.
        conflicts.remove(QStringLiteral(" (--force restores it anyway)"));
        audit(context, request.operation, request.runId, outcome.target, 0, request.location,
              conflicts);
        return makeError(QStringLiteral("undo-conflict"), conflicts,
                         NextStep::forRun(NextStep::Action::RollbackForce, request.runId));
    }
    outcome.runId = run.value().runId;
    outcome.journalPath = run.value().journalPath;
    audit(context, request.operation, outcome.runId, outcome.target, run.value().restored,
          request.location, QString());
    return outcome;
}

} // namespace

Result<EntityWriteWorkflow::Outcome> EntityWriteWorkflow::write(const TargetSession& session,
                                                                const Write& request,
                                                                const WorkflowContext& context)
{
    if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
        return allowed.error();
    KvSyncTarget target(session.store());
    return writeTo(target, request, context, false);
}

Result<EntityWriteWorkflow::Outcome> EntityWriteWorkflow::write(const QString& folder,
                                                                const Write& request,
                                                                const WorkflowContext& context)
{
    FolderSyncTarget target(folder);
    return writeTo(target, request, context, true);
}

Result<EntityWriteWorkflow::Outcome> EntityWriteWorkflow::undo(const TargetSession& session,
                                                               const Undo& request,
                                                               const WorkflowContext& context)
{
    if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
        return allowed.error();
    KvSyncTarget target(session.store());
    return undoOn(target, request, context);
}

Result<EntityWriteWorkflow::Outcome> EntityWriteWorkflow::undo(const QString& folder,
                                                               const Undo& request,
                                                               const WorkflowContext& context)
{
    FolderSyncTarget target(folder);
    return undoOn(target, request, context);
}

} // namespace pmkv
