#include "core/utf8.h"

#include <QTest>

using namespace pmkv;

// firstInvalidUtf8(): the offset of the first byte that does not start a valid UTF-8
// sequence, or -1. Cases put the bad byte before, on and after the 8-byte ASCII steps.
class TestUtf8 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstInvalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected");
        const QByteArray ascii16("0123456789abcdef");
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("ascii") << ascii16 << -1;
        QTest::newRow("ascii, odd length") << ascii16 + "xyz" << -1;
        QTest::newRow("two-byte") << ascii16 + "\xc3\xa9" << -1;
        QTest::newRow("three-byte") << QByteArray("\xe2\x82\xac") + ascii16 << -1;
        QTest::newRow("four-byte") << ascii16 + "a\xf0\x9f\x98\x80z" << -1;
        QTest::newRow("bad at 0") << QByteArray("\xff") + ascii16 << 0;
        QTest::newRow("bad at 7") << QByteArray("0123456\x80") + ascii16 << 7;
        QTest::newRow("bad at 8") << QByteArray("01234567\x80") + ascii16 << 8;
        QTest::newRow("bad at 13") << ascii16.left(13) + "\xc0\xaf" << 13;
        QTest::newRow("bad after a valid sequence") << QByteArray("ab\xc3\xa9"
                                                                  "cdefgh\xfe")
                                                    << 10;
        QTest::newRow("overlong") << QByteArray("\xe0\x80\xaf") << 0;
        QTest::newRow("surrogate") << ascii16 + "\xed\xa0\x80" << 16;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
        QTest::newRow("truncated at the end") << ascii16 + "\xe2\x82" << 16;
        QTest::newRow("continuation missing") << QByteArray("ab\xe2"
                                                            "cdefghij")
                                              << 2;
    }

    void firstInvalid()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        QCOMPARE(firstInvalidUtf8(text), qsizetype(expected));
    }
};

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
