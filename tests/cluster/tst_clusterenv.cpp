// `pmkv env up --cluster` with the real binaries: 6 redis-server processes joined into a
// 3-master/3-replica cluster on free loopback ports, in a temporary data folder, pmkv-proxy in
// front of it; status, flush and down follow it without --cluster; the cluster's address and
// the proxy both work.
#include "env/localcluster.h"
#include "pmkvrun.h"
#include "testtree.h"

#include <QtTest>

using namespace pmkv;
using namespace pmkv::test;

class TestClusterEnv final : public QObject
{
    Q_OBJECT

    TestTree m_home;
    quint16 m_firstPort = 0;

    PmkvRun env(const QStringList& arguments)
    {
        return runPmkv(QStringList{QStringLiteral("env")} + arguments,
                       {{QStringLiteral("XDG_DATA_HOME"), m_home.path()}}, {}, 180000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_firstPort = LocalCluster::findFreePorts(6);
        QVERIFY(m_firstPort != 0);
    }

    void cleanupTestCase() { (void)env({QStringLiteral("down")}); }

    // A proxy port that is a node's port or its cluster bus port (port + 10000) looks free
    // before the cluster starts, and the proxy could not listen after: refused first.
    void proxyPortOfANodeIsRefused()
    {
        for (const int offset : {2, 10000 + 3}) {
            const PmkvRun up =
                env({QStringLiteral("up"), QStringLiteral("--cluster"),
                     QStringLiteral("--redis-port"), QString::number(m_firstPort),
                     QStringLiteral("--port"), QString::number(m_firstPort + offset)});
            QCOMPARE(up.exitCode, 2);
            const QByteArray named =
                "of the cluster node on port " + QByteArray::number(m_firstPort + offset % 10000);
            QVERIFY2(up.err.contains(named), up.err.constData());
            QVERIFY(LocalCluster::portsFree(m_firstPort, 6)); // nothing was started
        }
    }

    void upStatusFlushDown()
    {
        quint16 proxyPort = 0;
        while (proxyPort == 0 || (proxyPort >= m_firstPort && proxyPort < m_firstPort + 6) ||
               (proxyPort >= m_firstPort + 10000 && proxyPort < m_firstPort + 10006))
            proxyPort = LocalCluster::findFreePorts(1);
        const PmkvRun up = env({QStringLiteral("up"), QStringLiteral("--cluster"),
                                QStringLiteral("--redis-port"), QString::number(m_firstPort),
                                QStringLiteral("--port"), QString::number(proxyPort)});
        // The proxy's own words when it did not come up (the folder goes with the test).
        QFile proxyLog(m_home.path() + QStringLiteral("/pmkv-studio/env/proxy.log"));
        const QByteArray said = up.err + (proxyLog.open(QIODevice::ReadOnly)
                                              ? QByteArray("proxy.log:\n") + proxyLog.readAll()
                                              : QByteArray());
        QVERIFY2(up.exitCode == 0, said.constData());
        QVERIFY2(up.err.contains("started 6 cluster nodes and pmkv-proxy"), up.err.constData());
        QVERIFY(up.out.contains(QByteArray("UPSTASH_REDIS_REST_URL=http://127.0.0.1:" +
                                           QByteArray::number(proxyPort))));
        const QString url = QStringLiteral("redis+cluster://127.0.0.1:%1,127.0.0.1:%2,"
                                           "127.0.0.1:%3,127.0.0.1:%4,127.0.0.1:%5,127.0.0.1:%6")
                                .arg(m_firstPort)
                                .arg(m_firstPort + 1)
                                .arg(m_firstPort + 2)
                                .arg(m_firstPort + 3)
                                .arg(m_firstPort + 4)
                                .arg(m_firstPort + 5);
        QVERIFY2(up.err.contains(url.toUtf8()), up.err.constData());

        // status and down need no --cluster: the last up is recorded.
        const PmkvRun status = env({QStringLiteral("status")});
        QVERIFY2(status.exitCode == 0, status.out.constData());
        QVERIFY2(status.out.contains("redis cluster: running (6 nodes"), status.out.constData());
        QVERIFY(status.out.contains("pmkv-proxy: running"));
        QVERIFY(status.out.contains(QByteArray("cluster: " + url.toUtf8())));

        // The address works for pmkv itself, and so does the proxy in front of it.
        const PmkvRun direct = runPmkv(
            {QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("--redis"), url});
        QVERIFY2(direct.exitCode == 0, QByteArray(direct.out + direct.err).constData());
        QByteArray token;
        for (const QByteArray& line : up.out.split('\n')) {
            if (line.startsWith("UPSTASH_REDIS_REST_TOKEN="))
                token = line.mid(25).trimmed();
        }
        const PmkvRun rest =
            runPmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("--url"),
                     QStringLiteral("http://127.0.0.1:%1").arg(proxyPort)},
                    {{QStringLiteral("PMKV_TOKEN"), QString::fromUtf8(token)}});
        QVERIFY2(rest.exitCode == 0, QByteArray(rest.out + rest.err).constData());

        // Up again does nothing; flush asks first; down stops all.
        const PmkvRun again = env({QStringLiteral("up"), QStringLiteral("--cluster")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY(again.err.contains("already running"));
        QCOMPARE(env({QStringLiteral("flush")}).exitCode, 64);
        const PmkvRun flushed = env({QStringLiteral("flush"), QStringLiteral("--yes")});
        QVERIFY2(flushed.exitCode == 0, flushed.err.constData());
        const PmkvRun down = env({QStringLiteral("down")});
        QVERIFY2(down.exitCode == 0, down.err.constData());
        QVERIFY2(down.out.contains("pmkv-proxy and 6 cluster nodes"), down.out.constData());
        const PmkvRun after = env({QStringLiteral("status")});
        QCOMPARE(after.exitCode, 1);
        QVERIFY(LocalCluster::portsFree(m_firstPort, 6));
    }
};

QTEST_GUILESS_MAIN(TestClusterEnv)
#include "tst_clusterenv.moc"
