// Wizard benchmark (issue #18): a 100,000-story migration started from the migrate wizard
// against `pmkv migrate` on the same tree and the same kind of target (a fresh redis-server
// behind the real pmkv-proxy, the REST path), in alternating rounds, each load into a Redis
// and proxy started for it. Prints both times, their ratio (target: within 10%) and the
// longest gap of the GUI thread's event loop while the wizard planned and ran (a 5 ms QTimer
// probe, as bench_gui; target: no stall over 100 ms).
//
// What is timed: `pmkv migrate` as a process, start to exit (read the tree, plan, journal,
// write, report); the wizard from "Next" on the scope page (the plan is made: read the tree,
// read the key space) to its report page (the plan executed, the report saved) - the same
// work. Neither makes a backup or a validation (both are options of the wizard, on by default,
// and off here). The wizard's source page scan (problems of the folder) comes before and is
// printed apart.
// Usage: bench_wizard <pm-folder> <pmkv binary>   (BENCH_RUNS=N rounds, default 3)
#include "connectionpage.h"
#include "migrateplanpage.h"
#include "migratescopepage.h"
#include "migratesourcepage.h"
#include "migratewizard.h"
#include "proxyprocess.h"
#include "redisserver.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace pmkv;
using pmkv::test::ProxyProcess;
using pmkv::test::RedisServer;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

const QByteArray kToken = QByteArrayLiteral("bench-token");

// A fresh redis-server and pmkv-proxy in front of it.
struct Target
{
    RedisServer redis;
    ProxyProcess proxy;
    bool start(QString& error)
    {
        if (!redis.start()) {
            error = redis.errorString();
            return false;
        }
        proxy.setRedisUrl(redis.url());
        proxy.setToken(kToken);
        if (!proxy.start()) {
            error = proxy.errorString();
            return false;
        }
        return true;
    }
    qint64 keys() const { return redis.cli({QStringLiteral("DBSIZE")}).toLongLong(); }
};

// The longest gap between two ticks of a 5 ms timer on the GUI thread while it runs.
class StallProbe final
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            if (now - m_last > 100 && m_where) // where it stalled, to find the cause
                QTextStream(stderr) << "stall of " << (now - m_last) << " ms ending at " << now
                                    << " ms, " << m_where() << Qt::endl;
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    // Names what was showing when a stall ended (printed to stderr).
    void setContext(std::function<QString()> where) { m_where = std::move(where); }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    std::function<QString()> m_where;
};

double cliMigrate(const QString& pmkv, const QString& root, Target& target, qint64& written)
{
    QTemporaryDir state;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_TOKEN"), QString::fromUtf8(kToken));
    process.setProcessEnvironment(env);
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(pmkv, {QStringLiteral("migrate"), root, QStringLiteral("--url"),
                         target.proxy.url().toString(), QStringLiteral("--state-dir"), state.path(),
                         QStringLiteral("--json")});
    process.waitForFinished(-1);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    written = json.value(QStringLiteral("migration"))
                  .toObject()
                  .value(QStringLiteral("written"))
                  .toInteger();
    return seconds;
}

struct WizardRun
{
    double scanSeconds = 0;
    double seconds = 0;
    qint64 worstGapMs = 0;
    qint64 written = 0;
    bool ok = false;
};

WizardRun wizardMigrate(const QString& root, Target& target)
{
    WizardRun run;
    QTemporaryDir state;
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.kind = ConnectionProfile::Kind::LocalProxy;
    profile.address = target.proxy.url().toString();
    profile.secretSource = ConnectionProfile::SecretSource::Session;
    MigrateWizard::Setup setup;
    setup.root = root;
    setup.profiles = {profile};
    setup.profileName = profile.name;
    setup.paths = JobPaths(state.path());
    MigrateWizard wizard(setup);
    QElapsedTimer clock;
    clock.start();
    wizard.show();
    if (!QTest::qWaitFor([&] { return wizard.sourcePage()->isComplete(); }, 300000))
        return run;
    run.scanSeconds = double(clock.nsecsElapsed()) / 1e9;
    wizard.next();
    wizard.targetPage()->secretEdit()->setText(QString::fromUtf8(kToken));
    wizard.next();
    if (!QTest::qWaitFor([&] { return wizard.currentId() == MigrateWizard::LayoutId; }, 60000))
        return run;
    wizard.next();
    wizard.scopePage()->backupBox()->setChecked(false);
    wizard.scopePage()->validateBox()->setChecked(false);
    StallProbe probe;
    probe.setContext([&wizard] { return QStringLiteral("page %1").arg(wizard.currentId()); });
    probe.start();
    clock.restart();
    wizard.next(); // plan
    if (!QTest::qWaitFor([&] { return wizard.planPage()->isComplete(); }, 600000))
        return run;
    wizard.next(); // "Migrate"
    if (!QTest::qWaitFor([&] { return wizard.currentId() == MigrateWizard::ReportId; }, 600000))
        return run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.worstGapMs = probe.stop();
    run.written = wizard.outcome() ? wizard.outcome()->migration.written : 0;
    run.ok = wizard.outcome() && !wizard.outcome()->migration.cancelled;
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: bench_wizard <pm-folder> <pmkv>\n";
        return 64;
    }
    const QString root = args.at(1);
    const QString pmkv = args.at(2);
    const int rounds = std::max(1, qEnvironmentVariableIntValue("BENCH_RUNS") > 0
                                       ? qEnvironmentVariableIntValue("BENCH_RUNS")
                                       : 3);
    QList<double> cli;
    QList<double> gui;
    qint64 worstGap = 0;
    double scan = 0;
    for (int round = 1; round <= rounds; ++round) {
        QString error;
        qint64 written = 0;
        double seconds = 0;
        {
            Target target;
            if (!target.start(error)) {
                out() << error << Qt::endl;
                return 2;
            }
            seconds = cliMigrate(pmkv, root, target, written);
            if (written <= 0 || target.keys() != written) {
                out() << "pmkv migrate wrote " << written << " keys, Redis holds " << target.keys()
                      << Qt::endl;
                return 2;
            }
        }
        cli << seconds;
        WizardRun w;
        {
            Target target;
            if (!target.start(error)) {
                out() << error << Qt::endl;
                return 2;
            }
            w = wizardMigrate(root, target);
            if (!w.ok || w.written != written || target.keys() != written) {
                out() << "the wizard wrote " << w.written << " keys, Redis holds " << target.keys()
                      << ", pmkv migrate " << written << Qt::endl;
                return 2;
            }
        }
        gui << w.seconds;
        worstGap = std::max(worstGap, w.worstGapMs);
        scan = std::max(scan, w.scanSeconds);
        out() << "round " << round << ": pmkv migrate " << QString::number(seconds, 'f', 2)
              << " s, wizard " << QString::number(w.seconds, 'f', 2) << " s (" << written
              << " keys), longest GUI stall " << w.worstGapMs << " ms" << Qt::endl;
    }
    const double bestCli = *std::min_element(cli.cbegin(), cli.cend());
    const double bestGui = *std::min_element(gui.cbegin(), gui.cend());
    out() << "pmkv migrate (fastest of " << rounds << "): " << QString::number(bestCli, 'f', 2)
          << " s\n";
    out() << "wizard plan + run (fastest of " << rounds << "): " << QString::number(bestGui, 'f', 2)
          << " s\n";
    out() << "ratio wizard / pmkv migrate: " << QString::number(bestGui / bestCli, 'f', 3)
          << " (target <= 1.10)\n";
    out() << "longest GUI-thread stall while planning and running: " << worstGap
          << " ms (target <= 100)\n";
    out() << "source page scan before (not timed above): " << QString::number(scan, 'f', 2)
          << " s\n";
    return bestGui / bestCli <= 1.10 && worstGap <= 100 ? 0 : 1;
}
