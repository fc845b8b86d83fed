#pragma once

#include "core/result.h"
#include "jobs/jobprogress.h"
#include "jobs/journalrecords.h"
#include "jobs/migrator.h"
#include "kv/kvstore.h"

#include <QFuture>
#include <QVector>

namespace pmkv {

class Journal;
class TargetLease;

// The write phase of a migration (Migrator::execute, and the keys a resume never reached):
// the plan's items in `order`, in batches bounded by Params::batchKeys and batchBytes. Batch
// N+1's previous values are read while batch N is journaled (fsync) and sent, and up to
// Params::batchesInFlight batches are on their way; the keys of different batches never
// overlap, so the order on the wire does not matter. Each batch is recorded done with the
// next journal write once it landed. The run stops at the cancel flag (Outcome::cancelled), a
// lost lease, a key changed since the plan (plan.stale) or a failed write, with the batches
// that landed recorded.
class MigrationWriter final
{
public:
    MigrationWriter(Journal& journal, const MigrationPlan& plan, const QVector<int>& order,
                    KvStore& store, const Migrator::Params& params, const TargetLease* lease,
                    Migrator::Outcome& outcome);

    // Writes them all; counts what was written in the outcome.
    Result<void> run();

private:
    // A batch whose previous values are being read.
    struct Reading
    {
        int pos = 0;
        int end = 0;
        qint64 bytes = 0;
        QVector<QByteArray> keys;
        // Every key planned as absent: its previous value is known (none), nothing is read,
        // and MSETNX writes it only if it is still absent.
        bool createsOnly = false;
        QFuture<Result<KvStore::Replies>> future;
        // The values to write, made again from the files where the plan holds only hashes.
        QFuture<Result<QVector<QByteArray>>> values;
    };
    // What a batch journals and sends.
    struct Batch
    {
        QVector<JournalEntry> entries;
        QVector<KvCommand> commands;
    };
    // A batch journaled and sent.
    struct Writing
    {
        qint64 batchId = 0;
        QVector<JournalEntry> entries;
        QVector<KvCommand> commands;
        QFuture<Result<KvStore::Replies>> future;
        qint64 keys = 0;
        qint64 bytes = 0;
    };

    // Starts reading the batch that begins at `pos` in the order.
    Reading read(int pos) const;
    // The batch's previous values. A write sent before this read that fails ends the run
    // there: the read is not waited for (a store may retry a read for minutes; issue #21),
    // only cancelled.
    Result<QVector<PreviousValue>> previousValues(Reading& current);
    // The journal entries and commands of a batch; plan.stale if a key changed since the plan.
    Result<Batch> build(const Reading& current, const QVector<PreviousValue>& previous,
                        const QVector<QByteArray>& values) const;
    // Journals the batch and sends it, once at most batchesInFlight - 1 are still on their way.
    Result<void> send(const Reading& current, Batch batch);
    // After the last batch: waits for them all, records them done.
    Result<void> finish();
    // Collects the writes that finished (all of them, or until at most `keep` are in flight).
    Result<void> land(int keep);
    // Records the batches that landed when the run ends, whatever the reason.
    Result<void> flushDone();
    Result<void> stop(const Error& error);

    Journal& m_journal;
    const MigrationPlan& m_plan;
    const QVector<int>& m_order;
    KvStore& m_store;
    const Migrator::Params& m_params;
    const TargetLease* m_lease;
    Migrator::Outcome& m_outcome;
    ProgressMeter m_meter;
    // A cluster takes a multi-key command only when its keys share one hash slot.
    const bool m_bySlot;
    QVector<Writing> m_writing;
    QVector<qint64> m_doneIds;
    // Where the loop waits, for the pmkv.storage.jobs debug log: capturing previous values and
    // making the values from the files, building the batch, waiting for earlier writes,
    // journaling (ns).
    qint64 m_spent[4] = {0, 0, 0, 0};
};

} // namespace pmkv
