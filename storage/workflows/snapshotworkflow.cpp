#include "workflows/snapshotworkflow.h"

#include "layout/keylayout.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace pmkv {

Result<QString> SnapshotWorkflow::pattern(const QString& layoutSpec, const QString& prefix)
{
    auto layout = KeyLayout::fromSpec(layoutSpec, prefix);
    if (!layout)
        return layout.error();
    return layout.value().scanPattern();
}

Result<SnapshotJob::Outcome> SnapshotWorkflow::take(const TakeRequest& request,
                                                    TargetSession& session,
                                                    const WorkflowContext& context)
{
    auto keys = pattern(request.layoutSpec, request.prefix);
    if (!keys)
        return keys.error();
    QString path = request.output;
    if (path.isEmpty()) {
        (void)context.paths.ensure(); // the state folders, their owner's only
        path = context.paths.snapshotsFolder() + QLatin1Char('/') +
               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
               QStringLiteral("Z.ndjson");
    }
    return SnapshotJob::take(session.store(), keys.value(), path);
}

Result<SnapshotJob::Outcome> SnapshotWorkflow::verify(const QString& file)
{
    auto records = SnapshotJob::read(file);
    if (!records)
        return records.error();
    SnapshotJob::Outcome outcome;
    outcome.path = file;
    outcome.keys = records.value().size();
    outcome.bytes = QFileInfo(file).size();
    for (const SnapshotJob::Record& record : records.value()) {
        if (!record.hasValue)
            outcome.notStrings << QString::fromUtf8(record.key);
    }
    return outcome;
}

Result<SnapshotJob::RestoreOutcome> SnapshotWorkflow::restore(const RestoreRequest& request,
                                                              TargetSession& session,
                                                              const WorkflowContext& context)
{
    auto keys = pattern(request.layoutSpec, request.prefix);
    if (!keys)
        return keys.error();
    if (auto allowed = session.authorizeWrite(request.confirmation); !allowed)
        return allowed.error();
    SnapshotJob::RestoreParams params;
    params.paths = context.paths;
    params.pattern = keys.value();
    params.prune = request.prune;
    params.allowOutsidePattern = request.allowOutsidePattern;
    params.progress = context.progress;
    auto done = SnapshotJob::restore(request.file, session.store(), params);
    if (done)
        context.recordAudit(QStringLiteral("restore-snapshot"), session.describe(),
                            done.value().written + done.value().deleted, done.value().runId);
    return done;
}

} // namespace pmkv
