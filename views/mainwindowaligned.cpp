// MainWindow's aligned mode: the files and the key space as one entity hierarchy, row by row
// (AlignedPane over an AlignedTree built off the GUI thread), instead of the file tree beside
// the namespace tree. The detail pane and the write actions keep working from the hidden
// trees' selection, which the aligned pane drives.
#include "alignedpane.h"
#include "alignedtree.h"
#include "alignedtreemodel.h"
#include "filepane.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

// Rows are rebuilt at most this often while a scan or a comparison streams in.
constexpr int kRebuildDelayMs = 1000;

} // namespace

void MainWindow::createAlignedMode(QMenu* view)
{
    m_alignedPane = new AlignedPane(this);
    m_sideModes = new QStackedWidget(this);
    m_sideModes->setObjectName(QStringLiteral("sideModes"));
    m_outer->replaceWidget(0, m_sideModes);
    m_sideModes->addWidget(m_sides);
    m_sideModes->addWidget(m_alignedPane);
    m_alignedTimer = new QTimer(this);
    m_alignedTimer->setSingleShot(true);
    m_alignedTimer->setInterval(kRebuildDelayMs);
    connect(m_alignedTimer, &QTimer::timeout, this, &MainWindow::rebuildAlignedTree);

    view->addSeparator();
    m_alignedAction = view->addAction(tr("&Aligned Mode"));
    m_alignedAction->setObjectName(QStringLiteral("alignedMode"));
    m_alignedAction->setCheckable(true);
    m_alignedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_alignedAction->setToolTip(
        tr("Files and keys as one hierarchy, row by row; off: the key space as a namespace tree"));
    connect(m_alignedAction, &QAction::toggled, this, &MainWindow::setAlignedMode);

    auto rebuild = [this] { scheduleAlignedRebuild(); };
    connect(this, &MainWindow::alignmentReady, this, rebuild);
    connect(m_kvLoader, &KvLoader::fileStatesReady, this, rebuild);
    connect(m_kvLoader, &KvLoader::comparisonFinished, this, rebuild);
    connect(m_kvLoader, &KvLoader::scanFinished, this, rebuild);
    connect(m_kvLoader, &KvLoader::written, this, rebuild);
    connect(m_kvPane->model(), &QAbstractItemModel::modelReset, this, rebuild);

    connect(m_alignedPane, &AlignedPane::currentRowChanged, this, &MainWindow::showAlignedRow);
    connect(m_alignedPane, &AlignedPane::contextMenuRequested, this, &MainWindow::showTreeMenu);
    connect(m_filePane, &FilePane::currentPathChanged, this, &MainWindow::followSelectionInAligned);
    connect(m_kvPane, &KvPane::currentKeyChanged, this, &MainWindow::followSelectionInAligned);
    // The resolving actions follow the selection, saying why when they cannot run.
    auto actions = [this] { updateActions(); };
    connect(m_filePane, &FilePane::currentPathChanged, this, actions);
    connect(m_kvPane, &KvPane::currentKeyChanged, this, actions);
    // (queued: after the window took the value in)
    connect(m_kvLoader, &KvLoader::valueLoaded, this, actions, Qt::QueuedConnection);
    connect(m_kvLoader, &KvLoader::opened, this, actions);
    connect(this, &MainWindow::alignmentReady, this, actions);
    connect(this, &MainWindow::writeFinished, this, actions);
    // The file tree's context menu; the key tree's is the key browser's actions, with the
    // copies added.
    m_filePane->view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_filePane->view(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) {
                showTreeMenu(true, m_filePane->view()->viewport()->mapToGlobal(pos));
            });
    for (const char* name : {"copyKvToFile", "copyFileToKv"}) {
        if (auto* action = findChild<QAction*>(QLatin1String(name)))
            m_kvPane->view()->addAction(action);
    }
    m_alignedAction->setChecked(QSettings().value(kAlignedModeSetting, true).toBool());
    connect(m_alignedPane, &AlignedPane::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_alignedPane, &AlignedPane::connectRequested, this, &MainWindow::showConnections);
    connect(m_filePane, &FilePane::openRequested, this, &MainWindow::chooseFolder);
    showWhatIsOpen();
}

// Each pane says what it still lacks (a folder, a connection) and offers it.
void MainWindow::showWhatIsOpen()
{
    m_filePane->setFolderOpen(!m_root.isEmpty());
    m_alignedPane->setSidesOpen(!m_root.isEmpty(), m_connected);
}

bool MainWindow::isAlignedMode() const
{
    return m_sideModes && m_sideModes->currentWidget() == m_alignedPane;
}

void MainWindow::setAlignedMode(bool aligned)
{
    if (m_alignedAction->isChecked() != aligned) {
        m_alignedAction->setChecked(aligned); // (toggled() calls back)
        return;
    }
    if (aligned == isAlignedMode())
        return;
    if (aligned) {
        // The hidden trees carry the selection for the detail pane and the actions: none of
        // their own filters may hide a row the aligned pane selects.
        m_filePane->searchBox()->clear();
        m_filePane->filterBox()->setCurrentIndex(0);
        m_filePane->kindBox()->setCurrentIndex(0);
        m_filePane->onlyProblemsBox()->setChecked(false);
        m_kvPane->searchBox()->clear();
        m_kvPane->applySearch();
        m_kvPane->filterBox()->setCurrentIndex(0);
    }
    m_sideModes->setCurrentWidget(aligned ? static_cast<QWidget*>(m_alignedPane) : m_sides);
    if (aligned)
        rebuildAlignedTree();
}

void MainWindow::scheduleAlignedRebuild()
{
    if (isAlignedMode() && !m_alignedTimer->isActive())
        m_alignedTimer->start();
}

// The rows from what is loaded now: the folder's alignment, the keys the scan found and the
// comparison's states. Only the key states are gathered here (one pass over the layout's keys,
// as node ids); their names are spelled out and the tree is built on a worker.
void MainWindow::rebuildAlignedTree()
{
    if (!isAlignedMode())
        return;
    if (m_alignedBuilding) {
        m_alignedAgain = true;
        return;
    }
    m_alignedTimer->stop();
    const std::shared_ptr<const Alignment> alignment = m_alignment;
    const std::shared_ptr<const FileTreeSnapshot> files = m_snapshot;
    if (m_root.isEmpty() || !m_connected) {
        ++m_alignedGeneration;
        m_alignedPane->setTree(nullptr);
        Q_EMIT alignedTreeReady();
        return;
    }
    if (!alignment || !files)
        return; // the folder is being read again (F5): its rows stay until alignmentReady

    m_alignedBuilding = true;
    const quint64 generation = ++m_alignedGeneration;
    // (only the layout's namespace: the keys outside it are no entities)
    KvKeyStates keys = m_kvPane->model()->keyStateSnapshot(alignment->layout().prefix().toUtf8());
    QHash<QByteArray, SyncState> compared = m_kvPane->model()->statesOfMissingKeys();
    auto* watcher = new QFutureWatcher<std::shared_ptr<const AlignedTree>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_alignedBuilding = false;
        if (generation == m_alignedGeneration) {
            m_syncingAligned = true; // (the same row again: no new detail)
            m_alignedPane->setTree(watcher->result());
            m_syncingAligned = false;
            // The first rows: the row selected before they came (--select, a report's link).
            if (!m_alignedPane->fileView()->currentIndex().isValid())
                followSelectionInAligned();
            Q_EMIT alignedTreeReady();
        }
        if (m_alignedAgain) {
            m_alignedAgain = false;
            scheduleAlignedRebuild();
        }
    });
    watcher->setFuture(QtConcurrent::run(
        [alignment, files, keys = std::move(keys), compared = std::move(compared)] {
            return AlignedTree::build(*alignment, *files, keys.items(), compared);
        }));
}

// A row of the aligned pane selected: the hidden trees select its file and its key, so the
// detail pane and the actions see what they see in the other mode.
void MainWindow::showAlignedRow(const QString& entityPath, const QByteArray& key)
{
    if (m_syncingAligned)
        return;
    m_syncingAligned = true;
    if (!entityPath.isEmpty() && m_filePane->selectEntityPath(entityPath)) {
        // (selecting the file selects its key, or says why there is none)
    } else if (!key.isEmpty()) {
        m_filePane->view()->setCurrentIndex(QModelIndex());
        if (!m_kvPane->selectKey(key)) {
            m_kvPane->view()->setCurrentIndex(QModelIndex());
            clearKeyDetail(tr("The key %1 is not loaded yet (the scan is partial).")
                               .arg(QString::fromUtf8(key)));
        }
    } else {
        m_filePane->view()->setCurrentIndex(QModelIndex());
        m_kvPane->view()->setCurrentIndex(QModelIndex());
    }
    m_syncingAligned = false;
}

// The hidden trees' selection moved (a jump from the overview, an action): the aligned pane
// follows.
void MainWindow::followSelectionInAligned()
{
    if (m_syncingAligned || !isAlignedMode())
        return;
    m_syncingAligned = true;
    const QString path = m_filePane->currentEntityPath();
    if (path.isEmpty() || !m_alignedPane->selectEntityPath(path))
        m_alignedPane->selectKey(m_kvPane->currentKey());
    m_syncingAligned = false;
}

void MainWindow::expandTrees(bool expand)
{
    const QList<QTreeView*> trees =
        isAlignedMode() ? QList<QTreeView*>{m_alignedPane->keyView(), m_alignedPane->fileView()}
                        : QList<QTreeView*>{m_filePane->view()};
    for (QTreeView* tree : trees) {
        if (expand)
            tree->expandAll();
        else
            tree->collapseAll();
    }
}

// The actions of the selected row's state, on either tree; disabled ones say why (tooltip).
// Shown with popup(): no nested event loop.
void MainWindow::showTreeMenu(bool fileSide, const QPoint& globalPos)
{
    updateActions();
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("treeMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    const QStringList names =
        fileSide ? QStringList{QStringLiteral("copyFileToKv"), QStringLiteral("copyKvToFile"),
                               QStringLiteral("deleteKey")}
                 : QStringList{QStringLiteral("copyKvToFile"), QStringLiteral("copyFileToKv"),
                               QStringLiteral("deleteKey"), QStringLiteral("saveKeyEdit")};
    for (const QString& name : names) {
        if (auto* action = findChild<QAction*>(name))
            menu->addAction(action);
    }
    menu->popup(globalPos);
}

} // namespace pmkv
