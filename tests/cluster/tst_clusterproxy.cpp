// pmkv-proxy in front of a real Redis Cluster (--redis redis+cluster://...): the Upstash REST
// API as the application's client uses it (UpstashRestStore over HTTP): pipelines spread over
// the masters, MULTI/EXEC within one slot and Redis's CROSSSLOT error otherwise; then a whole
// `pmkv migrate --url` through the proxy, validated directly against the cluster.
#include "awaitfuture.h"
#include "generate/treegenerator.h"
#include "kv/hashslot.h"
#include "pmkvrun.h"
#include "proxyprocess.h"
#include "rediscluster.h"
#include "rest/upstashreststore.h"
#include "testtree.h"

#include <QJsonObject>
#include <QtTest>

using namespace pmkv;
using namespace pmkv::test;

class TestClusterProxy final : public QObject
{
    Q_OBJECT

    RedisCluster m_cluster;
    ProxyProcess m_proxy;
    TestTree m_dir;

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
};

QTEST_GUILESS_MAIN(TestClusterProxy)
#include "tst_clusterproxy.moc"
