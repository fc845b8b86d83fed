// The backup wizard (issue #18), walked offscreen against the real pmkv-proxy (REST) in front
// of a real redis-server: a backup of the files and of the key space, verified at the end and
// its location shown; the verification of that backup and of a damaged copy; a restore into a
// new folder; and a restore over the live folder, only after the box and the typed name.
#include "backupchoicepage.h"
#include "backupwizard.h"
#include "pathfield.h"
#include "wizardfixture.h"
#include "workflowreportpage.h"

#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace pmkv;

class TestBackupWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void makesAndVerifiesFilesAndKeys();
    void verifiesAnExistingBackup();
    void refusesADamagedBackup();
    void restoresIntoANewFolder();
    void restoresOverTheLiveFolderOnlyWhenConfirmed();
    void namesAnEmptyArchiveFolderAndStopsThere();
    void namesARestoreArchiveThatDoesNotExist();

private:
    // Goes from the choice page through the run to the report.
    static void run(BackupWizard& wizard);
    static QMap<QString, QByteArray> filesOf(const QString& root);

    test::WizardFixture m_fixture;
    QString m_archive;
};

void TestBackupWizard::initTestCase()
{
    QVERIFY2(m_fixture.start(2, 2, 3), qPrintable(m_fixture.error()));
    QVERIFY2(m_fixture.migrate(), qPrintable(m_fixture.error()));
    QVERIFY(QDir().mkpath(m_fixture.path(QStringLiteral("backups"))));
}

void TestBackupWizard::run(BackupWizard& wizard)
{
    QVERIFY(wizard.currentPage()->isComplete());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(BackupWizard::RunPage));
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(BackupWizard::ReportPage), 60000);
}

QMap<QString, QByteArray> TestBackupWizard::filesOf(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(root).relativeFilePath(path), file.readAll());
    }
    return files;
}

void TestBackupWizard::makesAndVerifiesFilesAndKeys()
{
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    BackupChoicePage* choice = wizard.choicePage();
    QCOMPARE(choice->mode(), BackupChoicePage::Mode::Make);
    QVERIFY(choice->filesBox()->isChecked());
    QVERIFY(choice->keysBox()->isEnabled());
    choice->keysBox()->setChecked(true);
    choice->destinationField()->setPath(m_fixture.path(QStringLiteral("backups")));
    run(wizard);
    WorkflowReportPage* report = wizard.reportPage();
    QCOMPARE(report->headline(), QStringLiteral("The backup is written and verified."));
    const QJsonObject files = report->json().value(QStringLiteral("files")).toObject();
    QVERIFY(files.value(QStringLiteral("valid")).toBool());
    QVERIFY(files.value(QStringLiteral("files")).toInt() >= 10);
    m_archive = files.value(QStringLiteral("archive")).toString();
    QVERIFY2(m_archive.startsWith(m_fixture.path(QStringLiteral("backups"))),
             qPrintable(m_archive));
    QVERIFY(QFile::exists(m_archive));
    QVERIFY(report->text().contains(m_archive));
    const QJsonObject keys = report->json().value(QStringLiteral("keys")).toObject();
    QVERIFY(keys.value(QStringLiteral("keys")).toInt() >= 10);
    QVERIFY(QFile::exists(keys.value(QStringLiteral("snapshot")).toString()));
    QVERIFY(report->text().contains(keys.value(QStringLiteral("snapshot")).toString()));
}

void TestBackupWizard::verifiesAnExistingBackup()
{
    QVERIFY(!m_archive.isEmpty());
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    wizard.choicePage()->setMode(BackupChoicePage::Mode::Verify);
    QVERIFY(!wizard.choicePage()->isComplete());
    wizard.choicePage()->existingField()->setPath(m_archive);
    run(wizard);
    QCOMPARE(wizard.reportPage()->headline(), QStringLiteral("The backup verifies."));
    QVERIFY(wizard.reportPage()->json().value(QStringLiteral("valid")).toBool());
}

void TestBackupWizard::refusesADamagedBackup()
{
    QVERIFY(!m_archive.isEmpty());
    const QString damaged = m_fixture.path(QStringLiteral("damaged.tar.gz"));
    QVERIFY(QFile::copy(m_archive, damaged));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x55);
    file.seek(0);
    file.write(bytes);
    file.close();
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    wizard.choicePage()->setMode(BackupChoicePage::Mode::Verify);
    wizard.choicePage()->existingField()->setPath(damaged);
    run(wizard);
    const QString headline = wizard.reportPage()->headline();
    QVERIFY2(headline == QStringLiteral("The backup does not verify.") ||
                 headline.startsWith(QStringLiteral("Not done")),
             qPrintable(headline));
    QVERIFY(!wizard.reportPage()->json().value(QStringLiteral("valid")).toBool());
}

void TestBackupWizard::restoresIntoANewFolder()
{
    QVERIFY(!m_archive.isEmpty());
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    BackupChoicePage* choice = wizard.choicePage();
    choice->setMode(BackupChoicePage::Mode::Restore);
    choice->restoreFromField()->setPath(m_archive);
    const QString into = m_fixture.root() + QStringLiteral("-restored");
    QCOMPARE(choice->restoreTo(), into);
    QVERIFY(!choice->restoresOverLiveFolder());
    run(wizard);
    QCOMPARE(wizard.reportPage()->headline(), QStringLiteral("The backup is restored."));
    QCOMPARE(filesOf(into), filesOf(m_fixture.root()));
}

void TestBackupWizard::restoresOverTheLiveFolderOnlyWhenConfirmed()
{
    QVERIFY(!m_archive.isEmpty());
    // A file changed since the backup: the restore over the live folder puts it back.
    const auto archived = filesOf(m_fixture.root());
    const QString changed = archived.firstKey();
    {
        QFile file(m_fixture.root() + QLatin1Char('/') + changed);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"changed\": true}");
    }
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    BackupChoicePage* choice = wizard.choicePage();
    choice->setMode(BackupChoicePage::Mode::Restore);
    choice->restoreFromField()->setPath(m_archive);
    choice->restoreToField()->setPath(m_fixture.root());
    QVERIFY(choice->restoresOverLiveFolder());
    QVERIFY(choice->typedNameEdit()->isVisible());
    QVERIFY(!choice->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    choice->overwriteBox()->setChecked(true);
    QVERIFY(!choice->isComplete()); // the box alone is not enough
    choice->typedNameEdit()->setText(QStringLiteral("p"));
    QVERIFY(!choice->isComplete());
    choice->typedNameEdit()->setText(QStringLiteral("pm"));
    QVERIFY(choice->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    run(wizard);
    QCOMPARE(wizard.reportPage()->headline(), QStringLiteral("The backup is restored."));
    QCOMPARE(filesOf(m_fixture.root()).value(changed), archived.value(changed));
}

// Files ticked with no archive folder: the keys alone used to make the page complete, and the
// archive went wherever the job chose. Next stays disabled and the page names the field.
void TestBackupWizard::namesAnEmptyArchiveFolderAndStopsThere()
{
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    BackupChoicePage* choice = wizard.choicePage();
    QVERIFY(choice->filesBox()->isChecked());
    choice->keysBox()->setChecked(true);
    choice->destinationField()->setPath(QString());
    QVERIFY(!choice->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(choice->problemText().startsWith(QStringLiteral("Archive folder:")),
             qPrintable(choice->problemText()));
    // Unticking the files leaves the key space alone to back up: nothing is missing.
    choice->filesBox()->setChecked(false);
    QVERIFY(choice->isComplete());
    QVERIFY(choice->problemText().isEmpty());
    choice->filesBox()->setChecked(true);
    choice->destinationField()->setPath(m_fixture.path(QStringLiteral("backups")));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(choice->problemText().isEmpty());
}

// A restore from an archive that is not there used to start the job, which then failed naming
// the path; the page says so and what to do instead, and lets nobody on. So does Verify.
void TestBackupWizard::namesARestoreArchiveThatDoesNotExist()
{
    const QString missing = m_fixture.path(QStringLiteral("no-such-backup.tar.gz"));
    BackupWizard wizard(m_fixture.target());
    wizard.show();
    BackupChoicePage* choice = wizard.choicePage();
    choice->setMode(BackupChoicePage::Mode::Restore);
    choice->restoreFromField()->setPath(missing);
    QVERIFY(!choice->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    const QString problem = choice->problemText();
    QVERIFY2(problem.startsWith(QStringLiteral("Backup archive:")), qPrintable(problem));
    QVERIFY2(problem.contains(QDir::toNativeSeparators(missing)), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("does not exist")), qPrintable(problem));
    choice->setMode(BackupChoicePage::Mode::Verify);
    choice->existingField()->setPath(missing);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(choice->problemText().startsWith(QStringLiteral("Backup or snapshot:")),
             qPrintable(choice->problemText()));
}

QTEST_MAIN(TestBackupWizard)
#include "tst_backupwizard.moc"
