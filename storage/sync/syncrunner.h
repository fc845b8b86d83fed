#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "sync/syncplanner.h"
#include "sync/synctarget.h"

#include <QStringList>

namespace pmkv {

// Executes a sync plan on a target through the migration engine's Journal (jobs/journal.h:
// SQLite, WAL, synced), following its write protocol:
// 1. read the target's current value of every location (the previous values);
// 2. drop actions whose target changed since the diff (a conflict: reported, never
//    overwritten blindly);
// 3. per batch: beginBatch (previous values and new hashes, durable) -> write -> markDone.
// A KV target's run has kind "sync", so `pmkv rollback` can undo it as well; a folder
// target's run has kind "sync-files" (its "keys" are file paths, which rollback must never
// send to a key space).
//
// resume() sends the batches left pending by an interrupted run (the same bytes: resending
// changes nothing). undo() puts back every location's state from before the run's first write,
// as a journaled run of its own (kind "sync-undo", parent = the run), refusing locations that
// hold neither what the run wrote nor what was there before (changed by someone since)
// unless forced.
class SyncRunner final
{
public:
    struct Outcome
    {
        QString runId;
        QString journalPath;
        int written = 0;
        int restored = 0;
        QStringList conflicts; // "location: why"
    };

    static Result<Outcome> execute(const SyncPlanner::Plan& plan, SyncTarget& target,
                                   const JobPaths& paths, const QString& sourceDescription,
                                   int batchSize = 200);
    static Result<Outcome> resume(const JobPaths& paths, const QString& runId, SyncTarget& target);
    static Result<Outcome> undo(const JobPaths& paths, const QString& runId, SyncTarget& target,
                                bool force);
    // The newest sync run on `target` that is not undone; empty when there is none.
    static QString lastRun(const JobPaths& paths, const SyncTarget& target);
};

} // namespace pmkv
