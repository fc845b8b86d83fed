#include "steptext.h"

namespace pmkv {

QString StepText::buttonLabel(const NextStep& step)
{
    using A = NextStep::Action;
    switch (step.action) {
    case A::None:
        return QString();
    case A::ResumeRun:
        return QStringLiteral("Resume run %1...").arg(step.runId);
    case A::RollbackRun:
        return QStringLiteral("Roll back run %1...").arg(step.runId);
    case A::RollbackForce:
        return QStringLiteral("Roll back run %1 anyway...").arg(step.runId);
    case A::PlanAgain:
        return QStringLiteral("Plan again...");
    case A::Migrate:
        return QStringLiteral("Migrate...");
    case A::MigrateOverwrite:
        return QStringLiteral("Migrate what differs...");
    case A::Validate:
        return QStringLiteral("Validate in full...");
    case A::Diff:
        return QStringLiteral("Compare with the key space...");
    case A::Backup:
        return QStringLiteral("Make a verified backup...");
    case A::RestoreBackup:
        return QStringLiteral("Restore the backup...");
    case A::Archive:
        return QStringLiteral("Archive the folder...");
    case A::UndoArchive:
        return QStringLiteral("Undo the archive...");
    case A::ConfirmProd:
        return QStringLiteral("Type the name %1 to confirm...").arg(step.detail);
    case A::ChooseTarget:
        return QStringLiteral("Choose another target...");
    case A::GiveKeySpace:
        return QStringLiteral("Connect to a key space...");
    case A::StartLocalKv:
        return QStringLiteral("Start the local environment...");
    case A::FixFile:
        return QStringLiteral("Show the file...");
    case A::FixConnection:
        return QStringLiteral("Edit the connection %1...").arg(step.detail);
    case A::ShowStatus:
        return QStringLiteral("Show the phases...");
    case A::ShowKeys:
        return QStringLiteral("Show the keys...");
    case A::RestoreOverwrite:
        return QStringLiteral("Restore over the folder...");
    case A::AllowInsecureHttp:
        return QStringLiteral("Allow plain http to %1...").arg(step.detail);
    case A::ChooseOtherName:
        return QStringLiteral("Choose another name...");
    case A::ForceUndoSync:
        return QStringLiteral("Undo sync run %1 anyway...").arg(step.runId);
    case A::ResumeSync:
        return QStringLiteral("Send the pending writes of %1...").arg(step.runId);
    case A::SyncFirst:
        return QStringLiteral("Sync the folder first...");
    }
    return QString();
}

} // namespace pmkv
