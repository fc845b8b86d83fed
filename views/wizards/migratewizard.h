#pragma once

#include "connections/connectionprofile.h"
#include "files/pmindex.h"
#include "jobs/jobpaths.h"
#include "workflows/migrationworkflow.h"

#include <QWizard>

#include <memory>

namespace pmkv {

class MigratePlanPage;
class MigrateScopePage;
class MigrateLayoutPage;
class ConnectionPage;
class MigrateSourcePage;
class TargetSession;
class WorkflowProgressPage;
class WorkflowReportPage;
class WorkflowRunner;

// Point-and-click migration: source folder (its scan problems) -> target connection (the
// write rule: read-only says why, PROD wants its name typed; an interrupted run there is
// offered for Resume or Roll back first) -> key layout (a preview of real keys) -> scope,
// policy, backup first -> the plan (filterable, field diff of an update) -> run (progress,
// keys/s, ETA, Cancel) -> report (validation both ways, next step, save, open differences).
// The pages drive MigrationWorkflow through one WorkflowRunner; no rule of their own.
class MigrateWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { SourceId, TargetId, LayoutId, ScopeId, PlanId, RunId, ReportId };

    struct Setup
    {
        QString root;                         // the folder open in the main window
        QList<ConnectionProfile> profiles;    // the saved connections
        QString profileName;                  // the one to preselect (the main window's)
        QByteArray profileSecret;             // the secret the window opened it with, if typed
        bool profileReadOnlyToken = false;    // that secret is a read-only token
        QStringList selectedProjects;         // the main window's current selection
        std::shared_ptr<const PmIndex> index; // the main window's scan of `root`, if any
        JobPaths paths;
    };

    explicit MigrateWizard(Setup setup, QWidget* parent = nullptr);
    ~MigrateWizard() override;

    const Setup& setup() const { return m_setup; }
    WorkflowRunner* runner() const { return m_runner; }

    // What the pages found and chose, for the pages after them.
    std::shared_ptr<const PmIndex> index() const { return m_index; }
    void setIndex(std::shared_ptr<const PmIndex> index) { m_index = std::move(index); }
    std::shared_ptr<TargetSession> session() const;
    QString confirmation() const;
    MigrationWorkflow::Scope scope() const;
    bool backupFirst() const;
    bool validateAfter() const;
    std::shared_ptr<const MigrationPlan> plan() const;
    // The run to finish instead of a new one (chosen on the target page); empty: a new run.
    QString resumeRunId() const { return m_resumeRunId; }
    void setResumeRunId(const QString& runId) { m_resumeRunId = runId; }
    // The outcome of the run, once it ended.
    const std::optional<MigrationWorkflow::RunOutcome>& outcome() const { return m_outcome; }

    MigrateSourcePage* sourcePage() const { return m_source; }
    ConnectionPage* targetPage() const { return m_target; }
    MigrateLayoutPage* layoutPage() const { return m_layout; }
    MigrateScopePage* scopePage() const { return m_scope; }
    MigratePlanPage* planPage() const { return m_plan; }
    WorkflowProgressPage* runPage() const { return m_run; }
    WorkflowReportPage* reportPage() const { return m_report; }

    int nextId() const override;
    // Closing while a job runs asks first; a run stopped that way can be resumed.
    void reject() override;

Q_SIGNALS:
    // "Open the differences": the main window opens the folder against the connection.
    void openDifferences(const QString& root, const pmkv::ConnectionProfile& profile);
    // A next step the wizard does not take itself (roll back a run, ...).
    void stepChosen(const pmkv::NextStep& step);

private:
    void startRun();
    void showOutcome(Result<MigrationWorkflow::RunOutcome> result, const QStringList& warnings);
    void askBeforeClosing();

    Setup m_setup;
    WorkflowRunner* m_runner;
    std::shared_ptr<const PmIndex> m_index;
    QString m_resumeRunId;
    std::optional<MigrationWorkflow::RunOutcome> m_outcome;
    MigrateSourcePage* m_source;
    ConnectionPage* m_target;
    MigrateLayoutPage* m_layout;
    MigrateScopePage* m_scope;
    MigratePlanPage* m_plan;
    WorkflowProgressPage* m_run;
    WorkflowReportPage* m_report;
};

} // namespace pmkv
