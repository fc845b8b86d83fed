#include "connectionpage.h"
#include "layout/keylayout.h"
#include "rollbackwizard.h"
#include "runhistorylist.h"
#include "wizardfixture.h"
#include "workflowreportpage.h"
#include "workflows/archiveworkflow.h"
#include "workflows/migrationworkflow.h"
#include "workflows/syncworkflow.h"
#include "workflows/targetsession.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace pmkv;
using namespace pmkv::test;

// The rollback wizard walked as a user clicks it, against a real redis-server behind the real
// pmkv-proxy (REST): a migration and a sync chosen from the history, previewed key by key,
// rolled back; PROD wants its name.
class TstRollbackWizard final : public QObject
{
    Q_OBJECT

    static RollbackWizard::Setup setup(const WizardFixture& f, const ConnectionProfile& profile)
    {
        RollbackWizard::Setup s;
        s.profiles = {profile};
        s.profileName = profile.name;
        s.paths = f.paths();
        return s;
    }

    static QString migrate(const WizardFixture& f, const ConnectionProfile& profile)
    {
        TargetSession::Options options;
        options.typedSecret = f.token();
        auto session = TargetSession::open(profile, options);
        if (!session)
            return QString();
        MigrationWorkflow::RunRequest request;
        request.scope.root = f.root();
        request.confirmation = profile.name;
        WorkflowContext context;
        context.paths = f.paths();
        auto done = MigrationWorkflow::run(request, *session.value(), context);
        return done ? done.value().migration.runId : QString();
    }

    // A story key the migration wrote.
    static QString firstStoryKey(WizardFixture& f)
    {
        return QString::fromUtf8(f.redis()
                                     .cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                           QStringLiteral("pm:*story:*")})
                                     .split('\n')
                                     .first()
                                     .trimmed());
    }

    // History -> connection (token, confirmation) -> preview; true once the preview shows.
    static bool reachPreview(RollbackWizard& w, const WizardFixture& f,
                             const QString& confirmation = QString())
    {
        w.show();
        if (!QTest::qWaitFor([&] { return w.history()->topLevelItemCount() > 0; }, 20000))
            return false;
        w.next();
        if (w.currentId() != RollbackWizard::ConnectionId)
            return false;
        w.connectionPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        w.connectionPage()->confirmEdit()->setText(confirmation);
        w.next();
        return QTest::qWaitFor([&] { return w.currentId() == RollbackWizard::PreviewId; }, 20000);
    }

    static bool runToReport(RollbackWizard& w)
    {
        w.next(); // "Roll back"
        return QTest::qWaitFor([&] { return w.currentId() == RollbackWizard::ReportId; }, 60000);
    }

private Q_SLOTS:
    void rollsBackAMigration()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        const QString runId = migrate(f, dev);
        QVERIFY(!runId.isEmpty());
        const qint64 written = f.keyCount();
        QVERIFY(written > 24);

        RollbackWizard w(setup(f, dev));
        QVERIFY(reachPreview(w, f));
        QCOMPARE(w.chosenRun(), runId);
        // Exactly the keys the run wrote, each to be deleted.
        QCOMPARE(qint64(w.previewList()->topLevelItemCount()), written);
        QVERIFY2(w.previewSummary().contains(QStringLiteral("%1 to delete").arg(written)),
                 qPrintable(w.previewSummary()));
        QVERIFY(!w.forceBox()->isVisible());
        QCOMPARE(f.keyCount(), written); // the preview wrote nothing
        QVERIFY(runToReport(w));
        QVERIFY2(w.reportPage()->headline().contains(QStringLiteral("rolled back")),
                 qPrintable(w.reportPage()->headline()));
        QCOMPARE(f.keyCount(), 0);

        // Undone, the run is greyed in the history with the reason.
        RollbackWizard again(setup(f, dev));
        again.show();
        QVERIFY(QTest::qWaitFor([&] { return again.history()->topLevelItemCount() > 0; }, 20000));
        QVERIFY(again.history()->select(runId));
        QVERIFY(!again.history()->selectedIsUndoable());
        again.next();
        QCOMPARE(again.currentId(), int(RollbackWizard::HistoryId));
    }

    // Issue #18: an archive chosen from the history is renamed back (no connection asked),
    // and "Restore a Backup or Snapshot" hands the step to the backup wizard.
    void undoesAnArchiveAndOffersTheRestore()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        QVERIFY2(f.migrate(), qPrintable(f.error()));
        QVERIFY2(!f.backupBeside().isEmpty(), qPrintable(f.error()));
        const QString root = QDir(f.root()).absolutePath();
        {
            const JobTarget t = f.target();
            auto session = t.openSession();
            QVERIFY(session);
            ArchiveWorkflow::Request request;
            request.root = root;
            auto archived = ArchiveWorkflow::run(request, session.value().get(), t.context());
            QVERIFY2(archived, archived ? "" : qPrintable(archived.error().message));
            QVERIFY(archived.value().renamed);
        }
        QVERIFY(!QDir(root).exists());
        QVERIFY(QDir(root + QStringLiteral("-backup")).exists());

        RollbackWizard w(setup(f, f.profile(QStringLiteral("local"))));
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.history()->topLevelItemCount() > 0; }, 20000));
        QVERIFY(w.chosenIsArchive()); // the newest run
        QSignalSpy steps(&w, &RollbackWizard::stepChosen);
        w.findChild<QPushButton*>(QStringLiteral("restoreBackupButton"))->click();
        QCOMPARE(steps.count(), 1);
        QCOMPARE(steps.first().at(0).value<NextStep>().action, NextStep::Action::RestoreBackup);
        QVERIFY(runToReport(w)); // history -> the rename back, no connection page
        QVERIFY2(w.reportPage()->headline().contains(QStringLiteral("undone")),
                 qPrintable(w.reportPage()->headline()));
        QVERIFY(QDir(root).exists());
        QVERIFY(!QDir(root + QStringLiteral("-backup")).exists());
    }

    // Issue #18: a sync from the key space into the folder is undone from the history: its
    // files are put back, no connection asked.
    void undoesASyncIntoTheFolder()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        QVERIFY(!migrate(f, dev).isEmpty());
        const QString storyKey = firstStoryKey(f);
        const auto ref =
            KeyLayout::preset(QStringLiteral("repository")).value().entityFor(storyKey);
        QVERIFY(ref.has_value());
        QFile story(
            f.path(QStringLiteral("pm/%1/%2/%3.json").arg(ref->project, ref->epic, ref->story)));
        QVERIFY(story.open(QIODevice::ReadOnly));
        const QByteArray before = story.readAll();
        story.close();
        // The key changed in the key space, then synced into the folder (overwrite).
        QByteArray changed = f.value(storyKey);
        const int title = changed.indexOf("\"title\"");
        QVERIFY(title > 0);
        changed.insert(changed.indexOf('"', changed.indexOf(':', title) + 1) + 1, "From KV ");
        f.redis().cli({QStringLiteral("SET"), storyKey, QString::fromUtf8(changed)});
        qputenv("PMKV_TOKEN", f.token());
        SyncWorkflow::Request sync;
        sync.source = dev.address;
        sync.target = f.root();
        sync.sourceLayout = KeyLayout::preset(QStringLiteral("repository")).value();
        sync.targetLayout = sync.sourceLayout;
        sync.overwrite = true;
        WorkflowContext context;
        context.paths = f.paths();
        auto synced = SyncWorkflow::run(sync, context);
        QVERIFY2(synced.ok(), synced.ok() ? "" : qPrintable(synced.error().message));
        QVERIFY(story.open(QIODevice::ReadOnly));
        QVERIFY(story.readAll().contains("From KV "));
        story.close();

        RollbackWizard::Setup s = setup(f, dev);
        s.runId = synced.value().run.runId;
        RollbackWizard w(s);
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.history()->topLevelItemCount() > 0; }, 20000));
        QVERIFY(w.chosenIsFolderSync());
        QVERIFY(runToReport(w)); // history -> the files put back
        QVERIFY2(w.reportPage()->headline().contains(QStringLiteral("undone")),
                 qPrintable(w.reportPage()->headline()));
        QVERIFY(story.open(QIODevice::ReadOnly));
        QCOMPARE(story.readAll(), before);
    }

    void rollsBackASyncAndPutsPreviousValuesBack()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        QVERIFY(!migrate(f, dev).isEmpty());
        // A story edited in the folder, then synced into the key space (overwrite).
        const QString storyKey = firstStoryKey(f);
        QVERIFY(!storyKey.isEmpty());
        const QByteArray before = f.value(storyKey);
        const auto ref =
            KeyLayout::preset(QStringLiteral("repository")).value().entityFor(storyKey);
        QVERIFY(ref.has_value());
        const QString file =
            QStringLiteral("pm/%1/%2/%3.json").arg(ref->project, ref->epic, ref->story);
        QFile story(f.path(file));
        QVERIFY(story.open(QIODevice::ReadOnly));
        QByteArray edited = story.readAll();
        story.close();
        const int title = edited.indexOf("\"title\"");
        QVERIFY(title > 0);
        edited.insert(edited.indexOf('"', edited.indexOf(':', title) + 1) + 1, "Synced ");
        QVERIFY(story.open(QIODevice::WriteOnly | QIODevice::Truncate));
        story.write(edited);
        story.close();

        qputenv("PMKV_TOKEN", f.token());
        SyncWorkflow::Request sync;
        sync.source = f.root();
        sync.target = dev.address;
        sync.sourceLayout = KeyLayout::preset(QStringLiteral("repository")).value();
        sync.targetLayout = sync.sourceLayout;
        sync.overwrite = true;
        WorkflowContext context;
        context.paths = f.paths();
        auto synced = SyncWorkflow::run(sync, context);
        QVERIFY2(synced.ok(), synced.ok() ? "" : qPrintable(synced.error().message));
        QVERIFY(f.value(storyKey).contains("Synced "));
        const QString syncRun = synced.value().run.runId;
        QVERIFY(!syncRun.isEmpty());

        RollbackWizard::Setup s = setup(f, dev);
        s.runId = syncRun;
        RollbackWizard w(s);
        QVERIFY(reachPreview(w, f));
        QCOMPARE(w.chosenRun(), syncRun);
        QCOMPARE(w.previewList()->topLevelItemCount(), 1);
        QCOMPARE(w.previewList()->topLevelItem(0)->text(0), storyKey);
        QVERIFY(w.previewList()->topLevelItem(0)->text(1).contains(QStringLiteral("put back")));
        QVERIFY(runToReport(w));
        QVERIFY2(w.reportPage()->headline().contains(QStringLiteral("rolled back")),
                 qPrintable(w.reportPage()->headline()));
        QCOMPARE(f.value(storyKey), before);
    }

    // A journal that cannot be read is listed among the runs (newest first by its file name),
    // greyed, not selectable, naming its file and why; the newest run that can be undone is
    // the one chosen.
    void listsAJournalItCannotReadButNeverChoosesIt()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        const QString runId = migrate(f, dev);
        QVERIFY(!runId.isEmpty());
        const QString damaged =
            f.paths().runsFolder() + QStringLiteral("/29990101T000000000Z-migrate-0001.sqlite");
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();

        RollbackWizard w(setup(f, dev));
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.history()->topLevelItemCount() > 0; }, 20000));
        QCOMPARE(w.history()->topLevelItemCount(), 2);
        const QTreeWidgetItem* broken = w.history()->topLevelItem(0);
        QCOMPARE(broken->text(1), QStringLiteral("migrate"));
        QCOMPARE(broken->text(2), damaged);
        QCOMPARE(broken->text(3), QStringLiteral("unreadable"));
        QVERIFY2(broken->toolTip(0).contains(damaged), qPrintable(broken->toolTip(0)));
        QVERIFY(!(broken->flags() & Qt::ItemIsSelectable));
        QCOMPARE(w.chosenRun(), runId);
        // Made current all the same, it is not a run to undo: the wizard stays on the list.
        w.history()->setCurrentItem(w.history()->topLevelItem(0));
        QVERIFY(w.history()->selectedRun().isEmpty());
        w.next();
        QCOMPARE(w.currentId(), int(RollbackWizard::HistoryId));
    }

    void prodWantsItsNameAndSaysWhy()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile live =
            f.profile(QStringLiteral("live"), ConnectionProfile::Environment::Prod);
        QVERIFY(!migrate(f, live).isEmpty());
        RollbackWizard w(setup(f, live));
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.history()->topLevelItemCount() > 0; }, 20000));
        w.next();
        w.connectionPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        w.next();
        QCOMPARE(w.currentId(), int(RollbackWizard::ConnectionId));
        QVERIFY2(w.connectionPage()->ruleText().contains(QStringLiteral("PROD")),
                 qPrintable(w.connectionPage()->ruleText()));
        const qint64 keys = f.keyCount();
        w.connectionPage()->confirmEdit()->setText(QStringLiteral("live"));
        w.next();
        QVERIFY(QTest::qWaitFor([&] { return w.currentId() == RollbackWizard::PreviewId; }, 20000));
        QCOMPARE(f.keyCount(), keys);
        QVERIFY(runToReport(w));
        QCOMPARE(f.keyCount(), 0);
    }
};

QTEST_MAIN(TstRollbackWizard)
#include "tst_rollbackwizard.moc"
