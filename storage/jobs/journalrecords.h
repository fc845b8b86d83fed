#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace pmkv {

// The records a Journal stores (see journal.h). Plain values, safe to copy between threads.

// What a key held before a run wrote it, captured before the write (MGET + PTTL, or
// KeyCapture). `type` is "none" (the key did not exist), "string" (value holds its bytes) or
// the Redis type name of anything else ("hash", "list", ...: value empty, never overwritten
// by a migration, and reported by an undo as something it cannot restore).
struct PreviousValue
{
    QString type = QStringLiteral("none");
    QByteArray value;
    qint64 pttl = -1; // milliseconds left; -1 no expiry (also for "none")
    // When it expires, on the key space's own clock (ms since the epoch, from TIME next to
    // the PTTL): an undo puts back this moment, not `pttl` again from the time of the undo.
    // 0: no expiry, or not known (journals written before it was recorded).
    qint64 expireAtMs = 0;

    bool existed() const { return type != QLatin1String("none"); }
    bool isString() const { return type == QLatin1String("string"); }
};

// One key a batch writes.
struct JournalEntry
{
    enum class Op { Set, Delete };

    QByteArray key;
    Op op = Op::Set;
    QByteArray newHash;  // hex SHA-256 of the bytes SET writes (empty for Delete)
    QByteArray newValue; // optional: the bytes SET writes, for resumes without the source
    bool hasNewValue = false;
    qint64 newPttl = -1; // TTL the write sets; -1 none (a plain SET)
    PreviousValue previous;
};

// A batch of writes, recorded durably before any of it is sent.
struct JournalBatch
{
    enum class State { Pending, Done, Undone };

    qint64 id = 0; // ascending in the order the batches were begun
    State state = State::Pending;
    QDateTime createdAt;
    QVector<JournalEntry> entries;
};

// One run of a job (migrate, rollback, sync, archive, snapshot-restore ...): one journal file.
struct JournalRun
{
    enum class State { Running, Done, Failed, Cancelled, Undone };

    QString id;         // "20261123T041502Z-migrate-3f9a", sortable by time
    QString kind;       // "migrate", "rollback", "sync", "archive", "restore-snapshot", ...
    QJsonObject params; // what the run was asked to do (target describe(), layout, root,
                        // plan file, policy ...). Never secrets.
    State state = State::Running;
    QString message;     // last error or note, for `pmkv status` and reports
    QString parentRunId; // a rollback: the run it undoes
    QDateTime createdAt;
    QDateTime updatedAt;
    QString path; // the journal file
};

// The hash a key's state is compared by: hex SHA-256 of a string value, empty for "the key
// does not exist", "type:<name>" for a key of another type.
QByteArray stateHash(const PreviousValue& value);

QString journalRunStateName(JournalRun::State state);
JournalRun::State journalRunStateFromName(const QString& name);
QString journalBatchStateName(JournalBatch::State state);

// Undo of one key: what to put back so the key is as it was before the run's first write to
// it. `expectedHashes` are the hex SHA-256 of the values the key may legitimately hold now
// (the run's last write; for a batch left pending also the previous value, since it may not
// have been sent): anything else means someone changed the key since, and the undo refuses
// or warns. Hashes are as stateHash() makes them.
struct UndoStep
{
    QByteArray key;
    PreviousValue restore; // "none": delete the key; "string": SET value (PX pttl if > 0)
    QVector<QByteArray> expectedHashes;
    qint64 batchId = 0; // the run's first batch that wrote the key
};

} // namespace pmkv
