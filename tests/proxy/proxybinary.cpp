#include "proxybinary.h"

#include "redisserver.h"
#include "testtree.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

namespace pmkv::test {

ProxyBinary::ProxyBinary() = default;

ProxyBinary::~ProxyBinary()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ProxyBinary::start(const QString& redisUrl, const QByteArray& token,
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

int ProxyBinary::terminate(int timeoutMs)
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
    // Reads exactly one response, leaving the bytes of the next one in the socket.
    HttpReply reply;
    const QDeadlineTimer deadline(timeoutMs);
    auto waitMore = [&]() {
        return !deadline.hasExpired() &&
               socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    };
    QByteArray statusLine;
    qsizetype length = 0;
    for (;;) {
        while (!socket.canReadLine()) {
            if (!waitMore())
                return reply;
        }
        const QByteArray line = socket.readLine().trimmed();
        if (statusLine.isEmpty()) {
            statusLine = line;
            continue;
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        reply.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
    }
    while (socket.bytesAvailable() < length) {
        if (!waitMore())
            return reply;
    }
    reply.body = socket.read(length);
    const QList<QByteArray> parts = statusLine.split(' ');
    reply.status = parts.size() >= 2 ? parts[1].toInt() : 0;
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
