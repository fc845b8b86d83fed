#include "proxy/replyjson.h"
#include "rest/restcodec.h"
#include "rest/restreplyjson.h"

#include <QRandomGenerator>
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
    void pipelineBody();
    void topLevelRefusal();
    void stringsWithEscapes();
    void readsWhatPmkvProxyWrites();
    void notJson_data();
    void notJson();
};

namespace {

// The reply to `command` in `{"result": json}`, read as the store reads an answer.
KvReply decodeResult(const QByteArray& json, const KvCommand& command)
{
    const QByteArray text = "{\"result\":" + json + "}";
    const auto body = RestReplyJson::parse(text, &command, 1);
    if (!body)
        return KvReply::error("not JSON: " + body.error().message.toUtf8());
    return body.value().entries.value(0, KvReply::error("no entry"));
}

// What a GET reads back of `reply` as pmkv-proxy writes it with base64: strings and statuses
// are bytes (a top-level "OK" stays a status), errors inside arrays are their text.
KvReply readBack(const KvReply& reply, bool topLevel)
{
    switch (reply.type) {
    case KvReply::Type::Status:
        return topLevel && reply.bytes == "OK" ? reply : KvReply::string(reply.bytes);
    case KvReply::Type::Error:
        return topLevel ? reply : KvReply::string(reply.bytes);
    case KvReply::Type::Array: {
        QVector<KvReply> items;
        for (const KvReply& item : reply.elements)
            items.append(readBack(item, false));
        return KvReply::array(items);
    }
    default:
        return reply;
    }
}

KvReply randomReply(QRandomGenerator& random, int depth)
{
    switch (random.bounded(depth > 0 ? 6 : 5)) {
    case 0: {
        QByteArray bytes(random.bounded(depth > 0 ? 40 : 3000), Qt::Uninitialized);
        for (char& c : bytes)
            c = char(random.bounded(256));
        return KvReply::string(bytes);
    }
    case 1:
        return KvReply::status(random.bounded(2) ? QByteArray("OK") : QByteArray("QUEUED"));
    case 2:
        return KvReply::fromInteger(qint64(random.generate64()));
    case 3:
        return KvReply::nil();
    case 4:
        return KvReply::error("ERR \"odd\" \\ text\n\x01\xff");
    default: {
        QVector<KvReply> items;
        for (int i = random.bounded(5); i > 0; --i)
            items.append(randomReply(random, depth - 1));
        return KvReply::array(items);
    }
    }
}

} // namespace

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
    QTest::newRow("float as its text")
        << QByteArray("1.50") << KvCommand{"GET", "k"} << KvReply::string("1.50");
    QTest::newRow("above qint64 keeps its bits")
        << QByteArray("18446744073709551615") << KvCommand{"PTTL", "k"} << KvReply::fromInteger(-1);
    QTest::newRow("true") << QByteArray("true") << KvCommand{"EXISTS", "k"}
                          << KvReply::fromInteger(1);
    QTest::newRow("object as its text") << QByteArray("{\"a\": [1, {}]}") << KvCommand{"GET", "k"}
                                        << KvReply::string("{\"a\": [1, {}]}");
    QTest::newRow("not base64: taken as it is")
        << QByteArray("\"abc\"") << KvCommand{"GET", "k"} << KvReply::string("abc");
    QTest::newRow("empty array") << QByteArray("[ ]") << KvCommand{"KEYS", "*"}
                                 << KvReply::array({});
    QTest::newRow("mget with nil") << QByteArray("[\"YQ==\",null]") << KvCommand{"MGET", "a", "b"}
                                   << KvReply::array({KvReply::string("a"), KvReply::nil()});
}

void tst_RestCodec::decode()
{
    QFETCH(QByteArray, json);
    QFETCH(KvCommand, command);
    QFETCH(KvReply, expected);
    const KvReply reply = decodeResult(json, command);
    QCOMPARE(int(reply.type), int(expected.type));
    QCOMPARE(reply.bytes, expected.bytes);
    QCOMPARE(reply, expected);
}

void tst_RestCodec::decodeEntryError()
{
    const KvCommand get{"GET", "k"};
    const auto body =
        RestReplyJson::parse(R"({"error":"WRONGTYPE Operation against a key"})", &get, 1);
    QVERIFY(body.ok());
    const KvReply& reply = body.value().entries.at(0);
    QVERIFY(reply.isError());
    QCOMPARE(reply.bytes, QByteArray("WRONGTYPE Operation against a key"));
    QCOMPARE(body.value().error, QByteArray("WRONGTYPE Operation against a key"));
    QCOMPARE(int(body.value().shape), int(RestReplyBody::Shape::Object));
}

void tst_RestCodec::pipelineBody()
{
    // Each entry read against its own command: "PONG" is a status for PING only, and base64
    // everywhere else; an error entry, a null result, members Upstash may add, spaces.
    const QVector<KvCommand> commands{
        {"PING"}, {"GET", "a"}, {"GET", "b"}, {"INCR", "c"}, {"GET", "d"}};
    const QByteArray json = R"( [ {"result":"PONG"} , {"result":"UE9ORw=="},
        {"error":"ERR wrong kind", "result": null}, {"result": 7, "extra": [1, {"x": "y"}]},
        {} ] )";
    const auto body = RestReplyJson::parse(json, commands.constData(), commands.size());
    QVERIFY2(body.ok(), qPrintable(body.ok() ? QString() : body.error().message));
    QCOMPARE(int(body.value().shape), int(RestReplyBody::Shape::Array));
    const QVector<KvReply> expected{KvReply::status("PONG"), KvReply::string("PONG"),
                                    KvReply::error("ERR wrong kind"), KvReply::fromInteger(7),
                                    KvReply::nil()};
    QCOMPARE(body.value().entries, expected);
    QVERIFY(body.value().error.isEmpty());

    // More entries than commands (a server that miscounts) are read too, so the store can
    // say how many came.
    const auto extra =
        RestReplyJson::parse(R"([{"result":"OK"},{"result":"OK"}])", commands.constData(), 1);
    QVERIFY(extra.ok());
    QCOMPARE(extra.value().entries.size(), 2);
}

void tst_RestCodec::topLevelRefusal()
{
    const KvCommand set{"SET", "k", "v"};
    const auto refused =
        RestReplyJson::parse(R"({"error":"NOPERM this user has no permissions"})", &set, 1);
    QVERIFY(refused.ok());
    QCOMPARE(refused.value().error, QByteArray("NOPERM this user has no permissions"));
    // An error that is not a string is the entry's error, not a refusal's text.
    const auto odd = RestReplyJson::parse(R"({"error":{"code":7}})", &set, 1);
    QVERIFY(odd.ok());
    QVERIFY(odd.value().error.isEmpty());
    QCOMPARE(odd.value().entries.at(0), KvReply::error(R"({"code":7})"));
    // Not an object at the top: one entry saying so.
    auto other = RestReplyJson::parse("42", &set, 1);
    QVERIFY(other.ok());
    QCOMPARE(int(other.value().shape), int(RestReplyBody::Shape::Other));
    QVERIFY(other.value().takeSingle().isError());
    // An array answering one command, even an empty one, is not its reply.
    for (const char* array : {"[]", R"([{"result":"OK"}])"}) {
        auto pipeline = RestReplyJson::parse(array, &set, 1);
        QVERIFY(pipeline.ok());
        QCOMPARE(pipeline.value().takeSingle(),
                 KvReply::error("ERR the REST server sent a reply that is not an object"));
    }
    auto single = RestReplyJson::parse(R"({"result":"OK"})", &set, 1);
    QVERIFY(single.ok());
    QCOMPARE(single.value().takeSingle(), KvReply::status("OK"));
}

void tst_RestCodec::stringsWithEscapes()
{
    // Error texts are plain JSON strings: escapes, surrogate pairs, and the lone low surrogate
    // that stands for a raw byte.
    const KvCommand get{"GET", "k"};
    const auto body = RestReplyJson::parse(
        R"([{"error":"ERR \"quoted\" \\ tab\t \u00e9 \ud83d\udca9 raw\udcff \/"}])", &get, 1);
    QVERIFY(body.ok());
    QCOMPARE(body.value().entries.at(0).bytes,
             QByteArray("ERR \"quoted\" \\ tab\t \xc3\xa9 \xf0\x9f\x92\xa9 raw\xff /"));
    // A base64 value escaped the long way ("\/" for "/") decodes the same.
    const auto escaped = RestReplyJson::parse(R"([{"result":"Pz8\/"}])", &get, 1);
    QVERIFY(escaped.ok());
    QCOMPARE(escaped.value().entries.at(0), KvReply::string("???"));
}

void tst_RestCodec::readsWhatPmkvProxyWrites()
{
    // The store's reader against the proxy's writer: pipelines of random replies (binary
    // values of every byte, nested arrays, errors, 64-bit integers) read back to the same.
    QRandomGenerator random(22);
    for (int round = 0; round < 200; ++round) {
        QVector<KvReply> replies;
        QVector<KvCommand> commands;
        QByteArray body = "[";
        for (int i = random.bounded(1, 8); i > 0; --i) {
            replies.append(randomReply(random, 3));
            commands.append(KvCommand{"GET", "k"});
            if (body.size() > 1)
                body += ',';
            ReplyJson::appendEnvelope(body, replies.last(), true);
        }
        body += ']';
        const auto read = RestReplyJson::parse(body, commands.constData(), commands.size());
        QVERIFY2(read.ok(), body.left(300).constData());
        QCOMPARE(read.value().entries.size(), replies.size());
        for (int i = 0; i < replies.size(); ++i)
            QCOMPARE(read.value().entries.at(i), readBack(replies.at(i), true));
    }
}

void tst_RestCodec::notJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html") << QByteArray("<html>");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("cut short") << QByteArray(R"([{"result":"OK"},{"result":"O)");
    QTest::newRow("no closing bracket") << QByteArray(R"([{"result":"OK"})");
    QTest::newRow("trailing text") << QByteArray(R"([{"result":"OK"}] x)");
    QTest::newRow("raw control in a string") << QByteArray("[{\"result\":\"a\nb\"}]");
    QTest::newRow("bad escape") << QByteArray(R"([{"error":"\q"}])");
    QTest::newRow("bad number") << QByteArray(R"([{"result":-}])");
    QTest::newRow("missing colon") << QByteArray(R"([{"result" 1}])");
    QTest::newRow("deep nesting") << QByteArray(R"([{"result":)") + QByteArray(100000, '[');
}

void tst_RestCodec::notJson()
{
    QFETCH(QByteArray, body);
    const KvCommand get{"GET", "k"};
    const auto parsed = RestReplyJson::parse(body, &get, 1);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("not-json"));
    QVERIFY(!parsed.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RestCodec)
#include "tst_restcodec.moc"
