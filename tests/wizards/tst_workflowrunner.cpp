#include "jobs/jobreport.h"
#include "stepcaption.h"
#include "workflowprogresspage.h"
#include "workflowreportpage.h"
#include "workflowrunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWizard>

#include <atomic>

using namespace pmkv;

// The runner every wizard uses: a blocking workflow call on a worker thread, its progress and
// result back on the GUI thread by queued signals, Cancel through the layer's flag; and the
// progress and report pages on top of it.
class TstWorkflowRunner final : public QObject
{
    Q_OBJECT

    // A job that reports `steps` progress events, `pauseMs` apart, and returns `steps`; it
    // stops early (error "cancelled") when the flag is set.
    static WorkflowRunner::Job<int> countingJob(int steps, int pauseMs)
    {
        return [steps, pauseMs](const WorkflowContext& context) -> Result<int> {
            for (int i = 1; i <= steps; ++i) {
                if (context.cancelled())
                    return makeError(
                        QStringLiteral("cancelled"), QStringLiteral("stopped"),
                        NextStep::forRun(NextStep::Action::ResumeRun, QStringLiteral("run-1")));
                JobProgress p;
                p.phase = QStringLiteral("write");
                p.done = i;
                p.total = steps;
                p.itemsPerSecond = 1000;
                p.etaSeconds = (steps - i) / 1000.0;
                p.final = i == steps;
                context.progress(p);
                if (pauseMs > 0)
                    QThread::msleep(pauseMs);
            }
            context.warnings << QStringLiteral("an audit line was not written");
            return steps;
        };
    }

private Q_SLOTS:
    void progressAndResultArriveOnTheGuiThread()
    {
        WorkflowRunner runner;
        QSignalSpy progressed(&runner, &WorkflowRunner::progressed);
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        QThread* doneOn = nullptr;
        int value = 0;
        QStringList warnings;
        QThread* jobOn = nullptr;
        QString frontEnd;
        auto job = countingJob(20, 5);
        QVERIFY(runner.start<int>(
            [&jobOn, &frontEnd, job](const WorkflowContext& c) {
                jobOn = QThread::currentThread();
                frontEnd = c.frontEnd;
                return job(c);
            },
            [&](Result<int> r, const QStringList& w) {
                doneOn = QThread::currentThread();
                value = r.ok() ? r.value() : -1;
                warnings = w;
            }));
        QVERIFY(runner.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!runner.isRunning());
        QCOMPARE(doneOn, QThread::currentThread());
        QVERIFY(jobOn != QThread::currentThread());
        QCOMPARE(value, 20);
        QCOMPARE(frontEnd, QStringLiteral("pmkv-studio"));
        QCOMPARE(warnings, QStringList{QStringLiteral("an audit line was not written")});
        QVERIFY(progressed.count() >= 1);
        QCOMPARE(runner.lastProgress().done, qint64(20));
        QVERIFY(runner.lastProgress().final);
    }

    void aSecondJobIsRefusedWhileOneRuns()
    {
        WorkflowRunner runner;
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        QVERIFY(runner.start<int>(countingJob(5, 20), [](Result<int>, const QStringList&) {}));
        QVERIFY(!runner.start<int>(countingJob(1, 0), [](Result<int>, const QStringList&) {}));
        QVERIFY(finished.wait(10000));
        QVERIFY(runner.start<int>(countingJob(1, 0), [](Result<int>, const QStringList&) {}));
        QVERIFY(finished.wait(10000));
    }

    void cancelStopsTheJobAndItsResultStillArrives()
    {
        WorkflowRunner runner;
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        QSignalSpy cancelRequested(&runner, &WorkflowRunner::cancelRequested);
        std::optional<Error> error;
        QVERIFY(runner.start<int>(countingJob(100000, 1), [&](Result<int> r, const QStringList&) {
            if (!r.ok())
                error = r.error();
        }));
        QTimer::singleShot(50, &runner, &WorkflowRunner::cancel);
        QVERIFY(finished.wait(10000));
        QCOMPARE(cancelRequested.count(), 1);
        QVERIFY(error.has_value());
        QCOMPARE(error->code, QStringLiteral("cancelled"));
        QVERIFY(runner.lastProgress().done < 100000);
    }

    void aFloodOfProgressDoesNotStallTheGuiThread()
    {
        // A job that reports as fast as it can: the runner keeps at most one progress event in
        // the queue, so a 10 ms timer on the GUI thread keeps firing. (Two million queued
        // events would hold it for seconds; the bound is loose because the machine running
        // the tests may be busy: the 100 ms figure is measured by bench_wizard.)
        WorkflowRunner runner;
        QSignalSpy finished(&runner, &WorkflowRunner::finished);
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worstGap = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = qMax(worstGap, now - last);
            last = now;
        });
        int delivered = 0;
        connect(&runner, &WorkflowRunner::progressed, this, [&] { ++delivered; });
        clock.start();
        tick.start();
        QVERIFY(runner.start<int>(countingJob(2000000, 0), [](Result<int>, const QStringList&) {}));
        QVERIFY(finished.wait(60000));
        tick.stop();
        QVERIFY2(worstGap < 1000, qPrintable(QString::number(worstGap)));
        QVERIFY2(delivered < 2000000 / 10, qPrintable(QString::number(delivered)));
        QCOMPARE(runner.lastProgress().done, qint64(2000000));
    }

    void destroyingTheRunnerCancelsAndWaits()
    {
        std::atomic_bool sawCancel{false};
        {
            WorkflowRunner runner;
            QVERIFY(runner.start<int>(
                [&sawCancel](const WorkflowContext& c) -> Result<int> {
                    QElapsedTimer t;
                    t.start();
                    while (!c.cancelled() && t.elapsed() < 10000)
                        QThread::msleep(1);
                    sawCancel = c.cancelled();
                    return 0;
                },
                [](Result<int>, const QStringList&) {}));
            QTest::qWait(20);
        }
        QVERIFY(sawCancel);
    }

    void theProgressPageShowsRateEtaAndMovesOnToTheReport()
    {
        WorkflowRunner runner;
        QWizard wizard;
        auto* intro = new QWizardPage;
        auto* progress = new WorkflowProgressPage(&runner);
        auto* report = new WorkflowReportPage;
        wizard.addPage(intro);
        wizard.addPage(progress);
        wizard.addPage(report);
        progress->setStart([&] {
            runner.start<int>(countingJob(40, 10), [&](Result<int> r, const QStringList& w) {
                report->showSummary(
                    QStringLiteral("Done"), QStringLiteral("%1 keys").arg(r.value()), {},
                    NextStep::forRun(NextStep::Action::RollbackRun, QStringLiteral("run-7")), w);
            });
        });
        wizard.show();
        wizard.next();
        QCOMPARE(wizard.currentPage(), progress);
        QVERIFY(!progress->isComplete());
        QTRY_VERIFY_WITH_TIMEOUT(progress->rateText().contains(QStringLiteral("keys/s")), 5000);
        QVERIFY(progress->etaText().startsWith(QStringLiteral("about")));
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentPage(), report, 10000);
        QCOMPARE(report->headline(), QStringLiteral("Done"));
        QVERIFY(report->text().contains(QStringLiteral("40 keys")));
        QVERIFY(report->text().contains(QStringLiteral("an audit line was not written")));
        QVERIFY(report->stepButton()->isVisibleTo(report));
        QCOMPARE(report->stepButton()->text(),
                 StepCaption::text(NextStep::forRun(NextStep::Action::RollbackRun, {})));
        QSignalSpy chosen(report, &WorkflowReportPage::stepChosen);
        report->stepButton()->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).value<NextStep>().runId, QStringLiteral("run-7"));
    }

    // The run page said "keys/s" whatever the phase counted. Each phase a job reports now
    // shows its own unit, with the bytes per second where the job counts bytes; a phase whose
    // count names nothing known shows no rate at all rather than a wrong one.
    void theRatesUnitFollowsThePhase_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("rate");
        QTest::newRow("write") << QStringLiteral("write") << qint64(3 * 1024 * 1024)
                               << QStringLiteral("300 of 600 keys")
                               << QStringLiteral("1,500 keys/s \u00b7 15.00 MiB/s");
        QTest::newRow("validate") << QStringLiteral("validate") << qint64(0)
                                  << QStringLiteral("300 of 600 keys")
                                  << QStringLiteral("1,500 keys/s");
        QTest::newRow("rollback") << QStringLiteral("rollback") << qint64(0)
                                  << QStringLiteral("300 of 600 keys")
                                  << QStringLiteral("1,500 keys/s");
        QTest::newRow("backup") << QStringLiteral("backup") << qint64(0)
                                << QStringLiteral("300 of 600 files")
                                << QStringLiteral("1,500 files/s");
        QTest::newRow("unnamed") << QStringLiteral("plan") << qint64(0)
                                 << QStringLiteral("300 of 600") << QString();
    }

    void theRatesUnitFollowsThePhase()
    {
        QFETCH(QString, phase);
        QFETCH(qint64, bytes);
        QFETCH(QString, count);
        QFETCH(QString, rate);
        // (the separators of the numbers compared; the other tests keep the default)
        const auto restore = qScopeGuard([previous = QLocale()] { QLocale::setDefault(previous); });
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        WorkflowRunner runner;
        QWizard wizard;
        auto* progress = new WorkflowProgressPage(&runner);
        progress->setAutoAdvance(false);
        wizard.addPage(new QWizardPage);
        wizard.addPage(progress);
        progress->setStart([&] {
            runner.start<int>(
                [phase, bytes](const WorkflowContext& context) -> Result<int> {
                    JobProgress p;
                    p.phase = phase;
                    p.done = 300;
                    p.total = 600;
                    p.bytesDone = bytes;
                    p.itemsPerSecond = 1500; // 0.2 s so far
                    context.progress(p);
                    return 0;
                },
                [](Result<int>, const QStringList&) {});
        });
        wizard.show();
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(progress->isComplete(), 5000);
        QCOMPARE(progress->countText(), count);
        QCOMPARE(progress->rateText(), rate);
    }

    void theCancelButtonStopsTheRun()
    {
        WorkflowRunner runner;
        QWizard wizard;
        auto* progress = new WorkflowProgressPage(&runner);
        progress->setAutoAdvance(false);
        wizard.addPage(new QWizardPage);
        wizard.addPage(progress);
        std::optional<Error> error;
        progress->setStart([&] {
            runner.start<int>(countingJob(100000, 1), [&](Result<int> r, const QStringList&) {
                if (!r.ok())
                    error = r.error();
            });
        });
        wizard.show();
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(progress->percent() > 0 || runner.lastProgress().done > 0, 5000);
        progress->cancelButton()->click();
        QVERIFY(!progress->cancelButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(progress->isComplete(), 10000);
        QVERIFY(error.has_value());
        QCOMPARE(error->next.action, NextStep::Action::ResumeRun);
    }

    void theReportPageSavesJsonAndHtml()
    {
        WorkflowReportPage page;
        JobReport report(QStringLiteral("Migration"));
        page.showReport(QStringLiteral("Finished"), report, NextStep::none());
        QVERIFY(!page.stepButton()->isVisibleTo(&page));
        QVERIFY(page.text().contains(QStringLiteral("Migration")));
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("r.json"));
        const QString html = dir.filePath(QStringLiteral("r.html"));
        auto savedJson = page.save(json, WorkflowReportPage::Format::Json);
        auto savedHtml = page.save(html, WorkflowReportPage::Format::Html);
        savedJson.waitForFinished();
        savedHtml.waitForFinished();
        QVERIFY(savedJson.result());
        QVERIFY(savedHtml.result());
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(j.readAll()).object(), report.toJson());
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll().contains("Migration"));
    }

    void anErrorShowsItsMessageAndItsStep()
    {
        WorkflowReportPage page;
        page.showError(
            makeError(QStringLiteral("prod-not-confirmed"),
                      QStringLiteral("Type the name of the PROD connection"),
                      NextStep::withDetail(NextStep::Action::ConfirmProd, QStringLiteral("prod"))));
        QVERIFY(page.headline().contains(QStringLiteral("Type the name")));
        QVERIFY(page.stepButton()->isVisibleTo(&page));
        QCOMPARE(page.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("prod-not-confirmed"));
    }
};

QTEST_MAIN(TstWorkflowRunner)
#include "tst_workflowrunner.moc"
