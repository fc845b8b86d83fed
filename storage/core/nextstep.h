#pragma once

#include <QString>

namespace pmkv {

// The next safe step after an outcome or an error, as data: the core never words it as a
// command line or a button. `pmkv` prints it as the command to type, the GUI offers it as a
// button that opens the right wizard. `runId` and `path` say what the step applies to.
struct NextStep
{
    enum class Action {
        None,
        ResumeRun,        // finish run `runId`
        RollbackRun,      // undo run `runId`
        RollbackForce,    // undo run `runId` although keys changed since
        PlanAgain,        // plan the folder `path` again (files or keys changed since the plan)
        Migrate,          // migrate the folder `path`
        MigrateOverwrite, // migrate `path` again, replacing keys that differ
        Validate,         // validate `path` against the key space (in full)
        Diff,             // compare `path` with the key space, field by field
        Backup,           // make a verified backup of `path`
        RestoreBackup,    // restore the backup `path`
        Archive,          // rename `path` to its -backup name
        UndoArchive,      // rename the archive back
        ConfirmProd,      // repeat the PROD connection's name (`detail`) to write to it
        ChooseTarget,     // name another target (folder or connection) than `path`
        GiveKeySpace,     // say which key space (a connection) to check against
        StartLocalKv,     // start the local Redis + pmkv-proxy pair
        FixFile,          // fix the file `path` (see the message), then try again
        FixConnection,    // fix the connection `detail` (secret, address), then try again
    };

    Action action = Action::None;
    QString runId;
    QString path;
    QString detail;

    bool isNone() const { return action == Action::None; }
    static NextStep none() { return {}; }
    static NextStep forRun(Action action, const QString& runId)
    {
        NextStep step;
        step.action = action;
        step.runId = runId;
        return step;
    }
    static NextStep forPath(Action action, const QString& path)
    {
        NextStep step;
        step.action = action;
        step.path = path;
        return step;
    }
};

} // namespace pmkv
