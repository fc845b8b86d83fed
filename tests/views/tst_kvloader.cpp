// KvLoader against a real redis-server: the folder's alignment arriving while the first scan
// is under way (a folder that loads after the connection, a cluster whose masters answer one
// page each). The loader scans again to classify the keys; it must go as far as the first
// pass was going, not stop where that pass had got to when the alignment came.
#include "alignment.h"
#include "files/pmreader.h"
#include "kvloader.h"
#include "kvtreemodel.h"
#include "layout/keylayout.h"
#include "redisserver.h"
#include "testtree.h"
#include "windowtest.h"

#include <QSignalSpy>
#include <QTest>

using namespace pmkv;

class TestKvLoader final : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    test::TestTree m_tree;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        // 5,000 keys: several SCAN pages of COUNT 1000.
        m_redis.cli({QStringLiteral("EVAL"),
                     QStringLiteral("for i = 1, 5000 do redis.call('SET', 'k:' .. i, i) end"),
                     QStringLiteral("0")});
        QCOMPARE(m_redis.cli({QStringLiteral("DBSIZE")}), QByteArray("5000"));
        m_tree.write(QStringLiteral("pm/alpha/project.json"), R"({"id":"alpha","name":"Alpha"})");
    }

    void alignmentDuringTheFirstScanLoadsEveryKey()
    {
        auto index = PmReader::read(m_tree.path(QStringLiteral("pm")));
        QVERIFY(index);
        const std::shared_ptr<const Alignment> alignment =
            Alignment::build(FileTreeSnapshot::build(std::move(index).value()),
                             KeyLayout::preset(QStringLiteral("repository")).value());

        KvTreeModel model;
        KvLoader loader(&model);
        bool aligned = false;
        qint64 keysWhenAligned = 0;
        // Right after the first page is shown, before the next one is asked for.
        connect(&loader, &KvLoader::progressChanged, this, [&] {
            if (aligned || model.keyCount() == 0)
                return;
            aligned = true;
            keysWhenAligned = model.keyCount();
            loader.setAlignment(alignment);
        });
        QSignalSpy finished(&loader, &KvLoader::scanFinished);
        loader.open(test::redisProfile(m_redis.url()));
        QVERIFY(finished.wait(20000));
        QVERIFY(aligned);
        QVERIFY2(keysWhenAligned < 5000, "the first page held every key: nothing was tested");
        QCOMPARE(model.keyCount(), 5000);
        QVERIFY2(loader.progressText().startsWith(QStringLiteral("scanned all 5,000 keys")),
                 qPrintable(loader.progressText()));
    }
};

QTEST_MAIN(TestKvLoader)
#include "tst_kvloader.moc"
