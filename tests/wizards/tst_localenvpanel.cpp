// The local environment panel (issue #18): start the real redis-server + pmkv-proxy pair from
// the panel (off the GUI thread), see both answer, copy the .env.local lines, connect to it
// over REST with them, flush only once confirmed, and stop it.
#include "connectionpage.h"
#include "connections/profilestore.h"
#include "diffsidespage.h"
#include "diffwizard.h"
#include "kv/kvreply.h"
#include "localenvpanel.h"
#include "mainwindow.h"
#include "migratesourcepage.h"
#include "migratewizard.h"
#include "pathfield.h"
#include "redisserver.h"
#include "testtree.h"
#include "workflows/targetsession.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace pmkv;

class TestLocalEnvPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startsConnectsFlushesAndStops();
    void isNotTakenForASavedConnectionNamedLocal();

private:
    static void waitFor(LocalEnvPanel& panel, const std::function<void()>& action);
    // GET `key` through `session`; empty when missing.
    static QByteArray get(TargetSession& session, const QByteArray& key);

    test::TestTree m_tree;
    LocalEnv::Options m_options;
};

void TestLocalEnvPanel::initTestCase()
{
    m_options.dataDir = m_tree.path(QStringLiteral("env"));
    m_options.redisPort = test::RedisServer::freePort();
    do
        m_options.proxyPort = test::RedisServer::freePort();
    while (m_options.proxyPort == m_options.redisPort);
    m_options.proxyBinary = test::binaryPath(QStringLiteral("pmkv-proxy"));
}

void TestLocalEnvPanel::cleanupTestCase()
{
    (void)LocalEnv(m_options).down();
}

void TestLocalEnvPanel::waitFor(LocalEnvPanel& panel, const std::function<void()>& action)
{
    QSignalSpy updated(&panel, &LocalEnvPanel::updated);
    if (action)
        action();
    QVERIFY(updated.wait(30000));
    QVERIFY(!panel.isBusy());
}

QByteArray TestLocalEnvPanel::get(TargetSession& session, const QByteArray& key)
{
    auto future = session.store().execute({{QByteArrayLiteral("GET"), key}});
    future.waitForFinished();
    const auto replies = future.result();
    if (!replies || replies.value().isEmpty())
        return QByteArray();
    return replies.value().first().bytes;
}

void TestLocalEnvPanel::startsConnectsFlushesAndStops()
{
    LocalEnvPanel panel(m_options);
    panel.show();
    waitFor(panel, {}); // the first check, made by the panel itself
    QVERIFY2(panel.redisText().startsWith(QStringLiteral("stopped")),
             qPrintable(panel.redisText()));
    QVERIFY(panel.startButton()->isEnabled());
    QVERIFY(!panel.connectButton()->isEnabled());

    waitFor(panel, [&] { QTest::mouseClick(panel.startButton(), Qt::LeftButton); });
    QVERIFY2(panel.redisText().startsWith(QStringLiteral("running, answers")),
             qPrintable(panel.redisText() + panel.messageText()));
    QVERIFY2(panel.proxyText().startsWith(QStringLiteral("running, answers")),
             qPrintable(panel.proxyText()));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_options.proxyPort);
    QVERIFY2(panel.envLines().startsWith(QStringLiteral("UPSTASH_REDIS_REST_URL=") + url +
                                         QStringLiteral("\nUPSTASH_REDIS_REST_TOKEN=")),
             qPrintable(panel.envLines()));
    QVERIFY(!panel.startButton()->isEnabled());

    // Connect: the profile and token reach the local proxy over REST.
    QSignalSpy asked(&panel, &LocalEnvPanel::connectRequested);
    QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    const auto profile = asked.first().at(0).value<ConnectionProfile>();
    const QByteArray token = asked.first().at(1).toByteArray();
    QCOMPARE(profile.address, url);
    QVERIFY(panel.envLines().endsWith(QString::fromUtf8(token)));
    TargetSession::Options secret;
    secret.typedSecret = token;
    auto session = TargetSession::open(profile, secret);
    QVERIFY2(session, session ? "" : qPrintable(session.error().message));
    auto set = session.value()->store().execute(
        {{QByteArrayLiteral("SET"), QByteArrayLiteral("pm:people"), QByteArrayLiteral("[]")}});
    set.waitForFinished();
    QVERIFY(set.result());
    QCOMPARE(get(*session.value(), "pm:people"), QByteArrayLiteral("[]"));

    // Flush waits for its confirmation.
    QVERIFY(!panel.flushButton()->isEnabled());
    panel.flush();
    QVERIFY(!panel.isBusy());
    panel.flushConfirmation()->setChecked(true);
    QVERIFY(panel.flushButton()->isEnabled());
    waitFor(panel, [&] { QTest::mouseClick(panel.flushButton(), Qt::LeftButton); });
    QVERIFY(!panel.flushConfirmation()->isChecked());
    QCOMPARE(get(*session.value(), "pm:people"), QByteArray());

    waitFor(panel, [&] { QTest::mouseClick(panel.stopButton(), Qt::LeftButton); });
    QVERIFY2(panel.messageText().startsWith(QStringLiteral("Stopped")),
             qPrintable(panel.messageText()));
    QVERIFY(panel.redisText().startsWith(QStringLiteral("stopped")));
    QVERIFY(panel.proxyText().startsWith(QStringLiteral("stopped")));
    QVERIFY(panel.envLines().isEmpty());
}

// A saved connection named "local" (as `pmkv conn import .env.local --name local` makes) and
// the panel's own connection, which was named "local" too: with the window on the local
// environment, its band read like the saved one, the migrate wizard offered one "local" (the
// saved one hidden behind it), and Compare Two Sides named conn:local, the saved connection,
// as the right side. The panel's connection now has its own name and reads as the local
// environment; the saved "local" stays itself and is offered beside it.
void TestLocalEnvPanel::isNotTakenForASavedConnectionNamedLocal()
{
    // The window's saved connections, in a settings folder of this test.
    qputenv("XDG_CONFIG_HOME", m_tree.path(QStringLiteral("config")).toUtf8());
    ConnectionProfile saved;
    saved.name = QStringLiteral("local");
    saved.kind = ConnectionProfile::Kind::Redis;
    saved.address = QStringLiteral("redis://127.0.0.1:6399");
    saved.environment = ConnectionProfile::Environment::Dev;
    QVERIFY(ProfileStore().save(saved, true));

    LocalEnvPanel panel(m_options);
    panel.show();
    waitFor(panel, {});
    if (panel.startButton()->isEnabled())
        waitFor(panel, [&] { QTest::mouseClick(panel.startButton(), Qt::LeftButton); });
    QSignalSpy asked(&panel, &LocalEnvPanel::connectRequested);
    QTest::mouseClick(panel.connectButton(), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    const auto envProfile = asked.first().at(0).value<ConnectionProfile>();
    QVERIFY(envProfile.name != saved.name);

    MainWindow window;
    window.setJobsFolder(m_tree.path(QStringLiteral("state")));
    window.show();
    window.connectTo(envProfile, asked.first().at(1).toByteArray());
    QVERIFY2(window.bandText().contains(QStringLiteral("Local environment")),
             qPrintable(window.bandText()));

    window.findChild<QAction*>(QStringLiteral("migrateAction"))->trigger();
    auto* migrate = window.findChild<MigrateWizard*>();
    QVERIFY(migrate);
    migrate->targetPage()->initializePage(); // (as when the page is reached)
    QComboBox* targets = migrate->targetPage()->connectionBox();
    QStringList offered;
    for (int i = 0; i < targets->count(); ++i)
        offered << targets->itemText(i);
    QCOMPARE(targets->count(), 2);
    QVERIFY2(offered.first().startsWith(QStringLiteral("Local environment")),
             qPrintable(offered.join(QStringLiteral(", "))));
    QVERIFY2(offered.last().startsWith(QStringLiteral("local")),
             qPrintable(offered.join(QStringLiteral(", "))));
    QCOMPARE(migrate->targetPage()->profile().address, envProfile.address); // preselected
    migrate->close();

    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("&Compare Two Sides..."))
            action->trigger();
    }
    auto* diff = window.findChild<DiffWizard*>();
    QVERIFY(diff);
    QCOMPARE(diff->sidesPage()->rightField()->path(), envProfile.address);
    diff->close();
    (void)LocalEnv(m_options).down();
}

QTEST_MAIN(TestLocalEnvPanel)
#include "tst_localenvpanel.moc"
