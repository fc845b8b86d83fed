#include "migratewizard.h"

#include "connectionpage.h"

#include "migratelayoutpage.h"
#include "migrateplanpage.h"
#include "migratescopepage.h"
#include "migratesourcepage.h"
#include "stopjobquestion.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"
#include "workflows/targetsession.h"

#include <QPushButton>

namespace pmkv {

MigrateWizard::MigrateWizard(Setup setup, QWidget* parent)
    : QWizard(parent), m_setup(std::move(setup)), m_runner(new WorkflowRunner(m_setup.paths, this)),
      m_source(new MigrateSourcePage(this)),
      m_target(new ConnectionPage(m_runner, m_setup.profiles, this)),
      m_layout(new MigrateLayoutPage(this)), m_scope(new MigrateScopePage(this)),
      m_plan(new MigratePlanPage(this)), m_run(new WorkflowProgressPage(m_runner, this)),
      m_report(new WorkflowReportPage(this))
{
    setWindowTitle(tr("Migrate a folder"));
    setObjectName(QStringLiteral("MigrateWizard"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourceId, m_source);
    setPage(TargetId, m_target);
    setPage(LayoutId, m_layout);
    setPage(ScopeId, m_scope);
    setPage(PlanId, m_plan);
    setPage(RunId, m_run);
    setPage(ReportId, m_report);
    m_target->setSubTitle(tr("The key space the folder is migrated into."));
    m_target->setPreselected(m_setup.profileName, m_setup.profileSecret,
                             m_setup.profileReadOnlyToken);
    // A new run is refused while one on the same key space is unfinished: offered first.
    m_target->setCheck([](TargetSession& session, const JobPaths& paths) {
        return MigrationWorkflow::checkNoUnfinishedRun(paths, session.describe());
    });
    connect(m_target, &ConnectionPage::stepChosen, this, [this](const NextStep& step) {
        if (step.action == NextStep::Action::ResumeRun) {
            m_resumeRunId = step.runId;
            m_target->accept();
            next();
            return;
        }
        Q_EMIT stepChosen(step);
    });
    m_run->setTitle(tr("Migrating"));
    m_run->setStart([this] { startRun(); });
    m_plan->setButtonText(QWizard::CommitButton, tr("Migrate"));
    m_plan->setCommitPage(true);
    m_run->setButtonText(QWizard::CommitButton, tr("Show the report"));
    m_report->setTitle(tr("Migration report"));
    resize(900, 640);

    QPushButton* differences = m_report->addButton(tr("Open the differences"));
    connect(differences, &QPushButton::clicked, this, [this] {
        if (session())
            Q_EMIT openDifferences(m_outcome && m_outcome->plan ? m_outcome->plan->root
                                                                : m_source->folder(),
                                   session()->profile());
    });
    connect(m_report, &WorkflowReportPage::stepChosen, this, &MigrateWizard::stepChosen);
}

MigrateWizard::~MigrateWizard() = default;

std::shared_ptr<TargetSession> MigrateWizard::session() const
{
    return m_target->session();
}

QString MigrateWizard::confirmation() const
{
    return m_target->confirmation();
}

MigrationWorkflow::Scope MigrateWizard::scope() const
{
    MigrationWorkflow::Scope scope;
    scope.root = m_source->folder();
    scope.layoutSpec = m_layout->layoutSpec();
    scope.prefix = m_layout->prefix();
    scope.projects = m_scope->projects();
    scope.policy = m_scope->policy();
    return scope;
}

bool MigrateWizard::backupFirst() const
{
    return m_scope->backupFirst();
}

bool MigrateWizard::validateAfter() const
{
    return m_scope->validateAfter();
}

std::shared_ptr<const MigrationPlan> MigrateWizard::plan() const
{
    return m_plan->plan();
}

int MigrateWizard::nextId() const
{
    if (currentId() == TargetId && !m_resumeRunId.isEmpty())
        return RunId;
    return QWizard::nextId();
}

void MigrateWizard::startRun()
{
    auto session = this->session();
    if (!session)
        return;
    MigrationWorkflow::RunRequest request;
    request.confirmation = confirmation();
    request.validateAfter = validateAfter();
    if (!m_resumeRunId.isEmpty()) {
        request.mode = MigrationWorkflow::Mode::Resume;
        request.runId = m_resumeRunId;
        request.scope.root = m_source->folder();
    } else {
        request.mode = MigrationWorkflow::Mode::Planned;
        request.plan = plan();
        request.scope = scope();
        request.backupFirst = backupFirst();
    }
    m_outcome.reset();
    m_runner->start<MigrationWorkflow::RunOutcome>(
        [request, session](const WorkflowContext& context) {
            return MigrationWorkflow::run(request, *session, context);
        },
        [this](Result<MigrationWorkflow::RunOutcome> result, const QStringList& warnings) {
            showOutcome(std::move(result), warnings);
        });
}

void MigrateWizard::showOutcome(Result<MigrationWorkflow::RunOutcome> result,
                                const QStringList& warnings)
{
    if (!result) {
        m_report->showError(result.error(), warnings);
        return;
    }
    m_outcome = std::move(result).value();
    m_resumeRunId.clear();
    const Migrator::Outcome& m = m_outcome->migration;
    QString headline;
    if (m.cancelled)
        headline =
            tr("Stopped after %1 keys. The run can be resumed or rolled back.").arg(m.written);
    else if (m_outcome->verdict == 0)
        headline = tr("Migrated: %1 keys written.").arg(m.written);
    else
        headline = tr("Migrated with warnings: %1 keys written.").arg(m.written);
    if (m_outcome->backup)
        headline += QLatin1Char(' ') + tr("Backup: %1").arg(m_outcome->backup->archivePath);
    if (m_outcome->report)
        m_report->showReport(headline, *m_outcome->report, m_outcome->next, warnings);
    else
        m_report->showSummary(headline, QString(), {}, m_outcome->next, warnings);
}

void MigrateWizard::reject()
{
    if (!m_runner->isRunning()) {
        QWizard::reject();
        return;
    }
    askBeforeClosing();
}

void MigrateWizard::askBeforeClosing()
{
    askToStopJob(this,
                 tr("Stop it after the current batch and close? A migration stopped this way can "
                    "be resumed or rolled back later."),
                 QStringLiteral("closeWhileRunning"),
                 [this] { m_runner->cancelThen([this] { QWizard::reject(); }); });
}

} // namespace pmkv
