#include "proxy/httprequestparser.h"
#include "proxy/proxyrouter.h"

#include <QtTest>

#include <algorithm>

using namespace pmkv;

namespace {

HttpRequest request(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
                    const QByteArray& token = "full",
                    const QList<QPair<QByteArray, QByteArray>>& extraHeaders = {})
{
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\n";
    if (!token.isEmpty())
        raw += "Authorization: Bearer " + token + "\r\n";
    for (const auto& h : extraHeaders)
        raw += h.first + ": " + h.second + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    HttpRequestParser p;
    p.append(raw);
    if (p.next() != HttpRequestParser::Status::Complete)
        qFatal("test request does not parse: %s", raw.constData());
    return p.takeRequest();
}

ProxyAuth auth()
{
    return ProxyAuth({"full", "second"}, {"ro"});
}

} // namespace

Q_DECLARE_METATYPE(ProxyPlan::Kind)

class TestProxyRouter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<ProxyPlan::Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QVector<KvCommand>>("commands");
        QTest::addColumn<QByteArray>("errorPart");

        using K = ProxyPlan::Kind;
        const QVector<KvCommand> none;
        const QByteArray ok;
        QTest::newRow("POST / command")
            << QByteArray("POST") << QByteArray("/") << QByteArray(R"(["SET","k","v",10])")
            << QByteArray("full") << K::Single << 200 << QVector<KvCommand>{{"SET", "k", "v", "10"}}
            << ok;
        QTest::newRow("path style GET") << QByteArray("GET") << QByteArray("/get/my%20key")
                                        << QByteArray() << QByteArray("full") << K::Single << 200
                                        << QVector<KvCommand>{{"get", "my key"}} << ok;
        QTest::newRow("path style POST body is the last argument")
            << QByteArray("POST") << QByteArray("/set/k?EX=100") << QByteArray("{\"a\":1}")
            << QByteArray("full") << K::Single << 200
            << QVector<KvCommand>{{"set", "k", "{\"a\":1}", "EX", "100"}} << ok;
        QTest::newRow("query flag and token excluded")
            << QByteArray("GET") << QByteArray("/set/k/v?NX&_token=second") << QByteArray()
            << QByteArray() << K::Single << 200 << QVector<KvCommand>{{"set", "k", "v", "NX"}}
            << ok;
        QTest::newRow("trailing slash")
            << QByteArray("GET") << QByteArray("/dbsize/") << QByteArray() << QByteArray("full")
            << K::Single << 200 << QVector<KvCommand>{{"dbsize"}} << ok;
        QTest::newRow("encoded slash in a key")
            << QByteArray("GET") << QByteArray("/get/a%2Fb") << QByteArray() << QByteArray("full")
            << K::Single << 200 << QVector<KvCommand>{{"get", "a/b"}} << ok;
        QTest::newRow("pipeline") << QByteArray("POST") << QByteArray("/pipeline")
                                  << QByteArray(R"([["SET","a",1],["INCR","a"]])")
                                  << QByteArray("full") << K::Pipeline << 200
                                  << QVector<KvCommand>{{"SET", "a", "1"}, {"INCR", "a"}} << ok;
        QTest::newRow("multi-exec")
            << QByteArray("POST") << QByteArray("/multi-exec") << QByteArray(R"([["GET","a"]])")
            << QByteArray("full") << K::Transaction << 200 << QVector<KvCommand>{{"GET", "a"}}
            << ok;
        QTest::newRow("subscribe") << QByteArray("POST") << QByteArray("/subscribe/news")
                                   << QByteArray("[]") << QByteArray("ro") << K::Subscribe << 200
                                   << QVector<KvCommand>{{"SUBSCRIBE", "news"}} << ok;
        QTest::newRow("psubscribe") << QByteArray("POST") << QByteArray("/psubscribe/n*")
                                    << QByteArray() << QByteArray("full") << K::Subscribe << 200
                                    << QVector<KvCommand>{{"PSUBSCRIBE", "n*"}} << ok;
        QTest::newRow("read-only token may read")
            << QByteArray("POST") << QByteArray("/") << QByteArray(R"(["GET","k"])")
            << QByteArray("ro") << K::Single << 200 << QVector<KvCommand>{{"GET", "k"}} << ok;

        // Refusals, in the documented order: method, token, route, body, permissions.
        QTest::newRow("PUT is 405")
            << QByteArray("PUT") << QByteArray("/") << QByteArray() << QByteArray("full")
            << K::Respond << 405 << none << QByteArray("method not allowed");
        QTest::newRow("DELETE without token is 405 first")
            << QByteArray("DELETE") << QByteArray("/get/k") << QByteArray() << QByteArray()
            << K::Respond << 405 << none << QByteArray("method not allowed");
        QTest::newRow("GET /pipeline is 405")
            << QByteArray("GET") << QByteArray("/pipeline") << QByteArray() << QByteArray("full")
            << K::Respond << 405 << none << QByteArray("use POST");
        QTest::newRow("no token") << QByteArray("POST") << QByteArray("/")
                                  << QByteArray("[\"PING\"]") << QByteArray() << K::Respond << 401
                                  << none << QByteArray("WRONGPASS invalid or missing auth token");
        QTest::newRow("wrong token")
            << QByteArray("POST") << QByteArray("/") << QByteArray("[\"PING\"]")
            << QByteArray("fulL") << K::Respond << 401 << none << QByteArray("WRONGPASS");
        QTest::newRow("prefix of a token")
            << QByteArray("POST") << QByteArray("/") << QByteArray("[\"PING\"]")
            << QByteArray("ful") << K::Respond << 401 << none << QByteArray("WRONGPASS");
        QTest::newRow("unknown route below pipeline")
            << QByteArray("POST") << QByteArray("/pipeline/x") << QByteArray("[]")
            << QByteArray("full") << K::Respond << 404 << none << QByteArray("not found");
        QTest::newRow("strange command name")
            << QByteArray("GET") << QByteArray("/%7Bx%7D/a") << QByteArray() << QByteArray("full")
            << K::Respond << 404 << none << QByteArray("not found");
        QTest::newRow("empty segment")
            << QByteArray("GET") << QByteArray("/get//a") << QByteArray() << QByteArray("full")
            << K::Respond << 404 << none << QByteArray("empty path segment");
        QTest::newRow("bad escape in path")
            << QByteArray("GET") << QByteArray("/get/%zz") << QByteArray() << QByteArray("full")
            << K::Respond << 400 << none << QByteArray("percent escape");
        QTest::newRow("bad body") << QByteArray("POST") << QByteArray("/") << QByteArray("{")
                                  << QByteArray("full") << K::Respond << 400 << none
                                  << QByteArray("ERR failed to parse the command body");
        QTest::newRow("empty pipeline")
            << QByteArray("POST") << QByteArray("/pipeline") << QByteArray("[]")
            << QByteArray("full") << K::Respond << 400 << none << QByteArray("empty");
        QTest::newRow("read-only token writes")
            << QByteArray("POST") << QByteArray("/") << QByteArray(R"(["SET","k","v"])")
            << QByteArray("ro") << K::Respond << 400 << none
            << QByteArray("NOPERM this user has no permissions to run the 'set' command");
        QTest::newRow("read-only token scans")
            << QByteArray("GET") << QByteArray("/scan/0") << QByteArray() << QByteArray("ro")
            << K::Respond << 400 << none << QByteArray("NOPERM");
        QTest::newRow("read-only token keys")
            << QByteArray("GET") << QByteArray("/keys/*") << QByteArray() << QByteArray("ro")
            << K::Respond << 400 << none << QByteArray("NOPERM");
        QTest::newRow("read-only token transaction with a write")
            << QByteArray("POST") << QByteArray("/multi-exec")
            << QByteArray(R"([["GET","a"],["DEL","a"]])") << QByteArray("ro") << K::Respond << 400
            << none << QByteArray("NOPERM");
        QTest::newRow("MULTI over the shared connection")
            << QByteArray("POST") << QByteArray("/") << QByteArray(R"(["multi"])")
            << QByteArray("full") << K::Respond << 400 << none << QByteArray("/multi-exec");
        QTest::newRow("SELECT") << QByteArray("GET") << QByteArray("/select/2") << QByteArray()
                                << QByteArray("full") << K::Respond << 400 << none
                                << QByteArray("connection state");
        QTest::newRow("blocking pop")
            << QByteArray("GET") << QByteArray("/blpop/q/0") << QByteArray() << QByteArray("full")
            << K::Respond << 400 << none << QByteArray("blocking");
        QTest::newRow("XREAD BLOCK")
            << QByteArray("POST") << QByteArray("/")
            << QByteArray(R"(["XREAD","block","0","STREAMS","s","$"])") << QByteArray("full")
            << K::Respond << 400 << none << QByteArray("BLOCK");
        QTest::newRow("subscribe without channel")
            << QByteArray("POST") << QByteArray("/subscribe") << QByteArray() << QByteArray("full")
            << K::Respond << 404 << none << QByteArray("channel");
    }

    void routes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, token);
        QFETCH(ProxyPlan::Kind, kind);
        QFETCH(int, status);
        QFETCH(QVector<KvCommand>, commands);
        QFETCH(QByteArray, errorPart);

        const ProxyPlan p = ProxyRouter::plan(request(method, target, body, token), auth());
        QCOMPARE(p.kind, kind);
        QCOMPARE(p.status, status);
        if (kind == ProxyPlan::Kind::Respond) {
            QVERIFY2(p.body.startsWith("{\"error\":\""), p.body.constData());
            QVERIFY2(p.body.contains(errorPart), p.body.constData());
        } else {
            QCOMPARE(p.commands, commands);
        }
    }

    void pipelineRefusalsAreItems()
    {
        // In a pipeline a refused command is one error item; the others still run.
        const ProxyPlan p = ProxyRouter::plan(
            request("POST", "/pipeline", R"([["GET","a"],["SET","a","1"],["KEYS","*"]])", "ro"),
            auth());
        QCOMPARE(p.kind, ProxyPlan::Kind::Pipeline);
        QCOMPARE(p.refused.size(), 2);
        QVERIFY(p.refused.value(1).startsWith("NOPERM"));
        QVERIFY(p.refused.value(2).startsWith("NOPERM"));
        QVERIFY(!p.writes);
    }

    void verdictsOfRepeatedNames()
    {
        // A pipeline's verdicts are worked out once per run of equal names, except where the
        // arguments matter: SCRIPT LOAD then SCRIPT FLUSH, XREAD then XREAD BLOCK, a write
        // after reads for a read-only token, a name in other case.
        const QByteArray body =
            R"([["SET","a","1"],["SET","b","2"],["SCRIPT","LOAD","x"],)"
            R"(["SCRIPT","FLUSH"],["SCRIPT","LOAD","y"],["XREAD","STREAMS","s","0"],)"
            R"(["XREAD","BLOCK","0","STREAMS","s","0"],["FLUSHALL"],["FLUSHALL"],)"
            R"(["set","c","3"]])";
        const ProxyPlan full = ProxyRouter::plan(request("POST", "/pipeline", body), auth());
        QCOMPARE(full.kind, ProxyPlan::Kind::Pipeline);
        QList<int> refused = full.refused.keys();
        std::sort(refused.begin(), refused.end());
        QCOMPARE(refused, (QList<int>{3, 6, 7, 8}));
        QVERIFY(full.refused.value(3).contains("SCRIPT FLUSH"));
        QVERIFY(full.refused.value(6).contains("BLOCK"));
        QVERIFY(full.writes);

        const ProxyPlan readOnly = ProxyRouter::plan(
            request("POST", "/pipeline", R"([["GET","a"],["GET","b"],["SET","a","1"],["GET","c"]])",
                    "ro"),
            auth());
        QCOMPARE(readOnly.refused.keys(), QList<int>{2});
        QVERIFY(!readOnly.writes);
        const ProxyPlan reads =
            ProxyRouter::plan(request("POST", "/pipeline", R"([["GET","a"],["GET","b"]])"), auth());
        QVERIFY(reads.refused.isEmpty());
        QVERIFY(!reads.writes);
    }

    void adminCommandsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("command");
        // Issue #21 item 8: these reached Redis through a full token.
        for (const char* c : {R"(["FLUSHALL"])",
                              R"(["flushdb"])",
                              R"(["CONFIG","SET","dir","/"])",
                              R"(["CONFIG","GET","*"])",
                              R"(["SHUTDOWN","NOSAVE"])",
                              R"(["REPLICAOF","10.0.0.1","6379"])",
                              R"(["SLAVEOF","NO","ONE"])",
                              R"(["ACL","SETUSER","x","on"])",
                              R"(["SAVE"])",
                              R"(["BGSAVE"])",
                              R"(["BGREWRITEAOF"])",
                              R"(["SCRIPT","FLUSH"])",
                              R"(["DEBUG","SLEEP","9"])",
                              R"(["MODULE","LOAD","/x.so"])",
                              R"(["FUNCTION","FLUSH"])",
                              R"(["MIGRATE","h","1","k","0","5"])",
                              R"(["SWAPDB","0","1"])",
                              R"(["CLUSTER","RESET"])",
                              R"(["FAILOVER"])",
                              R"(["MEMORY","PURGE"])"})
            QTest::newRow(c) << QByteArray(c);
    }

    void adminCommandsAreRefused()
    {
        QFETCH(QByteArray, command);
        const ProxyPlan single = ProxyRouter::plan(request("POST", "/", command), auth());
        QCOMPARE(single.kind, ProxyPlan::Kind::Respond);
        QCOMPARE(single.status, 400);
        QVERIFY2(single.body.contains("administration"), single.body.constData());
        const ProxyPlan pipeline = ProxyRouter::plan(
            request("POST", "/pipeline", "[[\"GET\",\"a\"]," + command + "]"), auth());
        QCOMPARE(pipeline.kind, ProxyPlan::Kind::Pipeline);
        QVERIFY(pipeline.refused.contains(1));
        QVERIFY(!pipeline.refused.contains(0));
        const ProxyPlan transaction =
            ProxyRouter::plan(request("POST", "/multi-exec", "[" + command + "]"), auth());
        QCOMPARE(transaction.status, 400);
        // A trusted local setup can allow them.
        const ProxyPlan allowed = ProxyRouter::plan(request("POST", "/", command), auth(), true);
        QCOMPARE(allowed.kind, ProxyPlan::Kind::Single);
    }

    void scriptsAndReadsStayAllowed()
    {
        for (const char* c : {R"(["SCRIPT","LOAD","return 1"])", R"(["SCRIPT","EXISTS","ab"])",
                              R"(["EVAL","return 1","0"])", R"(["MEMORY","USAGE","k"])",
                              R"(["INFO"])", R"(["DBSIZE"])"}) {
            const ProxyPlan p = ProxyRouter::plan(request("POST", "/", c), auth());
            QVERIFY2(p.kind == ProxyPlan::Kind::Single, c);
        }
    }

    void writesAndEncoding_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("writes");
        QTest::newRow("get") << QByteArray(R"(["GET","a"])") << false;
        QTest::newRow("set") << QByteArray(R"(["SET","a","b"])") << true;
        QTest::newRow("del lower case") << QByteArray(R"(["del","a"])") << true;
        QTest::newRow("publish") << QByteArray(R"(["PUBLISH","c","m"])") << true;
    }

    void writesAndEncoding()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, writes);
        const ProxyPlan plain = ProxyRouter::plan(request("POST", "/", body), auth());
        QCOMPARE(plain.writes, writes);
        QVERIFY(!plain.base64);
        const ProxyPlan b64 = ProxyRouter::plan(
            request("POST", "/", body, "full", {{"Upstash-Encoding", "BASE64"}}), auth());
        QVERIFY(b64.base64);
    }

    void tokenSources()
    {
        HttpRequest r = request("GET", "/ping?_token=ro", {}, {});
        QCOMPARE(auth().check(r), ProxyAuth::Access::ReadOnly);
        r = request("GET", "/ping", {}, {}, {{"Authorization", "bearer second"}});
        QCOMPARE(auth().check(r), ProxyAuth::Access::Full);
        r = request("GET", "/ping", {}, {}, {{"Authorization", "Basic full"}});
        QCOMPARE(auth().check(r), ProxyAuth::Access::Denied);
        QCOMPARE(ProxyAuth().check(request("GET", "/ping")), ProxyAuth::Access::Denied);
    }
};

QTEST_GUILESS_MAIN(TestProxyRouter)
#include "tst_proxyrouter.moc"
