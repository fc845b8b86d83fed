// kill -9 at random points of `pmkv migrate`, resumed each time: the key space ends up exactly
// as planned, and a rollback then gives back exactly what was there before. Before the kills
// (issue #21): the Redis server is frozen (SIGSTOP) in the middle of the run, which must then
// fail on its own within the reply timeout and be resumable; and a second `pmkv migrate` of
// another tree, with a state folder of its own, is started while the first holds the target,
// and must be refused naming the first run and its host, writing nothing. Keys with TTLs come
// back from the rollback with the same absolute expiry (within 50 ms), and one whose TTL ran
// out meanwhile stays gone.
//
// Size and kill points are configurable (the full run: 20,000 stories, 20 kills):
//   PMKV_FAULT_STORIES=20000 PMKV_FAULT_KILLS=20 PMKV_FAULT_SEED=7 ctest -L fault
#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "jobs/journal.h"
#include "jobs/migrationplan.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"
#include "jobs/snapshotjob.h"
#include "testtree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace pmkv;
using namespace pmkv::test;

namespace {

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

// Batches the newest run has recorded so far; -1 when it has no journal yet, or when the
// journal cannot be read at once. Read-only and never waiting: Journal::open sets the
// journal's pragmas and tables, which can wait in SQLite's busy handler on the run's own
// writes (seen: 1.3 s under load). A count that comes back that late may be of a run that
// finished meanwhile, and Redis would then be frozen after the run instead of during it.
qint64 journaledBatches(const JobPaths& paths)
{
    const QStringList files =
        QDir(paths.runsFolder()).entryList({QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return -1;
    const QString name = QStringLiteral("fault-probe");
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(paths.runsFolder() + QLatin1Char('/') + files.last());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=0"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM batch WHERE state <> 'undone'")) &&
                q.next())
                count = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

QMap<QByteArray, QPair<QByteArray, bool>> contentWithTtlFlag(KvStore& store)
{
    QMap<QByteArray, QPair<QByteArray, bool>> out;
    const auto values = dumpStrings(store, "*");
    QVector<KvCommand> ttls;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        ttls.append({"PTTL", it.key()});
    const auto replies = run(store, ttls);
    int i = 0;
    for (auto it = values.cbegin(); it != values.cend(); ++it, ++i)
        out.insert(it.key(), {it.value(), replies.value(i).integer > 0});
    return out;
}

} // namespace

class TestMigrateFault final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killNineAtRandomPointsThenResumeAndRollBack()
    {
        const int stories = envInt("PMKV_FAULT_STORIES", 2000);
        const int kills = envInt("PMKV_FAULT_KILLS", 5);
        const quint32 seed = quint32(envInt("PMKV_FAULT_SEED", 20261123));
        qInfo("fault test: %d stories, %d kill points, seed %u", stories, kills, seed);
        QRandomGenerator rng(seed);

        RedisServer redis;
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        StoreThread thread;
        KvStore* store = openRedisStore(thread, redis.port());

        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.epicsPerProject = 10;
        options.projects = qMax(1, stories / 1000);
        options.storiesPerEpic = qMax(1, stories / (options.projects * 10));
        QVERIFY(TreeGenerator::generate(root, options).ok());

        // What the key space held before: keys the migration overwrites (one with a TTL), keys
        // it never touches.
        Planner::Params planParams;
        planParams.root = root;
        auto source = Planner::readSource(planParams);
        QVERIFY(source.ok());
        QVector<QByteArray> storyKeys;
        for (const PlanItem& item : source.value().items) {
            if (item.role == KeyRole::Story)
                storyKeys.append(item.key.toUtf8());
        }
        // The first story the run writes: it will have lost its TTL by the rollback.
        QByteArray shortLived;
        int shortLivedPosition = 0;
        for (int i : source.value().writeOrder()) {
            if (source.value().items.at(i).role == KeyRole::Story) {
                shortLived = source.value().items.at(i).key.toUtf8();
                break;
            }
            ++shortLivedPosition;
        }
        storyKeys.removeAll(shortLived);
        run(*store, {{"SET", storyKeys.at(0), "{\"before\":1}", "PX", "3600000"},
                     {"SET", storyKeys.at(1), "{\"before\":4}", "PX", "1800000"},
                     {"SET", storyKeys.at(2), "{\"before\":5}", "PX", "900000"},
                     {"SET", storyKeys.at(storyKeys.size() / 2), "{\"before\":2}"},
                     {"SET", storyKeys.last(), "{\"before\":3}"},
                     {"SET", "pm:unrelated", "stays"},
                     {"SET", "elsewhere", "stays too"}});
        QMap<QByteArray, qint64> expiries; // absolute, on Redis's clock
        for (int i = 0; i < 3; ++i)
            expiries.insert(storyKeys.at(i),
                            run(*store, {{"PEXPIRETIME", storyKeys.at(i)}}).value(0).integer);
        const auto before = contentWithTtlFlag(*store);
        const QString snapshotBefore = dir.filePath(QStringLiteral("before.ndjson"));
        QVERIFY(SnapshotJob::take(*store, QStringLiteral("*"), snapshotBefore).ok());
        // Overwritten by the run's first batches (before its TTL runs out), expired by the
        // time the run is rolled back: it stays gone.
        constexpr int kShortTtlMs = 8000;
        QElapsedTimer shortLivedClock;
        shortLivedClock.start();
        run(*store, {{"SET", shortLived, "{\"before\":6}", "PX", QByteArray::number(kShortTtlMs)}});

        const JobPaths paths(dir.filePath(QStringLiteral("state")));
        // About 400 batches whatever the size, so that kill points land between and inside them
        // (the migration got fast enough that 200 batches of 2,000 stories could end before a
        // kill point was reached).
        const int batchKeys = qMax(5, int(source.value().items.size() / 400));
        // A short reply timeout, so that the frozen server ends the run quickly.
        const QString redisUrl = redis.url() + QStringLiteral("?timeout=2s");
        const QStringList common{QStringLiteral("--redis"),      redisUrl,
                                 QStringLiteral("--state-dir"),  paths.root(),
                                 QStringLiteral("--batch-keys"), QString::number(batchKeys)};
        const QString pmkv = binaryPath(QStringLiteral("pmkv"));
        auto startMigrate = [&](QProcess& process, bool resume) {
            QStringList args{QStringLiteral("migrate")};
            if (resume)
                args << QStringLiteral("--resume");
            else
                args << root << QStringLiteral("--policy") << QStringLiteral("overwrite");
            process.start(pmkv, args + common);
            return process.waitForStarted();
        };
        auto waitForBatches = [&](QProcess& process, qint64 atLeast) {
            QElapsedTimer clock;
            clock.start();
            while (!process.waitForFinished(1) && journaledBatches(paths) < atLeast &&
                   clock.elapsed() < 60000)
                QThread::usleep(2000);
            return process.state() == QProcess::Running;
        };

        // 1. The server freezes mid-run: the run fails by itself within the reply timeout (it
        // stayed silent for 420 s and more), resumable.
        {
            QProcess process;
            QVERIFY(startMigrate(process, false));
            // Past the batch that overwrites the short-lived key.
            const qint64 pastShortLived = shortLivedPosition / batchKeys + 2;
            QVERIFY2(waitForBatches(process, pastShortLived),
                     "the run ended before Redis could be frozen");
            QVERIFY(shortLivedClock.elapsed() < kShortTtlMs);
            QVERIFY(redis.freeze());
            QElapsedTimer clock;
            clock.start();
            const bool ended = process.waitForFinished(30000);
            const qint64 took = clock.elapsed();
            QVERIFY(redis.thaw());
            QVERIFY2(ended, "pmkv migrate hung on a frozen server");
            qInfo("frozen server: the run ended after %lld ms", took);
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 2);
            QVERIFY2(process.readAllStandardError().contains("did not answer"), "no clear message");
            QVERIFY(!Migrator::unfinishedRun(paths).isEmpty());
        }

        // 2. A second run on the same target, with its own state folder, while the first (its
        // resume) holds the target: refused, naming the holder's run and host; nothing written.
        {
            const QString runId = Migrator::unfinishedRun(paths);
            QProcess first;
            QVERIFY(startMigrate(first, true));
            const qint64 done = journaledBatches(paths);
            QVERIFY2(waitForBatches(first, done + 1), "the resume ended too soon");
            ::kill(pid_t(first.processId()), SIGSTOP); // holding its lease, mid-run
            const QString other = dir.filePath(QStringLiteral("other-pm"));
            TreeGenerator::Options otherOptions;
            otherOptions.seed = 99;
            QVERIFY(TreeGenerator::generate(other, otherOptions).ok());
            QProcess second;
            second.start(pmkv, {QStringLiteral("migrate"), other, QStringLiteral("--policy"),
                                QStringLiteral("overwrite"), QStringLiteral("--redis"), redisUrl,
                                QStringLiteral("--state-dir"),
                                dir.filePath(QStringLiteral("other-state"))});
            QVERIFY(second.waitForFinished(120000));
            const QByteArray said = second.readAllStandardError();
            ::kill(pid_t(first.processId()), SIGKILL); // one more kill -9, stopped mid-run
            first.waitForFinished(10000);
            QCOMPARE(second.exitCode(), 2);
            QVERIFY2(said.contains(runId.toUtf8()) &&
                         said.contains(QSysInfo::machineHostName().toUtf8()),
                     said.constData());
            QVERIFY(
                Journal::listRuns(JobPaths(dir.filePath(QStringLiteral("other-state")))).isEmpty());
        }
        int killed = 1;
        int launches = 0;
        bool finished = false;
        const qint64 totalBatches = source.value().items.size() / batchKeys + 1;
        auto runFinished = [&paths] {
            for (const JournalRun& r : Journal::listRuns(paths)) {
                if (r.state == JournalRun::State::Done)
                    return true;
            }
            return false;
        };
        QVector<qint64> killPoints;
        // Within the first three quarters of the run, so that a run rarely ends on its own
        // before its kill point is seen.
        for (int i = 0; i < kills; ++i)
            killPoints.append(1 + rng.bounded(quint32(qMax<qint64>(1, totalBatches * 3 / 4))));
        std::sort(killPoints.begin(), killPoints.end());
        while (!(finished = runFinished()) && launches < kills * 4 + 10) {
            ++launches;
            const bool resume = !Migrator::unfinishedRun(paths).isEmpty();
            QProcess process;
            process.setStandardOutputFile(QProcess::nullDevice());
            QVERIFY(startMigrate(process, resume));
            if (killed < kills + 1) {
                // Kill points spread over the whole run: the next of the sorted random batch
                // numbers, plus a few random microseconds (capturing, journaling or sending a
                // batch). One launch in four dies at a random early time instead (start-up,
                // planning, resuming).
                const qint64 done = qMax<qint64>(0, journaledBatches(paths));
                // The first launch always dies within 20 ms of its start (while it reads the
                // tree or plans), so that at least one SIGKILL lands however fast the machine
                // is: a whole run can be quicker than the journal polling below.
                if (launches == 1) {
                    QThread::usleep(rng.bounded(20000u));
                } else if (killPoints.isEmpty() || rng.bounded(4) == 0) {
                    QThread::usleep(rng.bounded(150000u));
                } else {
                    // A point the run already passed moves to just ahead of it.
                    const qint64 target =
                        qMax(killPoints.takeFirst(), done + 1 + qint64(rng.bounded(3u)));
                    QElapsedTimer clock;
                    clock.start();
                    // waitForFinished() also keeps QProcess' state current (no event loop).
                    while (!process.waitForFinished(1) && journaledBatches(paths) < target &&
                           clock.elapsed() < 60000)
                        QThread::usleep(2000);
                    QThread::usleep(rng.bounded(3000u));
                }
                if (!process.waitForFinished(1) && process.state() == QProcess::Running) {
                    ::kill(pid_t(process.processId()), SIGKILL);
                    process.waitForFinished(10000);
                    if (process.exitStatus() == QProcess::CrashExit) {
                        ++killed;
                        qInfo("kill %d (%s): %lld of about %lld batches journaled", killed,
                              resume ? "resume" : "fresh run", journaledBatches(paths),
                              totalBatches);
                        continue;
                    }
                }
            }
            // A run may end on its own just as it was to be killed: waitForFinished() then says
            // false because there is nothing left to wait for.
            QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(120000));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        }
        qInfo("%d launches, %d killed with SIGKILL", launches, killed);
        QVERIFY(finished);
        QVERIFY(killed >= 2);
        QCOMPARE(run(*store, {{"EXISTS", "pmkv:lock:pm"}}).value(0).integer, 0); // released

        // The key space holds exactly the plan of the run (the first run that got a journal).
        const QVector<JournalRun> runs = Journal::listRuns(paths);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().state, JournalRun::State::Done);
        auto plan =
            MigrationPlan::load(runs.first().params.value(QStringLiteral("plan")).toString());
        QVERIFY(plan.ok());
        QVERIFY(Planner::loadValues(plan.value()).ok());
        const auto after = dumpStrings(*store, "pm:*");
        for (const PlanItem& item : plan.value().items)
            QVERIFY2(after.value(item.key.toUtf8()) == item.value, qPrintable(item.key));
        QCOMPARE(after.size(), plan.value().items.size() + 1); // + pm:unrelated
        QCOMPARE(run(*store, {{"PTTL", storyKeys.at(0)}}).value(0).integer, -1);

        // Rollback gives back exactly the content before, TTLs included: the same moments of
        // expiry, and the key whose TTL ran out meanwhile stays gone.
        if (shortLivedClock.elapsed() < kShortTtlMs + 100)
            QTest::qWait(int(kShortTtlMs + 100 - shortLivedClock.elapsed()));
        QProcess rollback;
        rollback.start(pmkv, QStringList{QStringLiteral("rollback"), QStringLiteral("--last"),
                                         QStringLiteral("--redis"), redis.url(),
                                         QStringLiteral("--state-dir"), paths.root()});
        QVERIFY(rollback.waitForFinished(120000));
        QVERIFY2(rollback.exitCode() == 0, rollback.readAllStandardError().constData());
        QCOMPARE(contentWithTtlFlag(*store), before);
        QCOMPARE(run(*store, {{"EXISTS", shortLived}}).value(0).integer, 0);
        for (auto it = expiries.cbegin(); it != expiries.cend(); ++it) {
            const qint64 now = run(*store, {{"PEXPIRETIME", it.key()}}).value(0).integer;
            QVERIFY2(qAbs(now - it.value()) <= 50,
                     qPrintable(QStringLiteral("%1: expiry moved by %2 ms")
                                    .arg(QString::fromUtf8(it.key()))
                                    .arg(now - it.value())));
        }
        const QString snapshotAfter = dir.filePath(QStringLiteral("after.ndjson"));
        QVERIFY(SnapshotJob::take(*store, QStringLiteral("*"), snapshotAfter).ok());
        auto a = SnapshotJob::read(snapshotBefore);
        auto b = SnapshotJob::read(snapshotAfter);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b.value().size(), a.value().size());
        for (int i = 0; i < a.value().size(); ++i) {
            QCOMPARE(b.value().at(i).key, a.value().at(i).key);
            QCOMPARE(b.value().at(i).value, a.value().at(i).value);
            QCOMPARE(b.value().at(i).ttl > 0, a.value().at(i).ttl > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrateFault)
#include "tst_migratefault.moc"
