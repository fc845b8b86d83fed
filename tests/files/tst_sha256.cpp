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
    void piecesGiveTheSameDigest_data();
    void piecesGiveTheSameDigest();
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

void TestSha256::piecesGiveTheSameDigest_data()
{
    matchesQCryptographicHash_data();
}

void TestSha256::piecesGiveTheSameDigest()
{
    QFETCH(QByteArray, bytes);
    // Uneven pieces, so some end inside a 64-byte block and some span several.
    Sha256 hash;
    qsizetype at = 0;
    for (qsizetype piece = 1; at < bytes.size(); piece = piece * 3 + 1) {
        const qsizetype n = qMin(piece, bytes.size() - at);
        hash.add(QByteArrayView(bytes).sliced(at, n));
        at += n;
    }
    QCOMPARE(hash.hexResult(), Sha256::hex(bytes));
}

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
