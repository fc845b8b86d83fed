#pragma once

#include "connections/connectionprofile.h"
#include "jobs/jobpaths.h"
#include "workflows/rollbackworkflow.h"

#include <QWizard>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace pmkv {

class ConnectionPage;
class RunHistoryList;
class TargetSession;
class WorkflowProgressPage;
class WorkflowReportPage;
class WorkflowRunner;

// Undoing a journaled run (a migration, a sync, an edit made in the app, a snapshot restore):
// the run from the history -> the connection it wrote to (PROD: its name typed), where a dry
// run of RollbackWorkflow previews exactly which keys change and how -> the rollback
// (progress, Cancel) -> its report. An archive from the history is renamed back
// (ArchiveWorkflow::undo: no connection, straight to the run), and so is a sync into a folder
// (SyncWorkflow::undo puts its files back). A backup or snapshot to restore
// is the backup wizard's: the history page hands that step on (stepChosen). The rules (the
// run's own target, keys changed since, the write rule) are the workflows'.
class RollbackWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { HistoryId, ConnectionId, PreviewId, RunId, ReportId };

    struct Setup
    {
        QList<ConnectionProfile> profiles;
        QString profileName;      // preselected
        QByteArray profileSecret; // the secret the window opened it with, if typed
        bool profileReadOnlyToken = false;
        QString runId; // preselected (a report's "roll back" step); empty: the newest
        JobPaths paths;
    };

    explicit RollbackWizard(Setup setup, QWidget* parent = nullptr);
    ~RollbackWizard() override;

    WorkflowRunner* runner() const { return m_runner; }
    RunHistoryList* history() const { return m_history; }
    ConnectionPage* connectionPage() const { return m_connection; }
    QTreeWidget* previewList() const { return m_preview; }
    QString previewSummary() const;
    QCheckBox* forceBox() const { return m_force; }
    WorkflowProgressPage* runPage() const { return m_run; }
    WorkflowReportPage* reportPage() const { return m_report; }
    QString chosenRun() const;
    const std::optional<RollbackWorkflow::Outcome>& outcome() const { return m_outcome; }

    void reject() override;
    bool validateCurrentPage() override;
    int nextId() const override;
    // The run chosen is an archive (renamed back, not rolled back key by key).
    bool chosenIsArchive() const;
    // The run chosen is a sync into a folder (its files put back, no key space involved).
    bool chosenIsFolderSync() const;

Q_SIGNALS:
    // A step for another wizard (restore a backup or snapshot).
    void stepChosen(const pmkv::NextStep& step);

protected:
    void initializePage(int id) override;

private:
    QWizardPage* makeHistoryPage();
    QWizardPage* makePreviewPage();
    void loadHistory();
    void showPreview();
    void startRollback();
    void startArchiveUndo();
    void startFolderSyncUndo();
    void showOutcome(Result<RollbackWorkflow::Outcome> result, const QStringList& warnings);

    Setup m_setup;
    WorkflowRunner* m_runner;
    RunHistoryList* m_history = nullptr;
    QLabel* m_historyNote = nullptr;
    ConnectionPage* m_connection;
    QTreeWidget* m_preview = nullptr;
    QLabel* m_previewSummary = nullptr;
    QCheckBox* m_force = nullptr;
    WorkflowProgressPage* m_run;
    WorkflowReportPage* m_report;
    // The dry run the connection page made (on the worker) for the preview.
    std::shared_ptr<std::optional<RollbackWorkflow::Outcome>> m_dryRun;
    std::optional<RollbackWorkflow::Outcome> m_outcome;
    bool m_historyLoaded = false;
};

} // namespace pmkv
