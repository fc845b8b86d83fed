#include "envcommand.h"

#include "env/localenv.h"
#include "exitcode.h"

namespace pmkv {

namespace {

QString describe(const char* name, const LocalEnv::ProcessStatus& s)
{
    if (s.running && s.healthy && s.nodes > 0)
        return QStringLiteral("%1: running (%2 nodes from 127.0.0.1:%3)")
            .arg(QLatin1String(name))
            .arg(s.nodes)
            .arg(s.port);
    if (s.running && s.healthy)
        return QStringLiteral("%1: running (pid %2, 127.0.0.1:%3)")
            .arg(QLatin1String(name))
            .arg(s.pid)
            .arg(s.port);
    return QStringLiteral("%1: %2").arg(
        QLatin1String(name), s.running ? s.detail : QStringLiteral("stopped (%1)").arg(s.detail));
}

bool readPort(const QCommandLineParser& parser, const QString& option, quint16& port,
              QString& error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const uint value = parser.value(option).toUInt(&ok);
    if (!ok || value == 0 || value > 65535) {
        error = QStringLiteral("--%1 needs a port number 1..65535, got \"%2\"")
                    .arg(option, parser.value(option));
        return false;
    }
    port = quint16(value);
    return true;
}

// A port that is taken: the option that picks another.
Error withPortOption(Error error)
{
    if (error.code == QLatin1String("env.redis-port"))
        error.message += QStringLiteral(" with --redis-port N");
    else if (error.code == QLatin1String("env.proxy-port"))
        error.message += QStringLiteral(" with --port N");
    return error;
}

} // namespace

QString EnvCommand::summary() const
{
    return QStringLiteral("Run the local Redis + Upstash-compatible REST proxy (up, down, "
                          "status, flush).");
}

void EnvCommand::configure(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("up | down | status | flush"));
    parser.addOption({QStringLiteral("port"),
                      QStringLiteral("Port of the REST proxy on 127.0.0.1 (default 8080, or the "
                                     "one the last 'up' used)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("redis-port"),
                      QStringLiteral("Port of redis-server on 127.0.0.1 (default 6379, or the "
                                     "one the last 'up' used)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("data-dir"),
                      QStringLiteral("Where Redis keeps its data and the pid files live "
                                     "(default $XDG_DATA_HOME/pmkv-studio/env; for down, status "
                                     "and flush: the folder of the last up)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("cluster"),
                      QStringLiteral("With up: a local Redis Cluster (3 masters, 3 replicas on "
                                     "--redis-port, default 7001, and the 5 ports after it) "
                                     "instead of one redis-server, the proxy in front of it. down, "
                                     "status and flush follow what the last up ran.")});
    parser.addOption({QStringLiteral("yes"), QStringLiteral("Confirm 'flush'.")});
}

QString EnvCommand::epilog() const
{
    return QStringLiteral(
        "Actions:\n"
        "  up      start redis-server (appendonly, persistent) and pmkv-proxy, wait until both\n"
        "          answer, print the two lines for .env.local. Does nothing if already up.\n"
        "  down    stop only the processes 'up' started (pid files in the data folder).\n"
        "  status  report both; exit 0 when both are up and healthy, 1 otherwise.\n"
        "  flush   empty the local Redis (FLUSHALL); needs --yes.\n"
        "  up --cluster  a local Redis Cluster instead of one redis-server (6 processes, no\n"
        "          Docker), with pmkv-proxy in front of it.\n"
        "\n"
        "Examples:\n"
        "  pmkv env up                 then paste the printed lines into .env.local\n"
        "  pmkv env up --port 8090 --redis-port 6390\n"
        "  pmkv env up --cluster       a Redis Cluster on 127.0.0.1:7001-7006\n"
        "  pmkv env flush --yes\n"
        "\n"
        "Exit codes: 0 done, 1 (status) not running, 2 failed (e.g. a port is taken),\n"
        "64 wrong command line.");
}

int EnvCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    static const QStringList actions{QStringLiteral("up"), QStringLiteral("down"),
                                     QStringLiteral("status"), QStringLiteral("flush")};
    if (args.size() != 1 || !actions.contains(args.first()))
        return usageError(QStringLiteral("give one action: up, down, status or flush"));
    const QString action = args.first();

    LocalEnv::Options options;
    QString error;
    if (!readPort(parser, QStringLiteral("port"), options.proxyPort, error) ||
        !readPort(parser, QStringLiteral("redis-port"), options.redisPort, error))
        return usageError(error);
    if (options.proxyPort != 0 && options.proxyPort == options.redisPort)
        return usageError(QStringLiteral("--port and --redis-port must differ"));
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("cluster"))) {
        if (action != QStringLiteral("up"))
            return usageError(QStringLiteral("--cluster goes with up; down, status and flush "
                                             "follow what the last up ran"));
        options.cluster = true;
    }
    // down, status and flush find the pair the last `up` started, in whichever folder.
    if (options.dataDir.isEmpty() && action != QStringLiteral("up"))
        options.dataDir = LocalEnv::lastDataDir();
    LocalEnv env(options);

    if (action == QStringLiteral("up")) {
        QStringList started;
        auto st = env.up(&started);
        if (!st)
            return failure(withPortOption(st.error()));
        auto lines = env.envLocalLines();
        if (!lines)
            return failure(lines.error().message);
        err() << (started.isEmpty()
                      ? QStringLiteral("already running")
                      : QStringLiteral("started ") + started.join(QStringLiteral(" and ")))
              << ": Redis " << env.redisUrl() << ", proxy " << env.url() << ", data in "
              << env.dataDir() << "\nAdd these lines to .env.local:\n";
        err().flush();
        // The local development token is the point of this output (it only opens this
        // loopback proxy); it is on stdout so `pmkv env up >> .env.local` works.
        out() << lines.value().join(QLatin1Char('\n')) << '\n';
        return ExitClean;
    }
    if (action == QStringLiteral("down")) {
        QStringList stopped;
        auto r = env.down(&stopped);
        if (!r)
            return failure(r.error().message);
        out() << (stopped.isEmpty()
                      ? QStringLiteral("nothing to stop")
                      : QStringLiteral("stopped ") + stopped.join(QStringLiteral(" and ")))
              << '\n';
        return ExitClean;
    }
    if (action == QStringLiteral("status")) {
        const LocalEnv::Status st = env.status();
        out() << describe(st.cluster ? "redis cluster" : "redis-server", st.redis) << '\n'
              << describe("pmkv-proxy", st.proxy) << '\n'
              << "data: " << st.dataDir << '\n';
        if (st.cluster)
            out() << "cluster: " << env.redisUrl() << '\n';
        if (st.allHealthy())
            out() << "UPSTASH_REDIS_REST_URL=" << env.url() << '\n';
        return st.allHealthy() ? ExitClean : ExitWarnings;
    }
    // flush
    if (!parser.isSet(QStringLiteral("yes")))
        return usageError(QStringLiteral("flush deletes every key in the local Redis; run "
                                         "'pmkv env flush --yes' to confirm"));
    auto r = env.flush();
    if (!r)
        return failure(r.error());
    out() << "flushed the local Redis on " << env.redisUrl() << '\n';
    return ExitClean;
}

} // namespace pmkv
