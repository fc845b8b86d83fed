// Issue #19, defects 3 and 4, in the window against a real redis-server: the aligned mode
// (both panes as one entity hierarchy, placeholders for the side that lacks a row, one scroll
// and one selection, the sync filters on both sides) and the actions of every state.
#include "alignedfilterproxymodel.h"
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "diffview.h"
#include "filepane.h"
#include "folderloader.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "redisserver.h"
#include "syncfilter.h"
#include "testtree.h"
#include "windowtest.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace pmkv;
using test::selectAndLoad;
using test::waitWrite;

namespace {

const QString kStory1 = QStringLiteral("alpha/core/F-AB-001.json");
const QString kStory3 = QStringLiteral("alpha/core/F-AB-003.json");
const QString kBroken = QStringLiteral("alpha/core/F-AB-004.json");
const QByteArray kKey1 = "pm:project:alpha:epic:core:story:F-AB-001";
const QByteArray kKey3 = "pm:project:alpha:epic:core:story:F-AB-003";
const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";
const QByteArray kStoriesList = "pm:project:alpha:epic:core:stories:list";

QByteArray story(const QByteArray& id)
{
    return R"({
  "id": ")" +
           id +
           R"(",
  "epicId": "core",
  "title": "Story )" +
           id + R"(",
  "status": "todo"
}
)";
}

} // namespace

class TestAlignedMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void alignsBothSidesRowByRow();
    void filtersWorkOnBothSides();
    void sharesScrollAndSelection();
    void switchesModesAndRemembers();
    void createsTheFileOfAKeyOnlyInKv();
    void deletesAKeyUndoably();
    void copyToKvListsANewEntity();
    void actionsSayWhyTheyCannotRun();
    void diffSaysWhenTheFileChangedOnDisk();

private:
    void open(MainWindow& window);
    QByteArray get(const QByteArray& key) const
    {
        return m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(key)}).trimmed();
    }

    test::TestTree m_tree;
    test::RedisServer m_redis;
};

void TestAlignedMode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-aligned-tests"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    m_tree.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    QByteArrayList ids;
    for (int i = 1; i <= 60; ++i)
        ids << QByteArray("F-AB-") + QByteArray::number(i).rightJustified(3, '0');
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": [")" + ids.join(R"(", ")") +
                     R"("]})");
    for (const QByteArray& id : ids) {
        if (id != "F-AB-004")
            m_tree.write(QStringLiteral("pm/alpha/core/%1.json").arg(QString::fromUtf8(id)),
                         story(id));
    }
    m_tree.write(QStringLiteral("pm/") + kBroken, "{ not json");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

// Every story but F-AB-003 in Redis as the application wrote it, plus one only there.
void TestAlignedMode::open(MainWindow& window)
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    for (int i = 1; i <= 60; ++i) {
        const QByteArray id = QByteArray("F-AB-") + QByteArray::number(i).rightJustified(3, '0');
        if (id == "F-AB-003" || id == "F-AB-004")
            continue;
        m_redis.cli(
            {QStringLiteral("SET"),
             QStringLiteral("pm:project:alpha:epic:core:story:") + QString::fromUtf8(id),
             QStringLiteral(R"({"id":"%1","epicId":"core","title":"Story %1","status":"todo"})")
                 .arg(QString::fromUtf8(id))});
    }
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kOnlyKv),
                 QStringLiteral(R"({"id":"F-AB-999","title":"Made in the app"})")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("session:abc"), QStringLiteral("opaque")});
    test::openAndConnect(window, m_tree.path(QStringLiteral("pm")),
                         test::redisProfile(m_redis.url()));
    // The rows follow once the comparison is in.
    QTRY_VERIFY_WITH_TIMEOUT(window.alignedPane()->model()->indexForKey(kKey3).isValid() &&
                                 SyncState(window.alignedPane()
                                               ->model()
                                               ->indexForKey(kKey3)
                                               .data(AlignedTreeModel::StateRole)
                                               .toInt()) == SyncState::OnlyFiles,
                             20000);
}

// Defect 3: an entity only in KV never appeared on the left, one only in the files never on
// the right; rows did not line up.
void TestAlignedMode::alignsBothSidesRowByRow()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.isAlignedMode()); // the default
    open(window);
    AlignedPane* pane = window.alignedPane();
    QVERIFY(pane->isVisible());
    QVERIFY(!window.filePane()->isVisible());

    const QModelIndex onlyKv = test::shownRow(window, kOnlyKv);
    QVERIFY(onlyKv.isValid());
    // On the left, a placeholder row; on the right, the key; on the same line.
    QVERIFY(onlyKv.siblingAtColumn(AlignedTreeModel::FileColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    QVERIFY(!onlyKv.siblingAtColumn(AlignedTreeModel::KeyColumn)
                 .data(AlignedTreeModel::PlaceholderRole)
                 .toBool());
    pane->keyView()->scrollTo(onlyKv);
    QTRY_COMPARE(
        pane->fileView()->visualRect(onlyKv).top(),
        pane->keyView()->visualRect(onlyKv.siblingAtColumn(AlignedTreeModel::KeyColumn)).top());
    const QModelIndex onlyFiles = test::shownRow(window, kKey3);
    QVERIFY(onlyFiles.siblingAtColumn(AlignedTreeModel::KeyColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    QCOMPARE(onlyFiles.data(AlignedTreeModel::EntityPathRole).toString(), kStory3);
    // The same rows, in the same order, on both sides.
    const QModelIndex epic = pane->proxy()->mapFromSource(
        pane->model()->indexForEntityPath(QStringLiteral("alpha/core/epic.json")));
    QCOMPARE(pane->proxy()->rowCount(epic), 62); // the stories list, 60 files, F-AB-999
    QCOMPARE(SyncState(test::shownRow(window, kKey1).data(AlignedTreeModel::StateRole).toInt()),
             SyncState::Same);
    QVERIFY2(pane->summaryText().contains(QStringLiteral("1 only in the key space")),
             qPrintable(pane->summaryText()));
    // A key outside the layout is no entity: the namespace view shows it, not the rows.
    QVERIFY(!pane->model()->indexForKey("session:abc").isValid());
}

// "Only in files" on the right was always empty: in the aligned mode every filter shows its
// rows on both sides.
void TestAlignedMode::filtersWorkOnBothSides()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    open(window);
    AlignedPane* pane = window.alignedPane();
    QComboBox* filter = pane->filterBox();
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::OnlyFiles)));
    const QModelIndex onlyFiles = test::shownRow(window, kKey3);
    QVERIFY(onlyFiles.isValid());
    QVERIFY(pane->keyView()
                ->visualRect(onlyFiles.siblingAtColumn(AlignedTreeModel::KeyColumn))
                .isValid()); // shown on the right, as a placeholder
    QVERIFY(!test::shownRow(window, kKey1).isValid());
    QVERIFY(!test::shownRow(window, kOnlyKv).isValid());
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::OnlyKv)));
    QVERIFY(test::shownRow(window, kOnlyKv).isValid());
    QVERIFY(pane->fileView()
                ->visualRect(test::shownRow(window, kOnlyKv))
                .isValid()); // left placeholder
    QVERIFY(!test::shownRow(window, kKey3).isValid());
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::Changed)));
    QVERIFY(!test::shownRow(window, kKey1).isValid());
    filter->setCurrentIndex(filter->findData(int(SyncFilter::Mode::All)));
    pane->onlyProblemsBox()->setChecked(true);
    const QModelIndex broken =
        pane->proxy()->mapFromSource(pane->model()->indexForEntityPath(kBroken));
    QVERIFY(broken.isValid());
    QVERIFY(pane->fileView()->visualRect(broken).isValid());
    QVERIFY(!test::shownRow(window, kKey1).isValid());
}

// One vertical scroll and one selection; selecting a row shows its detail.
void TestAlignedMode::sharesScrollAndSelection()
{
    MainWindow window;
    window.resize(1000, 500);
    window.show();
    open(window);
    AlignedPane* pane = window.alignedPane();
    window.findChild<QAction*>(QStringLiteral("alignedMode")); // (exists)
    pane->keyView()->expandAll();
    QVERIFY(pane->fileView()->isExpanded(test::shownRow(window, kKey1).parent())); // mirrored
    QScrollBar* right = pane->keyView()->verticalScrollBar();
    QTRY_VERIFY(right->maximum() > 10);
    right->setValue(right->maximum() / 2);
    QCOMPARE(pane->fileView()->verticalScrollBar()->value(), right->value());
    pane->fileView()->verticalScrollBar()->setValue(3);
    QCOMPARE(right->value(), 3);
    // Collapsing on one side collapses the other.
    pane->keyView()->collapse(test::shownRow(window, kKey1).parent());
    QVERIFY(!pane->fileView()->isExpanded(test::shownRow(window, kKey1).parent()));
    pane->keyView()->expand(test::shownRow(window, kKey1).parent());

    QVERIFY(pane->selectKey(kOnlyKv));
    QCOMPARE(pane->keyView()->currentIndex(), pane->fileView()->currentIndex());
    QCOMPARE(window.kvPane()->currentKey(), kOnlyKv);
    QVERIFY2(window.counterpartText().contains(QStringLiteral("has no file")),
             qPrintable(window.counterpartText()));
    QVERIFY(pane->selectEntityPath(kStory1));
    QCOMPARE(window.filePane()->currentEntityPath(), kStory1);
    QCOMPARE(window.kvPane()->currentKey(), kKey1);
    // A jump elsewhere (the overview strip, an action) moves the aligned row too.
    QVERIFY(window.filePane()->selectEntityPath(kStory3));
    QCOMPARE(pane->currentEntityPath(), kStory3);
    // A rebuild keeps the row selected.
    QSignalSpy ready(&window, &MainWindow::alignedTreeReady);
    window.kvLoader()->refresh();
    QVERIFY(ready.wait(20000));
    QCOMPARE(pane->currentEntityPath(), kStory3);
}

void TestAlignedMode::switchesModesAndRemembers()
{
    {
        MainWindow window;
        window.show();
        open(window);
        QAction* toggle = window.findChild<QAction*>(QStringLiteral("alignedMode"));
        QVERIFY(toggle && toggle->isChecked());
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        toggle->trigger();
        QVERIFY(!window.isAlignedMode());
        QVERIFY(window.kvPane()->isVisible()); // the namespace view of the raw key space
        QVERIFY(!window.alignedPane()->isVisible());
        QVERIFY(window.kvPane()->selectKey("session:abc"));
        window.close(); // (remembered when the window closes)
    }
    {
        MainWindow window;
        window.show();
        QVERIFY(!window.isAlignedMode());
        window.setAlignedMode(true);
        QVERIFY(window.alignedPane()->isVisible());
        window.close();
    }
    MainWindow window;
    QVERIFY(window.isAlignedMode());
}

// Defect 4: "Copy KV Value to File" refused an entity only in KV. It creates the file the
// application would write (2-space JSON), journaled; undo removes it again.
void TestAlignedMode::createsTheFileOfAKeyOnlyInKv()
{
    MainWindow window;
    window.show();
    open(window);
    selectAndLoad(window, kOnlyKv);
    QAction* toFile = window.findChild<QAction*>(QStringLiteral("copyKvToFile"));
    QTRY_VERIFY2(toFile->isEnabled(), qPrintable(toFile->toolTip()));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    toFile->trigger();
    const auto [ok, message] = waitWrite(done, 0);
    QVERIFY2(ok, qPrintable(message));
    const QString file = m_tree.path(QStringLiteral("pm/alpha/core/F-AB-999.json"));
    QFile created(file);
    QVERIFY(created.open(QIODevice::ReadOnly));
    QCOMPARE(created.readAll(),
             QByteArray("{\n  \"id\": \"F-AB-999\",\n  \"title\": \"Made in the app\"\n}"));
    created.close();
    // The folder is read again: the row has both sides now, and compares the same.
    QTRY_VERIFY_WITH_TIMEOUT(
        test::shownRow(window, kOnlyKv).data(AlignedTreeModel::InFilesRole).toBool() &&
            SyncState(test::shownRow(window, kOnlyKv).data(AlignedTreeModel::StateRole).toInt()) ==
                SyncState::Same,
        20000);
    QCOMPARE(window.undoStack()->count(), 1);
    window.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(file), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !test::shownRow(window, kOnlyKv).data(AlignedTreeModel::InFilesRole).toBool(), 20000);
}

// Defect 4: there was no delete. Delete Key (the key browser's) removes a key of any state,
// journaled; undo puts it back; the aligned rows follow.
void TestAlignedMode::deletesAKeyUndoably()
{
    MainWindow window;
    window.show();
    open(window);
    selectAndLoad(window, kOnlyKv);
    QAction* remove = window.findChild<QAction*>(QStringLiteral("deleteKey"));
    QVERIFY(remove);
    QTRY_VERIFY2(remove->isEnabled(), qPrintable(remove->toolTip()));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.deleteKey(); // (the key browser's Delete Key, without its question)
    const auto [ok, message] = waitWrite(done, 0);
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QString::fromUtf8(kOnlyKv)}).trimmed(),
             QByteArray("0"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.alignedPane()->model()->indexForKey(kOnlyKv).isValid(), 20000);
    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(get(kOnlyKv),
                              QByteArray(R"({"id":"F-AB-999","title":"Made in the app"})"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(test::shownRow(window, kOnlyKv).isValid(), 20000);
    // An entity the folder has: deleting its key leaves it only in the files.
    selectAndLoad(window, kKey1);
    QTRY_VERIFY2(remove->isEnabled(), qPrintable(remove->toolTip()));
    const qsizetype writes = done.count();
    window.deleteKey(); // (the key browser's Delete Key, without its question)
    const auto [ok1, message1] = waitWrite(done, writes);
    QVERIFY2(ok1, qPrintable(message1));
    QTRY_COMPARE_WITH_TIMEOUT(
        SyncState(test::shownRow(window, kKey1).data(AlignedTreeModel::StateRole).toInt()),
        SyncState::OnlyFiles, 20000);
}

// Defect 4: a new entity copied to KV joins its list key, as a migration lists it, in the same
// journaled run: one undo takes both back.
void TestAlignedMode::copyToKvListsANewEntity()
{
    MainWindow window;
    window.show();
    open(window);
    // The stories list as the application left it: everything but F-AB-003 (and F-AB-004).
    QStringList listed;
    for (int i = 1; i <= 60; ++i) {
        if (i != 3 && i != 4)
            listed << QStringLiteral("\"F-AB-%1\"").arg(i, 3, 10, QLatin1Char('0'));
    }
    listed << QStringLiteral("\"F-AB-999\"");
    const QByteArray before = QStringLiteral("[%1]").arg(listed.join(QLatin1Char(','))).toUtf8();
    m_redis.cli(
        {QStringLiteral("SET"), QString::fromUtf8(kStoriesList), QString::fromUtf8(before)});
    QVERIFY(window.alignedPane()->selectEntityPath(kStory3));
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFileToKv();
    const auto [ok, message] = waitWrite(done, 0);
    QVERIFY2(ok, qPrintable(message));
    QVERIFY(get(kKey3).contains("F-AB-003"));
    // Listed after F-AB-002, where the folder's order puts it; F-AB-999 (only in KV) stays.
    QVERIFY2(get(kStoriesList).startsWith(R"(["F-AB-001","F-AB-002","F-AB-003","F-AB-005")"),
             get(kStoriesList).constData());
    QVERIFY(get(kStoriesList).endsWith(R"("F-AB-060","F-AB-999"])"));
    QCOMPARE(window.undoStack()->count(), 1);
    const qsizetype undone = done.count();
    window.undoStack()->undo();
    QVERIFY(waitWrite(done, undone).first);
    QCOMPARE(get(kStoriesList), before);
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QString::fromUtf8(kKey3)}).trimmed(),
             QByteArray("0"));
    // A missing list key starts with the new entity (once the undo's comparison is in).
    QTRY_COMPARE_WITH_TIMEOUT(window.kvPane()->model()->stateOf(kKey3), SyncState::OnlyFiles,
                              10000);
    m_redis.cli({QStringLiteral("DEL"), QString::fromUtf8(kStoriesList)});
    const qsizetype writes = done.count();
    window.copyFileToKv();
    const auto [ok2, message2] = waitWrite(done, writes);
    QVERIFY2(ok2, qPrintable(message2));
    QCOMPARE(get(kStoriesList), QByteArray(R"(["F-AB-003"])"));
}

// Disabled actions carry the reason; the trees' context menus hold the actions of the row.
void TestAlignedMode::actionsSayWhyTheyCannotRun()
{
    MainWindow window;
    window.show();
    QAction* remove = window.findChild<QAction*>(QStringLiteral("deleteKey"));
    QAction* toFile = window.findChild<QAction*>(QStringLiteral("copyKvToFile"));
    QAction* toKv = window.findChild<QAction*>(QStringLiteral("copyFileToKv"));
    open(window);
    QVERIFY(window.alignedPane()->selectEntityPath(kStory3)); // only in the files
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("not in the key space")),
             qPrintable(remove->toolTip()));
    QVERIFY(!toFile->isEnabled());
    QVERIFY(toKv->isEnabled());
    QVERIFY(window.alignedPane()->selectKey(kStoriesList));
    QVERIFY(!toFile->isEnabled());
    QVERIFY2(toFile->toolTip().contains(QStringLiteral("list key")), qPrintable(toFile->toolTip()));
    QVERIFY(!toKv->isEnabled());
    // The context menu of either side.
    QTreeView* left = window.alignedPane()->fileView();
    Q_EMIT left->customContextMenuRequested(QPoint(5, 5));
    QMenu* menu = window.findChild<QMenu*>(QStringLiteral("treeMenu"));
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(remove) && menu->actions().contains(toFile) &&
            menu->actions().contains(toKv));
    menu->close();
    // A read-only connection: every write says so.
    ConnectionProfile p;
    p.name = QStringLiteral("ro");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = m_redis.url();
    p.readOnly = true;
    QSignalSpy scanned(window.kvLoader(), &KvLoader::scanFinished);
    window.connectTo(p);
    QVERIFY(scanned.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(window.alignedPane()->selectKey(kOnlyKv), 20000);
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("read-only")),
             qPrintable(remove->toolTip()));
}

// The text diff of a value that is not JSON, and a notice when the file changed on disk
// after the folder was read.
void TestAlignedMode::diffSaysWhenTheFileChangedOnDisk()
{
    MainWindow window;
    window.show();
    open(window);
    const QByteArray key5 = "pm:project:alpha:epic:core:story:F-AB-005";
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(key5),
                 QStringLiteral("{\n  \"id\": \"F-AB-005\",\n  \"title\": \"Story X\"")});
    selectAndLoad(window, key5);
    QVERIFY(window.diffView()->isTextDiff());
    QVERIFY(window.diffView()->changeCount() > 0);
    QVERIFY(window.diffView()->noticeText().isEmpty());

    const QString file = m_tree.path(QStringLiteral("pm/") + kStory1);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray was = f.readAll();
    f.close();
    m_tree.write(QStringLiteral("pm/") + kStory1, was + "\n");
    selectAndLoad(window, kKey1);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.diffView()->noticeText().contains(QStringLiteral("changed on disk")), 10000);
    m_tree.write(QStringLiteral("pm/") + kStory1, was);
}

QTEST_MAIN(TestAlignedMode)
#include "tst_alignedmode.moc"
