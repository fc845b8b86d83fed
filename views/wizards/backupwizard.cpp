#include "backupwizard.h"

#include "backupchoicepage.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"
#include "workflows/backupworkflow.h"
#include "workflows/sideopener.h"
#include "workflows/snapshotworkflow.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace pmkv {

namespace {

// What "make a backup" wrote and what reading it back found.
struct MadeBackup
{
    std::optional<BackupJob::Outcome> files;
    std::optional<BackupVerifier::Report> filesCheck;
    std::optional<SnapshotJob::Outcome> keys; // as read back: verified
};

// What "verify" found: an archive's report, or a snapshot read back.
struct VerifiedBackup
{
    QString path;
    std::optional<BackupVerifier::Report> archive;
    std::optional<SnapshotJob::Outcome> snapshot;
};

QString problemsMarkdown(const QStringList& problems)
{
    QString text;
    for (const QString& problem : problems)
        text += QStringLiteral("* ") + problem + QLatin1Char('\n');
    return text;
}

QString archiveMarkdown(const QString& path, const BackupVerifier::Report& check)
{
    QString text = QStringLiteral("**Files:** `%1`\n\n").arg(path);
    if (check.valid)
        return text + BackupWizard::tr("%1 files, %2 bytes: every file matches its SHA-256 in the "
                                       "manifest.\n\n")
                          .arg(check.fileCount)
                          .arg(check.totalBytes);
    return text + BackupWizard::tr("It does **not** verify:\n\n") +
           problemsMarkdown(check.problems);
}

QString snapshotMarkdown(const SnapshotJob::Outcome& keys)
{
    QString text = BackupWizard::tr("**Key space:** `%1`\n\n%2 keys, %3 bytes: the file matches "
                                    "the SHA-256 of its manifest.\n\n")
                       .arg(keys.path)
                       .arg(keys.keys)
                       .arg(keys.bytes);
    if (!keys.notStrings.isEmpty())
        text += BackupWizard::tr("Not strings (listed, not restorable): %1\n\n")
                    .arg(keys.notStrings.join(QStringLiteral(", ")));
    return text;
}

QJsonObject archiveJson(const QString& path, const BackupVerifier::Report& check)
{
    return {{QStringLiteral("archive"), path},
            {QStringLiteral("valid"), check.valid},
            {QStringLiteral("files"), check.fileCount},
            {QStringLiteral("bytes"), check.totalBytes},
            {QStringLiteral("problems"), QJsonArray::fromStringList(check.problems)}};
}

QJsonObject snapshotJson(const SnapshotJob::Outcome& keys)
{
    return {{QStringLiteral("snapshot"), keys.path},
            {QStringLiteral("keys"), keys.keys},
            {QStringLiteral("bytes"), keys.bytes},
            {QStringLiteral("notStrings"), QJsonArray::fromStringList(keys.notStrings)}};
}

Result<MadeBackup> makeBackup(const JobTarget& target, bool files, bool keys,
                              const QString& destination, const WorkflowContext& context)
{
    MadeBackup made;
    if (files) {
        BackupWorkflow::BackupRequest request;
        request.root = target.root;
        request.destination = destination;
        if (target.profile)
            request.layout = target.profile->layout;
        auto written = BackupWorkflow::backup(request, context);
        if (!written)
            return written.error();
        made.files = written.value();
        auto check = BackupWorkflow::verify(made.files->archivePath);
        if (!check)
            return check.error();
        made.filesCheck = check.value();
    }
    if (keys && !context.cancelled()) {
        auto session = target.openSession();
        if (!session)
            return session.error();
        SnapshotWorkflow::TakeRequest request;
        request.layoutSpec = target.profile->layout;
        request.prefix = target.profile->prefix;
        auto taken = SnapshotWorkflow::take(request, *session.value(), context);
        if (!taken)
            return taken.error();
        auto check = SnapshotWorkflow::verify(taken.value().path);
        if (!check)
            return check.error();
        made.keys = check.value();
    }
    return made;
}

Result<VerifiedBackup> verifyBackup(const QString& path)
{
    auto kind = SideOpener::kindOf(path);
    if (!kind)
        return kind.error();
    VerifiedBackup verified;
    verified.path = path;
    if (kind.value() == SideOpener::Kind::Snapshot) {
        auto check = SnapshotWorkflow::verify(path);
        if (!check)
            return check.error();
        verified.snapshot = check.value();
        return verified;
    }
    auto check = BackupWorkflow::verify(path);
    if (!check)
        return check.error();
    verified.archive = check.value();
    return verified;
}

} // namespace

BackupWizard::BackupWizard(const JobTarget& target, QWidget* parent)
    : QWizard(parent), m_target(target), m_runner(new WorkflowRunner(target.paths, this)),
      m_choice(new BackupChoicePage(target, this)),
      m_progress(new WorkflowProgressPage(m_runner, this)), m_report(new WorkflowReportPage(this))
{
    setWindowTitle(tr("Backup"));
    setPage(ChoosePage, m_choice);
    setPage(RunPage, m_progress);
    setPage(ReportPage, m_report);
    m_progress->setStart([this] { start(); });
    connect(m_report, &WorkflowReportPage::stepChosen, this, &BackupWizard::stepChosen);
}

void BackupWizard::start()
{
    switch (m_choice->mode()) {
    case BackupChoicePage::Mode::Make:
        startMake();
        return;
    case BackupChoicePage::Mode::Verify:
        startVerify();
        return;
    case BackupChoicePage::Mode::Restore:
        startRestore();
        return;
    }
}

void BackupWizard::startMake()
{
    m_progress->setTitle(tr("Making the backup"));
    const JobTarget target = m_target;
    const bool files = m_choice->filesChosen();
    const bool keys = m_choice->keysChosen();
    const QString destination = m_choice->destination();
    m_runner->start<MadeBackup>(
        [=](const WorkflowContext& context) {
            return makeBackup(target, files, keys, destination, context);
        },
        [this](Result<MadeBackup> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const MadeBackup& made = result.value();
            QString markdown;
            QJsonObject json;
            bool valid = true;
            if (made.files) {
                markdown += archiveMarkdown(made.files->archivePath, *made.filesCheck);
                markdown += tr("Archive SHA-256: `%1`\n\n").arg(made.files->archiveSha256);
                if (!made.files->skipped.isEmpty())
                    markdown += tr("Not archived (symbolic links, special files): %1\n\n")
                                    .arg(made.files->skipped.join(QStringLiteral(", ")));
                json.insert(QStringLiteral("files"),
                            archiveJson(made.files->archivePath, *made.filesCheck));
                valid = made.filesCheck->valid;
            }
            if (made.keys) {
                markdown += snapshotMarkdown(*made.keys);
                json.insert(QStringLiteral("keys"), snapshotJson(*made.keys));
            }
            m_report->showSummary(valid ? tr("The backup is written and verified.")
                                        : tr("The backup was written but does not verify."),
                                  markdown, json,
                                  valid
                                      ? NextStep::none()
                                      : NextStep::forPath(NextStep::Action::Backup, m_target.root),
                                  warnings);
        });
}

void BackupWizard::startVerify()
{
    m_progress->setTitle(tr("Verifying the backup"));
    const QString path = m_choice->existing();
    m_runner->start<VerifiedBackup>(
        [path](const WorkflowContext&) { return verifyBackup(path); },
        [this](Result<VerifiedBackup> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const VerifiedBackup& verified = result.value();
            if (verified.snapshot) {
                m_report->showSummary(tr("The snapshot verifies."),
                                      snapshotMarkdown(*verified.snapshot),
                                      snapshotJson(*verified.snapshot), NextStep::none(), warnings);
                return;
            }
            const bool valid = verified.archive->valid;
            m_report->showSummary(valid ? tr("The backup verifies.")
                                        : tr("The backup does not verify."),
                                  archiveMarkdown(verified.path, *verified.archive),
                                  archiveJson(verified.path, *verified.archive),
                                  valid || m_target.root.isEmpty()
                                      ? NextStep::none()
                                      : NextStep::forPath(NextStep::Action::Backup, m_target.root),
                                  warnings);
        });
}

void BackupWizard::startRestore()
{
    m_progress->setTitle(tr("Restoring the backup"));
    BackupWorkflow::RestoreRequest request;
    request.archive = m_choice->restoreFrom();
    request.target = m_choice->restoreTo();
    request.overwrite = m_choice->overwrite();
    m_runner->start<BackupVerifier::RestoreOutcome>(
        [request](const WorkflowContext& context) {
            return BackupWorkflow::restore(request, context);
        },
        [this](Result<BackupVerifier::RestoreOutcome> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const auto& restored = result.value();
            m_report->showSummary(
                tr("The backup is restored."),
                tr("**Into:** `%1`\n\n%2 files, %3 bytes, each checked against the manifest "
                   "first.\n")
                    .arg(restored.target)
                    .arg(restored.fileCount)
                    .arg(restored.totalBytes),
                QJsonObject{{QStringLiteral("target"), restored.target},
                            {QStringLiteral("files"), restored.fileCount},
                            {QStringLiteral("bytes"), restored.totalBytes}},
                NextStep::none(), warnings);
        });
}

} // namespace pmkv
