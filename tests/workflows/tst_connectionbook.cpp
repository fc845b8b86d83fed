// ConnectionBook (issue #17, defect 3): secrets first, waited for, then the profile. Run twice
// by ctest: inside a private D-Bus session with a real gnome-keyring (run-with-keyring.sh), and
// with no keychain reachable at all (PMKV_EXPECT_NO_KEYCHAIN=1): there, a profile that keeps
// its secret in the keychain is never saved, and an update leaves the saved profile as it was.
#include "awaitfuture.h"
#include "connections/profilestore.h"
#include "connections/secretstore.h"
#include "connections/sessionsecrets.h"
#include "testtree.h"
#include "workflows/connectionbook.h"

#include <QtTest>

using namespace pmkv;
using pmkv::test::await;

namespace {

ConnectionProfile profile(const QString& name, ConnectionProfile::SecretSource source)
{
    ConnectionProfile p;
    p.name = name;
    p.address = QStringLiteral("https://eu1-x.upstash.io");
    p.secretSource = source;
    return p;
}

EnvFileImport envFile(const QByteArray& token, const QByteArray& readOnlyToken)
{
    EnvFileImport env;
    env.url = QStringLiteral("https://eu1-vercel.upstash.io");
    env.urlVariable = QStringLiteral("KV_REST_API_URL");
    env.token = token;
    env.tokenVariable = QStringLiteral("KV_REST_API_TOKEN");
    env.readOnlyToken = readOnlyToken;
    env.readOnlyTokenVariable = QStringLiteral("KV_REST_API_READ_ONLY_TOKEN");
    return env;
}

} // namespace

class TestConnectionBook final : public QObject
{
    Q_OBJECT

private:
    bool m_noKeychain = qEnvironmentVariableIsSet("PMKV_EXPECT_NO_KEYCHAIN");
    test::TestTree m_dir;
    // (every keychain job of a process on one thread: see SecretStore::shared())
    SecretStore& m_keychain = SecretStore::shared();

    QByteArray secretOf(const QString& name, SecretSlot slot)
    {
        auto read = await(m_keychain.read(name, slot));
        return read ? read.value() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_noKeychain && !qEnvironmentVariableIsSet("PMKV_TEST_KEYRING_DIR"))
            QFAIL("run me through run-with-keyring.sh (ctest does)");
    }

    void addsWithSecretFirst()
    {
        ProfileStore profiles(m_dir.path(QStringLiteral("add.ini")));
        ConnectionBook book(profiles);
        ConnectionBook::Save save;
        save.profile =
            profile(QStringLiteral("prod-eu"), ConnectionProfile::SecretSource::Keychain);
        save.token = "full-token";
        save.readOnlyToken = "read-only-token";
        auto saved = book.save(save);
        if (m_noKeychain) {
            QVERIFY(!saved);
            QCOMPARE(saved.error().code, QStringLiteral("keychain-unavailable"));
            QCOMPARE(saved.error().next.action, NextStep::Action::KeepSecretElsewhere);
            QCOMPARE(saved.error().next.detail, QStringLiteral("prod-eu"));
            QVERIFY2(saved.error().message.contains(QStringLiteral("not saved")),
                     qPrintable(saved.error().message));
            QVERIFY(!profiles.contains(QStringLiteral("prod-eu"))); // no profile left behind
            QVERIFY(profiles.list().isEmpty());
            return;
        }
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QVERIFY(saved.value().hasReadOnlyToken);
        QVERIFY(profiles.contains(QStringLiteral("prod-eu")));
        QCOMPARE(secretOf(QStringLiteral("prod-eu"), SecretSlot::Token), QByteArray("full-token"));
        QCOMPARE(secretOf(QStringLiteral("prod-eu"), SecretSlot::ReadOnlyToken),
                 QByteArray("read-only-token"));

        // A second add of the name is refused before the keychain is touched.
        save.token = "other-token";
        auto again = book.save(save);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("connection-exists"));
        QCOMPARE(again.error().next.action, NextStep::Action::ReplaceConnection);
        QCOMPARE(secretOf(QStringLiteral("prod-eu"), SecretSlot::Token), QByteArray("full-token"));

        auto removed = book.remove(QStringLiteral("prod-eu"));
        QVERIFY(removed);
        QVERIFY(removed.value().isEmpty());
        QVERIFY(!profiles.contains(QStringLiteral("prod-eu")));
        QVERIFY(!await(m_keychain.read(QStringLiteral("prod-eu"), SecretSlot::Token)));
    }

    // An update whose keychain write fails keeps the saved profile as it was.
    void failedUpdateKeepsTheSavedProfile()
    {
        ProfileStore profiles(m_dir.path(QStringLiteral("update.ini")));
        ConnectionBook book(profiles);
        ConnectionBook::Save first;
        first.profile = profile(QStringLiteral("staging"),
                                ConnectionProfile::SecretSource::EnvironmentVariable);
        first.profile.secretVariable = QStringLiteral("STAGING_TOKEN");
        QVERIFY(book.save(first));
        ConnectionBook::Save update;
        update.profile =
            profile(QStringLiteral("staging"), ConnectionProfile::SecretSource::Keychain);
        update.profile.address = QStringLiteral("https://eu2-y.upstash.io");
        update.token = "new-token";
        update.replace = true;
        auto saved = book.save(update);
        const ConnectionProfile now = profiles.find(QStringLiteral("staging")).value();
        if (m_noKeychain) {
            QVERIFY(!saved);
            QCOMPARE(now.address, QStringLiteral("https://eu1-x.upstash.io"));
            QCOMPARE(now.secretSource, ConnectionProfile::SecretSource::EnvironmentVariable);
            return;
        }
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(now.address, QStringLiteral("https://eu2-y.upstash.io"));
        QCOMPARE(now.secretSource, ConnectionProfile::SecretSource::Keychain);
        QCOMPARE(secretOf(QStringLiteral("staging"), SecretSlot::Token), QByteArray("new-token"));
    }

    void importsEnvFile()
    {
        ProfileStore profiles(m_dir.path(QStringLiteral("import.ini")));
        ConnectionBook book(profiles);
        ConnectionBook::Import request;
        auto imported = book.import(envFile("file-token", "file-ro-token"), request);
        if (m_noKeychain) {
            QVERIFY(!imported);
            QCOMPARE(imported.error().next.action, NextStep::Action::KeepSecretElsewhere);
            QVERIFY(profiles.list().isEmpty());
            // The way offered works without a keychain: the variables, read at run time.
            request.fromEnvironment = true;
            imported = book.import(envFile("file-token", "file-ro-token"), request);
            QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
            QCOMPARE(imported.value().secretVariable, QStringLiteral("KV_REST_API_TOKEN"));
            QVERIFY(profiles.contains(QStringLiteral("eu1-vercel")));
            return;
        }
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported.value().name, QStringLiteral("eu1-vercel"));
        QCOMPARE(imported.value().kind, ConnectionProfile::Kind::Upstash);
        QVERIFY(imported.value().hasReadOnlyToken);
        QCOMPARE(secretOf(QStringLiteral("eu1-vercel"), SecretSlot::Token),
                 QByteArray("file-token"));
        QCOMPARE(secretOf(QStringLiteral("eu1-vercel"), SecretSlot::ReadOnlyToken),
                 QByteArray("file-ro-token"));

        // Only a read-only token in the file: a read-only profile.
        request.profile.name = QStringLiteral("ro");
        imported = book.import(envFile(QByteArray(), "only-ro"), request);
        QVERIFY(imported);
        QVERIFY(imported.value().readOnly);
        QVERIFY(profiles.find(QStringLiteral("ro")).value().readOnly);
    }

    // A session-only secret needs no keychain: it stays in memory, the profile is saved.
    void sessionSecretNeedsNoKeychain()
    {
        ProfileStore profiles(m_dir.path(QStringLiteral("session.ini")));
        ConnectionBook book(profiles);
        ConnectionBook::Save save;
        save.profile = profile(QStringLiteral("laptop"), ConnectionProfile::SecretSource::Session);
        save.token = "session-token";
        QVERIFY(book.save(save));
        QVERIFY(profiles.contains(QStringLiteral("laptop")));
        QCOMPARE(SessionSecrets::instance().get(QStringLiteral("laptop"), SecretSlot::Token),
                 std::optional<QByteArray>("session-token"));
        QVERIFY(book.remove(QStringLiteral("laptop")));
        QVERIFY(!SessionSecrets::instance().get(QStringLiteral("laptop"), SecretSlot::Token));
    }

    void suggestsNames()
    {
        QCOMPARE(ConnectionBook::suggestedName(QStringLiteral("https://eu1-x.upstash.io")),
                 QStringLiteral("eu1-x"));
        QCOMPARE(ConnectionBook::suggestedName(QStringLiteral("http://127.0.0.1:8080")),
                 QStringLiteral("127-8080"));
        QCOMPARE(ConnectionBook::suggestedName(QStringLiteral("nonsense")),
                 QStringLiteral("imported"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionBook)
#include "tst_connectionbook.moc"
