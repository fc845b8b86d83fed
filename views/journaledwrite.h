#pragma once

#include "jobs/jobpaths.h"
#include "sync/synctarget.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <functional>
#include <memory>

namespace pmkv {

// The studio's writes, each one a journaled run of the sync engine (sync/syncrunner.h), run
// on a worker thread (KvSyncTarget blocks on its store's futures; files are I/O): a copy or
// an edit writes one location of a key space or a pm/ folder; undo puts back what was there
// before (value and TTL) through the journal, refusing when the location changed since. Each
// run, and each refusal, gets a line in the audit log. The future finishes on the worker:
// attach the result with postTo().
class JournaledWrite final
{
public:
    // Makes the target on the worker; returns nullptr when it is gone (e.g. disconnected).
    using TargetFactory = std::function<std::unique_ptr<SyncTarget>()>;

    struct Outcome
    {
        bool ok = false;
        bool unchanged = false; // the location already held the value: nothing written
        QString message;
        QString runId;
        QString journalPath;
    };

    static QFuture<Outcome> write(TargetFactory target, const JobPaths& paths,
                                  const QString& location, const QByteArray& value,
                                  const QString& operation);
    static QFuture<Outcome> undo(TargetFactory target, const JobPaths& paths,
                                 const QString& location, const QString& runId,
                                 const QString& operation);
};

} // namespace pmkv
