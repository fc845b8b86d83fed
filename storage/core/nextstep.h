#pragma once

#include <QJsonObject>
#include <QString>

namespace pmkv {

// The next safe step after an outcome or an error, as data: the core never words it as a
// command line or a button. `pmkv` prints it as the command to type, the GUI offers it as a
// button that opens the right wizard. `runId` and `path` say what the step applies to.
struct NextStep
{
    enum class Action {
        None,
        ResumeRun,         // finish run `runId`
        RollbackRun,       // undo run `runId`
        RollbackForce,     // undo run `runId` although keys changed since
        PlanAgain,         // plan the folder `path` again (files or keys changed since the plan)
        Migrate,           // migrate the folder `path`
        MigrateOverwrite,  // migrate `path` again, replacing keys that differ
        Validate,          // validate `path` against the key space (in full)
        Diff,              // compare `path` with the key space, field by field
        Backup,            // make a verified backup of `path`
        RestoreBackup,     // restore the backup `path`
        Archive,           // rename `path` to its -backup name
        UndoArchive,       // rename the archive back
        ConfirmProd,       // repeat the PROD connection's name (`detail`) to write to it
        ChooseTarget,      // name another target (folder or connection) than `path`
        GiveKeySpace,      // say which key space (a connection) to check against
        StartLocalKv,      // start the local Redis + pmkv-proxy pair
        FixFile,           // fix the file `path` (see the message), then try again
        FixConnection,     // fix the connection `detail` (secret, address), then try again
        ShowStatus,        // look at the runs and the migration's phase (of `path`, if set)
        ShowKeys,          // list the keys the folder `path` maps to (names, projects)
        RestoreOverwrite,  // restore the backup `path` into `detail`, replacing its files
        AllowInsecureHttp, // allow plain http:// to the non-local address `detail`
        ChooseOtherName,   // name another destination than `path` (it is taken)
        ForceUndoSync,     // undo sync run `runId` on `path` although values changed since
        ResumeSync,        // send the pending writes of sync run `runId` to `path`
        SyncFirst,         // align `path` (a folder) with the key space once before following it

        // The saved connections (the ConnectionBook workflow):
        ChooseConnection,    // name a saved connection (`detail` is none)
        ReplaceConnection,   // save the connection `detail` again, replacing the saved one
        KeepSecretElsewhere, // no keychain: keep the secret of connection `detail` in an
                             // environment variable, give it for one run, or for this session
    };

    Action action = Action::None;
    QString runId;
    QString path;
    QString detail;

    bool isNone() const { return action == Action::None; }
    // The stable name of an action ("resume-run", "confirm-prod", ...), for JSON.
    static QString actionName(Action action);
    // {"action", "runId", "path", "detail"} (empty members left out); {} for None.
    QJsonObject toJson() const;
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
    static NextStep withDetail(Action action, const QString& detail)
    {
        NextStep step;
        step.action = action;
        step.detail = detail;
        return step;
    }
};

} // namespace pmkv
