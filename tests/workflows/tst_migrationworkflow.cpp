#include "jobs/journal.h"
#include "workflowfixture.h"
#include "workflows/migrationworkflow.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// The migration's rules, in-process over in-memory key spaces with scripted failures: the
// write rule, the unfinished-run rule, the target rules of a resume and of a saved plan, and
// the audit line and report of every run.
class TstMigrationWorkflow final : public QObject
{
    Q_OBJECT

    static QString describe(const Error& e) { return e.code + QStringLiteral(": ") + e.message; }

    MigrationWorkflow::RunRequest folderRun(const WorkflowFixture& f) const
    {
        MigrationWorkflow::RunRequest request;
        request.mode = MigrationWorkflow::Mode::Folder;
        request.scope.root = f.root();
        request.batchKeys = 5; // several batches, so a failure can stop the run half way
        return request;
    }

    // A run on `session` whose first writing batch fails as `failure`: the error it ended
    // with (its next step names the run).
    Error failedRun(WorkflowFixture& f, TargetSession& session, MemoryKvStore* store,
                    MemoryKvStore::Failure failure)
    {
        store->failNextBatch(failure, MemoryKvStore::writes());
        auto failed = MigrationWorkflow::run(folderRun(f), session, f.context());
        if (failed.ok())
            return Error{QStringLiteral("unexpected"), QStringLiteral("the run did not fail"), {}};
        return failed.error();
    }

private Q_SLOTS:
    void aRunWritesItsAuditLineAndReport()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &store);
        auto done = MigrationWorkflow::run(folderRun(f), *session, f.context());
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(describe(done.error())));
        const auto& o = done.value();
        QVERIFY(o.migration.written > 10);
        QCOMPARE(store->size(), int(o.migration.written));
        QVERIFY(QFileInfo::exists(o.reportPath));
        QCOMPARE(o.verdict, 0);
        QCOMPARE(o.next.action, NextStep::Action::RollbackRun);
        QCOMPARE(o.next.runId, o.migration.runId);
        QCOMPARE(f.auditedOperations(), QStringList{QStringLiteral("migrate")});
    }

    void anUnfinishedRunBlocksANewOneOnItsTargetOnly()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto sessionA = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        const Error stopped = failedRun(f, *sessionA, a, MemoryKvStore::Failure::NotSent);
        QCOMPARE(stopped.next.action, NextStep::Action::ResumeRun);
        const QString runId = stopped.next.runId;
        QVERIFY(!runId.isEmpty());
        QVERIFY2(!stopped.message.contains(QStringLiteral("pmkv")), qPrintable(stopped.message));

        auto refused = MigrationWorkflow::run(folderRun(f), *sessionA, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("migrate.unfinished"));
        QCOMPARE(refused.error().next.action, NextStep::Action::ResumeRun);
        QCOMPARE(refused.error().next.runId, runId);
        // A dry run writes nothing: it is not refused.
        auto dry = folderRun(f);
        dry.mode = MigrationWorkflow::Mode::DryRun;
        QVERIFY(MigrationWorkflow::run(dry, *sessionA, f.context()).ok());

        // Another key space has no unfinished run.
        auto sessionB = WorkflowFixture::session(QStringLiteral("memory://b"));
        auto elsewhere = MigrationWorkflow::run(folderRun(f), *sessionB, f.context());
        QVERIFY2(elsewhere.ok(), elsewhere.ok() ? "" : qPrintable(describe(elsewhere.error())));

        // Resumed, the run finishes, and a new run on A is allowed again.
        MigrationWorkflow::RunRequest resume;
        resume.mode = MigrationWorkflow::Mode::Resume;
        auto resumed = MigrationWorkflow::run(resume, *sessionA, f.context());
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(describe(resumed.error())));
        QCOMPARE(resumed.value().migration.runId, runId);
        QCOMPARE(a->size(), int(elsewhere.value().migration.written));
        QVERIFY(MigrationWorkflow::run(folderRun(f), *sessionA, f.context()).ok());
        QVERIFY(f.auditedOperations().contains(QStringLiteral("migrate-resume")));
    }

    void aBatchAppliedWhoseReplyWasLostIsSettledByTheResume()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        const Error lost = failedRun(f, *session, a, MemoryKvStore::Failure::LostAfterSending);
        // (a transport's sentence ends with its full stop; the run's follows it, not a second)
        QVERIFY2(!lost.message.contains(QStringLiteral("..")), qPrintable(lost.message));
        QCOMPARE(lost.next.action, NextStep::Action::ResumeRun);
        const int landed = a->size();
        QVERIFY(landed > 0); // the batch reached the key space

        MigrationWorkflow::RunRequest resume;
        resume.mode = MigrationWorkflow::Mode::Resume;
        resume.runId = lost.next.runId;
        auto resumed = MigrationWorkflow::run(resume, *session, f.context());
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(describe(resumed.error())));
        // The landed keys were not counted as sent again.
        QCOMPARE(resumed.value().migration.resent, 0);
        QVERIFY(a->size() > landed);
    }

    void aResumeWritesOnlyToTheRunsTarget()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto sessionA = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        const QString runId =
            failedRun(f, *sessionA, a, MemoryKvStore::Failure::NotSent).next.runId;
        MemoryKvStore* b = nullptr;
        auto sessionB = WorkflowFixture::session(QStringLiteral("memory://b"), &b);
        for (const QString& id : {runId, QString()}) { // named, and "the last unfinished"
            MigrationWorkflow::RunRequest resume;
            resume.mode = MigrationWorkflow::Mode::Resume;
            resume.runId = id;
            auto refused = MigrationWorkflow::run(resume, *sessionB, f.context());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, QStringLiteral("resume.target"));
            QCOMPARE(refused.error().next.action, NextStep::Action::ChooseTarget);
            QCOMPARE(refused.error().next.detail, QStringLiteral("memory://a"));
        }
        QCOMPARE(b->size(), 0);
    }

    void aSavedPlanRunsOnlyOnItsTarget()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        auto sessionA = WorkflowFixture::session(QStringLiteral("memory://a"));
        MigrationWorkflow::PlanRequest planRequest;
        planRequest.scope.root = f.root();
        auto planned = MigrationWorkflow::plan(planRequest, *sessionA, f.context());
        QVERIFY2(planned.ok(), planned.ok() ? "" : qPrintable(describe(planned.error())));
        QVERIFY(QFileInfo::exists(planned.value().path));

        MemoryKvStore* b = nullptr;
        auto sessionB = WorkflowFixture::session(QStringLiteral("memory://b"), &b);
        MigrationWorkflow::RunRequest saved;
        saved.mode = MigrationWorkflow::Mode::SavedPlan;
        saved.planFile = planned.value().path;
        auto refused = MigrationWorkflow::run(saved, *sessionB, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("plan.target"));
        QCOMPARE(refused.error().next.action, NextStep::Action::PlanAgain);
        QCOMPARE(refused.error().next.path, planned.value().plan.root);
        QCOMPARE(b->size(), 0);
        auto done = MigrationWorkflow::run(saved, *sessionA, f.context());
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(describe(done.error())));
    }

    void writesPassTheWriteRule()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto prod = WorkflowFixture::session(
            QStringLiteral("memory://prod"), &store,
            WorkflowFixture::profile(QStringLiteral("live"), ConnectionProfile::Environment::Prod));
        auto request = folderRun(f);
        auto refused = MigrationWorkflow::run(request, *prod, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("prod-not-confirmed"));
        QCOMPARE(refused.error().next.action, NextStep::Action::ConfirmProd);
        QCOMPARE(refused.error().next.detail, QStringLiteral("live"));
        QCOMPARE(store->batchCount(), 0); // refused before anything was read
        request.confirmation = QStringLiteral("live");
        QVERIFY(MigrationWorkflow::run(request, *prod, f.context()).ok());

        auto readOnly = WorkflowFixture::session(
            QStringLiteral("memory://ro"), &store,
            WorkflowFixture::profile(QStringLiteral("ro"), ConnectionProfile::Environment::Dev,
                                     true));
        auto notWritten = MigrationWorkflow::run(folderRun(f), *readOnly, f.context());
        QVERIFY(!notWritten.ok());
        QCOMPARE(notWritten.error().code, QStringLiteral("read-only"));
        auto dry = folderRun(f);
        dry.mode = MigrationWorkflow::Mode::DryRun;
        QVERIFY(MigrationWorkflow::run(dry, *readOnly, f.context()).ok());
        QCOMPARE(store->size(), 0);
    }

    void aCancelledRunNamesItsResume()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"));
        std::atomic_bool cancel{false};
        WorkflowContext context = f.context();
        context.cancel = &cancel;
        context.progress = [&cancel](const JobProgress& p) {
            if (p.phase == QLatin1String("write"))
                cancel = true;
        };
        auto stopped = MigrationWorkflow::run(folderRun(f), *session, context);
        QVERIFY2(stopped.ok(), stopped.ok() ? "" : qPrintable(describe(stopped.error())));
        QVERIFY(stopped.value().migration.cancelled);
        QCOMPARE(stopped.value().verdict, 2);
        QCOMPARE(stopped.value().next.action, NextStep::Action::ResumeRun);
        QCOMPARE(stopped.value().next.runId, stopped.value().migration.runId);
        // The report carries the step as data.
        const QJsonObject report = stopped.value().report->toJson();
        bool named = false;
        for (const QJsonValue& r : report.value(QStringLiteral("recommendations")).toArray())
            named = named || r.toObject().value(QStringLiteral("next")).toObject() ==
                                 stopped.value().next.toJson();
        QVERIFY(named);
    }

    // A wizard shows the plan of a dry run, then runs exactly that plan: on its own target
    // only, and checked against the key space first once it is old.
    void aPlanShownThenRunIsTheOneExecuted()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        auto dry = folderRun(f);
        dry.mode = MigrationWorkflow::Mode::DryRun;
        auto planned = MigrationWorkflow::run(dry, *session, f.context());
        QVERIFY2(planned.ok(), planned.ok() ? "" : qPrintable(describe(planned.error())));
        auto plan = std::make_shared<const MigrationPlan>(*planned.value().plan);
        QCOMPARE(a->size(), 0);

        MigrationWorkflow::RunRequest run;
        run.mode = MigrationWorkflow::Mode::Planned;
        run.plan = plan;
        auto elsewhere = WorkflowFixture::session(QStringLiteral("memory://b"));
        auto refused = MigrationWorkflow::run(run, *elsewhere, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("plan.target"));
        QCOMPARE(refused.error().next.action, NextStep::Action::PlanAgain);

        // Old and stale (a key written since): refused before anything is written, so no run
        // is left unfinished.
        auto old = std::make_shared<MigrationPlan>(*plan);
        old->createdAt = old->createdAt.addSecs(-3600);
        a->set(old->items.first().key.toUtf8(), QByteArrayLiteral("{\"written\":\"since\"}"));
        MigrationWorkflow::RunRequest stale = run;
        stale.plan = old;
        auto staleRun = MigrationWorkflow::run(stale, *session, f.context());
        QVERIFY(!staleRun.ok());
        QCOMPARE(staleRun.error().code, QStringLiteral("plan.stale"));
        QCOMPARE(a->size(), 1);
        QVERIFY(
            MigrationWorkflow::unfinishedRunOn(f.context().paths, session->describe()).isEmpty());

        // Fresh: executed as shown.
        MemoryKvStore* c = nullptr;
        auto fresh = WorkflowFixture::session(QStringLiteral("memory://c"), &c);
        auto shown = MigrationWorkflow::run(dry, *fresh, f.context());
        QVERIFY(shown.ok());
        run.plan = std::make_shared<const MigrationPlan>(*shown.value().plan);
        auto done = MigrationWorkflow::run(run, *fresh, f.context());
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(describe(done.error())));
        QCOMPARE(done.value().migration.written, run.plan->counts().create);
        QCOMPARE(c->size(), int(run.plan->counts().create));
    }

    void aBackupFirstIsMadeOrNothingIsWritten()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        auto request = folderRun(f);
        request.backupFirst = true;
        // A destination below a file cannot be made.
        QFile blocker(f.path(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        request.backupDestination = f.path(QStringLiteral("blocker/backups"));
        auto refused = MigrationWorkflow::run(request, *session, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("migrate.backup"));
        QCOMPARE(a->size(), 0);

        request.backupDestination = f.path(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(request.backupDestination));
        auto done = MigrationWorkflow::run(request, *session, f.context());
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(describe(done.error())));
        QVERIFY(done.value().backup.has_value());
        QVERIFY(QFileInfo::exists(done.value().backup->archivePath));
        QVERIFY(done.value().migration.written > 0);
    }

    void aValidationAfterTheRunGoesIntoTheReport()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"));
        auto request = folderRun(f);
        request.validateAfter = true;
        auto done = MigrationWorkflow::run(request, *session, f.context());
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(describe(done.error())));
        QVERIFY(done.value().validation.has_value());
        QCOMPARE(done.value().validation->checkedKeys, done.value().migration.written);
        QVERIFY(done.value().validation->orphansChecked);
        QVERIFY(done.value().report->toJson().contains(QStringLiteral("validation")));
    }

    // A resume has no plan at hand: it validates the folder, layout, prefix and projects its
    // run's journal names, so its report says whether the key space now holds the files.
    void aResumedRunIsValidatedOverItsJournalsScope()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        const Error lost = failedRun(f, *session, a, MemoryKvStore::Failure::NotSent);
        QCOMPARE(lost.next.action, NextStep::Action::ResumeRun);

        MigrationWorkflow::RunRequest resume;
        resume.mode = MigrationWorkflow::Mode::Resume;
        resume.runId = lost.next.runId;
        resume.validateAfter = true;
        auto resumed = MigrationWorkflow::run(resume, *session, f.context());
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(describe(resumed.error())));
        QVERIFY(resumed.value().validation.has_value());
        const Validator::Outcome& v = *resumed.value().validation;
        QCOMPARE(v.root, QDir(f.root()).absolutePath());
        QCOMPARE(v.checkedKeys, qint64(a->size()));
        QCOMPARE(v.counts[Comparison::Same], v.checkedKeys);
        QVERIFY(v.matches());
        QCOMPARE(resumed.value().verdict, 0);
        QVERIFY(resumed.value().report->toJson().contains(QStringLiteral("validation")));
    }
};

QTEST_GUILESS_MAIN(TstMigrationWorkflow)
#include "tst_migrationworkflow.moc"
