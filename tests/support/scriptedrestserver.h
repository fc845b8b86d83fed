#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace pmkv::test {

// A small HTTP/1.1 server for REST client tests, plain or TLS, on 127.0.0.1: it reads whole
// requests (head + Content-Length body) and answers each as its script says, recording what
// came. Lets a test be the server at the worst moment: close after a request arrived whole,
// answer late, redirect, set a cookie...
class ScriptedRestServer final : public QObject
{
public:
    struct Request
    {
        QByteArray head; // request line and headers, without the blank line
        QByteArray body;
        int connection = 0;                              // 1, 2, ... in the order connections came
        QByteArray header(const QByteArray& name) const; // case-insensitive, trimmed
    };
    struct Answer
    {
        QByteArray raw;      // the whole HTTP answer
        bool close = false;  // close the connection after writing it (or at once if empty)
        bool silent = false; // never answer (the connection stays open)
        int delayMs = 0;     // answer after this long
    };
    using Script = std::function<Answer(const Request&, int index)>;

    explicit ScriptedRestServer(QObject* parent = nullptr);
    ~ScriptedRestServer() override;

    bool listen();
    bool listenTls(const QSslCertificate& certificate, const QSslKey& key);
    quint16 port() const;
    void setScript(Script script) { m_script = std::move(script); }

    // A 200/... answer with a JSON body and any extra header lines ("Name: value\r\n").
    static Answer json(int status, const QByteArray& body, const QByteArray& extraHeaders = {});
    // The answer to an Upstash /pipeline or / request whose commands are all ECHO: each
    // argument back, base64-encoded as with Upstash-Encoding: base64.
    static Answer echo(const Request& request);

    QList<Request> requests;
    int connections = 0;
    int maxOutstanding = 0;                 // requests received and not yet answered, at most
    bool overlappedOnOneConnection = false; // a request came before the one before was answered

private:
    void accept(QTcpSocket* socket);
    void onData(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const Answer& answer);

    QTcpServer* m_server = nullptr;
    Script m_script;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QHash<QTcpSocket*, int> m_ids;
    QHash<QTcpSocket*, int> m_pending; // unanswered requests per connection
    int m_outstanding = 0;
};

} // namespace pmkv::test
