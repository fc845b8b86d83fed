#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "jobs/migrationplan.h"
#include "problemlines.h"
#include "workflows/targetsession.h"
#include "workflows/workflowcontext.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <atomic>

namespace pmkv::jobsupport {

// --state-dir: where journals, the audit log, plans and reports go.
void addStateOption(QCommandLineParser& parser);
JobPaths paths(const QCommandLineParser& parser);
// What a workflow gets from `pmkv`: the state folder, "via": "pmkv", the step wording for
// reports, and (with `showProgress`) a progress line on a terminal's stderr.
WorkflowContext context(const QCommandLineParser& parser, bool showProgress);
// The warnings a workflow collected (an audit line not written, ...), on stderr.
void printWarnings(QTextStream& err, const WorkflowContext& context);
// The key space of --conn/--url/--redis, opened (secret resolved, store on its thread).
Result<std::unique_ptr<TargetSession>> openSession(const QCommandLineParser& parser);

// --layout NAME|FILE, --prefix P and --project NAME (repeatable).
void addLayoutOptions(QCommandLineParser& parser);
void addProjectOption(QCommandLineParser& parser);
// --policy for plan and migrate (abort-on-conflict, overwrite, skip-existing).
void addPolicyOption(QCommandLineParser& parser);
QString layoutSpec(const QCommandLineParser& parser);
QString prefix(const QCommandLineParser& parser);
QStringList projects(const QCommandLineParser& parser);

// A progress line on stderr, only when stderr is a terminal (and not with --json).
ProgressCallback progressLine(bool enabled);
bool stderrIsTerminal();
// SIGINT / SIGTERM set the flag (a second SIGINT kills as usual): jobs stop between batches.
const std::atomic_bool* installCancelHandler();

// Counts, then (with `listItems`) one "action<TAB>key<TAB>reason" line per key, then the
// files' problems as `problems` says.
void printPlan(QTextStream& stream, const MigrationPlan& plan, bool listItems,
               ProblemLines::Listing problems);
QJsonObject planSummaryJson(const MigrationPlan& plan);
// Holds a reference to the plan's items until the process exits, so that they are never freed
// one by one: `pmkv` ends right after a run, and the kernel takes the memory back at once,
// where freeing 100,000 items takes about 50 ms.
void keepUntilExit(const MigrationPlan& plan);

} // namespace pmkv::jobsupport
