#pragma once

#include "core/result.h"
#include "sync/syncaction.h"
#include "sync/synctarget.h"

#include <QDateTime>
#include <QVector>

namespace pmkv {

// The record of one sync run, written before anything changes and after every batch, so a
// run can be shown before it happens (dry run), finished after an interruption (resume) and
// undone. A JSON file (synced to disk through QSaveFile) until the migration engine's
// journal API is available; one file per run: <folder>/sync-<run id>.json.
//
// Each entry keeps the target's previous value (exists, bytes, TTL) and the value written,
// so undo can put back exactly what was there and refuse entries someone changed since.
class SyncJournal final
{
public:
    enum class Status : unsigned char { Pending, Done, Undone };

    struct Entry
    {
        SyncAction action;
        SyncTarget::Value before;
        Status status = Status::Pending;
    };

    QString runId;
    QDateTime createdAt;
    QString source;
    QString target;
    bool targetIsFolder = false;
    QString state; // "planned", "running", "done", "undone", "failed"
    QVector<Entry> entries;

    static QString newRunId();
    static QString pathFor(const QString& folder, const QString& runId);
    // The newest run in `folder`, or an error when there is none.
    static Result<QString> lastRun(const QString& folder);

    Result<void> save(const QString& path) const;
    static Result<SyncJournal> load(const QString& path);
};

const char* syncStatusName(SyncJournal::Status status);

} // namespace pmkv
