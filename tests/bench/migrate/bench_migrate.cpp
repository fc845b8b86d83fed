// Migrates a generated pm/ tree into a fresh redis-server directly and through pmkv-proxy,
// next to `redis-cli --pipe` loading the same keys and values in the same run, then runs a
// full validation. Prints keys/s, MB/s and the ratios the issue names.
// Usage: bench_migrate <pm-folder> <pmkv-proxy binary>
#include "connections/storethread.h"
#include "jobs/keycapture.h"
#include "jobs/migrator.h"
#include "jobs/planner.h"
#include "jobs/validator.h"
#include "redis/redisstore.h"
#include "redisserver.h"
#include "rest/upstashreststore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace pmkv;
using pmkv::test::RedisServer;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QByteArray resp(const QVector<QByteArray>& args)
{
    QByteArray r = "*" + QByteArray::number(args.size()) + "\r\n";
    for (const QByteArray& a : args)
        r += "$" + QByteArray::number(a.size()) + "\r\n" + a + "\r\n";
    return r;
}

void flush(KvStore& store)
{
    (void)waitFor(store, store.execute({{"FLUSHALL"}}));
}

qint64 dbsize(KvStore& store)
{
    auto r = waitFor(store, store.execute({{"DBSIZE"}}));
    return r ? r.value().value(0).integer : -1;
}

struct Figure
{
    double seconds = 0;
    double keysPerSecond = 0;
    double mbPerSecond = 0;
};

Figure figure(qint64 keys, qint64 bytes, double seconds)
{
    return {seconds, double(keys) / seconds, double(bytes) / 1e6 / seconds};
}

void print(const QString& name, const Figure& f)
{
    out() << name.leftJustified(34) << QString::number(f.seconds, 'f', 3) << " s  "
          << QString::number(f.keysPerSecond, 'f', 0).rightJustified(8) << " keys/s  "
          << QString::number(f.mbPerSecond, 'f', 1).rightJustified(6) << " MB/s\n";
    out().flush();
}

// Plans and migrates into an empty key space; returns the execute figure (plan printed too).
Figure migrate(const QString& name, const QString& root, KvStore& store, const QString& state,
               qint64 keys, qint64 bytes)
{
    flush(store);
    Planner::Params p;
    p.root = root;
    QElapsedTimer clock;
    clock.start();
    auto plan = Planner::plan(p, store);
    const double planSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (!plan) {
        out() << name << ": plan failed: " << plan.error().message << '\n';
        return {};
    }
    Migrator::Params params;
    params.paths = JobPaths(state);
    params.checkKvFirst = false;
    clock.restart();
    auto done = Migrator::execute(plan.value(), store, params);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (!done) {
        out() << name << ": migrate failed: " << done.error().message << '\n';
        return {};
    }
    print(name + QStringLiteral(" plan (read tree + MGET)"), figure(keys, bytes, planSeconds));
    const Figure f = figure(keys, bytes, seconds);
    print(name + QStringLiteral(" migrate (journaled)"), f);
    print(name + QStringLiteral(" plan + migrate"), figure(keys, bytes, planSeconds + seconds));
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: bench_migrate <pm-folder> <pmkv-proxy>\n";
        return 64;
    }
    const QString root = args.at(1);
    RedisServer redis;
    if (!redis.start()) {
        QTextStream(stderr) << redis.errorString() << '\n';
        return 2;
    }
    QTemporaryDir dir;
    StoreThread thread;
    KvStore* direct = thread.call([&]() -> KvStore* {
        auto* s = new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), redis.port()));
        s->setParent(thread.context());
        return s;
    });

    // The keys and values, once.
    Planner::Params p;
    p.root = root;
    QElapsedTimer readClock;
    readClock.start();
    auto source = Planner::readSource(p);
    const double readSeconds = double(readClock.nsecsElapsed()) / 1e9;
    if (!source) {
        QTextStream(stderr) << source.error().message << '\n';
        return 2;
    }
    const qint64 keys = source.value().items.size();
    qint64 bytes = 0;
    QByteArray pipe;
    for (const PlanItem& item : source.value().items) {
        bytes += item.key.toUtf8().size() + item.size;
        pipe += resp({"SET", item.key.toUtf8(), item.value});
    }
    out() << "keys: " << keys << " (" << QString::number(double(bytes) / 1e6, 'f', 1)
          << " MB of keys and values)\n";
    print(QStringLiteral("read + map tree (PmReader, KeyMapper)"),
          figure(keys, bytes, readSeconds));
    const QString pipeFile = dir.filePath(QStringLiteral("load.resp"));
    {
        QFile f(pipeFile);
        f.open(QIODevice::WriteOnly);
        f.write(pipe);
    }
    pipe.clear();

    // Reference: redis-cli --pipe, best of 3.
    Figure reference;
    reference.seconds = 1e300;
    for (int i = 0; i < 3; ++i) {
        flush(*direct);
        QProcess cli;
        cli.setStandardInputFile(pipeFile);
        cli.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer clock;
        clock.start();
        cli.start(QStringLiteral("redis-cli"),
                  {QStringLiteral("-p"), QString::number(redis.port()), QStringLiteral("--pipe")});
        cli.waitForFinished(-1);
        const double s = double(clock.nsecsElapsed()) / 1e9;
        if (cli.exitCode() != 0 || dbsize(*direct) != keys) {
            out() << "redis-cli --pipe failed\n";
            return 2;
        }
        if (s < reference.seconds)
            reference = figure(keys, bytes, s);
    }
    print(QStringLiteral("redis-cli --pipe (reference)"), reference);

    const Figure d = migrate(QStringLiteral("direct"), root, *direct,
                             dir.filePath(QStringLiteral("state-direct")), keys, bytes);
    if (dbsize(*direct) != keys)
        out() << "direct: key count differs!\n";

    // Validation, full, against what the direct run wrote.
    Validator::Params v;
    v.root = root;
    QElapsedTimer clock;
    clock.start();
    auto validated = Validator::run(v, *direct);
    if (!validated) {
        out() << "validation failed: " << validated.error().message << '\n';
        return 2;
    }
    const double vs = double(clock.nsecsElapsed()) / 1e9;
    out() << "full validation                   " << QString::number(vs, 'f', 3) << " s  "
          << QString::number(validated.value().keysPerSecond, 'f', 0).rightJustified(8)
          << " keys/s  (" << validated.value().checkedKeys << " compared + "
          << validated.value().kvKeys << " scanned, tree read included; exit code "
          << validated.value().exitCode() << ")\n";
    const double compared = double(validated.value().checkedKeys + validated.value().kvKeys);
    out() << "  of which key space read + compare "
          << QString::number(validated.value().compareSeconds, 'f', 3) << " s  "
          << QString::number(compared / validated.value().compareSeconds, 'f', 0).rightJustified(8)
          << " keys/s\n";

    // Through pmkv-proxy.
    QProcess proxy;
    const quint16 port = RedisServer::freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QStringLiteral("bench-token"));
    proxy.setProcessEnvironment(env);
    proxy.setStandardOutputFile(QProcess::nullDevice());
    proxy.setStandardErrorFile(QProcess::nullDevice());
    proxy.start(args.at(2), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                             QStringLiteral("--redis"), redis.url()});
    proxy.waitForStarted();
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (s.waitForConnected(100))
            break;
        QThread::msleep(50);
    }
    KvStore* rest = thread.call([&]() -> KvStore* {
        UpstashRestOptions o;
        o.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        o.token = "bench-token";
        auto* s = new UpstashRestStore(o);
        s->setParent(thread.context());
        return s;
    });
    const Figure r = migrate(QStringLiteral("pmkv-proxy"), root, *rest,
                             dir.filePath(QStringLiteral("state-proxy")), keys, bytes);
    if (dbsize(*direct) != keys)
        out() << "pmkv-proxy: key count differs!\n";
    proxy.terminate();
    proxy.waitForFinished(5000);

    out() << "ratio direct migrate / redis-cli --pipe:     "
          << QString::number(d.keysPerSecond / reference.keysPerSecond, 'f', 2)
          << " (target >= 0.50)\n";
    out() << "ratio pmkv-proxy migrate / redis-cli --pipe: "
          << QString::number(r.keysPerSecond / reference.keysPerSecond, 'f', 2)
          << " (target >= 0.25)\n";
    out() << "full validation: " << QString::number(validated.value().keysPerSecond, 'f', 0)
          << " keys/s end to end, "
          << QString::number(compared / validated.value().compareSeconds, 'f', 0)
          << " keys/s reading and comparing the key space (target >= 50000)\n";
    return 0;
}
