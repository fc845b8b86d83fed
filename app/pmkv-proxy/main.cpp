// pmkv-proxy: serves the Upstash REST API in front of a Redis server. See docs/proxy.md.
#include "proxy/proxyconfig.h"
#include "proxy/proxyserver.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QTextStream>

#include <malloc.h>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    // Requests and replies of a few MB come and go all the time: keep such blocks in the heap
    // instead of mapping and unmapping (and page-faulting) them for every request.
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    // Every client is a descriptor: take what the system allows (the server keeps its sockets
    // below it, maxOpenConnections).
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pmkv-proxy"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PMKV_VERSION));
    QTextStream err(stderr);
    QTextStream out(stdout);

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out << pmkv::ProxyConfig::usage();
        return 0;
    }
    if (args.contains(QStringLiteral("--version"))) {
        out << "pmkv-proxy " << PMKV_VERSION << "\n";
        return 0;
    }
    auto config = pmkv::ProxyConfig::load(args, QProcessEnvironment::systemEnvironment());
    if (!config) {
        err << "pmkv-proxy: " << config.error().message << "\n";
        return 64;
    }
    for (const QString& w : config.value().warnings)
        err << "pmkv-proxy: warning: " << w << "\n";

    SignalWatcher signals;
    pmkv::ProxyServer server(config.value());
    auto listening = server.listen();
    if (!listening) {
        err << "pmkv-proxy: " << listening.error().message << "\n";
        return 2;
    }
    QObject::connect(&signals, &SignalWatcher::terminateRequested, &server,
                     [&server](int) { server.shutdown(); });
    QObject::connect(&server, &pmkv::ProxyServer::finished, &app, &QCoreApplication::quit);
    err << "pmkv-proxy: listening on http://" << config.value().listenHost << ":"
        << server.serverPort() << ", Redis "
        << (config.value().cluster ? config.value().cluster->describe()
                                   : config.value().redis.describe())
        << "\n";
    err.flush();
    return app.exec();
}
