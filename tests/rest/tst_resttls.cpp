// UpstashRestStore over TLS, with a throw-away certificate made by openssl for the test:
// refused when untrusted (nothing of the request is sent, no retry), accepted with its CA;
// HTTP/2 where the server offers it and the TLS session resumed on a new connection, against
// node's own HTTP/2 server (h2server.mjs; skipped without node).
#include "awaitfuture.h"
#include "rest/upstashreststore.h"
#include "scriptedrestserver.h"
#include "testcertificate.h"

#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace pmkv;
using pmkv::test::await;
using pmkv::test::ScriptedRestServer;
using pmkv::test::TestCertificate;

namespace {

QString messageOf(const Result<KvStore::Replies>& r)
{
    return r.ok() ? QString() : r.error().code + QStringLiteral(": ") + r.error().message;
}

} // namespace

class TestRestTls final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestCertificate m_cert;

    // node h2server.mjs on a free port, and the options of a store that trusts it; false
    // when node is missing.
    bool startNode(QProcess& node, UpstashRestOptions& options)
    {
        node.start(QStringLiteral("node"), {QStringLiteral(PMKV_REST_TEST_DIR "/h2server.mjs"),
                                            m_cert.keyFile, m_cert.certificateFile});
        if (!node.waitForStarted(5000))
            return false;
        if (!QTest::qWaitFor([&] { return node.canReadLine(); }, 10000))
            return false;
        const quint16 port = quint16(node.readLine().trimmed().toUInt());
        options.url = QUrl(QStringLiteral("https://localhost:%1").arg(port));
        options.token = "h2-token";
        options.caCertificates = {m_cert.certificate};
        return port != 0;
    }

    // What the node server says about the request that carried this ECHO.
    static QString howItCame(UpstashRestStore& rest)
    {
        const auto r = await(rest.execute({{"ECHO", "how"}}));
        return r.ok() ? QString::fromUtf8(r.value().first().bytes) : messageOf(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend in this Qt");
        QVERIFY(m_dir.isValid());
        m_cert = TestCertificate::make(
            m_dir.path(), {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")});
        if (m_cert.isNull())
            QSKIP(qPrintable(m_cert.error));
    }

    void certificate_data()
    {
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("host");
        QTest::newRow("self-signed certificate is refused") << false << QStringLiteral("localhost");
        QTest::newRow("refused by IP too") << false << QStringLiteral("127.0.0.1");
        QTest::newRow("trusted when its CA is given") << true << QStringLiteral("localhost");
    }

    void certificate()
    {
        QFETCH(bool, trustCa);
        QFETCH(QString, host);
        ScriptedRestServer server;
        QVERIFY(server.listenTls(m_cert.certificate, m_cert.key));
        UpstashRestOptions o;
        o.url = QUrl(QStringLiteral("https://%1:%2").arg(host).arg(server.port()));
        o.token = "tls-token";
        o.retries = 3;
        if (trustCa)
            o.caCertificates = {m_cert.certificate};
        UpstashRestStore rest(o);
        const auto r = await(rest.execute({{"ECHO", "PONG"}}));
        if (!trustCa) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("tls"));
            QVERIFY2(r.error().message.contains(QStringLiteral("certificate")),
                     qPrintable(r.error().message));
            QVERIFY(!r.error().message.contains(QStringLiteral("tls-token")));
            QVERIFY(server.requests.isEmpty()); // not a byte of the request was sent
            QCOMPARE(rest.requestCount(), 1);   // and it is not retried
            return;
        }
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r.value().first(), KvReply::string("PONG"));
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(server.requests.first().header("authorization"), QByteArray("Bearer tls-token"));
        const auto piped = await(rest.execute({{"ECHO", "a"}, {"ECHO", "b"}}));
        QVERIFY2(piped.ok(), qPrintable(messageOf(piped)));
        QCOMPARE(piped.value(), (KvStore::Replies{KvReply::string("a"), KvReply::string("b")}));
        QCOMPARE(server.connections, 1); // the TLS connection was kept
    }

    void http2WhereOffered()
    {
        QProcess node;
        UpstashRestOptions o;
        if (!startNode(node, o))
            QSKIP("node is not available: cannot start an HTTP/2 server");
        UpstashRestStore rest(o);
        QCOMPARE(howItCame(rest), QStringLiteral("2.0 new 1"));
        QCOMPARE(howItCame(rest), QStringLiteral("2.0 new 1")); // the same connection
        // Several reads at once share the one HTTP/2 connection (of another store: a new one,
        // which resumes the TLS session).
        UpstashRestOptions parallel = o;
        parallel.maxCommandsPerRequest = 1;
        UpstashRestStore many(parallel);
        QVector<KvCommand> batch(8, KvCommand{"ECHO", "how"});
        const auto r = await(many.execute(batch));
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        for (const KvReply& reply : r.value())
            QCOMPARE(reply.bytes, QByteArray("2.0 reused 2"));
        node.kill();
        node.waitForFinished();
    }

    void tlsSessionIsResumedOnANewConnection()
    {
        // A second store (its own network manager, so a new connection) resumes the TLS 1.3
        // session the first one was handed, through TlsSessionCache.
        QProcess node;
        UpstashRestOptions o;
        if (!startNode(node, o))
            QSKIP("node is not available: cannot start an HTTP/2 server");
        {
            UpstashRestStore first(o);
            QCOMPARE(howItCame(first), QStringLiteral("2.0 new 1"));
        }
        UpstashRestStore second(o);
        QCOMPARE(howItCame(second), QStringLiteral("2.0 reused 2"));
        node.kill();
        node.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestRestTls)
#include "tst_resttls.moc"
