#pragma once

#include "core/result.h"
#include "diff/diffoptions.h"
#include "layout/keylayout.h"
#include "sync/syncplanner.h"
#include "sync/syncrunner.h"
#include "sync/synctarget.h"
#include "sync/syncwatcher.h"
#include "workflows/sideopener.h"
#include "workflows/workflowcontext.h"

#include <functional>
#include <memory>

namespace pmkv {

// Copying entities (or fields) from one side to a pm/ folder or a key space, journaled and
// undoable, as a user runs it: the sides opened, the write rule applied to a key-space
// target (a dry run writes nothing and needs none), the plan made from the comparison, the
// run, its undo and resume, the dual-write follower, and an audit line for each write.
class SyncWorkflow final
{
public:
    struct Request
    {
        QString source;
        QString target;
        KeyLayout sourceLayout;
        KeyLayout targetLayout;
        DiffOptions options;
        bool overwrite = false;          // also replace entities that differ
        QStringList entities;            // only these entities (or what is below them)
        std::vector<std::string> fields; // only the changes under these JSON Pointers
        bool dryRun = false;
        QString confirmation; // the PROD profile's name, typed by the user
        bool strict = false;  // the sides' file warnings count in the verdict
    };
    struct Outcome
    {
        QString targetDescription;
        SyncPlanner::Plan plan;
        SyncRunner::Outcome run;   // empty for a dry run
        QVector<Problem> problems; // what reading the two sides found
        // Verdict::ofSync: 0 done (or nothing to do), 1 skipped or conflicting entities.
        int verdict = 0;
    };
    // Undo or resume of run `runId` ("last": the newest sync run on the target).
    struct RunRequest
    {
        QString target;
        QString runId;
        bool force = false; // undo: restore entries changed since the sync
        QString confirmation;
    };
    struct RunOutcome
    {
        QString runId;
        QString targetDescription;
        SyncRunner::Outcome run;
    };
    // The dual-write follower, running on the caller's event loop until it is destroyed.
    class Watch final
    {
    public:
        SyncWatcher& watcher() { return *m_watcher; }
        QString targetDescription() const { return m_target->describe(); }

    private:
        friend class SyncWorkflow;
        SideOpener m_opener;
        std::unique_ptr<SyncTarget> m_target;
        std::unique_ptr<SyncWatcher> m_watcher;
    };

    static Result<Outcome> run(const Request& request, const WorkflowContext& context);
    static Result<RunOutcome> undo(const RunRequest& request, const WorkflowContext& context);
    static Result<RunOutcome> resume(const RunRequest& request, const WorkflowContext& context);
    // Opens the follower of `request.source` (a pm/ folder) into `request.target` (a key
    // space) and starts it; every line it logs, from the first, reaches `log`.
    static Result<std::unique_ptr<Watch>> watch(const Request& request,
                                                const WorkflowContext& context,
                                                const std::function<void(const QString&)>& log);
    // The audit line of a follower that stopped.
    static void finishWatch(const Watch& watch, const WorkflowContext& context);

private:
    struct Target
    {
        std::unique_ptr<SyncTarget> target;
        SideOpener::Opened side; // read unless only connected
    };
    static Result<Target> openTarget(SideOpener& opener, const QString& spec,
                                     const KeyLayout& layout, bool read, bool write,
                                     const QString& confirmation);
    static Result<RunOutcome> again(const RunRequest& request, const WorkflowContext& context,
                                    bool undo);
};

} // namespace pmkv
