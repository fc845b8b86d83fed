// The desktop app against a real redis-server: open a folder, connect, see aligned rows and
// their states, select counterparts, walk differences, write with undo, read-only refusal and
// PROD confirmation, and the reconnect banner.
#include "connections/profilestore.h"
#include "connectionsdialog.h"
#include "diffview.h"
#include "documentview.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "jobs/auditlog.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "overviewstrip.h"
#include "redisserver.h"
#include "syncfilter.h"
#include "testtree.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeView>
#include <QUndoStack>

using namespace pmkv;

namespace {

const QString kStory1 = QStringLiteral("alpha/core/F-AB-001.json");
const QString kStory2 = QStringLiteral("alpha/core/F-AB-002.json");
const QString kStory3 = QStringLiteral("alpha/core/F-AB-003.json");
const QString kProject = QStringLiteral("alpha/project.json");
const QByteArray kKey2 = "pm:project:alpha:epic:core:story:F-AB-002";
const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";

QByteArray story(const char* id, const char* title)
{
    return QByteArray(R"({
  "id": ")") +
           id + R"(",
  "epicId": "core",
  "title": ")" +
           title + R"(",
  "status": "todo",
  "estimate": { "storyPoints": 3, "confidence": "high" },
  "acceptanceCriteria": ["works", "is tested"]
}
)";
}

} // namespace

class TestStudio final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void alignsRowsAndStates();
    void selectsCounterparts();
    void walksDifferences();
    void filtersAndOverview();
    void writesAndUndoes();
    void readOnlyRefusesWrites();
    void prodNeedsTypedName();
    void bannerWhenServerGoes();
    void serverLostKeepsTheLastData();
    void detailShowsTheSelectedRow();
    void connectionsDialogTestsSavesConnects();
    void copyIsJournaledAndUndoRestoresTtl();
    void undoRefusedWhenKeyChanged();
    void copiesKvToFileUndoably();
    void editIsValidatedAndJournaled_data();
    void editIsValidatedAndJournaled();
    void editIsSavedAsTheApplicationWritesIt();

private:
    void open(MainWindow& window, bool readOnly = false,
              ConnectionProfile::Environment env = ConnectionProfile::Environment::None);
    ConnectionProfile profile(bool readOnly, ConnectionProfile::Environment env) const;

    // Waits for the next writeFinished and returns (ok, message).
    static QPair<bool, QString> waitWrite(QSignalSpy& done, qsizetype before);
    QByteArray get(const QByteArray& key) const
    {
        return m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(key)}).trimmed();
    }
    qint64 pttl(const QByteArray& key) const
    {
        return m_redis.cli({QStringLiteral("PTTL"), QString::fromUtf8(key)}).trimmed().toLongLong();
    }

    test::TestTree m_tree;
    test::RedisServer m_redis;
};

void TestStudio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8()); // the audit log
    m_tree.write(QStringLiteral("pm/people.json"),
                 R"([{"id": "p1", "name": "Ada", "email": "a@x", "designation": "",
                      "roleInProject": ""}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"j({"name": "Alpha", "epicIds": ["core"], "metadata": {"manager": "p1"}})j");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["F-AB-001", "F-AB-002",
                     "F-AB-003"]})");
    m_tree.write(QStringLiteral("pm/") + kStory1, story("F-AB-001", "One"));
    m_tree.write(QStringLiteral("pm/") + kStory2, story("F-AB-002", "Two"));
    m_tree.write(QStringLiteral("pm/") + kStory3, story("F-AB-003", "Three"));
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

ConnectionProfile TestStudio::profile(bool readOnly, ConnectionProfile::Environment env) const
{
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = m_redis.url();
    p.readOnly = readOnly;
    p.environment = env;
    return p;
}

// Seeds Redis the way a half-done migration leaves it, then opens the folder and connects.
void TestStudio::open(MainWindow& window, bool readOnly, ConnectionProfile::Environment env)
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    auto set = [this](const QByteArray& key, const QByteArray& value) {
        m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(key), QString::fromUtf8(value)});
    };
    set("pm:project:alpha:epic:core:story:F-AB-001",
        R"j({"id":"F-AB-001","epicId":"core","title":"One","status":"todo","estimate":{"storyPoints":3,"confidence":"high"},"acceptanceCriteria":["works","is tested"]})j");
    set(kKey2, R"j({"id":"F-AB-002","epicId":"core","title":"Two (edited in the app)",)j"
               R"j("status":"done","estimate":{"storyPoints":3,"confidence":"high"},)j"
               R"j("acceptanceCriteria":["works","is tested"],"big":12345678901234567890})j");
    // JSON-equal: other key order.
    set("pm:project:alpha", R"j({"epicIds":["core"],"name":"Alpha","metadata":{"manager":"p1"}})j");
    set(kOnlyKv, R"j({"id":"F-AB-999","title":"Created in the app"})j");
    set("session:abc", "opaque");

    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(m_tree.path(QStringLiteral("pm")));
    QVERIFY(loaded.wait(20000));
    QSignalSpy compared(window.kvLoader(), &KvLoader::comparisonFinished);
    QSignalSpy scanned(window.kvLoader(), &KvLoader::scanFinished);
    window.connectTo(profile(readOnly, env));
    QTRY_VERIFY_WITH_TIMEOUT(window.alignment() && compared.count() > 0 && scanned.count() > 0 &&
                                 window.kvLoader()->isIdle(),
                             20000);
}

void TestStudio::alignsRowsAndStates()
{
    MainWindow window;
    window.show();
    open(window);
    FileTreeModel* files = window.filePane()->model();
    QCOMPARE(files->stateOf(kStory1), SyncState::Same);
    QCOMPARE(files->stateOf(kStory2), SyncState::Changed);
    QCOMPARE(files->stateOf(kStory3), SyncState::OnlyFiles);
    QCOMPARE(files->stateOf(kProject), SyncState::EqualJson);
    KvTreeModel* keys = window.kvPane()->model();
    QCOMPARE(keys->stateOf(kOnlyKv), SyncState::OnlyKv);
    QCOMPARE(keys->stateOf("session:abc"), SyncState::Unmapped);
    QCOMPARE(keys->stateOf(kKey2), SyncState::Changed);
    QVERIFY(keys->isFinished());
    QVERIFY2(window.kvLoader()->progressText().contains(QStringLiteral("scanned all 5 keys")),
             qPrintable(window.kvLoader()->progressText()));
    // The epic rolls up its stories (and itself: epic.json is not in Redis).
    const QModelIndex epic = files->indexForEntityPath(QStringLiteral("alpha/core/epic.json"));
    const auto counts = epic.data(FileTreeModel::CountsRole).value<SyncCounts>();
    QCOMPARE(counts[SyncState::Same], 1);
    QCOMPARE(counts[SyncState::Changed], 1);
    QCOMPARE(counts[SyncState::OnlyFiles], 2);
    QVERIFY(epic.siblingAtColumn(FileTreeModel::StateColumn)
                .data()
                .toString()
                .contains(QStringLiteral("1 changed")));
}

void TestStudio::selectsCounterparts()
{
    MainWindow window;
    window.show();
    open(window);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QCOMPARE(window.kvPane()->currentKey(), kKey2);
    QVERIFY(window.filePane()->selectEntityPath(kStory3));
    QVERIFY2(window.counterpartText().contains(QStringLiteral("no counterpart")),
             qPrintable(window.counterpartText()));
    QVERIFY(window.kvPane()->currentKey().isEmpty());
    // From the KV side.
    QVERIFY(window.kvPane()->selectKey("pm:project:alpha"));
    QCOMPARE(window.filePane()->currentEntityPath(), kProject);
    QCOMPARE(window.filePane()->currentPath(), QStringLiteral("alpha")); // the folder's row
    QVERIFY(window.kvPane()->selectKey(kOnlyKv));
    QVERIFY2(window.counterpartText().contains(QStringLiteral("has no file")),
             qPrintable(window.counterpartText()));
}

void TestStudio::walksDifferences()
{
    MainWindow window;
    window.show();
    open(window);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY2(!value.isEmpty() || value.wait(10000),
             qPrintable(window.counterpartText() + QLatin1Char('|') +
                        QString::fromUtf8(window.kvPane()->currentKey())));
    DiffView* diff = window.diffView();
    QCOMPARE(diff->changeCount(), 3);
    const QStringList changes = diff->changeTexts();
    QVERIFY2(changes.contains(QStringLiteral("changed /title")) &&
                 changes.contains(QStringLiteral("changed /status")) &&
                 changes.contains(QStringLiteral("added /big")),
             qPrintable(changes.join(QLatin1Char(','))));
    QCOMPARE(window.detailTabs()->currentWidget(), diff);
    QVERIFY(diff->rightText().contains(QStringLiteral("\"big\": 12345678901234567890")));
    QCOMPARE(diff->currentChange(), 0);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // (F7 steps through the fields inside the Differences tab; in a tree it goes to the next
    // differing entity)
    diff->findChild<QPlainTextEdit*>(QStringLiteral("diffLeft"))->setFocus();
    QTest::keyClick(&window, Qt::Key_F7);
    QCOMPARE(diff->currentChange(), 1);
    QTest::keyClick(&window, Qt::Key_F7);
    QTest::keyClick(&window, Qt::Key_F7); // wraps around
    QCOMPARE(diff->currentChange(), 0);
    QTest::keyClick(&window, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(diff->currentChange(), 2);
    // The key view shows type, TTL and size.
    QVERIFY(window.keyView()->headerText().contains(QStringLiteral("string")));
    QVERIFY(window.keyView()->headerText().contains(QStringLiteral("no expiry")));
}

void TestStudio::filtersAndOverview()
{
    MainWindow window;
    window.show();
    open(window);
    window.filePane()->updateOverview();
    const auto& marks = window.filePane()->overview()->marks();
    QStringList marked;
    for (const auto& m : marks)
        marked << m.path;
    QVERIFY2(marked.contains(kStory2) && marked.contains(kStory3) && marked.contains(kProject) &&
                 !marked.contains(kStory1),
             qPrintable(marked.join(QLatin1Char(','))));
    // Clicking a mark jumps to it.
    QSignalSpy jump(window.filePane()->overview(), &OverviewStrip::jumpRequested);
    Q_EMIT window.filePane()->overview()->jumpRequested(kStory3);
    QCOMPARE(window.filePane()->currentEntityPath(), kStory3);

    QComboBox* filter = window.filePane()->filterBox();
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::Differences)));
    QVERIFY(!window.filePane()->selectEntityPath(kStory1)); // filtered out
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::OneSided)));
    QVERIFY(!window.filePane()->selectEntityPath(kStory2));
    QVERIFY(window.filePane()->selectEntityPath(kStory3));
    QComboBox* kvFilter = window.kvPane()->filterBox();
    kvFilter->setCurrentIndex(kvFilter->findData(int(SyncFilter::Mode::OnlyKv)));
    QVERIFY(window.kvPane()->selectKey(kOnlyKv));
    QVERIFY(!window.kvPane()->selectKey(kKey2));
}

void TestStudio::writesAndUndoes()
{
    MainWindow window;
    window.show();
    open(window);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv();
    if (done.isEmpty())
        QVERIFY(done.wait(10000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(window.filePane()->model()->stateOf(kStory2), SyncState::Same, 10000);
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)}).contains("\"Two\""));
    QCOMPARE(window.undoStack()->count(), 1);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); // Undo
    QTRY_COMPARE_WITH_TIMEOUT(window.filePane()->model()->stateOf(kStory2), SyncState::Changed,
                              10000);
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)})
                .contains("Two (edited in the app)"));
    // Undoing a write to a key that did not exist removes it again.
    QVERIFY(window.filePane()->selectEntityPath(kStory3));
    window.copyFileToKv();
    QTRY_COMPARE_WITH_TIMEOUT(window.filePane()->model()->stateOf(kStory3), SyncState::Same, 10000);
    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(window.filePane()->model()->stateOf(kStory3), SyncState::OnlyFiles,
                              10000);
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"),
                          QStringLiteral("pm:project:alpha:epic:core:story:F-AB-003")}),
             QByteArray("0"));
}

void TestStudio::readOnlyRefusesWrites()
{
    MainWindow window;
    window.show();
    open(window, true);
    QVERIFY(window.bandText().contains(QStringLiteral("read-only")));
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv();
    if (done.isEmpty())
        QVERIFY(done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY2(done.first().at(1).toString().contains(QStringLiteral("read-only")),
             qPrintable(done.first().at(1).toString()));
    QCOMPARE(window.undoStack()->count(), 0);
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)})
                .contains("Two (edited in the app)"));
}

void TestStudio::prodNeedsTypedName()
{
    MainWindow window;
    window.show();
    open(window, false, ConnectionProfile::Environment::Prod);
    QVERIFY2(window.bandText().startsWith(QStringLiteral("PROD")), qPrintable(window.bandText()));
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv(QStringLiteral("loca")); // a typo
    QVERIFY(done.count() > 0 || done.wait(10000));
    QVERIFY(!done.first().at(0).toBool());
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)})
                .contains("Two (edited in the app)"));
    window.copyFileToKv(QStringLiteral("local"));
    if (done.count() < 2)
        QVERIFY(done.wait(10000));
    QVERIFY(done.last().at(0).toBool());
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)}).contains("\"Two\""));
    // Without an answer given, the window asks (a window-modal dialog, no nested loop).
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kKey2), QStringLiteral("{}")});
    window.copyFileToKv();
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QInputDialog*>(), 10000);
    auto* ask = window.findChild<QInputDialog*>();
    ask->setTextValue(QStringLiteral("local"));
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 10000);
    QVERIFY(done.last().at(0).toBool());
    QVERIFY(m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey2)}).contains("\"Two\""));
}

void TestStudio::bannerWhenServerGoes()
{
    MainWindow window;
    window.show();
    open(window);
    m_redis.stop();
    QSignalSpy failed(window.kvLoader(), &KvLoader::failed);
    window.kvLoader()->refresh();
    QVERIFY(failed.wait(20000));
    QVERIFY(!window.kvPane()->bannerText().isEmpty());
    QVERIFY(m_redis.start());
    QSignalSpy compared(window.kvLoader(), &KvLoader::comparisonFinished);
    Q_EMIT window.kvPane()->retryRequested();
    QVERIFY(window.kvPane()->bannerText().isEmpty());
    QVERIFY(compared.wait(20000));
}

// Issue #19, defect 7: with the server gone, F5 emptied the key tree and set every file row to
// "not compared yet" while the banner said the window kept what it had. The keys and states
// stay, the banner says they are stale, and Retry brings fresh ones.
void TestStudio::serverLostKeepsTheLastData()
{
    MainWindow window;
    window.show();
    open(window);
    const qint64 keys = window.kvPane()->model()->keyCount();
    QVERIFY(keys > 0);
    QCOMPARE(window.filePane()->model()->stateOf(kStory2), SyncState::Changed);
    m_redis.stop();
    QSignalSpy failed(window.kvLoader(), &KvLoader::failed);
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.findChild<QAction*>(QStringLiteral("refresh"))->trigger(); // F5
    QVERIFY(failed.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && window.alignment(), 20000);
    QTest::qWait(300); // (anything else the failure sets off)
    QCOMPARE(window.kvPane()->model()->keyCount(), keys);
    QVERIFY(window.kvPane()->model()->indexForKey(kKey2).isValid());
    QCOMPARE(window.filePane()->model()->stateOf(kStory2), SyncState::Changed);
    QVERIFY2(window.kvPane()->bannerText().contains(QStringLiteral("stale")),
             qPrintable(window.kvPane()->bannerText()));
    // Retry, once the server is back: fresh keys, no banner.
    QVERIFY(m_redis.start());
    open(window); // (seeds Redis as before, reads the folder and connects again)
    QVERIFY(window.kvPane()->bannerText().isEmpty());
    QCOMPARE(window.kvPane()->model()->keyCount(), keys);
}

// Issue #19, defect 8: the detail pane showed an older entity, or "Comparing ..." for good,
// after F5, after a filter hid the selected row, after switching connections.
void TestStudio::detailShowsTheSelectedRow()
{
    MainWindow window;
    window.show();
    open(window);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QVERIFY(window.diffView()->changeCount() > 0);
    // F5: the folder is read and aligned again; the pane shows the row's comparison again.
    QSignalSpy aligned(&window, &MainWindow::alignmentReady);
    window.findChild<QAction*>(QStringLiteral("refresh"))->trigger();
    QVERIFY(aligned.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(window.diffView()->changeCount() > 0, 10000);
    QVERIFY2(window.documentView()->headerText().contains(QStringLiteral("F-AB-002")),
             qPrintable(window.documentView()->headerText()));
    QVERIFY2(window.keyView()->headerText().contains(QString::fromUtf8(kKey2)),
             qPrintable(window.keyView()->headerText()));
    // A filter hides the row (the view moves the selection to a row still shown): nothing of
    // the hidden one stays.
    auto* filter = window.filePane()->findChild<QComboBox*>(QStringLiteral("fileFilter"));
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::OnlyFiles)));
    QTRY_VERIFY(window.filePane()->currentPath() != kStory2);
    QTRY_VERIFY2(!window.documentView()->headerText().contains(QStringLiteral("F-AB-002")),
                 qPrintable(window.documentView()->headerText()));
    QTRY_VERIFY2(!window.keyView()->headerText().contains(QString::fromUtf8(kKey2)),
                 qPrintable(window.keyView()->headerText()));
    QTRY_COMPARE(window.diffView()->changeCount(), 0);
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::All)));
    // Another connection: the old key's value goes.
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    ConnectionProfile other = profile(false, ConnectionProfile::Environment::None);
    other.name = QStringLiteral("other");
    other.database = 1; // empty
    QVERIFY(!window.keyView()->contentText().isEmpty());
    window.connectTo(other);
    // (the detail may still name the key, as the file's counterpart that is not there)
    QTRY_VERIFY_WITH_TIMEOUT(window.keyView()->contentText().isEmpty(), 10000);
    QVERIFY2(!window.keyView()->headerText().contains(QStringLiteral("bytes")),
             qPrintable(window.keyView()->headerText()));
    QCOMPARE(window.diffView()->changeCount(), 0);
}

void TestStudio::connectionsDialogTestsSavesConnects()
{
    ProfileStore profiles(m_tree.path(QStringLiteral("connections.ini")));
    ConnectionsDialog dialog(&profiles);
    ConnectionProfile p = profile(false, ConnectionProfile::Environment::Staging);
    p.name = QStringLiteral("staging-local");
    dialog.edit(p);
    QCOMPARE(dialog.profileFromForm().address, m_redis.url());
    QCOMPARE(dialog.profileFromForm().kind, ConnectionProfile::Kind::Redis);

    QSignalSpy tested(&dialog, &ConnectionsDialog::testFinished);
    dialog.testConnection();
    if (tested.isEmpty())
        QVERIFY(tested.wait(10000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(dialog.testResult().startsWith(QStringLiteral("Connected")));

    // A wrong address fails the test with a message, not a hang.
    ConnectionProfile bad = p;
    bad.address = QStringLiteral("http://");
    dialog.edit(bad);
    dialog.testConnection();
    QCOMPARE(tested.count(), 2);
    QVERIFY(!tested.last().at(0).toBool());

    // Save (no secret typed: nothing goes to the keychain) and connect.
    dialog.edit(p);
    QSignalSpy saved(&dialog, &ConnectionsDialog::bookFinished);
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QVERIFY(saved.count() > 0 || saved.wait(10000));
    QVERIFY2(saved.first().at(0).toBool(), qPrintable(saved.first().at(1).toString()));
    QVERIFY(profiles.contains(QStringLiteral("staging-local")));
    QCOMPARE(profiles.find(QStringLiteral("staging-local")).value().environment,
             ConnectionProfile::Environment::Staging);
    QSignalSpy connectRequested(&dialog, &ConnectionsDialog::connectRequested);
    dialog.findChild<QPushButton*>(QStringLiteral("connectButton"))->click();
    QCOMPARE(connectRequested.count(), 1);
    QCOMPARE(connectRequested.first().at(0).value<ConnectionProfile>().name,
             QStringLiteral("staging-local"));

    // The proxy choice: a typed address is checked (no credentials kept in the profile file),
    // "No proxy" is saved with the profile.
    auto* proxy = dialog.findChild<QComboBox*>(QStringLiteral("profileProxy"));
    QVERIFY(proxy);
    QCOMPARE(dialog.profileFromForm().proxy.mode, RestProxy::Mode::System);
    proxy->setEditText(QStringLiteral("http://user:pw@proxy.example:3128"));
    QVERIFY(!dialog.proxyFromForm());
    dialog.findChild<QPushButton*>(QStringLiteral("connectButton"))->click();
    QCOMPARE(connectRequested.count(), 1);
    proxy->setCurrentIndex(proxy->findText(QStringLiteral("No proxy")));
    const qsizetype savedBefore = saved.count();
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QVERIFY(saved.count() > savedBefore || saved.wait(10000));
    QVERIFY2(saved.last().at(0).toBool(), qPrintable(saved.last().at(1).toString()));
    QCOMPARE(profiles.find(QStringLiteral("staging-local")).value().proxy.mode,
             RestProxy::Mode::None);
    dialog.edit(profiles.find(QStringLiteral("staging-local")).value());
    QCOMPARE(proxy->currentText(), QStringLiteral("No proxy"));
}

QPair<bool, QString> TestStudio::waitWrite(QSignalSpy& done, qsizetype before)
{
    if (done.count() <= before && !done.wait(15000))
        return {false, QStringLiteral("no writeFinished")};
    return {done.at(before).at(0).toBool(), done.at(before).at(1).toString()};
}

// A copy file -> KV is a journaled run of the sync engine: the journal file holds it, the
// audit log has a line, and Ctrl+Z restores the previous value and its TTL through the journal.
void TestStudio::copyIsJournaledAndUndoRestoresTtl()
{
    MainWindow window;
    const QString jobs = m_tree.path(QStringLiteral("jobs-copy"));
    window.setJobsFolder(jobs);
    window.show();
    open(window);
    const QByteArray before = get(kKey2);
    m_redis.cli({QStringLiteral("EXPIRE"), QString::fromUtf8(kKey2), QStringLiteral("5000")});
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv();
    const auto copied = waitWrite(done, 0);
    QVERIFY2(copied.first, qPrintable(copied.second));
    QVERIFY(get(kKey2).contains("\"Two\""));
    QCOMPARE(pttl(kKey2), qint64(-1)); // a copy writes the value alone

    const JobPaths paths(jobs);
    const QVector<JournalRun> runs = Journal::listRuns(paths);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().kind, QStringLiteral("sync"));
    QVERIFY(runs.first().state == JournalRun::State::Done);
    QVERIFY(QFile::exists(paths.journalPath(runs.first().id)));
    auto journal = Journal::openRun(paths, runs.first().id);
    QVERIFY(journal);
    auto steps = journal.value()->undoSteps();
    QVERIFY(steps);
    QCOMPARE(steps.value().size(), 1);
    QCOMPARE(steps.value().first().key, kKey2);
    QCOMPARE(steps.value().first().restore.value, before);
    auto lines = AuditLog(paths.auditLogPath()).read();
    QVERIFY(lines);
    QCOMPARE(lines.value().size(), 1);
    QCOMPARE(lines.value().first().value(QStringLiteral("operation")).toString(),
             QStringLiteral("studio-copy"));

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier); // Undo
    const auto undone = waitWrite(done, 1);
    QVERIFY2(undone.first, qPrintable(undone.second));
    QCOMPARE(get(kKey2), before);
    QVERIFY2(pttl(kKey2) > 4000 * 1000, qPrintable(QString::number(pttl(kKey2))));
    QTRY_COMPARE_WITH_TIMEOUT(window.filePane()->model()->stateOf(kStory2), SyncState::Changed,
                              10000);
    QCOMPARE(Journal::listRuns(paths).size(), 2); // the undo is a journaled run of its own
    QCOMPARE(AuditLog(paths.auditLogPath()).read().value().size(), 2);
}

// Undo never overwrites a key someone changed after the copy: it says so, writes nothing,
// and the stack stays where the key is.
void TestStudio::undoRefusedWhenKeyChanged()
{
    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("jobs-refuse")));
    window.show();
    open(window);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv();
    QVERIFY(waitWrite(done, 0).first);
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kKey2), QStringLiteral("{\"other\":1}")});
    window.undoStack()->undo();
    const auto refused = waitWrite(done, 1);
    QVERIFY(!refused.first);
    QVERIFY2(refused.second.contains(QStringLiteral("changed since")), qPrintable(refused.second));
    QCOMPARE(get(kKey2), QByteArray("{\"other\":1}"));
    QTRY_COMPARE_WITH_TIMEOUT(window.undoStack()->index(), 1, 5000);
    QVERIFY(window.undoStack()->canUndo());
}

// KV -> file writes what the application writes (JSON.stringify(value, null, 2), atomic),
// journaled; Undo puts the file's bytes back exactly.
void TestStudio::copiesKvToFileUndoably()
{
    const QString file = m_tree.path(QStringLiteral("pm/") + kStory2);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray original = in.readAll();
    in.close();

    MainWindow window;
    const QString jobs = m_tree.path(QStringLiteral("jobs-file"));
    window.setJobsFolder(jobs);
    window.show();
    open(window);
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kKey2),
                 QStringLiteral(R"({"id":"F-AB-002","epicId":"core","title":"From KV",)"
                                R"("tags":["a","b"],"estimate":{"storyPoints":5}})")});
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyKvToFile();
    const auto copied = waitWrite(done, 0);
    QVERIFY2(copied.first, qPrintable(copied.second));
    const QByteArray expected = "{\n"
                                "  \"id\": \"F-AB-002\",\n"
                                "  \"epicId\": \"core\",\n"
                                "  \"title\": \"From KV\",\n"
                                "  \"tags\": [\n"
                                "    \"a\",\n"
                                "    \"b\"\n"
                                "  ],\n"
                                "  \"estimate\": {\n"
                                "    \"storyPoints\": 5\n"
                                "  }\n"
                                "}";
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), expected);
    in.close();
    const QVector<JournalRun> runs = Journal::listRuns(JobPaths(jobs));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().kind, QStringLiteral("sync-files"));

    window.undoStack()->undo();
    const auto undone = waitWrite(done, 1);
    QVERIFY2(undone.first, qPrintable(undone.second));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QCOMPARE(in.readAll(), original);
}

void TestStudio::editIsValidatedAndJournaled_data()
{
    QTest::addColumn<QByteArray>("edit");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("runs");
    QTest::newRow("invalid") << QByteArray("{\n  \"id\": \"F-AB-002\",\n  oops\n}") << false
                             << QStringLiteral("line 3, column") << 0;
    QTest::newRow("unchanged") << QByteArray() << true << QStringLiteral("nothing written") << 0;
    QTest::newRow("changed") << QByteArray("{\"id\": \"F-AB-002\", \"title\": \"Edited\"}") << true
                             << QStringLiteral("Wrote") << 1;
}

// An edit of a key's value: refused with line and column unless JSON, no write at all when
// the bytes are the same, else journaled and undoable.
void TestStudio::editIsValidatedAndJournaled()
{
    QFETCH(QByteArray, edit);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    QFETCH(int, runs);
    MainWindow window;
    const QString jobs =
        m_tree.path(QStringLiteral("jobs-edit-") + QString::fromLatin1(QTest::currentDataTag()));
    window.setJobsFolder(jobs);
    window.show();
    open(window);
    const QByteArray before = get(kKey2);
    if (edit.isEmpty())
        edit = before;
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.saveKeyEdit(edit);
    const auto saved = waitWrite(done, 0);
    QCOMPARE(saved.first, ok);
    QVERIFY2(saved.second.contains(message), qPrintable(saved.second));
    QCOMPARE(Journal::listRuns(JobPaths(jobs)).size(), runs);
    // (as the application writes it: compact)
    QCOMPARE(get(kKey2), runs ? QByteArray(R"({"id":"F-AB-002","title":"Edited"})") : before);
    QCOMPARE(window.undoStack()->count(), runs);
    if (runs) {
        window.undoStack()->undo();
        QVERIFY(waitWrite(done, 1).first);
        QCOMPARE(get(kKey2), before);
    }
}

// Issue #19, defect 2: the key view shows the value formatted; a one-character edit there is
// saved as the application writes the document (JSON.stringify's compact bytes, the value's
// key order, a large integer digit for digit), not as the multi-line text on screen. Only
// "Save Key Edit As Typed" writes the text as it stands.
void TestStudio::editIsSavedAsTheApplicationWritesIt()
{
    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("jobs-edit-stringify")));
    window.show();
    open(window);
    const QByteArray before = get(kKey2);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory2));
    QVERIFY(value.wait(10000));
    auto* editor = window.keyView()->findChild<QPlainTextEdit*>();
    QVERIFY(editor);
    QVERIFY(editor->toPlainText().contains(QLatin1Char('\n'))); // shown formatted
    auto typeAfter = [editor](const QString& anchor, const QString& typed) {
        QTextCursor cursor = editor->document()->find(anchor);
        QVERIFY(!cursor.isNull());
        cursor.clearSelection();
        editor->setTextCursor(cursor);
        QTest::keyClicks(editor, typed);
    };
    typeAfter(QStringLiteral("Two (edited in the app"), QStringLiteral("!"));
    QVERIFY(window.keyView()->isModified());
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.findChild<QAction*>(QStringLiteral("saveKeyEdit"))->trigger();
    const auto saved = waitWrite(done, 0);
    QVERIFY2(saved.first, qPrintable(saved.second));
    QByteArray expected = before;
    expected.replace("Two (edited in the app)", "Two (edited in the app!)");
    QCOMPARE(get(kKey2), expected);
    QCOMPARE(get(kKey2).size(), before.size() + 1);

    // As typed: the text on screen, byte for byte.
    QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(QStringLiteral("app!)")), 10000);
    typeAfter(QStringLiteral("app!"), QStringLiteral("?"));
    const QByteArray typed = editor->toPlainText().toUtf8();
    window.findChild<QAction*>(QStringLiteral("saveKeyEditAsTyped"))->trigger();
    const auto raw = waitWrite(done, 1);
    QVERIFY2(raw.first, qPrintable(raw.second));
    QCOMPARE(get(kKey2), typed.trimmed()); // (redis-cli output is trimmed)
    QVERIFY(typed.contains('\n'));
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
