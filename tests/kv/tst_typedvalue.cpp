// TypedValueRead on both transports a user has: a real redis-server directly (hiredis) and
// the real pmkv-proxy in front of it (Upstash REST): each type's rows, the count, the cap
// ("first N of M"), a hash too big for one SCAN page but within the cap read whole.
#include "kv/kvwait.h"
#include "kv/typedvalue.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "workflows/targetsession.h"

#include <QtTest>

using namespace pmkv;

class TestTypedValue final : public QObject
{
    Q_OBJECT

private:
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;

    std::unique_ptr<TargetSession> open(bool viaProxy)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("local");
        p.kind = viaProxy ? ConnectionProfile::Kind::LocalProxy : ConnectionProfile::Kind::Redis;
        p.address = viaProxy ? m_proxy.url().toString() : m_redis.url();
        TargetSession::Options options;
        if (viaProxy)
            options.typedSecret = m_proxy.token();
        auto session = TargetSession::open(p, options);
        return session ? std::move(session).value() : nullptr;
    }
    // The whole read as KvLoader does it: commands(), completion() when asked, parse().
    static Result<TypedValue> read(KvStore& store, const QByteArray& key, const QByteArray& type,
                                   int cap)
    {
        auto replies = waitFor(store, store.execute(TypedValueRead::commands(key, type, cap)));
        if (!replies)
            return replies.error();
        QVector<KvReply> r = replies.value();
        const KvCommand more = TypedValueRead::completion(key, type, r, cap);
        if (!more.isEmpty()) {
            auto whole = waitFor(store, store.execute({more}));
            if (!whole)
                return whole.error();
            r[1] = whole.value().value(0);
        }
        return TypedValueRead::parse(type, r, cap);
    }
    void cli(const QStringList& args) { m_redis.cli(args); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_proxy.setRedisUrl(m_redis.url());
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        cli({QStringLiteral("HSET"), QStringLiteral("h"), QStringLiteral("b"), QStringLiteral("2"),
             QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("c"),
             QStringLiteral("three")});
        cli({QStringLiteral("RPUSH"), QStringLiteral("l"), QStringLiteral("x"), QStringLiteral("y"),
             QStringLiteral("z")});
        cli({QStringLiteral("SADD"), QStringLiteral("s"), QStringLiteral("m2"),
             QStringLiteral("m1")});
        cli({QStringLiteral("ZADD"), QStringLiteral("z"), QStringLiteral("2.5"),
             QStringLiteral("second"), QStringLiteral("1"), QStringLiteral("first")});
        cli({QStringLiteral("XADD"), QStringLiteral("x"), QStringLiteral("1-1"),
             QStringLiteral("kind"), QStringLiteral("created"), QStringLiteral("by"),
             QStringLiteral("ann")});
        cli({QStringLiteral("XADD"), QStringLiteral("x"), QStringLiteral("2-0"),
             QStringLiteral("kind"), QStringLiteral("moved")});
        QStringList big{QStringLiteral("RPUSH"), QStringLiteral("biglist")};
        for (int i = 0; i < 30; ++i)
            big << QString::number(i);
        cli(big);
        // 300 fields: a real hash table (not a listpack), so one HSCAN page is not all of it.
        QStringList wide{QStringLiteral("HSET"), QStringLiteral("widehash")};
        for (int i = 0; i < 300; ++i)
            wide << QStringLiteral("f%1").arg(i, 3, 10, QLatin1Char('0')) << QString::number(i);
        cli(wide);
    }

    void eachType_data()
    {
        QTest::addColumn<bool>("viaProxy");
        QTest::newRow("redis") << false;
        QTest::newRow("pmkv-proxy") << true;
    }
    void eachType()
    {
        QFETCH(bool, viaProxy);
        auto session = open(viaProxy);
        QVERIFY(session);
        KvStore& store = session->store();

        auto hash = read(store, "h", "hash", 1000);
        QVERIFY2(hash, hash ? "" : qPrintable(hash.error().message));
        QCOMPARE(hash.value().total, 3);
        QCOMPARE(hash.value().rows,
                 (QVector<QVector<QByteArray>>{{"a", "1"}, {"b", "2"}, {"c", "three"}}));
        QVERIFY(!hash.value().isPartial());

        auto list = read(store, "l", "list", 1000);
        QVERIFY(list);
        QCOMPARE(list.value().rows,
                 (QVector<QVector<QByteArray>>{{"0", "x"}, {"1", "y"}, {"2", "z"}}));

        auto set = read(store, "s", "set", 1000);
        QVERIFY(set);
        QCOMPARE(set.value().rows, (QVector<QVector<QByteArray>>{{"m1"}, {"m2"}}));

        auto zset = read(store, "z", "zset", 1000);
        QVERIFY(zset);
        QCOMPARE(zset.value().rows,
                 (QVector<QVector<QByteArray>>{{"first", "1"}, {"second", "2.5"}}));

        auto stream = read(store, "x", "stream", 1000);
        QVERIFY(stream);
        QCOMPARE(stream.value().total, 2);
        QCOMPARE(stream.value().rows, (QVector<QVector<QByteArray>>{{"1-1", "kind=created by=ann"},
                                                                    {"2-0", "kind=moved"}}));

        // The cap: the first 10 of 30, and the count says so.
        auto capped = read(store, "biglist", "list", 10);
        QVERIFY(capped);
        QCOMPARE(capped.value().total, 30);
        QCOMPARE(capped.value().rows.size(), 10);
        QVERIFY(capped.value().isPartial());
        QCOMPARE(capped.value().rows.last(), (QVector<QByteArray>{"9", "9"}));

        // 300 fields within a cap of 1000: all of them, whatever one HSCAN page brings.
        auto wide = read(store, "widehash", "hash", 1000);
        QVERIFY(wide);
        QCOMPARE(wide.value().total, 300);
        QCOMPARE(wide.value().rows.size(), 300);
        QCOMPARE(wide.value().rows.first(), (QVector<QByteArray>{"f000", "0"}));
        // Above the cap: one page of about the cap, never the whole key.
        auto page = read(store, "widehash", "hash", 50);
        QVERIFY(page);
        QVERIFY(page.value().rows.size() <= 50);
        QVERIFY(page.value().rows.size() > 0);
        QVERIFY(page.value().isPartial());
    }

    void wrongTypeIsAnError()
    {
        auto session = open(false);
        QVERIFY(session);
        auto r = read(session->store(), "l", "hash", 1000); // the key changed type meanwhile
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QLatin1String("WRONGTYPE")),
                 qPrintable(r.error().message));
        QVERIFY(TypedValueRead::commands("k", "string").isEmpty());
        QCOMPARE(TypedValue::columnsFor("zset"),
                 (QStringList{QStringLiteral("Member"), QStringLiteral("Score")}));
    }
};

QTEST_GUILESS_MAIN(TestTypedValue)
#include "tst_typedvalue.moc"
