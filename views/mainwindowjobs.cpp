// The Migration menu of MainWindow: the wizards, opened with what the window has open.
#include "connections/profilestore.h"
#include "filepane.h"
#include "kvloader.h"
#include "mainwindow.h"
#include "wizardlauncher.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>

namespace pmkv {

void MainWindow::createJobActions()
{
    m_wizards = new WizardLauncher(this, [this] {
        WizardLauncher::WindowState s;
        s.root = m_root;
        if (m_snapshot) // shares the window's scan, no copy
            s.index = std::shared_ptr<const PmIndex>(m_snapshot, &m_snapshot->index());
        s.profiles = m_profiles->list();
        s.profileName = m_lastConnection;
        if (m_connected) {
            s.openProfile = m_kvLoader->profile();
            s.openSecret = m_kvLoader->sessionOptions().typedSecret;
            s.openReadOnlyToken = m_kvLoader->sessionOptions().typedReadOnlyToken;
        }
        const QString selected = m_filePane->currentPath();
        if (!selected.isEmpty())
            s.selectedProjects = {selected.section(QLatin1Char('/'), 0, 0)};
        s.paths = jobPaths();
        return s;
    });
    connect(m_wizards, &WizardLauncher::openDifferences, this, &MainWindow::openDifferences);

    connect(m_wizards, &WizardLauncher::stepElsewhere, this, &MainWindow::takeStep);

    QMenu* jobs = menuBar()->addMenu(tr("&Migration"));
    QAction* phases = jobs->addAction(tr("&Phases"), this, &MainWindow::showDashboard);
    phases->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    jobs->addSeparator();
    QAction* migrate =
        jobs->addAction(tr("&Migrate Folder to KV..."), m_wizards, &WizardLauncher::openMigrate);
    migrate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    migrate->setObjectName(QStringLiteral("migrateAction"));
    QAction* rollback = jobs->addAction(tr("&Roll Back a Run..."), m_wizards,
                                        [this] { m_wizards->openRollback(); });
    rollback->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Z));
    rollback->setObjectName(QStringLiteral("rollbackAction"));
    addWizardActions(jobs);
    jobs->addSeparator();
    QAction* activity =
        jobs->addAction(tr("&Activity..."), m_wizards, &WizardLauncher::openActivity);
    activity->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    activity->setObjectName(QStringLiteral("activityAction"));
    jobs->addAction(tr("&Local Environment"), this, &MainWindow::showLocalEnv);
}

// A wizard's "open the differences": the folder against the key space, in this window.
void MainWindow::openDifferences(const QString& root, const ConnectionProfile& profile)
{
    if (root != m_root)
        openFolder(root);
    connectTo(profile);
    raise();
    activateWindow();
}

} // namespace pmkv
