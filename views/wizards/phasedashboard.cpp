#include "phasedashboard.h"

#include "jobs/journal.h"
#include "statustone.h"
#include "stepcaption.h"

#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {

namespace {

Result<StatusWorkflow::Outcome> computeStatus(const JobTarget& target)
{
    StatusWorkflow::Request request;
    request.root = target.root;
    std::unique_ptr<TargetSession> session;
    if (target.hasKeySpace()) {
        request.layoutSpec = target.profile->layout;
        request.prefix = target.profile->prefix;
        auto opened = target.openSession();
        if (opened)
            session = std::move(opened.value());
        else
            request.unreachable = opened.error();
    }
    request.session = session.get();
    return StatusWorkflow::run(request, target.context());
}

} // namespace

PhaseDashboard::PhaseDashboard(QWidget* parent)
    : QWidget(parent), m_where(new QLabel(this)), m_facts(new QLabel(this)),
      m_unfinished(new QLabel(this)), m_advice(new QLabel(this)), m_error(new QLabel(this)),
      m_next(new QPushButton(this)), m_refresh(new QPushButton(tr("Check again"), this)),
      m_runs(new QTreeWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_where);

    auto* phases = new QGroupBox(tr("Migration phases"), this);
    auto* phaseLayout = new QVBoxLayout(phases);
    for (int i = 0; i < 6; ++i) {
        m_phases[i] = new QLabel(phases);
        m_phases[i]->setObjectName(QStringLiteral("phase%1").arg(i + 1));
        phaseLayout->addWidget(m_phases[i]);
    }
    layout->addWidget(phases);

    auto* data = new QGroupBox(tr("Where the data stands"), this);
    auto* dataLayout = new QVBoxLayout(data);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataLayout->addWidget(m_facts);
    m_unfinished->setWordWrap(true);
    StatusTone::apply(m_unfinished, StatusTone::Tone::Bad, true);
    dataLayout->addWidget(m_unfinished);
    layout->addWidget(data);

    auto* next = new QGroupBox(tr("Next safe step"), this);
    auto* nextLayout = new QVBoxLayout(next);
    m_advice->setWordWrap(true);
    nextLayout->addWidget(m_advice);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_next);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    nextLayout->addLayout(buttons);
    m_error->setWordWrap(true);
    StatusTone::apply(m_error, StatusTone::Tone::Bad);
    nextLayout->addWidget(m_error);
    layout->addWidget(next);

    auto* runs = new QGroupBox(tr("Runs"), this);
    auto* runsLayout = new QVBoxLayout(runs);
    m_runs->setHeaderLabels({tr("Run"), tr("Kind"), tr("State"), tr("Message")});
    m_runs->setRootIsDecorated(false);
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    runsLayout->addWidget(m_runs);
    layout->addWidget(runs, 1);

    m_next->setVisible(false);
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (m_outcome && !m_outcome->next.isNone())
            Q_EMIT stepRequested(m_outcome->next);
    });
    connect(m_refresh, &QPushButton::clicked, this, &PhaseDashboard::refresh);
    showPhases(0);
}

void PhaseDashboard::setTarget(const JobTarget& target)
{
    m_target = target;
    const QString where = target.profile ? target.profile->name + QStringLiteral(" (") +
                                               target.profile->address + QStringLiteral(")")
                                         : tr("no connection");
    m_where->setText(tr("Folder: %1\nKey space: %2").arg(target.root, where));
    refresh();
}

void PhaseDashboard::refresh()
{
    if (m_target.root.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_refresh->setEnabled(false);
    m_advice->setText(tr("Checking the folder, the runs and the key space..."));
    auto* watcher = new QFutureWatcher<Result<StatusWorkflow::Outcome>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        showStatus(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(computeStatus, m_target));
}

QString PhaseDashboard::phaseText(int phase) const
{
    return phase >= 1 && phase <= 6 ? m_phases[phase - 1]->text() : QString();
}

QString PhaseDashboard::adviceText() const
{
    return m_advice->text();
}

QString PhaseDashboard::errorText() const
{
    return m_error->text();
}

QString PhaseDashboard::attentionText() const
{
    return m_unfinished->text();
}

void PhaseDashboard::showStatus(quint64 generation, const Result<StatusWorkflow::Outcome>& status)
{
    if (generation != m_generation)
        return; // a later refresh is on its way
    m_busy = false;
    m_refresh->setEnabled(true);
    if (!status) {
        m_outcome.reset();
        m_error->setText(status.error().message);
        m_advice->clear();
        m_next->setVisible(false);
        showPhases(0);
        Q_EMIT updated();
        return;
    }
    m_outcome = status.value();
    const StatusWorkflow::Outcome& s = *m_outcome;
    m_error->clear();
    showPhases(s.phase);
    QStringList facts;
    for (const QString& fact : s.facts)
        facts << QStringLiteral("\u2022 ") + fact;
    m_facts->setText(facts.join(QLatin1Char('\n')));
    // A journal that cannot be read may be of a run that did not finish: it needs a look too.
    QStringList attention;
    if (!s.unfinishedRun.isEmpty())
        attention << tr("Run %1 did not finish: it needs attention first.").arg(s.unfinishedRun);
    if (!s.unreadableJournals.isEmpty())
        attention << tr("%n journal(s) cannot be read: listed under Runs, with why. Fix them or "
                        "move them out of the runs folder; a new migration is refused meanwhile "
                        "if one is a migration's.",
                        nullptr, int(s.unreadableJournals.size()));
    m_unfinished->setText(attention.join(QLatin1Char('\n')));
    m_unfinished->setVisible(!attention.isEmpty());
    m_advice->setText(s.advice);
    m_next->setText(StepCaption::text(s.next));
    m_next->setVisible(!s.next.isNone());
    showRuns(s.runs, s.unreadableJournals);
    Q_EMIT updated();
}

void PhaseDashboard::showPhases(int current)
{
    for (int phase = 1; phase <= 6; ++phase) {
        QLabel* label = m_phases[phase - 1];
        QString mark = QStringLiteral("\u2003");
        if (phase < current)
            mark = QStringLiteral("\u2713");
        else if (phase == current)
            mark = QStringLiteral("\u25B6");
        label->setText(QStringLiteral("%1  %2. %3")
                           .arg(mark)
                           .arg(phase)
                           .arg(StatusWorkflow::phaseName(phase)));
        QFont font = label->font();
        font.setBold(phase == current);
        label->setFont(font);
        label->setEnabled(phase <= current);
    }
}

void PhaseDashboard::showRuns(const QVector<JournalRun>& runs, const QVector<Error>& unreadable)
{
    m_runs->clear();
    // Newest first: what was done last matters most. Both lists are oldest first by run id.
    auto run = runs.crbegin();
    auto broken = unreadable.crbegin();
    while (run != runs.crend() || broken != unreadable.crend()) {
        auto* item = new QTreeWidgetItem(m_runs);
        if (broken != unreadable.crend() && (run == runs.crend() || broken->next.runId > run->id)) {
            // What its file name tells, and why it cannot be read (the path is in the why).
            item->setText(0, broken->next.runId);
            item->setText(1, Journal::kindOfRunId(broken->next.runId));
            item->setText(2, broken->code == QLatin1String("journal.busy") ? tr("in use")
                                                                           : tr("unreadable"));
            item->setText(3, broken->message);
            for (int c = 0; c < m_runs->columnCount(); ++c)
                item->setToolTip(c, broken->message);
            ++broken;
            continue;
        }
        item->setText(0, run->id);
        item->setText(1, run->kind);
        item->setText(2, journalRunStateName(run->state));
        item->setText(3, run->message);
        ++run;
    }
}

} // namespace pmkv
