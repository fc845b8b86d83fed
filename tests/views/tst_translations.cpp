// The app's strings go through tr() and a QTranslator for the system's language: a .qm made
// from a test .ts (two strings in German) changes the window's menus and a step's caption;
// a language with no .qm leaves English.
#include "core/nextstep.h"
#include "mainwindow.h"
#include "stepcaption.h"
#include "translations.h"

#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>

using namespace pmkv;

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noTranslationKeepsEnglish()
    {
        const QStringList loaded =
            Translations::install(*QCoreApplication::instance(), QLocale(QStringLiteral("fr_FR")),
                                  {QStringLiteral(PMKV_TEST_QM_DIR)});
        QVERIFY2(loaded.isEmpty(), qPrintable(loaded.join(u' ')));
        QCOMPARE(
            StepCaption::text(NextStep::forRun(NextStep::Action::ResumeRun, QStringLiteral("r"))),
            QStringLiteral("Resume the run"));
    }

    void germanTranslatesMenusAndSteps()
    {
        const QStringList loaded =
            Translations::install(*QCoreApplication::instance(), QLocale(QStringLiteral("de_DE")),
                                  {QStringLiteral(PMKV_TEST_QM_DIR)});
        QVERIFY(!loaded.isEmpty());
        QVERIFY2(loaded.first().endsWith(QStringLiteral("pmkv-studio_de.qm")),
                 qPrintable(loaded.first()));
        QCOMPARE(
            StepCaption::text(NextStep::forRun(NextStep::Action::ResumeRun, QStringLiteral("r"))),
            QStringLiteral("Den Lauf fortsetzen"));
        MainWindow window;
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Bearbeiten")), qPrintable(menus.join(u' ')));
        QVERIFY(menus.contains(QStringLiteral("&View"))); // not in the test's .ts: English
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
