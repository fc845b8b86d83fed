// List-key mode (issue #7: "With a read-only Upstash token (which may not SCAN) the tree
// follows the layout's list keys instead, and says so"): the window connects through the real
// pmkv-proxy with its read-only token, which answers SCAN with NOPERM as Upstash does; the
// key tree then holds exactly the keys the layout's lists name, compared with the folder,
// and the status says the connection cannot SCAN. With each preset and a custom layout (no
// list keys below the projects list: the walk reads epicIds and storyIds), the keys found
// through the lists are exactly the keys SCAN finds in a key space a migration wrote.
#include "alignment.h"
#include "filepane.h"
#include "files/pmreader.h"
#include "filetreemodel.h"
#include "folderloader.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "testtree.h"
#include "windowtest.h"

#include <QAction>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace pmkv;

class TestListMode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readOnlyTokenFollowsListKeys();
    void fullTokenScans();
    void listKeysFindWhatScanFinds_data();
    void listKeysFindWhatScanFinds();

private:
    void run(MainWindow& window, const QByteArray& token,
             const QString& layout = QStringLiteral("repository"));
    // The keys of the window's key tree, after connecting with `token`.
    QSet<QByteArray> keysFound(const QByteArray& token, const QString& layout);

    test::TestTree m_tree;
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;
    QSet<QByteArray> m_listed; // the keys the lists name
};

void TestListMode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-listmode"));
    QSettings().clear();
    m_tree.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core", "ui"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["S-1", "S-2"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/S-1.json"), R"({"id": "S-1", "title": "One"})");
    m_tree.write(QStringLiteral("pm/alpha/core/S-2.json"), R"({"id": "S-2", "title": "Two"})");
    m_tree.write(QStringLiteral("pm/alpha/ui/epic.json"),
                 R"({"id": "ui", "title": "UI", "storyIds": ["S-3"]})");
    m_tree.write(QStringLiteral("pm/alpha/ui/S-3.json"), R"({"id": "S-3", "title": "Three"})");
    m_tree.write(QStringLiteral("pm/beta/project.json"), R"({"name": "Beta", "epicIds": []})");
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    // Redis holds what a migration writes for the folder (lists included), plus keys no list
    // names: a session, and a story missing from its epic's list.
    for (const QString& key : test::writeAsMigrated(m_redis, m_tree.path(QStringLiteral("pm"))))
        m_listed.insert(key.toUtf8());
    QVERIFY2(m_listed.size() >= 11, qPrintable(QString::number(m_listed.size())));
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("session:abc"), QStringLiteral("x")});
    m_redis.cli({QStringLiteral("SET"), QStringLiteral("pm:project:alpha:epic:core:story:S-9"),
                 QStringLiteral("{\"id\":\"S-9\"}")});
    m_proxy.setRedisUrl(m_redis.url());
    m_proxy.setToken("full-token");
    m_proxy.setReadOnlyToken("read-only-token");
    QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
}

void TestListMode::run(MainWindow& window, const QByteArray& token, const QString& layout)
{
    window.show();
    ConnectionProfile p;
    p.name = QStringLiteral("proxy");
    p.kind = ConnectionProfile::Kind::LocalProxy;
    p.address = m_proxy.url().toString();
    p.layout = layout;
    test::openAndConnect(window, m_tree.path(QStringLiteral("pm")), p, token);
    QTRY_VERIFY_WITH_TIMEOUT(window.kvPane()->model()->isFinished(), 20000);
    QVERIFY2(window.kvPane()->bannerText().isEmpty(), qPrintable(window.kvPane()->bannerText()));
}

void TestListMode::readOnlyTokenFollowsListKeys()
{
    MainWindow window;
    run(window, "read-only-token");
    KvTreeModel* keys = window.kvPane()->model();
    QCOMPARE(keys->keyCount(), qint64(m_listed.size()));
    for (const QByteArray& key : std::as_const(m_listed))
        QVERIFY2(keys->indexForKey(key).isValid(), key.constData());
    QVERIFY(!keys->indexForKey("session:abc").isValid()); // no list names them
    QVERIFY(!keys->indexForKey("pm:project:alpha:epic:core:story:S-9").isValid());
    // Compared with the folder like scanned keys.
    QCOMPARE(keys->stateOf("pm:project:alpha:epic:ui:story:S-3"), SyncState::Same);
    QCOMPARE(window.filePane()->model()->stateOf(QStringLiteral("alpha/ui/S-3.json")),
             SyncState::Same);
    // And it says so, in the pane and in the status bar.
    const QString progress = window.kvLoader()->progressText();
    QVERIFY2(progress.contains(QStringLiteral("named by the layout's lists")) &&
                 progress.contains(QStringLiteral("cannot SCAN")),
             qPrintable(progress));
    auto* status = window.findChild<QLabel*>(QStringLiteral("kvStatusText"));
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(QStringLiteral("cannot SCAN")),
                 qPrintable(status->text()));
    auto* pane = window.kvPane()->findChild<QLabel*>(QStringLiteral("kvProgress"));
    QVERIFY(pane);
    QTRY_VERIFY2(pane->text().contains(QStringLiteral("cannot SCAN")), qPrintable(pane->text()));
    // Issue #19, defect 5: the profile does not say read-only, the token is: the band says
    // so, and the writes to the key space are disabled with the reason.
    QVERIFY2(window.bandText().contains(QStringLiteral("read-only")),
             qPrintable(window.bandText()));
    for (const char* name : {"copyFileToKv", "copyFieldToKv", "saveKeyEdit"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(action->toolTip()));
    }
}

// The same proxy with the full token: SCAN, every key.
void TestListMode::fullTokenScans()
{
    MainWindow window;
    run(window, "full-token");
    KvTreeModel* keys = window.kvPane()->model();
    QCOMPARE(keys->keyCount(), qint64(m_listed.size() + 2));
    QVERIFY(keys->indexForKey("session:abc").isValid());
    QVERIFY2(window.kvLoader()->progressText().contains(QStringLiteral("scanned all")),
             qPrintable(window.kvLoader()->progressText()));
    QVERIFY2(!window.bandText().contains(QStringLiteral("read-only")),
             qPrintable(window.bandText()));
    // (disabled only while nothing is selected, not for the token)
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("copyFileToKv"))
                 ->toolTip()
                 .contains(QStringLiteral("read-only")));
}

QSet<QByteArray> TestListMode::keysFound(const QByteArray& token, const QString& layout)
{
    MainWindow window;
    run(window, token, layout);
    QSet<QByteArray> keys;
    KvTreeModel* model = window.kvPane()->model();
    std::function<void(const QModelIndex&)> collect = [&](const QModelIndex& parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (model->data(index, KvTreeModel::IsKeyRole).toBool())
                keys.insert(model->keyAt(index));
            collect(index);
        }
    };
    collect({});
    if (qint64(keys.size()) != model->keyCount())
        qWarning("the tree holds %lld keys, %lld collected", model->keyCount(),
                 qlonglong(keys.size()));
    return keys;
}

void TestListMode::listKeysFindWhatScanFinds_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("repository") << QStringLiteral("repository");
    QTest::newRow("strategy") << QStringLiteral("strategy");
    // No epics list and no stories list: the walk goes through epicIds and storyIds.
    const QString custom = m_tree.path(QStringLiteral("custom-layout.json"));
    m_tree.write(QStringLiteral("custom-layout.json"), R"({"name": "custom", "prefix": "c",
        "templates": {"people": "{prefix}:folks", "projectsList": "{prefix}:all-projects",
                      "project": "{prefix}:p:{project}", "epic": "{prefix}:p:{project}:e:{epic}",
                      "story": "{prefix}:p:{project}:e:{epic}:s:{story}"}})");
    QTest::newRow("custom") << custom;
}

// A key space holding what a migration writes for the folder under the layout, and nothing
// else: the read-only token's walk of the lists finds what the full token's SCAN finds.
void TestListMode::listKeysFindWhatScanFinds()
{
    QFETCH(QString, layout);
    auto index = PmReader::read(m_tree.path(QStringLiteral("pm")));
    QVERIFY(index);
    auto keyLayout = KeyLayout::fromSpec(layout);
    QVERIFY2(keyLayout, keyLayout ? "" : qPrintable(keyLayout.error().message));
    const auto alignment =
        Alignment::build(FileTreeSnapshot::build(std::move(index).value()), keyLayout.value());
    m_redis.cli({QStringLiteral("FLUSHALL")});
    const auto& entries = alignment->entries();
    for (int i = 0; i < entries.size(); ++i)
        m_redis.cli(
            {QStringLiteral("SET"), entries.at(i).key, QString::fromUtf8(alignment->valueOf(i))});

    const QSet<QByteArray> scanned = keysFound("full-token", layout);
    QCOMPARE(scanned.size(), qsizetype(entries.size()));
    const QSet<QByteArray> listed = keysFound("read-only-token", layout);
    QStringList missing;
    for (const QByteArray& key : scanned) {
        if (!listed.contains(key))
            missing << QString::fromUtf8(key);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 keys not found: %3")
                                               .arg(missing.size())
                                               .arg(scanned.size())
                                               .arg(missing.join(QLatin1Char(' ')))));
    QCOMPARE(listed, scanned);
}

QTEST_MAIN(TestListMode)
#include "tst_listmode.moc"
