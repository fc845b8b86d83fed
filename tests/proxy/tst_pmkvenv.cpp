// `pmkv env up|down|status|flush` with the real binaries, a temporary XDG_DATA_HOME and
// non-default ports.
#include "proxybinary.h"
#include "redisserver.h"
#include "testtree.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include <csignal>

using namespace pmkv::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

bool alive(qint64 pid)
{
    return pid > 1 && ::kill(static_cast<pid_t>(pid), 0) == 0 &&
           QFile::exists(QStringLiteral("/proc/%1").arg(pid));
}

} // namespace

class TestPmkvEnv final : public QObject
{
    Q_OBJECT

private:
    Run pmkv(QStringList arguments, bool withPorts = true)
    {
        if (withPorts)
            arguments += {QStringLiteral("--port"), QString::number(m_proxyPort),
                          QStringLiteral("--redis-port"), QString::number(m_redisPort)};
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        env.insert(QStringLiteral("PMKV_PROXY_BIN"), binaryPath(QStringLiteral("pmkv-proxy")));
        p.setProcessEnvironment(env);
        p.start(binaryPath(QStringLiteral("pmkv")), QStringList{QStringLiteral("env")} + arguments);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    QString envFile(const QString& name) const
    {
        return m_home.path(QStringLiteral("pmkv-studio/env/") + name);
    }
    qint64 pidIn(const QString& name) const
    {
        QFile f(envFile(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
    }
    HttpReply call(const QByteArray& target)
    {
        return rawRequest(m_proxyPort, buildRequest("GET", target, {}, m_token));
    }

    // The tests follow one pair's life (up, again, status, flush, down, up), and each also
    // runs alone: these bring the pair to the state a test starts from.
    void ensureUp()
    {
        if (!alive(m_proxyPid) || !alive(m_redisPid))
            upStartsBothAndPrintsEnvLines();
    }
    void ensureDown()
    {
        if (alive(m_proxyPid) || alive(m_redisPid))
            QCOMPARE(pmkv({QStringLiteral("down")}, false).exitCode, 0);
        QVERIFY(QDir().mkpath(envFile(QString())));
    }

    TestTree m_home;
    quint16 m_proxyPort = 0;
    quint16 m_redisPort = 0;
    QByteArray m_token;
    qint64 m_redisPid = 0;
    qint64 m_proxyPid = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!binaryPath(QStringLiteral("pmkv")).isEmpty());
        QVERIFY(!binaryPath(QStringLiteral("pmkv-proxy")).isEmpty());
        m_proxyPort = RedisServer::freePort();
        do
            m_redisPort = RedisServer::freePort();
        while (m_redisPort == m_proxyPort);
    }

    void cleanupTestCase()
    {
        pmkv({QStringLiteral("down")});
        // Whatever happened above, leave no process behind (only the pids we started).
        for (qint64 pid : {m_proxyPid, m_redisPid}) {
            if (alive(pid))
                ::kill(static_cast<pid_t>(pid), SIGKILL);
        }
    }

    void statusBeforeUp()
    {
        const Run r = pmkv({QStringLiteral("status")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("redis-server: stopped"), r.out.constData());
        QVERIFY2(r.out.contains("pmkv-proxy: stopped"), r.out.constData());
    }

    void upStartsBothAndPrintsEnvLines()
    {
        const Run r = pmkv({QStringLiteral("up")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0],
                 "UPSTASH_REDIS_REST_URL=http://127.0.0.1:" + QByteArray::number(m_proxyPort));
        QVERIFY(lines[1].startsWith("UPSTASH_REDIS_REST_TOKEN="));
        m_token = lines[1].mid(int(qstrlen("UPSTASH_REDIS_REST_TOKEN=")));
        QVERIFY(m_token.size() >= 32);
        QVERIFY2(r.err.contains("started redis-server and pmkv-proxy"), r.err.constData());
        m_redisPid = pidIn(QStringLiteral("redis.pid"));
        m_proxyPid = pidIn(QStringLiteral("proxy.pid"));
        QVERIFY(alive(m_redisPid));
        QVERIFY(alive(m_proxyPid));
        // The token file is private.
        QCOMPARE(QFile(envFile(QStringLiteral("token"))).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(call("/set/env:k/persisted").status, 200);
        QCOMPARE(call("/get/env:k").body, QByteArray(R"({"result":"persisted"})"));
    }

    void upAgainIsIdempotent()
    {
        ensureUp();
        if (QTest::currentTestFailed())
            return;
        const Run r = pmkv({QStringLiteral("up")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("already running"), r.err.constData());
        QVERIFY(r.out.contains(QByteArray("UPSTASH_REDIS_REST_TOKEN=" + m_token)));
        QCOMPARE(pidIn(QStringLiteral("redis.pid")), m_redisPid);
        QCOMPARE(pidIn(QStringLiteral("proxy.pid")), m_proxyPid);
    }

    void statusWithoutPortsUsesTheRecordedOnes()
    {
        ensureUp();
        if (QTest::currentTestFailed())
            return;
        const Run r = pmkv({QStringLiteral("status")}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(
                     QByteArray("redis-server: running (pid " + QByteArray::number(m_redisPid))),
                 r.out.constData());
        QVERIFY2(r.out.contains(
                     QByteArray("pmkv-proxy: running (pid " + QByteArray::number(m_proxyPid))),
                 r.out.constData());
    }

    void flushNeedsConfirmation()
    {
        ensureUp();
        if (QTest::currentTestFailed())
            return;
        Run r = pmkv({QStringLiteral("flush")});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains("--yes"), r.err.constData());
        QCOMPARE(call("/exists/env:k").body, QByteArray(R"({"result":1})"));
        QCOMPARE(call("/set/env:gone/1").status, 200);
        r = pmkv({QStringLiteral("flush"), QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(call("/dbsize").body, QByteArray(R"({"result":0})"));
        QCOMPARE(call("/set/env:k/persisted").status, 200);
    }

    void portTakenIsAClearError()
    {
        ensureUp();
        if (QTest::currentTestFailed())
            return;
        // A second environment (another data folder) on the same proxy port.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        TestTree other;
        const Run r =
            pmkv({QStringLiteral("up"), QStringLiteral("--data-dir"), other.path(),
                  QStringLiteral("--port"), QString::number(squatter.serverPort()),
                  QStringLiteral("--redis-port"), QString::number(RedisServer::freePort())},
                 false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QByteArray("port " + QByteArray::number(squatter.serverPort()) +
                                           " (pmkv-proxy) is taken")),
                 r.err.constData());
        QVERIFY(!QFile::exists(other.path(QStringLiteral("redis.pid"))));
        // Redis port taken by our own running env Redis.
        const Run r2 = pmkv({QStringLiteral("up"), QStringLiteral("--data-dir"), other.path(),
                             QStringLiteral("--port"), QString::number(RedisServer::freePort()),
                             QStringLiteral("--redis-port"), QString::number(m_redisPort)},
                            false);
        if (r2.exitCode == 0) // started after all: leave nothing running
            pmkv({QStringLiteral("down"), QStringLiteral("--data-dir"), other.path()}, false);
        QCOMPARE(r2.exitCode, 2);
        QVERIFY2(r2.err.contains("(Redis) is taken"), r2.err.constData());
    }

    void downStopsOnlyWhatItStarted()
    {
        ensureUp();
        if (QTest::currentTestFailed())
            return;
        const Run r = pmkv({QStringLiteral("down")}, false);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("stopped pmkv-proxy and redis-server"), r.out.constData());
        QTRY_VERIFY(!alive(m_proxyPid));
        QTRY_VERIFY(!alive(m_redisPid));
        QVERIFY(!QFile::exists(envFile(QStringLiteral("proxy.pid"))));
        const Run again = pmkv({QStringLiteral("down")}, false);
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("nothing to stop"));
        QCOMPARE(pmkv({QStringLiteral("status")}).exitCode, 1);
    }

    void stalePidIsNeverKilled()
    {
        ensureDown();
        if (QTest::currentTestFailed())
            return;
        // A pid file that points at a live process that is not ours (this test) is ignored.
        QFile f(envFile(QStringLiteral("proxy.pid")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::number(QCoreApplication::applicationPid()));
        f.close();
        const Run r = pmkv({QStringLiteral("down")}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("nothing to stop"));
    }

    void dataPersistsAcrossRestarts()
    {
        ensureUp(); // the token and env:k of a first start
        if (QTest::currentTestFailed())
            return;
        ensureDown();
        const Run r = pmkv({QStringLiteral("up")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_redisPid = pidIn(QStringLiteral("redis.pid"));
        m_proxyPid = pidIn(QStringLiteral("proxy.pid"));
        QVERIFY(r.out.contains(QByteArray("UPSTASH_REDIS_REST_TOKEN=" + m_token))); // same token
        QCOMPARE(call("/get/env:k").body, QByteArray(R"({"result":"persisted"})"));
        QVERIFY(QFile::exists(envFile(QStringLiteral("redis"))));
        QCOMPARE(pmkv({QStringLiteral("down")}).exitCode, 0);
        QTRY_VERIFY(!alive(m_redisPid));
    }

    // Issue #21 item 10: after `env up --data-dir X`, `env status` and `env down` without it
    // did not find the pair (they looked in the default folder).
    void statusAndDownFindAPairInAnotherFolder()
    {
        ensureDown();
        if (QTest::currentTestFailed())
            return;
        TestTree other;
        const quint16 proxyPort = RedisServer::freePort();
        quint16 redisPort = 0;
        do
            redisPort = RedisServer::freePort();
        while (redisPort == proxyPort);
        const Run up = pmkv({QStringLiteral("up"), QStringLiteral("--data-dir"), other.path(),
                             QStringLiteral("--port"), QString::number(proxyPort),
                             QStringLiteral("--redis-port"), QString::number(redisPort)},
                            false);
        QVERIFY2(up.exitCode == 0, up.err.constData());
        auto pidOf = [&](const char* file) {
            QFile f(other.path(QString::fromLatin1(file)));
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
        };
        const qint64 redisPid = pidOf("redis.pid");
        const qint64 proxyPid = pidOf("proxy.pid");
        const Run status = pmkv({QStringLiteral("status")}, false);
        const Run down = pmkv({QStringLiteral("down")}, false);
        if (alive(redisPid) || alive(proxyPid)) // leave nothing running, whatever happened
            pmkv({QStringLiteral("down"), QStringLiteral("--data-dir"), other.path()}, false);
        QVERIFY2(status.exitCode == 0, status.out.constData());
        QVERIFY2(status.out.contains(other.path().toUtf8()), status.out.constData());
        QVERIFY2(status.out.contains(QByteArray::number(proxyPort)), status.out.constData());
        QVERIFY2(down.out.contains("stopped pmkv-proxy and redis-server"), down.out.constData());
        QTRY_VERIFY(!alive(proxyPid));
        QTRY_VERIFY(!alive(redisPid));
        // Once it is down, the default folder is the one looked at again.
        const Run after = pmkv({QStringLiteral("status")}, false);
        QCOMPARE(after.exitCode, 1);
        QVERIFY2(!after.out.contains(other.path().toUtf8()), after.out.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no action") << QStringList{};
        QTest::newRow("unknown action") << QStringList{QStringLiteral("restart")};
        QTest::newRow("bad port") << QStringList{QStringLiteral("up"), QStringLiteral("--port"),
                                                 QStringLiteral("99999")};
        QTest::newRow("same ports")
            << QStringList{QStringLiteral("up"), QStringLiteral("--port"), QStringLiteral("7000"),
                           QStringLiteral("--redis-port"), QStringLiteral("7000")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(pmkv(arguments, false).exitCode, 64);
    }
};

QTEST_GUILESS_MAIN(TestPmkvEnv)
#include "tst_pmkvenv.moc"
