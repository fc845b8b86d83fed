#include "snapshotcommand.h"

#include "exitcode.h"
#include "jobs/snapshotjob.h"
#include "jobsupport.h"
#include "kvtarget.h"
#include "layout/keylayout.h"

#include <QDateTime>
#include <QDir>
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
    const bool restore = parser.isSet(QStringLiteral("restore"));
    auto layout = KeyLayout::fromSpec(jobsupport::layoutSpec(parser), jobsupport::prefix(parser));
    if (!layout)
        return usageError(layout.error().message);
    const QString pattern = layout.value().scanPattern();
    StoreThread thread;
    auto target = jobsupport::openTarget(parser, thread, restore);
    if (!target)
        return failure(target.error().message);
    KvStore& store = *target.value().store;
    const JobPaths paths = jobsupport::paths(parser);
    if (restore) {
        SnapshotJob::RestoreParams params;
        params.paths = paths;
        params.pattern = pattern;
        params.prune = parser.isSet(QStringLiteral("prune"));
        params.progress = jobsupport::progressLine(!json);
        auto done = SnapshotJob::restore(parser.value(QStringLiteral("restore")), store, params);
        if (!done)
            return failure(done.error().message);
        const auto& o = done.value();
        jobsupport::recordAudit(parser, err(), QStringLiteral("restore-snapshot"), store.describe(),
                                o.written + o.deleted, o.runId);
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
              << o.skipped << " (run " << o.runId << "; undo with pmkv rollback " << o.runId
              << ")\n";
        return code;
    }
    QString path = parser.value(QStringLiteral("output"));
    if (path.isEmpty()) {
        QDir().mkpath(paths.snapshotsFolder());
        path = paths.snapshotsFolder() + QLatin1Char('/') +
               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")) +
               QStringLiteral("Z.ndjson");
    }
    auto taken = SnapshotJob::take(store, pattern, path);
    if (!taken)
        return failure(taken.error().message);
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
    err() << o.keys << " keys, " << o.bytes << " value bytes under " << pattern << '\n';
    for (const QString& k : o.notStrings)
        err() << "not a string (type and TTL kept, no value): " << k << '\n';
    return code;
}

} // namespace pmkv
