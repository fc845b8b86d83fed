#pragma once

#include "connections/connectionprofile.h"
#include "connections/storethread.h"
#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "jobs/migrationplan.h"
#include "kv/kvstore.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <atomic>

namespace pmkv::jobsupport {

// --state-dir: where journals, the audit log, plans and reports go.
void addStateOption(QCommandLineParser& parser);
JobPaths paths(const QCommandLineParser& parser);
// Appends one line to the audit log; when that fails the write already happened, so the
// command still succeeds but says on stderr that the log is missing a line.
void recordAudit(const QCommandLineParser& parser, QTextStream& err, const QString& operation,
                 const QString& target, qint64 count, const QString& runId = QString());

// --layout NAME|FILE, --prefix P and --project NAME (repeatable).
void addLayoutOptions(QCommandLineParser& parser);
void addProjectOption(QCommandLineParser& parser);
// --policy for plan and migrate (abort-on-conflict, overwrite, skip-existing).
void addPolicyOption(QCommandLineParser& parser);
QString layoutSpec(const QCommandLineParser& parser);
QString prefix(const QCommandLineParser& parser);
QStringList projects(const QCommandLineParser& parser);

// The key space of --conn/--url/--redis, opened on `thread`. `forWrite` also applies the
// PROD confirmation (--confirm-prod).
struct OpenedTarget
{
    ConnectionProfile profile;
    KvStore* store = nullptr;
};
Result<OpenedTarget> openTarget(const QCommandLineParser& parser, StoreThread& thread,
                                bool forWrite);

// A progress line on stderr, only when stderr is a terminal (and not with --json).
ProgressCallback progressLine(bool enabled);
bool stderrIsTerminal();
// SIGINT / SIGTERM set the flag (a second SIGINT kills as usual): jobs stop between batches.
const std::atomic_bool* installCancelHandler();

// Counts, then (with `listItems`) one "action<TAB>key<TAB>reason" line per key.
void printPlan(QTextStream& stream, const MigrationPlan& plan, bool listItems);
QJsonObject planSummaryJson(const MigrationPlan& plan);
// Holds a reference to the plan's items until the process exits, so that they are never freed
// one by one: `pmkv` ends right after a run, and the kernel takes the memory back at once,
// where freeing 100,000 items takes about 50 ms.
void keepUntilExit(const MigrationPlan& plan);

} // namespace pmkv::jobsupport
