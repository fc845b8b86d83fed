#include "connections/sessionsecrets.h"
#include "workflows/targetsession.h"
#include "workflows/targetspec.h"

#include <QTest>

using namespace pmkv;

// The one write rule: read-only first (whatever is typed), then PROD's typed name.
class TstTargetSession final : public QObject
{
    Q_OBJECT

private:
    static ConnectionProfile profile(ConnectionProfile::Environment env, bool readOnly)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prod-eu");
        p.address = QStringLiteral("https://eu1-x.upstash.io");
        p.environment = env;
        p.readOnly = readOnly;
        return p;
    }

private Q_SLOTS:
    void devWritesWithoutConfirmation()
    {
        const auto p = profile(ConnectionProfile::Environment::Dev, false);
        QVERIFY(TargetSession::authorizeWrite(p, false, QString()).ok());
    }

    void prodNeedsItsName()
    {
        const auto p = profile(ConnectionProfile::Environment::Prod, false);
        const auto refused = TargetSession::authorizeWrite(p, false, QString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("prod-not-confirmed"));
        QCOMPARE(refused.error().next.action, NextStep::Action::ConfirmProd);
        QCOMPARE(refused.error().next.detail, QStringLiteral("prod-eu"));
        QVERIFY(!TargetSession::authorizeWrite(p, false, QStringLiteral("prod")).ok());
        QVERIFY(TargetSession::authorizeWrite(p, false, QStringLiteral("prod-eu")).ok());
    }

    void readOnlyIsRefusedBeforeAskingForTheName()
    {
        const auto p = profile(ConnectionProfile::Environment::Prod, true);
        const auto refused = TargetSession::authorizeWrite(p, false, QStringLiteral("prod-eu"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        QVERIFY(refused.error().next.isNone());
    }

    void readOnlyTokenIsRefused()
    {
        const auto p = profile(ConnectionProfile::Environment::Dev, false);
        const auto refused = TargetSession::authorizeWrite(p, true, QString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("read-only"));
        QVERIFY(refused.error().message.contains(QStringLiteral("read-only token")));
    }

    // An address's login is kept apart from the profile it names, whatever its password holds
    // ('?' and '@' as typed, or escaped): the address left names no secret.
    void addressLoginIsKeptApart_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("redis") << QStringLiteral("redis://app:pw@127.0.0.1:6379/2")
                               << QStringLiteral("redis://127.0.0.1:6379/2")
                               << QStringLiteral("app") << QStringLiteral("pw");
        QTest::newRow("redis, ? and @")
            << QStringLiteral("redis://:pa?s@s@127.0.0.1:6379")
            << QStringLiteral("redis://127.0.0.1:6379") << QString() << QStringLiteral("pa?s@s");
        QTest::newRow("redis, escaped")
            << QStringLiteral("redis://:pa%3Fss@127.0.0.1:6379")
            << QStringLiteral("redis://127.0.0.1:6379") << QString() << QStringLiteral("pa?ss");
        QTest::newRow("cluster, ?")
            << QStringLiteral(
                   "redis+cluster://:pa?ss@127.0.0.1:7000,127.0.0.1:7001?replicas=prefer")
            << QStringLiteral("redis+cluster://127.0.0.1:7000,127.0.0.1:7001?replicas=prefer")
            << QString() << QStringLiteral("pa?ss");
    }

    void addressLoginIsKeptApart()
    {
        QFETCH(QString, address);
        QFETCH(QString, kept);
        QFETCH(QString, user);
        QFETCH(QString, password);
        const ConnectionProfile p = TargetSpec::forAddress(address);
        QCOMPARE(p.address, kept);
        QCOMPARE(p.redisUser, user);
        QCOMPARE(p.secretSource, ConnectionProfile::SecretSource::Session);
        QCOMPARE(SessionSecrets::instance().get(p.name, SecretSlot::Token),
                 std::optional<QByteArray>(password.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TstTargetSession)
#include "tst_targetsession.moc"
