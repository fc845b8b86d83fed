#include "proxy/base64writer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace pmkv;

// Base64Writer against Qt's own encoder: every length around the 12/16-byte steps of the
// SSSE3 path and the 3-byte groups of the portable one, all byte values, and a large block.
class TestBase64Writer final : public QObject
{
    Q_OBJECT

    static QByteArray encode(const QByteArray& in, bool portable)
    {
        QByteArray out(Base64Writer::encodedSize(in.size()), '\0');
        char* end = portable ? Base64Writer::writePortable(out.data(), in.constData(), in.size())
                             : Base64Writer::write(out.data(), in.constData(), in.size());
        if (end != out.data() + out.size())
            return QByteArray("wrote ") + QByteArray::number(end - out.data()) + " bytes";
        return out;
    }

    static QByteArray randomBytes(qsizetype size, quint32 seed)
    {
        QRandomGenerator random(seed);
        QByteArray bytes(size, '\0');
        for (char& c : bytes)
            c = char(random.bounded(256));
        return bytes;
    }

private Q_SLOTS:
    void everyShortLength_data()
    {
        QTest::addColumn<bool>("portable");
        QTest::newRow("dispatched") << false;
        QTest::newRow("portable") << true;
    }

    void everyShortLength()
    {
        QFETCH(bool, portable);
        for (int size = 0; size <= 100; ++size) {
            const QByteArray in = randomBytes(size, quint32(size + 1));
            QCOMPARE(encode(in, portable), in.toBase64());
        }
    }

    void allByteValues()
    {
        QByteArray in;
        for (int b = 0; b < 256; ++b)
            in.append(char(b));
        in += in;
        QCOMPARE(encode(in, false), in.toBase64());
        QCOMPARE(encode(in, true), in.toBase64());
    }

    void largeBlock()
    {
        const QByteArray in = randomBytes(1024 * 1024 + 7, 42);
        QCOMPARE(encode(in, false), in.toBase64());
    }
};

QTEST_APPLESS_MAIN(TestBase64Writer)
#include "tst_base64writer.moc"
