// The main window against a real Redis Cluster (3 masters, 3 replicas; issue #23: "the key
// tree shows the cluster's nodes in the connection's details; browsing, diff and edits work
// the same"): a folder migrated into the cluster is scanned from every master and compares the
// same entity by entity; a story edited in the cluster shows as changed, and Copy File Value
// to KV writes it back, journaled, and is undone; the server panel lists each master with its
// slots and its replica, and says which node its INFO sections describe.
#include "generate/treegenerator.h"
#include "kvtreemodel.h"
#include "pmkvrun.h"
#include "rediscluster.h"
#include "serverpanel.h"
#include "testtree.h"
#include "windowtest.h"

#include <QAction>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QUndoStack>

using namespace pmkv;

class TestClusterWindow final : public QObject
{
    Q_OBJECT

    test::RedisCluster m_cluster;
    test::TestTree m_dir;
    QString m_root;
    int m_keys = 0;

    ConnectionProfile profile() const
    {
        ConnectionProfile p = test::redisProfile(m_cluster.url());
        p.name = QStringLiteral("cluster");
        return p;
    }
    // A story key of the migrated folder.
    QByteArray someStory() const { return m_cluster.anyKey(QStringLiteral("pm:*:story:*")); }
    QByteArray get(const QByteArray& key) const
    {
        return m_cluster
            .cli(m_cluster.masters().first(),
                 {QStringLiteral("-c"), QStringLiteral("GET"), QString::fromUtf8(key)})
            .trimmed();
    }

    // How often the cluster's replicas ran `command`.
    qint64 callsOnReplicas(const QByteArray& command)
    {
        const QVector<quint16> masters = m_cluster.masters();
        qint64 calls = 0;
        for (quint16 port : m_cluster.local().ports()) {
            if (!masters.contains(port))
                calls += m_cluster.calls(port, command);
        }
        return calls;
    }
    // The aligned rows follow the comparison.
    static void waitForRow(MainWindow& window, const QByteArray& key)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(test::shownRow(window, key).isValid(), key.constData(), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-clusterwindow"));
        QSettings().clear();
        qputenv("XDG_DATA_HOME", m_dir.path(QStringLiteral("xdg")).toUtf8());
        QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
        m_root = m_dir.path(QStringLiteral("pm"));
        TreeGenerator::Options options;
        options.projects = 2;
        options.epicsPerProject = 3;
        options.storiesPerEpic = 12;
        QVERIFY(TreeGenerator::generate(m_root, options).ok());
        const test::PmkvRun migrate =
            test::runPmkv({QStringLiteral("migrate"), m_root, QStringLiteral("--redis"),
                           m_cluster.url(), QStringLiteral("--state-dir"),
                           m_dir.path(QStringLiteral("state")), QStringLiteral("--json")});
        QVERIFY2(migrate.exitCode == 0, migrate.err.constData());
        m_keys = migrate.json()
                     .value(QStringLiteral("migration"))
                     .toObject()
                     .value(QStringLiteral("written"))
                     .toInt();
        QVERIFY(m_keys > 80);
    }

    // Every key comes from the three masters, and every entity compares the same: a SCAN of
    // one node would leave two thirds of them "only in files".
    void browsesAndComparesTheWholeCluster()
    {
        MainWindow window;
        window.setJobsFolder(m_dir.path(QStringLiteral("jobs-browse")));
        window.show();
        test::openAndConnect(window, m_root, profile());
        KvTreeModel* keys = window.kvPane()->model();
        QCOMPARE(keys->keyCount(), m_keys);
        const SyncCounts totals = keys->totals();
        QCOMPARE(totals.differences(), 0);
        QCOMPARE(totals[SyncState::Same], m_keys);
        // The value of a key on any master is shown.
        const QByteArray story = someStory();
        QVERIFY(!story.isEmpty());
        waitForRow(window, story);
        test::selectAndLoad(window, story);
    }

    // "Browse from replicas": the comparison and the values are read from the replicas, and
    // still every entity compares the same.
    void browsesFromReplicasWhenAsked_data()
    {
        QTest::addColumn<bool>("byAddress");
        QTest::newRow("the profile's option") << false;
        QTest::newRow("?replicas=prefer in the address") << true;
    }
    void browsesFromReplicasWhenAsked()
    {
        QFETCH(bool, byAddress);
        ConnectionProfile p = profile();
        if (byAddress)
            p.address += QStringLiteral("?replicas=prefer");
        else
            p.replicaReads = true;
        QVERIFY2(p.validate(), "replicaReads on a cluster address is valid");
        const qint64 before = callsOnReplicas("mget");
        MainWindow window;
        window.setJobsFolder(m_dir.path(QStringLiteral("jobs-replicas")));
        window.show();
        test::openAndConnect(window, m_root, p);
        QCOMPARE(window.kvPane()->model()->totals()[SyncState::Same], m_keys);
        QVERIFY2(callsOnReplicas("mget") > before, "no MGET reached a replica");
        const QByteArray story = someStory();
        waitForRow(window, story);
        const qint64 reads = callsOnReplicas("getrange");
        test::selectAndLoad(window, story);
        QVERIFY2(callsOnReplicas("getrange") > reads, "the value was not read from a replica");
    }

    // A story edited in the cluster is "changed"; Copy File Value to KV puts the file's value
    // back on the master serving it, journaled; undo restores the edit.
    void editsAndUndoesOnTheCluster()
    {
        const QByteArray story = someStory();
        QVERIFY(!story.isEmpty());
        const QByteArray migrated = get(story);
        const QByteArray edited = QByteArrayLiteral("{\"edited\":\"in the cluster\"}");
        QCOMPARE(m_cluster
                     .cli(m_cluster.masters().first(),
                          {QStringLiteral("-c"), QStringLiteral("SET"), QString::fromUtf8(story),
                           QString::fromUtf8(edited)})
                     .trimmed(),
                 QByteArray("OK"));

        MainWindow window;
        window.setJobsFolder(m_dir.path(QStringLiteral("jobs-edit")));
        window.show();
        test::openAndConnect(window, m_root, profile());
        waitForRow(window, story);
        QCOMPARE(SyncState(test::shownRow(window, story).data(AlignedTreeModel::StateRole).toInt()),
                 SyncState::Changed);
        test::selectAndLoad(window, story);
        QAction* toKv = window.findChild<QAction*>(QStringLiteral("copyFileToKv"));
        QVERIFY(toKv);
        QTRY_VERIFY2(toKv->isEnabled(), qPrintable(toKv->toolTip()));
        QSignalSpy done(&window, &MainWindow::writeFinished);
        toKv->trigger();
        const auto [ok, message] = test::waitWrite(done, 0);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(get(story), migrated);
        QTRY_COMPARE_WITH_TIMEOUT(
            SyncState(test::shownRow(window, story).data(AlignedTreeModel::StateRole).toInt()),
            SyncState::Same, 20000);

        QCOMPARE(window.undoStack()->count(), 1);
        window.undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(get(story), edited, 10000);
        // Back as it was for the other cases.
        QCOMPARE(m_cluster
                     .cli(m_cluster.masters().first(),
                          {QStringLiteral("-c"), QStringLiteral("SET"), QString::fromUtf8(story),
                           QString::fromUtf8(migrated)})
                     .trimmed(),
                 QByteArray("OK"));
    }

    // View > Server Info on a cluster: its nodes first, each master with its slot ranges and
    // its replica; the key count is the whole cluster's; INFO is labelled with its node.
    void serverPanelShowsTheNodes_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-write") << false;
        QTest::newRow("read-only") << true; // CLUSTER NODES is a read
    }
    void serverPanelShowsTheNodes()
    {
        QFETCH(bool, readOnly);
        MainWindow window;
        window.setJobsFolder(m_dir.path(QStringLiteral("jobs-panel")));
        window.show();
        ConnectionProfile p = profile();
        p.readOnly = readOnly;
        test::openAndConnect(window, m_root, p);
        window.showServerPanel();
        ServerPanel* panel = window.serverPanel();
        QVERIFY(panel);
        QSignalSpy refreshed(panel, &ServerPanel::refreshed);
        QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));

        QCOMPARE(panel->fieldText(QStringLiteral("Cluster"), QString()),
                 QStringLiteral("3 masters, 3 replicas - 16,384 of 16,384 slots served"));
        QTreeWidgetItem* cluster = panel->tree()->topLevelItem(0);
        QCOMPARE(cluster->text(0), QStringLiteral("Cluster"));
        QCOMPARE(cluster->childCount(), 3);
        QStringList masters;
        for (quint16 port : m_cluster.masters())
            masters << QStringLiteral("127.0.0.1:%1").arg(port);
        int slots = 0;
        for (int i = 0; i < cluster->childCount(); ++i) {
            const QTreeWidgetItem* master = cluster->child(i);
            QVERIFY2(masters.contains(master->text(0)), qPrintable(master->text(0)));
            QVERIFY2(master->text(1).startsWith(QStringLiteral("master - slots ")),
                     qPrintable(master->text(1)));
            // "master - slots 0-5460 (5,461)": the count in brackets adds up to every slot.
            const QString text = master->text(1);
            const qsizetype open = text.indexOf(QLatin1Char('('));
            slots += text.mid(open + 1, text.indexOf(QLatin1Char(')')) - open - 1)
                         .remove(QLatin1Char(','))
                         .toInt();
            QCOMPARE(master->childCount(), 1);
            QVERIFY2(master->child(0)->text(1).startsWith(QStringLiteral("replica")),
                     qPrintable(master->child(0)->text(1)));
            QVERIFY(!masters.contains(master->child(0)->text(0)));
        }
        QCOMPARE(slots, 16384);
        // The first master (slot 0) answered INFO: its sections say so.
        const QString first = cluster->child(0)->text(0);
        QVERIFY2(cluster->child(0)->text(1).endsWith(QStringLiteral("answered this panel")),
                 qPrintable(cluster->child(0)->text(1)));
        QCOMPARE(panel->fieldText(QStringLiteral("Server"), QString()),
                 QStringLiteral("node %1 (the one that answered)").arg(first));
        QCOMPARE(panel->fieldText(QStringLiteral("Server"), QStringLiteral("tcp_port")),
                 first.section(QLatin1Char(':'), 1));
        QCOMPARE(panel->fieldText(QStringLiteral("Keys"), QStringLiteral("DBSIZE (all masters)")),
                 QLocale().toString(m_keys));
        // One node's keyspace line is not passed off as the cluster's count.
        QVERIFY(panel->fieldText(QStringLiteral("Keys"), QStringLiteral("db0")).isEmpty());
        QVERIFY(!panel->fieldText(QStringLiteral("Keyspace"), QStringLiteral("db0")).isEmpty());
        const QString summary = panel->summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Redis Cluster of 3 masters")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(
                     QStringLiteral("%1 keys in the cluster").arg(QLocale().toString(m_keys))),
                 qPrintable(summary));
    }
};

QTEST_MAIN(TestClusterWindow)
#include "tst_clusterwindow.moc"
