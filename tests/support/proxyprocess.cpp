#include "proxyprocess.h"

#include "redisserver.h"
#include "testtree.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QTcpSocket>
#include <QThread>

namespace pmkv::test {

ProxyProcess::ProxyProcess()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

ProxyProcess::~ProxyProcess()
{
    stop();
}

bool ProxyProcess::start()
{
    if (isRunning())
        return true;
    const QString binary = m_binary.isEmpty() ? binaryPath(QStringLiteral("pmkv-proxy")) : m_binary;
    if (binary.isEmpty()) {
        m_error = QStringLiteral("pmkv-proxy is not built (ninja pmkv-proxy)");
        return false;
    }
    if (m_port == 0)
        m_port = RedisServer::freePort();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QString::fromUtf8(m_token));
    if (!m_readOnlyToken.isEmpty())
        env.insert(QStringLiteral("PMKV_PROXY_READONLY_TOKEN"), QString::fromUtf8(m_readOnlyToken));
    env.remove(QStringLiteral("PMKV_PROXY_REDIS_URL"));
    m_process.setProcessEnvironment(env);
    const QStringList args =
        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                    QStringLiteral("--redis"), m_redisUrl} +
        m_extra;
    // A port freed by stop() may take a moment to be reusable; try a few times.
    for (int attempt = 0; attempt < 50; ++attempt) {
        m_process.start(binary, args);
        if (!m_process.waitForStarted(5000)) {
            m_error = QStringLiteral("cannot run pmkv-proxy: %1").arg(m_process.errorString());
            return false;
        }
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            if (probe.waitForConnected(200))
                return true;
            QThread::msleep(20);
        }
        m_process.waitForFinished(1000);
        QThread::msleep(100);
    }
    m_error = QStringLiteral("pmkv-proxy did not listen on port %1").arg(m_port);
    return false;
}

void ProxyProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill(); // abrupt, like a crash: in-flight requests are cut
    m_process.waitForFinished(5000);
}

bool ProxyProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QUrl ProxyProcess::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

} // namespace pmkv::test
