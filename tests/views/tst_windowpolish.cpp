// Issue #19, item 10: the main window's smaller defects, each against a real redis-server:
// summaries cut off without a tooltip (a), status-bar messages clipped (b), footer counts stale
// after writes (c), the Changed filter showing equal-JSON rows (d), F5 collapsing the open rows
// (e), actions enabled with nothing loaded (g), badge letters without a legend (h), Ctrl+Z in a
// text field taken by the window's Undo (j), F7 not going to the next differing entity (k),
// Ctrl+F and Enter not reaching the search of the trees shown (l), an empty side without a
// word on what is missing (n).
#include "alignedfilterproxymodel.h"
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "diffview.h"
#include "documentview.h"
#include "emptystatepage.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "legenddialog.h"
#include "mainwindow.h"
#include "redisserver.h"
#include "statuslabel.h"
#include "syncbardelegate.h"
#include "syncfilter.h"
#include "syncstyle.h"
#include "testtree.h"
#include "windowtest.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace pmkv;
using test::selectAndLoad;
using test::waitWrite;

namespace {

const QString kEpic = QStringLiteral("alpha/core/epic.json");

QString storyPath(int n)
{
    return QStringLiteral("alpha/core/F-AB-%1.json").arg(n, 3, 10, QLatin1Char('0'));
}

QByteArray storyKey(int n)
{
    return QStringLiteral("pm:project:alpha:epic:core:story:F-AB-%1")
        .arg(n, 3, 10, QLatin1Char('0'))
        .toUtf8();
}

const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";

} // namespace

class TestWindowPolish final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summariesAreWholeInTooltips();
    void statusMessagesAreReachableWhole();
    void statusPartsShareTheBarByWhatTheySay();
    void footerCountsFollowWrites();
    void changedFilterLeavesEqualJsonOut();
    void refreshKeepsOpenRowsAndSelection();
    void actionsSayWhatToDoFirst();
    void badgesHaveALegend();
    void textUndoBeatsTheWindowsUndo();
    void f7GoesToTheNextDifferingEntity();
    void findAndEnterReachTheFirstMatch();
    void emptySidesSayWhatIsMissing();

private:
    void open(MainWindow& window);

    test::TestTree m_tree;
    test::RedisServer m_redis;
    int m_entries = 0;
};

void TestWindowPolish::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-polish-tests"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    m_tree.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    QStringList ids;
    for (int n = 1; n <= 12; ++n)
        ids << QStringLiteral("\"F-AB-%1\"").arg(n, 3, 10, QLatin1Char('0'));
    m_tree.write(QStringLiteral("pm/") + kEpic,
                 QStringLiteral(R"({"id": "core", "title": "Core", "storyIds": [%1]})")
                     .arg(ids.join(QStringLiteral(", ")))
                     .toUtf8());
    for (int n = 1; n <= 12; ++n)
        m_tree.write(QStringLiteral("pm/") + storyPath(n),
                     QStringLiteral("{\n  \"id\": \"F-AB-%1\",\n  \"epicId\": \"core\",\n  "
                                    "\"title\": \"Story %1\",\n  \"status\": \"todo\"\n}")
                         .arg(n, 3, 10, QLatin1Char('0'))
                         .toUtf8());
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

// Redis holds what a migration writes for the folder, except: F-AB-002 changed (two fields),
// F-AB-003 missing, F-AB-005 the same document in another key order, F-AB-999 only there.
void TestWindowPolish::open(MainWindow& window)
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_entries = int(test::writeAsMigrated(m_redis, m_tree.path(QStringLiteral("pm"))).size());
    QVERIFY(m_entries > 0);
    m_redis.cli({QStringLiteral("DEL"), QString::fromUtf8(storyKey(3))});
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(storyKey(2)),
                 QStringLiteral(R"({"id":"F-AB-002","epicId":"core","title":"Renamed",)"
                                R"("status":"done"})")});
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(storyKey(5)),
                 QStringLiteral(R"({"epicId":"core","id":"F-AB-005","title":"Story 005",)"
                                R"("status":"todo"})")});
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kOnlyKv),
                 QStringLiteral(R"({"id":"F-AB-999","title":"Made in the app"})")});
    test::openAndConnect(window, m_tree.path(QStringLiteral("pm")),
                         test::redisProfile(m_redis.url()));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isAlignedMode() ||
                                 SyncState(window.alignedPane()
                                               ->model()
                                               ->indexForKey(storyKey(3))
                                               .data(AlignedTreeModel::StateRole)
                                               .toInt()) == SyncState::OnlyFiles,
                             20000);
}

// (a) A parent row's counts ("✔ 9 same, ◆ 1 changed, ≈ 1 equal JSON, other bytes, ◀ 1 only in
// files, ▶ 1 only in KV") were cut at the column's edge with no tooltip.
void TestWindowPolish::summariesAreWholeInTooltips()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    open(window);
    const QModelIndex epic =
        window.alignedPane()->model()->indexForEntityPath(kEpic).siblingAtColumn(
            AlignedTreeModel::StateColumn);
    const QString tip = epic.data(Qt::ToolTipRole).toString();
    for (SyncState s : {SyncState::Same, SyncState::Changed, SyncState::EqualJson,
                        SyncState::OnlyFiles, SyncState::OnlyKv})
        QVERIFY2(tip.contains(syncStateName(s)), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("1 changed")), qPrintable(tip));
    // The same in the file tree of the other mode.
    FileTreeModel* files = window.filePane()->model();
    const QString fileTip = files->indexForEntityPath(kEpic)
                                .siblingAtColumn(FileTreeModel::StateColumn)
                                .data(Qt::ToolTipRole)
                                .toString();
    QVERIFY2(fileTip.contains(syncStateName(SyncState::OnlyFiles)), qPrintable(fileTip));
    // A title too long for its column shows whole in its tooltip.
    QCOMPARE(files->indexForEntityPath(storyPath(7))
                 .siblingAtColumn(FileTreeModel::TitleColumn)
                 .data(Qt::ToolTipRole)
                 .toString(),
             QStringLiteral("Story 007"));
    // Where the words do not fit, the bar keeps every count (glyphs and numbers), not the
    // first words cut in the middle.
    const auto counts = epic.data(AlignedTreeModel::CountsRole).value<SyncCounts>();
    const QFontMetrics metrics(window.font());
    const QString words = SyncStyle::countsText(counts);
    const QString compact = SyncStyle::compactCountsText(counts);
    QCOMPARE(SyncBarDelegate::fittedText(counts, words, metrics, 10000), words);
    const QString narrow =
        SyncBarDelegate::fittedText(counts, words, metrics, metrics.horizontalAdvance(compact) + 2);
    QCOMPARE(narrow, compact);
    for (SyncState s : {SyncState::Changed, SyncState::OnlyFiles, SyncState::OnlyKv})
        QVERIFY2(narrow.contains(SyncStyle::glyph(s) + QStringLiteral(" 1")), qPrintable(narrow));
}

// (b) The status bar clipped long messages; now each is elided, whole in its tooltip, and a
// click shows it in a box.
void TestWindowPolish::statusMessagesAreReachableWhole()
{
    MainWindow window;
    window.resize(700, 600);
    window.show();
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(m_tree.path(QStringLiteral("pm")));
    QVERIFY(loaded.wait(20000));
    auto* status = window.findChild<StatusLabel*>(QStringLiteral("statusText"));
    QVERIFY(status);
    QTRY_VERIFY2(status->isElided(), qPrintable(window.statusText()));
    QVERIFY2(status->toolTip().contains(window.statusText()), qPrintable(status->toolTip()));
    QTest::mouseClick(status, Qt::LeftButton);
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("statusMessageBox"));
    QVERIFY(box && box->isVisible());
    QCOMPARE(box->text(), window.statusText());
    box->close();
    // A refusal goes to the message line: whole in its tooltip too.
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyKvToFile();
    QVERIFY(!waitWrite(done, 0).first);
    auto* message = window.findChild<StatusLabel*>(QStringLiteral("messageText"));
    QVERIFY(message);
    QVERIFY(!window.messageText().isEmpty());
    QCOMPARE(window.messageText(), done.at(0).at(1).toString());
    QVERIFY(message->toolTip().contains(window.messageText()));
}

// The status bar gave its three parts fixed shares (3:3:2), the message line's share kept
// while it was empty: beside an empty middle the folder's counts and the key space's were cut
// ("/tmp/.../pm: 2 projects,..." and "compared all 470 keys of t..."). Each part now has the
// room its text needs when the three fit, and the message line none while it is empty.
void TestWindowPolish::statusPartsShareTheBarByWhatTheySay()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    open(window);
    auto* status = window.findChild<StatusLabel*>(QStringLiteral("statusText"));
    auto* message = window.findChild<StatusLabel*>(QStringLiteral("messageText"));
    auto* keys = window.findChild<StatusLabel*>(QStringLiteral("kvStatusText"));
    QVERIFY(status && message && keys);
    QTRY_VERIFY2(keys->text().contains(QStringLiteral("compared")), qPrintable(keys->text()));
    QVERIFY(window.messageText().isEmpty());
    const QFontMetrics metrics = status->fontMetrics();
    const int bar = window.statusBar()->width();
    // (the two fit the bar together, and the folder's does not fit its fixed share of 3/8)
    const int needed =
        metrics.horizontalAdvance(status->text()) + metrics.horizontalAdvance(keys->text());
    QVERIFY2(needed < bar - 60 && metrics.horizontalAdvance(status->text()) > bar * 3 / 8,
             qPrintable(QStringLiteral("%1 of %2: \"%3\" and \"%4\"")
                            .arg(needed)
                            .arg(bar)
                            .arg(status->text(), keys->text())));
    QTRY_VERIFY2(!status->isElided() && !keys->isElided(),
                 qPrintable(QStringLiteral("%1 px for \"%2\", %3 px for \"%4\"")
                                .arg(status->contentsRect().width())
                                .arg(status->text())
                                .arg(keys->contentsRect().width())
                                .arg(keys->text())));
    // A write's outcome gets the room it needs too, and when all three cannot fit, each is
    // cut by its share and whole in its tooltip.
    message->showMessage(QStringLiteral("Wrote pm:project:alpha."));
    QTRY_VERIFY2(!message->isElided() && message->contentsRect().width() > 0,
                 qPrintable(QString::number(message->contentsRect().width())));
    message->showMessage(QString(400, QLatin1Char('m')));
    QTRY_VERIFY(message->isElided() && status->isElided());
    QVERIFY(status->contentsRect().width() > bar / 5);
    QVERIFY(keys->contentsRect().width() > bar / 8);
}

// (c) The key count in the status bar stayed what the scan found: a copy, its undo and a
// delete now move it.
void TestWindowPolish::footerCountsFollowWrites()
{
    MainWindow window;
    window.show();
    open(window);
    auto* keys = window.findChild<StatusLabel*>(QStringLiteral("kvStatusText"));
    QVERIFY(keys);
    const qint64 before = m_entries; // (all the folder's keys but one, and one only in KV)
    auto says = [keys](qint64 n) {
        return keys->text().contains(QStringLiteral("scanned all %1 keys").arg(n));
    };
    QTRY_VERIFY2(says(before), qPrintable(keys->text()));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    QVERIFY(window.alignedPane()->selectEntityPath(storyPath(3)));
    window.copyFileToKv();
    QVERIFY(waitWrite(done, 0).first);
    QTRY_VERIFY2_WITH_TIMEOUT(says(before + 1), qPrintable(keys->text()), 10000);
    window.undoStack()->undo();
    QVERIFY(waitWrite(done, 1).first);
    QTRY_VERIFY2_WITH_TIMEOUT(says(before), qPrintable(keys->text()), 10000);
    selectAndLoad(window, kOnlyKv);
    window.deleteKey();
    QVERIFY(waitWrite(done, 2).first);
    QTRY_VERIFY2_WITH_TIMEOUT(says(before - 1), qPrintable(keys->text()), 10000);
}

// (d) "Changed" showed rows whose documents are equal (another key order): those are "equal
// JSON, other bytes", a filter of their own.
void TestWindowPolish::changedFilterLeavesEqualJsonOut()
{
    MainWindow window;
    window.show();
    open(window);
    QComboBox* filter = window.alignedPane()->filterBox();
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::Changed)));
    QVERIFY(test::shownRow(window, storyKey(2)).isValid());
    QVERIFY(!test::shownRow(window, storyKey(5)).isValid());
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::EqualJson)));
    QVERIFY(filter->currentIndex() >= 0);
    QVERIFY(test::shownRow(window, storyKey(5)).isValid());
    QVERIFY(!test::shownRow(window, storyKey(2)).isValid());
    // The file tree of the other mode says the same.
    window.setAlignedMode(false);
    QComboBox* files = window.filePane()->filterBox();
    files->setCurrentIndex(files->findData(int(SyncFilter::Mode::Changed)));
    FilePane* pane = window.filePane();
    auto visible = [pane](int n) {
        return pane->selectEntityPath(storyPath(n)) && pane->currentEntityPath() == storyPath(n);
    };
    QVERIFY(visible(2));
    QVERIFY(!visible(5));
}

// (e) F5 folded every row the user had opened (and, in the aligned mode, emptied the rows
// while the folder was read again).
void TestWindowPolish::refreshKeepsOpenRowsAndSelection()
{
    MainWindow window;
    window.show();
    open(window);
    QAction* refresh = window.findChild<QAction*>(QStringLiteral("refresh"));
    const QString people = QStringLiteral("people.json");
    // The aligned mode: the epic opened by hand, a row outside it selected.
    AlignedPane* pane = window.alignedPane();
    auto epicRow = [pane] {
        return pane->proxy()->mapFromSource(pane->model()->indexForEntityPath(kEpic));
    };
    pane->fileView()->expand(epicRow());
    QVERIFY(pane->selectEntityPath(people));
    QSignalSpy aligned(&window, &MainWindow::alignmentReady);
    QSignalSpy rows(&window, &MainWindow::alignedTreeReady);
    refresh->trigger();
    QVERIFY(aligned.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(rows.count() > 0 && window.kvLoader()->isIdle(), 20000);
    QTest::qWait(1200); // (a rebuild is at most a second away)
    QVERIFY(pane->fileView()->isExpanded(epicRow()));
    QVERIFY(pane->keyView()->isExpanded(epicRow()));
    QCOMPARE(pane->currentEntityPath(), people);
    // The file tree of the other mode.
    window.setAlignedMode(false);
    FilePane* files = window.filePane();
    QTreeView* tree = files->view();
    QVERIFY(files->selectEntityPath(kEpic));
    const QModelIndex epic = tree->currentIndex();
    tree->expand(epic);
    QVERIFY(files->selectPath(people));
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    refresh->trigger();
    QVERIFY(loaded.wait(20000));
    QCOMPARE(files->currentPath(), people);
    QVERIFY(files->selectEntityPath(kEpic) && tree->isExpanded(tree->currentIndex()));
}

// (g) With nothing loaded every action was enabled; now each says what to do first.
void TestWindowPolish::actionsSayWhatToDoFirst()
{
    MainWindow window;
    window.show();
    const QStringList names{
        QStringLiteral("disconnect"),         QStringLiteral("refresh"),
        QStringLiteral("expandAll"),          QStringLiteral("collapseAll"),
        QStringLiteral("nextDifference"),     QStringLiteral("previousDifference"),
        QStringLiteral("serverInfo"),         QStringLiteral("copyFileToKv"),
        QStringLiteral("copyKvToFile"),       QStringLiteral("copyFieldToKv"),
        QStringLiteral("copyFieldToFile"),    QStringLiteral("saveKeyEdit"),
        QStringLiteral("saveKeyEditAsTyped"), QStringLiteral("newKey"),
        QStringLiteral("renameKey"),          QStringLiteral("deleteKey"),
        QStringLiteral("setKeyTtl"),          QStringLiteral("persistKey")};
    for (const QString& name : names) {
        auto* action = window.findChild<QAction*>(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->isEnabled(), qPrintable(name));
        const QString why = action->toolTip();
        QVERIFY2(why.contains(QStringLiteral("Ctrl+O")) || why.contains(QStringLiteral("Ctrl+K")) ||
                     why.contains(QStringLiteral("Not connected")),
                 qPrintable(name + QStringLiteral(": ") + why));
    }
    // Loaded and connected, they follow the selection.
    open(window);
    for (const char* name : {"disconnect", "refresh", "expandAll", "nextDifference", "newKey"})
        QVERIFY2(window.findChild<QAction*>(QLatin1String(name))->isEnabled(), name);
    selectAndLoad(window, storyKey(2));
    for (const char* name :
         {"copyFieldToKv", "copyFieldToFile", "saveKeyEdit", "renameKey", "deleteKey", "setKeyTtl"})
        QVERIFY2(window.findChild<QAction*>(QLatin1String(name))->isEnabled(), name);
    QVERIFY(window.alignedPane()->selectEntityPath(storyPath(3))); // no key: nothing to edit
    auto* save = window.findChild<QAction*>(QStringLiteral("saveKeyEdit"));
    QVERIFY(!save->isEnabled());
    QVERIFY2(save->toolTip().contains(QStringLiteral("not in the key space")),
             qPrintable(save->toolTip()));
}

// (h) The letters on the badges had no legend: each badge's tooltip says what it stands for,
// and Help > Legend lists them all with the sync states' shapes.
void TestWindowPolish::badgesHaveALegend()
{
    MainWindow window;
    window.show();
    open(window);
    AlignedTreeModel* rows = window.alignedPane()->model();
    QVERIFY2(rows->indexForKey(storyKey(1))
                 .data(Qt::ToolTipRole)
                 .toString()
                 .contains(QStringLiteral("S: a story")),
             qPrintable(rows->indexForKey(storyKey(1)).data(Qt::ToolTipRole).toString()));
    const QByteArray list = "pm:project:alpha:epic:core:stories:list";
    QVERIFY2(
        rows->indexForKey(list).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("L:")),
        qPrintable(rows->indexForKey(list).data(Qt::ToolTipRole).toString()));
    const QString fileTip = window.filePane()
                                ->model()
                                ->indexForPath(QStringLiteral("people.json"))
                                .data(Qt::ToolTipRole)
                                .toString();
    QVERIFY2(fileTip.startsWith(QStringLiteral("P:")), qPrintable(fileTip));
    QAction* legend = window.findChild<QAction*>(QStringLiteral("legend"));
    QVERIFY(legend);
    legend->trigger();
    auto* dialog = window.findChild<LegendDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    const QString text = LegendDialog::legendText();
    for (const char* badge : {"P:", "R:", "E:", "S:", "L:"})
        QVERIFY2(text.contains(QLatin1String(badge)), badge);
    for (SyncState s : {SyncState::Same, SyncState::EqualJson, SyncState::Changed,
                        SyncState::OnlyFiles, SyncState::OnlyKv, SyncState::Unreadable})
        QVERIFY2(text.contains(SyncStyle::glyph(s) + QLatin1Char(' ') + syncStateName(s)),
                 qPrintable(syncStateName(s)));
    dialog->close();
}

// (j) Ctrl+Z in a search box or in the key editor undoes the typing there; the window's Undo
// of a KV write stays where it is.
void TestWindowPolish::textUndoBeatsTheWindowsUndo()
{
    MainWindow window;
    window.show();
    open(window);
    window.setAlignedMode(false);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    QVERIFY(window.filePane()->selectEntityPath(storyPath(3)));
    window.copyFileToKv();
    QVERIFY(waitWrite(done, 0).first);
    QCOMPARE(window.undoStack()->index(), 1);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QLineEdit* search = window.filePane()->searchBox();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("F-AB"));
    QCOMPARE(search->text(), QStringLiteral("F-AB"));
    QTest::keyClick(search, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(search->text() != QStringLiteral("F-AB"), qPrintable(search->text()));
    search->clear();

    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(storyPath(2)));
    QVERIFY(!value.isEmpty() || value.wait(10000));
    auto* editor = window.keyView()->findChild<QPlainTextEdit*>();
    QVERIFY(editor && !editor->isReadOnly());
    window.detailTabs()->setCurrentWidget(window.keyView()->parentWidget());
    editor->setFocus();
    const QString was = editor->toPlainText();
    QTest::keyClicks(editor, QStringLiteral("xyz"));
    QVERIFY(editor->toPlainText() != was);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), was);

    QTest::qWait(300);
    QCOMPARE(window.undoStack()->index(), 1); // the write is not undone
    QCOMPARE(done.count(), 1);
}

// (k) F7 walked only the fields of the entity shown; in a tree it goes to the next entity whose
// sides differ (Shift+F7: the previous one), and inside the Differences tab it still steps
// through the fields.
void TestWindowPolish::f7GoesToTheNextDifferingEntity()
{
    MainWindow window;
    window.show();
    open(window);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    AlignedPane* pane = window.alignedPane();
    selectAndLoad(window, storyKey(1));
    pane->fileView()->setFocus();
    QTest::keyClick(pane->fileView(), Qt::Key_F7);
    QCOMPARE(pane->currentKey(), storyKey(2)); // changed
    QTest::keyClick(pane->fileView(), Qt::Key_F7);
    QCOMPARE(pane->currentKey(), storyKey(3)); // only in files
    QTest::keyClick(pane->fileView(), Qt::Key_F7);
    QCOMPARE(pane->currentKey(), storyKey(5)); // equal JSON, other bytes
    QTest::keyClick(pane->fileView(), Qt::Key_F7, Qt::ShiftModifier);
    QTest::keyClick(pane->fileView(), Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(pane->currentKey(), storyKey(2));
    // Inside the Differences tab: the fields of the entity shown.
    QTRY_COMPARE_WITH_TIMEOUT(window.diffView()->changeCount(), 2, 10000);
    auto* left = window.diffView()->findChild<QPlainTextEdit*>(QStringLiteral("diffLeft"));
    left->setFocus();
    const int change = window.diffView()->currentChange();
    QTest::keyClick(left, Qt::Key_F7);
    QCOMPARE(window.diffView()->currentChange(), (change + 1) % 2);
    QCOMPARE(pane->currentKey(), storyKey(2));
    // The file tree of the other mode.
    window.setAlignedMode(false);
    QVERIFY(window.filePane()->selectEntityPath(storyPath(4)));
    window.filePane()->view()->setFocus();
    QTest::keyClick(window.filePane()->view(), Qt::Key_F7);
    QCOMPARE(window.filePane()->currentEntityPath(), storyPath(5));
}

// (l) In the aligned mode Ctrl+F put the focus in the file tree's search box, which that mode
// hides; Enter in the file tree's search box did not go to the first match.
void TestWindowPolish::findAndEnterReachTheFirstMatch()
{
    MainWindow window;
    window.show();
    open(window);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.setAlignedMode(true);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(window.alignedPane()->searchBox()->hasFocus());

    window.setAlignedMode(false);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QLineEdit* search = window.filePane()->searchBox();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("story 007"));
    QTest::keyClick(search, Qt::Key_Return);
    // (once the worker has matched the rows)
    QTRY_COMPARE(window.filePane()->currentEntityPath(), storyPath(7));
    QVERIFY(window.filePane()->view()->hasFocus());
    // Enter again with the search applied: at once.
    window.filePane()->view()->setCurrentIndex({});
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window.filePane()->currentEntityPath(), storyPath(7));
}

// (n) With no folder open the file side was an empty tree, and the aligned mode two empty
// trees: each pane now says what it lacks and offers it.
void TestWindowPolish::emptySidesSayWhatIsMissing()
{
    MainWindow window;
    window.show();
    auto* aligned =
        window.alignedPane()->findChild<EmptyStatePage*>(QStringLiteral("alignedPlaceholder"));
    auto* files = window.filePane()->findChild<EmptyStatePage*>(QStringLiteral("filePlaceholder"));
    QVERIFY(aligned && files);
    auto shownButtons = [](const EmptyStatePage* page) {
        QStringList captions;
        for (const QPushButton* b : page->findChildren<QPushButton*>())
            if (b->isVisible())
                captions << b->text();
        return captions;
    };
    window.setAlignedMode(true);
    QVERIFY(aligned->isVisible());
    QVERIFY2(aligned->text().contains(QStringLiteral("No pm/ folder open and no connection")),
             qPrintable(aligned->text()));
    QCOMPARE(shownButtons(aligned).size(), 2);
    QVERIFY(!window.alignedPane()->fileView()->isVisible());
    window.setAlignedMode(false);
    QVERIFY(files->isVisible());
    QVERIFY2(files->text().contains(QStringLiteral("No pm/ folder open")),
             qPrintable(files->text()));
    QCOMPARE(shownButtons(files), QStringList{QStringLiteral("Open Folder... (Ctrl+O)")});
    QVERIFY(!window.filePane()->view()->isVisible());

    open(window); // a folder and a connection
    QVERIFY(!files->isVisible());
    QVERIFY(window.filePane()->view()->isVisible());
    window.setAlignedMode(true);
    QVERIFY(!aligned->isVisible());
    QVERIFY(window.alignedPane()->fileView()->isVisible());

    window.disconnectStore();
    QVERIFY(aligned->isVisible());
    QVERIFY2(aligned->text().contains(QStringLiteral("No connection yet.")),
             qPrintable(aligned->text()));
    QCOMPARE(shownButtons(aligned), QStringList{QStringLiteral("Connect... (Ctrl+K)")});
}

QTEST_MAIN(TestWindowPolish)
#include "tst_windowpolish.moc"
