// The archive wizard (issue #18), offscreen against the real pmkv-proxy (REST) in front of a
// real redis-server: without a verified backup the checklist refuses, says why and offers
// the fix; the fix makes the backup and the checklist passes; the rename happens; Undo
// renames it back. A key space that differs from the files is refused the same way.
#include "archivechecklistpage.h"
#include "archivewizard.h"
#include "darkpalette.h"
#include "mainwindow.h"
#include "readablecolors.h"
#include "wizardfixture.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace pmkv;

class TestArchiveWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void marksAreReadableInBothPalettes();
    void refusesADifferentKeySpace();
    void refusesWithoutBackupThenFixesArchivesAndUndoes();
    void theActionWaitsForAFolder();
    void withoutAFolderNothingIsChecked();

private:
    static void waitForChecks(ArchiveChecklistPage* page);

    test::WizardFixture m_fixture;
};

void TestArchiveWizard::initTestCase()
{
    QVERIFY2(m_fixture.start(2, 2, 3), qPrintable(m_fixture.error()));
    QVERIFY2(m_fixture.migrate(), qPrintable(m_fixture.error()));
}

void TestArchiveWizard::waitForChecks(ArchiveChecklistPage* page)
{
    QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 60000);
}

// The checklist's marks had fixed colours: the red of a failed item read 2.5:1 on the dark
// palette's window, the green of one that holds 2.5:1 on the light one (WCAG AA asks 4.5:1,
// and the marks are single small glyphs). Both now read at 4.5:1 or more on either palette.
void TestArchiveWizard::marksAreReadableInBothPalettes()
{
    const QPalette light = QApplication::palette();
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? DarkPalette::palette() : light);
        ArchiveWizard wizard(m_fixture.target());
        wizard.show();
        ArchiveChecklistPage* page = wizard.checklistPage();
        waitForChecks(page);
        QStringList marks;
        for (QLabel* label : page->findChildren<QLabel*>()) {
            if (label->text() != QStringLiteral("\u2713") &&
                label->text() != QStringLiteral("\u2717"))
                continue;
            label->ensurePolished();
            const QColor text = label->palette().color(QPalette::WindowText);
            const double contrast =
                ReadableColors::contrast(text, page->palette().color(QPalette::Window));
            marks << label->text();
            QVERIFY2(contrast >= ReadableColors::kMinimumContrast,
                     qPrintable(QStringLiteral("%1 in %2 on the %3 palette: %4:1")
                                    .arg(label->text(), text.name(),
                                         dark ? QStringLiteral("dark") : QStringLiteral("light"))
                                    .arg(contrast, 0, 'f', 2)));
        }
        // (no backup yet: one item fails, the others hold)
        QVERIFY2(marks.contains(QStringLiteral("\u2713")) &&
                     marks.contains(QStringLiteral("\u2717")),
                 qPrintable(marks.join(QLatin1Char(' '))));
    }
    QApplication::setPalette(light);
}

void TestArchiveWizard::refusesADifferentKeySpace()
{
    const QByteArray key = m_fixture.redis()
                               .cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                     QStringLiteral("pm:project:*:story:*")})
                               .split('\n')
                               .first();
    QVERIFY(!key.isEmpty());
    const QByteArray value = m_fixture.redis().cli({QStringLiteral("GET"), QString::fromUtf8(key)});
    m_fixture.redis().cli({QStringLiteral("SET"), QString::fromUtf8(key), QStringLiteral("{}")});
    ArchiveWizard wizard(m_fixture.target());
    wizard.show();
    waitForChecks(wizard.checklistPage());
    ArchiveChecklistPage* page = wizard.checklistPage();
    QCOMPARE(page->stateText(QStringLiteral("validation")), QStringLiteral("\u2717"));
    QVERIFY2(
        page->detailText(QStringLiteral("validation")).contains(QStringLiteral("full validation")),
        qPrintable(page->detailText(QStringLiteral("validation"))));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    m_fixture.redis().cli(
        {QStringLiteral("SET"), QString::fromUtf8(key), QString::fromUtf8(value)});
}

void TestArchiveWizard::refusesWithoutBackupThenFixesArchivesAndUndoes()
{
    const QString root = QDir(m_fixture.root()).absolutePath();
    ArchiveWizard wizard(m_fixture.target());
    wizard.show();
    ArchiveChecklistPage* page = wizard.checklistPage();
    QVERIFY(page->isChecking());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    waitForChecks(page);

    // Refused: no verified backup, with the reason and the fix shown.
    QVERIFY(page->outcome());
    QCOMPARE(page->stateText(QStringLiteral("backup")), QStringLiteral("\u2717"));
    QCOMPARE(page->detailText(QStringLiteral("backup")),
             QStringLiteral("no backup beside %1").arg(root));
    for (const char* name : {"target", "filesystem", "runs", "validation"})
        QCOMPARE(page->stateText(QLatin1String(name)), QStringLiteral("\u2713"));
    QVERIFY(!page->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QPushButton* fix = page->fixButton(QStringLiteral("backup"));
    QVERIFY(fix);
    QCOMPARE(fix->text(), QStringLiteral("Make a verified backup"));

    // The fix makes the backup; the checklist passes.
    QSignalSpy checked(page, &ArchiveChecklistPage::checked);
    QTest::mouseClick(fix, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 1 && !page->isChecking(), 60000);
    QCOMPARE(page->stateText(QStringLiteral("backup")), QStringLiteral("\u2713"));
    QVERIFY(page->detailText(QStringLiteral("backup")).contains(QStringLiteral("verified")));
    QVERIFY(page->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // The rename.
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(ArchiveWizard::ReportPage), 60000);
    QCOMPARE(wizard.reportPage()->headline(),
             QStringLiteral("The folder is archived as %1.").arg(root + QStringLiteral("-backup")));
    QVERIFY(!QFileInfo::exists(root));
    QVERIFY(QFileInfo(root + QStringLiteral("-backup")).isDir());

    // Undo.
    QVERIFY(wizard.undoButton()->isVisible());
    QTest::mouseClick(wizard.undoButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.runner()->isRunning() && wizard.undoButton()->isHidden(),
                             60000);
    QCOMPARE(wizard.reportPage()->headline(),
             QStringLiteral("The archive is undone: %1 is back.").arg(root));
    QVERIFY(QFileInfo(root).isDir());
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("-backup")));
}

// "Archive the Folder" was enabled with no folder open; it is disabled until one is, and its
// tooltip and status tip say so.
void TestArchiveWizard::theActionWaitsForAFolder()
{
    QStandardPaths::setTestModeEnabled(true);
    MainWindow window;
    window.setJobsFolder(m_fixture.paths().root());
    window.show();
    auto* action = window.findChild<QAction*>(QStringLiteral("archiveAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QCOMPARE(action->toolTip(), QStringLiteral("Open a pm/ folder first (Ctrl+O)."));
    QCOMPARE(action->statusTip(), action->toolTip());
    window.openFolder(m_fixture.root());
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 20000);
    QVERIFY(action->statusTip().isEmpty());
}

// Opened another way with no folder (a next step, a script), the wizard checked the process's
// working folder as the one to archive: the checks ran and "Make a backup" would have backed
// it up. Now nothing runs; the page says to open a folder, and neither Next nor Check again
// is offered.
void TestArchiveWizard::withoutAFolderNothingIsChecked()
{
    JobTarget target = m_fixture.target();
    target.root.clear();
    ArchiveWizard wizard(target);
    wizard.show();
    ArchiveChecklistPage* page = wizard.checklistPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 60000);
    QVERIFY(!wizard.runner()->isRunning());
    QVERIFY(!page->outcome().has_value());
    QVERIFY(page->fixButton(QStringLiteral("backup")) == nullptr);
    QVERIFY2(page->errorText().startsWith(QStringLiteral("No pm/ folder is open")),
             qPrintable(page->errorText()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    for (auto* button : page->findChildren<QPushButton*>())
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
}

QTEST_MAIN(TestArchiveWizard)
#include "tst_archivewizard.moc"
