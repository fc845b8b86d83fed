// Per-field copy (issue #7: "copy left -> right / right -> left per entity or per field,
// always through the engine's journal, so Undo works"): FieldCopy's rules on documents, then
// the window copying one field of the Differences tab each way against a real redis-server,
// journaled, and undone with Ctrl+Z.
#include "diff/jsonparser.h"
#include "diffview.h"
#include "fieldcopy.h"
#include "filepane.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "kvloader.h"
#include "mainwindow.h"
#include "redisserver.h"
#include "testtree.h"

#include <QFile>
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
  "epicId": "core",
  "title": "Two",
  "status": "todo",
  "estimate": { "storyPoints": 3, "confidence": "high" },
  "acceptanceCriteria": ["works", "is tested"]
}
)";
const QByteArray kValue =
    R"j({"id":"F-AB-002","epicId":"core","title":"Two (edited in the app)","status":"done","estimate":{"storyPoints":5,"confidence":"high"},"acceptanceCriteria":["works","is tested","is fast"],"big":12345678901234567890})j";

JsonValue parse(const QByteArray& text)
{
    auto v = JsonParser::parse(text);
    return v ? v.value() : JsonValue();
}

} // namespace

class TestFieldCopy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void copiesOneField_data();
    void copiesOneField();
    void refusesWithoutParent();
    void windowCopiesFieldAndUndoes_data();
    void windowCopiesFieldAndUndoes();
    void needsACurrentDifference();

private:
    QByteArray fileBytes() const;
    QByteArray get(const QByteArray& key) const
    {
        return m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(key)}).trimmed();
    }

    test::TestTree m_tree;
    test::RedisServer m_redis;
};

void TestFieldCopy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-fieldcopy"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

QByteArray TestFieldCopy::fileBytes() const
{
    QFile f(m_tree.path(QStringLiteral("pm/") + kStory));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestFieldCopy::copiesOneField_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("changePath");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray a = R"({"t":"A","n":{"x":1,"y":2},"list":[1,2,3],"only":true})";
    const QByteArray b = R"({"t":"B","n":{"x":1,"y":9},"list":[1,3],"extra":0})";
    QTest::newRow("replace") << a << b << "/t"
                             << "/t"
                             << QByteArray(R"({"t":"A","n":{"x":1,"y":9},"list":[1,3],"extra":0})");
    QTest::newRow("nested") << a << b << "/n/y"
                            << "/n/y"
                            << QByteArray(R"({"t":"B","n":{"x":1,"y":2},"list":[1,3],"extra":0})");
    QTest::newRow("add")
        << a << b << "/only"
        << "/only"
        << QByteArray(R"({"t":"B","n":{"x":1,"y":9},"list":[1,3],"extra":0,"only":true})");
    QTest::newRow("remove") << a << b << "/extra"
                            << "/extra"
                            << QByteArray(R"({"t":"B","n":{"x":1,"y":9},"list":[1,3]})");
    QTest::newRow("array item copies the array")
        << a << b << "/list/1"
        << "/list" << QByteArray(R"({"t":"B","n":{"x":1,"y":9},"list":[1,2,3],"extra":0})");
}

void TestFieldCopy::copiesOneField()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, target);
    QFETCH(QString, changePath);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    FieldChange change;
    change.path = changePath.toStdString();
    const std::string p = FieldCopy::pointerFor(change, parse(source), parse(target));
    QCOMPARE(QString::fromStdString(p), pointer);
    auto out = FieldCopy::apply(parse(source), parse(target), p);
    QVERIFY2(out, out ? "" : qPrintable(out.error().message));
    QCOMPARE(QByteArray::fromStdString(out.value().compact()), expected);
}

void TestFieldCopy::refusesWithoutParent()
{
    auto out = FieldCopy::apply(parse(R"({"a":{"b":1}})"), parse(R"({"c":1})"), "/a/b");
    QVERIFY(!out);
    QVERIFY2(out.error().message.contains(QStringLiteral("/a/b")) &&
                 out.error().message.contains(QStringLiteral("parent")),
             qPrintable(out.error().message));
}

void TestFieldCopy::windowCopiesFieldAndUndoes_data()
{
    QTest::addColumn<bool>("toKv");
    QTest::addColumn<bool>("shortcut");
    QTest::addColumn<QString>("change");        // as DiffView::changeTexts() names it
    QTest::addColumn<QByteArray>("expectKv");   // what GET returns after the copy
    QTest::addColumn<QByteArray>("expectFile"); // a line the file holds after it
    QByteArray kv = kValue;
    QTest::newRow("title to KV (Alt+Right)")
        << true << true << QStringLiteral("changed /title")
        << QByteArray(kv).replace("\"Two (edited in the app)\"", "\"Two\"") << QByteArray();
    QTest::newRow("big removed from KV")
        << true << false << QStringLiteral("added /big")
        << QByteArray(kv).replace(",\"big\":12345678901234567890", "") << QByteArray();
    QTest::newRow("estimate to KV")
        << true << false << QStringLiteral("changed /estimate/storyPoints")
        << QByteArray(kv).replace("\"storyPoints\":5", "\"storyPoints\":3") << QByteArray();
    QTest::newRow("status to file (Alt+Left)")
        << false << true << QStringLiteral("changed /status") << QByteArray()
        << QByteArray("  \"status\": \"done\",\n");
    QTest::newRow("big integer to file")
        << false << false << QStringLiteral("added /big") << QByteArray()
        << QByteArray("  \"big\": 12345678901234567890\n");
}

// One field each way through the window: only that field changes on the target, the run is
// journaled, and Undo puts back the exact bytes.
void TestFieldCopy::windowCopiesFieldAndUndoes()
{
    QFETCH(bool, toKv);
    QFETCH(bool, shortcut);
    QFETCH(QString, change);
    QFETCH(QByteArray, expectKv);
    QFETCH(QByteArray, expectFile);
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["F-AB-002"]})");
    m_tree.write(QStringLiteral("pm/") + kStory, kFile);
    m_redis.cli({QStringLiteral("FLUSHALL")});
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kKey), QString::fromUtf8(kValue)});

    MainWindow window;
    const QString jobs =
        m_tree.path(QStringLiteral("jobs-") + QString::fromLatin1(QTest::currentDataTag()).left(8));
    window.setJobsFolder(jobs);
    window.show();
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(m_tree.path(QStringLiteral("pm")));
    QVERIFY(loaded.wait(20000));
    QSignalSpy compared(window.kvLoader(), &KvLoader::comparisonFinished);
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = m_redis.url();
    window.connectTo(p);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.alignment() && compared.count() > 0 && window.kvLoader()->isIdle(), 20000);
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY(window.filePane()->selectEntityPath(kStory));
    QVERIFY(value.wait(10000));
    DiffView* diff = window.diffView();
    const int index = int(diff->changeTexts().indexOf(change));
    QVERIFY2(index >= 0, qPrintable(diff->changeTexts().join(QLatin1Char(','))));
    while (diff->currentChange() != index)
        diff->nextDifference();

    const QByteArray fileBefore = fileBytes();
    QSignalSpy done(&window, &MainWindow::writeFinished);
    if (shortcut) {
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, toKv ? Qt::Key_Right : Qt::Key_Left, Qt::AltModifier);
    } else if (toKv) {
        window.copyFieldToKv();
    } else {
        window.copyFieldToFile();
    }
    QVERIFY(done.count() > 0 || done.wait(15000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    if (toKv) {
        QCOMPARE(get(kKey), expectKv);
        QCOMPARE(fileBytes(), fileBefore);
    } else {
        QCOMPARE(get(kKey), kValue);
        const QByteArray after = fileBytes();
        QVERIFY2(after.contains(expectFile), after.constData());
        QVERIFY2(after.contains("\"title\": \"Two\","), after.constData()); // the rest stays
        QVERIFY2(after.contains("\"storyPoints\": 3"), after.constData());
    }
    const QVector<JournalRun> runs = Journal::listRuns(JobPaths(jobs));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(window.undoStack()->count(), 1);
    const QString field = change.section(QLatin1Char(' '), 1); // "/title"
    QVERIFY2(window.undoStack()->text(0).contains(field), qPrintable(window.undoStack()->text(0)));

    window.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() >= 2, 15000);
    QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
    QCOMPARE(get(kKey), kValue);
    QCOMPARE(fileBytes(), fileBefore);
}

void TestFieldCopy::needsACurrentDifference()
{
    MainWindow window;
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyFieldToKv();
    window.copyFieldToFile();
    QCOMPARE(done.count(), 2);
    QVERIFY(!done.at(0).at(0).toBool());
    QVERIFY2(done.at(1).at(1).toString().contains(QStringLiteral("Select a difference")),
             qPrintable(done.at(1).at(1).toString()));
}

QTEST_MAIN(TestFieldCopy)
#include "tst_fieldcopy.moc"
