#include "jobs/backupjob.h"
#include "workflowfixture.h"
#include "workflows/archiveworkflow.h"
#include "workflows/migrationworkflow.h"
#include "workflows/statusworkflow.h"

#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// The six phases of a migration, as the status tells them from the folder, the journals, the
// backups beside the folder and the key space (in memory), each with its next step.
class TstStatusWorkflow final : public QObject
{
    Q_OBJECT

    static QString describe(const Error& e) { return e.code + QStringLiteral(": ") + e.message; }

    static StatusWorkflow::Outcome status(const WorkflowFixture& f, TargetSession* session,
                                          qint64 sample = 0)
    {
        StatusWorkflow::Request request;
        request.root = f.root();
        request.session = session;
        request.sample = sample;
        auto s = StatusWorkflow::run(request, f.context());
        if (!s) {
            qWarning().noquote() << describe(s.error());
            return {};
        }
        return s.value();
    }

    static bool migrate(const WorkflowFixture& f, TargetSession& session,
                        const QStringList& projects = {},
                        MigrationPlan::Policy policy = MigrationPlan::Policy::AbortOnConflict)
    {
        MigrationWorkflow::RunRequest request;
        request.scope.root = f.root();
        request.scope.projects = projects;
        request.scope.policy = policy;
        auto done = MigrationWorkflow::run(request, session, f.context());
        if (!done)
            qWarning().noquote() << describe(done.error());
        return done.ok();
    }

private Q_SLOTS:
    void phase1WithoutAKeySpace()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        const auto none = status(f, nullptr);
        QCOMPARE(none.phase, 1);
        QCOMPARE(none.next.action, NextStep::Action::GiveKeySpace);

        StatusWorkflow::Request request;
        request.root = f.root();
        request.unreachable = makeError(QStringLiteral("connect"), QStringLiteral("refused"));
        auto down = StatusWorkflow::run(request, f.context());
        QVERIFY(down.ok());
        QCOMPARE(down.value().phase, 1);
        QCOMPARE(down.value().next.action, NextStep::Action::StartLocalKv);
        QVERIFY(down.value().advice.contains(QStringLiteral("refused")));
    }

    void phase2BeforeTheFirstRunAndWhileOneIsUnfinished()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &store);
        const auto fresh = status(f, session.get());
        QCOMPARE(fresh.phase, 2);
        QCOMPARE(fresh.next.action, NextStep::Action::Backup);
        QVERIFY(fresh.unfinishedRun.isEmpty());

        store->failNextBatch(MemoryKvStore::Failure::NotSent, MemoryKvStore::writes());
        QVERIFY(!migrate(f, *session));
        const auto stopped = status(f, session.get());
        QCOMPARE(stopped.phase, 2);
        QCOMPARE(stopped.next.action, NextStep::Action::ResumeRun);
        QVERIFY(!stopped.unfinishedRun.isEmpty());
        QCOMPARE(stopped.next.runId, stopped.unfinishedRun);
    }

    void phase3WhenOnlySomeProjectsAreMigrated()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"));
        QVERIFY(migrate(f, *session, {QStringLiteral("atlas")}));
        const auto partial = status(f, session.get());
        QCOMPARE(partial.phase, 3);
        QCOMPARE(partial.next.action, NextStep::Action::MigrateOverwrite);
    }

    void phase4UntilTheKeySpaceMatchesAndABackupExists()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &store);
        QVERIFY(migrate(f, *session));
        const auto migrated = status(f, session.get());
        QCOMPARE(migrated.phase, 4);
        QCOMPARE(migrated.next.action, NextStep::Action::Backup);
        QCOMPARE(migrated.next.path, migrated.root);

        store->set("pm:people", "{\"edited\":true}");
        const auto edited = status(f, session.get());
        QCOMPARE(edited.phase, 4);
        QCOMPARE(edited.next.action, NextStep::Action::MigrateOverwrite);
    }

    void phase5WithABackupAndPhase6OnceArchived()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"));
        QVERIFY(migrate(f, *session));
        BackupJob::Params backup;
        backup.root = f.root();
        QVERIFY(BackupJob::run(backup).ok());
        const auto ready = status(f, session.get());
        QCOMPARE(ready.phase, 5);
        QCOMPARE(ready.next.action, NextStep::Action::Archive);

        ArchiveWorkflow::Request archive;
        archive.root = f.root();
        auto archived = ArchiveWorkflow::run(archive, session.get(), f.context());
        QVERIFY2(archived.ok(), archived.ok() ? "" : qPrintable(describe(archived.error())));
        QVERIFY(archived.value().renamed);
        const auto done = status(f, nullptr);
        QCOMPARE(done.phase, 6);
        QCOMPARE(done.next.action, NextStep::Action::UndoArchive);
    }

    void aKeySpaceThatRefusesScanIsNotTakenForOneThatIsDown()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &store);
        QVERIFY(migrate(f, *session));
        store->refuseScan(true);
        const auto full = status(f, session.get(), 0); // a full check lists the keys
        QCOMPARE(full.phase, 4);
        QCOMPARE(full.next.action, NextStep::Action::Backup);
        QVERIFY(full.validation.has_value());
        QVERIFY(!full.validation->orphansChecked);
    }
};

QTEST_GUILESS_MAIN(TstStatusWorkflow)
#include "tst_statusworkflow.moc"
