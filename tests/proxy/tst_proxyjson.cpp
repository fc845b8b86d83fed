#include "core/jsonstring.h"
#include "core/utf8.h"
#include "proxy/commandjson.h"
#include "proxy/replyjson.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

using namespace pmkv;

// The JSON rules of the Upstash REST protocol: command bodies in (CommandJson), replies out
// (ReplyJson), with and without `Upstash-Encoding: base64`.
class TestProxyJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void command_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<KvCommand>("expected");

        QTest::newRow("strings") << QByteArray(R"(["SET","k","v"])") << KvCommand{"SET", "k", "v"};
        QTest::newRow("spaces") << QByteArray(" [ \"GET\" ,\n\t\"k\" ] ") << KvCommand{"GET", "k"};
        QTest::newRow("integer keeps its text")
            << QByteArray(R"(["SET","k",10])") << KvCommand{"SET", "k", "10"};
        QTest::newRow("exact number text") << QByteArray(R"(["SET","k",1.50,-0,1e3,2E-2])")
                                           << KvCommand{"SET", "k", "1.50", "-0", "1e3", "2E-2"};
        QTest::newRow("big integer not rounded")
            << QByteArray(R"(["SET","k",12345678901234567890123])")
            << KvCommand{"SET", "k", "12345678901234567890123"};
        QTest::newRow("booleans") << QByteArray(R"(["SET","k",true,false])")
                                  << KvCommand{"SET", "k", "true", "false"};
        QTest::newRow("escapes") << QByteArray("[\"SET\",\"a\\\"b\\\\c\\/d\\n\\r\\t\\b\\f\"]")
                                 << KvCommand{"SET", "a\"b\\c/d\n\r\t\b\f"};
        QTest::newRow("nul via \\u0000")
            << QByteArray(R"(["SET","\u0000x"])") << KvCommand{"SET", QByteArray("\0x", 2)};
        QTest::newRow("utf-8 raw and escaped")
            << QByteArray("[\"SET\",\"\xc3\xa9\",\"\\u00e9\\u20ac\"]")
            << KvCommand{"SET", "\xc3\xa9", "\xc3\xa9\xe2\x82\xac"};
        QTest::newRow("surrogate pair")
            << QByteArray(R"(["SET","\ud83d\ude00"])") << KvCommand{"SET", "\xf0\x9f\x98\x80"};
        QTest::newRow("escaped raw byte \\udcff")
            << QByteArray(R"(["SET","a\udcff\udc80"])") << KvCommand{"SET", "a\xff\x80"};
        QTest::newRow("other lone surrogate is WTF-8")
            << QByteArray(R"(["SET","\ud800"])") << KvCommand{"SET", "\xed\xa0\x80"};
        QTest::newRow("empty string")
            << QByteArray(R"(["SET","k",""])") << KvCommand{"SET", "k", ""};
        QTest::newRow("escape first and last")
            << QByteArray("[\"SET\",\"\\\"x\\\"\"]") << KvCommand{"SET", "\"x\""};
        QTest::newRow("escaped backslash before the quote")
            << QByteArray("[\"SET\",\"a\\\\\"]") << KvCommand{"SET", "a\\"};
        QTest::newRow("long escaped document")
            << QByteArray("[\"SET\",\"" +
                          QByteArray("{\\\"title\\\":\\\"plain text\\\"},").repeated(200) + "\"]")
            << KvCommand{"SET", QByteArray("{\"title\":\"plain text\"},").repeated(200)};
    }

    void command()
    {
        QFETCH(QByteArray, json);
        QFETCH(KvCommand, expected);
        const auto r = CommandJson::parseCommand(json);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r.value(), expected);
    }

    void badCommand_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty body") << QByteArray();
        QTest::newRow("not an array") << QByteArray(R"({"cmd":"GET"})");
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("null") << QByteArray(R"(["GET",null])");
        QTest::newRow("object") << QByteArray(R"(["SET","k",{"a":1}])");
        QTest::newRow("nested array") << QByteArray(R"(["SET",["k"]])");
        QTest::newRow("trailing comma") << QByteArray(R"(["GET","k",])");
        QTest::newRow("text after") << QByteArray(R"(["GET","k"] x)");
        QTest::newRow("unterminated") << QByteArray("[\"GET\",\"k");
        QTest::newRow("unterminated after an escape") << QByteArray("[\"GET\",\"k\\\"");
        QTest::newRow("ends in a backslash") << QByteArray("[\"GET\",\"k\\");
        QTest::newRow("raw control char") << QByteArray("[\"GET\",\"a\x01\"]");
        QTest::newRow("bad escape") << QByteArray("[\"GET\",\"\\x\"]");
        QTest::newRow("bad unicode escape") << QByteArray("[\"GET\",\"\\u12g4\"]");
        QTest::newRow("leading zero") << QByteArray(R"(["SET","k",01])");
        QTest::newRow("bare minus") << QByteArray(R"(["SET","k",-])");
        QTest::newRow("dot without digits") << QByteArray(R"(["SET","k",1.])");
        QTest::newRow("bad literal") << QByteArray(R"(["SET","k",tru])");
    }

    void badCommand()
    {
        QFETCH(QByteArray, json);
        const auto r = CommandJson::parseCommand(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("bad-request"));
        QVERIFY(r.error().message.startsWith(QStringLiteral("ERR ")));
    }

    void commands_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::newRow("two") << QByteArray(R"([["SET","a",1],["GET","a"]])") << true << 2;
        QTest::newRow("none") << QByteArray("[]") << true << 0;
        QTest::newRow("flat array") << QByteArray(R"(["GET","a"])") << false << 0;
        QTest::newRow("empty command") << QByteArray(R"([["GET","a"],[]])") << false << 0;
        QTest::newRow("null entry") << QByteArray(R"([null])") << false << 0;
    }

    void commands()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(int, count);
        const auto r = CommandJson::parseCommands(json);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r.value().size(), count);
    }

    void reply_data()
    {
        QTest::addColumn<KvReply>("reply");
        QTest::addColumn<bool>("base64");
        QTest::addColumn<QByteArray>("json");

        QTest::newRow("OK plain") << KvReply::status("OK") << false
                                  << QByteArray(R"({"result":"OK"})");
        QTest::newRow("OK stays plain in base64")
            << KvReply::status("OK") << true << QByteArray(R"({"result":"OK"})");
        QTest::newRow("other status in base64")
            << KvReply::status("PONG") << true << QByteArray(R"({"result":"UE9ORw=="})");
        QTest::newRow("string") << KvReply::string("v") << false << QByteArray(R"({"result":"v"})");
        QTest::newRow("string base64")
            << KvReply::string("hello") << true << QByteArray(R"({"result":"aGVsbG8="})");
        QTest::newRow("base64 without padding")
            << KvReply::string("abcdef") << true << QByteArray(R"({"result":"YWJjZGVm"})");
        QTest::newRow("base64 of all byte values")
            << KvReply::string(QByteArray::fromHex("00ff10fe80")) << true
            << QByteArray(R"({"result":"AP8Q/oA="})");
        QTest::newRow("string OK in base64 is encoded")
            << KvReply::string("OK") << true << QByteArray(R"({"result":"T0s="})");
        QTest::newRow("nil") << KvReply::nil() << true << QByteArray(R"({"result":null})");
        QTest::newRow("integer") << KvReply::fromInteger(-42) << true
                                 << QByteArray(R"({"result":-42})");
        QTest::newRow("error never encoded") << KvReply::error("ERR wrong type") << true
                                             << QByteArray(R"({"error":"ERR wrong type"})");
        // Quote, backslash, LF, CR, TAB, 0x01, 0x7f.
        const QByteArray special = QByteArray::fromHex("225c0a0d09017f");
        QTest::newRow("escaping") << KvReply::string(special) << false
                                  << (QByteArray::fromHex("7b22726573756c74223a22") +
                                      QByteArray::fromHex("5c225c5c5c6e5c725c745c7530303031") +
                                      QByteArray::fromHex("7f227d"));
        QTest::newRow("utf-8 kept") << KvReply::string("\xc3\xa9\xf0\x9f\x98\x80") << false
                                    << QByteArray("{\"result\":\"\xc3\xa9\xf0\x9f\x98\x80\"}");
        QTest::newRow("invalid bytes escaped") << KvReply::string("a\xff\x80z") << false
                                               << QByteArray(R"({"result":"a\udcff\udc80z"})");
        QTest::newRow("overlong and surrogate utf-8 escaped")
            << KvReply::string("\xc0\xaf\xed\xa0\x80") << false
            << QByteArray(R"({"result":"\udcc0\udcaf\udced\udca0\udc80"})");
        QTest::newRow("truncated sequence")
            << KvReply::string("\xe2\x82") << false << QByteArray(R"({"result":"\udce2\udc82"})");
        QTest::newRow("array nested base64")
            << KvReply::array({KvReply::string("0"),
                               KvReply::array({KvReply::string("k1"), KvReply::status("OK"),
                                               KvReply::nil(), KvReply::fromInteger(3)})})
            << true << QByteArray(R"({"result":["MA==",["azE=","T0s=",null,3]]})");
        QTest::newRow("array plain")
            << KvReply::array({KvReply::string("a"), KvReply::error("ERR x")}) << false
            << QByteArray(R"({"result":["a","ERR x"]})");
        QTest::newRow("error in array never encoded")
            << KvReply::array({KvReply::error("ERR x")}) << true
            << QByteArray(R"({"result":["ERR x"]})");
        QTest::newRow("empty array")
            << KvReply::array({}) << true << QByteArray(R"({"result":[]})");
    }

    void reply()
    {
        QFETCH(KvReply, reply);
        QFETCH(bool, base64);
        QFETCH(QByteArray, json);
        const QByteArray out = ReplyJson::envelope(reply, base64);
        QCOMPARE(out, json);
        // Whatever we write is valid JSON.
        QJsonParseError e;
        QJsonDocument::fromJson(out, &e);
        QCOMPARE(e.error, QJsonParseError::NoError);
    }

    // Any bytes written without base64 come back as the same bytes when a client sends the
    // string it received (the non-UTF-8 rule, docs/proxy.md).
    void nonUtf8RoundTrip_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        QTest::newRow("all bytes") << all;
        QTest::newRow("latin-1") << QByteArray("caf\xe9");
        QTest::newRow("mixed") << QByteArray("\xe2\x82\xac\xff\xf0\x9f\x98\x80\xc3");
        QTest::newRow("cesu surrogates") << QByteArray("\xed\xa0\xbd\xed\xb8\x80");
        QTest::newRow("empty") << QByteArray();
    }

    void nonUtf8RoundTrip()
    {
        QFETCH(QByteArray, bytes);
        QByteArray json("[\"SET\",");
        appendJsonString(json, bytes);
        json.append(']');
        const auto r = CommandJson::parseCommand(json);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r.value().at(1), bytes);
    }

    // appendJsonString copies plain runs 16 bytes at a time into room made for the worst case
    // (or measured first, for a large value), and CommandJson decodes through a pointer: both
    // must give exactly what the byte-by-byte rule gives, for every length around those
    // 16-byte steps, after text already in the buffer, and for a value over the measuring size.
    void encodingMatchesTheByteByByteRule()
    {
        QRandomGenerator random(22);
        // Pieces that end plain runs: quotes, backslashes, controls, UTF-8 of 2-4 bytes, bytes
        // that are not UTF-8 (lone continuation, overlong, surrogate, cut-off sequence).
        const QList<QByteArray> pieces = {"\"",
                                          "\\",
                                          "\n",
                                          "\t",
                                          QByteArray("\0", 1),
                                          "\x1f",
                                          "\xc3\xa9",
                                          "\xe2\x82\xac",
                                          "\xf0\x9f\x98\x80",
                                          "\x80",
                                          "\xc0\xaf",
                                          "\xed\xa0\x80",
                                          "\xe2\x82",
                                          "\xff"};
        auto randomText = [&](int length) {
            QByteArray text;
            while (text.size() < length) {
                if (random.bounded(4) == 0)
                    text += pieces.at(random.bounded(int(pieces.size())));
                else
                    text += char('a' + random.bounded(26));
            }
            return text;
        };
        QList<QByteArray> texts;
        for (int length = 0; length <= 80; ++length) {
            for (int round = 0; round < 20; ++round)
                texts.append(randomText(length));
        }
        texts.append(QByteArray(100, 'x') + '"'); // the special byte after whole 16-byte runs
        texts.append(randomText(70 * 1024));      // measured before it is written
        for (const QByteArray& text : texts) {
            QByteArray out("[\"SET\",");
            appendJsonString(out, text);
            QCOMPARE(out, "[\"SET\"," + byteByByte(text));
            out.append(']');
            const auto back = CommandJson::parseCommand(out);
            QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
            QCOMPARE(back.value().at(1), text);
        }
    }

private:
    // The rule of docs/proxy.md written out one byte at a time: valid UTF-8 as it is, quote,
    // backslash, \n, \r, \t escaped, other controls \u00XX, other bytes \udcXX.
    static QByteArray byteByByte(const QByteArray& text)
    {
        QByteArray out("\"");
        const auto* p = reinterpret_cast<const unsigned char*>(text.constData());
        const auto* end = p + text.size();
        while (p < end) {
            const unsigned char c = *p;
            const int n = c >= 0x80 ? utf8SequenceLength(p, end) : 0;
            if (n > 0) {
                out.append(reinterpret_cast<const char*>(p), n);
                p += n;
                continue;
            }
            if (c == '"' || c == '\\')
                out += QByteArray("\\") + char(c);
            else if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else if (c == '\t')
                out += "\\t";
            else if (c < 0x20 || c >= 0x80)
                out += QByteArray(c < 0x20 ? "\\u00" : "\\udc") +
                       QByteArray::number(c, 16).rightJustified(2, '0');
            else
                out += char(c);
            ++p;
        }
        return out + '"';
    }
};

QTEST_GUILESS_MAIN(TestProxyJson)
#include "tst_proxyjson.moc"
