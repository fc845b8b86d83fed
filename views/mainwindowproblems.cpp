// MainWindow's Problems panel: every problem of the open folder, grouped as `pmkv scan` prints
// them and expandable to the files; activating a file selects it in the file tree.
#include "filepane.h"
#include "mainwindow.h"
#include "problemgrouptree.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenu>

namespace pmkv {

void MainWindow::createProblemsPanel(QMenu* viewMenu)
{
    m_problemTree = new ProblemGroupTree;
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problemTree);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide(); // until asked for (the layout remembers it)
    connect(m_problemTree, &ProblemGroupTree::fileActivated, this,
            [this](const QString& path) { m_filePane->selectPath(path); });
    QAction* toggle = m_problemsDock->toggleViewAction();
    toggle->setText(tr("&Problems"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    toggle->setObjectName(QStringLiteral("problemsAction"));
    viewMenu->addSeparator();
    viewMenu->addAction(toggle);
}

void MainWindow::showProblems(const PmIndex& index)
{
    m_problemTree->setProblems(index.problems);
    const int errors = index.errorCount(), warnings = index.warningCount();
    if (errors + warnings == 0) {
        m_problemsDock->setWindowTitle(tr("Problems"));
        return;
    }
    m_problemsDock->setWindowTitle(
        tr("Problems: %1, %2")
            .arg(errors == 1 ? tr("1 error") : tr("%L1 errors").arg(errors),
                 warnings == 1 ? tr("1 warning") : tr("%L1 warnings").arg(warnings)));
}

} // namespace pmkv
