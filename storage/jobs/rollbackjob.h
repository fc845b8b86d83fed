#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "jobs/journalrecords.h"
#include "kv/kvstore.h"

#include <atomic>

namespace pmkv {

// Undoes a journaled run (a migration, a sync, a snapshot restore): every key it created is
// deleted, every key it overwrote gets its previous value back, with the same moment of
// expiry (a value whose expiry has passed since is not brought back). It first reads every
// key: a key that holds neither what the run wrote nor what it held before was changed by
// someone else since, and the rollback refuses (listing those keys) unless `force`. The
// rollback is itself a journaled run (kind "rollback", parent = the run it undoes), so it can
// be resumed by running it again. `dryRun` only reports what would happen.
class RollbackJob final
{
public:
    struct Params
    {
        JobPaths paths;
        QString runId;
        bool dryRun = false;
        bool force = false;
        int batchKeys = 1000;
        const std::atomic_bool* cancel = nullptr;
        ProgressCallback progress;
        // Hold the target's lease (TargetLease) while writing, for a migration's rollback.
        bool takeLease = true;
    };
    // What a rollback does with one key (a dry run lists every key, for a preview).
    struct Change
    {
        enum class Kind {
            Delete,       // the run created it: deleted
            Restore,      // the run overwrote it: its previous value (and TTL) put back
            Unchanged,    // it holds its previous state already: left alone
            ChangedSince, // someone else changed it after the run: only a forced rollback
                          // writes it
            Unrestorable, // its previous value was not a string: left alone
        };
        QString key;
        Kind kind = Kind::Delete;
        qint64 restoreBytes = 0; // Restore: the size of the value put back
    };
    static QString changeKindName(Change::Kind kind); // "delete", "restore", ...

    struct Outcome
    {
        QString runId;
        QString rollbackRunId; // empty for a dry run
        qint64 keys = 0;       // keys the run wrote
        qint64 toDelete = 0;
        qint64 toRestore = 0;
        qint64 alreadyRestored = 0;
        QStringList changedSince; // keys someone else changed after the run
        QStringList unrestorable; // previous values of another type (never overwritten)
        bool applied = false;
        double seconds = 0;
        QVector<Change> changes; // a dry run: every key of the run, in the journal's order
    };

    static Result<Outcome> run(const Params& params, KvStore& store);
    // Whether this job can undo `run` (not a rollback, not an archive, not undone already):
    // the refusal run() gives otherwise, with its next step.
    static Result<void> undoable(const JournalRun& run);
    // The newest run that can be undone (kind migrate, sync or restore-snapshot, not undone).
    static QString lastUndoableRun(const JobPaths& paths);
    // The same with the journals that cannot be read (Journal::scanRuns' errors): all of
    // them, and `newer`, those newer than `runId` (run ids sort by time) whose run might have
    // been the one to undo (its file name names an undoable kind, or none): "the last run" is
    // not known while one of them cannot be read.
    struct LastRun
    {
        QString runId; // empty: none
        QVector<Error> unreadable;
        QVector<Error> newer;
    };
    static LastRun lastUndoable(const JobPaths& paths);
};

} // namespace pmkv
