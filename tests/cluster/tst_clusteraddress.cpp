// How a cluster address is read and how commands are cut up, without a server:
// redis+cluster:// with several nodes, a login and options; what is refused and why (no
// password in the message); which commands split by slot and how their replies merge; the
// redirections a node answers with.
#include "kv/hashslot.h"
#include "redis/clusteraddress.h"
#include "redis/clustercommand.h"
#include "redis/clusterredirect.h"
#include "redis/clusterslotmap.h"

#include <QtTest>

using namespace pmkv;

class TestClusterAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesNodesLoginAndOptions()
    {
        const auto a = ClusterAddress::parse(QStringLiteral(
            "redis+cluster://app:s%40cret@10.0.0.1:7001,[::1]:7002,host?timeout=2s"));
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QCOMPARE(a.value().seeds().size(), 3);
        QCOMPARE(a.value().seeds().at(1).host(), QStringLiteral("::1"));
        QCOMPARE(a.value().seeds().at(2).port(), quint16(6379));
        for (const RedisAddress& seed : a.value().seeds()) {
            QCOMPARE(seed.user(), QStringLiteral("app"));
            QCOMPARE(seed.password(), QStringLiteral("s@cret"));
            QCOMPARE(seed.replyTimeoutMs(), 2000);
        }
        // Other nodes the cluster names get the same login and timeout.
        const RedisAddress other = a.value().node(QStringLiteral("10.0.0.9"), 7009);
        QCOMPARE(other.password(), QStringLiteral("s@cret"));
        QCOMPARE(other.replyTimeoutMs(), 2000);
        QCOMPARE(a.value().describe(),
                 QStringLiteral("redis+cluster://10.0.0.1:7001,[::1]:7002,host:6379"));
    }

    // The login ends at the last '@' before the node list and the options start at the first
    // '?' after it, as in a redis:// address: a password may hold '?', '@', '/' or '#' as
    // typed, and escapes in it still work.
    void passwordMayHoldDelimiters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("replicas");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("? in the password")
            << QStringLiteral(
                   "redis+cluster://:pa?ss@127.0.0.1:7000,127.0.0.1:7001?replicas=prefer")
            << QString() << QStringLiteral("pa?ss") << true << 0;
        QTest::newRow("? and @ in the password, options")
            << QStringLiteral("redis+cluster://app:p?w@d?x@127.0.0.1:7000,127.0.0.1:7001"
                              "?timeout=2s&replicas=prefer")
            << QStringLiteral("app") << QStringLiteral("p?w@d?x") << true << 2000;
        QTest::newRow("/ and # in the password")
            << QStringLiteral("redis+cluster://:a/b#c@127.0.0.1:7000,127.0.0.1:7001") << QString()
            << QStringLiteral("a/b#c") << false << 0;
        QTest::newRow("escaped ?")
            << QStringLiteral("redis+cluster://:pa%3Fss@127.0.0.1:7000,127.0.0.1:7001?timeout=1s")
            << QString() << QStringLiteral("pa?ss") << false << 1000;
        QTest::newRow("escaped % and @")
            << QStringLiteral("redis+cluster://u:100%25%40x@127.0.0.1:7000,127.0.0.1:7001")
            << QStringLiteral("u") << QStringLiteral("100%@x") << false << 0;
    }

    void passwordMayHoldDelimiters()
    {
        QFETCH(QString, text);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(bool, replicas);
        QFETCH(int, timeoutMs);
        const auto a = ClusterAddress::parse(text);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QCOMPARE(a.value().seeds().size(), 2);
        QCOMPARE(a.value().seeds().at(0).host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(a.value().seeds().at(0).port(), quint16(7000));
        QCOMPARE(a.value().seeds().at(1).host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(a.value().seeds().at(1).port(), quint16(7001));
        for (const RedisAddress& seed : a.value().seeds()) {
            QCOMPARE(seed.user(), user);
            QCOMPARE(seed.password(), password);
            QCOMPARE(seed.replyTimeoutMs(), timeoutMs);
        }
        QCOMPARE(a.value().readsFromReplicas(), replicas);
        QCOMPARE(a.value().describe(),
                 QStringLiteral("redis+cluster://127.0.0.1:7000,127.0.0.1:7001"));
    }

    void readsReplicasWhenTheAddressSaysSo()
    {
        QVERIFY(!ClusterAddress::parse(QStringLiteral("redis+cluster://a:7001"))
                     .value()
                     .readsFromReplicas());
        const auto prefer = ClusterAddress::parse(
            QStringLiteral("redis+cluster://a:7001,b:7002?timeout=2s&replicas=prefer"));
        QVERIFY2(prefer.ok(), qPrintable(prefer.ok() ? QString() : prefer.error().message));
        QVERIFY(prefer.value().readsFromReplicas());
        QCOMPARE(prefer.value().seeds().at(1).replyTimeoutMs(), 2000); // the rest still applies
        QVERIFY(!ClusterAddress::parse(QStringLiteral("redis+cluster://a:7001?replicas=never"))
                     .value()
                     .readsFromReplicas());
        const auto bad =
            ClusterAddress::parse(QStringLiteral("redis+cluster://a:7001?replicas=sometimes"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, QStringLiteral("redis-address"));
        QVERIFY(bad.error().message.contains(QStringLiteral("?replicas=")));
    }

    void keepsEachMastersReplicas()
    {
        // CLUSTER SLOTS: [start, end, master, replica...], a node as [host, port, id]; an
        // empty host is the node asked.
        const auto node = [](const QByteArray& host, int port) {
            return KvReply::array(
                {KvReply::string(host), KvReply::fromInteger(port), KvReply::string("id")});
        };
        const KvReply slots = KvReply::array(
            {KvReply::array({KvReply::fromInteger(0), KvReply::fromInteger(8000),
                             node("10.0.0.1", 7001), node("10.0.0.4", 7004), node("", 7005)}),
             KvReply::array({KvReply::fromInteger(8001), KvReply::fromInteger(16383),
                             node("10.0.0.2", 7002)})});
        const auto map =
            ClusterSlotMap::fromClusterSlots(slots, {QStringLiteral("10.0.0.9"), 7009});
        QVERIFY(map.ok());
        const ClusterSlotMap& m = map.value();
        QCOMPARE(m.replicaNodesOf(m.masterOf(0)),
                 (QVector<ClusterEndpoint>{{QStringLiteral("10.0.0.4"), 7004},
                                           {QStringLiteral("10.0.0.9"), 7005}}));
        QCOMPARE(m.replicasOf({QStringLiteral("10.0.0.1"), 7001}), 2);
        QVERIFY(m.replicaNodesOf(m.masterOf(9000)).isEmpty());
    }

    void refusesWhatCannotWork_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no node") << QStringLiteral("redis+cluster://");
        QTest::newRow("bad port") << QStringLiteral("redis+cluster://pw@a:7001,b:99999");
        QTest::newRow("database") << QStringLiteral("redis+cluster://a:7001/2");
        QTest::newRow("other scheme") << QStringLiteral("redis://a:7001");
    }

    void refusesWhatCannotWork()
    {
        QFETCH(QString, text);
        const auto a = ClusterAddress::parse(text);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, QStringLiteral("redis-address"));
        QVERIFY(!a.error().message.contains(QStringLiteral("pw")));
        QVERIFY2(!a.error().message.contains(QStringLiteral(".. ")), qPrintable(a.error().message));
    }

    void splitsByslotAndMergesAsOneRedis()
    {
        const KvCommand mget{"MGET", "a", "b", "{a}x", "c"};
        QCOMPARE(ClusterCommand::spreadOf(mget), ClusterCommand::Spread::KeysBySlot);
        const QVector<ClusterCommand::Part> parts = ClusterCommand::splitBySlot(mget);
        // "a" and "{a}x" share a slot: one part, in key order.
        int withA = -1;
        for (int i = 0; i < parts.size(); ++i) {
            if (parts.at(i).slot == HashSlot::of("a"))
                withA = i;
        }
        QVERIFY(withA >= 0);
        QCOMPARE(parts.at(withA).command, (KvCommand{"MGET", "a", "{a}x"}));
        QCOMPARE(parts.at(withA).positions, (QVector<int>{0, 2}));
        QVector<KvReply> replies;
        for (const ClusterCommand::Part& part : parts) {
            QVector<KvReply> values;
            for (qsizetype k = 1; k < part.command.size(); ++k)
                values.append(KvReply::string("v-" + part.command.at(k)));
            replies.append(KvReply::array(values));
        }
        QCOMPARE(ClusterCommand::merge(mget, parts, replies),
                 KvReply::array({KvReply::string("v-a"), KvReply::string("v-b"),
                                 KvReply::string("v-{a}x"), KvReply::string("v-c")}));

        const KvCommand mset{"MSET", "a", "1", "b", "2"};
        const auto msetParts = ClusterCommand::splitBySlot(mset);
        QCOMPARE(msetParts.size(), 2);
        QCOMPARE(msetParts.at(0).command, (KvCommand{"MSET", "a", "1"}));

        // The keys a command names, for routing and for a transaction's one-slot rule.
        QCOMPARE(ClusterCommand::keysOf({"EVAL", "return 1", "2", "k1", "k2", "arg"}),
                 (QVector<QByteArray>{"k1", "k2"}));
        QCOMPARE(ClusterCommand::keysOf({"MSETNX", "k1", "v", "k2", "v"}),
                 (QVector<QByteArray>{"k1", "k2"}));
        QVERIFY(ClusterCommand::keysOf({"PING"}).isEmpty());
        QCOMPARE(ClusterCommand::spreadOf({"DBSIZE"}), ClusterCommand::Spread::EveryMaster);
        QCOMPARE(ClusterCommand::spreadOf({"scan", "0"}), ClusterCommand::Spread::Scan);
        QCOMPARE(ClusterCommand::spreadOf({"DEL", "one"}), ClusterCommand::Spread::ByKey);
        QCOMPARE(ClusterCommand::merge({"DBSIZE"}, {{}, {}},
                                       {KvReply::fromInteger(3), KvReply::fromInteger(4)}),
                 KvReply::fromInteger(7));
        // An error of any part is the reply.
        QCOMPARE(ClusterCommand::merge({"DEL", "a", "b"}, {{}, {}},
                                       {KvReply::fromInteger(1), KvReply::error("ERR x")}),
                 KvReply::error("ERR x"));
    }

    void readsRedirections()
    {
        const ClusterRedirect moved = ClusterRedirect::ofText("MOVED 3999 127.0.0.1:6381");
        QCOMPARE(int(moved.kind), int(ClusterRedirect::Kind::Moved));
        QCOMPARE(moved.slot, 3999);
        QCOMPARE(moved.to.key(), QStringLiteral("127.0.0.1:6381"));
        const ClusterRedirect ask = ClusterRedirect::ofText("ASK 12 [::1]:7002");
        QCOMPARE(int(ask.kind), int(ClusterRedirect::Kind::Ask));
        QCOMPARE(ask.to.host, QStringLiteral("::1"));
        QCOMPARE(int(ClusterRedirect::ofText("TRYAGAIN Multiple keys request during "
                                             "rehashing of slot")
                         .kind),
                 int(ClusterRedirect::Kind::Later));
        QCOMPARE(int(ClusterRedirect::ofText("CLUSTERDOWN The cluster is down").kind),
                 int(ClusterRedirect::Kind::Later));
        QCOMPARE(int(ClusterRedirect::ofText("MOVED nonsense").kind),
                 int(ClusterRedirect::Kind::None));
        QCOMPARE(int(ClusterRedirect::ofText("ERR wrong").kind), int(ClusterRedirect::Kind::None));
    }
};

QTEST_GUILESS_MAIN(TestClusterAddress)
#include "tst_clusteraddress.moc"
