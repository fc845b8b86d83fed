#include "generate/treegenerator.h"
#include "jobfixture.h"
#include "jobs/journal.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"
#include "jobs/rollbackjob.h"
#include "jobs/sourcevalues.h"
#include "testtree.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// A plan that holds only the hashes of the files' values (Planner::Params::holdValues false,
// what `pmkv migrate` makes): the same plan as one holding the bytes, and executed, the same
// keys; a file that changed since stops the run at its batch, which can then be undone.
class TestSourceValues final : public QObject
{
    Q_OBJECT

    JobTargets m_targets;
    KvStore* m_direct = nullptr; // m_targets' direct store
    QTemporaryDir m_dir;
    QString m_root;
    int m_stateCounter = 0;

    KvStore& store(const QString& transport) { return m_targets.store(transport); }
    JobPaths freshPaths()
    {
        return JobPaths(m_dir.filePath(QStringLiteral("state%1").arg(++m_stateCounter)));
    }
    static Planner::Params params(const QString& root, bool holdValues,
                                  MigrationPlan::Policy policy)
    {
        Planner::Params p;
        p.root = root;
        p.holdValues = holdValues;
        p.policy = policy;
        return p;
    }
    static QMap<QByteArray, QByteArray> valuesOf(const MigrationPlan& plan)
    {
        QMap<QByteArray, QByteArray> values;
        for (const PlanItem& item : plan.items)
            values.insert(item.key.toUtf8(), item.value);
        return values;
    }
    // The source file of the story written last: the last batch's.
    static const PlanItem& lastStoryWritten(const MigrationPlan& plan)
    {
        const QVector<int> order = plan.writeOrder();
        for (auto it = order.crbegin(); it != order.crend(); ++it) {
            if (plan.items.at(*it).role == KeyRole::Story)
                return plan.items.at(*it);
        }
        return plan.items.first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_targets.start(), qPrintable(m_targets.errorString()));
        m_direct = &m_targets.direct();
        m_root = m_dir.filePath(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.projects = 2;
        options.epicsPerProject = 2;
        options.storiesPerEpic = 15;
        QVERIFY(TreeGenerator::generate(m_root, options).ok());
    }

    void init() { run(*m_direct, {{"FLUSHALL"}}); }

    void holdsHashesAndWritesTheSameKeys_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("pmkv-proxy") << QStringLiteral("proxy");
    }

    void holdsHashesAndWritesTheSameKeys()
    {
        QFETCH(QString, transport);
        KvStore& kv = store(transport);
        const auto policy = MigrationPlan::Policy::AbortOnConflict;
        auto held = Planner::plan(params(m_root, true, policy), kv);
        auto hashes = Planner::plan(params(m_root, false, policy), kv);
        QVERIFY(held.ok() && hashes.ok());
        QCOMPARE(hashes.value().sourceChecksum, held.value().sourceChecksum);
        QCOMPARE(hashes.value().items.size(), held.value().items.size());
        int withoutBytes = 0;
        for (int i = 0; i < held.value().items.size(); ++i) {
            const PlanItem& a = held.value().items.at(i);
            const PlanItem& b = hashes.value().items.at(i);
            QCOMPARE(b.key, a.key);
            QCOMPARE(b.sha256, a.sha256);
            QCOMPARE(b.size, a.size);
            QCOMPARE(b.source, a.source);
            // Lists are made by the mapper, not read from one file: they keep their bytes.
            QCOMPARE(b.valueHeld(), a.isList());
            withoutBytes += b.valueHeld() ? 0 : 1;
        }
        QVERIFY(withoutBytes >= 60);

        Migrator::Params run;
        run.paths = freshPaths();
        run.batchKeys = 7;
        auto done = Migrator::execute(hashes.value(), kv, run);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QCOMPARE(done.value().written, held.value().items.size());
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), valuesOf(held.value()));
    }

    void existingKeysAreDecidedAsWithTheBytes()
    {
        auto source =
            Planner::readSource(params(m_root, true, MigrationPlan::Policy::AbortOnConflict));
        QVERIFY(source.ok());
        QVector<const PlanItem*> stories;
        for (const PlanItem& item : source.value().items) {
            if (item.role == KeyRole::Story)
                stories.append(&item);
        }
        QVERIFY(stories.size() >= 3);
        // Identical; the same JSON in other bytes; different.
        QByteArray spaced = stories.at(1)->value;
        spaced.replace("\",\"", "\", \"");
        QVERIFY(spaced != stories.at(1)->value);
        run(*m_direct, {{"SET", stories.at(0)->key.toUtf8(), stories.at(0)->value},
                        {"SET", stories.at(1)->key.toUtf8(), spaced},
                        {"SET", stories.at(2)->key.toUtf8(), "{\"id\":\"other\"}"}});
        const auto policy = MigrationPlan::Policy::Overwrite;
        auto held = Planner::plan(params(m_root, true, policy), *m_direct);
        auto hashes = Planner::plan(params(m_root, false, policy), *m_direct);
        QVERIFY(held.ok() && hashes.ok());
        const MigrationPlan::Counts counts = hashes.value().counts();
        QCOMPARE(counts.skip, 1);
        QCOMPARE(counts.update, 2);
        for (int i = 0; i < held.value().items.size(); ++i) {
            QCOMPARE(hashes.value().items.at(i).action, held.value().items.at(i).action);
            QCOMPARE(hashes.value().items.at(i).reason, held.value().items.at(i).reason);
        }
    }

    void aFileChangedSinceThePlanStopsTheRunUntilPutBack()
    {
        TestTree copy;
        const QString root = copyTree(m_root, copy);
        QVERIFY(!root.isEmpty());
        auto plan =
            Planner::plan(params(root, false, MigrationPlan::Policy::AbortOnConflict), *m_direct);
        QVERIFY(plan.ok());
        const PlanItem& edited = lastStoryWritten(plan.value());
        QFile file(root + QLatin1Char('/') + edited.source);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray original = file.readAll();
        QByteArray bytes = original;
        bytes.replace("\"title\": \"", "\"title\": \"Edited ");
        QVERIFY(file.resize(0) && file.write(bytes) == bytes.size());
        file.close();

        Migrator::Params run;
        run.paths = freshPaths();
        run.batchKeys = 10;
        auto done = Migrator::execute(plan.value(), *m_direct, run);
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, QStringLiteral("plan.stale"));
        QVERIFY2(done.error().message.contains(edited.source), qPrintable(done.error().message));
        QVERIFY(done.error().message.contains(edited.key));
        // The run can go on once the file is put back, or be rolled back.
        QCOMPARE(done.error().next.action, NextStep::Action::ResumeRun);
        QVERIFY(!done.error().next.runId.isEmpty());
        // The batches before it landed; nothing of its batch, the edited key least of all.
        const qint64 landed = pmkv::test::run(*m_direct, {{"DBSIZE"}}).value(0).integer;
        QVERIFY2(landed > 0 && landed < plan.value().items.size(),
                 qPrintable(QString::number(landed)));
        QCOMPARE(pmkv::test::run(*m_direct, {{"EXISTS", edited.key.toUtf8()}}).value(0).integer, 0);
        const QString runId = Migrator::unfinishedRun(run.paths);
        QVERIFY(!runId.isEmpty());
        auto journal = Journal::openRun(run.paths, runId);
        QCOMPARE(journal.value()->run().state, JournalRun::State::Failed);
        QCOMPARE(journal.value()->counts().value().pendingBatches, 0);
        journal = makeError(QString(), QString());

        // A resume checks every file first: refused while the file is edited, then, with the
        // file as it was, it writes the rest.
        auto refused = Migrator::resume(runId, *m_direct, run);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("plan.stale"));
        QCOMPARE(pmkv::test::run(*m_direct, {{"DBSIZE"}}).value(0).integer, landed);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(original), original.size());
        file.close();
        auto resumed = Migrator::resume(runId, *m_direct, run);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(resumed.error().message));
        auto held = Planner::readSource(params(root, true, MigrationPlan::Policy::AbortOnConflict));
        QVERIFY(held.ok());
        QCOMPARE(dumpStrings(*m_direct, "pm:*"), valuesOf(held.value()));

        RollbackJob::Params rb;
        rb.paths = run.paths;
        rb.runId = runId;
        auto undone = RollbackJob::run(rb, *m_direct);
        QVERIFY2(undone.ok(), undone.ok() ? "" : qPrintable(undone.error().message));
        QCOMPARE(pmkv::test::run(*m_direct, {{"DBSIZE"}}).value(0).integer, 0);
    }

    void aFileGoneSinceThePlanIsNamed()
    {
        TestTree copy;
        const QString root = copyTree(m_root, copy);
        QVERIFY(!root.isEmpty());
        auto plan =
            Planner::plan(params(root, false, MigrationPlan::Policy::AbortOnConflict), *m_direct);
        QVERIFY(plan.ok());
        const PlanItem& gone = lastStoryWritten(plan.value());
        QVERIFY(QFile::remove(root + QLatin1Char('/') + gone.source));
        auto values = SourceValues::of(root, {&gone});
        QVERIFY(!values.ok());
        QCOMPARE(values.error().code, QStringLiteral("plan.source"));
        QVERIFY(values.error().message.contains(gone.source));
        QVERIFY(values.error().message.contains(QStringLiteral("No such file")));
    }

    void aListWithoutBytesIsRefused()
    {
        PlanItem list;
        list.key = QStringLiteral("pm:projects");
        list.role = KeyRole::ProjectsList;
        list.source = QStringLiteral(".");
        list.size = 10;
        auto values = SourceValues::of(m_root, {&list});
        QVERIFY(!values.ok());
        QCOMPARE(values.error().code, QStringLiteral("plan.values"));
        // A list that holds its bytes, and an item that holds them, come back as they are.
        list.value = "[\"atlas\"]";
        auto same = SourceValues::of(m_root, {&list});
        QVERIFY(same.ok());
        QCOMPARE(same.value(), QVector<QByteArray>{list.value});
    }
};

QTEST_GUILESS_MAIN(TestSourceValues)
#include "tst_sourcevalues.moc"
