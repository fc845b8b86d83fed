#include "proxy/commandjson.h"

#include "core/jsonstring.h"

#include <cstring>

namespace pmkv {

namespace {

// Inside a string, bytes >= 0x80 are read as they are (UTF-8 is checked elsewhere).
const char* skipPlain(const char* p, const char* end)
{
    return jsonPlainRunEnd(p, end, false);
}

class Reader
{
public:
    explicit Reader(const QByteArray& text) : m_p(text.constData()), m_end(m_p + text.size()) {}

    QByteArray error;

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool atEnd()
    {
        skipSpace();
        return m_p == m_end;
    }
    bool peek(char c)
    {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }
    bool expect(char c)
    {
        if (!peek(c)) {
            fail(QByteArray("expected '") + c + "'");
            return false;
        }
        ++m_p;
        return true;
    }
    bool fail(const QByteArray& what)
    {
        if (error.isEmpty())
            error = what;
        return false;
    }

    // A scalar: string, number, true or false.
    bool scalar(QByteArray& out)
    {
        skipSpace();
        if (m_p == m_end)
            return fail("unexpected end of the body");
        const char c = *m_p;
        if (c == '"')
            return string(out);
        if (c == '-' || (c >= '0' && c <= '9'))
            return number(out);
        if (literal("true"))
            return out = QByteArrayLiteral("true"), true;
        if (literal("false"))
            return out = QByteArrayLiteral("false"), true;
        if (literal("null"))
            return fail("null is not a valid argument");
        if (c == '{')
            return fail("objects are not valid arguments");
        if (c == '[')
            return fail("nested arrays are not valid arguments");
        return fail("invalid JSON");
    }

    // [scalar, ...] with at least one element.
    bool command(KvCommand& out)
    {
        if (!expect('['))
            return false;
        if (peek(']'))
            return fail("a command must not be empty");
        for (;;) {
            QByteArray arg;
            if (!scalar(arg))
                return false;
            out.append(std::move(arg));
            if (peek(',')) {
                ++m_p;
                continue;
            }
            return expect(']');
        }
    }

    bool commands(QVector<KvCommand>& out)
    {
        if (!expect('['))
            return false;
        if (peek(']')) {
            ++m_p;
            return true;
        }
        for (;;) {
            KvCommand c;
            if (!peek('['))
                return fail("each pipeline entry must be an array");
            if (!command(c))
                return false;
            out.append(std::move(c));
            if (peek(',')) {
                ++m_p;
                continue;
            }
            return expect(']');
        }
    }

private:
    bool literal(const char* word)
    {
        const qsizetype n = qstrlen(word);
        if (m_end - m_p >= n && qstrncmp(m_p, word, n) == 0) {
            m_p += n;
            return true;
        }
        return false;
    }

    bool number(QByteArray& out)
    {
        const char* start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end)
            return fail("invalid number");
        if (*m_p == '0') {
            ++m_p;
        } else if (*m_p >= '1' && *m_p <= '9') {
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        } else {
            return fail("invalid number");
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                return fail("invalid number");
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || *m_p < '0' || *m_p > '9')
                return fail("invalid number");
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        out = QByteArray(start, m_p - start);
        return true;
    }

    int hex4()
    {
        if (m_end - m_p < 4)
            return -1;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_p[i];
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return -1;
            v = v * 16 + d;
        }
        m_p += 4;
        return v;
    }

    static char* putUtf8(char* to, uint cp)
    {
        if (cp < 0x80) {
            *to++ = char(cp);
        } else if (cp < 0x800) {
            *to++ = char(0xc0 | (cp >> 6));
            *to++ = char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            *to++ = char(0xe0 | (cp >> 12));
            *to++ = char(0x80 | ((cp >> 6) & 0x3f));
            *to++ = char(0x80 | (cp & 0x3f));
        } else {
            *to++ = char(0xf0 | (cp >> 18));
            *to++ = char(0x80 | ((cp >> 12) & 0x3f));
            *to++ = char(0x80 | ((cp >> 6) & 0x3f));
            *to++ = char(0x80 | (cp & 0x3f));
        }
        return to;
    }

    // Where the string that starts at p ends (its closing quote), or the first control
    // character or m_end when it does not end well (the decoder then reports that).
    const char* stringEnd(const char* p, bool& escaped) const
    {
        escaped = false;
        for (;;) {
            p = skipPlain(p, m_end);
            if (p == m_end || *p != '\\')
                return p;
            escaped = true;
            p = m_end - p > 2 ? p + 2 : m_end;
        }
    }

    bool string(QByteArray& out)
    {
        ++m_p; // opening quote
        bool escaped = false;
        const char* end = stringEnd(m_p, escaped);
        if (!escaped && end != m_end && *end == '"') {
            out = QByteArray(m_p, end - m_p);
            m_p = end + 1;
            return true;
        }
        // Decoded text is never longer than its JSON form: one allocation for the whole
        // value, written through a pointer (JSON documents sent as values are full of \"
        // escapes: no append call per piece), cut to its length at the end.
        out.resize(end - m_p);
        char* to = out.data();
        for (;;) {
            const char* run = skipPlain(m_p, m_end);
            std::memcpy(to, m_p, size_t(run - m_p));
            to += run - m_p;
            m_p = run;
            if (m_p == m_end)
                return fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                out.truncate(to - out.constData());
                return true;
            }
            if (c < 0x20)
                return fail("control character in a string");
            ++m_p; // the backslash
            if (m_p == m_end)
                return fail("unterminated string");
            const char e = *m_p++;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                *to++ = e;
                break;
            case 'b':
                *to++ = '\b';
                break;
            case 'f':
                *to++ = '\f';
                break;
            case 'n':
                *to++ = '\n';
                break;
            case 'r':
                *to++ = '\r';
                break;
            case 't':
                *to++ = '\t';
                break;
            case 'u': {
                int cp = hex4();
                if (cp < 0)
                    return fail("invalid \\u escape");
                if (cp >= 0xd800 && cp <= 0xdbff && m_end - m_p >= 6 && m_p[0] == '\\' &&
                    m_p[1] == 'u') {
                    const char* save = m_p;
                    m_p += 2;
                    const int low = hex4();
                    if (low >= 0xdc00 && low <= 0xdfff) {
                        to = putUtf8(to,
                                     0x10000 + ((uint(cp) - 0xd800) << 10) + (uint(low) - 0xdc00));
                        break;
                    }
                    m_p = save;
                }
                if (cp >= 0xdc80 && cp <= 0xdcff)
                    *to++ = char(cp - 0xdc00); // an escaped raw byte
                else
                    to = putUtf8(to, uint(cp));
                break;
            }
            default:
                return fail("invalid escape in a string");
            }
        }
    }

    const char* m_p;
    const char* m_end;
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
        return badRequest(r.error);
    if (!r.atEnd())
        return badRequest("unexpected text after the command");
    return c;
}

Result<QVector<KvCommand>> CommandJson::parseCommands(const QByteArray& json)
{
    Reader r(json);
    QVector<KvCommand> c;
    if (!r.commands(c))
        return badRequest(r.error);
    if (!r.atEnd())
        return badRequest("unexpected text after the commands");
    return c;
}

} // namespace pmkv
