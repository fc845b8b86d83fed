#pragma once

#include "core/nextstep.h"
#include "jobtarget.h"

#include <QWizard>

namespace pmkv {

class BackupChoicePage;
class WorkflowProgressPage;
class WorkflowReportPage;
class WorkflowRunner;

// Backs up the open folder (BackupWorkflow: archive + SHA-256 manifest) and/or its key space
// (SnapshotWorkflow), verifies what it wrote by reading it back, and shows where it is; or
// verifies an existing backup, or restores one into a new folder. The work runs on a
// WorkflowRunner; the pages only gather the request and show the outcome.
class BackupWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ChoosePage, RunPage, ReportPage };

    explicit BackupWizard(const JobTarget& target, QWidget* parent = nullptr);

    BackupChoicePage* choicePage() const { return m_choice; }
    WorkflowProgressPage* progressPage() const { return m_progress; }
    WorkflowReportPage* reportPage() const { return m_report; }
    WorkflowRunner* runner() const { return m_runner; }

Q_SIGNALS:
    // The report's next step, for the main window to take.
    void stepChosen(const pmkv::NextStep& step);

private:
    void start();
    void startMake();
    void startVerify();
    void startRestore();

    JobTarget m_target;
    WorkflowRunner* m_runner;
    BackupChoicePage* m_choice;
    WorkflowProgressPage* m_progress;
    WorkflowReportPage* m_report;
};

} // namespace pmkv
