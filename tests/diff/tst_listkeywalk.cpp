// ListKeyWalk, the one list-key walk of the studio and the diff (issue #17, defect 2), against
// a real redis-server holding what a migration writes for a small consistent tree (and nothing
// else; the quirks tree has entities no list names, which only SCAN can find):
// with both presets and a custom layout without list keys below the projects list, the walk
// finds every key SCAN finds, through the store reader and through the diff's side reader.
#include "connections/storethread.h"
#include "diff/kvsidereader.h"
#include "diff/listkeywalk.h"
#include "files/pmreader.h"
#include "kv/kvwait.h"
#include "layout/keymapper.h"
#include "redis/redisstore.h"
#include "redisserver.h"
#include "testtree.h"

#include <QtTest>

#include <set>

using namespace pmkv;

class TestListKeyWalk final : public QObject
{
    Q_OBJECT

private:
    test::RedisServer m_redis;
    test::TestTree m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
        m_dir.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
        m_dir.write(QStringLiteral("pm/alpha/project.json"),
                    R"({"name": "Alpha", "epicIds": ["core", "ui"]})");
        m_dir.write(QStringLiteral("pm/alpha/core/epic.json"),
                    R"({"id": "core", "title": "Core", "storyIds": ["S-1", "S-2"]})");
        m_dir.write(QStringLiteral("pm/alpha/core/S-1.json"), R"({"id": "S-1", "title": "One"})");
        m_dir.write(QStringLiteral("pm/alpha/core/S-2.json"), R"({"id": "S-2", "title": "Two"})");
        m_dir.write(QStringLiteral("pm/alpha/ui/epic.json"),
                    R"({"id": "ui", "title": "UI", "storyIds": ["S-3"]})");
        m_dir.write(QStringLiteral("pm/alpha/ui/S-3.json"), R"({"id": "S-3", "title": "Three"})");
        m_dir.write(QStringLiteral("pm/beta/project.json"),
                    R"({"name": "Beta", "epicIds": ["api"]})");
        m_dir.write(QStringLiteral("pm/beta/api/epic.json"),
                    R"({"id": "api", "title": "API", "storyIds": ["S-4"]})");
        m_dir.write(QStringLiteral("pm/beta/api/S-4.json"), R"({"id": "S-4", "title": "Four"})");
        m_dir.write(QStringLiteral("pm/gamma/project.json"), R"({"name": "Gamma", "epicIds": []})");
    }

    void findsWhatScanFinds_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::newRow("repository") << QStringLiteral("repository");
        QTest::newRow("strategy") << QStringLiteral("strategy");
        m_dir.write(QStringLiteral("custom.json"), R"({"name": "custom", "prefix": "c",
            "templates": {"people": "{prefix}:folks", "projectsList": "{prefix}:all",
                          "project": "{prefix}:p:{project}", "epic": "{prefix}:p:{project}:e:{epic}",
                          "story": "{prefix}:p:{project}:e:{epic}:s:{story}"}})");
        QTest::newRow("custom") << m_dir.path(QStringLiteral("custom.json"));
    }

    void findsWhatScanFinds()
    {
        QFETCH(QString, layout);
        auto keyLayout = KeyLayout::fromSpec(layout);
        QVERIFY2(keyLayout, keyLayout ? "" : qPrintable(keyLayout.error().message));
        auto index = PmReader::read(m_dir.path(QStringLiteral("pm")));
        QVERIFY(index);
        const KeyMap map = KeyMapper::map(index.value(), keyLayout.value());
        QVERIFY(map.entries.size() > 10);
        m_redis.cli({QStringLiteral("FLUSHALL")});
        for (const KeyEntry& e : map.entries)
            m_redis.cli({QStringLiteral("SET"), e.key, QString::fromUtf8(e.value)});

        StoreThread thread; // the store lives there; the test's thread waits on it
        const quint16 port = m_redis.port();
        KvStore& store = *thread.call([&thread, port] {
            return new RedisStore(RedisAddress::tcp(QStringLiteral("127.0.0.1"), port), false,
                                  thread.context());
        });
        std::set<QString> scanned;
        {
            auto keys = scanAllKeys(store, keyLayout.value().scanPattern());
            QVERIFY(keys);
            for (const QByteArray& k : keys.value())
                scanned.insert(QString::fromUtf8(k));
        }
        QCOMPARE(qsizetype(scanned.size()), map.entries.size());

        auto walked = ListKeyWalk::walk(keyLayout.value(), ListKeyWalk::storeReader(store, 7));
        QVERIFY2(walked, walked ? "" : qPrintable(walked.error().message));
        const std::set<QString> found(walked.value().cbegin(), walked.value().cend());
        QCOMPARE(qsizetype(found.size()), walked.value().size()); // each once
        QStringList missing, extra;
        for (const QString& k : scanned) {
            if (!found.count(k))
                missing << k;
        }
        for (const QString& k : found) {
            if (!scanned.count(k))
                extra << k;
        }
        QVERIFY2(
            missing.isEmpty() && extra.isEmpty(),
            qPrintable(QStringLiteral("missing: %1; extra: %2")
                           .arg(missing.join(QLatin1Char(' ')), extra.join(QLatin1Char(' ')))));

        // The diff's side, read through the lists, holds the same keys.
        KvSideReader::Options options;
        options.forceListWalk = true;
        auto side = KvSideReader::read(store, keyLayout.value(), QStringLiteral("conn:x"), options);
        QVERIFY(side);
        std::set<QString> sideKeys;
        for (const SideEntry& entry : side.value().entries)
            sideKeys.insert(entry.location);
        QCOMPARE(sideKeys, scanned);
    }
};

QTEST_GUILESS_MAIN(TestListKeyWalk)
#include "tst_listkeywalk.moc"
