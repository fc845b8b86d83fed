#include "proxy/commandjson.h"

#include "core/jsonreader.h"

namespace pmkv {

namespace {

// The command grammar over JsonReader's tokens.
class Reader
{
public:
    explicit Reader(const QByteArray& text) : m_json(text) {}

    const QByteArray& error() const { return m_json.error(); }
    bool atEnd() { return m_json.atEnd(); }

    // [scalar, ...] with at least one element.
    bool command(KvCommand& out)
    {
        if (!m_json.expect('['))
            return false;
        if (m_json.next() == ']')
            return m_json.fail("a command must not be empty");
        do {
            QByteArray arg;
            if (!scalar(arg))
                return false;
            out.append(std::move(arg));
        } while (m_json.take(','));
        return m_json.expect(']');
    }

    bool commands(QVector<KvCommand>& out)
    {
        if (!m_json.expect('['))
            return false;
        if (m_json.take(']'))
            return true;
        do {
            KvCommand c;
            if (m_json.next() != '[')
                return m_json.fail("each pipeline entry must be an array");
            if (!command(c))
                return false;
            out.append(std::move(c));
        } while (m_json.take(','));
        return m_json.expect(']');
    }

private:
    // A scalar: string, number, true or false.
    bool scalar(QByteArray& out)
    {
        const char c = m_json.next();
        if (c == '"')
            return m_json.string(out);
        if (c == '-' || (c >= '0' && c <= '9')) {
            QByteArrayView text;
            if (!m_json.number(text))
                return false;
            out = text.toByteArray();
            return true;
        }
        if (m_json.literal("true"))
            return out = QByteArrayLiteral("true"), true;
        if (m_json.literal("false"))
            return out = QByteArrayLiteral("false"), true;
        if (m_json.literal("null"))
            return m_json.fail("null is not a valid argument");
        if (c == '{')
            return m_json.fail("objects are not valid arguments");
        if (c == '[')
            return m_json.fail("nested arrays are not valid arguments");
        return m_json.fail(m_json.atEnd() ? "unexpected end of the body" : "invalid JSON");
    }

    JsonReader m_json;
};

Error badRequest(const QByteArray& why)
{
    return makeError(QStringLiteral("bad-request"),
                     QStringLiteral("ERR failed to parse the command body: ") +
                         QString::fromUtf8(why));
}

} // namespace

Result<KvCommand> CommandJson::parseCommand(const QByteArray& json)
{
    Reader r(json);
    KvCommand c;
    if (!r.command(c))
        return badRequest(r.error());
    if (!r.atEnd())
        return badRequest("unexpected text after the command");
    return c;
}

Result<QVector<KvCommand>> CommandJson::parseCommands(const QByteArray& json)
{
    Reader r(json);
    QVector<KvCommand> c;
    if (!r.commands(c))
        return badRequest(r.error());
    if (!r.atEnd())
        return badRequest("unexpected text after the commands");
    return c;
}

} // namespace pmkv
