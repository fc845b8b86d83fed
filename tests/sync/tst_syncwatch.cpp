// The dual-write follower against a real redis-server: edits in place, saves by rename,
// bursts, a key changed underneath (logged, not overwritten), a file that no longer parses,
// and the folder renamed away and back.
#include "connections/storethread.h"
#include "diff/diffsidebuilder.h"
#include "diff/kvsidereader.h"
#include "diff/sidecomparer.h"
#include "generate/treegenerator.h"
#include "redis/redisaddress.h"
#include "redis/redisstore.h"
#include "redisserver.h"
#include "sync/kvsynctarget.h"
#include "sync/syncrunner.h"
#include "sync/syncwatcher.h"
#include "testtree.h"

#include <QtTest>

using namespace pmkv;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
}

// The file with its "title" replaced, as an editor would save it.
QByteArray retitled(const QByteArray& file, const QByteArray& title)
{
    QByteArray out = file;
    const int at = out.indexOf("\"title\": \"");
    const int end = out.indexOf('"', at + 10);
    out.replace(at + 10, end - at - 10, title);
    return out;
}

} // namespace

class TestSyncWatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listWalkFindsWhatScanFinds();
    void editInPlace();
    void saveByRename();
    void burst();
    void keyChangedUnderneathIsLogged();
    void brokenFileIsLogged();
    void folderRenamedAwayAndBack();
    void cleanupTestCase();

private:
    QString story(int i) const { return m_dir.path(QStringLiteral("pm/") + m_stories.at(i)); }
    QByteArray kvTitle(int i) const;
    bool logHas(const QString& text) const
    {
        for (const QString& l : m_log) {
            if (l.contains(text))
                return true;
        }
        return false;
    }

    test::TestTree m_dir;
    test::RedisServer m_redis;
    StoreThread m_thread;
    KvStore* m_store = nullptr;
    std::unique_ptr<KvSyncTarget> m_target;
    std::unique_ptr<SyncWatcher> m_watcher;
    QStringList m_stories;
    QStringList m_log;
};

QByteArray TestSyncWatch::kvTitle(int i) const
{
    const QStringList parts =
        QString(m_stories.at(i)).remove(QStringLiteral(".json")).split(QLatin1Char('/'));
    const QByteArray value = m_redis.cli(
        {QStringLiteral("GET"),
         QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(parts[0], parts[1], parts[2])});
    const int at = value.indexOf("\"title\":\"");
    return at < 0 ? QByteArray() : value.mid(at + 9, value.indexOf('"', at + 9) - at - 9);
}

void TestSyncWatch::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    TreeGenerator::Options gen;
    gen.epicsPerProject = 2;
    gen.storiesPerEpic = 150;
    QVERIFY(TreeGenerator::generate(m_dir.path(QStringLiteral("pm")), gen).ok());
    QDirIterator it(m_dir.path(QStringLiteral("pm")), {QStringLiteral("F-*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        m_stories << QDir(m_dir.path(QStringLiteral("pm"))).relativeFilePath(it.next());
    m_stories.sort();
    QVERIFY(m_stories.size() > 200);

    const quint16 port = m_redis.port();
    m_store = m_thread.call([&]() -> KvStore* {
        auto* s = new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), port));
        s->setParent(m_thread.context());
        return s;
    });
    m_target = std::make_unique<KvSyncTarget>(*m_store);
    const KeyLayout layout = KeyLayout::preset(QStringLiteral("repository")).value();
    const JobPaths paths(m_dir.path(QStringLiteral("state")));

    // Load the tree into the key space (what `pmkv sync pm/ redis://...` does).
    auto folder = DiffSideBuilder::fromFolder(m_dir.path(QStringLiteral("pm")), layout);
    auto kv = KvSideReader::read(*m_store, layout, m_redis.url());
    QVERIFY(folder.ok() && kv.ok());
    SyncPlanner::Options options;
    options.targetLayout = layout;
    auto plan = SyncPlanner::plan(SideComparer::compare(folder.value(), kv.value(), {}), options);
    QVERIFY(plan.ok());
    auto loaded = SyncRunner::execute(plan.value(), *m_target, paths, QStringLiteral("pm"));
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value().written > 300);

    auto keySpace = KvSideReader::read(*m_store, layout, m_redis.url());
    QVERIFY(keySpace.ok());
    m_watcher = std::make_unique<SyncWatcher>(m_dir.path(QStringLiteral("pm")), layout, *m_target,
                                              paths, SyncWatcher::Options{});
    connect(m_watcher.get(), &SyncWatcher::logged, this, [this](const QString& l) { m_log << l; });
    QVERIFY(m_watcher->start(keySpace.value()));
    QVERIFY(logHas(QStringLiteral("watching")));
    QVERIFY(!logHas(QStringLiteral("at start")));
}

void TestSyncWatch::listWalkFindsWhatScanFinds()
{
    // Upstash read-only tokens may not SCAN: the reader then follows the list keys.
    const KeyLayout layout = KeyLayout::preset(QStringLiteral("repository")).value();
    auto scanned = KvSideReader::read(*m_store, layout, m_redis.url());
    KvSideReader::Options walk;
    walk.forceListWalk = true;
    auto walked = KvSideReader::read(*m_store, layout, m_redis.url(), walk);
    QVERIFY(scanned.ok() && walked.ok());
    QCOMPARE(walked.value().entries.size(), scanned.value().entries.size());
    const DiffReport same = SideComparer::compare(scanned.value(), walked.value(), {});
    QCOMPARE(same.count(EntityDiff::State::Same), same.total());
}

void TestSyncWatch::editInPlace()
{
    QElapsedTimer timer;
    timer.start();
    writeFile(story(0), retitled(readFile(story(0)), "Edited in place"));
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(0), QByteArray("Edited in place"), 3000);
    qInfo("edit reached the key space in %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 1500);
}

void TestSyncWatch::saveByRename()
{
    // Like vim or VS Code: write a temporary file, then rename it over the original.
    const QString tmp = story(1) + QStringLiteral(".swp");
    writeFile(tmp, retitled(readFile(story(1)), "Saved by rename"));
    QVERIFY(QFile::remove(story(1)));
    QVERIFY(QFile::rename(tmp, story(1)));
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(1), QByteArray("Saved by rename"), 3000);
    // The replaced file is still followed.
    writeFile(story(1), retitled(readFile(story(1)), "Edited after rename"));
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(1), QByteArray("Edited after rename"), 3000);
}

void TestSyncWatch::burst()
{
    const int passesBefore = m_watcher->passCount();
    for (int i = 10; i < 210; ++i)
        writeFile(story(i), retitled(readFile(story(i)), "Burst " + QByteArray::number(i)));
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(209), QByteArray("Burst 209"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(10), QByteArray("Burst 10"), 5000);
    for (int i = 10; i < 210; i += 7)
        QCOMPARE(kvTitle(i), "Burst " + QByteArray::number(i));
    QVERIFY2(m_watcher->passCount() - passesBefore < 20,
             qPrintable(QString::number(m_watcher->passCount() - passesBefore)));
}

void TestSyncWatch::keyChangedUnderneathIsLogged()
{
    const QStringList parts =
        QString(m_stories.at(2)).remove(QStringLiteral(".json")).split(QLatin1Char('/'));
    const QString key =
        QStringLiteral("pm:project:%1:epic:%2:story:%3").arg(parts[0], parts[1], parts[2]);
    m_redis.cli({QStringLiteral("SET"), key, QStringLiteral(R"({"title":"written by the app"})")});
    writeFile(story(2), retitled(readFile(story(2)), "Edited in the file"));
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("discrepancy: ") + key), 3000);
    QCOMPARE(kvTitle(2), QByteArray("written by the app"));
}

void TestSyncWatch::brokenFileIsLogged()
{
    const QByteArray before = m_redis.cli({QStringLiteral("GET"), QStringLiteral("pm:people")});
    writeFile(m_dir.path(QStringLiteral("pm/people.json")), "[{\"id\": ");
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("people.json no longer parses")), 3000);
    QCOMPARE(m_redis.cli({QStringLiteral("GET"), QStringLiteral("pm:people")}), before);
}

void TestSyncWatch::folderRenamedAwayAndBack()
{
    const QString pm = m_dir.path(QStringLiteral("pm"));
    const QString away = m_dir.path(QStringLiteral("pm-backup"));
    QVERIFY(QDir().rename(pm, away));
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("is gone")), 3000);
    // Edits in the renamed folder are not followed.
    writeFile(away + QLatin1Char('/') + m_stories.at(3),
              retitled(readFile(away + QLatin1Char('/') + m_stories.at(3)), "While away"));
    QTest::qWait(800);
    QVERIFY(kvTitle(3) != "While away");
    QVERIFY(QDir().rename(away, pm));
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("is back")), 4000);
    // The fresh reading finds the edit made while away, and new edits are followed again.
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(3), QByteArray("While away"), 3000);
    writeFile(story(4), retitled(readFile(story(4)), "After the return"));
    QTRY_COMPARE_WITH_TIMEOUT(kvTitle(4), QByteArray("After the return"), 3000);
}

void TestSyncWatch::cleanupTestCase()
{
    m_watcher.reset();
}

QTEST_GUILESS_MAIN(TestSyncWatch)
#include "tst_syncwatch.moc"
