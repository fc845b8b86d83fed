#include "jobs/archivejob.h"

#include "jobs/backupverifier.h"
#include "jobs/filesync.h"
#include "jobs/journal.h"
#include "jobs/migrator.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace pmkv {

namespace {

bool deviceOf(const QString& path, dev_t& device)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    device = st.st_dev;
    return true;
}

} // namespace

bool ArchiveJob::Outcome::passed() const
{
    for (const Check& c : checks) {
        if (!c.ok)
            return false;
    }
    return true;
}

Result<ArchiveJob::Outcome> ArchiveJob::run(const Params& params)
{
    Outcome outcome;
    const QFileInfo rootInfo(QDir::cleanPath(QDir(params.root).absolutePath()));
    if (!rootInfo.isDir())
        return makeError(QStringLiteral("archive.root"),
                         QStringLiteral("%1 is not a folder").arg(rootInfo.absoluteFilePath()));
    outcome.from = rootInfo.absoluteFilePath();
    const QDir parent = rootInfo.absoluteDir();

    // Backup.
    Check backup{QStringLiteral("backup"), false, QString(), {}};
    QString archive = params.backup;
    if (archive.isEmpty()) {
        const QStringList found = parent.entryList(
            {rootInfo.fileName() + QStringLiteral("-backup-*.tar.gz")}, QDir::Files, QDir::Name);
        if (!found.isEmpty())
            archive = parent.filePath(found.last());
    }
    if (archive.isEmpty()) {
        backup.detail = QStringLiteral("no backup beside %1").arg(outcome.from);
        backup.next = NextStep::forPath(NextStep::Action::Backup, outcome.from);
    } else {
        auto verified = BackupVerifier::verify(archive);
        if (!verified)
            backup.detail = verified.error().message;
        else if (!verified.value().valid)
            backup.detail = QStringLiteral("%1 does not verify: %2")
                                .arg(archive, verified.value().problems.join(QStringLiteral("; ")));
        else if (!verified.value().complete())
            backup.detail = QStringLiteral("%1 is not complete: it could not take %2")
                                .arg(archive, verified.value().notTaken.join(QStringLiteral("; ")));
        else {
            backup.ok = true;
            backup.detail = QStringLiteral("%1 verified (%2 files)")
                                .arg(archive)
                                .arg(verified.value().fileCount);
        }
    }
    outcome.checks.append(backup);

    // Target name.
    Check target{QStringLiteral("target"), false, QString(), {}};
    QString to = params.target.isEmpty() ? outcome.from + QStringLiteral("-backup")
                                         : QDir(params.target).absolutePath();
    if (params.target.isEmpty()) {
        for (int n = 2; QFileInfo::exists(to) && n < 1000; ++n)
            to = outcome.from + QStringLiteral("-backup-%1").arg(n);
    }
    outcome.to = to;
    if (QFileInfo::exists(to)) {
        target.detail = QStringLiteral("%1 exists: choose another name").arg(to);
        target.next = NextStep::forPath(NextStep::Action::ChooseOtherName, to);
    } else {
        target.ok = true;
        target.detail = QStringLiteral("%1 is free").arg(to);
    }
    outcome.checks.append(target);

    // Same filesystem.
    Check fs{QStringLiteral("filesystem"), false, QString(), {}};
    dev_t a = 0;
    dev_t b = 0;
    const QString targetParent = QFileInfo(to).absolutePath();
    if (!deviceOf(outcome.from, a) || !deviceOf(targetParent, b))
        fs.detail = QStringLiteral("cannot stat %1 or %2").arg(outcome.from, targetParent);
    else if (a != b)
        fs.detail = QStringLiteral("%1 is on another filesystem: the rename would be a copy")
                        .arg(targetParent);
    else {
        fs.ok = true;
        fs.detail = QStringLiteral("same filesystem: the rename is atomic");
    }
    outcome.checks.append(fs);

    // Unfinished runs.
    Check runs{QStringLiteral("runs"), false, QString(), {}};
    const QString unfinished = Migrator::unfinishedRun(params.paths);
    // A migration's journal that cannot be read may be of a run that did not finish.
    const QVector<Error> unreadable =
        unfinished.isEmpty() ? Migrator::unreadableMigrations(params.paths) : QVector<Error>();
    if (!unfinished.isEmpty()) {
        runs.detail =
            QStringLiteral("run %1 did not finish: resume or roll it back first").arg(unfinished);
        runs.next = NextStep::forRun(NextStep::Action::ResumeRun, unfinished);
    } else if (!unreadable.isEmpty()) {
        runs.detail = unreadable.constLast().message;
        runs.next = unreadable.constLast().next;
    } else {
        runs.ok = true;
        runs.detail = QStringLiteral("no unfinished migration");
    }
    outcome.checks.append(runs);

    // Validation.
    Check validation = validationCheck(outcome.from, params.validation, params.accepts);
    if (!validation.ok && params.overrideValidation) {
        validation.ok = true;
        validation.detail += QStringLiteral(" (overridden)");
    }
    outcome.checks.append(validation);

    if (!outcome.passed() || params.dryRun)
        return outcome;

    auto created = Journal::create(params.paths, QStringLiteral("archive"),
                                   {{QStringLiteral("from"), outcome.from},
                                    {QStringLiteral("to"), outcome.to},
                                    {QStringLiteral("backup"), archive}});
    if (!created)
        return created.error();
    Journal& journal = *created.value();
    outcome.runId = journal.run().id;
    if (std::rename(QFile::encodeName(outcome.from).constData(),
                    QFile::encodeName(outcome.to).constData()) != 0) {
        const QString message =
            QStringLiteral("cannot rename %1 to %2: %3")
                .arg(outcome.from, outcome.to, QString::fromLocal8Bit(std::strerror(errno)));
        (void)journal.setState(JournalRun::State::Failed, message);
        return makeError(QStringLiteral("archive.rename"), message);
    }
    filesync::syncFolder(parent.absolutePath());
    outcome.renamed = true;
    auto done = journal.setState(JournalRun::State::Done);
    if (!done)
        return done.error();
    return outcome;
}

ArchiveJob::Check
ArchiveJob::validationCheck(const QString& root,
                            const std::optional<Validator::Outcome>& validation,
                            const std::function<bool(const Validator::Outcome&)>& accepts)
{
    Check check{QStringLiteral("validation"), false, QString(),
                NextStep::forPath(NextStep::Action::Validate, root)};
    if (!validation) {
        check.detail = QStringLiteral("not validated (no key space given)");
        check.next = NextStep::forPath(NextStep::Action::GiveKeySpace, root);
        return check;
    }
    const Validator::Outcome& v = *validation;
    if (QDir::cleanPath(QDir(v.root).absolutePath()) != root) {
        check.detail = QStringLiteral("the validation was of %1, not %2").arg(v.root, root);
        return check;
    }
    // Keys only the key space has do not matter here (a read-only token cannot list them):
    // what counts is that every file's key holds what the file does, so no sample.
    if (v.sampled) {
        check.detail = QStringLiteral("the validation of %1 keys was not a full one (%2)")
                           .arg(v.checkedKeys)
                           .arg(v.notes.join(QStringLiteral("; ")));
        return check;
    }
    check.ok = accepts && accepts(v);
    if (check.ok)
        check.next = NextStep::none();
    int warnings = 0;
    int errors = 0;
    for (const Problem& p : v.problems)
        ++(p.severity == Severity::Error ? errors : warnings);
    check.detail = QStringLiteral("full validation against %1: %2 findings, %3 file errors, "
                                  "%4 file warnings")
                       .arg(v.target)
                       .arg(v.findings.size())
                       .arg(errors)
                       .arg(warnings);
    return check;
}

Result<ArchiveJob::Outcome> ArchiveJob::undo(const JobPaths& paths, const QString& runId)
{
    QString id = runId;
    if (id.isEmpty()) {
        const QVector<JournalRun> all = Journal::listRuns(paths);
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->kind == QLatin1String("archive") && it->state == JournalRun::State::Done) {
                id = it->id;
                break;
            }
        }
    }
    if (id.isEmpty())
        return makeError(QStringLiteral("archive.none"),
                         QStringLiteral("no archive to undo in %1").arg(paths.root()));
    auto opened = Journal::openRun(paths, id);
    if (!opened)
        return opened.error();
    Journal& journal = *opened.value();
    const JournalRun run = journal.run();
    if (run.kind != QLatin1String("archive") || run.state != JournalRun::State::Done)
        return makeError(QStringLiteral("archive.state"),
                         QStringLiteral("run %1 is not a finished archive").arg(id));
    Outcome outcome;
    outcome.runId = id;
    outcome.from = run.params.value(QStringLiteral("to")).toString();
    outcome.to = run.params.value(QStringLiteral("from")).toString();
    if (QFileInfo::exists(outcome.to))
        return makeError(QStringLiteral("archive.occupied"),
                         QStringLiteral("%1 exists again: move it away before undoing the "
                                        "archive")
                             .arg(outcome.to));
    if (!QFileInfo(outcome.from).isDir())
        return makeError(QStringLiteral("archive.missing"),
                         QStringLiteral("%1 is gone: restore it from the backup").arg(outcome.from),
                         NextStep::forPath(NextStep::Action::RestoreBackup,
                                           run.params.value(QStringLiteral("backup")).toString()));
    if (std::rename(QFile::encodeName(outcome.from).constData(),
                    QFile::encodeName(outcome.to).constData()) != 0)
        return makeError(
            QStringLiteral("archive.rename"),
            QStringLiteral("cannot rename %1 back to %2: %3")
                .arg(outcome.from, outcome.to, QString::fromLocal8Bit(std::strerror(errno))));
    filesync::syncFolder(QFileInfo(outcome.to).absolutePath());
    outcome.renamed = true;
    auto undone = journal.setState(JournalRun::State::Undone, QStringLiteral("renamed back"));
    if (!undone)
        return undone.error();
    return outcome;
}

} // namespace pmkv
