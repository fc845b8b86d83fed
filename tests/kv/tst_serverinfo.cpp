// ServerInfo (the server panel's data) on a real redis-server, directly and through the real
// pmkv-proxy: INFO server/memory/keyspace and DBSIZE, keys per database; a section the
// server refuses is reported, not fatal.
#include "kv/kvwait.h"
#include "kv/serverinfo.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "workflows/targetsession.h"

#include <QtTest>

using namespace pmkv;

class TestServerInfo final : public QObject
{
    Q_OBJECT

private:
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_proxy.setRedisUrl(m_redis.url());
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        m_redis.cli({QStringLiteral("SET"), QStringLiteral("a"), QStringLiteral("1")});
        m_redis.cli({QStringLiteral("SET"), QStringLiteral("b"), QStringLiteral("2")});
        m_redis.cli({QStringLiteral("-n"), QStringLiteral("3"), QStringLiteral("SET"),
                     QStringLiteral("c"), QStringLiteral("3")});
    }

    void realServer_data()
    {
        QTest::addColumn<bool>("viaProxy");
        QTest::newRow("redis") << false;
        QTest::newRow("pmkv-proxy") << true;
    }
    void realServer()
    {
        QFETCH(bool, viaProxy);
        ConnectionProfile p;
        p.name = QStringLiteral("local");
        p.kind = viaProxy ? ConnectionProfile::Kind::LocalProxy : ConnectionProfile::Kind::Redis;
        p.address = viaProxy ? m_proxy.url().toString() : m_redis.url();
        TargetSession::Options options;
        if (viaProxy)
            options.typedSecret = m_proxy.token();
        auto session = TargetSession::open(p, options);
        QVERIFY2(session, session ? "" : qPrintable(session.error().message));
        KvStore& store = session.value()->store();
        auto replies = waitFor(store, store.execute(ServerInfo::commands()));
        QVERIFY2(replies, replies ? "" : qPrintable(replies.error().message));
        const ServerInfo info = ServerInfo::parse(replies.value());
        QCOMPARE(info.sections.size(), 3);
        QCOMPARE(info.dbSize, 2);
        QVERIFY(info.value(QStringLiteral("server"), QStringLiteral("redis_version"))
                    .startsWith(QLatin1Char('7')));
        QVERIFY(
            !info.value(QStringLiteral("memory"), QStringLiteral("used_memory_human")).isEmpty());
        QCOMPARE(info.keysPerDatabase,
                 (QVector<QPair<QString, qint64>>{{QStringLiteral("db0"), 2},
                                                  {QStringLiteral("db3"), 1}}));
    }

    void refusedSectionIsReported()
    {
        const ServerInfo info =
            ServerInfo::parse({KvReply::error("ERR unknown command 'INFO'"),
                               KvReply::string("# Memory\r\nused_memory:10\r\n"),
                               KvReply::string(""), KvReply::fromInteger(7)});
        QCOMPARE(info.sections.at(0).error, QStringLiteral("ERR unknown command 'INFO'"));
        QCOMPARE(info.value(QStringLiteral("Memory"), QStringLiteral("used_memory")),
                 QStringLiteral("10"));
        QCOMPARE(info.dbSize, 7);
        QVERIFY(info.keysPerDatabase.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerInfo)
#include "tst_serverinfo.moc"
