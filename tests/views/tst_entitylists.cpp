// Issue #19: the state actions keep the application's lists, in the window against a real
// redis-server (and pmkv-proxy): Delete Key on an entity takes its id out of its list key in
// the same journaled run (one Undo puts both back), as Copy File Value to KV adds a new one;
// Copy KV Value to File of an entity only in KV lists the new file in its parent's file
// (epic.json "storyIds"), journaled and undone with it; a write the connection refuses
// (a read-only token) leaves no run behind.
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "folderloader.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"
#include "windowtest.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace pmkv;
using test::selectAndLoad;
using test::waitWrite;

namespace {

const QByteArray kKey1 = "pm:project:alpha:epic:core:story:F-AB-001";
const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";
const QByteArray kStoriesList = "pm:project:alpha:epic:core:stories:list";
const QString kEpicFile = QStringLiteral("pm/alpha/core/epic.json");
const QByteArray kEpic = R"({
  "id": "core",
  "title": "Core",
  "storyIds": [
    "F-AB-001",
    "F-AB-002"
  ],
  "metrics": {
    "totalStoryPoints": 12345678901234567890
  }
})";

} // namespace

class TestEntityLists final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deleteTakesTheEntityOutOfItsList();
    void newFileJoinsItsEpic();
    void refusedWriteLeavesNoRun();

private:
    // Redis as a migration leaves it, plus F-AB-999 only in KV; `token` empty: directly.
    void open(MainWindow& window, const QByteArray& token = QByteArray());
    QByteArray get(const QByteArray& key) const
    {
        return m_redis.cli({QStringLiteral("GET"), QString::fromUtf8(key)}).trimmed();
    }
    QByteArray file(const QString& path) const
    {
        QFile f(m_tree.path(path));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    test::TestTree m_tree;
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;
};

void TestEntityLists::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-entitylists-tests"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    m_tree.write(kEpicFile, kEpic);
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-001.json"),
                 R"({"id": "F-AB-001", "title": "One"})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-002.json"),
                 R"({"id": "F-AB-002", "title": "Two"})");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    m_proxy.setRedisUrl(m_redis.url());
    m_proxy.setToken("full-token");
    m_proxy.setReadOnlyToken("read-only-token");
    QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
}

void TestEntityLists::open(MainWindow& window, const QByteArray& token)
{
    m_redis.cli({QStringLiteral("FLUSHALL")});
    QVERIFY(!test::writeAsMigrated(m_redis, m_tree.path(QStringLiteral("pm"))).isEmpty());
    m_redis.cli({QStringLiteral("SET"), QString::fromUtf8(kOnlyKv),
                 QStringLiteral(R"({"id":"F-AB-999","title":"Made in the app"})")});
    window.show();
    ConnectionProfile p = test::redisProfile(m_redis.url());
    if (!token.isEmpty()) {
        p.kind = ConnectionProfile::Kind::LocalProxy;
        p.address = m_proxy.url().toString();
    }
    test::openAndConnect(window, m_tree.path(QStringLiteral("pm")), p, token);
    if (token.isEmpty()) // (a token that cannot SCAN finds only the keys the lists name)
        QTRY_VERIFY_WITH_TIMEOUT(window.alignedPane()->model()->indexForKey(kOnlyKv).isValid(),
                                 20000);
}

// (l) Deleting a story's key left its id in the epic's stories list (a copy of a new story
// adds it there): now the list loses it in the same run, and one Undo puts both back.
void TestEntityLists::deleteTakesTheEntityOutOfItsList()
{
    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("jobs-delete")));
    open(window);
    const QByteArray listBefore = get(kStoriesList);
    QCOMPARE(listBefore, QByteArray(R"(["F-AB-001","F-AB-002"])"));
    const QByteArray valueBefore = get(kKey1);
    selectAndLoad(window, kKey1);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.deleteKey();
    const auto deleted = waitWrite(done, 0);
    QVERIFY2(deleted.first, qPrintable(deleted.second));
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QString::fromUtf8(kKey1)}).trimmed(),
             QByteArray("0"));
    QCOMPARE(get(kStoriesList), QByteArray(R"(["F-AB-002"])"));
    QCOMPARE(window.undoStack()->count(), 1);
    QCOMPARE(Journal::listRuns(window.jobPaths()).size(), 1); // one run for both
    window.undoStack()->undo();
    const auto undone = waitWrite(done, 1);
    QVERIFY2(undone.first, qPrintable(undone.second));
    QCOMPARE(get(kKey1), valueBefore);
    QCOMPARE(get(kStoriesList), listBefore);
}

// (m) Copy KV Value to File of a story only in KV created its file but left it out of
// epic.json's storyIds: now the epic lists it, in the same journaled run, undone with it.
void TestEntityLists::newFileJoinsItsEpic()
{
    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("jobs-file")));
    open(window);
    selectAndLoad(window, kOnlyKv);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.copyKvToFile();
    const auto copied = waitWrite(done, 0);
    QVERIFY2(copied.first, qPrintable(copied.second));
    QVERIFY(QFile::exists(m_tree.path(QStringLiteral("pm/alpha/core/F-AB-999.json"))));
    // Listed last, the rest of the document as it was (the big integer digit for digit),
    // written as the application saves it.
    const QByteArray epic = file(kEpicFile);
    QByteArray expected = kEpic;
    expected.replace("\"F-AB-002\"\n", "\"F-AB-002\",\n    \"F-AB-999\"\n");
    QCOMPARE(epic, expected);
    QCOMPARE(window.undoStack()->count(), 1);
    window.undoStack()->undo();
    const auto undone = waitWrite(done, 1);
    QVERIFY2(undone.first, qPrintable(undone.second));
    QCOMPARE(file(kEpicFile), kEpic);
    QVERIFY(!QFile::exists(m_tree.path(QStringLiteral("pm/alpha/core/F-AB-999.json"))));
}

// (f) A write that the connection refuses wrote a run file first (a token that may not write,
// through pmkv-proxy). Refused, nothing is written: no run, no key.
void TestEntityLists::refusedWriteLeavesNoRun()
{
    MainWindow window;
    const QString jobs = m_tree.path(QStringLiteral("jobs-refused"));
    window.setJobsFolder(jobs);
    open(window, "read-only-token");
    QTRY_VERIFY_WITH_TIMEOUT(window.kvLoader()->hasReadOnlyToken(), 10000);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    m_redis.cli({QStringLiteral("DEL"), QString::fromUtf8(kKey1)});
    QTRY_VERIFY_WITH_TIMEOUT(
        window.alignedPane()->selectEntityPath(QStringLiteral("alpha/core/F-AB-001.json")), 10000);
    window.copyFileToKv();
    auto refused = waitWrite(done, 0);
    QVERIFY(!refused.first);
    QVERIFY2(refused.second.contains(QStringLiteral("read-only")), qPrintable(refused.second));
    const QByteArray key2 = "pm:project:alpha:epic:core:story:F-AB-002";
    const QByteArray value2 = get(key2);
    selectAndLoad(window, key2);
    window.deleteKey();
    refused = waitWrite(done, 1);
    QVERIFY(!refused.first);
    QVERIFY2(refused.second.contains(QStringLiteral("read-only")), qPrintable(refused.second));
    window.saveKeyEdit(R"({"id":"F-AB-002","title":"Edited"})");
    refused = waitWrite(done, 2);
    QVERIFY(!refused.first);
    QCOMPARE(Journal::listRuns(JobPaths(jobs)).size(), 0);
    QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QString::fromUtf8(kKey1)}).trimmed(),
             QByteArray("0"));
    QCOMPARE(get(key2), value2);
}

QTEST_MAIN(TestEntityLists)
#include "tst_entitylists.moc"
