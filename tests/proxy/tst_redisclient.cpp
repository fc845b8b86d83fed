#include "awaitfuture.h"
#include "redis/redisclient.h"
#include "redis/redisstore.h"
#include "redisserver.h"

#include <QtTest>

using namespace pmkv;
using pmkv::test::await;
using pmkv::test::RedisServer;

namespace {

RedisAddress addressOf(const RedisServer& server, int db = 0)
{
    return RedisAddress::tcp(QStringLiteral("127.0.0.1"), server.port(), db);
}

QByteArray binaryValue()
{
    QByteArray v;
    for (int i = 0; i < 256; ++i)
        v.append(char(i));
    v.append("\r\n\0tail", 7);
    return v;
}

} // namespace

class TestRedisClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString())); }

    void replyTypes_data()
    {
        QTest::addColumn<KvCommand>("setup");
        QTest::addColumn<KvCommand>("command");
        QTest::addColumn<KvReply>("expected");

        QTest::newRow("status") << KvCommand{} << KvCommand{"SET", "rt:a", "1"}
                                << KvReply::status("OK");
        QTest::newRow("string") << KvCommand{"SET", "rt:b", "hello"} << KvCommand{"GET", "rt:b"}
                                << KvReply::string("hello");
        QTest::newRow("empty string")
            << KvCommand{"SET", "rt:e", ""} << KvCommand{"GET", "rt:e"} << KvReply::string("");
        QTest::newRow("nil") << KvCommand{} << KvCommand{"GET", "rt:missing"} << KvReply::nil();
        QTest::newRow("integer") << KvCommand{"SET", "rt:n", "41"} << KvCommand{"INCR", "rt:n"}
                                 << KvReply::fromInteger(42);
        QTest::newRow("negative integer")
            << KvCommand{} << KvCommand{"DECRBY", "rt:m", "7"} << KvReply::fromInteger(-7);
        QTest::newRow("error") << KvCommand{"SET", "rt:s", "x"} << KvCommand{"INCR", "rt:s"}
                               << KvReply::error("ERR value is not an integer or out of range");
        QTest::newRow("array with nil")
            << KvCommand{"SET", "rt:c", "v"} << KvCommand{"MGET", "rt:c", "rt:none"}
            << KvReply::array({KvReply::string("v"), KvReply::nil()});
        QTest::newRow("empty array")
            << KvCommand{} << KvCommand{"KEYS", "nothing:*"} << KvReply::array({});
        QTest::newRow("nested array")
            << KvCommand{"DEL", "rt:z"} << KvCommand{"SCAN", "0", "MATCH", "nothing:*"}
            << KvReply::array({KvReply::string("0"), KvReply::array({})});
        QTest::newRow("binary") << KvCommand{"SET", "rt:bin", binaryValue()}
                                << KvCommand{"GET", "rt:bin"} << KvReply::string(binaryValue());
    }

    void replyTypes()
    {
        QFETCH(KvCommand, setup);
        QFETCH(KvCommand, command);
        QFETCH(KvReply, expected);
        RedisStore store(addressOf(m_redis));
        QVector<KvCommand> batch;
        if (!setup.isEmpty())
            batch.append(setup);
        batch.append(command);
        const auto result = await(store.execute(batch));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        QCOMPARE(result.value().size(), batch.size());
        QCOMPARE(result.value().last(), expected);
    }

    void largePipelineKeepsOrder()
    {
        RedisStore store(addressOf(m_redis));
        QVector<KvCommand> batch;
        const QByteArray value(1500, 'x');
        for (int i = 0; i < 2000; ++i)
            batch.append({"SET", "pl:" + QByteArray::number(i), value + QByteArray::number(i)});
        for (int i = 0; i < 2000; ++i)
            batch.append({"GET", "pl:" + QByteArray::number(i)});
        const auto result = await(store.execute(batch));
        QVERIFY(result.ok());
        for (int i = 0; i < 2000; ++i) {
            QCOMPARE(result.value()[i], KvReply::status("OK"));
            QCOMPARE(result.value()[2000 + i], KvReply::string(value + QByteArray::number(i)));
        }
    }

    // flush() puts queued commands on the wire at once: Redis has them while this thread
    // never returns to its event loop (without flush() they would wait for the next turn).
    void flushSendsWithoutTheEventLoop()
    {
        RedisClient client(addressOf(m_redis));
        client.open();
        QVERIFY(QTest::qWaitFor([&] { return client.isConnected(); }, 5000));
        bool answered = false;
        client.send({"SET", "flush:a", "sent"}, [&](const Result<KvReply>&) { answered = true; });
        client.flush();
        QByteArray seen;
        for (int attempt = 0; attempt < 50 && seen != "sent"; ++attempt) {
            seen = m_redis.cli({QStringLiteral("GET"), QStringLiteral("flush:a")});
            if (seen != "sent")
                QThread::msleep(20);
        }
        QCOMPARE(seen, QByteArray("sent"));
        QVERIFY(!answered); // the reply is read on the event loop, not inside flush()
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
    }

    void multiExec()
    {
        RedisStore store(addressOf(m_redis));
        const auto result = await(store.executeAtomic(
            {{"SET", "tx:a", "1"}, {"INCR", "tx:a"}, {"LPUSH", "tx:a", "x"}, {"GET", "tx:a"}}));
        QVERIFY(result.ok());
        QCOMPARE(result.value().size(), 4);
        QCOMPARE(result.value()[0], KvReply::status("OK"));
        QCOMPARE(result.value()[1], KvReply::fromInteger(2));
        QVERIFY(result.value()[2].isError()); // WRONGTYPE at run time, the rest still ran
        QCOMPARE(result.value()[3], KvReply::string("2"));
    }

    void multiExecAbortsOnQueueError()
    {
        RedisStore store(addressOf(m_redis));
        const auto result =
            await(store.executeAtomic({{"SET", "tx:b", "1"}, {"SET", "tx:b"}, {"INCR", "tx:b"}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("redis-execabort"));
        QVERIFY2(result.error().message.contains(QStringLiteral("EXECABORT")),
                 qPrintable(result.error().message));
        QCOMPARE(m_redis.cli({QStringLiteral("EXISTS"), QStringLiteral("tx:b")}), QByteArray("0"));
    }

    void concurrentTransactionsDoNotInterleave()
    {
        RedisStore store(addressOf(m_redis));
        QList<QFuture<Result<KvStore::Replies>>> futures;
        for (int i = 0; i < 50; ++i) {
            futures.append(store.executeAtomic({{"INCR", "tx:counter"}, {"GET", "tx:counter"}}));
            futures.append(store.execute({{"INCR", "tx:counter"}}));
        }
        QSet<qint64> seen;
        for (auto& f : futures) {
            const auto r = await(f);
            QVERIFY(r.ok());
            if (r.value().size() == 2) // inside a transaction nothing came between INCR and GET
                QCOMPARE(r.value()[1].bytes.toLongLong(), r.value()[0].integer);
        }
    }

    void readOnlyRefusesWrites()
    {
        RedisStore store(addressOf(m_redis), true);
        const auto refused = await(store.execute({{"GET", "a"}, {"set", "a", "b"}}));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        QVERIFY(refused.error().message.contains(QStringLiteral("SET")));
        QVERIFY(await(store.execute({{"GET", "a"}, {"exists", "a"}})).ok());
        QVERIFY(!store.capabilities().canWrite);
    }

    void selectsDatabase()
    {
        RedisStore store(addressOf(m_redis, 3));
        QVERIFY(await(store.execute({{"SET", "db3key", "v"}})).ok());
        QCOMPARE(m_redis.cli({QStringLiteral("-n"), QStringLiteral("3"), QStringLiteral("GET"),
                              QStringLiteral("db3key")}),
                 QByteArray("v"));
        QCOMPARE(m_redis.cli({QStringLiteral("GET"), QStringLiteral("db3key")}), QByteArray());
    }

    void authenticates()
    {
        RedisServer secured;
        secured.setExtraArguments({QStringLiteral("--requirepass"), QStringLiteral("pw1")});
        QVERIFY(secured.start());
        RedisAddress good = addressOf(secured);
        good.setCredentials(QString(), QStringLiteral("pw1"));
        RedisStore store(good);
        const auto r = await(store.execute({{"PING"}}));
        QVERIFY(r.ok());
        QCOMPARE(r.value()[0], KvReply::status("PONG"));

        RedisAddress bad = addressOf(secured);
        bad.setCredentials(QString(), QStringLiteral("wrong"));
        RedisClient client(bad);
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT(client.lastError().contains(QStringLiteral("AUTH")), 10000);
        QVERIFY(!client.lastError().contains(QStringLiteral("wrong")));
    }

    // A batch larger than what the client hands to hiredis at once (the rest waits in its
    // backlog): on close every callback, handed or waiting, fails once and in send order.
    void backlogFailsInOrderOnClose()
    {
        RedisClient client(addressOf(m_redis));
        client.open();
        QTRY_VERIFY(client.isConnected());
        QVector<int> order;
        QStringList codes;
        client.send({"BLPOP", "never:pushed", "0"}, [&](const Result<KvReply>& r) {
            order.append(-1);
            codes.append(r.ok() ? QStringLiteral("ok") : r.error().code);
        });
        const QByteArray value(64 * 1024, 'v');
        const int count = 64; // 4 MB, far more than one hand-over
        for (int i = 0; i < count; ++i) {
            client.send({"SET", "backlog:" + QByteArray::number(i), value},
                        [&, i](const Result<KvReply>& r) {
                            order.append(i);
                            codes.append(r.ok() ? QStringLiteral("ok") : r.error().code);
                        });
        }
        client.close();
        QCOMPARE(order.size(), count + 1);
        for (int i = 0; i <= count; ++i)
            QCOMPARE(order.at(i), i - 1);
        QCOMPARE(codes.count(QStringLiteral("redis-closed")), count + 1);
    }

    // The same batch with Redis answering: every SET arrives, replies in order.
    void backlogDeliversEverything()
    {
        RedisClient client(addressOf(m_redis));
        client.open();
        const QByteArray value(64 * 1024, 'w');
        const int count = 64;
        QVector<int> order;
        for (int i = 0; i < count; ++i) {
            client.send({"SET", "backlog:" + QByteArray::number(i), value + QByteArray::number(i)},
                        [&, i](const Result<KvReply>& r) {
                            QVERIFY(r.ok() && !r.value().isError());
                            order.append(i);
                        });
        }
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), count, 20000);
        for (int i = 0; i < count; ++i)
            QCOMPARE(order.at(i), i);
        QCOMPARE(m_redis.cli({QStringLiteral("STRLEN"), QStringLiteral("backlog:63")}),
                 QByteArray::number(value.size() + 2));
    }

    void downRedisFailsClearlyThenRecovers()
    {
        RedisServer server;
        QVERIFY(server.start());
        RedisStore store(addressOf(server));
        QVERIFY(await(store.execute({{"SET", "k", "v1"}})).ok());

        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!store.client()->isConnected(), 10000);
        const auto down = await(store.execute({{"GET", "k"}}));
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code, QStringLiteral("redis-unavailable"));
        QVERIFY2(down.error().message.contains(QString::number(server.port())),
                 qPrintable(down.error().message));

        QVERIFY(server.start()); // same port, empty data (no persistence)
        QTRY_VERIFY_WITH_TIMEOUT(store.client()->isConnected(), 15000);
        const auto back = await(store.execute({{"SET", "k", "v2"}, {"GET", "k"}}));
        QVERIFY(back.ok());
        QCOMPARE(back.value()[1], KvReply::string("v2"));
    }

    // Issue #21 item 2: a frozen server (SIGSTOP) left `pmkv migrate --redis` silent for 420 s
    // and more. Nothing arriving for the reply timeout fails every command waiting, at once;
    // the client connects again once the server answers.
    void frozenServerTimesOut()
    {
        RedisServer server;
        QVERIFY(server.start());
        auto address = RedisAddress::parse(server.url() + QStringLiteral("?timeout=800ms"));
        QVERIFY(address.ok());
        QCOMPARE(address.value().replyTimeoutMs(), 800);
        RedisStore store(address.value());
        QVERIFY(await(store.execute({{"SET", "k", "v1"}})).ok());
        QVERIFY(server.freeze());
        QElapsedTimer clock;
        clock.start();
        const auto first = store.execute({{"SET", "k", "v2"}});
        const auto second = store.execute({{"GET", "k"}});
        const auto frozen = await(first);
        QVERIFY(!frozen.ok());
        QCOMPARE(frozen.error().code, QStringLiteral("redis-timeout"));
        QVERIFY2(frozen.error().message.contains(QString::number(server.port())),
                 qPrintable(frozen.error().message));
        QVERIFY2(!frozen.error().message.contains(QStringLiteral("pmkv")),
                 qPrintable(frozen.error().message));
        QVERIFY2(clock.elapsed() >= 700 && clock.elapsed() < 5000,
                 qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!await(second).ok());
        QVERIFY(server.thaw());
        QTRY_VERIFY_WITH_TIMEOUT(await(store.execute({{"GET", "k"}})).ok(), 15000);
        // A slow answer is not a silent one: bytes arriving keep it alive.
        QVERIFY(await(store.execute({{"SET", "big", QByteArray(64 * 1024 * 1024, 'x')}})).ok());
    }

    void timeoutIsOptional()
    {
        auto address = RedisAddress::parse(m_redis.url());
        QVERIFY(address.ok());
        QCOMPARE(address.value().replyTimeoutMs(), 0);
        QCOMPARE(RedisAddress::parse(m_redis.url() + QStringLiteral("/2?timeout=5"))
                     .value()
                     .replyTimeoutMs(),
                 5000);
        QVERIFY(!RedisAddress::parse(m_redis.url() + QStringLiteral("?timeout=soon")).ok());
        // A store without one waits 30 s, as the REST client does.
        RedisStore store(address.value());
        QCOMPARE(store.client()->replyTimeoutMs(), 30000);
    }

    void neverReachableFails()
    {
        RedisStore store(RedisAddress::tcp(QStringLiteral("127.0.0.1"), RedisServer::freePort()));
        const auto r = await(store.execute({{"PING"}}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("redis-unavailable"));
    }

    void pendingCallbacksFailOnClose()
    {
        RedisClient client(addressOf(m_redis));
        client.open();
        int failures = 0;
        client.send({"BLPOP", "never:pushed", "0"}, [&](const Result<KvReply>& r) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("redis-closed"));
            ++failures;
        });
        QTRY_VERIFY(client.isConnected());
        client.close();
        QCOMPARE(failures, 1);
    }

    void subscribeGetsMessages()
    {
        RedisClient sub(addressOf(m_redis));
        sub.open();
        QList<KvReply> messages;
        sub.subscribe({"SUBSCRIBE", "news"}, [&](const Result<KvReply>& r) {
            if (r.ok())
                messages.append(r.value());
        });
        QTRY_COMPARE(messages.size(), 1); // the subscribe confirmation
        RedisStore store(addressOf(m_redis));
        QVERIFY(await(store.execute({{"PUBLISH", "news", binaryValue()}})).ok());
        QTRY_COMPARE(messages.size(), 2);
        QCOMPARE(messages[1], KvReply::array({KvReply::string("message"), KvReply::string("news"),
                                              KvReply::string(binaryValue())}));
    }

private:
    RedisServer m_redis;
};

QTEST_GUILESS_MAIN(TestRedisClient)
#include "tst_redisclient.moc"
