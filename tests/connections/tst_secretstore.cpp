// SecretStore (QtKeychain) against a real Secret Service: gnome-keyring in a private D-Bus
// session started by run-with-keyring.sh. The same binary runs a second time with no
// reachable keychain (PMKV_EXPECT_NO_KEYCHAIN=1, DBUS_SESSION_BUS_ADDRESS pointing nowhere)
// and checks the error says so and that session-only and environment secrets still work.
#include "awaitfuture.h"
#include "connections/connectionprofile.h"
#include "connections/secretresolver.h"
#include "connections/secretstore.h"
#include "connections/sessionsecrets.h"

#include <QDirIterator>
#include <QtTest>

using namespace pmkv;
using pmkv::test::await;

// QSKIP/QFAIL return from the test function, so this has to be a macro.
#define NEED_KEYCHAIN()                                                                            \
    do {                                                                                           \
        if (m_noKeychain)                                                                          \
            QSKIP("this run has no keychain on purpose");                                          \
        if (!qEnvironmentVariableIsSet("PMKV_TEST_KEYRING_DIR"))                                   \
            QFAIL("run me through run-with-keyring.sh (ctest does)");                              \
    } while (false)

namespace {

ConnectionProfile profile(const QString& name, ConnectionProfile::SecretSource source)
{
    ConnectionProfile p;
    p.name = name;
    p.address = QStringLiteral("https://eu1-x.upstash.io");
    p.secretSource = source;
    return p;
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private:
    bool m_noKeychain = qEnvironmentVariableIsSet("PMKV_EXPECT_NO_KEYCHAIN");
    SecretStore m_store;

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("token") << QStringLiteral("prod-eu") << QByteArray("AX1yABC123token=");
        QTest::newRow("binary") << QStringLiteral("bin") << QByteArray("\0\xff\x01 pw\n", 7);
        QTest::newRow("long") << QStringLiteral("long.name_1") << QByteArray(4096, 'k');
    }

    void roundTrip()
    {
        NEED_KEYCHAIN();
        QFETCH(QString, name);
        QFETCH(QByteArray, secret);
        const auto written = await(m_store.write(name, SecretSlot::Token, secret));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        const auto read = await(m_store.read(name, SecretSlot::Token));
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read.value(), secret);
        // The other slot is separate.
        const auto other = await(m_store.read(name, SecretSlot::ReadOnlyToken));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, QStringLiteral("secret-not-found"));
        // Replacing keeps one value.
        QVERIFY(await(m_store.write(name, SecretSlot::Token, secret + "2")).ok());
        QCOMPARE(await(m_store.read(name, SecretSlot::Token)).value(), secret + "2");
        QVERIFY(await(m_store.remove(name, SecretSlot::Token)).ok());
        const auto gone = await(m_store.read(name, SecretSlot::Token));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, QStringLiteral("secret-not-found"));
        QVERIFY(gone.error().message.contains(name));
        QVERIFY(await(m_store.remove(name, SecretSlot::Token)).ok()); // already gone: fine
    }

    void profilesDoNotShareSecrets()
    {
        NEED_KEYCHAIN();
        QVERIFY(await(m_store.write(QStringLiteral("a"), SecretSlot::Token, "token-a")).ok());
        QVERIFY(await(m_store.write(QStringLiteral("b"), SecretSlot::Token, "token-b")).ok());
        QVERIFY(await(m_store.write(QStringLiteral("a"), SecretSlot::ReadOnlyToken, "ro-a")).ok());
        QCOMPARE(await(m_store.read(QStringLiteral("a"), SecretSlot::Token)).value(),
                 QByteArray("token-a"));
        QCOMPARE(await(m_store.read(QStringLiteral("b"), SecretSlot::Token)).value(),
                 QByteArray("token-b"));
        QCOMPARE(await(m_store.read(QStringLiteral("a"), SecretSlot::ReadOnlyToken)).value(),
                 QByteArray("ro-a"));
    }

    void resolverReadsTheKeychain()
    {
        NEED_KEYCHAIN();
        QVERIFY(await(m_store.write(QStringLiteral("res"), SecretSlot::Token, "full")).ok());
        QVERIFY(
            await(m_store.write(QStringLiteral("res"), SecretSlot::ReadOnlyToken, "limited")).ok());
        ConnectionProfile p =
            profile(QStringLiteral("res"), ConnectionProfile::SecretSource::Keychain);
        auto full = await(SecretResolver::resolve(p, &m_store));
        QVERIFY(full.ok());
        QCOMPARE(full.value().secret, QByteArray("full"));
        QVERIFY(!full.value().readOnlyToken);
        // A read-only profile with a read-only token never gets the full token.
        p.readOnly = true;
        p.hasReadOnlyToken = true;
        auto limited = await(SecretResolver::resolve(p, &m_store));
        QVERIFY(limited.ok());
        QCOMPARE(limited.value().secret, QByteArray("limited"));
        QVERIFY(limited.value().readOnlyToken);
    }

    void secretsAreNotStoredInPlainText()
    {
        NEED_KEYCHAIN();
        const QByteArray secret = "plain-text-canary-7f3a9";
        QVERIFY(await(m_store.write(QStringLiteral("canary"), SecretSlot::Token, secret)).ok());
        int files = 0;
        QDirIterator it(qEnvironmentVariable("PMKV_TEST_KEYRING_DIR"), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ++files;
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
        }
        QVERIFY(files > 0); // the keyring did write its (encrypted) file
    }

    void noKeychainSaysSoAndOffersAlternatives()
    {
        if (!m_noKeychain)
            QSKIP("the keychain is reachable in this run");
        const auto written = await(m_store.write(QStringLiteral("x"), SecretSlot::Token, "t"));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, QStringLiteral("keychain-unavailable"));
        const QString message = written.error().message;
        qInfo().noquote() << message;
        QVERIFY2(message.contains(QStringLiteral("no keychain is reachable")), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("environment variable")));
        QVERIFY(message.contains(QStringLiteral("session only")));
        QVERIFY(message.contains(QStringLiteral("Nothing was written to disk")));
        QVERIFY(!message.contains(QStringLiteral("\"t\"")));
        const auto read = await(m_store.read(QStringLiteral("x"), SecretSlot::Token));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, QStringLiteral("keychain-unavailable"));
    }

    void sessionAndEnvironmentSecretsNeedNoKeychain()
    {
        SessionSecrets::instance().set(QStringLiteral("s"), SecretSlot::Token, "session-secret");
        auto fromSession = await(SecretResolver::resolve(
            profile(QStringLiteral("s"), ConnectionProfile::SecretSource::Session), &m_store));
        QVERIFY(fromSession.ok());
        QCOMPARE(fromSession.value().secret, QByteArray("session-secret"));
        SessionSecrets::instance().remove(QStringLiteral("s"));
        auto missing = await(SecretResolver::resolve(
            profile(QStringLiteral("s"), ConnectionProfile::SecretSource::Session), &m_store));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("secret-not-set"));

        qputenv("PMKV_TEST_SECRET_VAR", "env-secret");
        ConnectionProfile p =
            profile(QStringLiteral("e"), ConnectionProfile::SecretSource::EnvironmentVariable);
        p.secretVariable = QStringLiteral("PMKV_TEST_SECRET_VAR");
        auto fromEnv = await(SecretResolver::resolve(p, &m_store));
        QVERIFY(fromEnv.ok());
        QCOMPARE(fromEnv.value().secret, QByteArray("env-secret"));
        qunsetenv("PMKV_TEST_SECRET_VAR");
        auto unset = await(SecretResolver::resolve(p, &m_store));
        QVERIFY(!unset.ok());
        QCOMPARE(unset.error().code, QStringLiteral("secret-not-set"));
        QVERIFY(unset.error().message.contains(QStringLiteral("PMKV_TEST_SECRET_VAR")));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
