#include "rest/restreplyjson.h"

#include "core/base64decode.h"
#include "core/jsonreader.h"
#include "rest/restcodec.h"

#include <charconv>

namespace pmkv {

namespace {

bool repliesWithStatus(const KvCommand& command)
{
    const QByteArray name = RestCodec::commandName(command);
    if (name == "PING")
        return command.size() == 1;
    if (name == "SET") {
        for (int i = 3; i < command.size(); ++i) {
            if (command.at(i).toUpper() == "GET")
                return false;
        }
        return true;
    }
    static const QByteArrayList names{"TYPE",   "MSET",   "FLUSHDB", "FLUSHALL", "SELECT",
                                      "RENAME", "LSET",   "LTRIM",   "SWAPDB",   "RESTORE",
                                      "SETEX",  "PSETEX", "HMSET",   "QUIT",     "AUTH"};
    return names.contains(name);
}

bool isPlainStatusWord(QByteArrayView text)
{
    static const char* const words[] = {"PONG", "QUEUED", "string", "list", "set",
                                        "zset", "hash",   "stream", "none"};
    for (const char* word : words) {
        if (text == QByteArrayView(word))
            return true;
    }
    return false;
}

// Valid base64 (Upstash pads, so its length is a multiple of 4), decoded; otherwise the text
// as it is.
QByteArray base64OrText(QByteArrayView text)
{
    QByteArray bytes;
    return decodeBase64(text, bytes) ? bytes : text.toByteArray();
}

KvReply stringReply(QByteArrayView text, const KvCommand* command)
{
    if (text == QByteArrayView("OK"))
        return KvReply::status(QByteArrayLiteral("OK"));
    const bool status = command && repliesWithStatus(*command);
    if (status && isPlainStatusWord(text))
        return KvReply::status(text.toByteArray());
    QByteArray bytes = base64OrText(text);
    return status ? KvReply::status(std::move(bytes)) : KvReply::string(std::move(bytes));
}

KvReply numberReply(QByteArrayView text)
{
    const char* end = text.data() + text.size();
    qint64 value = 0;
    auto [p, ec] = std::from_chars(text.data(), end, value);
    if (ec == std::errc() && p == end)
        return KvReply::fromInteger(value);
    quint64 big = 0; // above qint64: kept as its bits, as a 64-bit reply would be
    auto [q, ec2] = std::from_chars(text.data(), end, big);
    if (ec2 == std::errc() && q == end)
        return KvReply::fromInteger(static_cast<qint64>(big));
    return KvReply::string(text.toByteArray()); // a fraction or an exponent
}

KvReply notAnObject()
{
    return KvReply::error("ERR the REST server sent a reply that is not an object");
}

class Reader
{
public:
    explicit Reader(QByteArrayView body) : json(body) {}

    JsonReader json;

    bool value(KvReply& out, const KvCommand* command, int depth)
    {
        const char c = json.next();
        if (c == '"') {
            QByteArrayView text;
            QByteArray storage;
            if (!json.string(text, storage))
                return false;
            out = stringReply(text, command);
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            QByteArrayView text;
            if (!json.number(text))
                return false;
            out = numberReply(text);
            return true;
        }
        if (json.literal("null"))
            return out = KvReply::nil(), true;
        if (json.literal("true"))
            return out = KvReply::fromInteger(1), true;
        if (json.literal("false"))
            return out = KvReply::fromInteger(0), true;
        if (c == '[') {
            if (depth <= 0)
                return json.fail("nested too deeply");
            json.take('[');
            QVector<KvReply> items;
            if (!json.take(']')) {
                do {
                    KvReply item;
                    if (!value(item, nullptr, depth - 1))
                        return false;
                    items.append(std::move(item));
                } while (json.take(','));
                if (!json.expect(']'))
                    return false;
            }
            out = KvReply::array(std::move(items));
            return true;
        }
        QByteArrayView text; // an object: not a Redis reply, kept as its text
        if (!json.skipValue(text, depth))
            return false;
        out = KvReply::string(text.toByteArray());
        return true;
    }

    // {"result": value} or {"error": "text"}, other members ignored; not an object: an error
    // reply saying so. `errorText` is the "error" string, for a top-level object.
    bool entry(KvReply& out, const KvCommand* command, QByteArray* errorText)
    {
        if (json.next() != '{') {
            QByteArrayView skipped;
            if (!json.skipValue(skipped))
                return false;
            out = notAnObject();
            return true;
        }
        json.take('{');
        KvReply result; // nil when there is no "result"
        bool failed = false;
        bool errorIsString = false;
        QByteArray error;
        if (!json.take('}')) {
            do {
                QByteArray key;
                if (!json.string(key) || !json.expect(':'))
                    return false;
                if (key == "result") {
                    if (!value(result, command, kMaxDepth))
                        return false;
                } else if (key == "error" && json.next() == '"') {
                    if (!json.string(error))
                        return false;
                    failed = errorIsString = true;
                } else {
                    QByteArrayView text;
                    if (!json.skipValue(text))
                        return false;
                    if (key == "error" && text != QByteArrayView("null")) {
                        error = text.toByteArray();
                        failed = true;
                    }
                }
            } while (json.take(','));
            if (!json.expect('}'))
                return false;
        }
        if (errorText && errorIsString)
            *errorText = error;
        out = failed ? KvReply::error(std::move(error)) : std::move(result);
        return true;
    }

    static constexpr int kMaxDepth = 256;
};

} // namespace

KvReply RestReplyBody::takeSingle()
{
    if (shape == Shape::Array || entries.isEmpty())
        return notAnObject();
    return std::move(entries.first());
}

Result<RestReplyBody> RestReplyJson::parse(QByteArrayView body, const KvCommand* commands,
                                           qsizetype count)
{
    Reader r(body);
    RestReplyBody out;
    bool ok = true;
    const char first = r.json.next();
    if (first == '[') {
        out.shape = RestReplyBody::Shape::Array;
        r.json.take('[');
        out.entries.reserve(count);
        if (!r.json.take(']')) {
            do {
                const qsizetype i = out.entries.size();
                KvReply reply;
                ok = r.entry(reply, i < count ? &commands[i] : nullptr, nullptr);
                out.entries.append(std::move(reply));
            } while (ok && r.json.take(','));
            ok = ok && r.json.expect(']');
        }
    } else {
        out.shape = first == '{' ? RestReplyBody::Shape::Object : RestReplyBody::Shape::Other;
        KvReply reply;
        ok = r.entry(reply, count > 0 ? commands : nullptr, &out.error);
        out.entries.append(std::move(reply));
    }
    if (ok && !r.json.atEnd())
        ok = r.json.fail("text after the JSON value");
    if (!ok)
        return makeError(QStringLiteral("not-json"), QString::fromUtf8(r.json.error()));
    return out;
}

} // namespace pmkv
