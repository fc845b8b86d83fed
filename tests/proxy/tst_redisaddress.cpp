#include "redis/redisaddress.h"

#include <QtTest>

using namespace pmkv;

class TestRedisAddress final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("socket");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("db");
        QTest::addColumn<QString>("described");

        QTest::newRow("plain") << "redis://127.0.0.1:6380"
                               << "127.0.0.1" << 6380 << ""
                               << ""
                               << "" << 0 << "redis://127.0.0.1:6380/0";
        QTest::newRow("default port") << "redis://localhost"
                                      << "localhost" << 6379 << ""
                                      << ""
                                      << "" << 0 << "redis://localhost:6379/0";
        QTest::newRow("no scheme") << "example.org:7000/3"
                                   << "example.org" << 7000 << ""
                                   << ""
                                   << "" << 3 << "redis://example.org:7000/3";
        QTest::newRow("password only") << "redis://:s%40cret@h:1/2"
                                       << "h" << 1 << ""
                                       << ""
                                       << "s@cret" << 2 << "redis://h:1/2";
        QTest::newRow("user and password") << "redis://bob:pw@h:6379/0"
                                           << "h" << 6379 << ""
                                           << "bob"
                                           << "pw" << 0 << "redis://h:6379/0";
        // The login ends at the last '@': a password may hold '?', '@', '/' or '#' as typed
        // (as in a redis+cluster:// address), and escapes in it still work.
        QTest::newRow("? in the password") << "redis://:pa?ss@127.0.0.1:6379"
                                           << "127.0.0.1" << 6379 << ""
                                           << ""
                                           << "pa?ss" << 0 << "redis://127.0.0.1:6379/0";
        QTest::newRow("delimiters in the password, db and options")
            << "redis://app:p?w@d/x#y@h:7000/3?timeout=2s"
            << "h" << 7000 << ""
            << "app"
            << "p?w@d/x#y" << 3 << "redis://h:7000/3";
        QTest::newRow("escaped ?") << "redis://:pa%3Fss@h:1?timeout=1s"
                                   << "h" << 1 << ""
                                   << ""
                                   << "pa?ss" << 0 << "redis://h:1/0";
        QTest::newRow("escaped %") << "redis://u:100%25@h:1"
                                   << "h" << 1 << ""
                                   << "u"
                                   << "100%" << 0 << "redis://h:1/0";
        QTest::newRow("ipv6") << "redis://[::1]:6379"
                              << "::1" << 6379 << ""
                              << ""
                              << "" << 0 << "redis://[::1]:6379/0";
        QTest::newRow("socket") << "/run/redis/redis.sock"
                                << "127.0.0.1" << 6379 << "/run/redis/redis.sock"
                                << ""
                                << "" << 0 << "unix:/run/redis/redis.sock (db 0)";
        QTest::newRow("unix url with db") << "unix:///tmp/r.sock?db=4"
                                          << "127.0.0.1" << 6379 << "/tmp/r.sock"
                                          << ""
                                          << "" << 4 << "unix:/tmp/r.sock (db 4)";
    }

    void parses()
    {
        QFETCH(QString, text);
        const auto a = RedisAddress::parse(text);
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().message));
        QTEST(a.value().host(), "host");
        QTEST(int(a.value().port()), "port");
        QTEST(a.value().socketPath(), "socket");
        QTEST(a.value().user(), "user");
        QTEST(a.value().password(), "password");
        QTEST(a.value().database(), "db");
        QTEST(a.value().describe(), "described");
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("tls") << "rediss://:pw@h:6379"
                             << "TLS";
        QTest::newRow("scheme") << "http://h:6379"
                                << "scheme";
        QTest::newRow("db") << "redis://:pw@h:6379/abc"
                            << "database";
        QTest::newRow("relative socket") << "unix:relative.sock"
                                         << "absolute";
        QTest::newRow("port") << "redis://h:99999"
                              << "URL";
    }

    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto a = RedisAddress::parse(text);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, QStringLiteral("redis-address"));
        QVERIFY2(a.error().message.contains(mentions), qPrintable(a.error().message));
        QVERIFY(!a.error().message.contains(QStringLiteral("pw")));
    }
};

QTEST_GUILESS_MAIN(TestRedisAddress)
#include "tst_redisaddress.moc"
