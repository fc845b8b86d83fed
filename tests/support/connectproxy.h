#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

class QTcpServer;

namespace pmkv::test {

// A small HTTP CONNECT proxy on 127.0.0.1 for tests: each tunnel goes to 127.0.0.1 at the
// port asked, whatever the host name (so a client reaches a local test server under a name
// only the proxy "resolves": proof that the proxy was used). Records the CONNECT heads.
class ConnectProxy final : public QObject
{
public:
    explicit ConnectProxy(QObject* parent = nullptr);

    bool listen();
    quint16 port() const;

    bool requireCredentials = false; // answer every CONNECT with 407
    QList<QByteArray> heads;         // what each client sent before the tunnel
    QStringList targets;             // "host:port" of each CONNECT

private:
    QTcpServer* m_server;
};

} // namespace pmkv::test
