#include "redisserver.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

namespace pmkv::test {

RedisServer::RedisServer() = default;

RedisServer::~RedisServer()
{
    stop();
}

quint16 RedisServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool RedisServer::ping(quint16 port, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return false;
    s.write("PING\r\n");
    if (!s.waitForBytesWritten(timeoutMs))
        return false;
    QByteArray answer;
    const QDeadlineTimer deadline(timeoutMs);
    while (!answer.contains('\n') && !deadline.hasExpired()) {
        if (!s.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        answer += s.readAll();
    }
    return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
}

bool RedisServer::start()
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    if (m_port == 0)
        m_port = freePort();
    QStringList args{QStringLiteral("--port"),       QString::number(m_port),
                     QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                     QStringLiteral("--save"),       QString(),
                     QStringLiteral("--appendonly"), QStringLiteral("no"),
                     QStringLiteral("--dir"),        m_dir.path(),
                     QStringLiteral("--logfile"),    m_dir.filePath(QStringLiteral("redis.log"))};
    args += m_extra;
    // A port freed by stop() may take a moment to be reusable; try a few times.
    for (int attempt = 0; attempt < 50; ++attempt) {
        m_process.start(QStringLiteral("redis-server"), args);
        if (!m_process.waitForStarted(5000)) {
            m_error = QStringLiteral("cannot run redis-server: %1").arg(m_process.errorString());
            return false;
        }
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (ping(m_port))
                return true;
            QThread::msleep(20);
        }
        m_process.waitForFinished(1000);
        QThread::msleep(100);
    }
    m_error = QStringLiteral("redis-server did not answer PING on port %1").arg(m_port);
    return false;
}

void RedisServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    thaw();
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool RedisServer::freeze()
{
    return isRunning() && ::kill(pid_t(m_process.processId()), SIGSTOP) == 0;
}

bool RedisServer::thaw()
{
    return isRunning() && ::kill(pid_t(m_process.processId()), SIGCONT) == 0;
}

bool RedisServer::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

QByteArray RedisServer::cli(const QStringList& arguments) const
{
    QProcess p;
    p.start(QStringLiteral("redis-cli"),
            QStringList{QStringLiteral("-p"), QString::number(m_port)} + arguments);
    p.waitForFinished(10000);
    return p.readAllStandardOutput().trimmed();
}

} // namespace pmkv::test
