#include "connectproxy.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace pmkv::test {

ConnectProxy::ConnectProxy(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* client = m_server->nextPendingConnection()) {
            auto head = std::make_shared<QByteArray>();
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
                if (QTcpSocket* open = client->findChild<QTcpSocket*>()) {
                    open->write(client->readAll()); // the tunnel
                    return;
                }
                head->append(client->readAll());
                const qsizetype end = head->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                heads.append(head->left(end));
                const QList<QByteArray> requestLine = head->left(head->indexOf("\r\n")).split(' ');
                if (requestLine.size() < 2 || requestLine.first() != "CONNECT") {
                    client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                    client->disconnectFromHost();
                    return;
                }
                targets.append(QString::fromLatin1(requestLine.at(1)));
                if (requireCredentials) {
                    client->write("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                  "Proxy-Authenticate: Basic realm=\"test\"\r\n"
                                  "Content-Length: 0\r\n\r\n");
                    return;
                }
                const quint16 port =
                    requestLine.at(1).mid(requestLine.at(1).lastIndexOf(':') + 1).toUShort();
                const QByteArray early = head->mid(end + 4);
                auto* server = new QTcpSocket(client);
                connect(server, &QTcpSocket::connected, client, [client, server, early] {
                    client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                    if (!early.isEmpty())
                        server->write(early);
                });
                connect(server, &QTcpSocket::readyRead, client,
                        [client, server] { client->write(server->readAll()); });
                connect(server, &QTcpSocket::disconnected, client,
                        [client] { client->disconnectFromHost(); });
                connect(server, &QTcpSocket::errorOccurred, client,
                        [client] { client->disconnectFromHost(); });
                server->connectToHost(QHostAddress::LocalHost, port);
            });
        }
    });
}

bool ConnectProxy::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ConnectProxy::port() const
{
    return m_server->serverPort();
}

} // namespace pmkv::test
