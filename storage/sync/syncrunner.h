#pragma once

#include "core/result.h"
#include "sync/syncjournal.h"
#include "sync/syncplanner.h"
#include "sync/synctarget.h"

#include <QStringList>

namespace pmkv {

// Executes a sync plan on a target through a SyncJournal:
// 1. reads the target's current value of every location (the "before" images);
// 2. drops actions whose target changed since the diff (a conflict, reported, never
//    overwritten blindly);
// 3. saves the journal with every entry pending, before the first write;
// 4. writes in batches, marking entries done and saving the journal after each batch.
// resume() finishes the pending entries of an interrupted run; undo() puts back the before
// images of the done entries, newest first, and refuses entries whose value is no longer
// the one the run wrote (someone changed them since) unless forced.
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
                                   const QString& journalFolder, const QString& sourceDescription,
                                   int batchSize = 200);
    static Result<Outcome> resume(const QString& journalPath, SyncTarget& target,
                                  int batchSize = 200);
    static Result<Outcome> undo(const QString& journalPath, SyncTarget& target, bool force);
};

} // namespace pmkv
