// The Connections dialog with no keychain reachable (issue #17, defect 3): saving a connection
// whose secret is to be remembered puts the secret first and waits for it; when the keychain
// refuses, no profile is left behind (and an update leaves the saved one as it was). A
// session-only secret needs no keychain. ctest runs it with D-Bus pointing nowhere.
#include "connections/profilestore.h"
#include "connections/sessionsecrets.h"
#include "connectionsdialog.h"
#include "testtree.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace pmkv;

class TestConnectionsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failingKeychainLeavesNoProfile();
    void failingKeychainKeepsTheSavedProfile();
    void sessionSecretNeedsNoKeychain();

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

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
