// Profiles (QSettings), .env.local import, the read-only allow-list and the store factory
// (with a real redis-server behind AUTH and a database number).
#include "awaitfuture.h"
#include "connections/connectionprofile.h"
#include "connections/envfileimport.h"
#include "connections/profilestore.h"
#include "connections/readonlystore.h"
#include "connections/storefactory.h"
#include "kv/commandallowlist.h"
#include "redisserver.h"
#include "rest/upstashreststore.h"
#include "testtree.h"

#include <QtTest>

using namespace pmkv;
using pmkv::test::await;

namespace {

ConnectionProfile sample()
{
    ConnectionProfile p;
    p.name = QStringLiteral("prod-eu");
    p.kind = ConnectionProfile::Kind::Upstash;
    p.address = QStringLiteral("https://eu1-x.upstash.io");
    p.layout = QStringLiteral("strategy");
    p.prefix = QStringLiteral("pm2");
    p.readOnly = true;
    p.environment = ConnectionProfile::Environment::Prod;
    p.colour = QStringLiteral("#aa0000");
    p.hasReadOnlyToken = true;
    p.secretSource = ConnectionProfile::SecretSource::Keychain;
    return p;
}

} // namespace

class TestProfiles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        test::TestTree dir;
        const QString ini = dir.path(QStringLiteral("connections.ini"));
        {
            ProfileStore store(ini);
            QVERIFY(store.list().isEmpty());
            QVERIFY(store.save(sample(), false).ok());
            ConnectionProfile redis;
            redis.name = QStringLiteral("local-redis");
            redis.kind = ConnectionProfile::Kind::Redis;
            redis.address = QStringLiteral("redis://127.0.0.1:6379");
            redis.database = 3;
            redis.redisUser = QStringLiteral("app");
            redis.secretSource = ConnectionProfile::SecretSource::EnvironmentVariable;
            redis.secretVariable = QStringLiteral("REDIS_PW");
            QVERIFY(store.save(redis, false).ok());
            ConnectionProfile node = redis;
            node.name = QStringLiteral("cluster-node");
            node.database = 0;
            node.cluster = true; // a plain redis:// address of one node of a Redis Cluster
            node.replicaReads = true;
            QVERIFY(store.save(node, false).ok());
            const auto again = store.save(sample(), false);
            QVERIFY(!again.ok());
            QCOMPARE(again.error().code, QStringLiteral("connection-exists"));
            QVERIFY(store.save(sample(), true).ok());
        }
        ProfileStore store(ini); // read back from the file
        const QList<ConnectionProfile> all = store.list();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).name, QStringLiteral("cluster-node"));
        QVERIFY(all.at(0).cluster);
        QVERIFY(all.at(0).isCluster());
        QVERIFY(all.at(0).replicaReads);
        QCOMPARE(all.at(1).name, QStringLiteral("local-redis"));
        QCOMPARE(all.at(1).database, 3);
        QCOMPARE(all.at(1).redisUser, QStringLiteral("app"));
        QCOMPARE(all.at(1).secretVariable, QStringLiteral("REDIS_PW"));
        QVERIFY(!all.at(1).cluster);
        QVERIFY(!all.at(1).isCluster());
        QVERIFY(!all.at(1).replicaReads);
        const ConnectionProfile p = store.find(QStringLiteral("prod-eu")).value();
        const ConnectionProfile s = sample();
        QCOMPARE(p.kind, s.kind);
        QCOMPARE(p.address, s.address);
        QCOMPARE(p.layout, s.layout);
        QCOMPARE(p.prefix, s.prefix);
        QCOMPARE(p.readOnly, true);
        QCOMPARE(p.environment, ConnectionProfile::Environment::Prod);
        QVERIFY(p.isProduction());
        QCOMPARE(p.effectiveColour(), QStringLiteral("#aa0000"));
        QCOMPARE(p.hasReadOnlyToken, true);
        QCOMPARE(p.secretSource, ConnectionProfile::SecretSource::Keychain);
        QVERIFY(store.remove(QStringLiteral("prod-eu")).ok());
        QVERIFY(!store.find(QStringLiteral("prod-eu")).ok());
        QCOMPARE(store.remove(QStringLiteral("prod-eu")).error().code,
                 QStringLiteral("no-such-connection"));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        const int up = int(ConnectionProfile::Kind::Upstash);
        const int redis = int(ConnectionProfile::Kind::Redis);
        QTest::newRow("ok") << "a"
                            << "https://x.upstash.io" << up << QString();
        QTest::newRow("empty name") << ""
                                    << "https://x.upstash.io" << up << "bad-profile-name";
        QTest::newRow("space in name") << "a b"
                                       << "https://x.upstash.io" << up << "bad-profile-name";
        QTest::newRow("slash in name") << "a/b"
                                       << "https://x.upstash.io" << up << "bad-profile-name";
        QTest::newRow("dot dot") << ".."
                                 << "https://x.upstash.io" << up << "bad-profile-name";
        QTest::newRow("no address") << "a"
                                    << "" << up << "bad-address";
        QTest::newRow("redis url for rest") << "a"
                                            << "redis://h:1" << up << "bad-address";
        QTest::newRow("token in rest url") << "a"
                                           << "https://u:t@x.upstash.io" << up << "bad-address";
        QTest::newRow("redis ok") << "r"
                                  << "redis://127.0.0.1:6379/2" << redis << QString();
        QTest::newRow("socket ok") << "r"
                                   << "/run/redis.sock" << redis << QString();
        QTest::newRow("password in redis url") << "r"
                                               << "redis://:pw@127.0.0.1" << redis << "bad-address";
        QTest::newRow("https for redis") << "r"
                                         << "https://x" << redis << "bad-address";
        QTest::newRow("rediss") << "r"
                                << "rediss://default:x@eu1.upstash.io:6379" << redis
                                << "tls-unsupported";
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, address);
        QFETCH(int, kind);
        QFETCH(QString, code);
        ConnectionProfile p;
        p.name = name;
        p.address = address;
        p.kind = ConnectionProfile::Kind(kind);
        const Result<void> valid = p.validate();
        if (code.isEmpty()) {
            QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
        } else {
            QVERIFY(!valid.ok());
            QCOMPARE(valid.error().code, code);
            QVERIFY(!valid.error().message.contains(QStringLiteral(":t@")));
            QVERIFY(!valid.error().message.contains(QStringLiteral(":pw@")));
        }
    }

    void guessKind()
    {
        QCOMPARE(ConnectionProfile::guessKind(QStringLiteral("https://eu1-x.upstash.io")),
                 ConnectionProfile::Kind::Upstash);
        QCOMPARE(ConnectionProfile::guessKind(QStringLiteral("http://127.0.0.1:8080")),
                 ConnectionProfile::Kind::LocalProxy);
        QCOMPARE(ConnectionProfile::guessKind(QStringLiteral("http://localhost:8080")),
                 ConnectionProfile::Kind::LocalProxy);
        QCOMPARE(ConnectionProfile::guessKind(QStringLiteral("redis://h:6379")),
                 ConnectionProfile::Kind::Redis);
    }

    void envFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("readOnlyToken");
        QTest::addColumn<QString>("tokenVariable");
        QTest::newRow("upstash") << QByteArray("UPSTASH_REDIS_REST_URL=https://a.upstash.io\n"
                                               "UPSTASH_REDIS_REST_TOKEN=AXtok\n")
                                 << "https://a.upstash.io" << QByteArray("AXtok") << QByteArray()
                                 << "UPSTASH_REDIS_REST_TOKEN";
        QTest::newRow("vercel quoted")
            << QByteArray("# Created by Vercel CLI\nKV_URL=\"rediss://default:x@a:6379\"\n"
                          "KV_REST_API_READ_ONLY_TOKEN=\"AoRO\"\nKV_REST_API_TOKEN=\"AXrw=\"\n"
                          "KV_REST_API_URL=\"https://b.upstash.io\"\n")
            << "https://b.upstash.io" << QByteArray("AXrw=") << QByteArray("AoRO")
            << "KV_REST_API_TOKEN";
        QTest::newRow("export, single quotes, comments, CRLF")
            << QByteArray("export KV_REST_API_URL='https://c.upstash.io' # prod\r\n"
                          "  KV_REST_API_TOKEN=tok#en  # trailing\r\n")
            << "https://c.upstash.io" << QByteArray("tok#en") << QByteArray()
            << "KV_REST_API_TOKEN";
        QTest::newRow("upstash names win")
            << QByteArray("KV_REST_API_URL=https://v.io\n"
                          "UPSTASH_REDIS_REST_URL=https://u.io\n"
                          "KV_REST_API_TOKEN=v\n"
                          "UPSTASH_REDIS_REST_TOKEN=u\n")
            << "https://u.io" << QByteArray("u") << QByteArray() << "UPSTASH_REDIS_REST_TOKEN";
    }

    void envFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, url);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, readOnlyToken);
        QFETCH(QString, tokenVariable);
        const auto parsed = EnvFileImport::parse(text, QStringLiteral(".env.local"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed.value().url, url);
        QCOMPARE(parsed.value().token, token);
        QCOMPARE(parsed.value().readOnlyToken, readOnlyToken);
        QCOMPARE(parsed.value().tokenVariable, tokenVariable);
    }

    void envFileErrors()
    {
        auto noUrl = EnvFileImport::parse("KV_REST_API_TOKEN=secret-x\n", QStringLiteral("f"));
        QVERIFY(!noUrl.ok());
        QVERIFY(!noUrl.error().message.contains(QStringLiteral("secret-x")));
        auto noToken = EnvFileImport::parse("KV_REST_API_URL=https://a.io\n", QStringLiteral("f"));
        QVERIFY(!noToken.ok());
        QVERIFY(noToken.error().message.contains(QStringLiteral("no token")));
        QVERIFY(!EnvFileImport::read(QStringLiteral("/nonexistent/.env.local")).ok());
    }

    void allowList_data()
    {
        QTest::addColumn<KvCommand>("command");
        QTest::addColumn<bool>("readOnly");
        for (const char* read : {"GET", "get", "MGET", "EXISTS", "TYPE", "PTTL", "SCAN", "DBSIZE",
                                 "PING", "HGETALL", "LRANGE", "SMEMBERS", "INFO"})
            QTest::newRow(read) << KvCommand{read, "k"} << true;
        for (const char* write :
             {"SET",     "set",    "DEL",      "UNLINK",   "PEXPIRE",  "PEXPIREAT", "EXPIRE",
              "PERSIST", "RENAME", "FLUSHDB",  "FLUSHALL", "EVAL",     "EVALSHA",   "FCALL",
              "HSET",    "LPUSH",  "SADD",     "INCR",     "GETDEL",   "GETEX",     "COPY",
              "RESTORE", "CONFIG", "SHUTDOWN", "SCRIPT",   "FUTURECMD"})
            QTest::newRow(write) << KvCommand{write, "k"} << false;
        QTest::newRow("MEMORY USAGE") << KvCommand{"MEMORY", "USAGE", "k"} << true;
        QTest::newRow("MEMORY PURGE") << KvCommand{"MEMORY", "PURGE"} << false;
        QTest::newRow("empty") << KvCommand{} << false;
    }

    void allowList()
    {
        QFETCH(KvCommand, command);
        QFETCH(bool, readOnly);
        QCOMPARE(CommandAllowList::isReadOnly(command), readOnly);
    }

    void factory()
    {
        test::RedisServer redis;
        redis.setExtraArguments({QStringLiteral("--requirepass"), QStringLiteral("s3cret-pw")});
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        ConnectionProfile p;
        p.name = QStringLiteral("direct");
        p.kind = ConnectionProfile::Kind::Redis;
        p.address = QStringLiteral("redis://127.0.0.1:%1").arg(redis.port());
        p.database = 5;
        {
            auto store = StoreFactory::create(p, ConnectionSecrets{"s3cret-pw", false});
            QVERIFY(store.ok());
            QVERIFY(!store.value()->describe().contains(QStringLiteral("s3cret")));
            const auto r = await(store.value()->execute({{"SET", "in5", "x"}, {"DBSIZE"}}));
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
            QCOMPARE(r.value().last(), KvReply::fromInteger(1));
        }
        // The key went to database 5, nowhere else.
        QCOMPARE(redis.cli({QStringLiteral("-a"), QStringLiteral("s3cret-pw"),
                            QStringLiteral("--no-auth-warning"), QStringLiteral("-n"),
                            QStringLiteral("5"), QStringLiteral("GET"), QStringLiteral("in5")}),
                 QByteArray("x"));
        {
            auto store = StoreFactory::create(p, ConnectionSecrets{"wrong", false});
            QVERIFY(store.ok());
            const auto r = await(store.value()->execute({{"GET", "in5"}}));
            QVERIFY(!r.ok() || r.value().first().isError());
        }
        p.readOnly = true;
        auto guarded = StoreFactory::create(p, ConnectionSecrets{"s3cret-pw", false});
        QVERIFY(guarded.ok());
        QVERIFY(qobject_cast<ReadOnlyStore*>(guarded.value().get()));
        QVERIFY(!guarded.value()->capabilities().canWrite);
        const auto refused = await(guarded.value()->execute({{"DEL", "in5"}}));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));

        ConnectionProfile rest;
        rest.name = QStringLiteral("remote");
        rest.address = QStringLiteral("http://203.0.113.9:8080");
        rest.kind = ConnectionProfile::Kind::LocalProxy;
        const auto insecure = StoreFactory::create(rest, ConnectionSecrets{"t", false});
        QVERIFY(!insecure.ok());
        QCOMPARE(insecure.error().code, QStringLiteral("insecure-http"));
        rest.allowInsecureHttp = true;
        QVERIFY(StoreFactory::create(rest, ConnectionSecrets{"t", false}).ok());

        // A Redis Cluster: by its redis+cluster:// address or the profile's option; one
        // database only. (Routing itself: tests/cluster.)
        ConnectionProfile cluster;
        cluster.name = QStringLiteral("cluster");
        cluster.kind =
            ConnectionProfile::guessKind(QStringLiteral("redis+cluster://a:7001,b:7002"));
        QCOMPARE(cluster.kind, ConnectionProfile::Kind::Redis);
        cluster.address = QStringLiteral("redis+cluster://127.0.0.1:7001,127.0.0.1:7002");
        QVERIFY(cluster.validate().ok());
        auto sharded = StoreFactory::create(cluster, ConnectionSecrets{"pw", false});
        QVERIFY(sharded.ok());
        QVERIFY(sharded.value()->capabilities().hashSlots);
        QCOMPARE(sharded.value()->describe(), cluster.address);
        cluster.address = QStringLiteral("redis://127.0.0.1:7001");
        cluster.cluster = true;
        QVERIFY(
            StoreFactory::create(cluster, ConnectionSecrets{}).value()->capabilities().hashSlots);
        cluster.database = 2;
        const auto noDb = StoreFactory::create(cluster, ConnectionSecrets{});
        QVERIFY(!noDb.ok());
        QCOMPARE(noDb.error().code, QStringLiteral("redis-address"));
        cluster.database = 0;

        // Replica reads: only a store made for browsing reads replicas, when the profile (or
        // its address) says so; a job's store reads the masters whatever the profile says.
        using Use = StoreFactory::Use;
        const auto readsReplicas = [](const ConnectionProfile& p, Use use) {
            return StoreFactory::clusterAddress(p, ConnectionSecrets{}, use)
                .value()
                .readsFromReplicas();
        };
        QVERIFY(!readsReplicas(cluster, Use::Browsing));
        cluster.replicaReads = true;
        QVERIFY(cluster.validate().ok());
        QVERIFY(readsReplicas(cluster, Use::Browsing));
        QVERIFY(!readsReplicas(cluster, Use::Job));
        cluster.replicaReads = false;
        cluster.address = QStringLiteral("redis+cluster://127.0.0.1:7001?replicas=prefer");
        QVERIFY(readsReplicas(cluster, Use::Browsing));
        QVERIFY(!readsReplicas(cluster, Use::Job));
        ConnectionProfile single = cluster;
        single.cluster = false;
        single.address = QStringLiteral("redis://127.0.0.1:6379");
        single.replicaReads = true;
        const auto noReplicas = single.validate();
        QVERIFY(!noReplicas.ok());
        QCOMPARE(noReplicas.error().code, QStringLiteral("bad-replica-reads"));
        QVERIFY(noReplicas.error().message.contains(QStringLiteral("replicaReads")));
        QVERIFY(!guarded.value()->capabilities().hashSlots);

        // An Upstash read-only token: the store says it can neither write nor SCAN.
        ConnectionProfile upstash = sample();
        const auto ro = StoreFactory::create(upstash, ConnectionSecrets{"t", true});
        QVERIFY(ro.ok());
        QVERIFY(!ro.value()->capabilities().canWrite);
        QVERIFY(!ro.value()->capabilities().canScan);
    }
};

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
