// The one write rule (issue #17, defect 1) on every KV write path of the window, against a real
// redis-server: copy file -> KV, copy field -> KV, Save Key Edit, Undo and Redo of a KV write.
// On a PROD profile each asks for the connection's name (a cancelled or wrong answer writes
// nothing, the right one writes); on a read-only profile each is refused before any name is
// asked, and the write actions are disabled with the reason. Writes to the folder are not
// KV writes: they need no name, whatever the connection.
#include "diffview.h"
#include "filepane.h"
#include "folderloader.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "kvloader.h"
#include "kvpane.h"
#include "mainwindow.h"
#include "redisserver.h"
#include "testtree.h"

#include <QAction>
#include <QFile>
#include <QInputDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace pmkv;

namespace {

const QString kStory = QStringLiteral("alpha/core/F-AB-002.json");
const QByteArray kKey = "pm:project:alpha:epic:core:story:F-AB-002";
const QByteArray kFile = R"({
  "id": "F-AB-002",
  "title": "Two",
  "status": "todo"
}
)";
const QByteArray kValue =
    R"j({"id":"F-AB-002","title":"Two (edited in the app)","status":"todo"})j";
const QByteArray kEdit = R"({"id":"F-AB-002","title":"Edited by hand","status":"todo"})";

} // namespace

namespace writerule {
enum class Path { CopyFile, CopyField, Edit, Undo, Redo };
// What the user does when asked for the PROD name; ReadOnly: the profile is read-only (PROD
// too), so nothing may ask.
enum class Answer { Cancel, Wrong, Right, ReadOnly };
} // namespace writerule
using writerule::Answer;
using writerule::Path;
Q_DECLARE_METATYPE(writerule::Path)
Q_DECLARE_METATYPE(writerule::Answer)

class TestWriteRule final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void kvWritesPassTheRule_data();
    void kvWritesPassTheRule();
    void readOnlyDisablesWriteActions();
    void folderWritesNeedNoName();

private:
    void open(MainWindow& window, bool readOnly, ConnectionProfile::Environment env);
    // Answers the PROD question once it shows; false when none showed within `ms`.
    static bool answer(MainWindow& window, Answer a, int ms = 10000);
    static bool asks(MainWindow& window);
    static QPair<bool, QString> waitWrite(QSignalSpy& done, qsizetype before);
    QByteArray get() const
    {
        return m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(kKey)}).trimmed();
    }
    QByteArray fileBytes() const
    {
        QFile f(m_tree.path(QStringLiteral("pm/") + kStory));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    test::TestTree m_tree;
    test::RedisServer m_redis;
};

void TestWriteRule::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-writerule"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["F-AB-002"]})");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void TestWriteRule::open(MainWindow& window, bool readOnly, ConnectionProfile::Environment env)
{
    m_tree.write(QStringLiteral("pm/") + kStory, kFile);
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kKey), QString::fromUtf8(kValue)});
    window.show();
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(m_tree.path(QStringLiteral("pm")));
    QVERIFY(loaded.wait(20000));
    QSignalSpy compared(window.kvLoader(), &KvLoader::comparisonFinished);
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = m_redis.url();
    p.readOnly = readOnly;
    p.environment = env;
    window.connectTo(p);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.alignment() && compared.count() > 0 && window.kvLoader()->isIdle(), 20000);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory));
    QVERIFY(value.wait(10000));
    QVERIFY(window.diffView()->changeCount() > 0);
}

bool TestWriteRule::asks(MainWindow& window)
{
    const auto dialogs = window.findChildren<QInputDialog*>();
    for (QInputDialog* d : dialogs) {
        if (d->isVisible())
            return true;
    }
    return false;
}

bool TestWriteRule::answer(MainWindow& window, Answer a, int ms)
{
    QInputDialog* ask = nullptr;
    QDeadlineTimer deadline(ms);
    while (!ask && !deadline.hasExpired()) {
        for (QInputDialog* d : window.findChildren<QInputDialog*>()) {
            if (d->isVisible())
                ask = d;
        }
        if (!ask)
            QTest::qWait(10);
    }
    if (!ask)
        return false;
    if (a == Answer::Cancel) {
        ask->reject();
        return true;
    }
    ask->setTextValue(a == Answer::Right ? QStringLiteral("local") : QStringLiteral("loca"));
    ask->accept();
    return true;
}

QPair<bool, QString> TestWriteRule::waitWrite(QSignalSpy& done, qsizetype before)
{
    if (done.count() <= before && !done.wait(15000))
        return {false, QStringLiteral("no writeFinished")};
    return {done.at(before).at(0).toBool(), done.at(before).at(1).toString()};
}

void TestWriteRule::kvWritesPassTheRule_data()
{
    QTest::addColumn<Path>("path");
    QTest::addColumn<Answer>("answer");
    const QList<QPair<const char*, Path>> paths{{"copy file to KV", Path::CopyFile},
                                                {"copy field to KV", Path::CopyField},
                                                {"save key edit", Path::Edit},
                                                {"undo", Path::Undo},
                                                {"redo", Path::Redo}};
    const QList<QPair<const char*, Answer>> answers{{"PROD, cancelled", Answer::Cancel},
                                                    {"PROD, wrong name", Answer::Wrong},
                                                    {"PROD, typed name", Answer::Right},
                                                    {"read-only PROD", Answer::ReadOnly}};
    for (const auto& [pathName, path] : paths) {
        for (const auto& [answerName, a] : answers) {
            // (a read-only connection never has a KV write on the stack to undo or redo)
            if (a == Answer::ReadOnly && (path == Path::Undo || path == Path::Redo))
                continue;
            QTest::addRow("%s, %s", pathName, answerName) << path << a;
        }
    }
}

void TestWriteRule::kvWritesPassTheRule()
{
    QFETCH(Path, path);
    QFETCH(Answer, answer);
    MainWindow window;
    const QString jobs =
        m_tree.path(QStringLiteral("jobs-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    window.setJobsFolder(jobs);
    const bool readOnly = answer == Answer::ReadOnly;
    open(window, readOnly, ConnectionProfile::Environment::Prod);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    qsizetype writes = 0;

    // Undo and redo need a write on the stack first (and redo its undo), each confirmed.
    QByteArray before = kValue;
    if (path == Path::Undo || path == Path::Redo) {
        window.copyFileToKv();
        QVERIFY(TestWriteRule::answer(window, Answer::Right));
        const auto copied = waitWrite(done, writes++);
        QVERIFY2(copied.first, qPrintable(copied.second));
        before = get();
        QVERIFY(before != kValue);
    }
    if (path == Path::Redo) {
        window.undoStack()->undo();
        QVERIFY(TestWriteRule::answer(window, Answer::Right));
        const auto undone = waitWrite(done, writes++);
        QVERIFY2(undone.first, qPrintable(undone.second));
        before = get();
        QCOMPARE(before, kValue);
    }
    const int runsBefore = int(Journal::listRuns(JobPaths(jobs)).size());
    const int indexBefore = window.undoStack()->index();

    switch (path) {
    case Path::CopyFile:
        window.copyFileToKv();
        break;
    case Path::CopyField:
        window.copyFieldToKv();
        break;
    case Path::Edit:
        window.saveKeyEdit(kEdit);
        break;
    case Path::Undo:
        window.undoStack()->undo();
        break;
    case Path::Redo:
        window.undoStack()->redo();
        break;
    }
    if (answer == Answer::ReadOnly) {
        const auto refused = waitWrite(done, writes);
        QVERIFY(!asks(window)); // refused before any name is asked
        QVERIFY(!refused.first);
        QVERIFY2(refused.second.contains(QStringLiteral("read-only")), qPrintable(refused.second));
    } else {
        QVERIFY2(TestWriteRule::answer(window, answer), "the PROD name was not asked for");
        const auto result = waitWrite(done, writes);
        QCOMPARE(result.first, answer == Answer::Right);
        if (answer == Answer::Wrong)
            QVERIFY2(result.second.contains(QStringLiteral("PROD")), qPrintable(result.second));
    }
    const int runs = int(Journal::listRuns(JobPaths(jobs)).size());
    if (answer == Answer::Right) {
        QVERIFY(get() != before);
        QCOMPARE(runs, runsBefore + 1);
        if (path == Path::Edit)
            QCOMPARE(get(), kEdit);
    } else {
        QCOMPARE(get(), before);
        QCOMPARE(runs, runsBefore);
        // A refused undo or redo leaves the stack where the key is.
        QTRY_COMPARE_WITH_TIMEOUT(window.undoStack()->index(), indexBefore, 5000);
    }
    QVERIFY(!asks(window));
}

// A read-only connection: the write actions are disabled, and say why.
void TestWriteRule::readOnlyDisablesWriteActions()
{
    MainWindow window;
    open(window, true, ConnectionProfile::Environment::None);
    for (const char* name : {"copyFileToKv", "copyFieldToKv", "saveKeyEdit"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QTRY_VERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(action->toolTip()));
    }
    // A copy to the folder is not refused for the connection (only for the selection: none).
    auto* toFile = window.findChild<QAction*>(QStringLiteral("copyKvToFile"));
    QVERIFY(toFile);
    QVERIFY2(!toFile->toolTip().contains(QStringLiteral("read-only")),
             qPrintable(toFile->toolTip()));
}

// Copies to the folder read the key space and write files: no name on PROD, allowed on a
// read-only connection.
void TestWriteRule::folderWritesNeedNoName()
{
    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("jobs-folder")));
    open(window, true, ConnectionProfile::Environment::Prod);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyKvToFile();
    const auto copied = waitWrite(done, 0);
    QVERIFY2(copied.first, qPrintable(copied.second));
    QVERIFY(!asks(window));
    QVERIFY2(fileBytes().contains("Two (edited in the app)"), fileBytes().constData());
    window.undoStack()->undo();
    const auto undone = waitWrite(done, 1);
    QVERIFY2(undone.first, qPrintable(undone.second));
    QCOMPARE(fileBytes(), kFile);
}

QTEST_MAIN(TestWriteRule)
#include "tst_writerule.moc"
