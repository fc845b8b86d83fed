#include "rest/restcodec.h"

#include <QTest>

#include <nlohmann/json.hpp>

using namespace pmkv;

Q_DECLARE_METATYPE(pmkv::KvCommand)
Q_DECLARE_METATYPE(pmkv::KvReply)

class tst_RestCodec final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode_data();
    void encode();
    void encodeRefusesBinary();
    void encodedJsonParsesBack();
    void decode_data();
    void decode();
    void decodeEntryError();
};

void tst_RestCodec::encode_data()
{
    QTest::addColumn<KvCommand>("command");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("plain") << KvCommand{"SET", "k", "v"} << QByteArray(R"(["SET","k","v"])");
    QTest::newRow("quotes and backslash")
        << KvCommand{"SET", "k", R"(a"b\c)"} << QByteArray(R"(["SET","k","a\"b\\c"])");
    QTest::newRow("controls") << KvCommand{"SET", "k", QByteArray("\n\t\r\x01\x1f", 5)}
                              << QByteArray(R"(["SET","k","\n\t\r\u0001\u001f"])");
    QTest::newRow("nul") << KvCommand{"SET", "k", QByteArray("a\0b", 3)}
                         << QByteArray(R"(["SET","k","a\u0000b"])");
    QTest::newRow("utf8 passes through")
        << KvCommand{"SET", "k", "\xc3\xa9\xf0\x9f\x98\x80"}
        << QByteArray("[\"SET\",\"k\",\"\xc3\xa9\xf0\x9f\x98\x80\"]");
    QTest::newRow("empty argument") << KvCommand{"GET", ""} << QByteArray(R"(["GET",""])");
}

void tst_RestCodec::encode()
{
    QFETCH(KvCommand, command);
    QFETCH(QByteArray, json);
    auto encoded = RestCodec::encodeCommand(command, 0);
    QVERIFY2(encoded.ok(), qPrintable(encoded.ok() ? QString() : encoded.error().message));
    QCOMPARE(encoded.value(), json);
}

void tst_RestCodec::encodeRefusesBinary()
{
    auto encoded = RestCodec::encodeCommand({"SET", "pm:k", QByteArray("ok\xff\xfe", 4)}, 6);
    QVERIFY(!encoded.ok());
    QCOMPARE(encoded.error().code, QStringLiteral("binary-argument"));
    QVERIFY(encoded.error().message.contains(QStringLiteral("SET pm:k")));
    QVERIFY(encoded.error().message.contains(QStringLiteral("command 7")));
    QVERIFY(encoded.error().message.contains(QStringLiteral("argument 3")));
    QVERIFY(!RestCodec::encodeCommand({}, 0).ok());
}

void tst_RestCodec::encodedJsonParsesBack()
{
    // Every valid UTF-8 byte string (here: all code points below U+0800 plus some above)
    // survives encode -> a standard JSON parser.
    QByteArray value;
    for (char32_t cp = 0; cp < 0x800; ++cp)
        value += QString::fromUcs4(&cp, 1).toUtf8();
    value += "\xe2\x80\xa8\xf0\x9f\x92\xa9";
    auto encoded = RestCodec::encodeCommand({"SET", "k", value}, 0);
    QVERIFY(encoded.ok());
    const auto doc = nlohmann::json::parse(encoded.value().toStdString());
    QCOMPARE(QByteArray::fromStdString(doc.at(2).get<std::string>()), value);
}

void tst_RestCodec::decode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<KvCommand>("command");
    QTest::addColumn<KvReply>("expected");
    const QByteArray binary("\x00\xff\xfe{\x80", 5);
    QTest::newRow("base64 string") << QByteArray("\"" + QByteArray("hello").toBase64() + "\"")
                                   << KvCommand{"GET", "k"} << KvReply::string("hello");
    QTest::newRow("binary string") << QByteArray("\"" + binary.toBase64() + "\"")
                                   << KvCommand{"GET", "k"} << KvReply::string(binary);
    QTest::newRow("empty string") << QByteArray("\"\"") << KvCommand{"GET", "k"}
                                  << KvReply::string("");
    QTest::newRow("OK is literal")
        << QByteArray("\"OK\"") << KvCommand{"SET", "k", "v"} << KvReply::status("OK");
    QTest::newRow("PONG plain") << QByteArray("\"PONG\"") << KvCommand{"PING"}
                                << KvReply::status("PONG");
    QTest::newRow("PONG base64") << QByteArray("\"UE9ORw==\"") << KvCommand{"PING"}
                                 << KvReply::status("PONG");
    QTest::newRow("TYPE plain") << QByteArray("\"none\"") << KvCommand{"TYPE", "k"}
                                << KvReply::status("none");
    QTest::newRow("TYPE base64") << QByteArray("\"c3RyaW5n\"") << KvCommand{"TYPE", "k"}
                                 << KvReply::status("string");
    QTest::newRow("SET GET returns old value")
        << QByteArray("\"" + QByteArray("old").toBase64() + "\"")
        << KvCommand{"SET", "k", "v", "GET"} << KvReply::string("old");
    QTest::newRow("null") << QByteArray("null") << KvCommand{"GET", "k"} << KvReply::nil();
    QTest::newRow("integer") << QByteArray("42") << KvCommand{"EXISTS", "k"}
                             << KvReply::fromInteger(42);
    QTest::newRow("big integer") << QByteArray("9007199254740993") << KvCommand{"PTTL", "k"}
                                 << KvReply::fromInteger(9007199254740993LL);
    QTest::newRow("negative") << QByteArray("-2") << KvCommand{"PTTL", "k"}
                              << KvReply::fromInteger(-2);
    QTest::newRow("scan reply") << QByteArray("[\"MTc=\",[\"YQ==\",\"Yg==\"]]")
                                << KvCommand{"SCAN", "0"}
                                << KvReply::array({KvReply::string("17"),
                                                   KvReply::array({KvReply::string("a"),
                                                                   KvReply::string("b")})});
    QTest::newRow("mget with nil") << QByteArray("[\"YQ==\",null]") << KvCommand{"MGET", "a", "b"}
                                   << KvReply::array({KvReply::string("a"), KvReply::nil()});
}

void tst_RestCodec::decode()
{
    QFETCH(QByteArray, json);
    QFETCH(KvCommand, command);
    QFETCH(KvReply, expected);
    const auto value = nlohmann::json::parse(json.toStdString());
    const KvReply reply = RestCodec::decodeEntry(nlohmann::json{{"result", value}}, command);
    QCOMPARE(int(reply.type), int(expected.type));
    QCOMPARE(reply.bytes, expected.bytes);
    QCOMPARE(reply, expected);
}

void tst_RestCodec::decodeEntryError()
{
    const KvReply reply = RestCodec::decodeEntry(
        nlohmann::json{{"error", "WRONGTYPE Operation against a key"}}, {"GET", "k"});
    QVERIFY(reply.isError());
    QCOMPARE(reply.bytes, QByteArray("WRONGTYPE Operation against a key"));
}

QTEST_GUILESS_MAIN(tst_RestCodec)
#include "tst_restcodec.moc"
