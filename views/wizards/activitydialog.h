#pragma once

#include "jobs/jobpaths.h"
#include "jobs/journalrecords.h"

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace pmkv {

class RunHistoryList;
class WorkflowRunner;

// Activity: the run history (migrations, syncs, edits made in the app, restores, archives,
// rollbacks) and the audit log, read off the GUI thread. A run opens its saved report, and
// one the journal allows to undo offers Undo (the rollback wizard, preselected).
class ActivityDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ActivityDialog(JobPaths paths, QWidget* parent = nullptr);

    void refresh();
    RunHistoryList* runs() const { return m_runs; }
    QTreeWidget* audit() const { return m_audit; }
    QPushButton* undoButton() const { return m_undo; }
    QPushButton* reportButton() const { return m_report; }
    // The saved report of the selected run (Markdown); empty when it has none.
    QString reportOfSelected() const;

Q_SIGNALS:
    void loaded();
    void undoAsked(const QString& runId);

private:
    struct Activity
    {
        QVector<JournalRun> runs;
        QVector<QJsonObject> audit;
        QStringList reports; // run ids with a saved report
        QString auditError;
        QStringList unreadableJournals; // why each journal that cannot be read is unreadable
    };
    void showActivity(const Activity& activity);
    void selectionChanged();

    JobPaths m_paths;
    WorkflowRunner* m_runner;
    QTabWidget* m_tabs;
    RunHistoryList* m_runs;
    QTreeWidget* m_audit;
    QLabel* m_note;
    QPushButton* m_report;
    QPushButton* m_undo;
    QStringList m_reports;
};

} // namespace pmkv
