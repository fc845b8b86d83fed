// HttpClientConnection (the REST store's own HTTP/1.1 client) against a scripted QTcpServer
// that answers in the shapes real servers use: Content-Length, chunked (cut into small
// pieces), ended by close, an interim 100 answer, Connection: close, and broken or hostile
// answers. Asserts keep-alive reuse, framing, limits, timeouts and "was the request sent".
#include "rest/httpclientconnection.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <memory>

using namespace pmkv;
using Failure = HttpClientResponse::Failure;

namespace {

// Accepts connections, reads whole requests (head + Content-Length body) and answers each
// with the next scripted reply; a reply is written in pieces of `piece` bytes.
class ScriptedServer final : public QObject
{
public:
    struct Reply
    {
        QByteArray bytes;
        bool closeAfter = false;
        bool silent = false; // never answer
    };

    QList<Reply> replies;
    QList<QByteArray> requests;
    int connections = 0;
    int piece = 0; // 0: all at once

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

    ScriptedServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                ++connections;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket, buffer] { onData(socket, *buffer); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

private:
    void onData(QTcpSocket* socket, QByteArray& buffer)
    {
        buffer.append(socket->readAll());
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray lower = buffer.left(end).toLower();
            const qsizetype cl = lower.indexOf("content-length:");
            const qsizetype length =
                cl < 0
                    ? 0
                    : lower.mid(cl + 15, lower.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            requests.append(buffer.left(end + 4 + length));
            buffer.remove(0, end + 4 + length);
            if (replies.isEmpty())
                return;
            const Reply reply = replies.takeFirst();
            if (reply.silent)
                return;
            if (piece <= 0) {
                socket->write(reply.bytes);
            } else {
                for (qsizetype i = 0; i < reply.bytes.size(); i += piece) {
                    socket->write(reply.bytes.mid(i, piece));
                    socket->flush();
                    socket->waitForBytesWritten(100);
                }
            }
            if (reply.closeAfter)
                socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
};

HttpClientResponse postAndWait(HttpClientConnection& client, const QByteArray& body,
                               int timeoutMs = 10000)
{
    bool done = false;
    const auto c = QObject::connect(&client, &HttpClientConnection::finished, [&] { done = true; });
    client.post("/pipeline", {{"Content-Type", "application/json"}}, body);
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qFatal("no finished() from the client");
    QObject::disconnect(c);
    return client.takeResponse();
}

HttpClientConnection::Endpoint endpointFor(quint16 port, int timeoutMs = 5000)
{
    HttpClientConnection::Endpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.port = port;
    e.timeoutMs = timeoutMs;
    return e;
}

QByteArray ok(const QByteArray& body, const QByteArray& extra = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestHttpClientConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepAliveReusesOneConnection()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        HttpClientConnection client(endpointFor(server.port()));
        for (int i = 0; i < 20; ++i) {
            server.replies.append({ok("[" + QByteArray::number(i) + "]",
                                      "upstash-sync-token: t" + QByteArray::number(i) + "\r\n")});
            const HttpClientResponse r = postAndWait(client, "[[\"GET\",\"k\"]]");
            QCOMPARE(r.failure, Failure::None);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("[" + QByteArray::number(i) + "]"));
            QCOMPARE(r.syncToken, QByteArray("t" + QByteArray::number(i)));
            QVERIFY(r.requestSent);
        }
        QCOMPARE(server.connections, 1);
        QCOMPARE(server.requests.size(), 20);
        const QByteArray& first = server.requests.first();
        QVERIFY(first.startsWith("POST /pipeline HTTP/1.1\r\n"));
        QVERIFY(first.contains(
            QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(server.port()) + "\r\n")));
        QVERIFY(first.contains("\r\nContent-Length: 13\r\n"));
        QVERIFY(first.endsWith("\r\n\r\n[[\"GET\",\"k\"]]"));
    }

    void answerShapes_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("piece");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("connectionsForTwo"); // connections used by two requests
        const QByteArray big(200000, 'x');
        QTest::newRow("content-length")
            << ok("{\"result\":1}") << false << 0 << QByteArray("{\"result\":1}") << 1;
        QTest::newRow("content-length in 7-byte pieces")
            << ok("{\"result\":1}") << false << 7 << QByteArray("{\"result\":1}") << 1;
        QTest::newRow("large body") << ok(big) << false << 0 << big << 1;
        QTest::newRow("chunked with extension and trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;ext=1\r\n{\"res\r\n8\r\nult\":12}\r\n0\r\nX-Trailer: y\r\n\r\n")
            << false << 0 << QByteArray("{\"result\":12}") << 1;
        QTest::newRow("chunked in 3-byte pieces")
            << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
                          "A\r\n0123456789\r\n1\r\n!\r\n0\r\n\r\n")
            << false << 3 << QByteArray("0123456789!") << 1;
        QTest::newRow("interim 100 first")
            << "HTTP/1.1 100 Continue\r\n\r\n" + ok("[]") << false << 0 << QByteArray("[]") << 1;
        QTest::newRow("connection: close")
            << ok("[1]", "Connection: close\r\n") << true << 0 << QByteArray("[1]") << 2;
        QTest::newRow("ended by close, HTTP/1.0")
            << QByteArray("HTTP/1.0 200 OK\r\n\r\n[7]") << true << 0 << QByteArray("[7]") << 2;
        QTest::newRow("server closes idle connection without saying")
            << ok("[2]") << true << 0 << QByteArray("[2]") << 2;
    }

    void answerShapes()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, closeAfter);
        QFETCH(int, piece);
        QFETCH(QByteArray, body);
        QFETCH(int, connectionsForTwo);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.piece = piece;
        HttpClientConnection client(endpointFor(server.port()));
        for (int i = 0; i < 2; ++i) {
            server.replies.append({answer, closeAfter});
            const HttpClientResponse r = postAndWait(client, "[]");
            QCOMPARE(r.failure, Failure::None);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, body);
            QTest::qWait(50); // lets an idle close arrive before the next request
        }
        QCOMPARE(server.connections, connectionsForTwo);
    }

    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("failure");
        QTest::newRow("not http") << QByteArray("-ERR unknown command\r\n") << false
                                  << int(Failure::Protocol);
        QTest::newRow("headers too large")
            << "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(70000, 'a') + "\r\n\r\n"
            << false << int(Failure::Protocol);
        QByteArray many = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 150; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("too many headers") << many + "Content-Length: 0\r\n\r\n"
                                          << false << int(Failure::Protocol);
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
            << int(Failure::Protocol);
        QTest::newRow("conflicting lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")
            << false << int(Failure::Protocol);
        QTest::newRow("closed mid-body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc") << true
            << int(Failure::Lost);
        QTest::newRow("closed without answer") << QByteArray() << true << int(Failure::Lost);
    }

    void brokenAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, closeAfter);
        QFETCH(int, failure);
        ScriptedServer server;
        QVERIFY(server.listen());
        HttpClientConnection client(endpointFor(server.port()));
        server.replies.append({answer, closeAfter});
        const HttpClientResponse r = postAndWait(client, "[[\"SET\",\"k\",\"v\"]]");
        QCOMPARE(int(r.failure), failure);
        QVERIFY(r.requestSent); // the server had the whole request
        QVERIFY(!r.errorString.isEmpty());
        // The connection is not reused after that: the next request opens another.
        server.replies.append({ok("[]")});
        const HttpClientResponse next = postAndWait(client, "[]");
        QCOMPARE(next.failure, Failure::None);
        QCOMPARE(server.connections, 2);
    }

    void timeoutWhenNothingComes()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        HttpClientConnection client(endpointFor(server.port(), 300));
        server.replies.append({QByteArray(), false, true});
        QElapsedTimer clock;
        clock.start();
        const HttpClientResponse r = postAndWait(client, "[]");
        QCOMPARE(r.failure, Failure::Timeout);
        QVERIFY(r.requestSent);
        QVERIFY(clock.elapsed() >= 250);
        QVERIFY(clock.elapsed() < 5000);
    }

    void refusedIsNotSent()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        HttpClientConnection client(endpointFor(port));
        const HttpClientResponse r = postAndWait(client, "[]");
        QCOMPARE(r.failure, Failure::NotSent);
        QVERIFY(!r.requestSent);
        QVERIFY2(r.errorString.contains(QStringLiteral("refused")), qPrintable(r.errorString));
    }
};

QTEST_GUILESS_MAIN(TestHttpClientConnection)
#include "tst_httpclientconnection.moc"
