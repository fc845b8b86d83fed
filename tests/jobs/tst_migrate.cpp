#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "jobs/archivejob.h"
#include "jobs/backupjob.h"
#include "jobs/journal.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"
#include "jobs/rollbackjob.h"
#include "jobs/snapshotjob.h"
#include "jobs/targetlease.h"
#include "jobs/validator.h"
#include "kv/kvwait.h"
#include "migratetestbase.h"
#include "testtree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QPromise>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace pmkv;
using namespace pmkv::test;

namespace {

// A store in front of the real one whose writes fail at once and whose reads after the first
// `readsAnswered` never finish: what a REST store retrying a read for minutes looks like to
// the engine.
class FailingWritesStore final : public KvStore
{
public:
    FailingWritesStore(KvStore& real, int readsAnswered)
        : m_real(real), m_readsAnswered(readsAnswered)
    {
    }
    ~FailingWritesStore() override
    {
        for (auto& promise : m_stalled)
            promise->finish();
    }
    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override
    {
        const QByteArray name = batch.value(0).value(0);
        const bool lease = batch.value(0).value(1).startsWith("pmkv:lock:");
        if ((name == "SET" && !lease) || name == "MSETNX") {
            QPromise<Result<Replies>> failed;
            failed.start();
            failed.addResult(makeError(QStringLiteral("redis-timeout"),
                                       QStringLiteral("the write timed out (test)")));
            failed.finish();
            return failed.future();
        }
        if (name == "MGET" && m_reads++ >= m_readsAnswered) {
            m_stalled.push_back(std::make_shared<QPromise<Result<Replies>>>());
            m_stalled.back()->start();
            return m_stalled.back()->future();
        }
        return m_real.execute(std::move(batch));
    }
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override
    {
        return m_real.executeAtomic(std::move(batch));
    }
    Capabilities capabilities() const override { return m_real.capabilities(); }
    QString describe() const override { return m_real.describe(); }

private:
    KvStore& m_real;
    int m_readsAnswered;
    int m_reads = 0;
    std::vector<std::shared_ptr<QPromise<Result<Replies>>>> m_stalled;
};

// A store in front of the real one that sends each write of the migration after a pause, on a
// thread of its own, and counts how many were out at once: whether the migrator keeps several
// batches in flight, and never more than it is told.
class SlowWritesStore final : public KvStore
{
public:
    explicit SlowWritesStore(KvStore& real) : m_real(real) { m_threads.setMaxThreadCount(32); }
    ~SlowWritesStore() override { m_threads.waitForDone(); }
    QFuture<Result<Replies>> execute(QVector<KvCommand> batch) override
    {
        const QByteArray name = batch.value(0).value(0);
        const bool lease = batch.value(0).value(1).startsWith("pmkv:lock:");
        if ((name != "SET" || lease) && name != "MSETNX")
            return m_real.execute(std::move(batch));
        const int out = ++m_out;
        int most = m_most.load();
        while (out > most && !m_most.compare_exchange_weak(most, out)) {
        }
        return QtConcurrent::run(&m_threads, [this, batch = std::move(batch)] {
            QThread::msleep(300);
            auto replies = waitFor(m_real, m_real.execute(batch));
            --m_out;
            return replies;
        });
    }
    QFuture<Result<Replies>> executeAtomic(QVector<KvCommand> batch) override
    {
        return m_real.executeAtomic(std::move(batch));
    }
    Capabilities capabilities() const override { return m_real.capabilities(); }
    QString describe() const override { return m_real.describe(); }
    int mostAtOnce() const { return m_most.load(); }

private:
    KvStore& m_real;
    QThreadPool m_threads;
    std::atomic_int m_out{0};
    std::atomic_int m_most{0};
};

} // namespace

class TestMigrate final : public MigrateTestBase
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(startTargets(), qPrintable(m_targets.errorString())); }

    void init() { run(*m_direct, {{"FLUSHALL"}}); }

    void planActionsFollowPolicy_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<QString>("different");
        QTest::addColumn<QString>("sameJson");
        QTest::newRow("abort-on-conflict")
            << int(MigrationPlan::Policy::AbortOnConflict) << "conflict"
            << "conflict";
        QTest::newRow("overwrite") << int(MigrationPlan::Policy::Overwrite) << "update"
                                   << "update";
        QTest::newRow("skip-existing") << int(MigrationPlan::Policy::SkipExisting) << "skip"
                                       << "skip";
    }

    void planActionsFollowPolicy()
    {
        QFETCH(int, policy);
        QFETCH(QString, different);
        QFETCH(QString, sameJson);
        auto source = Planner::readSource(planParams());
        QVERIFY(source.ok());
        QVector<const PlanItem*> stories;
        for (const PlanItem& item : source.value().items) {
            if (item.role == KeyRole::Story)
                stories.append(&item);
        }
        const PlanItem& identical = *stories.at(0);
        const PlanItem& changed = *stories.at(1);
        const PlanItem& pretty = *stories.at(2);
        const PlanItem& hash = *stories.at(3);
        const QByteArray prettyBytes =
            QJsonDocument::fromJson(pretty.value).toJson(QJsonDocument::Indented);
        run(*m_direct, {{"SET", identical.key.toUtf8(), identical.value},
                        {"SET", changed.key.toUtf8(), "{\"id\":\"other\"}"},
                        {"SET", pretty.key.toUtf8(), prettyBytes},
                        {"HSET", hash.key.toUtf8(), "f", "v"}});
        auto plan = Planner::plan(planParams(MigrationPlan::Policy(policy)), *m_direct);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(errorText(plan.error())));
        QMap<QString, const PlanItem*> byKey;
        for (const PlanItem& item : plan.value().items)
            byKey.insert(item.key, &item);
        QCOMPARE(planActionName(byKey.value(identical.key)->action), QStringLiteral("skip"));
        QCOMPARE(planActionName(byKey.value(changed.key)->action), different);
        QCOMPARE(planActionName(byKey.value(pretty.key)->action), sameJson);
        QVERIFY(byKey.value(pretty.key)->reason.contains(QStringLiteral("same JSON")));
        QCOMPARE(planActionName(byKey.value(hash.key)->action), QStringLiteral("conflict"));
        QCOMPARE(planActionName(byKey.value(stories.at(4)->key)->action), QStringLiteral("create"));
        // The plan survives a save/load round trip, checksums included.
        const QString file = m_dir.filePath(QStringLiteral("p%1.json").arg(policy));
        QVERIFY(plan.value().save(file).ok());
        auto loaded = MigrationPlan::load(file);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(errorText(loaded.error())));
        QCOMPARE(loaded.value().kvChecksum, plan.value().kvChecksum);
        QCOMPARE(loaded.value().items.size(), plan.value().items.size());
        QVERIFY(Planner::loadValues(loaded.value()).ok());
        QCOMPARE(planValues(loaded.value()), planValues(plan.value()));
    }

    void migrateWritesThePlan_data() { addTransports(); }

    void migrateWritesThePlan()
    {
        QFETCH(QString, transport);
        KvStore& kv = store(transport);
        auto plan = Planner::plan(planParams(), kv);
        QVERIFY(plan.ok());
        QCOMPARE(plan.value().counts().create, plan.value().items.size());
        Migrator::Params params;
        params.paths = freshPaths();
        params.batchKeys = 17;
        params.batchBytes = 20000;
        QVector<JobProgress> reports;
        params.progress = [&reports](const JobProgress& p) { reports.append(p); };
        auto done = Migrator::execute(plan.value(), kv, params);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(errorText(done.error())));
        QCOMPARE(done.value().written, plan.value().items.size());
        QVERIFY(done.value().batches >= plan.value().items.size() / 17);
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
        QVERIFY(!reports.isEmpty());
        QVERIFY(reports.last().final);
        QCOMPARE(reports.last().done, plan.value().items.size());
        auto journal = Journal::openRun(params.paths, done.value().runId);
        QVERIFY(journal.ok());
        QCOMPARE(journal.value()->run().state, JournalRun::State::Done);
        QCOMPARE(journal.value()->counts().value().pendingBatches, 0);
        QCOMPARE(journal.value()->counts().value().keys, plan.value().items.size());

        Validator::Params v;
        v.root = m_root;
        auto validated = Validator::run(v, kv);
        QVERIFY2(validated.ok(), validated.ok() ? "" : qPrintable(errorText(validated.error())));
        QCOMPARE(validated.value().counts[Comparison::Same], plan.value().items.size());
        QVERIFY(validated.value().matches());
        // A second plan finds nothing to do.
        auto again = Planner::plan(planParams(), kv);
        QCOMPARE(again.value().counts().skip, plan.value().items.size());
    }

    // Issue #22: batches of disjoint keys are sent without waiting for the ones before them,
    // up to Params::batchesInFlight, and the key space still ends up exactly as planned.
    void batchesInFlightAreBounded_data()
    {
        QTest::addColumn<int>("inFlight");
        QTest::newRow("one at a time") << 1;
        QTest::newRow("four") << 4;
    }

    void batchesInFlightAreBounded()
    {
        QFETCH(int, inFlight);
        auto plan = Planner::plan(planParams(), *m_direct);
        QVERIFY(plan.ok());
        SlowWritesStore slow(*m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        params.batchKeys = int(plan.value().items.size() / 8) + 1; // eight or nine batches
        params.batchesInFlight = inFlight;
        auto done = Migrator::execute(plan.value(), slow, params);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(errorText(done.error())));
        QVERIFY(done.value().batches >= 8);
        QCOMPARE(slow.mostAtOnce(), inFlight);
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
        auto journal = Journal::openRun(params.paths, done.value().runId);
        QVERIFY(journal.ok());
        QCOMPARE(journal.value()->run().state, JournalRun::State::Done);
        QCOMPARE(journal.value()->counts().value().pendingBatches, 0);
    }

    void stalePlanIsRefused()
    {
        auto plan = Planner::plan(planParams(), *m_direct);
        QVERIFY(plan.ok());
        const QByteArray key = firstStoryKey();
        run(*m_direct, {{"SET", key, "someone else"}});
        Migrator::Params params;
        params.paths = freshPaths();
        auto done = Migrator::execute(plan.value(), *m_direct, params);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, QStringLiteral("plan.stale"));
        QVERIFY(done.error().message.contains(QString::fromUtf8(key)));
        QCOMPARE(run(*m_direct, {{"DBSIZE"}}).value(0).integer, 1);

        // A source file edited after the plan: loading its values refuses the plan.
        TestTree copy;
        Planner::Params p = planParams();
        p.root = copyTree(m_root, copy);
        QVERIFY(!p.root.isEmpty());
        auto copyPlan = Planner::plan(p, *m_direct);
        QVERIFY(copyPlan.ok());
        QString storyFile;
        for (const PlanItem& item : copyPlan.value().items) {
            if (item.role == KeyRole::Story && item.writes()) {
                storyFile = copy.path(QStringLiteral("pm/") + item.source);
                break;
            }
        }
        QFile f(storyFile);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes.replace("\"title\": \"", "\"title\": \"Edited ");
        f.seek(0);
        f.write(bytes);
        f.close();
        MigrationPlan saved = copyPlan.value();
        for (PlanItem& item : saved.items)
            item.value.clear();
        auto stale = Planner::loadValues(saved);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, QStringLiteral("plan.stale"));
    }

    void createdSinceThePlanIsLeftAlone_data() { migrateWritesThePlan_data(); }

    // A first migration does not read its keys before writing them (MSETNX): a key created
    // after the plan is still never overwritten, the run stops naming it, and undoing the run
    // leaves it to its owner.
    void createdSinceThePlanIsLeftAlone()
    {
        QFETCH(QString, transport);
        KvStore& kv = store(transport);
        auto plan = Planner::plan(planParams(), kv);
        QVERIFY(plan.ok());
        QCOMPARE(plan.value().counts().create, plan.value().items.size());
        const QVector<int> order = plan.value().writeOrder();
        const QByteArray key = plan.value().items.at(order.at(order.size() / 2)).key.toUtf8();
        run(*m_direct, {{"SET", key, "someone else"}});
        const auto before = dumpStrings(*m_direct, "*");
        Migrator::Params params;
        params.paths = freshPaths();
        params.batchKeys = 10;
        params.checkKvFirst = false; // as `pmkv migrate` right after planning
        auto done = Migrator::execute(plan.value(), kv, params);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, QStringLiteral("plan.stale"));
        QVERIFY2(done.error().message.contains(QString::fromUtf8(key)),
                 qPrintable(done.error().message));
        QCOMPARE(run(*m_direct, {{"GET", key}}).value(0).bytes, QByteArray("someone else"));
        const qint64 keys = run(*m_direct, {{"DBSIZE"}}).value(0).integer;
        QVERIFY2(keys > 10 && keys < plan.value().items.size(), qPrintable(QString::number(keys)));

        RollbackJob::Params rb;
        rb.paths = params.paths;
        rb.runId = RollbackJob::lastUndoableRun(params.paths);
        auto undone = RollbackJob::run(rb, kv);
        QVERIFY2(undone.ok(), undone.ok() ? "" : qPrintable(errorText(undone.error())));
        QVERIFY(undone.value().changedSince.isEmpty());
        QCOMPARE(dumpStrings(*m_direct, "*"), before);
    }

    // Resuming a batch the run recorded but may not have sent: keys that landed are not sent
    // again, keys still as they were are written, and a key someone changed since stops the
    // resume untouched.
    void resumeLeavesAKeyChangedAfterTheStop()
    {
        auto plan = Planner::plan(planParams(), *m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        auto first = stopAfterFirstBatch(plan.value(), params);
        QVERIFY(first.ok() && first.value().cancelled);
        // A batch recorded, then the process gone: three keys the run had not reached.
        QVector<JournalEntry> entries;
        {
            auto journal = Journal::openRun(params.paths, first.value().runId);
            QVERIFY(journal.ok());
            const QSet<QByteArray> journaled = journal.value()->journaledKeys().value();
            for (int i : plan.value().writeOrder()) {
                const PlanItem& item = plan.value().items.at(i);
                if (entries.size() < 3 && !journaled.contains(item.key.toUtf8())) {
                    JournalEntry entry;
                    entry.key = item.key.toUtf8();
                    entry.newHash = item.sha256;
                    entries.append(entry);
                }
            }
            QCOMPARE(entries.size(), 3);
            QVERIFY(journal.value()->beginBatch(entries).ok());
        }
        const auto values = planValues(plan.value());
        run(*m_direct, {{"SET", entries.at(1).key, values.value(entries.at(1).key)},
                        {"SET", entries.at(2).key, "someone else"}});
        auto refused = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("resume.changed"));
        QVERIFY(refused.error().message.contains(QString::fromUtf8(entries.at(2).key)));
        QCOMPARE(run(*m_direct, {{"GET", entries.at(2).key}}).value(0).bytes,
                 QByteArray("someone else"));
        QVERIFY(run(*m_direct, {{"GET", entries.at(0).key}}).value(0).isNil());

        run(*m_direct, {{"DEL", entries.at(2).key}}); // as the run found it
        auto resumed = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(errorText(resumed.error())));
        QCOMPARE(resumed.value().resent, 2); // the key that landed is not sent again
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), values);
    }

    // The plan file is written while the first batches go: a run stopped before it was saved
    // is resumed by planning again from the files, unless they changed since.
    void resumeWithoutItsPlanFilePlansAgain()
    {
        TestTree copy;
        Planner::Params p = planParams();
        p.root = copyTree(m_root, copy);
        QVERIFY(!p.root.isEmpty());
        auto plan = Planner::plan(p, *m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        auto first = stopAfterFirstBatch(plan.value(), params);
        QVERIFY(first.ok() && first.value().cancelled);
        QVERIFY(QFile::remove(first.value().planPath));

        // A file edited since: the plan made again is not the run's, and nothing is written.
        QString story;
        for (const PlanItem& item : plan.value().items) {
            if (item.role == KeyRole::Story)
                story = copy.path(QStringLiteral("pm/") + item.source); // the last one
        }
        const QByteArray original = [&story] {
            QFile f(story);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        {
            QFile f(story);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray(original).replace("\"title\": \"", "\"title\": \"Edited "));
        }
        const auto before = dumpStrings(*m_direct, "*");
        auto refused = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("plan.stale"));
        QCOMPARE(dumpStrings(*m_direct, "*"), before);

        {
            QFile f(story);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(original);
        }
        auto resumed = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(errorText(resumed.error())));
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
        QVERIFY(MigrationPlan::load(first.value().planPath).ok()); // the run has its plan again
    }

    void conflictsAreRefused()
    {
        run(*m_direct, {{"SET", firstStoryKey(), "{}"}});
        auto plan = Planner::plan(planParams(), *m_direct);
        QCOMPARE(plan.value().counts().conflict, 1);
        Migrator::Params params;
        params.paths = freshPaths();
        auto done = Migrator::execute(plan.value(), *m_direct, params);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, QStringLiteral("plan.conflict"));
        QCOMPARE(run(*m_direct, {{"DBSIZE"}}).value(0).integer, 1);
    }

    void cancelThenResume()
    {
        auto plan = Planner::plan(planParams(), *m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        auto first = stopAfterFirstBatch(plan.value(), params);
        QVERIFY(first.ok());
        QVERIFY(first.value().cancelled);
        QVERIFY(first.value().written > 0);
        QVERIFY(first.value().written < plan.value().items.size());
        QCOMPARE(Migrator::unfinishedRun(params.paths), first.value().runId);
        auto resumed = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(errorText(resumed.error())));
        QCOMPARE(first.value().written + resumed.value().written, plan.value().items.size());
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
        QVERIFY(Migrator::unfinishedRun(params.paths).isEmpty());
        auto again = Migrator::resume(first.value().runId, *m_direct, params);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("resume.finished"));
    }

    // Ctrl-C before the first write (while the tree is read, or between planning and the first
    // batch) leaves no run behind, and a cancelled validation reports nothing.
    void cancelBeforeWritingStartsNoRun()
    {
        const auto before = dumpStrings(*m_direct, "*");
        std::atomic_bool cancel{true};
        Planner::Params stopped = planParams();
        stopped.cancel = &cancel;
        auto plan = Planner::plan(stopped, *m_direct);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, QStringLiteral("read.cancelled"));

        auto made = Planner::plan(planParams(), *m_direct);
        QVERIFY(made.ok());
        Migrator::Params params;
        params.paths = freshPaths();
        params.cancel = &cancel;
        auto executed = Migrator::execute(made.value(), *m_direct, params);
        QVERIFY(!executed.ok());
        QCOMPARE(executed.error().code, QStringLiteral("migrate.cancelled"));
        QVERIFY(Journal::listRuns(params.paths).isEmpty());
        QCOMPARE(dumpStrings(*m_direct, "*"), before);

        Validator::Params v;
        v.root = m_root;
        v.cancel = &cancel;
        auto validated = Validator::run(v, *m_direct);
        QVERIFY(!validated.ok());
        QCOMPARE(validated.error().code, QStringLiteral("validate.cancelled"));
    }

    void redisStoppedMidRunIsResumable()
    {
        auto plan = Planner::plan(planParams(), *m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        params.batchKeys = 10;
        bool stopped = false;
        params.progress = [&](const JobProgress&) {
            if (!stopped) {
                stopped = true;
                m_targets.redis().stop();
            }
        };
        auto failed = Migrator::execute(plan.value(), *m_direct, params);
        QVERIFY(!failed.ok());
        const QString runId = Migrator::unfinishedRun(params.paths);
        QVERIFY(!runId.isEmpty());
        QCOMPARE(failed.error().next.action, NextStep::Action::ResumeRun);
        QCOMPARE(failed.error().next.runId, runId);
        QVERIFY(m_targets.redis().start());
        params.progress = {};
        // The client reconnects on its own; give it a moment.
        Result<Migrator::Outcome> resumed = makeError(QString(), QString());
        for (int attempt = 0; attempt < 50; ++attempt) {
            resumed = Migrator::resume(runId, *m_direct, params);
            if (resumed.ok())
                break;
            QThread::msleep(100);
        }
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(errorText(resumed.error())));
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
    }

    void validateFindsEveryState()
    {
        auto plan = Planner::plan(planParams(), *m_direct);
        Migrator::Params params;
        params.paths = freshPaths();
        QVERIFY(Migrator::execute(plan.value(), *m_direct, params).ok());
        QVector<QByteArray> stories;
        for (const PlanItem& item : plan.value().items) {
            if (item.role == KeyRole::Story)
                stories.append(item.key.toUtf8());
        }
        const QByteArray pretty =
            QJsonDocument::fromJson(run(*m_direct, {{"GET", stories.at(2)}}).value(0).bytes)
                .toJson(QJsonDocument::Indented);
        run(*m_direct, {{"DEL", stories.at(0)},
                        {"SET", stories.at(1), "{\"different\":1}"},
                        {"SET", stories.at(2), pretty},
                        {"DEL", stories.at(3)},
                        {"HSET", stories.at(3), "f", "v"},
                        {"PEXPIRE", stories.at(4), "900000"},
                        {"SET", stories.at(5), "not JSON {"},
                        {"SET", "pm:project:ghost", "{}"},
                        {"SET", "pm:weird-key", "x"},
                        {"SET", "other:key", "outside the prefix"}});
        Validator::Params v;
        v.root = m_root;
        auto result = Validator::run(v, *m_direct);
        QVERIFY(result.ok());
        const auto& o = result.value();
        QCOMPARE(o.counts[Comparison::OnlyLeft], 1);
        QCOMPARE(o.counts[Comparison::Changed], 1);
        QCOMPARE(o.counts[Comparison::EqualJson], 1);
        QCOMPARE(o.counts[Comparison::Unreadable], 2); // the hash and the string that is not JSON
        QCOMPARE(o.counts[Comparison::OnlyRight], 2);
        QCOMPARE(o.withTtl, 1);
        QCOMPARE(o.counts[Comparison::Same], plan.value().items.size() - 5);
        QCOMPARE(o.byRole.value(QStringLiteral("story"))[Comparison::Changed], 1);
        // The same names as the diff's, with the validator's sides.
        const QJsonObject counts = o.toJson().value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("only-files")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("unreadable")).toInt(), 2);
        QCOMPARE(counts.keys().size(), kComparisonCount);
        QVERIFY(!o.matches());
        bool unknownOrphan = false;
        for (const auto& f : o.findings)
            unknownOrphan = unknownOrphan || (f.key == QLatin1String("pm:weird-key") &&
                                              f.role == QLatin1String("unknown"));
        QVERIFY(unknownOrphan);

        v.sample = 10;
        auto sampled = Validator::run(v, *m_direct);
        QVERIFY(sampled.ok());
        QCOMPARE(sampled.value().checkedKeys, 10);
        QVERIFY(sampled.value().sampled);
        QVERIFY(!sampled.value().orphansChecked);
    }

    void partialScopeKeepsProjectsListConsistent()
    {
        Planner::Params p = planParams();
        p.projects = {QStringLiteral("atlas")};
        auto first = Planner::plan(p, *m_direct);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(errorText(first.error())));
        Migrator::Params params;
        params.paths = freshPaths();
        QVERIFY(Migrator::execute(first.value(), *m_direct, params).ok());
        QCOMPARE(run(*m_direct, {{"GET", "pm:projects:list"}}).value(0).bytes,
                 QByteArray("[\"atlas\"]"));
        QVERIFY(run(*m_direct, {{"KEYS", "pm:project:borealis*"}}).value(0).elements.isEmpty());
        p.projects = {QStringLiteral("borealis")};
        p.policy = MigrationPlan::Policy::Overwrite;
        auto second = Planner::plan(p, *m_direct);
        QVERIFY(Migrator::execute(second.value(), *m_direct, params).ok());
        QCOMPARE(run(*m_direct, {{"GET", "pm:projects:list"}}).value(0).bytes,
                 QByteArray("[\"atlas\",\"borealis\"]"));
        Validator::Params v;
        v.root = m_root;
        QVERIFY(Validator::run(v, *m_direct).value().matches());
        p.projects = {QStringLiteral("nope")};
        auto unknown = Planner::plan(p, *m_direct);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("plan.project"));
    }

    // Issue #21 item 3: two runs into one target both succeeded and mixed their trees. A run
    // holds a lease on the target; a second one is refused naming the holder, a resumed run
    // takes its own lease over, and the lease is gone when the run ends.
    void secondRunIsRefusedWhileTheLeaseIsHeld()
    {
        const QByteArray lock = TargetLease::keyFor(QStringLiteral("pm"));
        QCOMPARE(lock, QByteArray("pmkv:lock:pm"));
        auto plan = Planner::plan(planParams(), *m_direct);
        QVERIFY(plan.ok());
        TargetLease::Options other;
        other.host = QStringLiteral("other-host");
        auto held = TargetLease::acquire(*m_direct, QStringLiteral("pm"),
                                         QStringLiteral("20990101T000000000Z-migrate-beef"), other);
        QVERIFY2(held.ok(), held.ok() ? "" : qPrintable(errorText(held.error())));
        Migrator::Params params;
        params.paths = freshPaths();
        auto refused = Migrator::execute(plan.value(), *m_direct, params);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("target.locked"));
        QVERIFY2(
            refused.error().message.contains(QStringLiteral("20990101T000000000Z-migrate-beef")) &&
                refused.error().message.contains(QStringLiteral("other-host")),
            qPrintable(refused.error().message));
        QVERIFY(Journal::listRuns(params.paths).isEmpty());
        QCOMPARE(dumpStrings(*m_direct, "pm:*").size(), 0);
        held.value().reset(); // released
        QCOMPARE(run(*m_direct, {{"EXISTS", lock}}).value(0).integer, 0);

        // A run killed while it held the lease: its resume takes the lease over, another run
        // is refused until then.
        auto stopped = stopAfterFirstBatch(plan.value(), params);
        QVERIFY(stopped.ok() && stopped.value().cancelled);
        const QByteArray holder = "{\"run\":\"" + stopped.value().runId.toUtf8() +
                                  "\",\"host\":\"h\",\"pid\":1,\"since\":\"x\"}";
        run(*m_direct, {{"SET", lock, holder, "PX", "60000"}});
        Migrator::Params fresh;
        fresh.paths = freshPaths();
        auto plan2 = Planner::plan(planParams(MigrationPlan::Policy::SkipExisting), *m_direct);
        QCOMPARE(Migrator::execute(plan2.value(), *m_direct, fresh).error().code,
                 QStringLiteral("target.locked"));
        auto resumed = Migrator::resume(stopped.value().runId, *m_direct, params);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(errorText(resumed.error())));
        QCOMPARE(run(*m_direct, {{"EXISTS", lock}}).value(0).integer, 0);
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), planValues(plan.value()));
    }

    // Issue #21 item 2: once a batch's write failed, the run ends with that failure; it does
    // not wait on the read of a later batch (which a REST store retried 5 x 30 s).
    void failedWriteDoesNotWaitForLaterReads()
    {
        // Every key exists and differs, so every batch's previous values are read before it
        // is written.
        auto source = Planner::plan(planParams(), *m_direct);
        QVERIFY(source.ok());
        QVector<KvCommand> sets;
        for (const PlanItem& item : source.value().items)
            sets.append({"SET", item.key.toUtf8(), "{}"});
        run(*m_direct, sets);
        auto plan = Planner::plan(planParams(MigrationPlan::Policy::Overwrite), *m_direct);
        QVERIFY(plan.ok());
        QCOMPARE(plan.value().counts().update, plan.value().items.size());
        FailingWritesStore failing(*m_direct, 1);
        Migrator::Params params;
        params.paths = freshPaths();
        params.batchKeys = 10;
        params.checkKvFirst = false;
        QElapsedTimer clock;
        clock.start();
        auto failed = Migrator::execute(plan.value(), failing, params);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, QStringLiteral("redis-timeout"));
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        // The run is left to resume (or undo), as any failed run.
        QVERIFY(!Migrator::unfinishedRun(params.paths).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMigrate)
#include "tst_migrate.moc"
