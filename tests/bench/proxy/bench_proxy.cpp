// SET/GET throughput of 1.5 KB values through pmkv-proxy (HTTP pipelines of 1, 100 and 1000
// commands, base64 replies like @upstash/redis asks for) and against the same redis-server
// directly with our hiredis client (RedisClient, the same pipeline depths), in one run.
// Usage: bench_proxy <pmkv-proxy> [--quick] [--pipeline N]
#include "kv/kvreply.h"
#include "redis/redisclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

using namespace pmkv;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

[[noreturn]] void die(const QString& why)
{
    QTextStream(stderr) << "bench_proxy: " << why << '\n';
    ::exit(2);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void waitForPort(quint16 port, QProcess& process, const char* name)
{
    if (!process.waitForStarted(5000))
        die(QStringLiteral("cannot start %1: %2").arg(QLatin1String(name), process.errorString()));
    const QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        if (process.state() != QProcess::Running)
            die(QStringLiteral("%1 exited: %2")
                    .arg(QLatin1String(name), QString::fromLocal8Bit(process.readAll())));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return;
        QThread::msleep(20);
    }
    die(QStringLiteral("%1 did not listen on %2").arg(QLatin1String(name)).arg(port));
}

QByteArray key(int i)
{
    return "bench:proxy:" + QByteArray::number(i % 10000);
}

// One keep-alive HTTP connection, one request at a time, on a plain blocking socket (a
// QTcpSocket driven by waitForReadyRead() turned out to be slower than the proxy itself for
// answers of a few hundred KB, which would have measured the client, not the proxy).
class HttpClient
{
public:
    explicit HttpClient(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            die(QStringLiteral("cannot connect to the proxy"));
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_buffer.resize(8 * 1024 * 1024);
    }
    ~HttpClient() { ::close(m_fd); }
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Returns the answer's body.
    QByteArray post(const QByteArray& path, const QByteArray& body)
    {
        const QByteArray head =
            "POST " + path +
            " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer bench-token\r\n"
            "Upstash-Encoding: base64\r\nContent-Type: application/json\r\n"
            "Content-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n";
        iovec parts[2] = {{const_cast<char*>(head.constData()), size_t(head.size())},
                          {const_cast<char*>(body.constData()), size_t(body.size())}};
        size_t total = parts[0].iov_len + parts[1].iov_len;
        iovec* iov = parts;
        int count = 2;
        while (total > 0) {
            const ssize_t n = ::writev(m_fd, iov, count);
            if (n <= 0)
                die(QStringLiteral("cannot send to the proxy"));
            total -= size_t(n);
            size_t left = size_t(n);
            while (count > 0 && left >= iov->iov_len) {
                left -= iov->iov_len;
                ++iov;
                --count;
            }
            if (count > 0) {
                iov->iov_base = static_cast<char*>(iov->iov_base) + left;
                iov->iov_len -= left;
            }
        }
        qsizetype got = 0;
        qsizetype headEnd = -1;
        qsizetype length = -1;
        for (;;) {
            if (got == m_buffer.size())
                m_buffer.resize(m_buffer.size() * 2);
            const ssize_t n = ::recv(m_fd, m_buffer.data() + got, size_t(m_buffer.size() - got), 0);
            if (n <= 0)
                die(QStringLiteral("no answer from the proxy"));
            got += n;
            if (headEnd < 0) {
                const QByteArray view = QByteArray::fromRawData(m_buffer.constData(), got);
                headEnd = view.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    continue;
                if (!view.startsWith("HTTP/1.1 200"))
                    die(QStringLiteral("proxy answered: %1")
                            .arg(QString::fromUtf8(view.left(300))));
                const qsizetype at = view.indexOf("Content-Length: ");
                length = view.mid(at + 16, view.indexOf("\r\n", at) - at - 16).toLongLong();
            }
            if (got >= headEnd + 4 + length)
                return QByteArray(m_buffer.constData() + headEnd + 4, length);
        }
    }

private:
    int m_fd = -1;
    QByteArray m_buffer;
};

// Requests are built before the clock starts on both sides, so that the figures measure the
// servers, not how fast this program makes JSON. Keys cycle through 10,000 names.
constexpr int keySpace = 10000;

QList<QByteArray> proxyBodies(const QByteArray& value, int pipeline, bool set)
{
    QList<QByteArray> bodies;
    for (int start = 0; start < keySpace; start += pipeline) {
        QByteArray body;
        body.reserve(pipeline * (value.size() + 40) + 2);
        if (pipeline > 1)
            body += '[';
        for (int i = start; i < start + pipeline; ++i) {
            if (i > start)
                body += ',';
            if (set)
                body += "[\"SET\",\"" + key(i) + "\",\"" + value + "\"]";
            else
                body += "[\"GET\",\"" + key(i) + "\"]";
        }
        if (pipeline > 1)
            body += ']';
        bodies.append(body);
    }
    return bodies;
}

double viaProxy(HttpClient& http, const QList<QByteArray>& bodies, int pipeline, int total)
{
    const QByteArray path = pipeline == 1 ? QByteArrayLiteral("/") : QByteArrayLiteral("/pipeline");
    QElapsedTimer t;
    t.start();
    for (int done = 0, b = 0; done < total; done += pipeline, b = (b + 1) % bodies.size()) {
        const QByteArray answer = http.post(path, bodies.at(b));
        if (answer.contains("\"error\""))
            die(QStringLiteral("a command failed through the proxy"));
    }
    return total / (double(t.nsecsElapsed()) / 1e9);
}

QVector<KvCommand> directCommands(const QByteArray& value, bool set)
{
    QVector<KvCommand> commands;
    for (int i = 0; i < keySpace; ++i)
        commands.append(set ? KvCommand{"SET", key(i), value} : KvCommand{"GET", key(i)});
    return commands;
}

double direct(RedisClient& redis, const QVector<KvCommand>& commands, int pipeline, int total)
{
    QElapsedTimer t;
    t.start();
    for (int done = 0; done < total; done += pipeline) {
        int remaining = pipeline;
        bool failed = false;
        QEventLoop loop;
        for (int i = 0; i < pipeline; ++i) {
            redis.send(commands.at((done + i) % keySpace), [&](const Result<KvReply>& r) {
                failed |= !r.ok() || r.value().isError();
                if (--remaining == 0)
                    loop.quit();
            });
        }
        loop.exec();
        if (failed)
            die(QStringLiteral("a direct command failed"));
    }
    return total / (double(t.nsecsElapsed()) / 1e9);
}

QString ops(double v)
{
    return QString::number(qRound64(v)).rightJustified(9);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        die(QStringLiteral("usage: bench_proxy <pmkv-proxy> [--quick] [--pipeline N]"));
    const bool quick = args.contains(QStringLiteral("--quick"));
    // --pipeline N measures only that depth (for profiling one case).
    QList<int> pipelines{1, 100, 1000};
    if (const qsizetype at = args.indexOf(QStringLiteral("--pipeline"));
        at > 0 && at + 1 < args.size())
        pipelines = {args.at(at + 1).toInt()};

    QTemporaryDir dir;
    const quint16 redisPort = freePort();
    QProcess redis;
    redis.setProcessChannelMode(QProcess::MergedChannels);
    redis.start(QStringLiteral("redis-server"),
                {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
                 QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                 QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                 dir.path()});
    waitForPort(redisPort, redis, "redis-server");

    const quint16 proxyPort = freePort();
    QProcess proxy;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QStringLiteral("bench-token"));
    proxy.setProcessEnvironment(env);
    proxy.setProcessChannelMode(QProcess::MergedChannels);
    proxy.start(args.at(1),
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(proxyPort),
                 QStringLiteral("--redis"), QStringLiteral("redis://127.0.0.1:%1").arg(redisPort)});
    waitForPort(proxyPort, proxy, "pmkv-proxy");

    // 1.5 KB of JSON-ish text, as a story document is.
    QByteArray value;
    while (value.size() < 1536)
        value += "story-text-0123456789-abcdefghijklmnopqrstuvwxyz ";
    value.truncate(1536);

    RedisClient client(RedisAddress::tcp(QStringLiteral("127.0.0.1"), redisPort));
    client.open();
    HttpClient http(proxyPort);

    const QVector<KvCommand> sets = directCommands(value, true);
    const QVector<KvCommand> gets = directCommands(value, false);
    // The machine may be shared: measure in short slices, proxy and direct alternating, and
    // keep each side's best slice, so both sides get the same chance at a quiet moment.
    const int rounds = quick ? 5 : 15;
    out() << "1.5 KB values, one connection each side; ops/s (best of " << rounds
          << " alternating slices)\n"
          << "pipeline |  proxy SET | direct SET | ratio |  proxy GET | direct GET | ratio\n";
    double ratio1000 = 0;
    for (int pipeline : pipelines) {
        const int total = pipeline == 1 ? 1000 : 20000;
        const QList<QByteArray> setBodies = proxyBodies(value, pipeline, true);
        const QList<QByteArray> getBodies = proxyBodies(value, pipeline, false);
        double best[4] = {0, 0, 0, 0};
        for (int round = 0; round < rounds; ++round) {
            best[0] = qMax(best[0], viaProxy(http, setBodies, pipeline, total));
            best[1] = qMax(best[1], direct(client, sets, pipeline, total));
            best[2] = qMax(best[2], viaProxy(http, getBodies, pipeline, total));
            best[3] = qMax(best[3], direct(client, gets, pipeline, total));
        }
        const double setRatio = best[0] / best[1];
        const double getRatio = best[2] / best[3];
        out() << QString::number(pipeline).rightJustified(8) << " | " << ops(best[0]) << "  | "
              << ops(best[1]) << "  | " << QString::number(setRatio, 'f', 2) << "  | "
              << ops(best[2]) << "  | " << ops(best[3]) << "  | "
              << QString::number(getRatio, 'f', 2) << '\n';
        out().flush();
        if (pipeline == 1000)
            ratio1000 = qMin(setRatio, getRatio);
    }

    const QString benchmark = QStandardPaths::findExecutable(QStringLiteral("redis-benchmark"));
    if (!benchmark.isEmpty()) {
        for (const char* clients : {"1", "50"}) {
            QProcess rb;
            rb.start(benchmark,
                     {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                      QString::number(redisPort), QStringLiteral("-t"), QStringLiteral("set,get"),
                      QStringLiteral("-n"), QString::number(quick ? 50000 : 200000),
                      QStringLiteral("-P"), QStringLiteral("16"), QStringLiteral("-d"),
                      QStringLiteral("1536"), QStringLiteral("-c"), QLatin1String(clients),
                      QStringLiteral("-q")});
            rb.waitForFinished(120000);
            QByteArray text = rb.readAllStandardOutput();
            // -q prints progress lines ending in \r before the result lines.
            QByteArrayList results;
            for (const QByteArray& line : text.split('\n')) {
                const QByteArray last = line.split('\r').last().trimmed();
                if (!last.isEmpty())
                    results.append(last);
            }
            out() << "redis-benchmark -P 16 -d 1536 -c " << clients << ": "
                  << QString::fromUtf8(results.join("; ")) << '\n';
        }
    } else {
        out() << "redis-benchmark: not installed\n";
    }
    out() << "1000-command pipeline through the proxy = " << QString::number(ratio1000, 'f', 2)
          << " x direct pipelined Redis (target >= 0.50): "
          << (ratio1000 >= 0.5 ? "met" : "NOT met") << '\n';
    out().flush();

    proxy.terminate();
    proxy.waitForFinished(5000);
    redis.terminate();
    redis.waitForFinished(5000);
    return 0;
}
