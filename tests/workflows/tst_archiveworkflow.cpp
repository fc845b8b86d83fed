#include "jobs/backupjob.h"
#include "workflowfixture.h"
#include "workflows/archiveworkflow.h"
#include "workflows/migrationworkflow.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// The archive's validation gate: the workflow validates the folder against the key space
// itself; nothing a front end says about a validation can open it.
class TstArchiveWorkflow final : public QObject
{
    Q_OBJECT

    static QString describe(const Error& e) { return e.code + QStringLiteral(": ") + e.message; }

    static const ArchiveJob::Check* check(const ArchiveWorkflow::Outcome& o, const char* name)
    {
        for (const auto& c : o.checks) {
            if (c.name == QLatin1String(name))
                return &c;
        }
        return nullptr;
    }

    // A migrated folder with a verified backup beside it: only the validation is left.
    static std::unique_ptr<TargetSession> migratedWithBackup(const WorkflowFixture& f,
                                                             MemoryKvStore** store)
    {
        auto session = WorkflowFixture::session(QStringLiteral("memory://a"), store);
        MigrationWorkflow::RunRequest request;
        request.scope.root = f.root();
        if (!MigrationWorkflow::run(request, *session, f.context()).ok())
            return nullptr;
        BackupJob::Params backup;
        backup.root = f.root();
        if (!BackupJob::run(backup).ok())
            return nullptr;
        return session;
    }

private Q_SLOTS:
    void withoutAKeySpaceOnlyAnOverridePasses()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        QVERIFY(migratedWithBackup(f, &store));
        ArchiveWorkflow::Request request;
        request.root = f.root();
        auto refused = ArchiveWorkflow::run(request, nullptr, f.context());
        QVERIFY(refused.ok());
        QVERIFY(!refused.value().renamed);
        QVERIFY(!check(refused.value(), "validation")->ok);
        QCOMPARE(check(refused.value(), "validation")->next.action, NextStep::Action::GiveKeySpace);
        QVERIFY(QFileInfo(f.root()).isDir());

        request.overrideValidation = true;
        auto overridden = ArchiveWorkflow::run(request, nullptr, f.context());
        QVERIFY(overridden.ok());
        QVERIFY(overridden.value().renamed);
        QVERIFY(
            check(overridden.value(), "validation")->detail.contains(QStringLiteral("overridden")));
    }

    void aKeySpaceThatDiffersKeepsTheFolder()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = migratedWithBackup(f, &store);
        QVERIFY(session);
        store->set("pm:people", "{\"edited\":true}");
        ArchiveWorkflow::Request request;
        request.root = f.root();
        auto refused = ArchiveWorkflow::run(request, session.get(), f.context());
        QVERIFY2(refused.ok(), refused.ok() ? "" : qPrintable(describe(refused.error())));
        QVERIFY(!refused.value().passed());
        QVERIFY(!refused.value().renamed);
        QVERIFY(!check(refused.value(), "validation")->ok);
        QVERIFY(QFileInfo(f.root()).isDir());
        QVERIFY(!f.auditedOperations().contains(QStringLiteral("archive")));
    }

    void aCleanKeySpaceOpensTheGateAndTheArchiveIsUndone()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = migratedWithBackup(f, &store);
        QVERIFY(session);
        ArchiveWorkflow::Request request;
        request.root = f.root();
        request.dryRun = true;
        auto dry = ArchiveWorkflow::run(request, session.get(), f.context());
        QVERIFY(dry.ok());
        QVERIFY(dry.value().passed());
        QVERIFY(!dry.value().renamed);
        request.dryRun = false;
        auto archived = ArchiveWorkflow::run(request, session.get(), f.context());
        QVERIFY2(archived.ok(), archived.ok() ? "" : qPrintable(describe(archived.error())));
        QVERIFY(archived.value().renamed);
        QVERIFY(!QFileInfo::exists(f.root()));

        auto undone = ArchiveWorkflow::undo(QString(), f.context());
        QVERIFY2(undone.ok(), undone.ok() ? "" : qPrintable(describe(undone.error())));
        QVERIFY(QFileInfo(f.root()).isDir());
        const QStringList audited = f.auditedOperations();
        QVERIFY(audited.contains(QStringLiteral("archive")));
        QVERIFY(audited.contains(QStringLiteral("archive-undo")));
    }

    void anUnfinishedRunFailsTheChecklist()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = migratedWithBackup(f, &store);
        QVERIFY(session);
        store->failNextBatch(MemoryKvStore::Failure::NotSent, MemoryKvStore::writes());
        MigrationWorkflow::RunRequest again;
        again.scope.root = f.root();
        again.scope.policy = MigrationPlan::Policy::Overwrite;
        store->set("pm:people", "{\"edited\":true}"); // something to write
        QVERIFY(!MigrationWorkflow::run(again, *session, f.context()).ok());
        ArchiveWorkflow::Request request;
        request.root = f.root();
        request.overrideValidation = true;
        auto refused = ArchiveWorkflow::run(request, session.get(), f.context());
        QVERIFY(refused.ok());
        QVERIFY(!refused.value().renamed);
        QCOMPARE(check(refused.value(), "runs")->next.action, NextStep::Action::ResumeRun);
    }

    // A migration's journal that cannot be read may be of a run that did not finish: the
    // checklist fails on it, naming the file, instead of saying "no unfinished migration".
    void aMigrationJournalItCannotReadFailsTheChecklist()
    {
        WorkflowFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.error()));
        MemoryKvStore* store = nullptr;
        auto session = migratedWithBackup(f, &store);
        QVERIFY(session);
        const QString damaged = f.context().paths.runsFolder() +
                                QStringLiteral("/29990101T000000000Z-migrate-0001.sqlite");
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        ArchiveWorkflow::Request request;
        request.root = f.root();
        request.overrideValidation = true;
        auto refused = ArchiveWorkflow::run(request, session.get(), f.context());
        QVERIFY(refused.ok());
        QVERIFY(!refused.value().renamed);
        const ArchiveJob::Check* runs = check(refused.value(), "runs");
        QVERIFY(!runs->ok);
        QVERIFY2(runs->detail.contains(damaged), qPrintable(runs->detail));
        QCOMPARE(runs->next.action, NextStep::Action::FixFile);
        QCOMPARE(runs->next.path, damaged);
        QVERIFY(QFileInfo(f.root()).isDir());
    }
};

QTEST_GUILESS_MAIN(TstArchiveWorkflow)
#include "tst_archiveworkflow.moc"
