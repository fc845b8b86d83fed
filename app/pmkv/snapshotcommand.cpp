#include "snapshotcommand.h"

#include "exitcode.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "stepwording.h"
#include "workflows/snapshotworkflow.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pmkv {

QString SnapshotCommand::summary() const
{
    return QStringLiteral("Save every key under the prefix as NDJSON, or restore such a file.");
}

void SnapshotCommand::configure(QCommandLineParser& parser)
{
    KvTarget::addOptions(parser);
    jobsupport::addLayoutOptions(parser);
    jobsupport::addStateOption(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("The NDJSON file (default: snapshots/ in the state folder)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("restore"),
                      QStringLiteral("Write this snapshot into the key space (journaled: undo "
                                     "with `pmkv rollback`)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("prune"),
                      QStringLiteral("With --restore: also delete keys under the prefix that the "
                                     "snapshot does not have.")});
    parser.addOption({QStringLiteral("outside-prefix"),
                      QStringLiteral("With --restore: also write the snapshot's keys that are "
                                     "outside the prefix (refused otherwise).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

QString SnapshotCommand::epilog() const
{
    return QStringLiteral(
        "One line per key, in key order: {\"key\", \"type\", \"ttl\" (ms, -1 none), \"value\"}\n"
        "(\"valueBase64\" when the bytes are not UTF-8), and FILE.manifest.json with the key\n"
        "count and the file's SHA-256 (checked before a restore).\n"
        "\n"
        "Examples:\n"
        "  pmkv snapshot --redis redis://127.0.0.1:6379 -o before.ndjson\n"
        "  PMKV_TOKEN=... pmkv snapshot --url http://localhost:8080 --prefix staging\n"
        "  pmkv snapshot --restore before.ndjson --prune --redis redis://127.0.0.1:6379\n"
        "\n"
        "Exit codes: 0 done, 1 done but some keys are not strings (not saved/restored),\n"
        "2 failed, 64 wrong command line.");
}

int SnapshotCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("no arguments expected"));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString layoutSpec = jobsupport::layoutSpec(parser);
    const QString prefix = jobsupport::prefix(parser);
    auto pattern = SnapshotWorkflow::pattern(layoutSpec, prefix);
    if (!pattern)
        return usageError(pattern.error().message);
    auto session = jobsupport::openSession(parser);
    if (!session)
        return failure(session.error());
    WorkflowContext context = jobsupport::context(parser, !json);
    if (parser.isSet(QStringLiteral("restore"))) {
        SnapshotWorkflow::RestoreRequest request;
        request.file = parser.value(QStringLiteral("restore"));
        request.layoutSpec = layoutSpec;
        request.prefix = prefix;
        request.prune = parser.isSet(QStringLiteral("prune"));
        request.allowOutsidePattern = parser.isSet(QStringLiteral("outside-prefix"));
        request.confirmation = KvTarget::confirmation(parser);
        auto done = SnapshotWorkflow::restore(request, *session.value(), context);
        jobsupport::printWarnings(err(), context);
        if (!done && done.error().code == QLatin1String("snapshot.outside")) {
            const int code = failure(done.error());
            err() << "next: if those keys belong in this key space: pmkv snapshot --restore "
                  << request.file << " --outside-prefix\n";
            return code;
        }
        if (!done)
            return failure(done.error());
        const auto& o = done.value();
        const int code = o.skipped > 0 ? int(ExitWarnings) : int(ExitClean);
        if (json) {
            out() << QJsonDocument(QJsonObject{{QStringLiteral("run"), o.runId},
                                               {QStringLiteral("written"), o.written},
                                               {QStringLiteral("deleted"), o.deleted},
                                               {QStringLiteral("skipped"), o.skipped},
                                               {QStringLiteral("exitCode"), code}})
                         .toJson(QJsonDocument::Indented);
            return code;
        }
        out() << "restored " << o.written << " keys, deleted " << o.deleted << ", skipped "
              << o.skipped << " (run " << o.runId << "; undo with "
              << StepWording::commandLine(NextStep::forRun(NextStep::Action::RollbackRun, o.runId))
              << ")\n";
        return code;
    }
    SnapshotWorkflow::TakeRequest request;
    request.layoutSpec = layoutSpec;
    request.prefix = prefix;
    request.output = parser.value(QStringLiteral("output"));
    auto taken = SnapshotWorkflow::take(request, *session.value(), context);
    if (!taken)
        return failure(taken.error());
    const auto& o = taken.value();
    const int code = o.notStrings.isEmpty() ? int(ExitClean) : int(ExitWarnings);
    if (json) {
        out() << QJsonDocument(
                     QJsonObject{
                         {QStringLiteral("path"), o.path},
                         {QStringLiteral("manifest"), o.manifestPath},
                         {QStringLiteral("keys"), o.keys},
                         {QStringLiteral("bytes"), o.bytes},
                         {QStringLiteral("sha256"), QString::fromLatin1(o.sha256)},
                         {QStringLiteral("notStrings"), QJsonArray::fromStringList(o.notStrings)},
                         {QStringLiteral("exitCode"), code}})
                     .toJson(QJsonDocument::Indented);
        return code;
    }
    out() << o.path << '\n';
    err() << o.keys << " keys, " << o.bytes << " value bytes under " << pattern.value() << '\n';
    for (const QString& k : o.notStrings)
        err() << "not a string (type and TTL kept, no value): " << k << '\n';
    return code;
}

} // namespace pmkv
