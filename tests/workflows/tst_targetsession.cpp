#include "workflows/targetsession.h"

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
};

QTEST_GUILESS_MAIN(TstTargetSession)
#include "tst_targetsession.moc"
