#include "rollbackwizard.h"

#include "connectionpage.h"
#include "jobs/journal.h"
#include "runhistorylist.h"
#include "stopjobquestion.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"
#include "workflows/archiveworkflow.h"
#include "workflows/syncworkflow.h"
#include "workflows/targetsession.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pmkv {

namespace {
QString changeText(RollbackJob::Change::Kind kind)
{
    using K = RollbackJob::Change::Kind;
    switch (kind) {
    case K::Delete:
        return RollbackWizard::tr("deleted (the run created it)");
    case K::Restore:
        return RollbackWizard::tr("previous value put back");
    case K::Unchanged:
        return RollbackWizard::tr("already as before: left alone");
    case K::ChangedSince:
        return RollbackWizard::tr("changed by someone else since: only with the box below");
    case K::Unrestorable:
        return RollbackWizard::tr("previous value not a string: left alone");
    }
    return QString();
}
} // namespace

RollbackWizard::RollbackWizard(Setup setup, QWidget* parent)
    : QWizard(parent), m_setup(std::move(setup)), m_runner(new WorkflowRunner(m_setup.paths, this)),
      m_connection(new ConnectionPage(m_runner, m_setup.profiles, this)),
      m_run(new WorkflowProgressPage(m_runner, this)), m_report(new WorkflowReportPage(this)),
      m_dryRun(std::make_shared<std::optional<RollbackWorkflow::Outcome>>())
{
    setWindowTitle(tr("Roll back a run"));
    setObjectName(QStringLiteral("RollbackWizard"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(HistoryId, makeHistoryPage());
    setPage(ConnectionId, m_connection);
    setPage(PreviewId, makePreviewPage());
    setPage(RunId, m_run);
    setPage(ReportId, m_report);
    m_connection->setSubTitle(tr("The key space the run wrote to. Connecting also previews the "
                                 "rollback: nothing is written yet."));
    m_connection->setPreselected(m_setup.profileName, m_setup.profileSecret,
                                 m_setup.profileReadOnlyToken);
    connect(m_connection, &ConnectionPage::stepChosen, this, [this](const NextStep& step) {
        if (step.action == NextStep::Action::RollbackForce) {
            m_connection->accept();
            next();
        }
    });
    m_run->setTitle(tr("Rolling back"));
    m_run->setButtonText(QWizard::CommitButton, tr("Show the report"));
    m_run->setStart([this] { startRollback(); });
    m_report->setTitle(tr("Rollback report"));
    resize(900, 620);
}

RollbackWizard::~RollbackWizard() = default;

QWizardPage* RollbackWizard::makeHistoryPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("What to undo"));
    page->setSubTitle(tr("Runs journaled on this machine, newest first. Greyed runs are undone "
                         "another way (hover for how)."));
    m_history = new RunHistoryList(page);
    m_historyNote = new QLabel(page);
    m_historyNote->setWordWrap(true);
    auto* restore = new QPushButton(tr("Restore a Backup or Snapshot…"), page);
    restore->setObjectName(QStringLiteral("restoreBackupButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(restore);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_historyNote);
    layout->addLayout(buttons);
    connect(restore, &QPushButton::clicked, this, [this] {
        Q_EMIT stepChosen(NextStep::forPath(NextStep::Action::RestoreBackup, QString()));
    });
    connect(m_history, &QTreeWidget::currentItemChanged, this, [this] {
        const JournalRun* run = m_history->run(m_history->selectedRun());
        if (!run)
            return;
        if (chosenIsArchive()) {
            m_historyNote->setText(
                tr("Next renames %1 back to %2 (the archive is undone).")
                    .arg(QDir::toNativeSeparators(
                             run->params.value(QStringLiteral("to")).toString()),
                         QDir::toNativeSeparators(
                             run->params.value(QStringLiteral("from")).toString())));
            return;
        }
        auto undoable = RollbackJob::undoable(*run);
        m_historyNote->setText(undoable ? run->message : undoable.error().message);
    });
    return page;
}

QWizardPage* RollbackWizard::makePreviewPage()
{
    auto* page = new QWizardPage(this);
    page->setTitle(tr("What the rollback changes"));
    page->setSubTitle(tr("Every key the run wrote, and what happens to it."));
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("Roll back"));
    m_previewSummary = new QLabel(page);
    m_previewSummary->setWordWrap(true);
    m_preview = new QTreeWidget(page);
    m_preview->setHeaderLabels({tr("Key"), tr("What happens"), tr("Bytes put back")});
    m_preview->setRootIsDecorated(false);
    m_preview->setUniformRowHeights(true);
    m_preview->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_force = new QCheckBox(tr("Also put back keys changed by someone else since the run"), page);
    m_force->hide();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_force);
    return page;
}

QString RollbackWizard::previewSummary() const
{
    return m_previewSummary->text();
}

QString RollbackWizard::chosenRun() const
{
    return m_history->selectedRun();
}

void RollbackWizard::initializePage(int id)
{
    if (id == HistoryId && !m_historyLoaded)
        loadHistory();
    if (id == ConnectionId) {
        const QString runId = chosenRun();
        auto dryRun = m_dryRun;
        dryRun->reset();
        m_connection->invalidate();
        // The preview is the connection's check: it also refuses a session on another
        // target than the run's, with the workflow's reason.
        m_connection->setCheck([runId, dryRun](TargetSession& session, const JobPaths& paths) {
            RollbackWorkflow::Request request;
            request.runId = runId;
            request.dryRun = true;
            WorkflowContext context;
            context.paths = paths;
            auto preview = RollbackWorkflow::run(request, session, context);
            if (!preview)
                return Result<void>(preview.error());
            *dryRun = preview.value();
            return Result<void>();
        });
    }
    if (id == PreviewId)
        showPreview();
    QWizard::initializePage(id);
}

bool RollbackWizard::validateCurrentPage()
{
    if (currentId() == HistoryId && !m_history->selectedIsUndoable() && !chosenIsArchive())
        return false;
    return QWizard::validateCurrentPage();
}

int RollbackWizard::nextId() const
{
    if (currentId() == HistoryId && (chosenIsArchive() || chosenIsFolderSync()))
        return RunId; // a rename back, files put back: no key space involved
    return QWizard::nextId();
}

bool RollbackWizard::chosenIsArchive() const
{
    const JournalRun* run = m_history->run(m_history->selectedRun());
    return run && run->kind == QLatin1String("archive");
}

bool RollbackWizard::chosenIsFolderSync() const
{
    const JournalRun* run = m_history->run(m_history->selectedRun());
    return run && run->kind == QLatin1String("sync-files");
}

void RollbackWizard::loadHistory()
{
    m_historyNote->setText(tr("Reading the journals…"));
    m_runner->start<Journal::Listing>(
        [](const WorkflowContext& context) -> Result<Journal::Listing> {
            return Journal::scanRuns(context.paths);
        },
        [this](Result<Journal::Listing> listing, const QStringList&) {
            m_historyLoaded = true;
            const Journal::Listing& journals = listing.value();
            m_history->setRuns(journals.runs, journals.unreadable);
            m_historyNote->clear();
            if (!m_setup.runId.isEmpty())
                m_history->select(m_setup.runId);
            else
                m_history->selectNewest();
            if (m_history->topLevelItemCount() == 0)
                m_historyNote->setText(
                    tr("No run has been journaled in %1 yet.").arg(m_setup.paths.root()));
            else if (!journals.unreadable.isEmpty())
                m_historyNote->setText(
                    tr("%n journal(s) cannot be read: listed greyed, with why in the tooltip. "
                       "Their runs cannot be undone until the file is fixed.",
                       nullptr, int(journals.unreadable.size())));
        });
}

void RollbackWizard::showPreview()
{
    m_preview->clear();
    const auto& dry = *m_dryRun;
    if (!dry) {
        m_previewSummary->setText(tr("No preview."));
        return;
    }
    const QLocale locale;
    m_previewSummary->setText(
        tr("Run %1 wrote %2 keys: %3 to delete, %4 to put back, %5 already as before, %6 "
           "changed since.")
            .arg(dry->runId, locale.toString(dry->keys), locale.toString(dry->toDelete),
                 locale.toString(dry->toRestore), locale.toString(dry->alreadyRestored),
                 locale.toString(dry->changedSince.size())));
    QList<QTreeWidgetItem*> rows;
    rows.reserve(dry->changes.size());
    for (const auto& change : dry->changes) {
        auto* row = new QTreeWidgetItem;
        row->setText(0, change.key);
        row->setText(1, changeText(change.kind));
        if (change.kind == RollbackJob::Change::Kind::Restore)
            row->setText(2, locale.toString(change.restoreBytes));
        rows.append(row);
    }
    m_preview->addTopLevelItems(rows);
    m_force->setVisible(!dry->changedSince.isEmpty());
    m_force->setChecked(false);
}

void RollbackWizard::startRollback()
{
    if (chosenIsArchive()) {
        startArchiveUndo();
        return;
    }
    if (chosenIsFolderSync()) {
        startFolderSyncUndo();
        return;
    }
    auto session = m_connection->session();
    if (!session)
        return;
    RollbackWorkflow::Request request;
    request.runId = chosenRun();
    request.force = m_force->isChecked();
    request.confirmation = m_connection->confirmation();
    m_outcome.reset();
    m_runner->start<RollbackWorkflow::Outcome>(
        [request, session](const WorkflowContext& context) {
            return RollbackWorkflow::run(request, *session, context);
        },
        [this](Result<RollbackWorkflow::Outcome> result, const QStringList& warnings) {
            showOutcome(std::move(result), warnings);
        });
}

void RollbackWizard::startArchiveUndo()
{
    const QString runId = chosenRun();
    m_runner->start<ArchiveWorkflow::Outcome>(
        [runId](const WorkflowContext& context) { return ArchiveWorkflow::undo(runId, context); },
        [this](Result<ArchiveWorkflow::Outcome> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const auto& o = result.value();
            const QString headline =
                tr("The archive is undone: %1 is back.").arg(QDir::toNativeSeparators(o.to));
            const QJsonObject json{{QStringLiteral("runId"), o.runId},
                                   {QStringLiteral("from"), o.from},
                                   {QStringLiteral("to"), o.to},
                                   {QStringLiteral("renamed"), o.renamed}};
            m_report->showSummary(headline, QString(), json, NextStep::none(), warnings);
        });
}

void RollbackWizard::startFolderSyncUndo()
{
    const JournalRun* run = m_history->run(chosenRun());
    if (!run)
        return;
    SyncWorkflow::RunRequest request;
    request.runId = run->id;
    // The journal names its target "folder <path>" (FolderSyncTarget::describe).
    request.target =
        run->params.value(QStringLiteral("target")).toString().remove(0, int(qstrlen("folder ")));
    request.force = m_force->isChecked();
    m_runner->start<SyncWorkflow::RunOutcome>(
        [request](const WorkflowContext& context) { return SyncWorkflow::undo(request, context); },
        [this](Result<SyncWorkflow::RunOutcome> result, const QStringList& warnings) {
            if (!result) {
                m_report->showError(result.error(), warnings);
                return;
            }
            const auto& o = result.value();
            const QString headline = tr("Sync run %1 undone in %2: %3 files put back.")
                                         .arg(o.runId, o.targetDescription)
                                         .arg(o.run.restored);
            QString markdown;
            for (const QString& conflict : o.run.conflicts)
                markdown += tr("* left alone: %1\n").arg(conflict);
            const QJsonObject json{
                {QStringLiteral("runId"), o.runId},
                {QStringLiteral("target"), o.targetDescription},
                {QStringLiteral("restored"), o.run.restored},
                {QStringLiteral("conflicts"), QJsonArray::fromStringList(o.run.conflicts)}};
            m_report->showSummary(headline, markdown, json, NextStep::none(), warnings);
        });
}

void RollbackWizard::showOutcome(Result<RollbackWorkflow::Outcome> result,
                                 const QStringList& warnings)
{
    if (!result) {
        m_report->showError(result.error(), warnings);
        return;
    }
    m_outcome = result.value();
    const auto& o = *m_outcome;
    const QLocale locale;
    const QString headline =
        tr("Run %1 rolled back: %2 keys deleted, %3 put back.")
            .arg(o.runId, locale.toString(o.toDelete), locale.toString(o.toRestore));
    QString markdown = QStringLiteral("## %1\n\n").arg(tr("Rollback of run %1").arg(o.runId));
    markdown += tr("* keys the run wrote: %1\n* deleted: %2\n* put back: %3\n* already as "
                   "before: %4\n* rollback run: %5\n* seconds: %6\n")
                    .arg(locale.toString(o.keys), locale.toString(o.toDelete),
                         locale.toString(o.toRestore), locale.toString(o.alreadyRestored),
                         o.rollbackRunId, QString::number(o.seconds, 'f', 2));
    for (const QString& key : o.unrestorable)
        markdown += tr("* left alone (not a string before): %1\n").arg(key);
    const QJsonObject json{
        {QStringLiteral("runId"), o.runId},
        {QStringLiteral("rollbackRunId"), o.rollbackRunId},
        {QStringLiteral("keys"), o.keys},
        {QStringLiteral("deleted"), o.toDelete},
        {QStringLiteral("restored"), o.toRestore},
        {QStringLiteral("alreadyRestored"), o.alreadyRestored},
        {QStringLiteral("changedSince"), QJsonArray::fromStringList(o.changedSince)},
        {QStringLiteral("seconds"), o.seconds}};
    m_report->showSummary(headline, markdown, json, NextStep::none(), warnings);
}

void RollbackWizard::reject()
{
    if (!m_runner->isRunning()) {
        QWizard::reject();
        return;
    }
    askToStopJob(this,
                 tr("Stop the rollback after the current batch and close? Rolling the same run "
                    "back again finishes it."),
                 QStringLiteral("closeWhileRunning"),
                 [this] { m_runner->cancelThen([this] { QWizard::reject(); }); });
}

} // namespace pmkv
