// Not a test: the main window with a typed key selected (on a plain, a read-only or a production
// profile: "readonly", "prod"), or the server panel, against a real redis-server (or a real
// 3+3 Redis Cluster: "cluster", its server panel), or the aligned mode over the demo tree
// ("aligned"), for the screenshots in docs/ (tests/views/keyshots.sh). Prints "ready" once the
// value (or the entity's difference) is shown, and ends 4 s later.
#include "darkpalette.h"
#include "diffview.h"
#include "jobtarget.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "rediscluster.h"
#include "redisserver.h"
#include "serverpanel.h"
#include "testtree.h"
#include "workflows/migrationworkflow.h"
#include "workflows/targetspec.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStyleFactory>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>
#include <memory>

using namespace pmkv;

namespace {

// The shot is taken within a second or two of "ready"; then the app ends by itself, so that
// its redis-server is stopped (a killed app would leave it running).
void ready()
{
    std::puts("ready");
    std::fflush(stdout);
    QTimer::singleShot(4000, qApp, &QApplication::quit);
}

// redis-cli with these arguments, against the server or the cluster.
using Cli = std::function<void(const QStringList&)>;

void fill(const Cli& run)
{
    auto cli = [&run](std::initializer_list<const char*> args) {
        QStringList list;
        for (const char* a : args)
            list << QString::fromUtf8(a);
        run(list);
    };
    cli({"HSET", "pm:story:F-AF-001:meta", "status", "in-progress", "title",
         "Audit sync for the billing export", "owner", "ann@example.com", "points", "5",
         "updatedAt", "2026-12-06T17:42:10Z", "labels", "audit,sync,billing"});
    cli({"EXPIRE", "pm:story:F-AF-001:meta", "7260"});
    cli({"ZADD", "pm:ranking:velocity", "42", "atlas", "37.5", "borealis", "29", "cygnus", "18",
         "draco", "12.25", "eridanus"});
    cli({"RPUSH", "pm:queue:import", "F-AF-001", "F-AF-002", "F-AF-003", "F-BO-010", "F-CY-004"});
    cli({"SADD", "pm:index:owners", "ann@example.com", "bo@example.com", "cy@example.com"});
    cli({"XADD", "pm:activity", "*", "kind", "created", "story", "F-AF-001", "by", "ann"});
    cli({"XADD", "pm:activity", "*", "kind", "moved", "story", "F-AF-001", "to", "in-progress"});
    cli({"XADD", "pm:activity", "*", "kind", "commented", "story", "F-AF-002", "by", "bo"});
    cli({"SET", "pm:project:atlas", R"({"name":"Atlas","epicIds":["audit-sync"]})"});
    QStringList many{QStringLiteral("RPUSH"), QStringLiteral("pm:log:imports")};
    for (int i = 0; i < 2500; ++i)
        many << QStringLiteral("import %1 ok").arg(i);
    run(many);
}

// The demo tree (resources/demo/pm) copied to `folder`, migrated into `redis` and then changed
// as scripts/run-demo.sh changes it with PMKV_DEMO_MIGRATED=1 (the README's screenshots): a
// story edited in the key space, one created there, one deleted from it.
Result<void> loadDemo(const QString& folder, const test::RedisServer& redis, const JobPaths& paths)
{
    const QString demo =
        QDir::cleanPath(QStringLiteral(PMKV_TEST_DATA_DIR "/../../resources/demo/pm"));
    QDirIterator files(demo, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString from = files.next();
        const QString to = QDir(folder).filePath(QDir(demo).relativeFilePath(from));
        if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(from, to))
            return makeError(QStringLiteral("shot"), QStringLiteral("cannot copy %1").arg(from));
    }
    JobTarget target;
    target.root = folder;
    target.paths = paths;
    target.profile = TargetSpec::forAddress(redis.url());
    auto session = target.openSession();
    if (!session)
        return session.error();
    MigrationWorkflow::RunRequest request;
    request.scope.root = folder;
    if (auto ran = MigrationWorkflow::run(request, *session.value(), target.context()); !ran)
        return ran.error();
    const QString story = QStringLiteral("pm:project:atlas:epic:audit-sync:story:F-AF-002");
    const QString value = QString::fromUtf8(redis.cli({QStringLiteral("GET"), story}));
    redis.cli({QStringLiteral("SET"), story,
               QString(value).replace(QStringLiteral("\"status\":\"in_progress\""),
                                      QStringLiteral("\"status\":\"done\""))});
    redis.cli({QStringLiteral("SET"),
               QStringLiteral("pm:project:atlas:epic:audit-sync:story:F-AF-999"),
               QStringLiteral("{\"id\":\"F-AF-999\",\"title\":\"Created in the app\"}")});
    redis.cli(
        {QStringLiteral("DEL"), QStringLiteral("pm:project:atlas:epic:audit-sync:story:F-AF-004")});
    return {};
}

// The aligned mode as the demo opens it (`--select atlas/audit-sync/F-AF-002.json`, a DEV
// connection given on the command line): ready once the story's difference is shown.
void showAligned(MainWindow& window, const QString& folder, const test::RedisServer& redis)
{
    window.setAlignedMode(true);
    window.openFolder(folder, QStringLiteral("atlas/audit-sync/F-AF-002.json"));
    ConnectionProfile p = TargetSpec::forAddress(redis.url());
    p.environment = ConnectionProfile::Environment::Dev;
    window.connectTo(p);
    auto shown = std::make_shared<bool>(false);
    QObject::connect(window.diffView(), &DiffView::computed, &window, [&window, shown] {
        if (*shown || window.diffView()->changeCount() == 0)
            return;
        *shown = true;
        QTimer::singleShot(500, ready);
    });
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
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-keyshots"));
    test::TestTree tree;
    qputenv("XDG_DATA_HOME", tree.path(QStringLiteral("xdg")).toUtf8());
    qputenv("XDG_CONFIG_HOME", tree.path(QStringLiteral("config")).toUtf8());
    const bool cluster = shot == QLatin1String("cluster");
    const bool aligned = shot == QLatin1String("aligned");
    test::RedisServer redis;
    test::RedisCluster redisCluster;
    if (cluster ? !redisCluster.start() : !redis.start()) {
        QTextStream(stderr) << (cluster ? redisCluster.errorString() : redis.errorString()) << '\n';
        return 1;
    }
    const QString demoFolder = tree.path(QStringLiteral("demo/pm"));
    const quint16 node = cluster ? redisCluster.masters().value(0) : 0;
    if (aligned) {
        if (auto loaded = loadDemo(demoFolder, redis, JobPaths(tree.path(QStringLiteral("jobs"))));
            !loaded) {
            QTextStream(stderr) << loaded.error().message << '\n';
            return 1;
        }
    } else {
        fill(cluster ? Cli([&](const QStringList& args) {
            redisCluster.cli(node, QStringList{QStringLiteral("-c")} + args);
        })
                     : Cli([&](const QStringList& args) { redis.cli(args); }));
    }
    QTimer::singleShot(60000, &app, &QApplication::quit);

    MainWindow window;
    window.setJobsFolder(tree.path(QStringLiteral("jobs")));
    window.setGeometry(0, 0, 1500, 940);
    if (aligned) {
        window.show();
        showAligned(window, demoFolder, redis);
        return app.exec();
    }
    window.setAlignedMode(false); // (no folder: the namespace view shows the keys)
    window.show();
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = ConnectionProfile::Kind::Redis;
    p.address = cluster ? redisCluster.url() : redis.url();
    // The bands: a read-only profile, and a production one (its writes ask for its name).
    if (shot == QLatin1String("readonly")) {
        p.name = QStringLiteral("staging-readonly");
        p.environment = ConnectionProfile::Environment::Staging;
        p.readOnly = true;
    } else if (shot == QLatin1String("prod")) {
        p.name = QStringLiteral("production");
        p.environment = ConnectionProfile::Environment::Prod;
    }
    window.connectTo(p);
    const QByteArray key = shot == QLatin1String("zset")     ? "pm:ranking:velocity"
                           : shot == QLatin1String("stream") ? "pm:activity"
                           : shot == QLatin1String("list")   ? "pm:log:imports"
                                                             : "pm:story:F-AF-001:meta";
    QObject::connect(window.kvPane()->model(), &KvTreeModel::finished, &window, [&] {
        window.kvPane()->view()->expandAll();
        window.kvPane()->selectKey(key);
        if (shot == QLatin1String("server") || cluster) {
            window.showServerPanel();
            QObject::connect(window.serverPanel(), &ServerPanel::refreshed, &window, ready);
        }
    });
    if (shot != QLatin1String("server") && !cluster)
        QObject::connect(window.kvLoader(), &KvLoader::valueLoaded, &window,
                         [] { QTimer::singleShot(300, ready); });
    return app.exec();
}
