#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QUrl>

namespace pmkv::test {

// The real `pmkv-proxy` binary for one test: a free 127.0.0.1 port, the given Redis behind
// it and PMKV_PROXY_TOKEN (and optionally PMKV_PROXY_READONLY_TOKEN) in its environment.
// start() waits until the port accepts connections; stop() ends it; start() again reuses the
// same port ("the proxy went away and came back"). The destructor stops it.
class ProxyProcess final
{
public:
    ProxyProcess();
    ~ProxyProcess();
    ProxyProcess(const ProxyProcess&) = delete;
    ProxyProcess& operator=(const ProxyProcess&) = delete;

    void setRedisUrl(const QString& url) { m_redisUrl = url; }
    void setToken(const QByteArray& token) { m_token = token; }
    void setReadOnlyToken(const QByteArray& token) { m_readOnlyToken = token; }
    void setExtraArguments(const QStringList& arguments) { m_extra = arguments; }
    // Another pmkv-proxy binary than this build's (a benchmark comparing two builds).
    void setBinary(const QString& path) { m_binary = path; }

    bool start();
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT
    QByteArray token() const { return m_token; }
    QByteArray readOnlyToken() const { return m_readOnlyToken; }
    QString errorString() const { return m_error; }

private:
    QProcess m_process;
    QString m_redisUrl;
    QString m_binary;
    QByteArray m_token = QByteArrayLiteral("test-token");
    QByteArray m_readOnlyToken;
    QStringList m_extra;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace pmkv::test
