// Transport benchmark (issues #4, #22): GET/SET throughput of 1.5 KB values through RedisStore
// (hiredis, straight to Redis) and UpstashRestStore (through pmkv-proxy) with batches of 1,
// 100, 1000 and 5000 commands (5000 reads go as 5 requests at once), against
// `redis-benchmark -P 16 -d 1500 -t get,set` on the same redis-server in the same run, and REST
// SET batches of 1000 against `redis-cli --pipe` (the reference issue #5 names for
// migrations). Then plain QNetworkAccessManager, one /pipeline request of SETs at a time, with
// no store around it: against this build's pmkv-proxy (TCP_QUICKACK) and, if
// PMKV_BENCH_OTHER_PROXY names another pmkv-proxy binary (one without it), against that one,
// to show the Nagle x delayed-ACK stall. Starts its own redis-server and pmkv-proxy on free
// ports.
//
// Usage: bench_transport [seconds-per-case]   (default 1.5)
#include "connections/storethread.h"
#include "proxyprocess.h"
#include "redis/redisstore.h"
#include "redisserver.h"
#include "rest/upstashreststore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTextStream>

#include <cstdio>

using namespace pmkv;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

// requests per second for SET and GET from redis-benchmark's -q output.
bool redisBenchmark(quint16 port, double& set, double& get)
{
    QProcess p;
    p.start(QStringLiteral("redis-benchmark"),
            {QStringLiteral("-p"), QString::number(port), QStringLiteral("-P"),
             QStringLiteral("16"), QStringLiteral("-d"), QStringLiteral("1500"),
             QStringLiteral("-t"), QStringLiteral("get,set"), QStringLiteral("-n"),
             QStringLiteral("200000"), QStringLiteral("-r"), QStringLiteral("10000"),
             QStringLiteral("-q")});
    if (!p.waitForFinished(300000))
        return false;
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpression line(QStringLiteral("(SET|GET): ([0-9.]+) requests per second"));
    auto it = line.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        (m.captured(1) == QLatin1String("SET") ? set : get) = m.captured(2).toDouble();
    }
    return set > 0 && get > 0;
}

// SET commands per second of `redis-cli --pipe` (the reference of issue #5 for migrations):
// `count` SETs of `value` as RESP from a file, timed from start to exit.
double redisCliPipe(quint16 port, int count, const QByteArray& value)
{
    QTemporaryFile file;
    if (!file.open())
        return 0;
    QByteArray resp;
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "pipe:" + QByteArray::number(i % 10000);
        resp += "*3\r\n$3\r\nSET\r\n$" + QByteArray::number(key.size()) + "\r\n" + key + "\r\n$" +
                QByteArray::number(value.size()) + "\r\n" + value + "\r\n";
    }
    file.write(resp);
    file.flush();
    QProcess p;
    p.setStandardInputFile(file.fileName());
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral("redis-cli"),
            {QStringLiteral("-p"), QString::number(port), QStringLiteral("--pipe")});
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        return 0;
    return count / (double(clock.nsecsElapsed()) / 1e9);
}

// Commands per second for `op` (SET or GET) in batches of `batch`, for about `seconds`.
double measure(KvStore* store, const QByteArray& op, int batch, double seconds,
               const QByteArray& value, QString& error)
{
    QElapsedTimer clock;
    clock.start();
    qint64 done = 0;
    int next = 0;
    while (clock.nsecsElapsed() < qint64(seconds * 1e9)) {
        QVector<KvCommand> commands;
        commands.reserve(batch);
        for (int i = 0; i < batch; ++i) {
            const QByteArray key = "bench:" + QByteArray::number(next++ % 10000);
            commands.append(op == "SET" ? KvCommand{"SET", key, value} : KvCommand{"GET", key});
        }
        auto future = store->execute(commands);
        future.waitForFinished();
        const auto result = future.result();
        if (!result) {
            error = result.error().message;
            return 0;
        }
        done += batch;
    }
    return double(done) / (double(clock.nsecsElapsed()) / 1e9);
}

// SET commands per second of plain QNetworkAccessManager posting `batch` SETs to /pipeline,
// one request at a time: the transport the store is built on, with nothing of the store.
double measurePlainQnam(const QUrl& base, const QByteArray& token, int batch, double seconds,
                        const QByteArray& value, QString& error)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(base.toString() + QStringLiteral("/pipeline")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + token);
    QElapsedTimer clock;
    clock.start();
    qint64 done = 0;
    int next = 0;
    while (clock.nsecsElapsed() < qint64(seconds * 1e9)) {
        QByteArray body = "[";
        for (int i = 0; i < batch; ++i) {
            body += (i ? ",[\"SET\",\"qnam:" : "[\"SET\",\"qnam:") +
                    QByteArray::number(next++ % 10000) + "\",\"" + value + "\"]";
        }
        body += ']';
        QNetworkReply* reply = network.post(request, body);
        QEventLoop loop; // a benchmark's main thread, nothing else runs here
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            error = reply->errorString();
            return 0;
        }
        done += batch;
    }
    return double(done) / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QByteArray(argv[1]).toDouble() : 1.5;

    test::RedisServer redis;
    if (!redis.start()) {
        out() << "redis-server: " << redis.errorString() << Qt::endl;
        return 1;
    }
    test::ProxyProcess proxy;
    proxy.setRedisUrl(redis.url());
    proxy.setToken("bench-token");
    if (!proxy.start()) {
        out() << "pmkv-proxy: " << proxy.errorString() << Qt::endl;
        return 1;
    }

    // BENCH_CASES="rest SET 1000,rest GET 1000" runs only those cases, without the references
    // (ratios then say nothing): for profiling one path.
    const QByteArrayList cases = qgetenv("BENCH_CASES").split(',');
    const bool allCases = cases == QByteArrayList{QByteArray()};
    double refSet = 1, refGet = 1;
    if (allCases && !redisBenchmark(redis.port(), refSet, refGet)) {
        out() << "redis-benchmark did not run (apt-get install redis-tools)" << Qt::endl;
        return 1;
    }
    out() << QStringLiteral("reference: redis-benchmark -P 16 -d 1500: SET %1/s, GET %2/s")
                 .arg(refSet, 0, 'f', 0)
                 .arg(refGet, 0, 'f', 0)
          << Qt::endl;

    const double refPipe = !allCases ? 0 : redisCliPipe(redis.port(), 50000, QByteArray(1500, 'v'));
    out() << QStringLiteral("reference: redis-cli --pipe, 50000 SET of 1500 bytes: %1/s")
                 .arg(refPipe, 0, 'f', 0)
          << Qt::endl;

    StoreThread thread;
    KvStore* direct = thread.call([&] {
        return static_cast<KvStore*>(new RedisStore(
            RedisAddress::tcp(QStringLiteral("127.0.0.1"), redis.port()), false, thread.context()));
    });
    KvStore* rest = thread.call([&] {
        UpstashRestOptions o;
        o.url = proxy.url();
        o.token = proxy.token();
        return static_cast<KvStore*>(new UpstashRestStore(o, thread.context()));
    });

    const QByteArray value(1500, 'v');
    out() << QStringLiteral("%1 %2 %3 %4 %5")
                 .arg(QStringLiteral("transport"), -26)
                 .arg(QStringLiteral("op"), -4)
                 .arg(QStringLiteral("batch"), 6)
                 .arg(QStringLiteral("cmds/s"), 10)
                 .arg(QStringLiteral("x redis-benchmark"), 18)
          << Qt::endl;
    int failures = 0;
    double restSet1000 = 0;
    for (const auto& [name, store] :
         {std::pair{QStringLiteral("RedisStore (hiredis)"), direct},
          std::pair{QStringLiteral("UpstashRestStore via proxy"), rest}}) {
        for (int batch : {1, 100, 1000, 5000}) {
            for (const QByteArray& op : {QByteArray("SET"), QByteArray("GET")}) {
                const QByteArray label =
                    (store == rest ? "rest " : "direct ") + op + ' ' + QByteArray::number(batch);
                if (!allCases && !cases.contains(label))
                    continue;
                QString error;
                const double rate = measure(store, op, batch, seconds, value, error);
                if (rate <= 0) {
                    out() << name << ' ' << op << " batch " << batch << ": " << error << Qt::endl;
                    ++failures;
                    continue;
                }
                const double ref = op == "SET" ? refSet : refGet;
                if (store == rest && op == "SET" && batch == 1000)
                    restSet1000 = rate;
                out() << QStringLiteral("%1 %2 %3 %4 %5")
                             .arg(name, -26)
                             .arg(QString::fromLatin1(op), -4)
                             .arg(batch, 6)
                             .arg(rate, 10, 'f', 0)
                             .arg(rate / ref, 18, 'f', 3)
                      << Qt::endl;
            }
        }
    }
    if (refPipe > 0 && restSet1000 > 0)
        out() << QStringLiteral("UpstashRestStore via proxy, SET batch 1000 = %1 x redis-cli "
                                "--pipe (issue #5 asks >= 0.25 for migrations)")
                     .arg(restSet1000 / refPipe, 0, 'f', 3)
              << Qt::endl;

    // Plain QNAM against this pmkv-proxy and, if given, another build's.
    QList<QPair<QString, QUrl>> proxies{{QStringLiteral("this proxy"), proxy.url()}};
    test::ProxyProcess other;
    const QString otherBinary = qEnvironmentVariable("PMKV_BENCH_OTHER_PROXY");
    if (!otherBinary.isEmpty()) {
        other.setBinary(otherBinary);
        other.setRedisUrl(redis.url());
        other.setToken(proxy.token());
        if (other.start())
            proxies.append({QStringLiteral("other proxy"), other.url()});
        else
            out() << "PMKV_BENCH_OTHER_PROXY: " << other.errorString() << Qt::endl;
    }
    for (const auto& [name, url] : proxies) {
        for (int batch : {100, 1000}) {
            QString error;
            const double rate = measurePlainQnam(url, proxy.token(), batch, seconds, value, error);
            if (rate <= 0) {
                out() << "plain QNAM, " << name << ": " << error << Qt::endl;
                ++failures;
                continue;
            }
            out() << QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(QStringLiteral("plain QNAM, ") + name, -26)
                         .arg(QStringLiteral("SET"), -4)
                         .arg(batch, 6)
                         .arg(rate, 10, 'f', 0)
                         .arg(rate / refSet, 18, 'f', 3)
                  << Qt::endl;
        }
    }
    return failures == 0 ? 0 : 1;
}
