// UpstashRestStore's HTTP behaviour (QNetworkAccessManager underneath) against a scripted
// server that can be the worst server at the worst moment: a connection closed after a write
// arrived whole is never followed by a second copy of it; reads are sent again; no redirect
// is followed, no cookie kept, no request pipelined; reads go several at once, writes one
// after the other; a token that would break the header is refused before anything is sent;
// the error kinds a user acts on, without the token in them.
#include "awaitfuture.h"
#include "rest/upstashreststore.h"
#include "scriptedrestserver.h"

#include <QtTest>

using namespace pmkv;
using pmkv::test::await;
using pmkv::test::ScriptedRestServer;
using Answer = ScriptedRestServer::Answer;
using Request = ScriptedRestServer::Request;

namespace {

const QByteArray kToken = "s3cr3t-token-value";

QString messageOf(const Result<KvStore::Replies>& r)
{
    return r.ok() ? QString() : r.error().code + QStringLiteral(": ") + r.error().message;
}

Answer closeWithoutAnswer()
{
    Answer answer;
    answer.close = true;
    return answer;
}

// Every log line, of every category at every level, while it lives (the token must reach none).
class LogCapture final
{
public:
    LogCapture()
    {
        lines().clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
        m_previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& text) { lines() << text; });
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    static QStringList& lines()
    {
        static QStringList captured;
        return captured;
    }

private:
    QtMessageHandler m_previous = nullptr;
};

QVector<KvCommand> echoes(int n)
{
    QVector<KvCommand> batch;
    for (int i = 0; i < n; ++i)
        batch.append({"ECHO", "e" + QByteArray::number(i)});
    return batch;
}

} // namespace

class TestRestHttp final : public QObject
{
    Q_OBJECT

    static UpstashRestOptions options(const ScriptedRestServer& server)
    {
        UpstashRestOptions o;
        o.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        o.token = kToken;
        o.retries = 3;
        o.backoffMs = 20;
        return o;
    }

private Q_SLOTS:
    void writeCutAfterItArrivedIsNotSentAgain_data()
    {
        QTest::addColumn<int>("bodyBytes");
        QTest::newRow("small body, one segment") << 100;
        QTest::newRow("large body, many segments") << 3 * 1024 * 1024;
    }

    void writeCutAfterItArrivedIsNotSentAgain()
    {
        // The server takes the whole request (it may have run it) and closes the connection
        // without a word. QNetworkAccessManager would send it again by itself on a new
        // connection; the store must not let it: one copy arrives, the outcome is unknown.
        QFETCH(int, bodyBytes);
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request&, int) { return closeWithoutAnswer(); });
        UpstashRestStore rest(options(server));
        const auto r = await(rest.execute({{"SET", "k", QByteArray(bodyBytes, 'v')}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("outcome-unknown"));
        QVERIFY2(r.error().message.contains(QStringLiteral("may or may not have been applied")),
                 qPrintable(r.error().message));
        QTest::qWait(300); // a hidden resend would come now
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(rest.requestCount(), 1);
        QVERIFY(!r.error().message.contains(QString::fromLatin1(kToken)));
    }

    void writeBatchCutInTheMiddleKeepsAnExactPrefix()
    {
        // Request 1 of 3 is answered, request 2 arrives and the connection closes: request 1
        // applied, request 2 unknown, request 3 never sent.
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int index) {
            return index == 1 ? closeWithoutAnswer() : ScriptedRestServer::echo(request);
        });
        UpstashRestOptions o = options(server);
        o.maxCommandsPerRequest = 10;
        UpstashRestStore rest(o);
        QVector<KvCommand> batch;
        for (int i = 0; i < 30; ++i)
            batch.append({"SET", "k" + QByteArray::number(i), "v"});
        const auto r = await(rest.execute(batch));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("outcome-unknown"));
        QVERIFY2(r.error().message.contains(QStringLiteral("10 earlier commands of the batch "
                                                           "were applied")),
                 qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("request 2 of 3")));
        QTest::qWait(300);
        QCOMPARE(server.requests.size(), 2);
    }

    void readCutAfterItArrivedIsSentAgain()
    {
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int index) {
            return index == 0 ? closeWithoutAnswer() : ScriptedRestServer::echo(request);
        });
        UpstashRestStore rest(options(server));
        const auto r = await(rest.execute({{"ECHO", "hello"}}));
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r.value().first(), KvReply::string("hello"));
        QCOMPARE(server.requests.size(), 2); // the store's own retry, counted
        QCOMPARE(rest.requestCount(), 2);
        QCOMPARE(server.connections, 2);
    }

    void noAnswerInTime_data()
    {
        QTest::addColumn<bool>("write");
        QTest::newRow("read: sent again, then given up") << false;
        QTest::newRow("write: outcome unknown") << true;
    }

    void noAnswerInTime()
    {
        QFETCH(bool, write);
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request&, int) {
            Answer silent;
            silent.silent = true;
            return silent;
        });
        UpstashRestOptions o = options(server);
        o.timeoutMs = 300;
        o.retries = 1;
        UpstashRestStore rest(o);
        QElapsedTimer clock;
        clock.start();
        const KvCommand command = write ? KvCommand{"SET", "k", "v"} : KvCommand{"GET", "k"};
        const auto r = await(rest.execute({command}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code,
                 write ? QStringLiteral("outcome-unknown") : QStringLiteral("unreachable"));
        QVERIFY2(r.error().message.contains(QStringLiteral("no answer within 300 ms")),
                 qPrintable(r.error().message));
        QCOMPARE(server.requests.size(), write ? 1 : 2);
        QVERIFY(clock.elapsed() < 5000);
    }

    void redirectIsNotFollowed()
    {
        ScriptedRestServer elsewhere;
        QVERIFY(elsewhere.listen());
        ScriptedRestServer server;
        QVERIFY(server.listen());
        const QByteArray location =
            "http://127.0.0.1:" + QByteArray::number(elsewhere.port()) + "/pipeline";
        server.setScript([location](const Request&, int) {
            Answer answer;
            answer.raw = "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location +
                         "\r\nContent-Length: 0\r\n\r\n";
            return answer;
        });
        UpstashRestStore rest(options(server));
        const auto r = await(rest.execute({{"SET", "a", "1"}, {"SET", "b", "2"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("rest-redirect"));
        QVERIFY2(r.error().message.contains(QStringLiteral("307")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QString::fromLatin1(location)));
        QTest::qWait(200);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(elsewhere.requests.size(), 0);
        QCOMPARE(elsewhere.connections, 0);
    }

    void cookiesAreNeitherKeptNorSent()
    {
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int) {
            Answer answer = ScriptedRestServer::echo(request);
            answer.raw.replace("HTTP/1.1 200 X\r\n",
                               "HTTP/1.1 200 X\r\nSet-Cookie: session=abc; Path=/\r\n");
            return answer;
        });
        UpstashRestStore rest(options(server));
        QVERIFY(await(rest.execute({{"ECHO", "1"}})).ok());
        QVERIFY(await(rest.execute({{"ECHO", "2"}})).ok());
        QCOMPARE(server.requests.size(), 2);
        QVERIFY(server.requests.at(0).header("set-cookie").isEmpty());
        QCOMPARE(server.requests.at(1).header("cookie"), QByteArray());
    }

    void protocolHeaders()
    {
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int) {
            Answer answer = ScriptedRestServer::echo(request);
            answer.raw.replace("HTTP/1.1 200 X\r\n",
                               "HTTP/1.1 200 X\r\nupstash-sync-token: sync-7\r\n");
            return answer;
        });
        UpstashRestStore rest(options(server));
        QVERIFY(await(rest.execute({{"ECHO", "1"}})).ok());
        QVERIFY(await(rest.execute({{"ECHO", "2"}, {"ECHO", "3"}})).ok());
        const Request& first = server.requests.at(0);
        QVERIFY(first.head.startsWith("POST / HTTP/1.1\r\n"));
        QCOMPARE(first.header("authorization"), "Bearer " + kToken);
        QCOMPARE(first.header("upstash-encoding"), QByteArray("base64"));
        QCOMPARE(first.header("content-type"), QByteArray("application/json"));
        QCOMPARE(first.header("upstash-sync-token"), QByteArray());
        QCOMPARE(first.body, QByteArray(R"(["ECHO","1"])"));
        const Request& second = server.requests.at(1);
        QVERIFY(second.head.startsWith("POST /pipeline HTTP/1.1\r\n"));
        QCOMPARE(second.header("upstash-sync-token"), QByteArray("sync-7"));
        QCOMPARE(server.connections, 1); // kept alive
    }

    void readsGoSeveralAtOnceWritesOneByOne_data()
    {
        QTest::addColumn<bool>("write");
        QTest::newRow("reads") << false;
        QTest::newRow("writes") << true;
    }

    void readsGoSeveralAtOnceWritesOneByOne()
    {
        QFETCH(bool, write);
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int) {
            Answer answer = ScriptedRestServer::echo(request);
            answer.delayMs = 50;
            return answer;
        });
        UpstashRestOptions o = options(server);
        o.maxCommandsPerRequest = 10;
        o.maxParallelReads = 3;
        UpstashRestStore rest(o);
        QVector<KvCommand> batch = echoes(120);
        if (write)
            batch.append({"SET", "k", "v"}); // one write makes the whole batch sequential
        const auto r = await(rest.execute(batch));
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(server.requests.size(), write ? 13 : 12);
        for (int i = 0; i < 120; ++i) // in order, whatever order the answers came in
            QCOMPARE(r.value().at(i), KvReply::string("e" + QByteArray::number(i)));
        QCOMPARE(server.maxOutstanding, write ? 1 : 3);
        QVERIFY(!server.overlappedOnOneConnection); // never pipelined
    }

    void oneFailedReadFailsTheBatch()
    {
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([](const Request& request, int) {
            if (request.body.contains("\"e25\""))
                return ScriptedRestServer::json(404, "{}");
            return ScriptedRestServer::echo(request);
        });
        UpstashRestOptions o = options(server);
        o.maxCommandsPerRequest = 10;
        UpstashRestStore rest(o);
        const auto r = await(rest.execute(echoes(100)));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("rest-not-found"));
    }

    void statusCodes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("write");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("requests");
        QTest::newRow("401") << 401 << QByteArray(R"({"error":"Unauthorized"})") << false
                             << QStringLiteral("unauthorized") << 1;
        QTest::newRow("403") << 403 << QByteArray(R"({"error":"NOPERM no"})") << true
                             << QStringLiteral("noperm") << 1;
        QTest::newRow("NOPERM in 200")
            << 200
            << QByteArray(R"([{"error":"NOPERM this user has no permissions"},{"result":"OK"}])")
            << true << QStringLiteral("noperm") << 1;
        QTest::newRow("404") << 404 << QByteArray("not here") << false
                             << QStringLiteral("rest-not-found") << 1;
        QTest::newRow("413") << 413 << QByteArray("too big") << true
                             << QStringLiteral("request-too-large") << 1;
        QTest::newRow("503 read: retried")
            << 503 << QByteArray("busy") << false << QStringLiteral("unreachable") << 4;
        QTest::newRow("503 write: not retried")
            << 503 << QByteArray("busy") << true << QStringLiteral("outcome-unknown") << 1;
        QTest::newRow("not JSON") << 200 << QByteArray("<html>") << false
                                  << QStringLiteral("rest-protocol") << 1;
    }

    void statusCodes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, write);
        QFETCH(QString, code);
        QFETCH(int, requests);
        ScriptedRestServer server;
        QVERIFY(server.listen());
        server.setScript([status, body](const Request&, int) {
            return ScriptedRestServer::json(status, body,
                                            status == 401 ? "WWW-Authenticate: Bearer\r\n" : "");
        });
        UpstashRestStore rest(options(server));
        const QVector<KvCommand> batch =
            write ? QVector<KvCommand>{{"SET", "a", "1"}, {"SET", "b", "2"}}
                  : QVector<KvCommand>{{"GET", "a"}, {"GET", "b"}};
        Result<KvStore::Replies> r = Error{};
        {
            const LogCapture log;
            r = await(rest.execute(batch));
        }
        QVERIFY(!LogCapture::lines().isEmpty()); // the store logged the failure
        for (const QString& line : LogCapture::lines())
            QVERIFY2(!line.contains(QString::fromLatin1(kToken)), qPrintable(line));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(server.requests.size(), requests);
        QVERIFY(!r.error().message.contains(QString::fromLatin1(kToken)));
    }

    void tokenThatWouldBreakTheHeaderIsRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("CR LF and a header") << QByteArray("abc\r\nX-Injected: 1");
        QTest::newRow("LF") << QByteArray("abc\ndef");
        QTest::newRow("CR") << QByteArray("abc\rdef");
        QTest::newRow("NUL") << QByteArray("abc\0def", 7);
        QTest::newRow("escape") << QByteArray("abc\x1b"
                                              "def");
    }

    void tokenThatWouldBreakTheHeaderIsRefused()
    {
        QFETCH(QByteArray, token);
        ScriptedRestServer server;
        QVERIFY(server.listen());
        UpstashRestOptions o = options(server);
        o.token = token;
        const Result<void> valid = UpstashRestStore::validate(o);
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, QStringLiteral("bad-token"));
        UpstashRestStore rest(o);
        const auto r = await(rest.execute({{"PING"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("bad-token"));
        QVERIFY(!r.error().message.contains(QStringLiteral("abc")));
        QTest::qWait(100);
        QCOMPARE(server.connections, 0);
        QCOMPARE(rest.requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRestHttp)
#include "tst_resthttp.moc"
