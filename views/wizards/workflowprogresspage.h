#pragma once

#include "jobs/jobprogress.h"

#include <QWizardPage>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace pmkv {

class WorkflowRunner;

// The run page every wizard shares: a bar, the phase, its count and rate in the phase's unit
// (ProgressWording), the time left and Cancel, fed by a WorkflowRunner's queued signals.
// Showing the page calls the wizard's `start` (which starts the runner); the page is complete
// when the job ended, and then, with auto-advance, the wizard moves on to the report by
// itself. Back is closed once the page is shown (a commit page): a run is not undone by going
// back.
class WorkflowProgressPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit WorkflowProgressPage(WorkflowRunner* runner, QWidget* parent = nullptr);

    void setStart(std::function<void()> start) { m_start = std::move(start); }
    void setAutoAdvance(bool on) { m_autoAdvance = on; }

    void initializePage() override;
    bool isComplete() const override;

    QString phaseText() const;
    QString countText() const;
    QString rateText() const;
    QString etaText() const;
    int percent() const;
    QPushButton* cancelButton() const { return m_cancel; }

    // "about 3 min 20 s left"; empty when unknown.
    static QString formatEta(double seconds);

private:
    void showProgress(const JobProgress& progress);
    void showCancelling();
    void showFinished();

    WorkflowRunner* m_runner;
    std::function<void()> m_start;
    bool m_autoAdvance = true;
    bool m_ended = false;
    // Shown and waiting for its own job: a job the runner finished before (a wizard's earlier
    // step on the same runner) does not end this page.
    bool m_active = false;
    QLabel* m_phase;
    QProgressBar* m_bar;
    QLabel* m_counts;
    QLabel* m_rate;
    QLabel* m_eta;
    QPushButton* m_cancel;
};

} // namespace pmkv
