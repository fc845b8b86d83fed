#include "scriptedrestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace pmkv::test {

QByteArray ScriptedRestServer::Request::header(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower() + ':';
    for (const QByteArray& line : head.split('\n')) {
        if (line.toLower().startsWith(wanted))
            return line.mid(wanted.size()).trimmed();
    }
    return QByteArray();
}

ScriptedRestServer::ScriptedRestServer(QObject* parent) : QObject(parent)
{
    m_script = [](const Request& request, int) { return echo(request); };
}

ScriptedRestServer::~ScriptedRestServer() = default;

bool ScriptedRestServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool ScriptedRestServer::listenTls(const QSslCertificate& certificate, const QSslKey& key)
{
    auto* server = new QSslServer(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(tls);
    connect(server, &QSslServer::pendingConnectionAvailable, this, [this, server] {
        while (QTcpSocket* socket = server->nextPendingConnection())
            accept(socket);
    });
    m_server = server;
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedRestServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void ScriptedRestServer::accept(QTcpSocket* socket)
{
    m_ids.insert(socket, ++connections);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_outstanding -= m_pending.value(socket);
        m_pending.remove(socket);
        m_buffers.remove(socket);
        m_ids.remove(socket);
        socket->deleteLater();
    });
}

void ScriptedRestServer::onData(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        request.head = buffer.left(end);
        request.connection = m_ids.value(socket);
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        if (m_pending.value(socket) > 0)
            overlappedOnOneConnection = true;
        ++m_pending[socket];
        maxOutstanding = std::max(maxOutstanding, ++m_outstanding);
        requests.append(request);
        const Answer answer = m_script(request, int(requests.size()) - 1);
        if (answer.silent)
            continue;
        if (answer.delayMs <= 0) {
            respond(socket, answer);
            continue;
        }
        QPointer<QTcpSocket> alive(socket);
        QTimer::singleShot(answer.delayMs, this, [this, alive, answer] {
            if (alive)
                respond(alive, answer);
        });
    }
}

void ScriptedRestServer::respond(QTcpSocket* socket, const Answer& answer)
{
    if (m_pending.value(socket) > 0) {
        --m_pending[socket];
        --m_outstanding;
    }
    if (!answer.raw.isEmpty())
        socket->write(answer.raw);
    if (answer.close)
        socket->disconnectFromHost();
}

ScriptedRestServer::Answer ScriptedRestServer::json(int status, const QByteArray& body,
                                                    const QByteArray& extraHeaders)
{
    Answer answer;
    answer.raw = "HTTP/1.1 " + QByteArray::number(status) +
                 " X\r\nContent-Type: " + "application/json\r\n" + extraHeaders +
                 "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return answer;
}

ScriptedRestServer::Answer ScriptedRestServer::echo(const Request& request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    auto one = [](const QJsonArray& command) {
        return QJsonObject{{QStringLiteral("result"),
                            QString::fromLatin1(command.at(1).toString().toUtf8().toBase64())}};
    };
    QJsonDocument out;
    const QJsonArray array = doc.array();
    if (!array.isEmpty() && array.first().isArray()) {
        QJsonArray replies;
        for (const QJsonValue& command : array)
            replies.append(one(command.toArray()));
        out.setArray(replies);
    } else {
        out.setObject(one(array));
    }
    return json(200, out.toJson(QJsonDocument::Compact));
}

} // namespace pmkv::test
