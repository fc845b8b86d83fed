#include "jobfixture.h"

#include "jobs/keycapture.h"
#include "redis/redisstore.h"
#include "rest/upstashreststore.h"
#include "testtree.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>

namespace pmkv::test {

ProxyProcess::~ProxyProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

bool ProxyProcess::start(const RedisServer& redis)
{
    m_port = RedisServer::freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QString::fromLatin1(token()));
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.start(binaryPath(QStringLiteral("pmkv-proxy")),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                     QStringLiteral("--redis"), redis.url()});
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("pmkv-proxy did not start: ") + m_process.errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (socket.waitForConnected(200))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            break;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("pmkv-proxy did not listen on port %1").arg(m_port);
    return false;
}

QString ProxyProcess::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

JobTargets::~JobTargets()
{
    m_thread.reset(); // before the proxy and the server go
}

bool JobTargets::start()
{
    if (!m_redis.start()) {
        m_error = m_redis.errorString();
        return false;
    }
    if (!m_proxy.start(m_redis)) {
        m_error = m_proxy.errorString();
        return false;
    }
    m_thread = std::make_unique<StoreThread>();
    m_direct = openRedisStore(*m_thread, m_redis.port());
    m_rest = openRestStore(*m_thread, m_proxy.url(), ProxyProcess::token());
    return true;
}

KvStore& JobTargets::store(const QString& transport)
{
    return transport == QLatin1String("proxy") ? *m_rest : *m_direct;
}

QString copyTree(const QString& from, const TestTree& into)
{
    const QString root = into.path(QStringLiteral("pm"));
    return QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), from, root}) == 0
               ? root
               : QString();
}

KvStore* openRedisStore(StoreThread& thread, quint16 port)
{
    return thread.call([&]() -> KvStore* {
        auto* s = new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), port));
        s->setParent(thread.context());
        return s;
    });
}

KvStore* openRestStore(StoreThread& thread, const QString& url, const QByteArray& token)
{
    return thread.call([&]() -> KvStore* {
        UpstashRestOptions options;
        options.url = QUrl(url);
        options.token = token;
        auto* s = new UpstashRestStore(options);
        s->setParent(thread.context());
        return s;
    });
}

KvStore::Replies run(KvStore& store, const QVector<KvCommand>& batch)
{
    auto replies = waitFor(store, store.execute(batch));
    return replies ? replies.value() : KvStore::Replies();
}

QMap<QByteArray, QByteArray> dumpStrings(KvStore& store, const QByteArray& pattern)
{
    QMap<QByteArray, QByteArray> out;
    const KvStore::Replies keys = run(store, {{"KEYS", pattern}});
    if (keys.isEmpty())
        return out;
    QVector<KvCommand> gets;
    QVector<QByteArray> names;
    for (const KvReply& k : keys.first().elements) {
        gets.append({"GET", k.bytes});
        names.append(k.bytes);
    }
    if (gets.isEmpty())
        return out;
    const KvStore::Replies values = run(store, gets);
    for (int i = 0; i < names.size() && i < values.size(); ++i) {
        if (values.at(i).type == KvReply::Type::String)
            out.insert(names.at(i), values.at(i).bytes);
    }
    return out;
}

} // namespace pmkv::test
