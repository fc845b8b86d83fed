#include "files/sha256.h"

#include <QCryptographicHash>
#include <QTest>

using namespace pmkv;

class TestSha256 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQCryptographicHash_data();
    void matchesQCryptographicHash();
};

void TestSha256::matchesQCryptographicHash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("abc") << QByteArray("abc");
    QTest::newRow("one block minus one") << QByteArray(55, 'x');
    QTest::newRow("two blocks") << QByteArray(64, 'y');
    QTest::newRow("binary") << QByteArray("\0\xff\x80 json", 9);
    QTest::newRow("large") << QByteArray(3 * 1024 * 1024 + 7, 'z');
}

void TestSha256::matchesQCryptographicHash()
{
    QFETCH(QByteArray, bytes);
    QCOMPARE(Sha256::hex(bytes),
             QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (bytes == "abc")
        QCOMPARE(Sha256::hex(bytes),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
