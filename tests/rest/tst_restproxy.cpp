// The HTTP proxy of a REST connection: the profile's choice (RestProxy: system / none /
// manual) read, written and kept in the profile file; the proxies it gives (RestProxyFactory:
// never for loopback); and UpstashRestStore through a small HTTP CONNECT proxy started here,
// to a TLS test server under a name only that proxy "resolves".
#include "awaitfuture.h"
#include "connections/connectionprofile.h"
#include "connections/profilestore.h"
#include "connectproxy.h"
#include "redisserver.h"
#include "rest/restproxyfactory.h"
#include "rest/upstashreststore.h"
#include "scriptedrestserver.h"
#include "testcertificate.h"

#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace pmkv;
using pmkv::test::await;
using pmkv::test::ConnectProxy;
using pmkv::test::ScriptedRestServer;
using pmkv::test::TestCertificate;

namespace {

const QString kHost = QStringLiteral("kv.pmkv.test"); // resolves nowhere but in ConnectProxy

QString messageOf(const Result<KvStore::Replies>& r)
{
    return r.ok() ? QString() : r.error().code + QStringLiteral(": ") + r.error().message;
}

// Sets (or clears) the proxy variables of this process for one scope.
class ProxyEnvironment final
{
public:
    explicit ProxyEnvironment(const QByteArray& proxy)
    {
        for (const char* name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                 "no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY"}) {
            if (qEnvironmentVariableIsSet(name))
                m_saved.append({name, qgetenv(name)});
            qunsetenv(name);
        }
        if (!proxy.isEmpty()) {
            qputenv("http_proxy", proxy);
            qputenv("https_proxy", proxy);
        }
    }
    ~ProxyEnvironment()
    {
        qunsetenv("http_proxy");
        qunsetenv("https_proxy");
        for (const auto& [name, value] : m_saved)
            qputenv(name.constData(), value);
    }

private:
    QList<QPair<QByteArray, QByteArray>> m_saved;
};

} // namespace

class TestRestProxy final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCertificate m_cert;

    UpstashRestOptions tlsOptions(const ScriptedRestServer& server, const RestProxy& proxy) const
    {
        UpstashRestOptions o;
        o.url = QUrl(QStringLiteral("https://%1:%2").arg(kHost).arg(server.port()));
        o.token = "proxied-s3cr3t";
        o.caCertificates = {m_cert.certificate};
        o.proxy = proxy;
        o.retries = 1;
        o.backoffMs = 10;
        return o;
    }

    static RestProxy manual(quint16 port)
    {
        return RestProxy::parse(QStringLiteral("http://127.0.0.1:%1").arg(port)).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QSslSocket::supportsSsl())
            return;
        m_cert = TestCertificate::make(m_dir.path(), {QStringLiteral("DNS:") + kHost});
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // toString(), or the error code
        QTest::newRow("empty is system") << QString() << QStringLiteral("system");
        QTest::newRow("system") << QStringLiteral("System") << QStringLiteral("system");
        QTest::newRow("none") << QStringLiteral(" none ") << QStringLiteral("none");
        QTest::newRow("http") << QStringLiteral("http://proxy.corp:3128")
                              << QStringLiteral("http://proxy.corp:3128");
        QTest::newRow("trailing slash") << QStringLiteral("http://proxy.corp:3128/")
                                        << QStringLiteral("http://proxy.corp:3128");
        QTest::newRow("socks5") << QStringLiteral("socks5://10.0.0.1:1080")
                                << QStringLiteral("socks5://10.0.0.1:1080");
        QTest::newRow("no port") << QStringLiteral("http://proxy.corp")
                                 << QStringLiteral("bad-proxy");
        QTest::newRow("ftp") << QStringLiteral("ftp://proxy:21") << QStringLiteral("bad-proxy");
        QTest::newRow("word") << QStringLiteral("sometimes") << QStringLiteral("bad-proxy");
        QTest::newRow("credentials")
            << QStringLiteral("http://bob:hunter2@proxy:3128") << QStringLiteral("bad-proxy");
        QTest::newRow("path") << QStringLiteral("http://proxy:3128/x")
                              << QStringLiteral("bad-proxy");
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<RestProxy> proxy = RestProxy::parse(text);
        if (expected.startsWith(QLatin1String("bad-"))) {
            QVERIFY(!proxy.ok());
            QCOMPARE(proxy.error().code, expected);
            QVERIFY(!proxy.error().message.contains(QStringLiteral("hunter2")));
            return;
        }
        QVERIFY2(proxy.ok(), qPrintable(proxy.ok() ? QString() : proxy.error().message));
        QCOMPARE(proxy.value().toString(), expected);
        QCOMPARE(RestProxy::parse(proxy.value().toString()).value(), proxy.value());
    }

    void factory_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("type");
        const int none = QNetworkProxy::NoProxy;
        const int http = QNetworkProxy::HttpProxy;
        QTest::newRow("none") << QStringLiteral("none") << QStringLiteral("https://eu1.upstash.io")
                              << none;
        QTest::newRow("manual") << QStringLiteral("http://127.0.0.1:9")
                                << QStringLiteral("https://eu1.upstash.io") << http;
        QTest::newRow("manual, loopback") << QStringLiteral("http://127.0.0.1:9")
                                          << QStringLiteral("http://127.0.0.1:8080") << none;
        QTest::newRow("system") << QStringLiteral("system")
                                << QStringLiteral("https://eu1.upstash.io") << http;
        QTest::newRow("system, localhost")
            << QStringLiteral("system") << QStringLiteral("http://localhost:8080") << none;
        QTest::newRow("system, ::1")
            << QStringLiteral("system") << QStringLiteral("http://[::1]:8080") << none;
    }

    void factory()
    {
        QFETCH(QString, choice);
        QFETCH(QString, url);
        QFETCH(int, type);
        const ProxyEnvironment env("http://127.0.0.1:9"); // what "system" finds
        RestProxyFactory factory(RestProxy::parse(choice).value());
        const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
        QVERIFY(!proxies.isEmpty());
        QCOMPARE(int(proxies.first().type()), type);
        if (type == QNetworkProxy::HttpProxy) {
            QCOMPARE(proxies.first().hostName(), QStringLiteral("127.0.0.1"));
            QCOMPARE(proxies.first().port(), quint16(9));
        }
    }

    void profileKeepsTheChoice()
    {
        ProfileStore profiles(m_dir.filePath(QStringLiteral("connections.ini")));
        ConnectionProfile p;
        p.name = QStringLiteral("corp");
        p.kind = ConnectionProfile::Kind::Upstash;
        p.address = QStringLiteral("https://eu1-x.upstash.io");
        QVERIFY(profiles.save(p, false).ok());
        QCOMPARE(profiles.find(QStringLiteral("corp")).value().proxy.mode, RestProxy::Mode::System);
        p.proxy = RestProxy::parse(QStringLiteral("http://proxy.corp:3128")).value();
        QVERIFY(profiles.save(p, true).ok());
        QCOMPARE(profiles.find(QStringLiteral("corp")).value().proxy.toString(),
                 QStringLiteral("http://proxy.corp:3128"));
        p.proxy = RestProxy::parse(QStringLiteral("none")).value();
        QVERIFY(profiles.save(p, true).ok());
        QCOMPARE(profiles.find(QStringLiteral("corp")).value().proxy.mode, RestProxy::Mode::None);
    }

    void throughAManualProxy()
    {
        if (m_cert.isNull())
            QSKIP("no test certificate (TLS backend or openssl missing)");
        const ProxyEnvironment env(""); // the system has none
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        ScriptedRestServer server;
        QVERIFY(server.listenTls(m_cert.certificate, m_cert.key));
        UpstashRestStore rest(tlsOptions(server, manual(proxy.port())));
        const auto r = await(rest.execute({{"ECHO", "via proxy"}}));
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r.value().first(), KvReply::string("via proxy"));
        QCOMPARE(proxy.targets, QStringList{QStringLiteral("%1:%2").arg(kHost).arg(server.port())});
        // The token went inside the tunnel, never to the proxy in clear.
        for (const QByteArray& head : proxy.heads)
            QVERIFY(!head.contains("s3cr3t"));
        QCOMPARE(server.requests.first().header("authorization"),
                 QByteArray("Bearer proxied-s3cr3t"));
    }

    void theSystemProxy_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::newRow("system: through it") << QStringLiteral("system");
        QTest::newRow("none: ignores it") << QStringLiteral("none");
    }

    void theSystemProxy()
    {
        QFETCH(QString, choice);
        if (m_cert.isNull())
            QSKIP("no test certificate (TLS backend or openssl missing)");
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        const ProxyEnvironment env("http://127.0.0.1:" + QByteArray::number(proxy.port()));
        ScriptedRestServer server;
        QVERIFY(server.listenTls(m_cert.certificate, m_cert.key));
        UpstashRestStore rest(tlsOptions(server, RestProxy::parse(choice).value()));
        const auto r = await(rest.execute({{"ECHO", "hello"}}));
        if (choice == QLatin1String("system")) {
            QVERIFY2(r.ok(), qPrintable(messageOf(r)));
            QCOMPARE(proxy.targets.size(), 1);
            return;
        }
        QVERIFY(!r.ok()); // the name resolves nowhere without the proxy
        QCOMPARE(r.error().code, QStringLiteral("unreachable"));
        QVERIFY(proxy.heads.isEmpty());
    }

    void loopbackNeverGoesThroughAProxy()
    {
        const ProxyEnvironment env("");
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        ScriptedRestServer server;
        QVERIFY(server.listen());
        UpstashRestOptions o;
        o.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        o.token = "t";
        o.proxy = manual(proxy.port());
        UpstashRestStore rest(o);
        const auto r = await(rest.execute({{"ECHO", "local"}}));
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QVERIFY(proxy.heads.isEmpty());
    }

    void proxyAskingForCredentials()
    {
        if (m_cert.isNull())
            QSKIP("no test certificate (TLS backend or openssl missing)");
        const ProxyEnvironment env("");
        ConnectProxy proxy;
        proxy.requireCredentials = true;
        QVERIFY(proxy.listen());
        ScriptedRestServer server;
        QVERIFY(server.listenTls(m_cert.certificate, m_cert.key));
        UpstashRestStore rest(tlsOptions(server, manual(proxy.port())));
        const auto r = await(rest.execute({{"SET", "k", "v"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("proxy-auth"));
        QVERIFY(server.requests.isEmpty());
    }

    void proxyNotRunning()
    {
        if (m_cert.isNull())
            QSKIP("no test certificate (TLS backend or openssl missing)");
        const ProxyEnvironment env("");
        ScriptedRestServer server;
        QVERIFY(server.listenTls(m_cert.certificate, m_cert.key));
        UpstashRestStore rest(tlsOptions(server, manual(pmkv::test::RedisServer::freePort())));
        const auto r = await(rest.execute({{"SET", "k", "v"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("unreachable")); // a write never sent: retried
        QVERIFY2(r.error().message.contains(QStringLiteral("proxy"), Qt::CaseInsensitive),
                 qPrintable(r.error().message));
        QCOMPARE(rest.requestCount(), 2);
        QVERIFY(server.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestProxy)
#include "tst_restproxy.moc"
