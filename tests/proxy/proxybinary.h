#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QStringList>

class QTcpSocket;

namespace pmkv::test {

// The real pmkv-proxy binary on a free loopback port, for the proxy's own end-to-end tests:
// unlike test::ProxyProcess (tests/support) it captures stderr and stops with SIGTERM.
class ProxyBinary final
{
public:
    ProxyBinary();
    ~ProxyBinary();
    ProxyBinary(const ProxyBinary&) = delete;
    ProxyBinary& operator=(const ProxyBinary&) = delete;

    // Starts `pmkv-proxy --listen 127.0.0.1:<free> --redis <redisUrl> <extra>` with the
    // tokens in the environment and waits until it accepts connections.
    bool start(const QString& redisUrl, const QByteArray& token, const QByteArray& readOnlyToken,
               const QStringList& extra = {});
    // SIGTERM, then waits; returns the exit code (-1 on timeout/crash).
    int terminate(int timeoutMs = 10000);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString errorString() const { return m_error; }
    QByteArray stderrText() { return m_stderr += m_process.readAllStandardError(); }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_stderr;
};

// A parsed HTTP response (Content-Length bodies only; SSE is read by hand).
struct HttpReply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QByteArray header(const QByteArray& name) const;
};

// Reads one response from a socket (blocking, with a timeout); status 0 when it failed.
HttpReply readReply(QTcpSocket& socket, int timeoutMs = 10000);
// Sends raw bytes on a fresh connection and reads one response.
HttpReply rawRequest(quint16 port, const QByteArray& raw, int timeoutMs = 10000);
// Builds a request with Authorization and Content-Length.
QByteArray buildRequest(const QByteArray& method, const QByteArray& target,
                        const QByteArray& body = {}, const QByteArray& token = {},
                        const QList<QPair<QByteArray, QByteArray>>& headers = {});

} // namespace pmkv::test
