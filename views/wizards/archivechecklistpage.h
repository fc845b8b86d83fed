#pragma once

#include "jobtarget.h"
#include "workflows/archiveworkflow.h"

#include <QWizardPage>

#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace pmkv {

class WorkflowRunner;

// The archive's checklist, live: ArchiveWorkflow's dry run (which validates the whole folder
// against the key space itself) gives each check its state and, when it fails, the step that
// fixes it. The page makes the backup or runs the full validation right here and checks
// again; any other step (resume a run, choose a connection ...) goes to the main window. The
// rename is offered only when every check passes.
class ArchiveChecklistPage final : public QWizardPage
{
    Q_OBJECT

public:
    ArchiveChecklistPage(const JobTarget& target, WorkflowRunner* runner,
                         QWidget* parent = nullptr);

    // The workflow call of the checklist (dryRun) and of the rename, on the worker thread:
    // the target's key space opened there when there is one.
    static Result<ArchiveWorkflow::Outcome> archive(const JobTarget& target, const QString& to,
                                                    bool dryRun, const WorkflowContext& context);

    void initializePage() override;
    bool isComplete() const override;

    // Runs the dry run again (off the GUI thread).
    void check();
    bool isChecking() const { return m_checking; }
    const std::optional<ArchiveWorkflow::Outcome>& outcome() const { return m_outcome; }
    // The shown state of a check ("backup", "target", "filesystem", "runs", "validation").
    QString stateText(const QString& name) const;
    // Why it holds or not, as the workflow says it.
    QString detailText(const QString& name) const;
    // The fix button of a failed check; null when it passed.
    QPushButton* fixButton(const QString& name) const;
    QString errorText() const;

Q_SIGNALS:
    // The checklist was shown again.
    void checked();
    // A step this page cannot take itself.
    void stepChosen(const pmkv::NextStep& step);

private:
    void showChecks(const Result<ArchiveWorkflow::Outcome>& result, const QStringList& warnings);
    void fix(const NextStep& step);
    void makeBackup();
    void validate();
    void clearRows();

    JobTarget m_target;
    WorkflowRunner* m_runner;
    std::optional<ArchiveWorkflow::Outcome> m_outcome;
    bool m_checking = false;
    QString m_note; // what the last fix left to read (a validation report)
    QLabel* m_rename;
    QGridLayout* m_rows;
    QLabel* m_status;
    QPushButton* m_again;
    QMap<QString, QLabel*> m_states;
    QMap<QString, QLabel*> m_details;
    QMap<QString, QPushButton*> m_fixes;
};

} // namespace pmkv
