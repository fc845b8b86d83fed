// The phase dashboard (issue #18): the six phases of a generated folder against the real
// pmkv-proxy (REST) in front of a real redis-server, as StatusWorkflow decides them, with the
// next safe step as a button that asks for the right wizard.
#include "archivechecklistpage.h"
#include "archivewizard.h"
#include "backupchoicepage.h"
#include "backupwizard.h"
#include "diffwizard.h"
#include "mainwindow.h"
#include "phasedashboard.h"
#include "wizardfixture.h"

#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace pmkv;

class TestPhaseDashboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void withoutConnectionAsksForOne();
    void walksThePhases();
    void unreachableKeySpaceAsksForTheLocalPair();
    void mainWindowTakesTheSteps();
    void listsTheJournalsItCannotRead();

private:
    // Shows the status of `target` and waits for it.
    static void check(PhaseDashboard& dashboard, const JobTarget& target);

    test::WizardFixture m_fixture;
};

void TestPhaseDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-dashboard"));
    QSettings().clear();
    QVERIFY2(m_fixture.start(2, 2, 3), qPrintable(m_fixture.error()));
}

void TestPhaseDashboard::check(PhaseDashboard& dashboard, const JobTarget& target)
{
    QSignalSpy updated(&dashboard, &PhaseDashboard::updated);
    dashboard.setTarget(target);
    QVERIFY(dashboard.isBusy());
    QVERIFY(updated.wait(30000));
    QVERIFY(!dashboard.isBusy());
}

void TestPhaseDashboard::withoutConnectionAsksForOne()
{
    PhaseDashboard dashboard;
    check(dashboard, m_fixture.folderOnly());
    QVERIFY(dashboard.outcome());
    QCOMPARE(dashboard.outcome()->phase, 1);
    QCOMPARE(dashboard.outcome()->next.action, NextStep::Action::GiveKeySpace);
    QCOMPARE(dashboard.nextButton()->text(), QStringLiteral("Choose a connection"));
    QVERIFY(dashboard.phaseText(1).contains(QStringLiteral("local KV running")));
}

void TestPhaseDashboard::walksThePhases()
{
    PhaseDashboard dashboard;
    dashboard.show();
    // Phase 2: the key space answers, nothing migrated: a backup first.
    check(dashboard, m_fixture.target());
    QVERIFY2(dashboard.errorText().isEmpty(), qPrintable(dashboard.errorText()));
    QCOMPARE(dashboard.outcome()->phase, 2);
    QCOMPARE(dashboard.outcome()->next.action, NextStep::Action::Backup);
    QVERIFY(dashboard.nextButton()->isVisible());
    QCOMPARE(dashboard.nextButton()->text(), QStringLiteral("Make a verified backup"));
    QVERIFY(dashboard.phaseText(1).startsWith(QStringLiteral("\u2713")));
    QVERIFY(dashboard.phaseText(2).startsWith(QStringLiteral("\u25B6")));

    // Phase 4: migrated in full and matching, no backup yet.
    QVERIFY2(m_fixture.migrate(), qPrintable(m_fixture.error()));
    check(dashboard, m_fixture.target());
    QCOMPARE(dashboard.outcome()->phase, 4);
    QCOMPARE(dashboard.outcome()->next.action, NextStep::Action::Backup);
    QVERIFY(dashboard.outcome()->validation.has_value());
    QVERIFY(dashboard.outcome()->runs.size() >= 1);

    // Phase 5: a backup exists; the button asks for the archive wizard.
    QVERIFY2(!m_fixture.backupBeside().isEmpty(), qPrintable(m_fixture.error()));
    QSignalSpy updated(&dashboard, &PhaseDashboard::updated);
    dashboard.refresh();
    QVERIFY(updated.wait(30000));
    QCOMPARE(dashboard.outcome()->phase, 5);
    QCOMPARE(dashboard.nextButton()->text(), QStringLiteral("Archive the folder"));
    QVERIFY(dashboard.adviceText().contains(QStringLiteral("archive the folder")));
    QSignalSpy asked(&dashboard, &PhaseDashboard::stepRequested);
    QTest::mouseClick(dashboard.nextButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    const auto step = asked.first().first().value<NextStep>();
    QCOMPARE(step.action, NextStep::Action::Archive);
    QCOMPARE(step.path, QDir(m_fixture.root()).absolutePath());
}

void TestPhaseDashboard::unreachableKeySpaceAsksForTheLocalPair()
{
    JobTarget target = m_fixture.target();
    target.profile->address =
        QStringLiteral("http://127.0.0.1:%1").arg(test::RedisServer::freePort());
    PhaseDashboard dashboard;
    check(dashboard, target);
    QCOMPARE(dashboard.outcome()->phase, 1);
    QCOMPARE(dashboard.outcome()->next.action, NextStep::Action::StartLocalKv);
    QCOMPARE(dashboard.nextButton()->text(), QStringLiteral("Start the local Redis and proxy"));
}

// The Migration menu and the steps the dashboard and reports offer open the right wizard.
void TestPhaseDashboard::mainWindowTakesTheSteps()
{
    MainWindow window;
    window.setJobsFolder(m_fixture.path(QStringLiteral("state")));
    window.openFolder(m_fixture.root());
    QStringList menus;
    for (QAction* action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY2(menus.contains(QStringLiteral("&Migration")), qPrintable(menus.join(u' ')));

    window.takeStep(NextStep::forPath(NextStep::Action::Backup, m_fixture.root()));
    QVERIFY(window.findChild<BackupWizard*>());
    const QString archive = m_fixture.path(QStringLiteral("some-backup.tar.gz"));
    window.takeStep(NextStep::forPath(NextStep::Action::RestoreBackup, archive));
    const auto backups = window.findChildren<BackupWizard*>();
    QCOMPARE(backups.size(), 2);
    QCOMPARE(backups.last()->choicePage()->mode(), BackupChoicePage::Mode::Restore);
    QCOMPARE(backups.last()->choicePage()->restoreFrom(), archive);
    window.takeStep(NextStep::forPath(NextStep::Action::Archive, m_fixture.root()));
    QVERIFY(window.findChild<ArchiveWizard*>());
    window.takeStep(NextStep::forPath(NextStep::Action::Diff, m_fixture.root()));
    QVERIFY(window.findChild<DiffWizard*>());
    window.takeStep(NextStep::forPath(NextStep::Action::ShowStatus, m_fixture.root()));
    QVERIFY(window.phaseDashboard());
    QSignalSpy updated(window.phaseDashboard(), &PhaseDashboard::updated);
    QVERIFY(updated.wait(30000));
    QVERIFY(window.phaseDashboard()->outcome());
    QCOMPARE(window.phaseDashboard()->outcome()->root, QDir(m_fixture.root()).absolutePath());
    // Each wizard's runner ends its job when the window goes (the archive checklist's dry run).
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<ArchiveWizard*>()->checklistPage()->isChecking(),
                             30000);
}

// A journal that cannot be read is listed among the runs with why (its path in it), and the
// dashboard says it needs a look; it was not shown at all before.
void TestPhaseDashboard::listsTheJournalsItCannotRead()
{
    const QString damaged =
        m_fixture.paths().runsFolder() + QStringLiteral("/29990101T000000000Z-migrate-0001.sqlite");
    QVERIFY(QDir().mkpath(m_fixture.paths().runsFolder()));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    PhaseDashboard dashboard;
    check(dashboard, m_fixture.target());
    QFile::remove(damaged);
    QVERIFY(dashboard.outcome());
    QVERIFY(dashboard.runsList()->topLevelItemCount() >= 1);
    const QTreeWidgetItem* top = dashboard.runsList()->topLevelItem(0);
    QCOMPARE(top->text(0), QStringLiteral("29990101T000000000Z-migrate-0001"));
    QCOMPARE(top->text(2), QStringLiteral("unreadable"));
    QVERIFY2(top->text(3).contains(damaged), qPrintable(top->text(3)));
    QVERIFY2(dashboard.attentionText().contains(QStringLiteral("cannot be read")),
             qPrintable(dashboard.attentionText()));
}

QTEST_MAIN(TestPhaseDashboard)
#include "tst_phasedashboard.moc"
