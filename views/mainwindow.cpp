#include "mainwindow.h"

#include "documentview.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "kvpane.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>

namespace pmkv {
namespace {

const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kOuterSplit = QStringLiteral("mainWindow/outerSplitter");
const QString kSideSplit = QStringLiteral("mainWindow/sideSplitter");
const QString kLastFolder = QStringLiteral("files/lastFolder");

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("PMKV Studio"));
    m_loader = new FolderLoader(this);
    m_filePane = new FilePane(this);
    m_kvPane = new KvPane(this);
    m_documentView = new DocumentView(this);

    m_sides = new QSplitter(Qt::Horizontal, this);
    m_sides->setObjectName(QStringLiteral("sideSplitter"));
    m_sides->addWidget(m_filePane);
    m_sides->addWidget(m_kvPane);
    m_sides->setStretchFactor(0, 3);
    m_sides->setStretchFactor(1, 2);
    m_outer = new QSplitter(Qt::Vertical, this);
    m_outer->setObjectName(QStringLiteral("outerSplitter"));
    m_outer->addWidget(m_sides);
    m_outer->addWidget(m_documentView);
    m_outer->setStretchFactor(0, 3);
    m_outer->setStretchFactor(1, 2);
    setCentralWidget(m_outer);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_status, 1);
    m_status->setText(tr("Open a pm/ folder with Ctrl+O."));

    createActions();
    restoreLayout();

    connect(m_loader, &FolderLoader::started, this, [this](const QString& root) {
        m_status->setText(tr("Reading %1 ...").arg(QDir::toNativeSeparators(root)));
    });
    connect(m_loader, &FolderLoader::loaded, this, &MainWindow::showSnapshot);
    connect(m_loader, &FolderLoader::failed, this, [this](const QString&, const QString& message) {
        m_status->setText(message);
        QMessageBox::warning(this, tr("Cannot open folder"), message);
    });
    connect(m_filePane, &FilePane::currentPathChanged, this, &MainWindow::showSelection);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Folder..."), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    QAction* reload = file->addAction(tr("&Reload"), this, [this] {
        if (!m_root.isEmpty())
            m_loader->load(m_root);
    });
    reload->setShortcuts({QKeySequence::Refresh, QKeySequence(Qt::CTRL | Qt::Key_R)});
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Find..."), this, [this] {
        m_filePane->searchBox()->setFocus();
        m_filePane->searchBox()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction* expand =
        view->addAction(tr("&Expand All"), this, [this] { m_filePane->view()->expandAll(); });
    expand->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    QAction* collapse =
        view->addAction(tr("&Collapse All"), this, [this] { m_filePane->view()->collapseAll(); });
    collapse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About PMKV Studio"), this, [this] {
        QMessageBox::about(
            this, tr("About PMKV Studio"),
            tr("<b>PMKV Studio %1</b><p>Browse, check and migrate a pm/ JSON tree to "
               "Redis and Upstash.</p>")
                .arg(QStringLiteral(PMKV_VERSION)));
    });
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometry).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(kState).toByteArray());
    m_outer->restoreState(settings.value(kOuterSplit).toByteArray());
    m_sides->restoreState(settings.value(kSideSplit).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    settings.setValue(kOuterSplit, m_outer->saveState());
    settings.setValue(kSideSplit, m_sides->saveState());
    if (!m_root.isEmpty())
        settings.setValue(kLastFolder, m_root);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

void MainWindow::chooseFolder()
{
    const QString start =
        m_root.isEmpty() ? QSettings().value(kLastFolder, QDir::homePath()).toString() : m_root;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a pm/ folder"), start);
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::openFolder(const QString& root, const QString& select)
{
    m_root = QDir(root).absolutePath();
    m_pendingSelection = select;
    setWindowTitle(tr("PMKV Studio - %1").arg(QDir::toNativeSeparators(m_root)));
    QSettings().setValue(kLastFolder, m_root);
    m_loader->load(m_root);
}

void MainWindow::showSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot, qint64 milliseconds)
{
    m_snapshot = snapshot;
    m_filePane->setSnapshot(snapshot);
    const PmIndex& index = snapshot->index();
    m_status->setText(
        tr("%1: %2 projects, %3 epics, %4 stories, %5 other files (%6 MB) - %7 errors, "
           "%8 warnings - read in %9 ms")
            .arg(QDir::toNativeSeparators(index.root))
            .arg(index.count(EntityKind::Project))
            .arg(index.count(EntityKind::Epic))
            .arg(index.count(EntityKind::Story))
            .arg(index.count(EntityKind::NonData))
            .arg(double(index.totalBytes) / 1e6, 0, 'f', 1)
            .arg(index.errorCount())
            .arg(index.warningCount())
            .arg(milliseconds));
    if (!m_pendingSelection.isEmpty() && !m_filePane->selectPath(m_pendingSelection))
        m_status->setText(m_status->text() +
                          tr(" - \"%1\" is not in this folder").arg(m_pendingSelection));
    m_pendingSelection.clear();
    if (m_filePane->currentPath().isEmpty())
        m_documentView->clear();
}

void MainWindow::showSelection(const QString& relativePath)
{
    if (!m_snapshot || relativePath.isEmpty()) {
        m_documentView->clear();
        return;
    }
    const QModelIndex index = m_filePane->view()->currentIndex();
    QVector<Problem> problems = m_snapshot->index().problemsFor(relativePath);
    // A project or epic folder stands for its project.json / epic.json.
    const Entity* entity = m_filePane->model()->entityAt(m_filePane->proxyToSource(index));
    if (entity) {
        if (entity->relativePath != relativePath)
            problems += m_snapshot->index().problemsFor(entity->relativePath);
        m_documentView->showEntity(entity, problems);
        return;
    }
    m_documentView->showFolder(relativePath, problems,
                               index.data(FileTreeModel::ErrorsRole).toInt(),
                               index.data(FileTreeModel::WarningsRole).toInt());
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

} // namespace pmkv
