// Not a test: shows one wizard page or panel in a known state against a real redis-server and
// pmkv-proxy, for the screenshots in docs/ (tests/wizards/shots.sh). Prints "ready" once the
// page shows its final state, and ends 4 s later.
#include "alignedpane.h"
#include "archivechecklistpage.h"
#include "archivewizard.h"
#include "backupchoicepage.h"
#include "backupwizard.h"
#include "comparisonwindow.h"
#include "darkpalette.h"
#include "diffresultpage.h"
#include "diffsidespage.h"
#include "diffwizard.h"
#include "localenvpanel.h"
#include "pathfield.h"
#include "phasedashboard.h"
#include "wizardfixture.h"
#include "workflowrunner.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QStyleFactory>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace pmkv;

namespace {

// The shot is taken within a second or two of "ready"; then the app ends by itself, so that
// its redis-server and pmkv-proxy are stopped (a killed app left them running).
void ready()
{
    std::puts("ready");
    std::fflush(stdout);
    QTimer::singleShot(4000, qApp, &QApplication::quit);
}

// Calls `done` once `condition` holds (polled on the event loop, no nested loop).
void when(QObject* owner, std::function<bool()> condition, std::function<void()> done)
{
    auto* timer = new QTimer(owner);
    QObject::connect(timer, &QTimer::timeout, owner, [timer, condition, done] {
        if (!condition())
            return;
        timer->stop();
        timer->deleteLater();
        done();
    });
    timer->start(100);
}

void place(QWidget* widget)
{
    widget->setGeometry(0, 0, 1100, 760);
    widget->show();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList args = QApplication::arguments();
    if (args.contains(QStringLiteral("--dark")))
        DarkPalette::apply();
    const QString shot = args.value(1);
    test::WizardFixture fixture;
    if (!fixture.start(2, 2, 3) || !fixture.migrate()) {
        QTextStream(stderr) << fixture.error() << '\n';
        return 1;
    }
    QTimer::singleShot(60000, &app, &QApplication::quit);

    if (shot == QLatin1String("dashboard")) {
        fixture.backupBeside();
        auto* dashboard = new PhaseDashboard;
        dashboard->setWindowTitle(QStringLiteral("Migration Phases"));
        dashboard->setTarget(fixture.target());
        QObject::connect(dashboard, &PhaseDashboard::updated, dashboard, ready);
        place(dashboard);
    } else if (shot.startsWith(QLatin1String("backup"))) {
        auto* wizard = new BackupWizard(fixture.target());
        wizard->choicePage()->keysBox()->setChecked(true);
        place(wizard);
        if (shot == QLatin1String("backup-choose")) {
            ready();
        } else if (shot == QLatin1String("backup-restore")) {
            wizard->choicePage()->setMode(BackupChoicePage::Mode::Restore);
            wizard->choicePage()->restoreFromField()->setPath(fixture.backupBeside());
            wizard->choicePage()->restoreToField()->setPath(fixture.root());
            wizard->choicePage()->typedNameEdit()->setFocus();
            ready();
        } else {
            wizard->next();
            when(
                wizard, [wizard] { return wizard->currentId() == BackupWizard::ReportPage; },
                ready);
        }
    } else if (shot.startsWith(QLatin1String("archive"))) {
        if (shot == QLatin1String("archive-report"))
            fixture.backupBeside();
        auto* wizard = new ArchiveWizard(fixture.target());
        place(wizard);
        when(
            wizard, [wizard] { return !wizard->checklistPage()->isChecking(); },
            [wizard, shot] {
                if (shot == QLatin1String("archive-checklist")) {
                    ready();
                    return;
                }
                wizard->next();
                when(
                    wizard, [wizard] { return wizard->currentId() == ArchiveWizard::ReportPage; },
                    ready);
            });
    } else if (shot.startsWith(QLatin1String("diff"))) {
        const QString archive = fixture.backupBeside();
        fixture.redis().cli({QStringLiteral("SET"), QStringLiteral("pm:people"),
                             QStringLiteral("[{\"id\":\"p1\",\"name\":\"Changed in KV\"}]")});
        if (shot == QLatin1String("diff-aligned")) { // a story gone from KV, one only there
            const QString story =
                QString::fromUtf8(fixture.redis()
                                      .cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                            QStringLiteral("*:story:*")})
                                      .split('\n')
                                      .first());
            const QByteArray value = fixture.redis().cli({QStringLiteral("GET"), story});
            fixture.redis().cli(
                {QStringLiteral("SET"), story + QStringLiteral("-NEW"), QString::fromUtf8(value)});
            fixture.redis().cli({QStringLiteral("DEL"), story});
        }
        auto* wizard = new DiffWizard(fixture.target());
        qputenv("PMKV_TOKEN", fixture.proxy().token());
        wizard->sidesPage()->leftField()->setPath(archive);
        wizard->sidesPage()->rightField()->setPath(fixture.proxy().url().toString());
        wizard->sidesPage()->ignoreEdit()->setText(QStringLiteral("/updatedAt"));
        place(wizard);
        if (shot == QLatin1String("diff-sides")) {
            ready();
        } else if (shot == QLatin1String("diff-aligned")) {
            wizard->next();
            when(
                wizard, [wizard] { return wizard->currentId() == DiffWizard::ResultPage; },
                [wizard] {
                    std::shared_ptr<const DiffReport> report = wizard->resultPage()->report();
                    auto* window = new ComparisonWindow(report);
                    wizard->hide();
                    place(window);
                    when(
                        window, [window] { return window->isReady(); },
                        [window] {
                            QTreeView* keys = window->alignedPane()->keyView();
                            keys->expandAll();
                            window->alignedPane()->selectKey("pm:people");
                            ready();
                        });
                });
        } else {
            wizard->next();
            when(
                wizard, [wizard] { return wizard->currentId() == DiffWizard::ResultPage; }, ready);
        }
    } else if (shot == QLatin1String("localenv")) {
        LocalEnv::Options options;
        options.dataDir = fixture.path(QStringLiteral("env"));
        options.redisPort = test::RedisServer::freePort();
        do
            options.proxyPort = test::RedisServer::freePort();
        while (options.proxyPort == options.redisPort);
        options.proxyBinary = test::binaryPath(QStringLiteral("pmkv-proxy"));
        auto* panel = new LocalEnvPanel(options);
        panel->setWindowTitle(QStringLiteral("Local Environment"));
        place(panel);
        when(
            panel, [panel] { return !panel->isBusy(); },
            [panel] {
                panel->start();
                when(
                    panel, [panel] { return !panel->isBusy(); }, ready);
            });
        QObject::connect(&app, &QApplication::aboutToQuit,
                         [options] { (void)LocalEnv(options).down(); });
    } else {
        QTextStream(stderr) << "unknown shot " << shot << '\n';
        return 64;
    }
    return app.exec();
}
