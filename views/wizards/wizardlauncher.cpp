#include "wizardlauncher.h"

#include "stopjobquestion.h"

#include "activitydialog.h"
#include "migratewizard.h"
#include "rollbackwizard.h"
#include "workflowrunner.h"

#include <QWidget>

#include <memory>

namespace pmkv {

namespace {
// The connections a wizard offers: the saved ones, and first the one open in the window, in
// place of a saved one of its name (it is what the window shows).
QList<ConnectionProfile> targets(const WizardLauncher::WindowState& s)
{
    QList<ConnectionProfile> profiles = s.profiles;
    if (s.openProfile) {
        profiles.removeIf(
            [&](const ConnectionProfile& p) { return p.name == s.openProfile->name; });
        profiles.prepend(*s.openProfile);
    }
    return profiles;
}
} // namespace

WizardLauncher::WizardLauncher(QWidget* window, StateSource state)
    : QObject(window), m_window(window), m_state(std::move(state))
{
}

QWizard* WizardLauncher::openMigrate()
{
    if (m_migrate) {
        m_migrate->raise();
        m_migrate->activateWindow();
        return m_migrate;
    }
    const WindowState s = m_state();
    MigrateWizard::Setup setup;
    setup.root = s.root;
    setup.index = s.index;
    setup.profiles = targets(s);
    setup.profileName = s.openProfile ? s.openProfile->name : s.profileName;
    setup.profileSecret = s.openSecret;
    setup.profileReadOnlyToken = s.openReadOnlyToken;
    setup.selectedProjects = s.selectedProjects;
    setup.paths = s.paths;
    auto* wizard = new MigrateWizard(setup, m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowFlag(Qt::Window);
    connect(wizard, &MigrateWizard::openDifferences, this, &WizardLauncher::openDifferences);
    connect(wizard, &MigrateWizard::stepChosen, this, &WizardLauncher::takeStep);
    m_migrate = wizard;
    wizard->show();
    return wizard;
}

QWizard* WizardLauncher::openRollback(const QString& runId)
{
    if (auto* open = qobject_cast<RollbackWizard*>(m_rollback.data())) {
        if (open->runner()->isRunning()) { // one rollback at a time
            open->raise();
            return open;
        }
        open->close();
    }
    const WindowState s = m_state();
    RollbackWizard::Setup setup;
    setup.profiles = targets(s);
    setup.profileName = s.openProfile ? s.openProfile->name : s.profileName;
    setup.profileSecret = s.openSecret;
    setup.profileReadOnlyToken = s.openReadOnlyToken;
    setup.runId = runId;
    setup.paths = s.paths;
    auto* wizard = new RollbackWizard(setup, m_window);
    connect(wizard, &RollbackWizard::stepChosen, this, &WizardLauncher::takeStep);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowFlag(Qt::Window);
    m_rollback = wizard;
    wizard->show();
    return wizard;
}

QWidget* WizardLauncher::openActivity()
{
    if (m_activity) {
        static_cast<ActivityDialog*>(m_activity.data())->refresh();
        m_activity->raise();
        return m_activity;
    }
    auto* dialog = new ActivityDialog(m_state().paths, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ActivityDialog::undoAsked, this,
            [this](const QString& runId) { openRollback(runId); });
    m_activity = dialog;
    dialog->show();
    return dialog;
}

void WizardLauncher::takeStep(const NextStep& step)
{
    switch (step.action) {
    case NextStep::Action::RollbackRun:
    case NextStep::Action::RollbackForce:
    case NextStep::Action::UndoArchive:
        openRollback(step.runId);
        break;
    case NextStep::Action::ResumeRun:
    case NextStep::Action::Migrate:
    case NextStep::Action::MigrateOverwrite:
    case NextStep::Action::PlanAgain:
        if (m_migrate && !qobject_cast<MigrateWizard*>(m_migrate)->runner()->isRunning())
            m_migrate->close();
        openMigrate();
        break;
    case NextStep::Action::ShowStatus:
        openActivity();
        break;
    default:
        Q_EMIT stepElsewhere(step);
        break;
    }
}

bool WizardLauncher::jobRunning() const
{
    if (auto* m = qobject_cast<MigrateWizard*>(m_migrate.data()); m && m->runner()->isRunning())
        return true;
    if (auto* r = qobject_cast<RollbackWizard*>(m_rollback.data()); r && r->runner()->isRunning())
        return true;
    return false;
}

void WizardLauncher::askToStopThen(const std::function<void()>& close)
{
    askToStopJob(m_window,
                 tr("Stop it after the current batch and quit? A migration stopped this way can "
                    "be resumed or rolled back later."),
                 QStringLiteral("quitWhileRunning"), [this, close] {
                     QList<WorkflowRunner*> running;
                     if (auto* m = qobject_cast<MigrateWizard*>(m_migrate.data()))
                         running << m->runner();
                     if (auto* r = qobject_cast<RollbackWizard*>(m_rollback.data()))
                         running << r->runner();
                     // Each runner calls back once stopped; the last one closes.
                     auto pending = std::make_shared<int>(int(running.size()));
                     for (WorkflowRunner* runner : std::as_const(running))
                         runner->cancelThen([pending, close] {
                             if (--*pending == 0)
                                 close();
                         });
                     if (running.isEmpty())
                         close();
                 });
}

} // namespace pmkv
