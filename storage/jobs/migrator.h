#pragma once

#include "core/result.h"
#include "jobs/jobpaths.h"
#include "jobs/jobprogress.h"
#include "jobs/migrationplan.h"
#include "kv/kvstore.h"

#include <QHash>

#include <atomic>
#include <memory>

namespace pmkv {

class Journal;
class TargetLease;
struct JournalBatch;
struct JournalRun;

// Executes a MigrationPlan against a store, journaled (see journal.h):
// * the keys to write go in batches bounded by count and bytes, members before list keys;
// * for each batch the keys' current values and TTLs are read (MGET + PTTL) and compared with
//   what the plan saw (a key changed since the plan stops the run: re-plan), recorded in the
//   journal durably, then the SETs are pipelined; while a batch is in flight the next one is
//   read, and the journal marks it done together with recording the next;
// * a batch of keys all planned as absent (a first migration) is not read: its previous
//   values are known (none), and MSETNX writes each group of keys only if all are still
//   absent, so a key created since the plan is never overwritten (plan.stale);
// * the cancel flag is checked between batches; a cancelled, failed or killed run is finished
//   by resume(), which reads the keys of the batches left pending (skipping those that landed,
//   refusing those changed by someone else since: resume.changed), sends the rest again (same
//   bytes), then the keys not yet journaled, without capturing "previous" values twice;
// * a run (and a resume) holds the target's lease (TargetLease) while it writes: a second run
//   on the same key space is refused (target.locked), and a run that loses its lease stops.
class Migrator final
{
public:
    struct Params
    {
        JobPaths paths;
        // Each batch costs one journal commit (an fsync) and one round of reads: bigger batches
        // mean fewer of both. The bytes bound keeps a batch's memory and pipeline in check.
        int batchKeys = 5000;
        qint64 batchBytes = 16 * 1024 * 1024;
        // Batches sent and not yet answered, at most: their keys never overlap, so they may
        // land in any order. Several keep a REST endpoint's connections (or a cluster's
        // masters, each waiting for its replica) busy while the next batch is journaled and
        // encoded; each holds its values in memory until it lands.
        int batchesInFlight = 4;
        const std::atomic_bool* cancel = nullptr;
        ProgressCallback progress;
        // Re-read the key space before writing anything and refuse a stale plan (a saved plan).
        bool checkKvFirst = true;
        // The run holds a lease on the target (TargetLease) from before its first write to
        // its end: a second run on the same key space is refused meanwhile.
        bool takeLease = true;
        int leaseMs = 30000;
    };
    struct Outcome
    {
        QString runId;
        QString journalPath;
        QString planPath;
        qint64 written = 0; // keys SET (resent pending keys included)
        qint64 resent = 0;  // keys of batches left pending by an interrupted run, sent again
        qint64 bytes = 0;
        qint64 skipped = 0;
        qint64 batches = 0;
        double seconds = 0; // from the plan's execution to the last write (planning excluded)
        bool cancelled = false;
    };

    // `plan` holds its values (Planner::plan, or Planner::loadValues for a saved plan), or
    // only their hashes (Planner::Params::holdValues false): then each batch's values are made
    // again from the files while the batch before it is sent, and a file changed since the
    // plan stops the run there (plan.stale), as a key changed in the key space does.
    static Result<Outcome> execute(const MigrationPlan& plan, KvStore& store, const Params& params);
    static Result<Outcome> resume(const QString& runId, KvStore& store, const Params& params);
    // The newest migrate run that did not finish (running, failed or cancelled), if any.
    static QString unfinishedRun(const JobPaths& paths);
    // Of the journals that cannot be read (Journal::scanRuns' errors), those that may be a
    // migration's: their file name says migrate, or names no kind. Whether that run finished,
    // and the target it wrote to, is in the journal: a reader must not take it as finished.
    static QVector<Error> unreadableMigrations(const QVector<Error>& unreadable);
    static QVector<Error> unreadableMigrations(const JobPaths& paths);

private:
    static Result<void> checkKv(const MigrationPlan& plan, KvStore& store, int batchKeys);
    static Result<Outcome> finish(Journal& journal, Result<void> written, Outcome outcome);

    // resume()'s steps, in order.
    // A migration that did not finish (resume.kind, resume.finished otherwise).
    static Result<void> resumable(const QString& runId, const JournalRun& run);
    // The target's lease for the run (none without Params::takeLease).
    static Result<std::unique_ptr<TargetLease>> leaseToResume(const JournalRun& run, KvStore& store,
                                                              const Params& params);
    static QHash<QByteArray, int> itemsByKey(const MigrationPlan& plan);
    // The batches left pending, each finished by resendBatch, in journal order.
    static Result<void> resendPending(Journal& journal, const MigrationPlan& plan,
                                      const QHash<QByteArray, int>& byKey, KvStore& store,
                                      Outcome& outcome);
    // Sends again what did not land of one pending batch and marks it done; stops at a key
    // not in the plan with the journal's value (resume.mismatch) or changed by someone else
    // (resume.changed).
    static Result<void> resendBatch(Journal& journal, const MigrationPlan& plan,
                                    const QHash<QByteArray, int>& byKey, const JournalBatch& batch,
                                    KvStore& store, Outcome& outcome);
    // The plan's writes, in write order, whose keys no batch of the run journaled yet.
    static Result<QVector<int>> notYetJournaled(const Journal& journal, const MigrationPlan& plan);
};

} // namespace pmkv
