#include "stepcaption.h"

#include <QCoreApplication>

namespace pmkv {

QString StepCaption::text(const NextStep& step)
{
    using A = NextStep::Action;
    switch (step.action) {
    case A::None:
        return QString();
    case A::ResumeRun:
        return tr("Resume the run");
    case A::RollbackRun:
        return tr("Roll back the run");
    case A::RollbackForce:
        return tr("Roll back the run, replacing keys changed since");
    case A::PlanAgain:
        return tr("Plan again");
    case A::Migrate:
        return tr("Migrate the folder");
    case A::MigrateOverwrite:
        return tr("Migrate again, replacing keys that differ");
    case A::Validate:
        return tr("Validate in full");
    case A::Diff:
        return tr("Show the differences");
    case A::Backup:
        return tr("Make a verified backup");
    case A::RestoreBackup:
        return tr("Restore the backup");
    case A::Archive:
        return tr("Archive the folder");
    case A::UndoArchive:
        return tr("Undo the archive");
    case A::ConfirmProd:
        return tr("Type the PROD connection's name");
    case A::ChooseTarget:
        return tr("Choose another target");
    case A::GiveKeySpace:
        return tr("Choose a connection");
    case A::StartLocalKv:
        return tr("Start the local Redis and proxy");
    case A::FixFile:
        return tr("Show the file");
    case A::FixConnection:
        return tr("Edit the connection");
    case A::ShowStatus:
        return tr("Show the runs");
    case A::ShowKeys:
        return tr("Show the keys");
    case A::RestoreOverwrite:
        return tr("Restore over the folder");
    case A::AllowInsecureHttp:
        return tr("Allow plain http");
    case A::ChooseOtherName:
        return tr("Choose another name");
    case A::ForceUndoSync:
        return tr("Undo the sync, replacing values changed since");
    case A::ResumeSync:
        return tr("Send the pending writes");
    case A::SyncFirst:
        return tr("Align the folder first");
    case A::ChooseConnection:
        return tr("Choose a connection");
    case A::ReplaceConnection:
        return tr("Replace the saved connection");
    case A::KeepSecretElsewhere:
        return tr("Keep the secret for this session");
    }
    return QString();
}

} // namespace pmkv
