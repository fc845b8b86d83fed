#include "core/base64decode.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pmkv;

class tst_Base64Decode final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesWhatQtEncodes();
    void refuses_data();
    void refuses();
};

void tst_Base64Decode::decodesWhatQtEncodes()
{
    // Every length from 0 to 300 (all three paddings, each a few times), random bytes.
    QRandomGenerator random(5);
    for (int length = 0; length <= 300; ++length) {
        QByteArray bytes(length, Qt::Uninitialized);
        for (char& c : bytes)
            c = char(random.bounded(256));
        QByteArray out("untouched");
        QVERIFY(decodeBase64(bytes.toBase64(), out));
        QCOMPARE(out, bytes);
    }
}

void tst_Base64Decode::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("length not a multiple of 4") << QByteArray("QUJD"
                                                              "QQ");
    QTest::newRow("unpadded") << QByteArray("QUJDRA");
    QTest::newRow("url-safe alphabet") << QByteArray("-_-_");
    QTest::newRow("padding inside") << QByteArray("QQ==QUJD");
    QTest::newRow("three pads") << QByteArray("Q===");
    QTest::newRow("only pads") << QByteArray("====");
    QTest::newRow("a space") << QByteArray("QUJD QUJ");
    QTest::newRow("a high byte") << QByteArray("QUJ\xc3");
    QTest::newRow("NUL") << QByteArray("QU\0D", 4);
    QTest::newRow("plain word") << QByteArray("PONG!");
}

void tst_Base64Decode::refuses()
{
    QFETCH(QByteArray, text);
    QByteArray out("untouched");
    QVERIFY(!decodeBase64(text, out));
    QCOMPARE(out, QByteArray("untouched"));
    // Qt's strict decoder agrees that it is not base64 (or not of the padded kind).
    const auto qt = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(!qt || text.size() % 4 != 0);
}

QTEST_GUILESS_MAIN(tst_Base64Decode)
#include "tst_base64decode.moc"
