#pragma once

#include "jobs/journalrecords.h"

#include <QTreeWidget>

namespace pmkv {

// The journaled runs (migrations, syncs, edits made in the app, snapshot restores,
// archives, rollbacks), newest first: when, what, where it wrote, its state. A run the
// rollback job cannot undo is shown greyed with the job's reason as its tooltip.
class RunHistoryList final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit RunHistoryList(QWidget* parent = nullptr);

    void setRuns(const QVector<JournalRun>& runs);
    // The selected run's id; empty when none (or an undoable one is asked for and it is not).
    QString selectedRun() const;
    bool selectedIsUndoable() const;
    bool select(const QString& runId);
    const QVector<JournalRun>& runs() const { return m_runs; }
    const JournalRun* run(const QString& runId) const;

private:
    QVector<JournalRun> m_runs;
};

} // namespace pmkv
