// The Connections dialog with no keychain reachable (issue #17, defect 3): saving a connection
// whose secret is to be remembered puts the secret first and waits for it; when the keychain
// refuses, no profile is left behind (and an update leaves the saved one as it was). A
// session-only secret needs no keychain. ctest runs it with D-Bus pointing nowhere.
#include "connections/profilestore.h"
#include "connections/sessionsecrets.h"
#include "connectionsdialog.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace pmkv;

Q_DECLARE_METATYPE(pmkv::ConnectionProfile::SecretSource)

class TestConnectionsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failingKeychainLeavesNoProfile();
    void failingKeychainKeepsTheSavedProfile();
    void sessionSecretNeedsNoKeychain();
    void testUsesTheSavedSecret_data();
    void testUsesTheSavedSecret();
    void theLocalEnvironmentsNameIsNotSaved();

private:
    static ConnectionProfile profile(const QString& name)
    {
        ConnectionProfile p;
        p.name = name;
        p.kind = ConnectionProfile::Kind::Upstash;
        p.address = QStringLiteral("https://eu1-x.upstash.io");
        return p;
    }
    // Types a secret, sets "remember", presses Save; returns the status once it names the
    // outcome.
    static QString save(ConnectionsDialog& dialog, const QByteArray& secret, bool remember)
    {
        dialog.findChild<QLineEdit*>(QStringLiteral("profileSecret"))
            ->setText(QString::fromUtf8(secret));
        for (QCheckBox* box : dialog.findChildren<QCheckBox*>()) {
            if (box->text().contains(QStringLiteral("keychain")))
                box->setChecked(remember);
        }
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("connectionStatus"));
        for (QPushButton* b : dialog.findChildren<QPushButton*>()) {
            if (b->text() == QStringLiteral("&Save"))
                b->click();
        }
        // The outcome: the keychain's refusal, or "Saved".
        (void)QTest::qWaitFor(
            [status] {
                return status->text().contains(QStringLiteral("keychain")) ||
                       status->text().startsWith(QStringLiteral("Saved"));
            },
            20000);
        QTest::qWait(200); // (a late write of the old dialog would land here)
        return status->text();
    }

    test::TestTree m_dir;
};

void TestConnectionsDialog::failingKeychainLeavesNoProfile()
{
    ProfileStore profiles(m_dir.path(QStringLiteral("new.ini")));
    ConnectionsDialog dialog(&profiles);
    dialog.edit(profile(QStringLiteral("prod-eu")));
    const QString status = save(dialog, "secret-token", true);
    QVERIFY(!profiles.contains(QStringLiteral("prod-eu")));
    QVERIFY(ProfileStore(m_dir.path(QStringLiteral("new.ini"))).list().isEmpty());
    QVERIFY2(status.contains(QStringLiteral("no keychain is reachable")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("not saved")), qPrintable(status));
}

void TestConnectionsDialog::failingKeychainKeepsTheSavedProfile()
{
    ProfileStore profiles(m_dir.path(QStringLiteral("update.ini")));
    QVERIFY(profiles.save(profile(QStringLiteral("staging")), false));
    ConnectionsDialog dialog(&profiles);
    ConnectionProfile changed = profile(QStringLiteral("staging"));
    changed.address = QStringLiteral("https://eu2-y.upstash.io");
    dialog.edit(changed);
    const QString status = save(dialog, "new-token", true);
    QVERIFY2(status.contains(QStringLiteral("keychain")), qPrintable(status));
    const ConnectionProfile now = profiles.find(QStringLiteral("staging")).value();
    QCOMPARE(now.address, QStringLiteral("https://eu1-x.upstash.io"));
    QCOMPARE(now.secretSource, ConnectionProfile::SecretSource::None);
}

void TestConnectionsDialog::sessionSecretNeedsNoKeychain()
{
    ProfileStore profiles(m_dir.path(QStringLiteral("session.ini")));
    ConnectionsDialog dialog(&profiles);
    dialog.edit(profile(QStringLiteral("laptop")));
    const QString status = save(dialog, "session-token", false);
    QVERIFY2(status.startsWith(QStringLiteral("Saved")), qPrintable(status));
    QCOMPARE(profiles.find(QStringLiteral("laptop")).value().secretSource,
             ConnectionProfile::SecretSource::Session);
    QCOMPARE(SessionSecrets::instance().get(QStringLiteral("laptop"), SecretSlot::Token),
             std::optional<QByteArray>("session-token"));
}

void TestConnectionsDialog::testUsesTheSavedSecret_data()
{
    QTest::addColumn<ConnectionProfile::SecretSource>("source");
    QTest::newRow("session") << ConnectionProfile::SecretSource::Session;
    QTest::newRow("environment variable") << ConnectionProfile::SecretSource::EnvironmentVariable;
}

// Issue #19, defect 6: Test with the secret field empty ("leave empty to use the saved one")
// sent no secret at all, so every saved profile answered 401. It now opens the profile as a
// connection does, with its saved secret; a wrong typed secret still fails.
void TestConnectionsDialog::testUsesTheSavedSecret()
{
    QFETCH(ConnectionProfile::SecretSource, source);
    test::RedisServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));
    test::ProxyProcess proxy;
    proxy.setRedisUrl(redis.url());
    proxy.setToken("saved-token");
    QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
    ProfileStore profiles(m_dir.path(QStringLiteral("test.ini")));
    ConnectionProfile p;
    p.name = QStringLiteral("local-proxy");
    p.kind = ConnectionProfile::Kind::LocalProxy;
    p.address = proxy.url().toString();
    p.secretSource = source;
    if (source == ConnectionProfile::SecretSource::Session) {
        SessionSecrets::instance().set(p.name, SecretSlot::Token, "saved-token");
    } else {
        p.secretVariable = QStringLiteral("PMKV_TEST_SAVED_TOKEN");
        qputenv("PMKV_TEST_SAVED_TOKEN", "saved-token");
    }
    QVERIFY(profiles.save(p, true));
    ConnectionsDialog dialog(&profiles);
    dialog.edit(p);
    auto* secret = dialog.findChild<QLineEdit*>(QStringLiteral("profileSecret"));
    QVERIFY(secret->text().isEmpty());
    QSignalSpy tested(&dialog, &ConnectionsDialog::testFinished);
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
    QVERIFY2(tested.last().at(1).toString().startsWith(QStringLiteral("Connected")),
             qPrintable(tested.last().at(1).toString()));
    // A secret typed in the form is the one tested.
    secret->setText(QStringLiteral("wrong-token"));
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY(!tested.last().at(0).toBool());
}

// The local environment's connection (Migration > Local Environment) goes by its own name; a
// saved connection of that name would be taken for it, so Save refuses it and says why.
void TestConnectionsDialog::theLocalEnvironmentsNameIsNotSaved()
{
    ProfileStore profiles(m_dir.path(QStringLiteral("reserved.ini")));
    ConnectionsDialog dialog(&profiles);
    ConnectionProfile p = profile(QStringLiteral("pmkv-env"));
    p.kind = ConnectionProfile::Kind::LocalProxy;
    p.address = QStringLiteral("http://127.0.0.1:8080");
    dialog.edit(p);
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("connectionStatus"));
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
        !status->text().isEmpty() && !status->text().startsWith(QStringLiteral("Saving")), 10000);
    QVERIFY2(status->text().contains(QStringLiteral("local environment's connection")) &&
                 status->text().contains(QStringLiteral("another name")),
             qPrintable(status->text()));
    QVERIFY(!profiles.contains(QStringLiteral("pmkv-env")));
    // Under another name it is saved.
    dialog.findChild<QLineEdit*>(QStringLiteral("profileName"))->setText(QStringLiteral("local"));
    dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(profiles.contains(QStringLiteral("local")), 10000);
}

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
