// ClusterNodes: CLUSTER NODES as Redis 7 prints it (the server panel's cluster section). The
// real cluster's answer is read in tst_clusterwindow; here the shapes a healthy cluster does
// not show: a failed master, a node without its link, slots being moved, ranges and single
// slots, a replica of a forgotten master, and a line that is not CLUSTER NODES.
#include "kv/clusternodes.h"

#include <QtTest>

using namespace pmkv;

class TestClusterNodes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersMastersBySlotWithTheirReplicas()
    {
        // As a node prints it: its own line anywhere, masters in no particular order.
        const QByteArray text =
            "b2 127.0.0.1:7002@17002 master - 0 1700000000000 2 connected 5461-10922\n"
            "e5 127.0.0.1:7005@17005 slave a1 0 1700000000000 1 connected\n"
            "a1 127.0.0.1:7001@17001,node-a myself,master - 0 0 1 connected 0-5460\n"
            "c3 127.0.0.1:7003@17003 master,fail - 1700000000 1700000000 3 disconnected "
            "10923-16382 16383 [16000->-b2]\n"
            "f6 127.0.0.1:7006@17006 slave c3 0 1700000000000 3 connected\n"
            "d4 127.0.0.1:7004@17004 slave,fail? zz 0 1700000000000 4 disconnected\n";
        auto parsed = ClusterNodes::parse(text);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        const ClusterNodes& nodes = parsed.value();
        QStringList order;
        for (const ClusterNode& node : nodes.nodes)
            order << node.address;
        QCOMPARE(order.join(QLatin1Char(' ')),
                 QStringLiteral("127.0.0.1:7001 127.0.0.1:7005 127.0.0.1:7002 127.0.0.1:7003 "
                                "127.0.0.1:7006 127.0.0.1:7004"));
        QCOMPARE(nodes.masterCount(), 3);
        QCOMPARE(nodes.replicaCount(), 3);
        // The failed master's 5,461 slots are not served.
        QCOMPARE(nodes.servedSlots(), 5461 + 5462);
        QVERIFY(nodes.myself());
        QCOMPARE(nodes.myself()->address, QStringLiteral("127.0.0.1:7001"));

        const ClusterNode& failed = nodes.nodes.at(3);
        QVERIFY(failed.failing);
        QVERIFY(!failed.connected);
        QCOMPARE(failed.slotCount(), 5461);
        QCOMPARE(failed.slotText(), QStringLiteral("10923-16382, 16383"));
        QCOMPARE(failed.slotsMoving, 1);
        QCOMPARE(nodes.replicasOf(failed).size(), 1);
        QCOMPARE(nodes.replicasOf(failed).first().address, QStringLiteral("127.0.0.1:7006"));
        // A replica of a master nobody lists: shown last, "fail?" counts as failing.
        QVERIFY(nodes.nodes.last().failing);
        QCOMPARE(nodes.nodes.last().slotText(), QStringLiteral("none"));
    }

    void refusesWhatIsNotClusterNodes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("named");
        QTest::newRow("short line")
            << QByteArray("a1 127.0.0.1:7001@17001 master -\n") << QStringLiteral("4 fields");
        QTest::newRow("bad slot") << QByteArray("a1 127.0.0.1:7001@17001 master - 0 0 1 "
                                                "connected 0-99999\n")
                                  << QStringLiteral("slot \"0-99999\"");
        QTest::newRow("no role") << QByteArray("a1 127.0.0.1:7001@17001 handshake - 0 0 1 "
                                               "connected\n")
                                 << QStringLiteral("neither master nor replica");
        QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("no node");
    }
    void refusesWhatIsNotClusterNodes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, named);
        auto parsed = ClusterNodes::parse(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, QStringLiteral("cluster.nodes"));
        QVERIFY2(parsed.error().message.contains(named), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestClusterNodes)
#include "tst_clusternodes.moc"
