// pmkv-proxy in front of a real Redis Cluster (--redis redis+cluster://...): the Upstash REST
// API as the application's client uses it (UpstashRestStore over HTTP): pipelines spread over
// the masters, MULTI/EXEC within one slot and Redis's CROSSSLOT error otherwise; then a whole
// `pmkv migrate --url` through the proxy, validated directly against the cluster; PUBLISH
// counting the proxy's subscribers whichever node its address names first.
#include "awaitfuture.h"
#include "generate/treegenerator.h"
#include "kv/hashslot.h"
#include "pmkvrun.h"
#include "proxyprocess.h"
#include "rediscluster.h"
#include "rest/upstashreststore.h"
#include "testtree.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

using namespace pmkv;
using namespace pmkv::test;

class TestClusterProxy final : public QObject
{
    Q_OBJECT

    RedisCluster m_cluster;
    ProxyProcess m_proxy;
    TestTree m_dir;

    // An event stream of `proxy` (POST /subscribe/... or /psubscribe/...) on `socket`, read
    // into `stream` until it holds `first`.
    static bool openEvents(QTcpSocket& socket, const ProxyProcess& proxy, const QByteArray& path,
                           QByteArray& stream, const QByteArray& first)
    {
        socket.connectToHost(QHostAddress::LocalHost, proxy.port());
        if (!socket.waitForConnected(5000))
            return false;
        socket.write(QByteArray("POST " + path +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                proxy.token() + "\r\nContent-Length: 0\r\n\r\n"));
        return readUntil(socket, stream, first);
    }
    static bool readUntil(QTcpSocket& socket, QByteArray& stream, const QByteArray& what)
    {
        const QDeadlineTimer deadline(10000);
        // What arrived while an event loop ran elsewhere is in the buffer already.
        stream += socket.readAll();
        while (!stream.contains(what) && !deadline.hasExpired()) {
            socket.waitForReadyRead(100);
            stream += socket.readAll();
        }
        return stream.contains(what);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        m_proxy.setRedisUrl(m_cluster.url());
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
    }

    void restApiOverTheCluster()
    {
        UpstashRestOptions options;
        options.url = m_proxy.url();
        options.token = m_proxy.token();
        UpstashRestStore rest(options);
        QVERIFY(HashSlot::of("a") != HashSlot::of("b"));
        const auto r = await(rest.execute(
            {{"SET", "a", "1"}, {"SET", "b", "2"}, {"MGET", "a", "b", "c"}, {"DBSIZE"}}));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().at(2),
                 KvReply::array({KvReply::string("1"), KvReply::string("2"), KvReply::nil()}));
        QCOMPARE(r.value().at(3).integer, 2);
        // Each key is on the master of its slot.
        QCOMPARE(m_cluster.cli(m_cluster.masterOf(HashSlot::of("b")),
                               {QStringLiteral("get"), QStringLiteral("b")}),
                 QByteArray("2"));

        const auto same = await(rest.executeAtomic({{"SET", "{t}x", "1"}, {"INCR", "{t}y"}}));
        QVERIFY2(same.ok(), qPrintable(same.ok() ? QString() : same.error().message));
        QCOMPARE(same.value().at(1).integer, 1);
        const auto cross = await(rest.executeAtomic({{"SET", "a", "9"}, {"SET", "b", "9"}}));
        QVERIFY(!cross.ok());
        QCOMPARE(cross.error().code, QStringLiteral("redis-execabort"));
        QVERIFY2(cross.error().message.contains(QStringLiteral("CROSSSLOT")),
                 qPrintable(cross.error().message));
        QCOMPARE(await(rest.execute({{"GET", "a"}})).value().at(0), KvReply::string("1"));
        QVERIFY(m_cluster.local().flush().ok());
    }

    void migrateThroughTheProxyValidateDirectly()
    {
        const QString root = m_dir.path(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.epicsPerProject = 4;
        options.storiesPerEpic = 30;
        QVERIFY(TreeGenerator::generate(root, options).ok());
        const QString state = m_dir.path(QStringLiteral("state"));
        const QHash<QString, QString> env{
            {QStringLiteral("PMKV_TOKEN"), QString::fromUtf8(m_proxy.token())}};
        const PmkvRun migrate = runPmkv({QStringLiteral("migrate"), root, QStringLiteral("--url"),
                                         m_proxy.url().toString(), QStringLiteral("--state-dir"),
                                         state, QStringLiteral("--json")},
                                        env);
        QVERIFY2(migrate.exitCode == 0, migrate.err.constData());
        const int written = migrate.json()
                                .value(QStringLiteral("migration"))
                                .toObject()
                                .value(QStringLiteral("written"))
                                .toInt();
        QVERIFY(written > 120);
        const PmkvRun validate =
            runPmkv({QStringLiteral("validate"), root, QStringLiteral("--redis"), m_cluster.url(),
                     QStringLiteral("--state-dir"), state, QStringLiteral("--json")});
        QVERIFY2(validate.exitCode == 0, validate.out.left(2000).constData());
        QCOMPARE(validate.json()
                     .value(QStringLiteral("validation"))
                     .toObject()
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("same"))
                     .toInt(),
                 written);
    }

    // PUBLISH answers how many subscribers got the message, and on a cluster Redis counts only
    // those on the node that took the PUBLISH. The proxy's address names a replica first
    // (PUBLISH never goes to one), and the channel's slot is not served by slot 0's master:
    // the count is right only if subscriptions and PUBLISH meet on one node.
    void publishCountsTheProxysSubscribers()
    {
        const QVector<quint16> masters = m_cluster.masters();
        QCOMPARE(masters.size(), 3);
        QStringList nodes;
        for (quint16 port : m_cluster.local().ports()) {
            if (!masters.contains(port))
                nodes.append(QStringLiteral("127.0.0.1:%1").arg(port));
        }
        for (quint16 port : masters)
            nodes.append(QStringLiteral("127.0.0.1:%1").arg(port));
        QCOMPARE(nodes.size(), 6);
        ProxyProcess proxy;
        proxy.setRedisUrl(QStringLiteral("redis+cluster://") + nodes.join(QLatin1Char(',')));
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        QByteArray channel = "news:0";
        for (int i = 1; m_cluster.masterOf(HashSlot::of(channel)) == m_cluster.masterOf(0); ++i)
            channel = "news:" + QByteArray::number(i);

        QTcpSocket sub;
        QTcpSocket psub;
        QByteArray stream;
        QByteArray pstream;
        QVERIFY2(openEvents(sub, proxy, "/subscribe/" + channel, stream,
                            "data: subscribe," + channel + ",1\n\n"),
                 stream.constData());
        QVERIFY2(
            openEvents(psub, proxy, "/psubscribe/news:*", pstream, "data: psubscribe,news:*,1\n\n"),
            pstream.constData());

        UpstashRestOptions options;
        options.url = proxy.url();
        options.token = proxy.token();
        UpstashRestStore rest(options);
        const auto one = await(rest.execute({{"PUBLISH", channel, "one"}}));
        QVERIFY2(one.ok(), qPrintable(one.ok() ? QString() : one.error().message));
        QCOMPARE(one.value().at(0), KvReply::fromInteger(2));
        const auto two = await(rest.execute({{"SET", "news-key", "x"},
                                             {"PUBLISH", channel, "two"},
                                             {"PUBLISH", channel, "three"}}));
        QVERIFY2(two.ok(), qPrintable(two.ok() ? QString() : two.error().message));
        QCOMPARE(two.value().at(1), KvReply::fromInteger(2));
        QCOMPARE(two.value().at(2), KvReply::fromInteger(2));
        QVERIFY2(readUntil(sub, stream, "data: message," + channel + ",three\n\n"),
                 stream.constData());
        QVERIFY(stream.contains(QByteArray("data: message," + channel + ",one\n\n")));
        QVERIFY2(readUntil(psub, pstream, "data: pmessage,news:*," + channel + ",three\n\n"),
                 pstream.constData());
        // Published on another node, by someone else: it reaches them too (the cluster bus).
        m_cluster.cli(masters.last(), {QStringLiteral("publish"), QString::fromUtf8(channel),
                                       QStringLiteral("direct")});
        QVERIFY2(readUntil(sub, stream, "data: message," + channel + ",direct\n\n"),
                 stream.constData());

        // The subscribers gone, their connections go too: nobody counts any more.
        sub.abort();
        psub.abort();
        QTRY_COMPARE_WITH_TIMEOUT(
            await(rest.execute({{"PUBLISH", channel, "gone"}})).value().value(0),
            KvReply::fromInteger(0), 5000);
        QVERIFY(m_cluster.local().flush().ok());
    }
};

QTEST_GUILESS_MAIN(TestClusterProxy)
#include "tst_clusterproxy.moc"
