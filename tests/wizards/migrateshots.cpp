// Screenshots of the wizards for docs/ (not a test): a generated tree with a broken file and a
// key changed in the key space, a real redis-server behind the real pmkv-proxy, each page of
// the migrate wizard, the rollback wizard and the activity window, captured with ImageMagick's
// `import` under X (xvfb-run -a -s '-screen 0 1600x1000x24' migrate_shots docs [--dark]).
#include "activitydialog.h"
#include "connectionpage.h"
#include "darkpalette.h"
#include "diffview.h"
#include "migrateplanpage.h"
#include "migratescopepage.h"
#include "migratesourcepage.h"
#include "migratewizard.h"
#include "rollbackwizard.h"
#include "runhistorylist.h"
#include "wizardfixture.h"
#include "workflowprogresspage.h"
#include "workflowrunner.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTreeWidget>

using namespace pmkv;

namespace {

QString g_folder;
QString g_theme;
int g_failures = 0;

// Lets the window paint, then captures its rectangle of the screen.
void shoot(QWidget* window, const QString& name)
{
    window->raise();
    window->activateWindow();
    QTest::qWait(400);
    const QRect r = window->frameGeometry();
    const QString file = QStringLiteral("%1/wizard-%2-%3.png").arg(g_folder, name, g_theme);
    QProcess import;
    import.start(
        QStringLiteral("timeout"),
        {QStringLiteral("10"), QStringLiteral("import"), QStringLiteral("-window"),
         QStringLiteral("root"), QStringLiteral("-crop"),
         QStringLiteral("%1x%2+%3+%4").arg(r.width()).arg(r.height()).arg(r.x()).arg(r.y()),
         QStringLiteral("+repage"), file});
    import.waitForFinished(15000);
    const bool ok = import.exitStatus() == QProcess::NormalExit && import.exitCode() == 0;
    if (!ok)
        ++g_failures;
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << file << Qt::endl;
}

bool waitFor(const std::function<bool()>& condition, int ms = 60000)
{
    const bool ok = QTest::qWaitFor(condition, ms);
    if (!ok) {
        ++g_failures;
        QTextStream(stdout) << "timed out" << Qt::endl;
    }
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: migrate_shots <folder> [--dark]\n";
        return 64;
    }
    g_folder = args.at(1);
    const bool dark = args.contains(QStringLiteral("--dark"));
    g_theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (dark)
        DarkPalette::apply();

    test::WizardFixture f;
    if (!f.start(2, 6, 400)) {
        QTextStream(stderr) << f.error() << '\n';
        return 2;
    }
    // A file with an error and one with a warning, for the source page.
    f.redis().cli({QStringLiteral("SET"), QStringLiteral("pm:projects"),
                   QStringLiteral("[\"old-project\"]")});
    {
        QFile broken(f.path(QStringLiteral("pm/broken-project/project.json")));
        QDir().mkpath(f.path(QStringLiteral("pm/broken-project")));
        broken.open(QIODevice::WriteOnly);
        broken.write("{\"name\": \"Broken\", \"epicIds\": [\n");
    }
    ConnectionProfile staging =
        f.profile(QStringLiteral("staging"), ConnectionProfile::Environment::Staging);
    ConnectionProfile live =
        f.profile(QStringLiteral("live"), ConnectionProfile::Environment::Prod);
    ConnectionProfile mirror =
        f.profile(QStringLiteral("mirror"), ConnectionProfile::Environment::Dev, true);

    MigrateWizard::Setup setup;
    setup.root = f.root();
    setup.profiles = {staging, live, mirror};
    setup.profileName = staging.name;
    setup.paths = f.paths();
    auto* migrate = new MigrateWizard(setup);
    migrate->move(40, 40);
    migrate->resize(1000, 700);
    migrate->show();
    waitFor([&] { return migrate->sourcePage()->isComplete(); });
    migrate->sourcePage()->findChild<QTreeWidget*>()->expandAll();
    shoot(migrate, QStringLiteral("migrate-1-source"));
    migrate->next();
    // The PROD refusal, then the connection used.
    migrate->targetPage()->connectionBox()->setCurrentIndex(1);
    migrate->targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
    migrate->next();
    shoot(migrate, QStringLiteral("migrate-2-target-prod"));
    migrate->targetPage()->connectionBox()->setCurrentIndex(2);
    shoot(migrate, QStringLiteral("migrate-2-target-readonly"));
    migrate->targetPage()->connectionBox()->setCurrentIndex(0);
    migrate->targetPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
    migrate->next();
    waitFor([&] { return migrate->currentId() == MigrateWizard::LayoutId; });
    shoot(migrate, QStringLiteral("migrate-3-layout"));
    migrate->next();
    migrate->scopePage()->policyBox()->setCurrentIndex(2);
    shoot(migrate, QStringLiteral("migrate-4-scope"));
    migrate->next();
    waitFor([&] { return migrate->planPage()->isComplete(); });
    shoot(migrate, QStringLiteral("migrate-5-plan"));
    migrate->planPage()->actionFilter()->setCurrentIndex(
        migrate->planPage()->actionFilter()->findText(QStringLiteral("update")));
    QTableView* table = migrate->planPage()->table();
    if (table->model()->rowCount() > 0) {
        table->setCurrentIndex(table->model()->index(0, 1));
        QSignalSpy shown(migrate->planPage(), &MigratePlanPage::diffShown);
        migrate->planPage()->diffButton()->click();
        if (shown.wait(20000)) {
            QWidget* dialog = migrate->planPage()->diffView()->window();
            dialog->move(120, 120);
            shoot(dialog, QStringLiteral("migrate-5-plan-field-diff"));
            dialog->close();
        }
    }
    migrate->planPage()->actionFilter()->setCurrentIndex(0);
    bool shot = false;
    QObject::connect(migrate->runner(), &WorkflowRunner::progressed, migrate,
                     [&](const JobProgress& p) {
                         if (!shot && p.phase == QLatin1String("write") && p.done > 0) {
                             shot = true;
                             shoot(migrate, QStringLiteral("migrate-6-run"));
                         }
                     });
    migrate->next();
    waitFor([&] { return migrate->currentId() == MigrateWizard::ReportId; }, 300000);
    shoot(migrate, QStringLiteral("migrate-7-report"));
    migrate->close();

    RollbackWizard::Setup back;
    back.profiles = {staging};
    back.profileName = staging.name;
    back.paths = f.paths();
    auto* rollback = new RollbackWizard(back);
    rollback->move(40, 40);
    rollback->resize(1000, 700);
    rollback->show();
    waitFor([&] { return rollback->history()->topLevelItemCount() > 0; });
    shoot(rollback, QStringLiteral("rollback-1-history"));
    rollback->next();
    rollback->connectionPage()->secretEdit()->setText(QString::fromUtf8(f.token()));
    rollback->next();
    waitFor([&] { return rollback->currentId() == RollbackWizard::PreviewId; });
    shoot(rollback, QStringLiteral("rollback-2-preview"));
    rollback->next();
    waitFor([&] { return rollback->currentId() == RollbackWizard::ReportId; });
    shoot(rollback, QStringLiteral("rollback-3-report"));
    rollback->close();

    auto* activity = new ActivityDialog(f.paths());
    QSignalSpy loaded(activity, &ActivityDialog::loaded);
    activity->move(40, 40);
    activity->show();
    loaded.wait(20000);
    shoot(activity, QStringLiteral("activity"));
    return g_failures == 0 ? 0 : 1;
}
