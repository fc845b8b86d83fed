#pragma once

#include "core/nextstep.h"
#include "jobtarget.h"
#include "workflows/statusworkflow.h"

#include <QWidget>

#include <array>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pmkv {

// The six migration phases of the open folder and connection, as StatusWorkflow (the engine
// of `pmkv status`) decides them: the phase reached, what is done, where the data stands
// (facts, the sampled validation), the runs, and the next safe step as a button. The status
// is computed on a worker thread; a result older than the last refresh is dropped.
class PhaseDashboard final : public QWidget
{
    Q_OBJECT

public:
    explicit PhaseDashboard(QWidget* parent = nullptr);

    void setTarget(const JobTarget& target);
    // Computes the status again (off the GUI thread).
    void refresh();

    bool isBusy() const { return m_busy; }
    // The last outcome shown; none before the first one or after a failure.
    const std::optional<StatusWorkflow::Outcome>& outcome() const { return m_outcome; }
    QPushButton* nextButton() const { return m_next; }
    QString phaseText(int phase) const;
    QString adviceText() const;
    QString errorText() const;
    QTreeWidget* runsList() const { return m_runs; }
    QString attentionText() const;

Q_SIGNALS:
    // The status was shown (or its failure).
    void updated();
    // The user asked for the next step: the main window opens the wizard that takes it.
    void stepRequested(const NextStep& step);

private:
    void showStatus(quint64 generation, const Result<StatusWorkflow::Outcome>& status);
    void showPhases(int current);
    void showRuns(const QVector<JournalRun>& runs, const QVector<Error>& unreadable);

    JobTarget m_target;
    std::optional<StatusWorkflow::Outcome> m_outcome;
    quint64 m_generation = 0;
    bool m_busy = false;
    QLabel* m_where;
    std::array<QLabel*, 6> m_phases{};
    QLabel* m_facts;
    QLabel* m_unfinished;
    QLabel* m_advice;
    QLabel* m_error;
    QPushButton* m_next;
    QPushButton* m_refresh;
    QTreeWidget* m_runs;
};

} // namespace pmkv
