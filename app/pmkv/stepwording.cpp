#include "stepwording.h"

namespace pmkv {

namespace {

// A path as one word of a shell command line.
QString quoted(const QString& path)
{
    if (path.isEmpty())
        return QStringLiteral("pm/");
    for (const QChar c : path) {
        if (!c.isLetterOrNumber() && !QStringLiteral("/._-:+@=,").contains(c))
            return QStringLiteral("'") +
                   QString(path).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                   QStringLiteral("'");
    }
    return path;
}

QString command(const QString& words)
{
    return QStringLiteral("pmkv ") + words;
}

} // namespace

QString StepWording::commandLine(const NextStep& step)
{
    using A = NextStep::Action;
    const QString path = quoted(step.path);
    switch (step.action) {
    case A::None:
    case A::ChooseTarget:
    case A::FixFile:
        return QString();
    case A::ResumeRun:
        return command(QStringLiteral("migrate --resume %1").arg(step.runId));
    case A::RollbackRun:
        return command(QStringLiteral("rollback %1").arg(step.runId));
    case A::RollbackForce:
        return command(QStringLiteral("rollback %1 --force").arg(step.runId));
    case A::PlanAgain:
        return command(QStringLiteral("plan %1").arg(path));
    case A::Migrate:
        return command(QStringLiteral("migrate %1").arg(path));
    case A::MigrateOverwrite:
        return command(QStringLiteral("migrate %1 --policy overwrite").arg(path));
    case A::Validate:
        return command(QStringLiteral("validate %1").arg(path));
    case A::Diff:
        return command(QStringLiteral("diff %1 conn:NAME").arg(path));
    case A::Backup:
        return command(QStringLiteral("backup %1").arg(path));
    case A::RestoreBackup:
        return command(
            QStringLiteral("restore %1 %2")
                .arg(path, step.detail.isEmpty() ? QStringLiteral("FOLDER") : quoted(step.detail)));
    case A::RestoreOverwrite:
        return command(QStringLiteral("restore %1 %2 --overwrite").arg(path, quoted(step.detail)));
    case A::Archive:
        return command(QStringLiteral("archive %1").arg(path));
    case A::UndoArchive:
        return command(QStringLiteral("archive --undo"));
    case A::ConfirmProd:
        return QStringLiteral("--confirm-prod=%1").arg(step.detail);
    case A::GiveKeySpace:
        return QStringLiteral("--redis redis://HOST:PORT, --url URL or --conn NAME");
    case A::StartLocalKv:
        return command(QStringLiteral("env up"));
    case A::FixConnection:
        return command(QStringLiteral("conn add %1 --replace ...").arg(step.detail));
    case A::ShowStatus:
        return command(step.path.isEmpty() ? QStringLiteral("status")
                                           : QStringLiteral("status %1").arg(path));
    case A::ShowKeys:
        return command(QStringLiteral("keys %1").arg(path));
    case A::AllowInsecureHttp:
        return QStringLiteral("--allow-insecure-http");
    case A::ChooseOtherName:
        return QStringLiteral("--target FOLDER");
    case A::ForceUndoSync:
        return command(QStringLiteral("sync --undo %1 %2 --force").arg(step.runId, path));
    case A::ResumeSync:
        return command(QStringLiteral("sync --resume %1 %2").arg(step.runId, path));
    case A::SyncFirst:
        return command(QStringLiteral("sync %1 conn:NAME").arg(path));
    case A::ChooseConnection:
        return command(QStringLiteral("conn list"));
    case A::ReplaceConnection:
        return QStringLiteral("--replace");
    case A::KeepSecretElsewhere:
        return command(QStringLiteral("conn add %1 ADDRESS --secret-env VAR").arg(step.detail));
    }
    return QString();
}

QString StepWording::sentence(const NextStep& step)
{
    using A = NextStep::Action;
    const QString line = commandLine(step);
    switch (step.action) {
    case A::None:
        return QString();
    case A::ResumeRun:
        return QStringLiteral("%1 (or undo it: pmkv rollback %2)").arg(line, step.runId);
    case A::ConfirmProd:
        return QStringLiteral("repeat the connection's name with %1 to write to it").arg(line);
    case A::ChooseTarget:
        return QStringLiteral("give the target the run wrote to: %1").arg(step.detail);
    case A::FixFile:
        return QStringLiteral("fix %1, then try again").arg(step.path);
    case A::GiveKeySpace:
        return QStringLiteral("give the key space: %1").arg(line);
    case A::AllowInsecureHttp:
        return QStringLiteral("if the address is right and the network trusted, allow it with %1")
            .arg(line);
    case A::ChooseOtherName:
        return QStringLiteral("choose another name with %1").arg(line);
    case A::ChooseConnection:
        return QStringLiteral("see the saved connections: %1").arg(line);
    case A::ReplaceConnection:
        return QStringLiteral("remove it first (pmkv conn remove %1) or add %2")
            .arg(step.detail, line);
    case A::KeepSecretElsewhere:
        return QStringLiteral("read the secret from an environment variable each time (%1), pass "
                              "it for one command (--url with PMKV_TOKEN), or for an import keep "
                              "the file's variables (pmkv conn import FILE --from-env)")
            .arg(line);
    default:
        return line;
    }
}

} // namespace pmkv
