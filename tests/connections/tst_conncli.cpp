// `pmkv conn list|add|test|remove|import` through the real pmkv binary, with profiles in a
// throw-away XDG_CONFIG_HOME, secrets in the gnome-keyring started by run-with-keyring.sh,
// and a real pmkv-proxy + redis-server to test against.
#include "pmkvrun.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace pmkv;
using pmkv::test::ProxyProcess;
using pmkv::test::RedisServer;

namespace {

using Run = pmkv::test::PmkvRun;

} // namespace

class TestConnCli final : public QObject
{
    Q_OBJECT

private:
    test::TestTree m_dir;
    RedisServer m_redis;
    ProxyProcess m_proxy;
    const QByteArray m_token = "cli-full-token-5ecr3t";
    const QByteArray m_readOnlyToken = "cli-ro-token-5ecr3t";

    Run pmkv(const QStringList& arguments, const QByteArray& input = QByteArray(),
             const QHash<QString, QString>& env = {})
    {
        QHash<QString, QString> e{
            {QStringLiteral("XDG_CONFIG_HOME"), m_dir.path(QStringLiteral("config"))}};
        e.insert(env); // the caller's variables win
        const Run run = test::runPmkv(arguments, e, input, 60000);
        // No secret ever reaches the output.
        for (const QByteArray& secret : {m_token, m_readOnlyToken}) {
            if (run.out.contains(secret) || run.err.contains(secret))
                qFatal("a secret was printed");
        }
        return run;
    }

    QString profilesFile() const
    {
        return m_dir.path(QStringLiteral("config/pmkv-studio/connections.ini"));
    }

    void checkNoSecretOnDisk()
    {
        QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            if (f.fileName().endsWith(QLatin1String(".env.local")))
                continue; // the user's own file, left as it was
            QVERIFY2(!bytes.contains(m_token) && !bytes.contains(m_readOnlyToken),
                     qPrintable(f.fileName()));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!test::binaryPath(QStringLiteral("pmkv")).isEmpty(), "pmkv is not built");
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_proxy.setRedisUrl(m_redis.url());
        m_proxy.setToken(m_token);
        m_proxy.setReadOnlyToken(m_readOnlyToken);
        QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
        m_redis.cli({QStringLiteral("MSET"), QStringLiteral("a"), QStringLiteral("1"),
                     QStringLiteral("b"), QStringLiteral("2"), QStringLiteral("c"),
                     QStringLiteral("3")});
    }

    void emptyList()
    {
        const Run run =
            pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out).array().size(), 0);
    }

    void addTestListRemove()
    {
        const QString url = m_proxy.url().toString();
        Run run =
            pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("local"), url,
                  QStringLiteral("--token-stdin"), QStringLiteral("--env"), QStringLiteral("DEV")},
                 m_token + "\n");
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(profilesFile()));

        run = pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first()[QStringLiteral("name")].toString(), QStringLiteral("local"));
        QCOMPARE(list.first()[QStringLiteral("kind")].toString(), QStringLiteral("proxy"));
        QCOMPARE(list.first()[QStringLiteral("secret")].toString(), QStringLiteral("keychain"));
        QCOMPARE(list.first()[QStringLiteral("environment")].toString(), QStringLiteral("DEV"));

        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("local"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = run.json();
        QCOMPARE(report[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(report[QStringLiteral("keyCount")].toInt(), 3);
        QCOMPARE(report[QStringLiteral("canWrite")].toBool(), true);
        QVERIFY(report[QStringLiteral("latencyMs")].toDouble() > 0);
        QVERIFY(report[QStringLiteral("serverKind")].toString().contains(QStringLiteral("REST")));
        // The write probe changed nothing.
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("3"));

        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("local")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("latency"));
        QVERIFY(run.out.contains("keys        3"));
        QVERIFY(run.out.contains("can write   yes"));
        checkNoSecretOnDisk();

        run = pmkv({QStringLiteral("conn"), QStringLiteral("remove"), QStringLiteral("local")});
        QCOMPARE(run.exitCode, 0);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("local")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no connection named \"local\""));
        // The secret went with it: a new profile of that name finds nothing in the keychain.
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("local"), url,
                    QStringLiteral("--secret-env"), QStringLiteral("NOT_SET_ANYWHERE")});
        QCOMPARE(run.exitCode, 0);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("local")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("NOT_SET_ANYWHERE"));
        QCOMPARE(pmkv({QStringLiteral("conn"), QStringLiteral("remove"), QStringLiteral("local")})
                     .exitCode,
                 0);
    }

    void readOnlyTokenCannotWrite()
    {
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("ro"),
                        m_proxy.url().toString(), QStringLiteral("--secret-env"),
                        QStringLiteral("RO_TOKEN")});
        QCOMPARE(run.exitCode, 0);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("ro"),
                    QStringLiteral("--json")},
                   {}, {{QStringLiteral("RO_TOKEN"), QString::fromUtf8(m_readOnlyToken)}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json()[QStringLiteral("canWrite")].toBool(), false);
        QVERIFY(run.json()[QStringLiteral("writeNote")].toString().contains(
            QStringLiteral("refused a write")));
        QCOMPARE(run.json()[QStringLiteral("keyCount")].toInt(), 3);
    }

    void readOnlyProfileNeverWrites()
    {
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("cache"),
                        m_redis.url() + QStringLiteral("/0"), QStringLiteral("--read-only"),
                        QStringLiteral("--env"), QStringLiteral("PROD")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("cache"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = run.json();
        QCOMPARE(report[QStringLiteral("canWrite")].toBool(), false);
        QVERIFY(
            report[QStringLiteral("serverKind")].toString().startsWith(QStringLiteral("redis 7")));
        QCOMPARE(report[QStringLiteral("readOnly")].toBool(), true);
        QCOMPARE(report[QStringLiteral("environment")].toString(), QStringLiteral("PROD"));
    }

    void urlWithTokenInEnvironment()
    {
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("--url"),
                        m_proxy.url().toString(), QStringLiteral("--json")},
                       {}, {{QStringLiteral("PMKV_TOKEN"), QString::fromUtf8(m_token)}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json()[QStringLiteral("canWrite")].toBool(), true);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("--url"),
                    m_proxy.url().toString(), QStringLiteral("--json")},
                   {}, {{QStringLiteral("PMKV_TOKEN"), QStringLiteral("wrong-token")}});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("unauthorized"));
        // Issue #21 item 10: the step it suggests is an option that exists.
        run = pmkv({QStringLiteral("snapshot"), QStringLiteral("--url"), m_proxy.url().toString(),
                    QStringLiteral("-o"), m_dir.path(QStringLiteral("unauthorized.ndjson")),
                    QStringLiteral("--state-dir"), m_dir.path(QStringLiteral("state"))},
                   {}, {{QStringLiteral("PMKV_TOKEN"), QStringLiteral("wrong-token")}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(!run.err.contains("--replace-secret") && run.err.contains("--token-stdin"),
                 run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("--url"),
                    QStringLiteral("http://10.9.8.7:8080")},
                   {}, {{QStringLiteral("PMKV_TOKEN"), QStringLiteral("x")}});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unencrypted"));
    }

    // pmkv-studio opens the local environment as "pmkv-env" for a session; a saved connection
    // of that name would be taken for it, by the CLI's add and import as by the dialog.
    void theLocalEnvironmentsNameIsNotSaved()
    {
        const QString url = m_proxy.url().toString();
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("pmkv-env"),
                        url, QStringLiteral("--secret-env"), QStringLiteral("PMKV_TEST_TOKEN")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("local environment's connection") &&
                     run.err.contains("another name"),
                 run.err.constData());
        m_dir.write(QStringLiteral("reserved/.env.local"),
                    "UPSTASH_REDIS_REST_URL=\"" + url.toUtf8() + "\"\nUPSTASH_REDIS_REST_TOKEN=\"" +
                        m_token + "\"\n");
        run = pmkv({QStringLiteral("conn"), QStringLiteral("import"),
                    m_dir.path(QStringLiteral("reserved/.env.local")), QStringLiteral("--name"),
                    QStringLiteral("pmkv-env"), QStringLiteral("--from-env")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("another name"), run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue& v : QJsonDocument::fromJson(run.out).array())
            QVERIFY(v[QStringLiteral("name")].toString() != QLatin1String("pmkv-env"));
    }
    void importEnvFile()
    {
        const QByteArray env = "# from Vercel\nKV_URL=\"rediss://default:x@eu1.upstash.io:6379\"\n"
                               "KV_REST_API_URL=\"" +
                               m_proxy.url().toString().toUtf8() + "\"\nKV_REST_API_TOKEN=\"" +
                               m_token + "\"\nKV_REST_API_READ_ONLY_TOKEN=\"" + m_readOnlyToken +
                               "\"\n";
        m_dir.write(QStringLiteral("app/.env.local"), env);
        Run run =
            pmkv({QStringLiteral("conn"), QStringLiteral("import"),
                  m_dir.path(QStringLiteral("app/.env.local")), QStringLiteral("--name"),
                  QStringLiteral("vercel"), QStringLiteral("--env"), QStringLiteral("STAGING")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(m_dir.path(QStringLiteral("app/.env.local")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), env); // untouched
        checkNoSecretOnDisk();

        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("vercel"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json()[QStringLiteral("canWrite")].toBool(), true);

        // Imported again as read-only: the read-only token is the one used.
        run = pmkv({QStringLiteral("conn"), QStringLiteral("import"),
                    m_dir.path(QStringLiteral("app/.env.local")), QStringLiteral("--name"),
                    QStringLiteral("vercel-ro"), QStringLiteral("--read-only")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        bool found = false;
        for (const QJsonValue& v : QJsonDocument::fromJson(run.out).array()) {
            if (v[QStringLiteral("name")].toString() == QLatin1String("vercel-ro")) {
                found = true;
                QCOMPARE(v[QStringLiteral("hasReadOnlyToken")].toBool(), true);
                QCOMPARE(v[QStringLiteral("readOnly")].toBool(), true);
            }
        }
        QVERIFY(found);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("vercel-ro"),
                    QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json()[QStringLiteral("canWrite")].toBool(), false);

        // --from-env: the profile reads the file's variable name at run time, no keychain.
        run = pmkv({QStringLiteral("conn"), QStringLiteral("import"),
                    m_dir.path(QStringLiteral("app/.env.local")), QStringLiteral("--name"),
                    QStringLiteral("vercel-env"), QStringLiteral("--from-env")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("$KV_REST_API_TOKEN"));
        checkNoSecretOnDisk();
    }

    void noKeychain()
    {
        const QHash<QString, QString> noBus{{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                                             QStringLiteral("unix:path=/nonexistent/bus")}};
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("headless"),
                        m_proxy.url().toString(), QStringLiteral("--token-stdin")},
                       m_token + "\n", noBus);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no keychain is reachable"), run.err.constData());
        QVERIFY(run.err.contains("--secret-env"));
        QVERIFY(run.err.contains("not saved"));
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list")}, {}, noBus);
        QVERIFY(!run.out.contains("headless"));
        checkNoSecretOnDisk();
        // The offered way works without any keychain.
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("headless"),
                    m_proxy.url().toString(), QStringLiteral("--secret-env"),
                    QStringLiteral("HEADLESS_TOKEN")},
                   {}, noBus);
        QCOMPARE(run.exitCode, 0);
        QHash<QString, QString> withToken = noBus;
        withToken.insert(QStringLiteral("HEADLESS_TOKEN"), QString::fromUtf8(m_token));
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("headless")}, {},
                   withToken);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // The proxy choice a profile keeps (the store's use of it: tst_restproxy).
    void proxyChoice()
    {
        const QString proxy = QStringLiteral("http://proxy.corp.example:3128");
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("corp"),
                        QStringLiteral("https://eu1-x.upstash.io"), QStringLiteral("--secret-env"),
                        QStringLiteral("CORP_TOKEN"), QStringLiteral("--proxy"), proxy});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("direct"),
                    m_proxy.url().toString(), QStringLiteral("--secret-env"),
                    QStringLiteral("DIRECT_TOKEN"), QStringLiteral("--proxy"),
                    QStringLiteral("none")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QHash<QString, QString> proxies;
        for (const QJsonValue& p : QJsonDocument::fromJson(run.out).array())
            proxies.insert(p[QStringLiteral("name")].toString(),
                           p[QStringLiteral("proxy")].toString());
        QCOMPARE(proxies.value(QStringLiteral("corp")), proxy);
        QCOMPARE(proxies.value(QStringLiteral("direct")), QStringLiteral("none"));
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list")});
        QVERIFY(run.out.contains(QByteArray("(proxy " + proxy.toUtf8() + ")")));
        // "none" reaches the local proxy; the choice travels with the profile to the store.
        run = pmkv({QStringLiteral("conn"), QStringLiteral("test"), QStringLiteral("direct")}, {},
                   {{QStringLiteral("DIRECT_TOKEN"), QString::fromUtf8(m_token)}});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        // Refused before anything is saved: credentials in it, a Redis connection, not a proxy.
        const QList<QStringList> refused{
            {QStringLiteral("https://eu1-x.upstash.io"), QStringLiteral("http://u:pw@p:3128")},
            {QStringLiteral("redis://127.0.0.1:6379"), QStringLiteral("none")},
            {QStringLiteral("https://eu1-x.upstash.io"), QStringLiteral("ftp://p:21")}};
        for (const QStringList& pair : refused) {
            run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("refused"),
                        pair.at(0), QStringLiteral("--secret-env"), QStringLiteral("X"),
                        QStringLiteral("--proxy"), pair.at(1)});
            QCOMPARE(run.exitCode, 64);
            QVERIFY(run.err.contains("--proxy"));
            QVERIFY(!run.err.contains("pw"));
        }
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list")});
        QVERIFY(!run.out.contains("refused"));
        for (const QString& name : {QStringLiteral("corp"), QStringLiteral("direct")})
            QCOMPARE(pmkv({QStringLiteral("conn"), QStringLiteral("remove"), name}).exitCode, 0);
    }

    void clusterReplicaReads()
    {
        // Saved with the profile, shown by list; refused for anything but a cluster.
        Run run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("shards"),
                        QStringLiteral("redis+cluster://127.0.0.1:7001,127.0.0.1:7002"),
                        QStringLiteral("--replica-reads")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("masters"),
                    QStringLiteral("redis://127.0.0.1:7001"), QStringLiteral("--cluster")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QHash<QString, QJsonObject> saved;
        for (const QJsonValue& p : QJsonDocument::fromJson(run.out).array())
            saved.insert(p[QStringLiteral("name")].toString(), p.toObject());
        QCOMPARE(saved.value(QStringLiteral("shards"))[QStringLiteral("replicaReads")], true);
        QCOMPARE(saved.value(QStringLiteral("shards"))[QStringLiteral("cluster")], true);
        QCOMPARE(saved.value(QStringLiteral("masters"))[QStringLiteral("replicaReads")], false);
        QCOMPARE(saved.value(QStringLiteral("masters"))[QStringLiteral("cluster")], true);
        run = pmkv({QStringLiteral("conn"), QStringLiteral("list")});
        QVERIFY(run.out.contains("(replica reads)"));
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("single"),
                    QStringLiteral("redis://127.0.0.1:6379"), QStringLiteral("--replica-reads")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains("--replica-reads"), run.err.constData());
        run = pmkv({QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("--help")});
        QVERIFY(run.out.contains("--replica-reads"));
        for (const QString& name : {QStringLiteral("shards"), QStringLiteral("masters")})
            QCOMPARE(pmkv({QStringLiteral("conn"), QStringLiteral("remove"), name}).exitCode, 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no action") << QStringList{QStringLiteral("conn")} << 64;
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("conn"), QStringLiteral("frob")} << 64;
        QTest::newRow("add without address")
            << QStringList{QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("x")}
            << 64;
        QTest::newRow("bad name") << QStringList{QStringLiteral("conn"), QStringLiteral("add"),
                                                 QStringLiteral("bad name"),
                                                 QStringLiteral("https://x.upstash.io")}
                                  << 2;
        QTest::newRow("credentials in redis url")
            << QStringList{QStringLiteral("conn"), QStringLiteral("add"), QStringLiteral("r"),
                           QStringLiteral("redis://u:pw@127.0.0.1:6379")}
            << 2;
        QTest::newRow("missing env file")
            << QStringList{QStringLiteral("conn"), QStringLiteral("import"),
                           QStringLiteral("/nonexistent/.env.local")}
            << 2;
        QTest::newRow("help") << QStringList{QStringLiteral("conn"), QStringLiteral("--help")} << 0;
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = pmkv(arguments);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 0)
            QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnCli)
#include "tst_conncli.moc"
