#pragma once

#include "core/result.h"
#include "jobs/journalrecords.h"

#include <QTreeWidget>

namespace pmkv {

// The journaled runs (migrations, syncs, edits made in the app, snapshot restores,
// archives, rollbacks), newest first: when, what, where it wrote, its state. A run the
// rollback job cannot undo is shown greyed with the job's reason as its tooltip. A journal
// that cannot be read (Journal::scanRuns' errors) is listed among them, by what its file name
// tells (when, what, the file), greyed, not selectable, with why as its tooltip: a run nobody
// can undo until its journal is fixed, not one that vanished.
class RunHistoryList final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit RunHistoryList(QWidget* parent = nullptr);

    void setRuns(const QVector<JournalRun>& runs, const QVector<Error>& unreadable = {});
    // Makes the newest run that can be selected the current one; false when there is none.
    bool selectNewest();
    // The selected run's id; empty when none (or an undoable one is asked for and it is not).
    QString selectedRun() const;
    bool selectedIsUndoable() const;
    bool select(const QString& runId);
    const QVector<JournalRun>& runs() const { return m_runs; }
    const JournalRun* run(const QString& runId) const;

private:
    void addRun(const JournalRun& run);
    void addUnreadable(const Error& why);

    QVector<JournalRun> m_runs;
};

} // namespace pmkv
