// HashSlot: the slots the Redis Cluster specification gives (CRC16 XModem, hash tags), then
// thousands of random keys, binary bytes and braces included, against the CLUSTER KEYSLOT
// answer of a real redis-server started with cluster support.
#include "awaitfuture.h"
#include "kv/hashslot.h"
#include "redis/redisstore.h"
#include "redisserver.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace pmkv;

class TestHashSlot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownSlots_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("slot");
        // From the specification and from redis-server 7.0's CLUSTER KEYSLOT.
        QTest::newRow("foo") << QByteArray("foo") << 12182;
        QTest::newRow("bar") << QByteArray("bar") << 5061;
        QTest::newRow("hello") << QByteArray("hello") << 866;
        QTest::newRow("check value 123456789 = 0x31C3") << QByteArray("123456789") << 12739;
        QTest::newRow("empty key") << QByteArray() << 0;
        QTest::newRow("layout key") << QByteArray("pm:project:alpha") << 14017;
        QTest::newRow("tag") << QByteArray("{user1000}.following") << 3443;
        QTest::newRow("same tag") << QByteArray("{user1000}.followers") << 3443;
        QTest::newRow("empty tag hashes whole key") << QByteArray("foo{}{bar}") << 8363;
        QTest::newRow("tag from first brace") << QByteArray("foo{{bar}}zap") << 4015;
        QTest::newRow("first tag only = slot of bar") << QByteArray("foo{bar}{zap}") << 5061;
        QTest::newRow("unclosed brace") << QByteArray("a{b") << 13340;
    }

    void knownSlots()
    {
        QFETCH(QByteArray, key);
        QFETCH(int, slot);
        QCOMPARE(HashSlot::of(key), slot);
    }

    void randomKeysMatchRedis()
    {
        test::RedisServer redis;
        redis.setExtraArguments({QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
                                 QStringLiteral("--cluster-config-file"),
                                 QStringLiteral("nodes-hashslot.conf")});
        QVERIFY2(redis.start(), qPrintable(redis.errorString()));
        RedisStore store(RedisAddress::tcp(QStringLiteral("127.0.0.1"), redis.port()));
        // Bytes from a small alphabet rich in braces, so tags of every shape occur.
        const QByteArray alphabet("{}{}ab:\x00\xff\x7f z", 13);
        auto* random = QRandomGenerator::global();
        QVector<QByteArray> keys;
        QVector<KvCommand> batch;
        for (int i = 0; i < 5000; ++i) {
            QByteArray key;
            const int length = int(random->bounded(0, 24));
            for (int j = 0; j < length; ++j)
                key.append(alphabet.at(int(random->bounded(alphabet.size()))));
            keys.append(key);
            batch.append({QByteArrayLiteral("CLUSTER"), QByteArrayLiteral("KEYSLOT"), key});
        }
        const auto replies = test::await(store.execute(batch));
        QVERIFY2(replies.ok(), qPrintable(replies.ok() ? QString() : replies.error().message));
        for (int i = 0; i < keys.size(); ++i) {
            const KvReply& r = replies.value().at(i);
            QVERIFY2(!r.isError(), r.bytes.constData());
            QVERIFY2(HashSlot::of(keys.at(i)) == r.integer,
                     qPrintable(QStringLiteral("key %1: ours %2, Redis %3")
                                    .arg(QString::fromLatin1(keys.at(i).toHex()))
                                    .arg(HashSlot::of(keys.at(i)))
                                    .arg(r.integer)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHashSlot)
#include "tst_hashslot.moc"
