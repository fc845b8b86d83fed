#pragma once

#include "core/nextstep.h"
#include "jobtarget.h"

#include <QWizard>

class QPushButton;

namespace pmkv {

class ArchiveChecklistPage;
class WorkflowProgressPage;
class WorkflowReportPage;
class WorkflowRunner;

// Phase 6 by mouse: the checklist (ArchiveChecklistPage), then the rename (ArchiveWorkflow,
// which validates the whole folder once more itself), then the report with Undo (the rename
// back, ArchiveWorkflow::undo).
class ArchiveWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ChecklistPage, RunPage, ReportPage };

    explicit ArchiveWizard(const JobTarget& target, QWidget* parent = nullptr);

    ArchiveChecklistPage* checklistPage() const { return m_checklist; }
    WorkflowProgressPage* progressPage() const { return m_progress; }
    WorkflowReportPage* reportPage() const { return m_report; }
    QPushButton* undoButton() const { return m_undo; }
    WorkflowRunner* runner() const { return m_runner; }

Q_SIGNALS:
    // A step the wizard does not take itself (resume a run, choose a connection ...).
    void stepChosen(const pmkv::NextStep& step);

private:
    void archive();
    void undo();

    JobTarget m_target;
    WorkflowRunner* m_runner;
    ArchiveChecklistPage* m_checklist;
    WorkflowProgressPage* m_progress;
    WorkflowReportPage* m_report;
    QPushButton* m_undo;
    QString m_runId; // the rename to undo
};

} // namespace pmkv
