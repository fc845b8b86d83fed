#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"

#include <QSet>
#include <QString>
#include <QVector>

#include <memory>

namespace pmkv {

class JobPaths;

// The durable record of one run: an SQLite file (runs/<run id>.sqlite under JobPaths) opened
// through QtSql with journal_mode=WAL and synchronous=FULL, so that a call that returned has
// reached the disk and survives kill -9 or a power cut.
//
// The write protocol every job follows (migrate, rollback, sync, restore-snapshot):
//   1. capture the previous values and TTLs of the batch's keys (KeyCapture);
//   2. beginBatch(entries)      -> durable, state Pending;
//   3. send the batch to the store;
//   4. markDone(batch id)       -> durable, state Done.
// After a crash, the batches left Pending may or may not have reached the store: a resume
// sends them again (the same bytes, so the result does not change) and marks them done, and
// never captures "previous" values again for a key the run already journaled. undoSteps()
// always takes a key's state from the run's FIRST batch that wrote it.
//
// Readers (status, the activity list, choosing a run to resume or undo) open a journal with
// openForReading: read-only, no pragma or schema statement, a short busy timeout, and never a
// checkpoint, so that looking at a run never waits on it nor makes its writes wait.
//
// Threading: a Journal owns one QSqlDatabase connection of its own and must be used only on
// the thread that opened it (one connection per thread). Open another Journal on the same
// file from another thread if needed; SQLite's WAL lets readers and one writer share it.
class Journal final
{
public:
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Starts a new run: creates runs/<new id>.sqlite under `paths` (folders made as needed).
    // `runId`: one made earlier with newRunId() (a run that takes its target's lease first).
    static Result<std::unique_ptr<Journal>> create(const JobPaths& paths, const QString& kind,
                                                   const QJsonObject& params,
                                                   const QString& parentRunId = QString(),
                                                   const QString& runId = QString());
    // Opens an existing journal file to write to it (resume, undo, mark a run undone).
    static Result<std::unique_ptr<Journal>> open(const QString& path);
    static Result<std::unique_ptr<Journal>> openRun(const JobPaths& paths, const QString& runId);
    // Opens an existing journal file only to read it: SQLite read-only, waiting at most
    // kReadBusyMs on a writer that holds the file locked. It sees what the run's writer last
    // committed (WAL), and its close never copies the run's log into the file. Every method
    // that writes fails on it.
    static Result<std::unique_ptr<Journal>> openForReading(const QString& path);
    static Result<std::unique_ptr<Journal>> openRunForReading(const JobPaths& paths,
                                                              const QString& runId);
    static constexpr int kReadBusyMs = 500;

    // The journals under `paths`: the runs read, oldest first, and one error per journal file
    // that cannot be read (damaged, not a journal, locked, not readable by this user), naming
    // the file and why; its next step holds the file (`path`) and the run id its name records
    // (`runId`). A journal being created is never among them: create() makes it whole under
    // another name first.
    struct Listing
    {
        QVector<JournalRun> runs;
        QVector<Error> unreadable;
    };
    static Listing scanRuns(const JobPaths& paths);
    // The runs of scanRuns, for callers that look for a run to resume or undo: a journal that
    // cannot be read is not one they could use (front ends show scanRuns' `unreadable`).
    static QVector<JournalRun> listRuns(const JobPaths& paths);
    // A new run id: "20261123T041502Z-<kind>-<4 hex>".
    static QString newRunId(const QString& kind);
    // The kind a run id of newRunId names ("migrate", "key-edit-..."); empty for another name.
    // What a reader knows of a run whose journal it cannot read.
    static QString kindOfRunId(const QString& runId);

    JournalRun run() const;
    QString path() const { return m_path; }

    Result<void> setState(JournalRun::State state, const QString& message = QString());
    // Merges `params` into the run's parameters (e.g. progress notes, a report path).
    Result<void> updateParams(const QJsonObject& params);

    // Records a batch durably (one transaction, fsync) in state Pending; returns its id.
    // `alsoMarkDone` marks earlier batches done in the same transaction (one fsync instead of
    // two when a job overlaps sending batch N with journaling batch N+1).
    Result<qint64> beginBatch(const QVector<JournalEntry>& entries,
                              const QVector<qint64>& alsoMarkDone = {});
    Result<void> markDone(qint64 batchId);
    // Marks a batch done with only `written`, the entries that were written: a create the key
    // space refused (the key appeared meanwhile) wrote nothing, and undoing the run must not
    // touch that key.
    Result<void> markDoneWith(qint64 batchId, const QVector<JournalEntry>& written);
    Result<void> markUndone(qint64 batchId);
    // Copies the write-ahead log into the journal's main file now (closing it does that
    // otherwise): a job calls it while it waits on something else, e.g. the last batch.
    Result<void> checkpoint();

    // Batches in id order with their entries; `onlyPending` for a resume.
    Result<QVector<JournalBatch>> batches(bool onlyPending = false) const;
    // Every key of every batch of the run (pending, done or undone).
    Result<QSet<QByteArray>> journaledKeys() const;
    // Counts for status lines: batches and keys by state.
    struct Counts
    {
        qint64 pendingBatches = 0;
        qint64 doneBatches = 0;
        qint64 undoneBatches = 0;
        qint64 keys = 0; // keys recorded over all batches (a key in two batches counts twice)
    };
    Result<Counts> counts() const;

    // One step per distinct key the run wrote (batches Pending or Done; Undone ones are
    // left out), in key order: how to put the key back as it was before the run.
    Result<QVector<UndoStep>> undoSteps() const;

private:
    Journal(QString path, QString connectionName);
    // A Journal with its (not yet opened) SQLite connection, named uniquely.
    static std::unique_ptr<Journal> withConnection(const QString& path, const QString& options);
    static Error missing(const QString& path);
    static Result<std::unique_ptr<Journal>> openFile(const QString& path, bool create);
    // create()'s steps: a new journal file at `path` holding the run, all in the main file.
    static Result<void> recordRun(const QString& path, const QString& id, const QString& kind,
                                  const QJsonObject& params, const QString& parentRunId);
    static Result<void> moveIntoPlace(const QString& staging, const QString& path);
    Result<JournalRun> readRun() const;
    Result<void> initSchema();
    Result<void> setBatchState(qint64 batchId, JournalBatch::State state);

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
};

} // namespace pmkv
