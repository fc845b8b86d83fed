// Migrates a generated pm/ tree into a fresh redis-server directly and through pmkv-proxy,
// next to `redis-cli --pipe` loading the same keys and values in the same run, then runs a
// full validation. Prints keys/s, MB/s and the ratios the issue names.
//
// What is timed: each `pmkv migrate` / `pmkv validate` process from start to exit, as a user
// waits for it (reading the tree, planning, saving the plan, journaling, writing, the report).
// The part after planning (Migrator::Outcome::seconds, from the report) is printed beside it.
// redis-cli --pipe gets the keys and values ready-made in RESP, so it reads no tree. All of
// them run in BENCH_RUNS rounds (3); see rounds(). With PMKV_BENCH_REFERENCE_PMKV (and
// PMKV_BENCH_REFERENCE_PROXY) naming an earlier build's binaries, that build's migration through
// its proxy runs in every round too (before/after on the same machine state).
// Usage: bench_migrate <pm-folder> <pmkv binary> <pmkv-proxy binary>
#include "connections/storethread.h"
#include "jobs/keycapture.h"
#include "jobs/planner.h"
#include "redis/redisstore.h"
#include "redisserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <optional>

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

// Every timed load goes into a redis-server started for it, after three seconds in which the
// VM hands the previous server's memory back to the host: every load starts from the same
// cold state. A FLUSHALL (even with MEMORY PURGE) did not: in 4 of 11 rounds the next load
// reused warm pages and ran two to four times faster, so a round's ratio was a matter of luck.
// The bench's own connection reconnects by itself; this waits until it has.
bool restart(RedisServer& redis, KvStore& store)
{
    redis.stop();
    if (!redis.start())
        return false;
    QThread::msleep(3000);
    for (int i = 0; i < 100; ++i) {
        auto pong = waitFor(store, store.execute({{"PING"}}));
        if (pong)
            return true;
        QThread::msleep(50);
    }
    return false;
}

// CPU seconds (user + system) of the children reaped so far: a timed child's own is the
// difference across its run.
double childrenCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto seconds = [](const timeval& t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds (user + system) a running process has used, from /proc; 0 for pid 0.
double processCpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // The fields after the command name, which is in parentheses and may hold spaces.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) /
           double(sysconf(_SC_CLK_TCK));
}

// CPU seconds Redis has used since it started (INFO cpu: user + system, all its threads).
double redisCpuSeconds(KvStore& store)
{
    auto r = waitFor(store, store.execute({{"INFO", "cpu"}}));
    double seconds = 0;
    if (!r || r.value().isEmpty())
        return seconds;
    for (const QByteArray& line : r.value().first().bytes.split('\n')) {
        if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:"))
            seconds += line.mid(line.indexOf(':') + 1).trimmed().toDouble();
    }
    return seconds;
}

// The CPU a load took on both sides of the socket, and the least wall time any schedule of
// that work could take on this machine's cores (Redis's part runs on one core at a time).
struct CpuUse
{
    double client = 0;
    double redis = 0;
    double floorSeconds() const
    {
        return qMax(redis, (client + redis) / qMax(1, QThread::idealThreadCount()));
    }
};

// Measures the CPU of one child process run by `load` (and of a helper process that stays,
// such as pmkv-proxy, if `helperPid` is given) and of Redis meanwhile.
template <typename Load> CpuUse measureCpu(KvStore& store, Load load, qint64 helperPid = 0)
{
    const double client = childrenCpuSeconds() + processCpuSeconds(helperPid);
    const double redis = redisCpuSeconds(store);
    load();
    return {childrenCpuSeconds() + processCpuSeconds(helperPid) - client,
            redisCpuSeconds(store) - redis};
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

// One `pmkv` command, timed from start to exit: what a user waits for. Its --json output is
// returned (empty on failure, which is printed).
struct Run
{
    double seconds = 0;
    QJsonObject json;
};

Run runPmkv(const QString& pmkv, const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(pmkv, args);
    process.waitForFinished(-1);
    Run run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        run.json.isEmpty()) {
        out() << "pmkv " << args.value(0) << " failed (exit code " << process.exitCode() << ")\n";
        run.json = QJsonObject();
    }
    return run;
}

// The rounds: each times the reference, the direct migration, the validation and the migration
// through the proxy once, one after the other, so that all meet the same state of the machine
// (on a virtual machine the same run varies by half: fresh memory comes from the host). The
// fastest of each counts, and
// the median of each round's own ratio is printed beside it.
int rounds()
{
    const int n = qEnvironmentVariableIntValue("BENCH_RUNS");
    return n > 0 ? n : 3;
}

// `pmkv migrate` of the whole tree into an empty key space: the whole process (read the tree,
// plan, show, save the plan, journal, write, report) and, from its report, the part after
// planning (plan file, journal, previous values, writes).
struct Migration
{
    Figure whole;
    Figure execute;
    CpuUse cpu;
};

std::optional<Migration> migrate(const QString& name, const QString& pmkv, const QString& root,
                                 KvStore& store, const QStringList& target,
                                 const QProcessEnvironment& env, const QString& state, qint64 keys,
                                 qint64 bytes, qint64 helperPid = 0)
{
    Run run;
    const CpuUse cpu = measureCpu(
        store,
        [&] {
            run = runPmkv(
                pmkv,
                QStringList{QStringLiteral("migrate"), root} + target +
                    QStringList{QStringLiteral("--state-dir"), state, QStringLiteral("--json")},
                env);
        },
        helperPid);
    const QJsonObject m = run.json.value(QStringLiteral("migration")).toObject();
    if (m.value(QStringLiteral("written")).toInteger() != keys || dbsize(store) != keys) {
        out() << name << ": migrate wrote " << m.value(QStringLiteral("written")).toInteger()
              << " keys, not " << keys << "\n";
        return std::nullopt;
    }
    return Migration{figure(keys, bytes, run.seconds),
                     figure(keys, bytes, m.value(QStringLiteral("seconds")).toDouble()), cpu};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

struct Series
{
    QList<Migration> runs;
    const Migration& best() const
    {
        return *std::min_element(runs.cbegin(), runs.cend(), [](const auto& a, const auto& b) {
            return a.whole.seconds < b.whole.seconds;
        });
    }
    void print(const QString& name, qint64 keys, qint64 bytes) const
    {
        const Migration& b = best();
        ::print(name + QStringLiteral(" pmkv migrate, whole"), b.whole);
        QList<double> all;
        for (const Migration& m : runs)
            all << m.whole.seconds;
        out() << "  (fastest of " << runs.size() << " rounds; all: ";
        for (double s : all)
            out() << QString::number(s, 'f', 2) << ' ';
        out() << "s)\n";
        ::print(QStringLiteral("  of which executing the plan"), b.execute);
        ::print(QStringLiteral("  of which reading + planning"),
                figure(keys, bytes, b.whole.seconds - b.execute.seconds));
    }
};

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("-");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // Each load restarts Redis: the bench's own connection notices and reconnects, quietly.
    QLoggingCategory::setFilterRules(QStringLiteral("pmkv.storage.redis.warning=false"));
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        QTextStream(stderr) << "usage: bench_migrate <pm-folder> <pmkv> <pmkv-proxy>\n";
        return 64;
    }
    const QString root = args.at(1);
    const QString pmkv = args.at(2);
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    RedisServer redis;
    if (!redis.start()) {
        QTextStream(stderr) << redis.errorString() << '\n';
        return 2;
    }
    QTemporaryDir dir;
    StoreThread thread;
    KvStore* directStore = thread.call([&]() -> KvStore* {
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

    // pmkv-proxy, started again for every load through it, in front of that load's fresh Redis.
    const quint16 port = RedisServer::freePort();
    QProcessEnvironment proxyEnv = env;
    proxyEnv.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QStringLiteral("bench-token"));
    QProcess proxy;
    proxy.setProcessEnvironment(proxyEnv);
    proxy.setStandardOutputFile(QProcess::nullDevice());
    proxy.setStandardErrorFile(QProcess::nullDevice());
    const auto startProxy = [&](const QString& binary) -> bool {
        proxy.start(binary, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                             QStringLiteral("--redis"), redis.url()});
        if (!proxy.waitForStarted())
            return false;
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QStringLiteral("127.0.0.1"), port);
            if (s.waitForConnected(100))
                return true;
            QThread::msleep(50);
        }
        return false;
    };
    const auto stopProxy = [&] {
        proxy.terminate();
        proxy.waitForFinished(5000);
    };
    QProcessEnvironment clientEnv = env;
    clientEnv.insert(QStringLiteral("PMKV_TOKEN"), QStringLiteral("bench-token"));
    const QStringList redisTarget{QStringLiteral("--redis"), redis.url()};
    const QStringList proxyTarget{QStringLiteral("--url"),
                                  QStringLiteral("http://127.0.0.1:%1").arg(port)};

    const auto freshRedis = [&] {
        if (restart(redis, *directStore))
            return true;
        out() << "redis-server did not start again: " << redis.errorString() << "\n";
        return false;
    };
    QList<double> references;
    QList<CpuUse> referenceCpu;
    Series direct;
    Series viaProxy;
    // An earlier build's pmkv (and pmkv-proxy) through the proxy in the same rounds, for a
    // before/after figure measured on the same machine state.
    const QString referencePmkv = qEnvironmentVariable("PMKV_BENCH_REFERENCE_PMKV");
    const QString referenceProxy = qEnvironmentVariable("PMKV_BENCH_REFERENCE_PROXY", args.at(3));
    Series viaProxyBefore;
    QList<Run> validations;
    for (int round = 0; round < rounds(); ++round) {
        // Reference: redis-cli --pipe.
        if (!freshRedis())
            return 2;
        QProcess cli;
        cli.setStandardInputFile(pipeFile);
        cli.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer clock;
        referenceCpu << measureCpu(*directStore, [&] {
            clock.start();
            cli.start(
                QStringLiteral("redis-cli"),
                {QStringLiteral("-p"), QString::number(redis.port()), QStringLiteral("--pipe")});
            cli.waitForFinished(-1);
            references << double(clock.nsecsElapsed()) / 1e9;
        });
        if (cli.exitCode() != 0 || dbsize(*directStore) != keys) {
            out() << "redis-cli --pipe failed\n";
            return 2;
        }
        const QString r = QString::number(round);
        if (!freshRedis())
            return 2;
        const auto d = migrate(QStringLiteral("direct"), pmkv, root, *directStore, redisTarget, env,
                               dir.filePath(QStringLiteral("state-direct-") + r), keys, bytes);
        // Validation, full, of what the direct run wrote.
        validations << runPmkv(pmkv,
                               QStringList{QStringLiteral("validate"), root} + redisTarget +
                                   QStringList{QStringLiteral("--state-dir"),
                                               dir.filePath(QStringLiteral("state-validate")),
                                               QStringLiteral("--json")},
                               env);
        if (!freshRedis())
            return 2;
        if (!startProxy(args.at(3))) {
            out() << "pmkv-proxy did not start\n";
            return 2;
        }
        const auto p = migrate(QStringLiteral("pmkv-proxy"), pmkv, root, *directStore, proxyTarget,
                               clientEnv, dir.filePath(QStringLiteral("state-proxy-") + r), keys,
                               bytes, proxy.processId());
        stopProxy();
        if (!d || !p)
            return 2;
        direct.runs << *d;
        viaProxy.runs << *p;
        if (referencePmkv.isEmpty())
            continue;
        if (!freshRedis())
            return 2;
        if (!startProxy(referenceProxy)) {
            out() << "the reference pmkv-proxy did not start\n";
            return 2;
        }
        const auto before = migrate(QStringLiteral("pmkv-proxy, reference build"), referencePmkv,
                                    root, *directStore, proxyTarget, clientEnv,
                                    dir.filePath(QStringLiteral("state-reference-") + r), keys,
                                    bytes, proxy.processId());
        stopProxy();
        if (!before)
            return 2;
        viaProxyBefore.runs << *before;
    }
    const Figure reference =
        figure(keys, bytes, *std::min_element(references.cbegin(), references.cend()));
    print(QStringLiteral("redis-cli --pipe (reference)"), reference);
    out() << "  (fastest of " << rounds() << " rounds; all: ";
    for (double s : references)
        out() << QString::number(s, 'f', 2) << ' ';
    out() << "s)\n";
    direct.print(QStringLiteral("direct"), keys, bytes);
    viaProxy.print(QStringLiteral("pmkv-proxy"), keys, bytes);
    if (!viaProxyBefore.runs.isEmpty())
        viaProxyBefore.print(QStringLiteral("pmkv-proxy, reference build"), keys, bytes);

    const Run& validated =
        *std::min_element(validations.cbegin(), validations.cend(),
                          [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
    const QJsonObject v = validated.json.value(QStringLiteral("validation")).toObject();
    const qint64 checked = v.value(QStringLiteral("checkedKeys")).toInteger();
    const qint64 scanned = v.value(QStringLiteral("kvKeys")).toInteger();
    const qint64 onlyKv =
        v.value(QStringLiteral("counts")).toObject().value(QStringLiteral("only-kv")).toInteger();
    const qint64 distinct = checked + onlyKv; // every key looked at, once
    const double validateSeconds = validated.seconds;
    const double compareSeconds = v.value(QStringLiteral("compareSeconds")).toDouble();
    out() << "pmkv validate, whole                 " << QString::number(validateSeconds, 'f', 3)
          << " s  " << QString::number(double(distinct) / validateSeconds, 'f', 0).rightJustified(8)
          << " keys/s  (" << distinct << " keys: " << checked << " compared, " << scanned
          << " scanned; exit code " << v.value(QStringLiteral("exitCode")).toInt() << ")\n";
    out() << "  (fastest of " << rounds() << " rounds; all: ";
    QList<double> validateAll;
    for (const Run& run : validations) {
        out() << QString::number(run.seconds, 'f', 2) << ' ';
        validateAll << run.seconds;
    }
    out() << "s)\n";
    out() << "  of which key space read + compare  " << QString::number(compareSeconds, 'f', 3)
          << " s  " << QString::number(double(distinct) / compareSeconds, 'f', 0).rightJustified(8)
          << " keys/s\n";

    // Each round's own ratio (that round's reference against that round's run).
    auto roundRatios = [&references](const Series& series, bool whole) {
        QList<double> ratios;
        for (int i = 0; i < series.runs.size(); ++i) {
            const double seconds =
                whole ? series.runs.at(i).whole.seconds : series.runs.at(i).execute.seconds;
            ratios << references.at(i) / seconds;
        }
        return QString::number(median(ratios), 'f', 2);
    };
    const double ref = reference.keysPerSecond;
    out() << "ratio / redis-cli --pipe (targets: direct >= 0.50 (#5), pmkv-proxy >= 0.45 (#22))\n"
          << "                                   fastest/fastest  median of rounds\n";
    const auto ratioLines = [&](const QString& label, const Series& series) {
        out() << "  " << label.leftJustified(10) << " pmkv migrate, whole:   "
              << ratio(series.best().whole.keysPerSecond, ref).leftJustified(17)
              << roundRatios(series, true) << '\n'
              << "  " << label.leftJustified(10) << " executing the plan:    "
              << ratio(series.best().execute.keysPerSecond, ref).leftJustified(17)
              << roundRatios(series, false) << '\n';
    };
    ratioLines(QStringLiteral("direct"), direct);
    ratioLines(QStringLiteral("pmkv-proxy"), viaProxy);
    if (!viaProxyBefore.runs.isEmpty())
        ratioLines(QStringLiteral("reference"), viaProxyBefore); // an earlier build, its proxy
    // What the cores allow: a migration must at least read and check the tree, and Redis must
    // at least store the keys; the whole process can never beat the CPU both need shared out
    // over the cores, whatever overlaps with what.
    auto medianCpu = [](const QList<CpuUse>& uses) {
        QList<double> client;
        QList<double> redisSide;
        for (const CpuUse& use : uses) {
            client << use.client;
            redisSide << use.redis;
        }
        return CpuUse{median(client), median(redisSide)};
    };
    auto cpuLine = [&](const QString& name, const CpuUse& use) {
        out() << "  " << name.leftJustified(24) << "client " << QString::number(use.client, 'f', 2)
              << " s  Redis " << QString::number(use.redis, 'f', 2) << " s  floor "
              << QString::number(use.floorSeconds(), 'f', 2) << " s";
    };
    QList<CpuUse> directCpu;
    QList<CpuUse> proxyCpu;
    for (int i = 0; i < direct.runs.size(); ++i) {
        directCpu << direct.runs.at(i).cpu;
        proxyCpu << viaProxy.runs.at(i).cpu;
    }
    const double medianReference = median(references);
    out() << "CPU seconds, median of rounds, and the floor: the least wall time "
          << QThread::idealThreadCount() << " cores allow for that CPU\n";
    cpuLine(QStringLiteral("redis-cli --pipe"), medianCpu(referenceCpu));
    out() << '\n';
    for (const auto& [name, uses] :
         {std::pair{QStringLiteral("direct pmkv migrate"), directCpu},
          std::pair{QStringLiteral("pmkv-proxy pmkv migrate"), proxyCpu}}) {
        const CpuUse use = medianCpu(uses);
        cpuLine(name, use);
        out() << ": at best " << ratio(medianReference, use.floorSeconds())
              << " of the median reference\n";
    }
    out() << "  (client: redis-cli, or pmkv, and pmkv-proxy through the proxy)\n";
    out() << "full validation (target >= 50000 keys/s): "
          << QString::number(double(distinct) / validateSeconds, 'f', 0) << " keys/s fastest, "
          << QString::number(double(distinct) / median(validateAll), 'f', 0)
          << " keys/s median, pmkv validate start to exit\n";
    return 0;
}
