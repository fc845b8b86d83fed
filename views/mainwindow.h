#pragma once

#include "alignment.h"
#include "connections/connectionprofile.h"
#include "core/nextstep.h"
#include "filetreesnapshot.h"
#include "jobs/jobpaths.h"
#include "journaledcommand.h"
#include "kvloader.h"
#include "workflows/entitywriteworkflow.h"
#include "workflows/keyeditworkflow.h"
#include "workflows/workflowcontext.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>
#include <string>

class QAction;
class QDockWidget;
class QMenu;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QUndoStack;

namespace pmkv {

// Whether the window opens in the aligned mode (QSettings, written when the window closes).
inline const QString kAlignedModeSetting = QStringLiteral("mainWindow/alignedMode");

class AlignedPane;
class AlignedTree;
class ComparisonWindow;
struct DiffReport;
class DiffView;
class DocumentView;
class EnvironmentBand;
class FilePane;
class FolderLoader;
class KvPane;
class LocalEnvPanel;
class PhaseDashboard;
class ProblemGroupTree;
class ServerPanel;
class StatusLabel;
class ValueTableView;
struct JobTarget;
class ProfileStore;
class WizardLauncher;

// A thin shell that composes the panes: files on the left, the key space on the right, the
// selected item's detail below (the file, the key, their field diff). Loading happens off the
// GUI thread (FolderLoader, KvLoader, the Alignment build); the window keeps its layout,
// splitter sizes, last folder and last connection between runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // `select`: a path relative to the folder to select once it is read (e.g. from a report).
    void openFolder(const QString& root, const QString& select = QString());
    QString folder() const { return m_root; }
    // Opens a key space. An empty `typedSecret` resolves the profile's own secret source.
    void connectTo(const ConnectionProfile& profile, const QByteArray& typedSecret = {});
    void disconnectStore();

    FilePane* filePane() const { return m_filePane; }
    KvPane* kvPane() const { return m_kvPane; }
    KvLoader* kvLoader() const { return m_kvLoader; }
    DocumentView* documentView() const { return m_documentView; }
    DocumentView* keyView() const { return m_keyView; }
    // The Key tab's table for a hash, list, set, sorted set or stream (mainwindowkeys.cpp).
    ValueTableView* valueTable() const { return m_valueTable; }
    // True when the Key tab shows the table (a typed value), false for the text view.
    bool showsValueTable() const;
    QAction* cancelLoadAction() const { return m_cancelLoad; }
    DiffView* diffView() const { return m_diffView; }
    QTabWidget* detailTabs() const { return m_detail; }
    FolderLoader* loader() const { return m_loader; }
    QUndoStack* undoStack() const { return m_undo; }
    // Opens the wizards (Migration menu) with what the window has open.
    WizardLauncher* wizards() const { return m_wizards; }
    QString statusText() const;
    // The status bar's message (a write's outcome, a refusal), whole: the bar elides it, its
    // tooltip and a click show it all.
    QString messageText() const;
    QString counterpartText() const;
    QString bandText() const;
    std::shared_ptr<const Alignment> alignment() const { return m_alignment; }
    // The aligned mode (mainwindowaligned.cpp): both panes as one entity hierarchy, row by
    // row; the other mode is the file tree beside the namespace tree of the raw key space.
    // Remembered between runs; View > Aligned Mode (Ctrl+L) switches.
    AlignedPane* alignedPane() const { return m_alignedPane; }
    bool isAlignedMode() const;
    void setAlignedMode(bool aligned);

    // Writes the selected file's value to its key (what "Copy File to KV" does). Every write
    // to the key space, Undo and Redo included, passes the target session's write rule: a
    // read-only connection refuses it; on PROD, when the rule asks for the connection's name,
    // the window asks for it and tries again (`confirmation` answers it ahead, for tests).
    void copyFileToKv(const QString& confirmation = QString());
    // Writes the selected key's value to its file, as the application saves documents
    // (2-space pretty JSON, atomic), journaled and undoable like a copy to KV.
    void copyKvToFile();
    // Per field (the current difference of the Differences tab, F7): writes the key's value
    // with only that field taken from the file (Alt+Right), or the file with only that field
    // taken from the key (Alt+Left). A change inside an array copies the whole array. Both
    // are journaled and undoable like an entity copy; a PROD key asks for the typed name.
    void copyFieldToKv(const QString& confirmation = QString());
    void copyFieldToFile();
    // How Save Key Edit writes the edited text: as the application writes a document
    // (JSON.stringify's compact bytes, the document's key order), or exactly as typed.
    enum class KeyEditBytes { AsTheApplicationWrites, AsTyped };
    // Saves an edit of the selected key's value: as the application writes it (refused, with
    // line and column, unless it is JSON), or as typed; no write at all when the bytes are the
    // ones the key holds; otherwise journaled and undoable. On PROD the connection's name is
    // asked for as for a copy (`confirmation` answers it).
    void saveKeyEdit(const QByteArray& text, const QString& confirmation = QString(),
                     KeyEditBytes bytes = KeyEditBytes::AsTheApplicationWrites);
    // The key browser's writes (mainwindowkeys.cpp), each a journaled, undoable KeyEditWorkflow
    // run under the write rule (read-only refused; on PROD the name is asked for, or taken
    // from `confirmation`): a typed edit from the Key tab's table, and for the selected key:
    // set its TTL, remove it (persist), rename it, delete it; a new key.
    void editKey(const KeyEditWorkflow::Edit& edit, const QString& text,
                 const QString& confirmation = QString());
    void setKeyTtl(qint64 seconds, const QString& confirmation = QString());
    void persistKey(const QString& confirmation = QString());
    void renameKey(const QByteArray& newName, const QString& confirmation = QString());
    void deleteKey(const QString& confirmation = QString());
    // type: "string", "hash", "list", "set", "zset", "stream"; `first` and `second` as the
    // table's Add (a string's value is `first`).
    void newKey(const QByteArray& key, const QByteArray& type, const QByteArray& first,
                const QByteArray& second = QByteArray(), const QString& confirmation = QString());
    // The server panel (View > Server Info), in a dock made when first shown.
    void showServerPanel();
    ServerPanel* serverPanel() const { return m_serverPanel; }
    // Where the journals and the audit log go (default: the XDG data folder).
    void setJobsFolder(const QString& folder) { m_jobsFolder = folder; }
    JobPaths jobPaths() const { return JobPaths(m_jobsFolder); }
    // What a wizard works on: the open folder, the open connection with its secret, the
    // state folder (mainwindowwizards.cpp).
    JobTarget jobTarget() const;
    // Opens the wizard or panel that takes `step` (the dashboard's or a report's next step).
    void takeStep(const NextStep& step);
    // The phase dashboard and the local environment panel, in docks made when first shown.
    void showDashboard();
    void showLocalEnv();
    PhaseDashboard* phaseDashboard() const { return m_dashboard; }
    LocalEnvPanel* localEnvPanel() const { return m_localEnv; }

Q_SIGNALS:
    void alignmentReady();
    void alignedTreeReady(); // the aligned mode shows rows built from what is loaded now
    void writeFinished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    enum DetailTab { FileTab, KeyTab, DiffTab }; // the detail pane's tabs

    void createActions();
    // The aligned mode's pane, its switch in `view`, and what rebuilds its rows.
    void createAlignedMode(QMenu* view);
    void scheduleAlignedRebuild();
    void rebuildAlignedTree();
    void showWhatIsOpen();
    void showAlignedRow(const QString& entityPath, const QByteArray& key);
    void followSelectionInAligned();
    void showTreeMenu(bool fileSide, const QPoint& globalPos);
    void expandTrees(bool expand); // Expand All, Collapse All
    // The resolving actions of every state (mainwindowresolve.cpp): the file a key's entity
    // has or would have; the list keys an entity joins in the key space; why an action
    // cannot run on the selection (empty: it can), set as its tooltip when disabled.
    QString fileForKey(const QByteArray& key) const;
    std::optional<QPair<QString, QString>> listFor(const QByteArray& key) const;
    QVector<EntityWriteWorkflow::Write::ListJoin> listJoinsFor(const QByteArray& key) const;
    QVector<EntityWriteWorkflow::Write::ListJoin> fileListJoinsFor(const QByteArray& key) const;
    QString copyToKvRefusal() const;
    QString copyToFileRefusal() const;
    QString deleteKeyRefusal() const;
    QString notInKeySpace() const;
    QByteArray rowKey() const;
    // Says above the diff when `entityPath` changed on disk since it was read (a worker reads
    // it; mainwindowdiff.cpp).
    void checkFileOnDisk(const QString& entityPath);
    // F7 / Shift+F7: inside the Differences tab its next change (a field, a hunk); elsewhere
    // the next entity whose sides differ, in the tree in use (mainwindowdiff.cpp).
    void stepDifference(bool forward);
    // Enables each action only when it can run now, its reason as the tooltip when it cannot
    // (mainwindowactions.cpp).
    void updateActions();
    QString fieldCopyRefusal(bool toKv) const;
    QString keyEditRefusal() const;
    // The Migration menu: every wizard, the phases, the activity and the local environment
    // (mainwindowjobs.cpp, mainwindowwizards.cpp).
    void createJobActions();
    void openDifferences(const QString& root, const ConnectionProfile& profile);
    ComparisonWindow* showComparison(std::shared_ptr<const DiffReport> report);
    // The Problems panel (mainwindowproblems.cpp).
    void createProblemsPanel(QMenu* viewMenu);
    void showProblems(const PmIndex& index);
    void addWizardActions(QMenu* menu);
    void restoreLayout();
    void saveLayout() const;
    void chooseFolder();
    void showConnections();
    void showSnapshot(std::shared_ptr<const FileTreeSnapshot> snapshot, qint64 milliseconds);
    void showFiles(std::shared_ptr<const FileTreeSnapshot> snapshot);
    void showSelection(const QString& relativePath);
    void showKeySelection(const QByteArray& key);
    void refreshDetail();
    void clearKeyDetail(const QString& message);
    void showValue(const KvValue& value);
    void rebuildAlignment();
    void updateBand();
    // The status bar (mainwindowstatus.cpp).
    void createStatusBar();
    void updateKvStatus(const QString& text);
    void showMessage(const QString& text);
    void applyKvStatus();
    using WriteResult = Result<EntityWriteWorkflow::Outcome>;
    // One write or undo of the workflow, run on a worker with the typed PROD name (null: none).
    using WriteWork = std::function<WriteResult(const QString& confirmation)>;
    WriteWork writeWork(JournaledCommand::Side side, EntityWriteWorkflow::Write request) const;
    WriteWork undoWork(JournaledCommand::Side side, const QString& location,
                       const QString& runId) const;
    static WriteResult notConnected();
    WorkflowContext workflowContext() const;
    // Runs `work` on a worker; when the rule asks for the PROD name and none was given, asks
    // for it and runs again with the answer. `finish` gets the last result on this thread.
    void runWrite(const QString& location, WriteWork work, const QString& confirmation,
                  std::function<void(WriteResult)> finish);
    void askProdName(const QString& location, const QString& connection,
                     const std::function<void(const QString&)>& answer);
    void startWrite(JournaledCommand::Side side, const QString& location, const QByteArray& value,
                    const QString& text, const QString& operation,
                    const QString& confirmation = QString());
    void startRequest(JournaledCommand::Side side, const EntityWriteWorkflow::Write& request,
                      const QString& text, const QString& confirmation = QString());
    void runCommand(JournaledCommand* command, bool undo);
    // Undo or redo of a journaled command with `work`; a refused step moves the stack back.
    void runStep(JournaledCommand* command, bool undo, const WriteWork& work,
                 const std::function<void(const WriteResult&)>& done);
    void writeDone(JournaledCommand::Side side, const QString& location, const WriteResult& result,
                   bool undo);
    // Disables the writes to the key space while the connection is read-only, saying why.
    void updateWriteActions();
    QString readOnlyReason() const;
    bool onStack(const JournaledCommand* command) const;
    bool fieldToCopy(std::string& pointer, QString& path);
    // The document of the side written to with the field at `pointer` taken from the other
    // side, compact; empty (and the error shown) when that cannot be done.
    std::optional<QByteArray> documentWithField(bool toKv, const std::string& pointer);
    // The Key menu, the key tree's context menu, the Key tab's table (mainwindowkeys.cpp).
    void createKeyActions(QMenu* viewMenu);
    void showKeyMessage(const QString& html);
    void askTtl();
    void askRename();
    void askNewKey();
    void askDelete();
    WriteWork keyEditWork(const KeyEditWorkflow::Edit& edit) const;
    WriteWork keyUndoWork(const QString& runId) const;
    // After a key edit: the value again; after a new, renamed or deleted key, the tree too.
    void keyWriteDone(const KeyEditWorkflow::Edit& edit, const WriteResult& result, bool undo);
    // The key the Key menu works on (the shown one); empty with a message when none.
    QByteArray keyToEdit();

    QString m_root;
    QString m_lastConnection;
    QString m_pendingSelection;
    std::shared_ptr<const FileTreeSnapshot> m_snapshot;
    std::shared_ptr<const Alignment> m_alignment;
    quint64 m_alignGeneration = 0;
    FolderLoader* m_loader;
    KvLoader* m_kvLoader;
    ProfileStore* m_profiles;
    FilePane* m_filePane;
    KvPane* m_kvPane;
    QTabWidget* m_detail;
    DocumentView* m_documentView;
    DocumentView* m_keyView;
    ValueTableView* m_valueTable = nullptr;
    QStackedWidget* m_keyStack = nullptr;
    QDockWidget* m_serverDock = nullptr;
    ServerPanel* m_serverPanel = nullptr;
    QByteArray m_selectAfterScan; // a key made or renamed: selected once the tree has it
    DiffView* m_diffView;
    QSplitter* m_outer;
    QSplitter* m_sides;
    EnvironmentBand* m_band;
    StatusLabel* m_status;   // the folder's counts
    StatusLabel* m_message;  // the last write's outcome or refusal
    StatusLabel* m_kvStatus; // the key space's counts and progress
    QTimer* m_overviewTimer;
    QTimer* m_kvStatusTimer;
    QString m_pendingKvStatus; // null: nothing waiting
    QUndoStack* m_undo;
    QAction* m_cancelLoad = nullptr;
    QString m_counterpart;
    KvValue m_lastValue;
    QByteArray m_diffKey; // the key the Differences tab compares (empty: none)
    bool m_syncingSelection = false;
    bool m_connected = false;
    QString m_jobsFolder;
    bool m_writing = false; // one journaled write at a time
    WizardLauncher* m_wizards = nullptr;
    QDockWidget* m_dashboardDock = nullptr;
    PhaseDashboard* m_dashboard = nullptr;
    QDockWidget* m_envDock = nullptr;
    LocalEnvPanel* m_localEnv = nullptr;
    QDockWidget* m_problemsDock = nullptr;
    int m_comparisons = 0; // comparison docks opened (each gets its own object name)
    ProblemGroupTree* m_problemTree = nullptr;
    QStackedWidget* m_sideModes = nullptr; // the side-by-side trees, or the aligned pane
    AlignedPane* m_alignedPane = nullptr;
    QAction* m_alignedAction = nullptr;
    QTimer* m_alignedTimer = nullptr;
    quint64 m_alignedGeneration = 0;
    bool m_alignedBuilding = false;
    bool m_alignedAgain = false;   // a rebuild was asked for while one ran
    bool m_syncingAligned = false; // the aligned pane drives the hidden trees' selection
};

} // namespace pmkv
