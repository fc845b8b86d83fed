#include "workflowfixture.h"
#include "workflows/migrationworkflow.h"
#include "workflows/rollbackworkflow.h"

#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// Undoing a run: "the last run", the target it wrote to, the write rule and the audit line.
class TstRollbackWorkflow final : public QObject
{
    Q_OBJECT

    static QString describe(const Error& e) { return e.code + QStringLiteral(": ") + e.message; }

    static QString migrate(const WorkflowFixture& f, TargetSession& session)
    {
        MigrationWorkflow::RunRequest request;
        request.scope.root = f.root();
        request.confirmation = session.profile().name;
        auto done = MigrationWorkflow::run(request, session, f.context());
        return done ? done.value().migration.runId : QString();
    }

private Q_SLOTS:
    void theLastRunIsUndoneOnItsTargetOnly()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* a = nullptr;
        auto sessionA = WorkflowFixture::session(QStringLiteral("memory://a"), &a);
        const QString runId = migrate(f, *sessionA);
        QVERIFY(!runId.isEmpty());
        QVERIFY(a->size() > 0);

        RollbackWorkflow::Request request;
        request.last = true;
        auto elsewhere = WorkflowFixture::session(QStringLiteral("memory://b"));
        auto refused = RollbackWorkflow::run(request, *elsewhere, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("rollback.target"));
        QCOMPARE(refused.error().next.action, NextStep::Action::ChooseTarget);
        QCOMPARE(refused.error().next.detail, QStringLiteral("memory://a"));

        request.dryRun = true;
        auto preview = RollbackWorkflow::run(request, *sessionA, f.context());
        QVERIFY2(preview.ok(), preview.ok() ? "" : qPrintable(describe(preview.error())));
        QCOMPARE(preview.value().runId, runId);
        QVERIFY(!preview.value().applied);
        QVERIFY(a->size() > 0);
        // The preview names every key and what happens to it: the run created them all.
        QCOMPARE(preview.value().changes.size(), a->size());
        for (const auto& change : preview.value().changes) {
            QVERIFY(a->contains(change.key.toUtf8()));
            QCOMPARE(change.kind, RollbackJob::Change::Kind::Delete);
        }

        request.dryRun = false;
        auto undone = RollbackWorkflow::run(request, *sessionA, f.context());
        QVERIFY2(undone.ok(), undone.ok() ? "" : qPrintable(describe(undone.error())));
        QVERIFY(undone.value().applied);
        QCOMPARE(a->size(), 0);
        QVERIFY(f.auditedOperations().contains(QStringLiteral("rollback")));

        auto nothing = RollbackWorkflow::run(request, *sessionA, f.context());
        QVERIFY(!nothing.ok());
        QCOMPARE(nothing.error().code, QStringLiteral("rollback.none"));
    }

    void aProdRollbackNeedsTheTypedNameButItsPreviewDoesNot()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto prod = WorkflowFixture::session(
            QStringLiteral("memory://prod"), &store,
            WorkflowFixture::profile(QStringLiteral("live"), ConnectionProfile::Environment::Prod));
        const QString runId = migrate(f, *prod);
        QVERIFY(!runId.isEmpty());
        RollbackWorkflow::Request request;
        request.runId = runId;
        request.dryRun = true;
        QVERIFY(RollbackWorkflow::run(request, *prod, f.context()).ok());
        request.dryRun = false;
        auto refused = RollbackWorkflow::run(request, *prod, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().next.action, NextStep::Action::ConfirmProd);
        QVERIFY(store->size() > 0);
        request.confirmation = QStringLiteral("live");
        QVERIFY(RollbackWorkflow::run(request, *prod, f.context()).ok());
        QCOMPARE(store->size(), 0);
    }

    void keysChangedSinceTheRunAskForAForcedRollback()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), &store);
        const QString runId = migrate(f, *session);
        QVERIFY(!runId.isEmpty());
        store->set("pm:people", "{\"someone\":\"else\"}");
        RollbackWorkflow::Request request;
        request.runId = runId;
        request.dryRun = true;
        auto preview = RollbackWorkflow::run(request, *session, f.context());
        QVERIFY(preview.ok());
        int changedSince = 0;
        for (const auto& change : preview.value().changes) {
            if (change.kind == RollbackJob::Change::Kind::ChangedSince) {
                ++changedSince;
                QCOMPARE(change.key, QStringLiteral("pm:people"));
            }
        }
        QCOMPARE(changedSince, 1);
        request.dryRun = false;
        auto refused = RollbackWorkflow::run(request, *session, f.context());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("rollback.changed"));
        QCOMPARE(refused.error().next.action, NextStep::Action::RollbackForce);
        QCOMPARE(refused.error().next.runId, runId);
        QVERIFY2(!refused.error().message.contains(QStringLiteral("--force")),
                 qPrintable(refused.error().message));
        request.force = true;
        QVERIFY(RollbackWorkflow::run(request, *session, f.context()).ok());
        QCOMPARE(store->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TstRollbackWorkflow)
#include "tst_rollbackworkflow.moc"
