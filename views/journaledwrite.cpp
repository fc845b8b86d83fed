#include "journaledwrite.h"

#include "jobs/auditlog.h"
#include "sync/syncrunner.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("pmkv::JournaledWrite", text);
}

void audit(const JobPaths& paths, const QString& operation, const QString& runId,
           const QString& target, qint64 count, const QString& location, const QString& note)
{
    if (!paths.ensure())
        return;
    QJsonObject extra{{QStringLiteral("location"), location}};
    if (!note.isEmpty())
        extra.insert(QStringLiteral("refused"), note);
    (void)AuditLog(paths.auditLogPath()).append(operation, runId, target, count, extra);
}

JournaledWrite::Outcome writeNow(const JournaledWrite::TargetFactory& factory,
                                 const JobPaths& paths, const QString& location,
                                 const QByteArray& value, const QString& operation)
{
    JournaledWrite::Outcome outcome;
    std::unique_ptr<SyncTarget> target = factory();
    if (!target) {
        outcome.message = tr("not connected");
        return outcome;
    }
    auto now = target->read({location});
    if (!now) {
        outcome.message = now.error().message;
        return outcome;
    }
    const SyncTarget::Value& before = now.value().first();
    if (before.exists && before.bytes == value) {
        outcome.ok = true;
        outcome.unchanged = true;
        outcome.message = tr("%1 already holds this value: nothing written.").arg(location);
        return outcome;
    }
    SyncAction action;
    action.kind = before.exists ? SyncAction::Kind::Update : SyncAction::Kind::Create;
    action.location = location;
    action.value = value;
    action.targetExists = before.exists;
    action.expected = before.bytes;
    SyncPlanner::Plan plan;
    plan.actions.append(action);
    if (!paths.ensure()) {
        outcome.message =
            tr("The jobs folder %1 cannot be created; nothing written.").arg(paths.root());
        return outcome;
    }
    auto run = SyncRunner::execute(plan, *target, paths, QStringLiteral("pmkv-studio"));
    if (!run) {
        outcome.message = run.error().message;
        audit(paths, operation, QString(), target->describe(), 0, location, outcome.message);
        return outcome;
    }
    outcome.runId = run.value().runId;
    outcome.journalPath = run.value().journalPath;
    if (!run.value().conflicts.isEmpty()) {
        outcome.message = run.value().conflicts.join(QLatin1Char('\n'));
        audit(paths, operation, outcome.runId, target->describe(), 0, location, outcome.message);
        return outcome;
    }
    outcome.ok = true;
    outcome.message = tr("Wrote %1 (journal run %2).").arg(location, outcome.runId);
    audit(paths, operation, outcome.runId, target->describe(), run.value().written, location,
          QString());
    return outcome;
}

JournaledWrite::Outcome undoNow(const JournaledWrite::TargetFactory& factory, const JobPaths& paths,
                                const QString& location, const QString& runId,
                                const QString& operation)
{
    JournaledWrite::Outcome outcome;
    std::unique_ptr<SyncTarget> target = factory();
    if (!target) {
        outcome.message = tr("not connected");
        return outcome;
    }
    auto run = SyncRunner::undo(paths, runId, *target, false);
    if (!run) {
        outcome.message = run.error().message;
        audit(paths, operation, runId, target->describe(), 0, location, outcome.message);
        return outcome;
    }
    if (!run.value().conflicts.isEmpty()) {
        outcome.message = tr("Not undone: %1").arg(run.value().conflicts.join(QLatin1Char('\n')));
        outcome.message.replace(QStringLiteral(" (--force restores it anyway)"), QString());
        audit(paths, operation, runId, target->describe(), 0, location, outcome.message);
        return outcome;
    }
    outcome.ok = true;
    outcome.runId = run.value().runId;
    outcome.journalPath = run.value().journalPath;
    outcome.message = tr("Undid the write of %1 (journal run %2).").arg(location, runId);
    audit(paths, operation, outcome.runId, target->describe(), run.value().restored, location,
          QString());
    return outcome;
}

} // namespace

QFuture<JournaledWrite::Outcome> JournaledWrite::write(TargetFactory target, const JobPaths& paths,
                                                       const QString& location,
                                                       const QByteArray& value,
                                                       const QString& operation)
{
    return QtConcurrent::run([target = std::move(target), paths, location, value, operation] {
        return writeNow(target, paths, location, value, operation);
    });
}

QFuture<JournaledWrite::Outcome> JournaledWrite::undo(TargetFactory target, const JobPaths& paths,
                                                      const QString& location, const QString& runId,
                                                      const QString& operation)
{
    return QtConcurrent::run([target = std::move(target), paths, location, runId, operation] {
        return undoNow(target, paths, location, runId, operation);
    });
}

} // namespace pmkv
