#include "core/nextstep.h"

namespace pmkv {

QString NextStep::actionName(Action action)
{
    switch (action) {
    case Action::None:
        return QStringLiteral("none");
    case Action::ResumeRun:
        return QStringLiteral("resume-run");
    case Action::RollbackRun:
        return QStringLiteral("rollback-run");
    case Action::RollbackForce:
        return QStringLiteral("rollback-force");
    case Action::PlanAgain:
        return QStringLiteral("plan-again");
    case Action::Migrate:
        return QStringLiteral("migrate");
    case Action::MigrateOverwrite:
        return QStringLiteral("migrate-overwrite");
    case Action::Validate:
        return QStringLiteral("validate");
    case Action::Diff:
        return QStringLiteral("diff");
    case Action::Backup:
        return QStringLiteral("backup");
    case Action::RestoreBackup:
        return QStringLiteral("restore-backup");
    case Action::Archive:
        return QStringLiteral("archive");
    case Action::UndoArchive:
        return QStringLiteral("undo-archive");
    case Action::ConfirmProd:
        return QStringLiteral("confirm-prod");
    case Action::ChooseTarget:
        return QStringLiteral("choose-target");
    case Action::GiveKeySpace:
        return QStringLiteral("give-key-space");
    case Action::StartLocalKv:
        return QStringLiteral("start-local-kv");
    case Action::FixFile:
        return QStringLiteral("fix-file");
    case Action::FixConnection:
        return QStringLiteral("fix-connection");
    case Action::ShowStatus:
        return QStringLiteral("show-status");
    case Action::ShowKeys:
        return QStringLiteral("show-keys");
    case Action::RestoreOverwrite:
        return QStringLiteral("restore-overwrite");
    case Action::AllowInsecureHttp:
        return QStringLiteral("allow-insecure-http");
    case Action::ChooseOtherName:
        return QStringLiteral("choose-other-name");
    case Action::ForceUndoSync:
        return QStringLiteral("force-undo-sync");
    case Action::ResumeSync:
        return QStringLiteral("resume-sync");
    case Action::SyncFirst:
        return QStringLiteral("sync-first");
    case Action::ChooseConnection:
        return QStringLiteral("choose-connection");
    case Action::ReplaceConnection:
        return QStringLiteral("replace-connection");
    case Action::KeepSecretElsewhere:
        return QStringLiteral("keep-secret-elsewhere");
    }
    return QStringLiteral("none");
}

QJsonObject NextStep::toJson() const
{
    if (isNone())
        return {};
    QJsonObject o{{QStringLiteral("action"), actionName(action)}};
    if (!runId.isEmpty())
        o.insert(QStringLiteral("runId"), runId);
    if (!path.isEmpty())
        o.insert(QStringLiteral("path"), path);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}

} // namespace pmkv
