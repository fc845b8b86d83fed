// MainWindow's part that opens the wizards, the phase dashboard and the local environment
// panel, and takes a next step by opening the right one.
#include "mainwindow.h"

#include "archivewizard.h"
#include "backupchoicepage.h"
#include "backupwizard.h"
#include "comparisonwindow.h"
#include "connections/profilestore.h"
#include "diffwizard.h"
#include "jobtarget.h"
#include "kvloader.h"
#include "localenvpanel.h"
#include "pathfield.h"
#include "phasedashboard.h"
#include "stepcaption.h"
#include "wizardlauncher.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QWizard>

#include <type_traits>

namespace pmkv {

JobTarget MainWindow::jobTarget() const
{
    JobTarget target;
    target.root = m_root;
    target.paths = jobPaths();
    if (m_connected) {
        target.profile = m_kvLoader->profile();
        target.profileSaved = m_profiles->contains(target.profile->name);
        target.typedSecret = m_kvLoader->sessionOptions().typedSecret;
        target.readOnlyToken = m_kvLoader->sessionOptions().typedReadOnlyToken;
    }
    return target;
}

void MainWindow::addWizardActions(QMenu* menu)
{
    menu->addAction(tr("&Back Up, Verify or Restore..."), this,
                    [this] { takeStep(NextStep::forPath(NextStep::Action::Backup, m_root)); });
    menu->addAction(tr("&Compare Two Sides..."), this,
                    [this] { takeStep(NextStep::forPath(NextStep::Action::Diff, m_root)); });
    QAction* archive = menu->addAction(tr("A&rchive the Folder..."), this, [this] {
        takeStep(NextStep::forPath(NextStep::Action::Archive, m_root));
    });
    archive->setObjectName(QStringLiteral("archiveAction")); // enabled once a folder is open
    menu->setToolTipsVisible(true);                          // a disabled action says why
}

void MainWindow::takeStep(const NextStep& step)
{
    using A = NextStep::Action;
    // Non-modal, deleted on close; the steps its report offers come back here.
    auto openWizard = [this](auto* wizard) {
        using Wizard = std::remove_pointer_t<decltype(wizard)>;
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard, &Wizard::stepChosen, this, &MainWindow::takeStep);
        wizard->show();
    };
    switch (step.action) {
    case A::Backup:
    case A::RestoreBackup:
    case A::RestoreOverwrite: {
        auto* wizard = new BackupWizard(jobTarget(), this);
        if (step.action != A::Backup) {
            wizard->choicePage()->setMode(BackupChoicePage::Mode::Restore);
            wizard->choicePage()->restoreFromField()->setPath(step.path);
        }
        openWizard(wizard);
        return;
    }
    case A::Archive:
        openWizard(new ArchiveWizard(jobTarget(), this));
        return;
    case A::Diff: {
        auto* wizard = new DiffWizard(jobTarget(), this);
        connect(wizard, &DiffWizard::openDifferences, this, &MainWindow::openDifferences);
        connect(wizard, &DiffWizard::openComparison, this, &MainWindow::showComparison);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->show();
        return;
    }
    case A::ResumeRun:
    case A::RollbackRun:
    case A::RollbackForce:
    case A::UndoArchive:
    case A::Migrate:
    case A::MigrateOverwrite:
    case A::PlanAgain:
        m_wizards->takeStep(step); // the migrate and rollback wizards
        return;
    case A::StartLocalKv:
        showLocalEnv();
        return;
    case A::ShowStatus:
        showDashboard();
        return;
    case A::GiveKeySpace:
    case A::FixConnection:
    case A::ChooseTarget:
        showConnections();
        return;
    default:
        statusBar()->showMessage(
            tr("Next: %1 (from the Migration menu).").arg(StepCaption::text(step)), 10000);
        return;
    }
}

void MainWindow::showDashboard()
{
    if (!m_dashboardDock) {
        m_dashboard = new PhaseDashboard;
        m_dashboardDock = new QDockWidget(tr("Migration Phases"), this);
        m_dashboardDock->setObjectName(QStringLiteral("phaseDashboard"));
        m_dashboardDock->setWidget(m_dashboard);
        addDockWidget(Qt::RightDockWidgetArea, m_dashboardDock);
        connect(m_dashboard, &PhaseDashboard::stepRequested, this, &MainWindow::takeStep);
    }
    m_dashboardDock->show();
    m_dashboardDock->raise();
    if (!m_root.isEmpty())
        m_dashboard->setTarget(jobTarget());
}

void MainWindow::showLocalEnv()
{
    if (!m_envDock) {
        m_localEnv = new LocalEnvPanel(LocalEnv::Options());
        m_envDock = new QDockWidget(tr("Local Environment"), this);
        m_envDock->setObjectName(QStringLiteral("localEnvironment"));
        m_envDock->setWidget(m_localEnv);
        addDockWidget(Qt::RightDockWidgetArea, m_envDock);
        connect(m_localEnv, &LocalEnvPanel::connectRequested, this,
                [this](const ConnectionProfile& profile, const QByteArray& token) {
                    connectTo(profile, token);
                });
    }
    m_envDock->show();
    m_envDock->raise();
}

// Any two sides the diff wizard compared, in a dock of this window: the aligned view and the
// diff view over the report (ComparisonWindow), below the window's own trees; several at once.
ComparisonWindow* MainWindow::showComparison(std::shared_ptr<const DiffReport> report)
{
    auto* comparison = new ComparisonWindow(std::move(report), nullptr, Qt::Widget);
    auto* dock = new QDockWidget(tr("Compare %1").arg(comparison->windowTitle()), this);
    dock->setObjectName(QStringLiteral("comparisonDock%1").arg(++m_comparisons));
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setWidget(comparison);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {height() * 2 / 3}, Qt::Vertical);
    dock->show();
    dock->raise();
    return comparison;
}

} // namespace pmkv
