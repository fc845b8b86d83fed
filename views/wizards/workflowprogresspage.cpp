#include "workflowprogresspage.h"

#include "progresswording.h"
#include "workflowrunner.h"

#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace pmkv {

namespace {
QString phaseName(const QString& phase)
{
    if (phase == QLatin1String("plan"))
        return WorkflowProgressPage::tr("Planning");
    if (phase == QLatin1String("write"))
        return WorkflowProgressPage::tr("Writing keys");
    if (phase == QLatin1String("resume"))
        return WorkflowProgressPage::tr("Resuming the run");
    if (phase == QLatin1String("validate"))
        return WorkflowProgressPage::tr("Validating");
    if (phase == QLatin1String("rollback"))
        return WorkflowProgressPage::tr("Rolling back");
    if (phase == QLatin1String("backup"))
        return WorkflowProgressPage::tr("Backing up");
    if (phase == QLatin1String("snapshot"))
        return WorkflowProgressPage::tr("Taking a snapshot");
    if (phase.isEmpty())
        return WorkflowProgressPage::tr("Starting…");
    return phase.left(1).toUpper() + phase.mid(1);
}
} // namespace

WorkflowProgressPage::WorkflowProgressPage(WorkflowRunner* runner, QWidget* parent)
    : QWizardPage(parent), m_runner(runner), m_phase(new QLabel(this)),
      m_bar(new QProgressBar(this)), m_counts(new QLabel(this)), m_rate(new QLabel(this)),
      m_eta(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel the run"), this))
{
    setTitle(tr("Running"));
    setCommitPage(true);
    m_bar->setRange(0, 0);
    auto* form = new QFormLayout;
    form->addRow(tr("Done:"), m_counts);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Time left:"), m_eta);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_phase);
    layout->addWidget(m_bar);
    layout->addLayout(form);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    layout->addStretch(1);
    m_cancel->setToolTip(tr("Stops after the batch being written; the run can be resumed or "
                            "rolled back afterwards."));

    connect(m_cancel, &QPushButton::clicked, m_runner, &WorkflowRunner::cancel);
    connect(m_runner, &WorkflowRunner::progressed, this, &WorkflowProgressPage::showProgress);
    connect(m_runner, &WorkflowRunner::cancelRequested, this,
            &WorkflowProgressPage::showCancelling);
    connect(m_runner, &WorkflowRunner::finished, this, &WorkflowProgressPage::showFinished);
}

void WorkflowProgressPage::initializePage()
{
    m_ended = false;
    m_active = true;
    m_phase->setText(phaseName(QString()));
    m_bar->setRange(0, 0);
    m_counts->clear();
    m_rate->clear();
    m_eta->clear();
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel the run"));
    if (m_start)
        m_start();
    if (!m_runner->isRunning()) // refused at once: nothing will come
        showFinished();
}

bool WorkflowProgressPage::isComplete() const
{
    return m_ended;
}

QString WorkflowProgressPage::phaseText() const
{
    return m_phase->text();
}

QString WorkflowProgressPage::countText() const
{
    return m_counts->text();
}

QString WorkflowProgressPage::rateText() const
{
    return m_rate->text();
}

QString WorkflowProgressPage::etaText() const
{
    return m_eta->text();
}

int WorkflowProgressPage::percent() const
{
    return m_bar->maximum() > 0 ? m_bar->value() * 100 / m_bar->maximum() : 0;
}

QString WorkflowProgressPage::formatEta(double seconds)
{
    if (seconds < 0)
        return QString();
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return tr("about %1 s").arg(s);
    if (s < 3600)
        return tr("about %1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("about %1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

void WorkflowProgressPage::showProgress(const JobProgress& progress)
{
    if (!m_runner->isCancelling())
        m_phase->setText(phaseName(progress.phase));
    if (progress.total > 0) {
        // Scaled to per mille: QProgressBar holds ints, key counts may not fit.
        m_bar->setRange(0, 1000);
        m_bar->setValue(
            int(qBound(qint64(0), progress.done * 1000 / progress.total, qint64(1000))));
    } else {
        m_bar->setRange(0, 0);
    }
    m_counts->setText(ProgressWording::countText(progress));
    m_rate->setText(ProgressWording::rateText(progress));
    m_eta->setText(formatEta(progress.etaSeconds));
}

void WorkflowProgressPage::showCancelling()
{
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Stopping after the current batch…"));
}

void WorkflowProgressPage::showFinished()
{
    if (m_ended || !m_active)
        return;
    m_active = false;
    m_ended = true;
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Finished"));
    if (m_bar->maximum() == 0)
        m_bar->setRange(0, 1);
    m_eta->clear();
    Q_EMIT completeChanged();
    if (!m_autoAdvance)
        return;
    // Queued: this may run inside initializePage(), while the wizard is still switching pages.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (wizard() && wizard()->currentPage() == this)
                wizard()->next();
        },
        Qt::QueuedConnection);
}

} // namespace pmkv
