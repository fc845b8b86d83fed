// The key browser (issue #19, "what users of RESP.app, RedisInsight and Meld expect"), in the
// window against a real redis-server, directly and through the real pmkv-proxy: a hash, list,
// set, sorted set and stream each shown as a table ("first N of M" past the cap); edits of
// each type journaled and undone; refused on a read-only connection (buttons and menu
// disabled, saying why) and asking for the typed name on PROD; TTL set and removed; keys
// made, renamed and deleted with undo; the server panel; TTLs in words.
#include "documentview.h"
#include "jobs/jobpaths.h"
#include "jobs/journal.h"
#include "keyvaluemodel.h"
#include "kvloader.h"
#include "kvpane.h"
#include "kvtreemodel.h"
#include "mainwindow.h"
#include "proxyprocess.h"
#include "redisserver.h"
#include "serverpanel.h"
#include "testtree.h"
#include "ttltext.h"
#include "valuetableview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QInputDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace pmkv;

class TestKeyBrowser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void viewers_data();
    void viewers();
    void capSaysFirstNOfM();
    void editsAreJournaledAndUndone_data() { viewers_transports(); }
    void editsAreJournaledAndUndone();
    void readOnlyRefuses();
    void prodNeedsTheTypedName();
    void ttlSetAndPersisted();
    void renameDeleteAndNewKeyUndo();
    void serverPanel_data() { viewers_transports(); }
    void serverPanel();
    void ttlInWords();
    void treeColumns();

private:
    void viewers_transports();
    void open(MainWindow& window, bool viaProxy, bool readOnly = false,
              ConnectionProfile::Environment env = ConnectionProfile::Environment::None);
    static void select(MainWindow& window, const QByteArray& key);
    // Waits for the next writeFinished; returns (ok, message).
    static QPair<bool, QString> waitWrite(QSignalSpy& done, qsizetype before);
    static QInputDialog* prodQuestion(MainWindow& window, int ms = 10000);
    QByteArray cli(std::initializer_list<const char*> args) const
    {
        QStringList list;
        for (const char* a : args)
            list << QString::fromUtf8(a);
        return m_redis.cli(list).trimmed();
    }
    int runs() const { return int(Journal::listRuns(JobPaths(m_jobs)).size()); }

    test::TestTree m_tree;
    test::RedisServer m_redis;
    test::ProxyProcess m_proxy;
    QString m_jobs;
    int m_jobCount = 0;
};

void TestKeyBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests-keybrowser"));
    QSettings().clear();
    qputenv("XDG_DATA_HOME", m_tree.path(QStringLiteral("xdg")).toUtf8());
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
    m_proxy.setRedisUrl(m_redis.url());
    QVERIFY2(m_proxy.start(), qPrintable(m_proxy.errorString()));
}

void TestKeyBrowser::init()
{
    m_jobs = m_tree.path(QStringLiteral("jobs%1").arg(++m_jobCount));
    cli({"FLUSHALL"});
    cli({"HSET", "app:h", "status", "todo", "title", "Two"});
    cli({"RPUSH", "app:l", "x", "y", "x"});
    cli({"SADD", "app:s", "m1", "m2"});
    cli({"ZADD", "app:z", "1", "one", "2.5", "two"});
    cli({"XADD", "app:x", "1-1", "kind", "created"});
    cli({"SET", "app:str", "{\"a\":1}"});
}

void TestKeyBrowser::viewers_transports()
{
    QTest::addColumn<bool>("viaProxy");
    QTest::newRow("redis") << false;
    QTest::newRow("pmkv-proxy") << true;
}

void TestKeyBrowser::open(MainWindow& window, bool viaProxy, bool readOnly,
                          ConnectionProfile::Environment env)
{
    window.setJobsFolder(m_jobs);
    window.resize(1200, 800);
    window.show();
    ConnectionProfile p;
    p.name = QStringLiteral("local");
    p.kind = viaProxy ? ConnectionProfile::Kind::LocalProxy : ConnectionProfile::Kind::Redis;
    p.address = viaProxy ? m_proxy.url().toString() : m_redis.url();
    p.readOnly = readOnly;
    p.environment = env;
    window.connectTo(p, viaProxy ? m_proxy.token() : QByteArray());
    QTRY_VERIFY_WITH_TIMEOUT(
        window.kvLoader()->isOpen() && window.kvPane()->model()->isFinished() &&
            window.kvPane()->model()->keyCount() >= 6 && window.kvLoader()->isIdle(),
        20000);
}

void TestKeyBrowser::select(MainWindow& window, const QByteArray& key)
{
    QSignalSpy value(window.kvLoader(), &KvLoader::valueLoaded);
    QVERIFY2(window.kvPane()->selectKey(key), key.constData());
    QVERIFY(value.wait(10000));
}

QPair<bool, QString> TestKeyBrowser::waitWrite(QSignalSpy& done, qsizetype before)
{
    if (done.count() <= before && !done.wait(15000))
        return {false, QStringLiteral("no writeFinished")};
    return {done.at(before).at(0).toBool(), done.at(before).at(1).toString()};
}

QInputDialog* TestKeyBrowser::prodQuestion(MainWindow& window, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        for (QInputDialog* d : window.findChildren<QInputDialog*>()) {
            if (d->isVisible())
                return d;
        }
        QTest::qWait(10);
    }
    return nullptr;
}

void TestKeyBrowser::viewers_data()
{
    QTest::addColumn<bool>("viaProxy");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QVector<QVector<QByteArray>>>("rows");
    using Rows = QVector<QVector<QByteArray>>;
    for (const bool proxy : {false, true}) {
        const char* via = proxy ? "pmkv-proxy" : "redis";
        QTest::addRow("%s hash", via) << proxy << QByteArray("app:h") << QStringLiteral("hash")
                                      << Rows{{"status", "todo"}, {"title", "Two"}};
        QTest::addRow("%s list", via) << proxy << QByteArray("app:l") << QStringLiteral("list")
                                      << Rows{{"0", "x"}, {"1", "y"}, {"2", "x"}};
        QTest::addRow("%s set", via)
            << proxy << QByteArray("app:s") << QStringLiteral("set") << Rows{{"m1"}, {"m2"}};
        QTest::addRow("%s zset", via)
            << proxy << QByteArray("app:z") << QStringLiteral("sorted set")
            << Rows{{"one", "1"}, {"two", "2.5"}};
        QTest::addRow("%s stream", via) << proxy << QByteArray("app:x") << QStringLiteral("stream")
                                        << Rows{{"1-1", "kind=created"}};
    }
}

void TestKeyBrowser::viewers()
{
    QFETCH(bool, viaProxy);
    QFETCH(QByteArray, key);
    QFETCH(QString, header);
    QFETCH(QVector<QVector<QByteArray>>, rows);
    MainWindow window;
    QAbstractItemModelTester tester(window.valueTable()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    open(window, viaProxy);
    select(window, key);
    QVERIFY(window.showsValueTable());
    QVERIFY2(window.valueTable()->headerText().contains(header),
             qPrintable(window.valueTable()->headerText()));
    QVERIFY2(!window.valueTable()->headerText().contains(QStringLiteral("-1 bytes")),
             qPrintable(window.valueTable()->headerText()));
    QCOMPARE(window.valueTable()->model()->value().rows, rows);
    // A string still shows as text.
    select(window, "app:str");
    QVERIFY(!window.showsValueTable());
}

void TestKeyBrowser::capSaysFirstNOfM()
{
    QStringList push{QStringLiteral("RPUSH"), QStringLiteral("app:big")};
    for (int i = 0; i < 1500; ++i)
        push << QString::number(i);
    m_redis.cli(push);
    MainWindow window;
    open(window, false);
    select(window, "app:big");
    QCOMPARE(window.valueTable()->model()->rowCount(), KvLoader::kTypedRows);
    QVERIFY2(window.valueTable()->headerText().contains(QStringLiteral("first 1,000 of 1,500")),
             qPrintable(window.valueTable()->headerText()));
    // Indexes with thousands separators.
    QCOMPARE(window.valueTable()->model()->index(999, 0).data().toString(), QStringLiteral("999"));
}

void TestKeyBrowser::editsAreJournaledAndUndone()
{
    QFETCH(bool, viaProxy);
    MainWindow window;
    open(window, viaProxy);
    QSignalSpy done(&window, &MainWindow::writeFinished);
    QSignalSpy loaded(window.kvLoader(), &KvLoader::valueLoaded);
    qsizetype writes = 0;
    auto finished = [&] {
        const auto r = waitWrite(done, writes++);
        QVERIFY2(r.first, qPrintable(r.second));
    };

    // A hash's value edited in its cell.
    select(window, "app:h");
    KeyValueModel* model = window.valueTable()->model();
    QVERIFY(model->setData(model->index(0, 1), QStringLiteral("done")));
    finished();
    QCOMPARE(cli({"HGET", "app:h", "status"}), QByteArray("done"));
    QCOMPARE(runs(), 1);
    QCOMPARE(Journal::listRuns(JobPaths(m_jobs)).first().kind, QStringLiteral("key-edit"));
    QTRY_COMPARE_WITH_TIMEOUT(model->raw(0, 1), QByteArray("done"), 10000); // read again
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"HGET", "app:h", "status"}), QByteArray("todo"));
    window.undoStack()->redo();
    finished();
    QCOMPARE(cli({"HGET", "app:h", "status"}), QByteArray("done"));
    // Delete a field; undo.
    window.valueTable()->requestRemove(1);
    finished();
    QCOMPARE(cli({"HEXISTS", "app:h", "title"}), QByteArray("0"));
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"HGET", "app:h", "title"}), QByteArray("Two"));

    // A list: remove the second "x" by position (not the first), push; undo both.
    select(window, "app:l");
    window.valueTable()->requestRemove(2);
    finished();
    QCOMPARE(cli({"LRANGE", "app:l", "0", "-1"}).replace('\n', ' '), QByteArray("x y"));
    window.valueTable()->requestAdd("z");
    finished();
    QCOMPARE(cli({"LRANGE", "app:l", "0", "-1"}).replace('\n', ' '), QByteArray("x y z"));
    window.undoStack()->undo();
    finished();
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"LRANGE", "app:l", "0", "-1"}).replace('\n', ' '), QByteArray("x y x"));

    // A set, a sorted set's score, a stream entry.
    select(window, "app:s");
    window.valueTable()->requestAdd("m3");
    finished();
    QCOMPARE(cli({"SCARD", "app:s"}), QByteArray("3"));
    select(window, "app:z");
    window.valueTable()->requestCellEdit(0, 1, "7");
    finished();
    QCOMPARE(cli({"ZSCORE", "app:z", "one"}), QByteArray("7"));
    window.valueTable()->requestCellEdit(0, 1, "seven"); // refused before any write
    const auto bad = waitWrite(done, writes++);
    QVERIFY(!bad.first);
    select(window, "app:x");
    window.valueTable()->requestAdd("kind", "moved");
    finished();
    QCOMPARE(cli({"XLEN", "app:x"}), QByteArray("2"));
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"XLEN", "app:x"}), QByteArray("1"));
    // Every write and undo is a journaled run.
    QCOMPARE(runs(), 13);
}

void TestKeyBrowser::readOnlyRefuses()
{
    MainWindow window;
    open(window, false, true, ConnectionProfile::Environment::Prod);
    select(window, "app:h");
    QPushButton* add = window.valueTable()->addButton();
    QTRY_VERIFY(!add->isEnabled());
    QVERIFY2(add->toolTip().contains(QStringLiteral("read-only")), qPrintable(add->toolTip()));
    for (const char* name : {"newKey", "renameKey", "deleteKey", "setKeyTtl", "persistKey"}) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && !action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(action->toolTip()));
    }
    // Called anyway (as a script or a stale button would): the rule refuses, nothing asked.
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.valueTable()->requestAdd("new", "1");
    const auto refused = waitWrite(done, 0);
    QVERIFY(!refused.first);
    QVERIFY2(refused.second.contains(QStringLiteral("read-only")), qPrintable(refused.second));
    QVERIFY(!prodQuestion(window, 200));
    QCOMPARE(cli({"HEXISTS", "app:h", "new"}), QByteArray("0"));
    QCOMPARE(runs(), 0);
    QCOMPARE(window.undoStack()->count(), 0);
}

void TestKeyBrowser::prodNeedsTheTypedName()
{
    MainWindow window;
    open(window, true, false, ConnectionProfile::Environment::Prod);
    select(window, "app:s");
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.valueTable()->requestAdd("m9");
    QInputDialog* ask = prodQuestion(window);
    QVERIFY2(ask, "the PROD name was not asked for");
    ask->reject();
    const auto cancelled = waitWrite(done, 0);
    QVERIFY(!cancelled.first);
    QCOMPARE(cli({"SISMEMBER", "app:s", "m9"}), QByteArray("0"));
    window.valueTable()->requestAdd("m9");
    ask = prodQuestion(window);
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("local"));
    ask->accept();
    const auto written = waitWrite(done, 1);
    QVERIFY2(written.first, qPrintable(written.second));
    QCOMPARE(cli({"SISMEMBER", "app:s", "m9"}), QByteArray("1"));
    QCOMPARE(runs(), 1);
}

void TestKeyBrowser::ttlSetAndPersisted()
{
    MainWindow window;
    open(window, false);
    select(window, "app:h");
    QSignalSpy done(&window, &MainWindow::writeFinished);
    QSignalSpy loaded(window.kvLoader(), &KvLoader::valueLoaded);
    window.setKeyTtl(7200);
    QVERIFY(waitWrite(done, 0).first);
    QVERIFY(cli({"TTL", "app:h"}).toLongLong() > 7100);
    QVERIFY(loaded.wait(10000));
    QVERIFY2(window.valueTable()->headerText().contains(QStringLiteral("expires in 1 h 59 min")) ||
                 window.valueTable()->headerText().contains(QStringLiteral("expires in 2 h")),
             qPrintable(window.valueTable()->headerText()));
    window.persistKey();
    QVERIFY(waitWrite(done, 1).first);
    QCOMPARE(cli({"TTL", "app:h"}), QByteArray("-1"));
    window.undoStack()->undo(); // the TTL comes back
    QVERIFY(waitWrite(done, 2).first);
    QVERIFY(cli({"TTL", "app:h"}).toLongLong() > 7100);
    // A string's TTL in words too.
    select(window, "app:str");
    window.setKeyTtl(90);
    QVERIFY(waitWrite(done, 3).first);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.keyView()->headerText().contains(QStringLiteral("expires in 1 min")), 10000);
}

void TestKeyBrowser::renameDeleteAndNewKeyUndo()
{
    MainWindow window;
    open(window, false);
    select(window, "app:z");
    QSignalSpy done(&window, &MainWindow::writeFinished);
    qsizetype writes = 0;
    auto finished = [&] {
        const auto r = waitWrite(done, writes++);
        QVERIFY2(r.first, qPrintable(r.second));
    };
    window.renameKey("app:z2");
    finished();
    QCOMPARE(cli({"EXISTS", "app:z"}), QByteArray("0"));
    QCOMPARE(cli({"ZSCORE", "app:z2", "two"}), QByteArray("2.5"));
    QTRY_COMPARE_WITH_TIMEOUT(window.kvPane()->currentKey(), QByteArray("app:z2"), 15000);
    // Onto an existing key: refused, nothing overwritten.
    window.renameKey("app:s");
    const auto refused = waitWrite(done, writes++);
    QVERIFY(!refused.first);
    QVERIFY2(refused.second.contains(QStringLiteral("exists")), qPrintable(refused.second));
    QCOMPARE(cli({"TYPE", "app:s"}), QByteArray("set"));
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"EXISTS", "app:z2"}), QByteArray("0"));
    QCOMPARE(cli({"ZSCORE", "app:z", "two"}), QByteArray("2.5"));
    QTRY_COMPARE_WITH_TIMEOUT(window.kvPane()->currentKey(), QByteArray("app:z"), 15000);

    window.deleteKey();
    finished();
    QCOMPARE(cli({"EXISTS", "app:z"}), QByteArray("0"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.kvPane()->model()->indexForKey("app:z").isValid() &&
                                 window.kvPane()->model()->isFinished(),
                             15000);
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"ZCARD", "app:z"}), QByteArray("2"));
    QTRY_COMPARE_WITH_TIMEOUT(window.kvPane()->currentKey(), QByteArray("app:z"), 15000);

    window.newKey("app:new", "hash", "field", "value");
    finished();
    QCOMPARE(cli({"HGET", "app:new", "field"}), QByteArray("value"));
    QTRY_COMPARE_WITH_TIMEOUT(window.kvPane()->currentKey(), QByteArray("app:new"), 15000);
    window.undoStack()->undo();
    finished();
    QCOMPARE(cli({"EXISTS", "app:new"}), QByteArray("0"));
}

void TestKeyBrowser::serverPanel()
{
    QFETCH(bool, viaProxy);
    MainWindow window;
    open(window, viaProxy);
    window.showServerPanel();
    QVERIFY(window.serverPanel());
    QSignalSpy refreshed(window.serverPanel(), &ServerPanel::refreshed);
    QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
    const QString summary = window.serverPanel()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("Redis 7")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("6 keys")), qPrintable(summary));
    QCOMPARE(window.serverPanel()->fieldText(QStringLiteral("Keys"), QStringLiteral("db0")),
             QStringLiteral("6"));
    QVERIFY(!window.serverPanel()
                 ->fieldText(QStringLiteral("Memory"), QStringLiteral("used_memory_human"))
                 .isEmpty());
}

void TestKeyBrowser::ttlInWords()
{
    QCOMPARE(TtlText::describe(-1), QStringLiteral("no expiry"));
    QCOMPARE(TtlText::describe(90 * 1000), QStringLiteral("expires in 1 min 30 s"));
    QCOMPARE(TtlText::duration(2 * 3600 * 1000 + 5 * 60 * 1000), QStringLiteral("2 h 5 min"));
    QCOMPARE(TtlText::duration(qint64(1500) * 86400 * 1000), QStringLiteral("1,500 d"));
    QCOMPARE(TtlText::duration(4500), QStringLiteral("4.5 s"));
    QCOMPARE(TtlText::parseSeconds(QStringLiteral("90")), std::optional<qint64>(90));
    QCOMPARE(TtlText::parseSeconds(QStringLiteral("15m")), std::optional<qint64>(900));
    QCOMPARE(TtlText::parseSeconds(QStringLiteral("1d 12h")), std::optional<qint64>(129600));
    QCOMPARE(TtlText::parseSeconds(QStringLiteral("2 h 5 min")), std::optional<qint64>(7500));
    QVERIFY(!TtlText::parseSeconds(QStringLiteral("soon")));
    QVERIFY(!TtlText::parseSeconds(QStringLiteral("0")));
    QVERIFY(!TtlText::parseSeconds(QStringLiteral("-5")));
}

// The key tree's Type, TTL and Size columns: asked for when a row is shown, in one batch,
// and asked again after a write to the key.
void TestKeyBrowser::treeColumns()
{
    cli({"EXPIRE", "app:h", "7200"});
    MainWindow window;
    open(window, false);
    KvTreeModel* model = window.kvPane()->model();
    QCOMPARE(model->headerData(KvTreeModel::TtlColumn, Qt::Horizontal).toString(),
             QStringLiteral("TTL"));
    const QModelIndex h = model->indexForKey("app:h");
    const QModelIndex z = model->indexForKey("app:z");
    QVERIFY(h.isValid() && z.isValid());
    QSignalSpy asked(model, &KvTreeModel::metaRequested);
    // What a view painting the two rows does.
    h.siblingAtColumn(KvTreeModel::TypeColumn).data();
    z.siblingAtColumn(KvTreeModel::SizeColumn).data();
    QTRY_VERIFY_WITH_TIMEOUT(model->hasMeta("app:h") && model->hasMeta("app:z"), 10000);
    QVERIFY(!asked.isEmpty());
    QCOMPARE(asked.first().first().value<QVector<QByteArray>>().size(), 2); // one batch
    QCOMPARE(h.siblingAtColumn(KvTreeModel::TypeColumn).data().toString(), QStringLiteral("hash"));
    QCOMPARE(z.siblingAtColumn(KvTreeModel::TypeColumn).data().toString(), QStringLiteral("zset"));
    QVERIFY2(h.siblingAtColumn(KvTreeModel::TtlColumn).data().toString().contains(QLatin1Char('h')),
             qPrintable(h.siblingAtColumn(KvTreeModel::TtlColumn).data().toString()));
    QCOMPARE(z.siblingAtColumn(KvTreeModel::TtlColumn).data().toString(), QString());
    QVERIFY(!h.siblingAtColumn(KvTreeModel::SizeColumn).data().toString().isEmpty());
    // A write to the key: its cells follow.
    select(window, "app:h");
    QSignalSpy done(&window, &MainWindow::writeFinished);
    window.persistKey();
    QVERIFY(waitWrite(done, 0).first);
    QTRY_VERIFY_WITH_TIMEOUT(model->indexForKey("app:h")
                                     .siblingAtColumn(KvTreeModel::TtlColumn)
                                     .data()
                                     .toString()
                                     .isEmpty() &&
                                 model->hasMeta("app:h"),
                             10000);
}

QTEST_MAIN(TestKeyBrowser)
#include "tst_keybrowser.moc"
