#include "proxyprocess.h"

#include "redisserver.h"
#include "testtree.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

namespace pmkv::test {

ProxyProcess::ProxyProcess() = default;

ProxyProcess::~ProxyProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ProxyProcess::start(const QString& redisUrl, const QByteArray& token,
                         const QByteArray& readOnlyToken, const QStringList& extra)
{
    const QString binary = binaryPath(QStringLiteral("pmkv-proxy"));
    if (binary.isEmpty()) {
        m_error = QStringLiteral("pmkv-proxy is not built (ninja pmkv-proxy)");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PMKV_PROXY_TOKEN"), QString::fromUtf8(token));
    if (!readOnlyToken.isEmpty())
        env.insert(QStringLiteral("PMKV_PROXY_READONLY_TOKEN"), QString::fromUtf8(readOnlyToken));
    m_process.setProcessEnvironment(env);
    m_port = RedisServer::freePort();
    m_process.start(binary, QStringList{QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:%1").arg(m_port),
                                        QStringLiteral("--redis"), redisUrl} +
                                extra);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_port);
        if (s.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    m_error = QStringLiteral("pmkv-proxy did not listen on port %1: %2")
                  .arg(m_port)
                  .arg(QString::fromUtf8(stderrText()));
    return false;
}

int ProxyProcess::terminate(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QByteArray HttpReply::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first == name)
            return h.second;
    }
    return {};
}

HttpReply readReply(QTcpSocket& socket, int timeoutMs)
{
    HttpReply reply;
    QByteArray buffer;
    const QDeadlineTimer deadline(timeoutMs);
    auto fill = [&]() {
        if (socket.bytesAvailable() == 0 &&
            !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        buffer += socket.readAll();
        return true;
    };
    qsizetype headEnd;
    while ((headEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill())
            return reply;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return reply;
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        reply.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    buffer.remove(0, headEnd + 4);
    while (buffer.size() < length) {
        if (deadline.hasExpired() || !fill())
            return reply;
    }
    reply.body = buffer.left(length);
    reply.status = statusLine[1].toInt();
    return reply;
}

HttpReply rawRequest(quint16 port, const QByteArray& raw, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return {};
    s.write(raw);
    return readReply(s, timeoutMs);
}

QByteArray buildRequest(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                        const QByteArray& token,
                        const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        raw += "Authorization: Bearer " + token + "\r\n";
    for (const auto& h : headers)
        raw += h.first + ": " + h.second + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return raw;
}

} // namespace pmkv::test
