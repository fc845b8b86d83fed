// Every command the project needs, on both transports (RedisStore straight to a real
// redis-server, UpstashRestStore through the real pmkv-proxy binary in front of the same
// server), with the same data-driven rows; then binary values, 5 MB values, SCAN over
// 50,000 keys, MULTI/EXEC atomicity and the read-only guard.
#include "awaitfuture.h"
#include "connections/readonlystore.h"
#include "kv/keyscanner.h"
#include "proxyprocess.h"
#include "redis/redisstore.h"
#include "redisserver.h"
#include "rest/upstashreststore.h"

#include <QDateTime>
#include <QtTest>

#include <memory>

using namespace pmkv;
using pmkv::test::await;
using pmkv::test::ProxyProcess;
using pmkv::test::RedisServer;

namespace {

QByteArray allBytes()
{
    QByteArray v;
    for (int i = 0; i < 256; ++i)
        v.append(char(i));
    v.append("\r\n\0tail\xff", 8);
    return v;
}

// A check on the reply of a follow-up command (TTLs cannot be compared exactly).
enum class Check { Equal, TtlSet };

} // namespace

Q_DECLARE_METATYPE(Check)

class TestTransports final : public QObject
{
    Q_OBJECT

private:
    RedisServer m_redis;
    ProxyProcess m_proxy;
    std::unique_ptr<RedisStore> m_direct;
    std::unique_ptr<UpstashRestStore> m_rest;

    KvStore* store(const QString& transport) const
    {
        return transport == QLatin1String("redis") ? static_cast<KvStore*>(m_direct.get())
                                                   : static_cast<KvStore*>(m_rest.get());
    }

    KvStore::Replies run(KvStore* s, const QVector<KvCommand>& batch)
    {
        const auto result = await(s->execute(batch));
        if (!result)
            qWarning().noquote() << result.error().message;
        return result ? result.value() : KvStore::Replies{};
    }

    UpstashRestOptions restOptions() const
    {
        UpstashRestOptions o;
        o.url = m_proxy.url();
        o.token = m_proxy.token();
        return o;
    }

    static void transports()
    {
        QTest::addColumn<QString>("transport");
        QTest::newRow("redis") << QStringLiteral("redis");
        QTest::newRow("rest") << QStringLiteral("rest");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_proxy.setRedisUrl(m_redis.url());
        m_proxy.setReadOnlyToken("read-only-token");
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        m_direct = std::make_unique<RedisStore>(
            RedisAddress::tcp(QStringLiteral("127.0.0.1"), m_redis.port()));
        m_rest = std::make_unique<UpstashRestStore>(restOptions());
    }

    void init() { QCOMPARE(run(m_direct.get(), {{"FLUSHDB"}}).size(), 1); }

    void commands_data()
    {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<QVector<KvCommand>>("setup");
        QTest::addColumn<KvCommand>("command");
        QTest::addColumn<KvReply>("expected");
        QTest::addColumn<KvCommand>("then");
        QTest::addColumn<KvReply>("thenExpected");
        QTest::addColumn<Check>("check");

        using V = QVector<KvCommand>;
        const KvReply ok = KvReply::status("OK");
        const QByteArray far = QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600000);
        struct Row
        {
            const char* name;
            V setup;
            KvCommand command;
            KvReply expected;
            KvCommand then;
            KvReply thenExpected;
            Check check;
        };
        const QList<Row> rows{
            {"PING", {}, {"PING"}, KvReply::status("PONG"), {}, {}, Check::Equal},
            {"GET",
             {{"SET", "k", "v1"}},
             {"GET", "k"},
             KvReply::string("v1"),
             {},
             {},
             Check::Equal},
            {"GET missing", {}, {"GET", "nope"}, KvReply::nil(), {}, {}, Check::Equal},
            {"GET utf8",
             {{"SET", "k", "\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80"}},
             {"GET", "k"},
             KvReply::string("\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80"),
             {},
             {},
             Check::Equal},
            {"GET looks like base64",
             {{"SET", "k", "aGVsbG8="}},
             {"GET", "k"},
             KvReply::string("aGVsbG8="),
             {},
             {},
             Check::Equal},
            {"GET binary",
             {{"SET", "k", allBytes()}},
             {"GET", "k"},
             KvReply::string(allBytes()),
             {},
             {},
             Check::Equal},
            {"GET empty",
             {{"SET", "k", ""}},
             {"GET", "k"},
             KvReply::string(""),
             {},
             {},
             Check::Equal},
            {"GET status-like value",
             {{"SET", "k", "OK"}},
             {"GET", "k"},
             KvReply::string("OK"),
             {},
             {},
             Check::Equal},
            {"MGET",
             {{"SET", "a", "1"}, {"SET", "c", "3"}},
             {"MGET", "a", "b", "c"},
             KvReply::array({KvReply::string("1"), KvReply::nil(), KvReply::string("3")}),
             {},
             {},
             Check::Equal},
            {"SET", {}, {"SET", "k", "v"}, ok, {"GET", "k"}, KvReply::string("v"), Check::Equal},
            {"SET GET previous",
             {{"SET", "k", "old"}},
             {"SET", "k", "new", "GET"},
             KvReply::string("old"),
             {"GET", "k"},
             KvReply::string("new"),
             Check::Equal},
            {"SET GET missing",
             {},
             {"SET", "k", "new", "GET"},
             KvReply::nil(),
             {"GET", "k"},
             KvReply::string("new"),
             Check::Equal},
            {"SET PX", {}, {"SET", "k", "v", "PX", "100000"}, ok, {"PTTL", "k"}, {}, Check::TtlSet},
            {"SET PX GET",
             {{"SET", "k", "old"}},
             {"SET", "k", "v", "PX", "100000", "GET"},
             KvReply::string("old"),
             {"PTTL", "k"},
             {},
             Check::TtlSet},
            {"SET KEEPTTL",
             {{"SET", "k", "v", "PX", "100000"}},
             {"SET", "k", "w", "KEEPTTL"},
             ok,
             {"PTTL", "k"},
             {},
             Check::TtlSet},
            {"SET clears TTL",
             {{"SET", "k", "v", "PX", "100000"}},
             {"SET", "k", "w"},
             ok,
             {"PTTL", "k"},
             KvReply::fromInteger(-1),
             Check::Equal},
            {"SET NX refused",
             {{"SET", "k", "v"}},
             {"SET", "k", "w", "NX"},
             KvReply::nil(),
             {"GET", "k"},
             KvReply::string("v"),
             Check::Equal},
            {"DEL",
             {{"SET", "a", "1"}, {"SET", "b", "2"}},
             {"DEL", "a", "b", "c"},
             KvReply::fromInteger(2),
             {"EXISTS", "a", "b"},
             KvReply::fromInteger(0),
             Check::Equal},
            {"UNLINK",
             {{"SET", "a", "1"}},
             {"UNLINK", "a", "b"},
             KvReply::fromInteger(1),
             {"EXISTS", "a"},
             KvReply::fromInteger(0),
             Check::Equal},
            {"EXISTS",
             {{"SET", "a", "1"}, {"SET", "b", "2"}},
             {"EXISTS", "a", "b", "c", "a"},
             KvReply::fromInteger(3),
             {},
             {},
             Check::Equal},
            {"TYPE string",
             {{"SET", "a", "1"}},
             {"TYPE", "a"},
             KvReply::status("string"),
             {},
             {},
             Check::Equal},
            {"TYPE hash",
             {{"HSET", "h", "f", "v"}},
             {"TYPE", "h"},
             KvReply::status("hash"),
             {},
             {},
             Check::Equal},
            {"TYPE none", {}, {"TYPE", "nope"}, KvReply::status("none"), {}, {}, Check::Equal},
            {"PTTL missing", {}, {"PTTL", "nope"}, KvReply::fromInteger(-2), {}, {}, Check::Equal},
            {"PTTL persistent",
             {{"SET", "a", "1"}},
             {"PTTL", "a"},
             KvReply::fromInteger(-1),
             {},
             {},
             Check::Equal},
            {"PEXPIRE",
             {{"SET", "a", "1"}},
             {"PEXPIRE", "a", "100000"},
             KvReply::fromInteger(1),
             {"PTTL", "a"},
             {},
             Check::TtlSet},
            {"PEXPIRE missing",
             {},
             {"PEXPIRE", "a", "100000"},
             KvReply::fromInteger(0),
             {},
             {},
             Check::Equal},
            {"PEXPIREAT",
             {{"SET", "a", "1"}},
             {"PEXPIREAT", "a", far},
             KvReply::fromInteger(1),
             {"PTTL", "a"},
             {},
             Check::TtlSet},
            {"SCAN MATCH COUNT",
             {{"SET", "pm:a", "1"}, {"SET", "other", "2"}, {"SET", "pm:b", "3"}},
             {"SCAN", "0", "MATCH", "pm:a*", "COUNT", "1000"},
             KvReply::array({KvReply::string("0"), KvReply::array({KvReply::string("pm:a")})}),
             {},
             {},
             Check::Equal},
            {"SCAN TYPE",
             {{"SET", "s", "1"}, {"HSET", "h", "f", "v"}},
             {"SCAN", "0", "COUNT", "1000", "TYPE", "hash"},
             KvReply::array({KvReply::string("0"), KvReply::array({KvReply::string("h")})}),
             {},
             {},
             Check::Equal},
            {"SCAN empty",
             {},
             {"SCAN", "0"},
             KvReply::array({KvReply::string("0"), KvReply::array({})}),
             {},
             {},
             Check::Equal},
            {"DBSIZE",
             {{"SET", "a", "1"}, {"SET", "b", "2"}, {"HSET", "h", "f", "v"}},
             {"DBSIZE"},
             KvReply::fromInteger(3),
             {},
             {},
             Check::Equal},
            {"command error",
             {{"SET", "a", "x"}},
             {"INCR", "a"},
             KvReply::error("ERR value is not an integer or out of range"),
             {"GET", "a"},
             KvReply::string("x"),
             Check::Equal},
        };
        for (const QString& transport : {QStringLiteral("redis"), QStringLiteral("rest")}) {
            for (const Row& row : rows) {
                QTest::addRow("%s: %s", qPrintable(transport), row.name)
                    << transport << row.setup << row.command << row.expected << row.then
                    << row.thenExpected << row.check;
            }
        }
    }

    void commands()
    {
        QFETCH(QString, transport);
        QFETCH(QVector<KvCommand>, setup);
        QFETCH(KvCommand, command);
        QFETCH(KvReply, expected);
        QFETCH(KvCommand, then);
        QFETCH(KvReply, thenExpected);
        QFETCH(Check, check);

        if (!setup.isEmpty())
            QCOMPARE(run(m_direct.get(), setup).size(), setup.size());
        KvStore* s = store(transport);
        // Alone (POST / on REST) and inside a pipeline (POST /pipeline): the same reply.
        const auto single = run(s, {command});
        QCOMPARE(single.size(), 1);
        QCOMPARE(single.first(), expected);
        if (!then.isEmpty()) {
            const auto after = run(s, {then, {"PING"}});
            QCOMPARE(after.size(), 2);
            if (check == Check::TtlSet) {
                QCOMPARE(after.first().type, KvReply::Type::Integer);
                QVERIFY2(after.first().integer > 0 && after.first().integer <= 3600000,
                         qPrintable(QString::number(after.first().integer)));
            } else {
                QCOMPARE(after.first(), thenExpected);
            }
        }
        // Read-only rows again in a pipeline (writes would not be repeatable).
        if (then.isEmpty()) {
            const auto piped = run(s, {{"PING"}, command});
            QCOMPARE(piped.size(), 2);
            QCOMPARE(piped.last(), expected);
        }
    }

    void restRefusesBinaryArguments()
    {
        const auto result =
            await(m_rest->execute({{"SET", "ok", "1"}, {"SET", "bin", allBytes()}}));
        QVERIFY(!result);
        QCOMPARE(result.error().code, QStringLiteral("binary-argument"));
        QVERIFY(result.error().message.contains(QStringLiteral("SET bin")));
        QVERIFY(result.error().message.contains(QStringLiteral("--redis")));
        // Refused before anything was sent: the first SET did not run either.
        QCOMPARE(run(m_direct.get(), {{"EXISTS", "ok"}}).first(), KvReply::fromInteger(0));
    }

    void textWithControlCharactersRoundTrips_data() { transports(); }
    void textWithControlCharactersRoundTrips()
    {
        QFETCH(QString, transport);
        QByteArray text("nul\0 tab\t cr\r lf\n quote\" backslash\\ del\x7f ", 38);
        text += "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
        KvStore* s = store(transport);
        const auto replies = run(s, {{"SET", "t", text}, {"GET", "t"}});
        QCOMPARE(replies.size(), 2);
        QCOMPARE(replies.last(), KvReply::string(text));
        QCOMPARE(run(m_direct.get(), {{"GET", "t"}}).first(), KvReply::string(text));
    }

    void fiveMegabyteValues_data() { transports(); }
    void fiveMegabyteValues()
    {
        QFETCH(QString, transport);
        KvStore* s = store(transport);
        QByteArray big(5 * 1024 * 1024, 'x');
        for (int i = 0; i < big.size(); i += 997)
            big[i] = char('a' + (i % 26));
        big.append("\"\\\n\xc3\xa9");
        const qint64 before = m_rest->requestCount();
        const auto written = run(s, {{"SET", "big1", big}, {"SET", "big2", big + "2"}});
        QCOMPARE(written.size(), 2);
        QCOMPARE(written.first(), KvReply::status("OK"));
        if (transport == QLatin1String("rest")) // each over the 1 MiB request size: one each
            QCOMPARE(m_rest->requestCount() - before, 2);
        const auto read = run(s, {{"GET", "big1"}, {"GET", "big2"}, {"STRLEN", "big1"}});
        QCOMPARE(read.size(), 3);
        QVERIFY(read.at(0) == KvReply::string(big));
        QVERIFY(read.at(1) == KvReply::string(big + "2"));
        QCOMPARE(read.at(2), KvReply::fromInteger(big.size()));
    }

    void scanFiftyThousandKeys_data() { transports(); }
    void scanFiftyThousandKeys()
    {
        QFETCH(QString, transport);
        const int n = 50000;
        QVector<KvCommand> fill;
        fill.reserve(n + 100);
        for (int i = 0; i < n; ++i)
            fill.append({"SET", "pm:story:" + QByteArray::number(i), "1"});
        for (int i = 0; i < 100; ++i)
            fill.append({"HSET", "pm:index:" + QByteArray::number(i), "f", "v"});
        QCOMPARE(run(m_direct.get(), fill).size(), fill.size());

        KeyScanner::Options options;
        options.match = "pm:story:*";
        options.count = 5000; // capped to maxCount (1000) per call
        const qint64 before = m_rest->requestCount();
        const auto keys = await(KeyScanner::scanAll(store(transport), options));
        QVERIFY2(keys.ok(), keys.ok() ? "" : qPrintable(keys.error().message));
        QCOMPARE(keys.value().size(), n);
        const QSet<QByteArray> unique(keys.value().cbegin(), keys.value().cend());
        QCOMPARE(unique.size(), n);
        QVERIFY(unique.contains("pm:story:0") && unique.contains("pm:story:49999"));
        if (transport == QLatin1String("rest"))
            QVERIFY(m_rest->requestCount() - before >= n / 1000);

        KeyScanner::Options hashes;
        hashes.type = "hash";
        const auto indexKeys = await(KeyScanner::scanAll(store(transport), hashes));
        QVERIFY(indexKeys.ok());
        QCOMPARE(indexKeys.value().size(), 100);
    }

    void scanRefusedToReadOnlyToken()
    {
        UpstashRestOptions o = restOptions();
        o.token = m_proxy.readOnlyToken();
        o.readOnlyToken = true;
        UpstashRestStore readOnly(o);
        QVERIFY(!readOnly.capabilities().canScan);
        QVERIFY(!readOnly.capabilities().canWrite);
        const auto keys = await(KeyScanner::scanAll(&readOnly, {}));
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, QStringLiteral("scan-not-allowed"));
    }

    void multiExec_data() { transports(); }
    void multiExec()
    {
        QFETCH(QString, transport);
        KvStore* s = store(transport);
        const auto result =
            await(s->executeAtomic({{"SET", "tx", "1"}, {"INCR", "tx"}, {"GET", "tx"}}));
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        QCOMPARE(result.value(), (KvStore::Replies{KvReply::status("OK"), KvReply::fromInteger(2),
                                                   KvReply::string("2")}));
        // A command that fails while the group runs (WRONGTYPE) is an error reply in its
        // place; the rest of the group ran, as with Redis itself.
        const auto partial =
            await(s->executeAtomic({{"SET", "tx", "1"}, {"LPUSH", "tx", "x"}, {"GET", "tx"}}));
        QVERIFY2(partial.ok(), partial.ok() ? "" : qPrintable(partial.error().message));
        QCOMPARE(partial.value().size(), 3);
        QVERIFY(partial.value().at(1).isError());
        QVERIFY(partial.value().at(1).bytes.startsWith("WRONGTYPE"));
        QCOMPARE(partial.value().at(2), KvReply::string("1"));
    }

    void multiExecIsAllOrNothing_data() { transports(); }
    void multiExecIsAllOrNothing()
    {
        QFETCH(QString, transport);
        KvStore* s = store(transport);
        // A command Redis refuses while queueing (wrong arity) discards the whole group.
        const auto result =
            await(s->executeAtomic({{"SET", "tx:a", "1"}, {"SET", "tx:b"}, {"SET", "tx:c", "3"}}));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("redis-execabort")); // same on both
        QVERIFY2(result.error().message.contains(QStringLiteral("EXECABORT")) ||
                     result.error().message.contains(QStringLiteral("wrong number")),
                 qPrintable(result.error().message));
        QCOMPARE(run(m_direct.get(), {{"EXISTS", "tx:a", "tx:c"}}).first(),
                 KvReply::fromInteger(0));
    }

    void multiExecIsNotInterleaved()
    {
        // Two groups on the same key from both transports at once: each sees only its own
        // increments, which would fail if commands of the other group ran in between.
        const int n = 300;
        auto group = [n](const QByteArray& start) {
            QVector<KvCommand> g{{"SET", "shared", start}};
            for (int i = 0; i < n; ++i)
                g.append(KvCommand{"INCR", "shared"});
            g.append(KvCommand{"GET", "shared"});
            return g;
        };
        for (int round = 0; round < 3; ++round) {
            auto a = m_direct->executeAtomic(group("0"));
            auto b = m_rest->executeAtomic(group("1000000"));
            auto c = m_direct->executeAtomic(group("2000000"));
            const auto ra = await(a), rb = await(b), rc = await(c);
            QVERIFY(ra.ok() && rb.ok() && rc.ok());
            QCOMPARE(ra.value().last(), KvReply::string(QByteArray::number(n)));
            QCOMPARE(rb.value().last(), KvReply::string(QByteArray::number(1000000 + n)));
            QCOMPARE(rc.value().last(), KvReply::string(QByteArray::number(2000000 + n)));
        }
    }

    void readOnlyGuard_data() { transports(); }
    void readOnlyGuard()
    {
        QFETCH(QString, transport);
        QCOMPARE(run(m_direct.get(), {{"SET", "ro", "before"}}).size(), 1);
        std::unique_ptr<KvStore> inner;
        if (transport == QLatin1String("redis"))
            inner = std::make_unique<RedisStore>(
                RedisAddress::tcp(QStringLiteral("127.0.0.1"), m_redis.port()));
        else
            inner = std::make_unique<UpstashRestStore>(restOptions());
        ReadOnlyStore guard(inner.release(), QStringLiteral("prod-eu"));
        QVERIFY(!guard.capabilities().canWrite);

        const QList<QVector<KvCommand>> writes{
            {{"SET", "ro", "after"}},
            {{"GET", "ro"}, {"DEL", "ro"}},
            {{"GET", "ro"}, {"UNLINK", "ro"}},
            {{"PEXPIRE", "ro", "1"}},
            {{"FLUSHALL"}},
            {{"EVAL", "return redis.call('SET','ro','x')", "0"}},
            {{"set", "ro", "lowercase"}},
        };
        for (const auto& batch : writes) {
            const auto refused = await(guard.execute(batch));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, QStringLiteral("read-only"));
            QVERIFY(refused.error().message.contains(QStringLiteral("prod-eu")));
            const auto atomic = await(guard.executeAtomic(batch));
            QVERIFY(!atomic.ok());
            QCOMPARE(atomic.error().code, QStringLiteral("read-only"));
        }
        QCOMPARE(run(m_direct.get(), {{"GET", "ro"}}).first(), KvReply::string("before"));
        QCOMPARE(run(m_direct.get(), {{"PTTL", "ro"}}).first(), KvReply::fromInteger(-1));

        const auto reads = await(guard.execute({{"GET", "ro"},
                                                {"MGET", "ro", "x"},
                                                {"EXISTS", "ro"},
                                                {"TYPE", "ro"},
                                                {"PTTL", "ro"},
                                                {"SCAN", "0", "COUNT", "10"},
                                                {"DBSIZE"},
                                                {"PING"}}));
        QVERIFY2(reads.ok(), reads.ok() ? "" : qPrintable(reads.error().message));
        QCOMPARE(reads.value().first(), KvReply::string("before"));
    }

    // A read-only Redis profile showed "?" in the key tree's Type, TTL and Size columns: the
    // direct store's own guard refused MEMORY USAGE, which the read-only rule allows.
    void readOnlyRedisAnswersTheKeyTreesReads()
    {
        QCOMPARE(run(m_direct.get(), {{"HSET", "h", "f", "v"}}).size(), 1);
        const RedisAddress address = RedisAddress::tcp(QStringLiteral("127.0.0.1"), m_redis.port());
        ReadOnlyStore guard(new RedisStore(address, true), QStringLiteral("staging"));
        const auto meta = await(guard.execute(
            {{"TYPE", "h"}, {"PTTL", "h"}, {"MEMORY", "USAGE", "h"}, {"OBJECT", "ENCODING", "h"}}));
        QVERIFY2(meta.ok(), meta.ok() ? "" : qPrintable(meta.error().message));
        QCOMPARE(meta.value().at(0).bytes, QByteArray("hash"));
        QCOMPARE(meta.value().at(1).integer, -1);
        QVERIFY(meta.value().at(2).integer > 0);
        QCOMPARE(meta.value().at(3).bytes, QByteArray("listpack"));
        // The store alone refuses what the rule refuses, and only that.
        RedisStore bare(address, true);
        QVERIFY(await(bare.execute({{"MEMORY", "USAGE", "h"}})).ok());
        for (const QVector<KvCommand>& batch :
             {QVector<KvCommand>{{"MEMORY", "PURGE"}}, QVector<KvCommand>{{"HSET", "h", "f", "w"}},
              QVector<KvCommand>{{"GET", "h"}, {"DEL", "h"}}}) {
            const auto refused = await(bare.execute(batch));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        }
        QCOMPARE(run(m_direct.get(), {{"HGET", "h", "f"}}).first(), KvReply::string("v"));
    }

    void readOnlyTokenIsRefusedByTheServer()
    {
        UpstashRestOptions o = restOptions();
        o.token = m_proxy.readOnlyToken();
        UpstashRestStore rest(o);
        QCOMPARE(run(m_direct.get(), {{"SET", "k", "v"}}).size(), 1);
        const auto read = await(rest.execute({{"GET", "k"}}));
        QVERIFY(read.ok());
        QCOMPARE(read.value().first(), KvReply::string("v"));
        const auto write = await(rest.execute({{"SET", "k", "w"}}));
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code, QStringLiteral("noperm"));
        QVERIFY2(write.error().message.contains(QStringLiteral("read-only token")),
                 qPrintable(write.error().message));
        QVERIFY(!write.error().message.contains(QString::fromUtf8(m_proxy.readOnlyToken())));
        QCOMPARE(run(m_direct.get(), {{"GET", "k"}}).first(), KvReply::string("v"));
    }
};

QTEST_GUILESS_MAIN(TestTransports)
#include "tst_transports.moc"
