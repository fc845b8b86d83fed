#include "connectionpage.h"
#include "diffview.h"
#include "mainwindow.h"
#include "migratelayoutpage.h"
#include "migrateplanpage.h"
#include "migratescopepage.h"
#include "migratesourcepage.h"
#include "migratewizard.h"
#include "planfiltermodel.h"
#include "rollbackwizard.h"
#include "stepcaption.h"
#include "wizardfixture.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace pmkv;
using namespace pmkv::test;

// The migrate wizard walked end to end as a user clicks it, against a real redis-server behind
// the real pmkv-proxy (REST) with generated trees: the migration and its report, the plan's
// filters and field diff, Cancel then Resume, and the refusals with their reasons.
class TstMigrateWizard final : public QObject
{
    Q_OBJECT

    static MigrateWizard::Setup setup(const WizardFixture& f,
                                      const QList<ConnectionProfile>& profiles)
    {
        MigrateWizard::Setup s;
        s.root = f.root();
        s.profiles = profiles;
        s.profileName = profiles.first().name;
        s.paths = f.paths();
        return s;
    }

    // Source -> target (token typed, connected): true once on the layout page.
    static bool reachLayout(MigrateWizard& w, const WizardFixture& f,
                            const QString& confirmation = QString())
    {
        w.show();
        if (!QTest::qWaitFor([&] { return w.sourcePage()->isComplete(); }, 20000))
            return false;
        w.next();
        if (w.currentId() != MigrateWizard::TargetId)
            return false;
        w.targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        w.targetPage()->confirmEdit()->setText(confirmation);
        w.next();
        return QTest::qWaitFor([&] { return w.currentId() == MigrateWizard::LayoutId; }, 20000);
    }

    // Layout -> scope -> plan, true once the plan is shown.
    static bool reachPlan(MigrateWizard& w)
    {
        w.next();
        if (w.currentId() != MigrateWizard::ScopeId)
            return false;
        w.next();
        return QTest::qWaitFor(
            [&] { return w.currentId() == MigrateWizard::PlanId && w.planPage()->isComplete(); },
            60000);
    }

    static bool runToReport(MigrateWizard& w)
    {
        w.next(); // the commit button: "Migrate"
        return QTest::qWaitFor([&] { return w.currentId() == MigrateWizard::ReportId; }, 120000);
    }

private Q_SLOTS:
    void migratesAndReports()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        MigrateWizard w(setup(f, {f.profile(QStringLiteral("dev"))}));
        QVERIFY(reachLayout(w, f));
        QVERIFY2(w.sourcePage()->summaryText().contains(QStringLiteral("24 stories")),
                 qPrintable(w.sourcePage()->summaryText()));
        // The preview names real entities of this tree.
        const QStringList preview = w.layoutPage()->previewKeys();
        QVERIFY2(preview.size() >= 6, qPrintable(preview.join(QLatin1Char(' '))));
        for (const QString& key : preview)
            QVERIFY2(key.startsWith(QStringLiteral("pm:")), qPrintable(key));
        QVERIFY(reachPlan(w));
        const auto plan = w.plan();
        QVERIFY(plan);
        QVERIFY(plan->counts().create > 24);
        QCOMPARE(f.keyCount(), 0); // nothing written by the plan
        QVERIFY2(w.planPage()->countsText().contains(QStringLiteral("to create")),
                 qPrintable(w.planPage()->countsText()));
        // The table filters by action and text.
        QCOMPARE(w.planPage()->table()->model()->rowCount(), int(plan->items.size()));
        w.planPage()->actionFilter()->setCurrentIndex(
            w.planPage()->actionFilter()->findText(QStringLiteral("skip")));
        QCOMPARE(w.planPage()->table()->model()->rowCount(), 0);
        w.planPage()->actionFilter()->setCurrentIndex(0);
        w.planPage()->textFilter()->setText(preview.last());
        QCOMPARE(w.planPage()->table()->model()->rowCount(), 1);
        w.planPage()->textFilter()->clear();

        QSignalSpy progressed(w.runner(), &WorkflowRunner::progressed);
        QVERIFY(runToReport(w));
        QVERIFY(progressed.count() > 0);
        WorkflowReportPage* report = w.reportPage();
        QVERIFY2(report->headline().startsWith(QStringLiteral("Migrated")),
                 qPrintable(report->headline()));
        QVERIFY(w.outcome().has_value());
        QCOMPARE(f.keyCount(), plan->counts().create);
        QVERIFY(!f.value(preview.last()).isEmpty());
        // The verified backup made first, and the validation both ways after.
        QVERIFY(w.outcome()->backup.has_value());
        QVERIFY(QFileInfo::exists(w.outcome()->backup->archivePath));
        QVERIFY(w.outcome()->validation.has_value());
        QVERIFY(w.outcome()->validation->orphansChecked);
        QCOMPARE(w.outcome()->validation->checkedKeys, plan->counts().create);
        QVERIFY(report->json().contains(QStringLiteral("validation")));
        // The next safe step: undo it.
        QCOMPARE(report->nextStep().action, NextStep::Action::RollbackRun);
        QCOMPARE(report->stepButton()->text(), StepCaption::text(report->nextStep()));
        QSignalSpy opened(&w, &MigrateWizard::openDifferences);
        QPushButton* differences = nullptr;
        for (auto* button : report->findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Open the differences"))
                differences = button;
        }
        QVERIFY(differences);
        differences->click();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), f.root());
    }

    // Planning that failed (the target gone) left "No plan: ..." and only Back then Next to
    // plan again. A Try Again button shows with the error, takes the keyboard focus, and plans
    // again; the plan made then is the one the page shows.
    void aFailedPlanCanBeTriedAgain()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        MigrateWizard w(setup(f, {f.profile(QStringLiteral("dev"))}));
        QVERIFY(reachLayout(w, f));
        f.proxy().stop(); // unreachable from here on
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::ScopeId));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::PlanId));
        QVERIFY2(
            QTest::qWaitFor(
                [&] { return w.planPage()->countsText().startsWith(QStringLiteral("No plan")); },
                60000),
            qPrintable(w.planPage()->countsText()));
        QVERIFY(!w.planPage()->isComplete());
        QPushButton* again = nullptr;
        for (auto* button : w.planPage()->findChildren<QPushButton*>()) {
            if (button->text().remove(QLatin1Char('&')) == QStringLiteral("Try Again"))
                again = button;
        }
        QVERIFY(again);
        QVERIFY(again->isVisible());
        QVERIFY(again->isEnabled());
        QVERIFY(again->focusPolicy() & Qt::TabFocus);
        QVERIFY(again->hasFocus());
        QVERIFY2(f.proxy().start(), qPrintable(f.proxy().errorString()));
        QTest::keyClick(again, Qt::Key_Space); // as a keyboard user presses it
        QVERIFY2(QTest::qWaitFor([&] { return w.planPage()->isComplete(); }, 60000),
                 qPrintable(w.planPage()->countsText()));
        QVERIFY(!again->isVisible());
        QVERIFY2(w.planPage()->countsText().contains(QStringLiteral("to create")),
                 qPrintable(w.planPage()->countsText()));
    }

    void theFieldDiffOfAnUpdateIsOneClickAway()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        {
            MigrateWizard first(setup(f, {dev}));
            QVERIFY(reachLayout(first, f));
            QVERIFY(reachPlan(first));
            first.scopePage()->backupBox()->setChecked(false);
            QVERIFY(runToReport(first));
            QVERIFY(first.outcome().has_value());
        }
        // One story changed in the key space since: an update under "replace".
        MigrateWizard w(setup(f, {dev}));
        QVERIFY(reachLayout(w, f));
        w.next();
        w.scopePage()->policyBox()->setCurrentIndex(2); // replace
        QByteArray someKey;
        {
            const QString keys = QString::fromUtf8(
                f.redis().cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                               QStringLiteral("pm:*story*")}));
            someKey = keys.split(QLatin1Char('\n')).first().trimmed().toUtf8();
        }
        QVERIFY(!someKey.isEmpty());
        f.redis().cli({QStringLiteral("SET"), QString::fromUtf8(someKey),
                       QStringLiteral("{\"title\":\"changed in the key space\"}")});
        w.next();
        QVERIFY(QTest::qWaitFor([&] { return w.planPage()->isComplete(); }, 60000));
        QCOMPARE(w.plan()->counts().update, qint64(1));
        w.planPage()->actionFilter()->setCurrentIndex(
            w.planPage()->actionFilter()->findText(QStringLiteral("update")));
        QTableView* table = w.planPage()->table();
        QCOMPARE(table->model()->rowCount(), 1);
        table->setCurrentIndex(table->model()->index(0, 1));
        QVERIFY(w.planPage()->diffButton()->isEnabled());
        QSignalSpy shown(w.planPage(), &MigratePlanPage::diffShown);
        w.planPage()->diffButton()->click();
        QVERIFY(shown.wait(20000));
        QVERIFY(w.planPage()->diffView());
        QVERIFY(w.planPage()->diffView()->changeCount() > 0);
        QVERIFY(w.planPage()->diffView()->rightText().contains(
            QStringLiteral("changed in the key space")));
    }

    void cancelMidRunThenResume()
    {
        WizardFixture f;
        // About 40,000 keys: batches of 5,000, twice the four a run keeps in flight, so Cancel
        // lands while some are not sent yet.
        QVERIFY2(f.start(8, 10, 500), qPrintable(f.error()));
        const ConnectionProfile dev = f.profile(QStringLiteral("dev"));
        qint64 planned = 0;
        {
            MigrateWizard w(setup(f, {dev}));
            QVERIFY(reachLayout(w, f));
            QVERIFY(reachPlan(w));
            w.scopePage()->backupBox()->setChecked(false);
            planned = w.plan()->counts().create;
            // Cancel as soon as the first batch is written.
            connect(w.runner(), &WorkflowRunner::progressed, &w, [&w](const JobProgress& p) {
                if (p.phase == QLatin1String("write") && p.done > 0 &&
                    w.runPage()->cancelButton()->isEnabled())
                    w.runPage()->cancelButton()->click();
            });
            QVERIFY(runToReport(w));
            QVERIFY2(w.reportPage()->headline().startsWith(QStringLiteral("Stopped")),
                     qPrintable(w.reportPage()->headline()));
            QCOMPARE(w.reportPage()->nextStep().action, NextStep::Action::ResumeRun);
            QVERIFY(w.outcome()->migration.cancelled);
        }
        const qint64 landed = f.keyCount();
        QVERIFY2(landed > 0 && landed < planned,
                 qPrintable(QStringLiteral("%1 of %2").arg(landed).arg(planned)));

        // Opened again, the wizard finds the interrupted run and offers Resume first.
        MigrateWizard again(setup(f, {dev}));
        again.show();
        QVERIFY(QTest::qWaitFor([&] { return again.sourcePage()->isComplete(); }, 20000));
        again.next();
        again.targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        again.next();
        QVERIFY(
            QTest::qWaitFor([&] { return !again.targetPage()->blockedText().isEmpty(); }, 20000));
        QCOMPARE(again.currentId(), int(MigrateWizard::TargetId));
        QVERIFY(again.targetPage()->stepButton()->isVisible());
        again.targetPage()->stepButton()->click();
        QVERIFY(
            QTest::qWaitFor([&] { return again.currentId() == MigrateWizard::ReportId; }, 120000));
        QVERIFY2(again.reportPage()->headline().startsWith(QStringLiteral("Migrated")),
                 qPrintable(again.reportPage()->headline()));
        QCOMPARE(f.keyCount(), planned);
    }

    void prodNeedsItsNameTyped()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        MigrateWizard w(
            setup(f, {f.profile(QStringLiteral("live"), ConnectionProfile::Environment::Prod)}));
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.sourcePage()->isComplete(); }, 20000));
        w.next();
        QVERIFY(w.targetPage()->confirmEdit()->isVisible());
        w.targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        w.targetPage()->confirmEdit()->setText(QStringLiteral("LIVE"));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::TargetId));
        QVERIFY2(w.targetPage()->ruleText().contains(QStringLiteral("PROD")),
                 qPrintable(w.targetPage()->ruleText()));
        QVERIFY(!w.session()); // not even connected
        w.targetPage()->confirmEdit()->setText(QStringLiteral("live"));
        w.next();
        QVERIFY(QTest::qWaitFor([&] { return w.currentId() == MigrateWizard::LayoutId; }, 20000));
        QVERIFY(reachPlan(w));
        w.scopePage()->backupBox()->setChecked(false);
        QVERIFY(runToReport(w));
        QVERIFY2(w.reportPage()->headline().startsWith(QStringLiteral("Migrated")),
                 qPrintable(w.reportPage()->headline()));
        QVERIFY(f.keyCount() > 0);
    }

    void aReadOnlyConnectionSaysWhyItCannotWrite()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        MigrateWizard w(setup(
            f, {f.profile(QStringLiteral("mirror"), ConnectionProfile::Environment::Dev, true)}));
        w.show();
        QVERIFY(QTest::qWaitFor([&] { return w.sourcePage()->isComplete(); }, 20000));
        w.next();
        // Said at once, before anything is typed.
        QVERIFY2(w.targetPage()->ruleText().contains(QStringLiteral("read-only")),
                 qPrintable(w.targetPage()->ruleText()));
        w.targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::TargetId));
        QVERIFY(w.targetPage()->ruleText().contains(QStringLiteral("read-only")));
        QVERIFY(!w.session());
        QCOMPARE(f.keyCount(), 0);
    }

    // Closing during a run asks; a run stopped that way is left resumable. The main window's
    // Jobs menu opens the wizard, and closing the window asks as well.
    void closingDuringARunAsksAndLeavesItResumable()
    {
        WizardFixture f;
        // Batches of 5,000, twice the four a run keeps in flight: closing stops it midway.
        QVERIFY2(f.start(8, 10, 500), qPrintable(f.error()));
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        window.setJobsFolder(f.paths().root());
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("migrateAction"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        action->trigger();
        auto* opened = window.findChild<MigrateWizard*>();
        QVERIFY(opened);
        opened->close();
        QTRY_VERIFY(!window.findChild<MigrateWizard*>());

        MigrateWizard* w = new MigrateWizard(setup(f, {f.profile(QStringLiteral("dev"))}), &window);
        w->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<MigrateWizard> alive(w);
        QVERIFY(reachLayout(*w, f));
        QVERIFY(reachPlan(*w));
        w->scopePage()->backupBox()->setChecked(false);
        bool asked = false;
        connect(w->runner(), &WorkflowRunner::progressed, w, [&](const JobProgress& p) {
            if (asked || p.phase != QLatin1String("write") || p.done == 0)
                return;
            asked = true;
            w->reject(); // the window's close button
        });
        w->next();
        QTRY_VERIFY_WITH_TIMEOUT(asked, 60000);
        QMessageBox* question = nullptr;
        QTRY_VERIFY((question = w->findChild<QMessageBox*>(QStringLiteral("closeWhileRunning"))));
        QVERIFY(w->isVisible()); // not closed before the answer
        question->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 60000);
        MigrateWizard again(setup(f, {f.profile(QStringLiteral("dev"))}));
        again.show();
        QVERIFY(QTest::qWaitFor([&] { return again.sourcePage()->isComplete(); }, 20000));
        again.next();
        again.targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
        again.next();
        QVERIFY(
            QTest::qWaitFor([&] { return !again.targetPage()->blockedText().isEmpty(); }, 20000));
        QCOMPARE(again.targetPage()->stepButton()->text(),
                 StepCaption::text(NextStep::forRun(NextStep::Action::ResumeRun, QString())));
    }

    // Back to the source page and another folder: the scope page kept the projects of the
    // first folder (and its "current selection", which is the window's folder), so a user
    // could tick a project the folder to migrate does not have. It now lists the folder's.
    void theScopeFollowsAnotherSourceFolder()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        TestTree other;
        other.write(QStringLiteral("pm/other-project/project.json"),
                    R"({"name": "Other", "epicIds": []})");
        MigrateWizard::Setup s = setup(f, {f.profile(QStringLiteral("dev"))});
        // (the window's selection: a project of its folder, and people.json, which is none)
        s.selectedProjects = {QStringLiteral("people.json"), QStringLiteral("atlas")};
        MigrateWizard w(s);
        QVERIFY(reachLayout(w, f));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::ScopeId));
        auto projects = [&] {
            QStringList names;
            for (int i = 0; i < w.scopePage()->projectList()->count(); ++i)
                names << w.scopePage()->projectList()->item(i)->text();
            return names;
        };
        QVERIFY(!projects().isEmpty());
        QVERIFY(!projects().contains(QStringLiteral("other-project")));
        QVERIFY(projects().contains(QStringLiteral("atlas")));
        QVERIFY(w.scopePage()->selectionButton()->isEnabled());
        QCOMPARE(w.scopePage()->selectionButton()->text(),
                 QStringLiteral("The current selection: atlas"));
        w.scopePage()->selectionButton()->setChecked(true);
        QCOMPARE(w.scopePage()->projects(), QStringList{QStringLiteral("atlas")});
        w.scopePage()->chosenButton()->setChecked(true);
        w.scopePage()->projectList()->item(0)->setCheckState(Qt::Checked);
        w.back();
        w.back();
        w.back();
        QCOMPARE(w.currentId(), int(MigrateWizard::SourceId));
        w.sourcePage()->setFolder(other.path(QStringLiteral("pm")));
        QVERIFY(QTest::qWaitFor([&] { return w.sourcePage()->isComplete(); }, 20000));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::TargetId));
        w.next(); // (connected already)
        QCOMPARE(w.currentId(), int(MigrateWizard::LayoutId));
        w.next();
        QCOMPARE(w.currentId(), int(MigrateWizard::ScopeId));
        QCOMPARE(projects(), QStringList{QStringLiteral("other-project")});
        // Nothing ticked in this folder yet: a scope of chosen projects needs one.
        QVERIFY(w.scopePage()->projects().isEmpty());
        QVERIFY(!w.scopePage()->isComplete() || !w.scopePage()->chosenButton()->isChecked());
        // The window's selection is in another folder: not offered for this one.
        QVERIFY(!w.scopePage()->selectionButton()->isEnabled());
        QVERIFY(!w.scopePage()->selectionButton()->isChecked());
    }

    // The window's own connection is the wizard's target even when it is not saved (given
    // with --url as the demo does, typed in the dialog without saving, the local
    // environment's): preselected, and opened with the secret the window was given. Before,
    // the target page listed the saved connections only: an empty list, Next disabled.
    void theWindowsUnsavedConnectionIsTheTarget()
    {
        WizardFixture f;
        QVERIFY2(f.start(), qPrintable(f.error()));
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        window.setJobsFolder(f.paths().root());
        window.show();
        const ConnectionProfile open = f.profile(QStringLiteral("unsaved-window-connection"));
        window.connectTo(open, f.token());
        window.findChild<QAction*>(QStringLiteral("migrateAction"))->trigger();
        auto* w = window.findChild<MigrateWizard*>();
        QVERIFY(w);
        w->sourcePage()->setFolder(f.root());
        QVERIFY(QTest::qWaitFor([&] { return w->sourcePage()->isComplete(); }, 20000));
        w->next();
        QCOMPARE(w->currentId(), int(MigrateWizard::TargetId));
        QCOMPARE(w->targetPage()->profile().name, open.name);
        QCOMPARE(w->targetPage()->profile().address, open.address);
        QVERIFY(w->targetPage()->isComplete());
        QVERIFY(w->targetPage()->secretEdit()->text().isEmpty()); // never shown
        w->next(); // connects with the window's secret
        QVERIFY2(QTest::qWaitFor([&] { return w->currentId() == MigrateWizard::LayoutId; }, 20000),
                 qPrintable(w->targetPage()->ruleText()));
        w->close();
        // The rollback wizard's target page is the same page, given the same connections.
        window.findChild<QAction*>(QStringLiteral("rollbackAction"))->trigger();
        auto* rollback = window.findChild<RollbackWizard*>();
        QVERIFY(rollback);
        rollback->connectionPage()->initializePage(); // (as when the page is reached)
        QCOMPARE(rollback->connectionPage()->profile().name, open.name);
        rollback->close();
    }
};

QTEST_MAIN(TstMigrateWizard)
#include "tst_migratewizard.moc"
