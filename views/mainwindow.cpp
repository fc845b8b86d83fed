#include "mainwindow.h"

#include "alignedpane.h"
#include "connections/profilestore.h"
#include "connectionsdialog.h"
#include "core/offthreadrelease.h"
#include "diffview.h"
#include "documentview.h"
#include "environmentband.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "jobs/auditlog.h"
#include "jobs/jobpaths.h"
#include "journaledcommand.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "legenddialog.h"
#include "overviewstrip.h"
#include "statuslabel.h"
#include "valuetableview.h"
#include "wizardlauncher.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace pmkv {
namespace {

const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kOuterSplit = QStringLiteral("mainWindow/outerSplitter");
const QString kSideSplit = QStringLiteral("mainWindow/sideSplitter");
const QString kLastFolder = QStringLiteral("files/lastFolder");
const QString kLastConnection = QStringLiteral("kv/lastConnection");

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("PMKV Studio"));
    m_loader = new FolderLoader(this);
    m_profiles = new ProfileStore;
    m_undo = new QUndoStack(this);
    m_filePane = new FilePane(this);
    m_kvPane = new KvPane(this);
    m_kvLoader = new KvLoader(m_kvPane->model(), this);
    m_documentView = new DocumentView(this);
    m_keyView = new DocumentView(this);
    m_keyView->setEditable(true); // edit a value, then Save Key Edit (Ctrl+S)
    m_keyView->setObjectName(QStringLiteral("keyView"));
    m_keyView->showMessage(tr("Select a key to see its value, type, TTL and size."));
    m_diffView = new DiffView(this);
    m_detail = new QTabWidget(this);
    m_detail->setObjectName(QStringLiteral("detailTabs"));
    m_detail->addTab(m_documentView, tr("File"));
    m_valueTable = new ValueTableView(this);
    m_keyStack = new QStackedWidget(this);
    m_keyStack->setObjectName(QStringLiteral("keyStack"));
    m_keyStack->addWidget(m_keyView);
    m_keyStack->addWidget(m_valueTable);
    m_detail->addTab(m_keyStack, tr("Key"));
    m_detail->addTab(m_diffView, tr("Differences"));

    m_sides = new QSplitter(Qt::Horizontal, this);
    m_sides->setObjectName(QStringLiteral("sideSplitter"));
    m_sides->addWidget(m_filePane);
    m_sides->addWidget(m_kvPane);
    m_sides->setStretchFactor(0, 1);
    m_sides->setStretchFactor(1, 1);
    m_outer = new QSplitter(Qt::Vertical, this);
    m_outer->setObjectName(QStringLiteral("outerSplitter"));
    m_outer->addWidget(m_sides);
    m_outer->addWidget(m_detail);
    m_outer->setStretchFactor(0, 3);
    m_outer->setStretchFactor(1, 2);

    m_band = new EnvironmentBand(this);
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(4, 0, 4, 0);
    centralLayout->setSpacing(2);
    centralLayout->addWidget(m_band);
    centralLayout->addWidget(m_outer, 1);
    setCentralWidget(central);

    createStatusBar();
    m_overviewTimer = new QTimer(this);
    m_overviewTimer->setSingleShot(true);
    m_overviewTimer->setInterval(250);
    connect(m_overviewTimer, &QTimer::timeout, m_filePane, &FilePane::updateOverview);

    createActions();
    restoreLayout();

    connect(m_loader, &FolderLoader::started, this, [this](const QString& root) {
        m_status->showMessage(tr("Reading %1 ...").arg(QDir::toNativeSeparators(root)));
    });
    connect(m_loader, &FolderLoader::loaded, this, &MainWindow::showSnapshot);
    connect(m_loader, &FolderLoader::listed, this,
            [this](std::shared_ptr<const FileTreeSnapshot> listing, qint64 ms) {
                showFiles(listing);
                m_status->showMessage(tr("Listed %1 files in %2 ms; reading them ...")
                                          .arg(listing->index().entities.size())
                                          .arg(ms));
            });
    connect(m_loader, &FolderLoader::failed, this, [this](const QString&, const QString& message) {
        m_status->showMessage(message);
        QMessageBox::warning(this, tr("Cannot open folder"), message);
    });
    connect(m_filePane, &FilePane::currentPathChanged, this, &MainWindow::showSelection);
    connect(m_kvPane, &KvPane::currentKeyChanged, this, &MainWindow::showKeySelection);
    connect(m_kvPane, &KvPane::loadAllRequested, m_kvLoader, &KvLoader::loadAll);
    connect(m_kvPane, &KvPane::connectRequested, this, &MainWindow::showConnections);
    connect(m_kvPane, &KvPane::retryRequested, this, [this] {
        m_kvPane->showBanner(QString());
        m_kvLoader->reconnect();
    });
    connect(m_kvLoader, &KvLoader::progressChanged, this, &MainWindow::updateKvStatus);
    connect(m_kvLoader, &KvLoader::failed, this, [this](const QString& message) {
        m_kvPane->showBanner(tr("%1 - the keys and states shown are the last ones read (stale); "
                                "press Retry or F5 once the server is back.")
                                 .arg(message));
    });
    connect(m_kvLoader, &KvLoader::fileStatesReady, this,
            [this](const QVector<QPair<QString, SyncState>>& states) {
                m_filePane->model()->setStates(states);
                if (!m_overviewTimer->isActive())
                    m_overviewTimer->start();
            });
    connect(m_kvLoader, &KvLoader::comparisonFinished, this, [this] {
        m_filePane->updateOverview();
        // The selected entity's state may have arrived after it was selected.
        if (!m_filePane->currentEntityPath().isEmpty() && m_kvPane->currentKey().isEmpty())
            showSelection(m_filePane->currentPath());
    });
    connect(m_kvLoader, &KvLoader::scanFinished, this, [this] {
        if (!m_filePane->currentEntityPath().isEmpty() && m_kvPane->currentKey().isEmpty())
            showSelection(m_filePane->currentPath());
    });
    connect(m_kvLoader, &KvLoader::valueLoaded, this, [this](const KvValue& value) {
        m_cancelLoad->setEnabled(false);
        showValue(value);
    });
    connect(m_kvLoader, &KvLoader::valueProgress, this,
            [this](const QByteArray& key, qint64 loaded, qint64 total) {
                if (key != m_kvPane->currentKey())
                    return;
                m_cancelLoad->setEnabled(true);
                m_keyStack->setCurrentWidget(m_keyView);
                m_keyView->showLoading(QString::fromUtf8(key), loaded, total);
                m_detail->setCurrentIndex(KeyTab);
            });
    connect(m_kvLoader, &KvLoader::valueCancelled, this,
            [this](const QByteArray& key, qint64 loaded, qint64 total) {
                m_cancelLoad->setEnabled(false);
                m_lastValue = KvValue{};
                m_diffKey.clear();
                const double mb = 1024.0 * 1024.0;
                const QString text =
                    tr("Loading %1 was cancelled after %2 of %3 MiB. Select the key again to "
                       "load it.")
                        .arg(QString::fromUtf8(key))
                        .arg(double(loaded) / mb, 0, 'f', 1)
                        .arg(double(total) / mb, 0, 'f', 1);
                showKeyMessage(text.toHtmlEscaped());
                m_diffView->clear(text);
                showMessage(text);
            });
    connect(m_keyView, &DocumentView::cancelRequested, m_kvLoader, &KvLoader::cancelValue);
    connect(m_kvLoader, &KvLoader::written, this, [this](const QByteArray& key) {
        if (m_kvPane->currentKey() == key)
            m_kvLoader->fetchValue(key);
        Q_EMIT writeFinished(true, tr("Wrote %1.").arg(QString::fromUtf8(key)));
    });
    connect(m_kvLoader, &KvLoader::opened, this, &MainWindow::updateBand);
    connect(m_kvLoader, &KvLoader::readOnlyTokenFound, this, &MainWindow::updateBand);
    // (a large document is compared on a worker: the field copies wait for it)
    connect(m_diffView, &DiffView::computed, this, &MainWindow::updateActions);
    updateActions(); // nothing loaded yet: most actions say what to do first
}

MainWindow::~MainWindow()
{
    delete m_profiles;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Folder..."), this, &MainWindow::chooseFolder);
    open->setShortcut(QKeySequence::Open);
    QAction* connections =
        file->addAction(tr("&Connections..."), this, &MainWindow::showConnections);
    connections->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    file->setToolTipsVisible(true); // a disabled action says why
    QAction* leave = file->addAction(tr("&Disconnect"), this, &MainWindow::disconnectStore);
    leave->setObjectName(QStringLiteral("disconnect"));
    QAction* reload = file->addAction(tr("&Refresh"), this, [this] {
        if (!m_root.isEmpty())
            m_loader->load(m_root);
        m_kvPane->showBanner(QString());
        m_kvLoader->refresh();
    });
    reload->setObjectName(QStringLiteral("refresh"));
    reload->setShortcuts({QKeySequence::Refresh, QKeySequence(Qt::CTRL | Qt::Key_R)});
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->setToolTipsVisible(true); // a disabled write says why
    QAction* copy = edit->addAction(tr("Copy File Value to &KV"), this, [this] { copyFileToKv(); });
    copy->setObjectName(QStringLiteral("copyFileToKv"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right));
    QAction* back = edit->addAction(tr("Copy KV Value to &File"), this, [this] { copyKvToFile(); });
    back->setObjectName(QStringLiteral("copyKvToFile"));
    back->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left));
    QAction* fieldToKv =
        edit->addAction(tr("Copy &Field to KV"), this, [this] { copyFieldToKv(); });
    fieldToKv->setObjectName(QStringLiteral("copyFieldToKv"));
    fieldToKv->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    QAction* fieldToFile =
        edit->addAction(tr("Copy Field to F&ile"), this, [this] { copyFieldToFile(); });
    fieldToFile->setObjectName(QStringLiteral("copyFieldToFile"));
    fieldToFile->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_diffView->setFieldActions(fieldToKv, fieldToFile);
    // Unmodified, the shown (pretty) text is the value itself.
    auto editedText = [this] {
        return m_keyView->isModified() ? m_keyView->contentText().toUtf8() : m_lastValue.bytes;
    };
    QAction* save = edit->addAction(tr("&Save Key Edit"), this,
                                    [this, editedText] { saveKeyEdit(editedText()); });
    save->setObjectName(QStringLiteral("saveKeyEdit"));
    save->setShortcut(QKeySequence::Save);
    QAction* saveRaw = edit->addAction(tr("Save Key Edit As &Typed"), this, [this, editedText] {
        saveKeyEdit(editedText(), QString(), KeyEditBytes::AsTyped);
    });
    saveRaw->setObjectName(QStringLiteral("saveKeyEditAsTyped"));
    saveRaw->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setToolTipsVisible(true);
    // (the search box of the trees shown: the aligned pane's, or the file tree's)
    QAction* find = view->addAction(tr("&Find..."), this, [this] {
        QLineEdit* box = isAlignedMode() ? m_alignedPane->searchBox() : m_filePane->searchBox();
        box->setFocus();
        box->selectAll();
    });
    find->setObjectName(QStringLiteral("find"));
    find->setShortcut(QKeySequence::Find);
    QAction* findKey = view->addAction(tr("Find &Key..."), this, [this] {
        m_kvPane->searchBox()->setFocus();
        m_kvPane->searchBox()->selectAll();
    });
    findKey->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    // (in the Differences tab: its next change; in the trees: the next differing entity)
    QAction* next = view->addAction(tr("&Next Difference"), this, [this] { stepDifference(true); });
    next->setObjectName(QStringLiteral("nextDifference"));
    next->setShortcut(QKeySequence(Qt::Key_F7));
    QAction* prev =
        view->addAction(tr("&Previous Difference"), this, [this] { stepDifference(false); });
    prev->setObjectName(QStringLiteral("previousDifference"));
    prev->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_cancelLoad =
        view->addAction(tr("&Cancel Loading the Value"), m_kvLoader, &KvLoader::cancelValue);
    m_cancelLoad->setObjectName(QStringLiteral("cancelLoading"));
    m_cancelLoad->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelLoad->setEnabled(false); // only while a large value loads: Esc stays free otherwise
    QAction* expand = view->addAction(tr("&Expand All"), this, [this] { expandTrees(true); });
    expand->setObjectName(QStringLiteral("expandAll"));
    expand->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    QAction* collapse = view->addAction(tr("&Collapse All"), this, [this] { expandTrees(false); });
    collapse->setObjectName(QStringLiteral("collapseAll"));
    collapse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    createProblemsPanel(view);
    createAlignedMode(view);

    createKeyActions(view);
    createJobActions();
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* legend = help->addAction(tr("&Legend"), this, [this] {
        auto* dialog = new LegendDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // (beside the window, not modal)
    });
    legend->setObjectName(QStringLiteral("legend"));
    legend->setToolTip(tr("What the badge letters and the state shapes mean"));
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
    if (!m_outer->restoreState(settings.value(kOuterSplit).toByteArray()))
        m_outer->setSizes({2 * height() / 3, height() / 3}); // the trees first, then the detail
    m_sides->restoreState(settings.value(kSideSplit).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kState, saveState());
    settings.setValue(kOuterSplit, m_outer->saveState());
    settings.setValue(kSideSplit, m_sides->saveState());
    settings.setValue(kAlignedModeSetting, isAlignedMode());
    if (!m_root.isEmpty())
        settings.setValue(kLastFolder, m_root);
    if (!m_lastConnection.isEmpty())
        settings.setValue(kLastConnection, m_lastConnection);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_wizards && m_wizards->jobRunning()) { // asks; stopped jobs stay resumable
        event->ignore();
        m_wizards->askToStopThen([this] { close(); });
        return;
    }
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

void MainWindow::showConnections()
{
    auto* dialog = new ConnectionsDialog(m_profiles, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_kvLoader->isOpen())
        dialog->edit(m_kvLoader->profile());
    connect(dialog, &ConnectionsDialog::connectRequested, this,
            [this](const ConnectionProfile& profile, const QByteArray& secret) {
                connectTo(profile, secret);
            });
    dialog->open();
}

void MainWindow::openFolder(const QString& root, const QString& select)
{
    const QString previous = m_root;
    m_root = QDir(root).absolutePath();
    if (m_root != previous && m_alignedPane) {
        ++m_alignedGeneration; // (another folder: none of the rows stays)
        m_alignedPane->setTree(nullptr);
    }
    m_pendingSelection = select;
    showWhatIsOpen();
    OffThreadRelease::release(m_snapshot);
    OffThreadRelease::release(m_alignment);
    ++m_alignGeneration;
    // (the platform appends the application's display name, "PMKV Studio")
    setWindowTitle(QDir::toNativeSeparators(m_root));
    // (remembered when the window closes: a QSettings write syncs the file to disk, which
    // can hold the GUI thread for hundreds of milliseconds on a busy disk)
    m_loader->load(m_root);
}

void MainWindow::connectTo(const ConnectionProfile& profile, const QByteArray& typedSecret)
{
    if (auto ok = profile.validate(); !ok) {
        m_kvPane->setConnected(true);
        m_kvPane->showBanner(ok.error().message);
        return;
    }
    m_undo->clear();
    m_connected = true;
    m_filePane->model()->resetStates(); // another key space: nothing compared yet
    m_kvPane->setConnected(true);
    m_kvPane->showBanner(QString());
    showWhatIsOpen();
    // The session opens on a worker (keychain, connection); keys show once it is open, and
    // once the alignment (built right below) is in, a second pass gives each key its state.
    TargetSession::Options options;
    options.typedSecret = typedSecret;
    m_kvLoader->open(profile, options);
    // A saved connection is the one the next start opens (remembered when the window closes);
    // one given on the command line or typed in the dialog without saving is not.
    if (m_profiles->contains(profile.name))
        m_lastConnection = profile.name;
    updateBand();
    rebuildAlignment();
}

void MainWindow::disconnectStore()
{
    m_connected = false;
    m_kvLoader->close();
    m_kvPane->setConnected(false);
    showWhatIsOpen();
    m_filePane->model()->resetStates();
    m_filePane->updateOverview();
    m_kvStatus->showMessage(tr("Not connected (Ctrl+K)."));
    m_undo->clear();
    updateBand(); // (and the actions)
}

// Why nothing can be written to the key space (empty: it can be), for the tooltips of the
// disabled write actions and the band.
QString MainWindow::readOnlyReason() const
{
    if (!m_connected)
        return QString();
    const ConnectionProfile& profile = m_kvLoader->profile();
    const std::shared_ptr<TargetSession> session = m_kvLoader->session();
    if (profile.readOnly || (session && session->isReadOnly()))
        return tr("The connection \"%1\" is read-only: nothing can be written to it.")
            .arg(profile.name);
    if (m_kvLoader->hasReadOnlyToken() ||
        (m_kvLoader->isOpen() && !m_kvLoader->capabilities().canWrite))
        return tr("The token of \"%1\" is read-only (the server refuses SCAN with it): nothing "
                  "can be written with it.")
            .arg(profile.name);
    return QString();
}

void MainWindow::updateWriteActions()
{
    m_valueTable->setReadOnlyReason(readOnlyReason());
    updateActions(); // (the writes say why they cannot run)
}

void MainWindow::updateBand()
{
    updateWriteActions();
    if (!m_connected) {
        m_band->clearConnection();
        return;
    }
    m_band->showConnection(m_kvLoader->profile(), m_kvLoader->description(),
                           !readOnlyReason().isEmpty());
}

QString MainWindow::bandText() const
{
    return m_band->bandText();
}

void MainWindow::rebuildAlignment()
{
    if (!m_snapshot || !m_connected)
        return;
    const ConnectionProfile profile = m_kvLoader->profile();
    auto layout = KeyLayout::fromSpec(profile.layout, profile.prefix);
    if (!layout) {
        m_kvPane->showBanner(layout.error().message);
        m_kvLoader->refresh(); // the keys at least
        return;
    }
    const quint64 generation = ++m_alignGeneration;
    auto* watcher = new QFutureWatcher<std::shared_ptr<const Alignment>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_alignGeneration)
            return; // a newer folder or connection came since
        OffThreadRelease::release(m_alignment);
        m_alignment = watcher->result();
        // (the states shown stay until the comparison replaces them: a server that does not
        // answer leaves the last ones, and the banner says so)
        m_kvLoader->setAlignment(m_alignment);
        refreshDetail();
        Q_EMIT alignmentReady();
    });
    const std::shared_ptr<const FileTreeSnapshot> snapshot = m_snapshot;
    const KeyLayout l = layout.value();
    watcher->setFuture(QtConcurrent::run([snapshot, l] { return Alignment::build(snapshot, l); }));
}

// The same folder read again keeps its rows' last states until they are compared again.
void MainWindow::showFiles(std::shared_ptr<const FileTreeSnapshot> snapshot)
{
    const FileTreeSnapshot* shown = m_filePane->model()->snapshot();
    const bool sameFolder = shown && shown->index().root == snapshot->index().root;
    const auto lastStates = sameFolder && m_connected ? m_filePane->model()->knownStates()
                                                      : QVector<QPair<QString, SyncState>>();
    m_filePane->setSnapshot(std::move(snapshot));
    m_filePane->model()->setStates(lastStates);
}

void MainWindow::showSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot, qint64 milliseconds)
{
    OffThreadRelease::release(m_snapshot);
    OffThreadRelease::release(m_alignment);
    m_snapshot = snapshot;
    showFiles(snapshot);
    const PmIndex& index = snapshot->index();
    showProblems(index);
    m_status->showMessage(
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
        m_status->showMessage(m_status->text() +
                              tr(" - \"%1\" is not in this folder").arg(m_pendingSelection));
    m_pendingSelection.clear();
    if (m_filePane->currentPath().isEmpty())
        m_documentView->clear();
    rebuildAlignment();
    updateActions();
}

QString MainWindow::counterpartText() const
{
    return m_counterpart;
}

} // namespace pmkv
