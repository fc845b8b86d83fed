#include "diff/jsonparser.h"

#include "core/utf8.h"
#include "files/jsnumber.h"

#include <QByteArray>

#include <cmath>
#include <unordered_map>

namespace pmkv {
namespace {

constexpr int maxDepth = 512;
// Up to this many members, a duplicate name is looked for by a scan (cheaper than a map).
constexpr size_t kScanLimit = 32;

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_p(text.data()), m_end(text.data() + text.size()), m_begin(text.data())
    {
    }

    Result<JsonValue> run()
    {
        JsonValue value;
        skipSpace();
        if (!parseValue(value, 0))
            return failure();
        skipSpace();
        if (m_p != m_end) {
            fail("unexpected text after the value");
            return failure();
        }
        return value;
    }

private:
    Result<JsonValue> failure() const
    {
        return makeError(QStringLiteral("json.parse"),
                         QStringLiteral("not valid JSON at byte %1: %2")
                             .arg(m_errorAt)
                             .arg(QString::fromLatin1(m_error)));
    }

    bool fail(const char* message)
    {
        if (!m_error) {
            m_error = message;
            m_errorAt = qint64(m_p - m_begin);
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool literal(const char* word)
    {
        for (const char* w = word; *w; ++w, ++m_p) {
            if (m_p == m_end || *m_p != *w)
                return fail("unknown literal");
        }
        return true;
    }

    bool parseValue(JsonValue& out, int depth)
    {
        if (m_p == m_end)
            return fail("unexpected end of text");
        switch (*m_p) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = JsonValue::string(std::move(s));
            return true;
        }
        case 't':
            out = JsonValue::boolean(true);
            return literal("true");
        case 'f':
            out = JsonValue::boolean(false);
            return literal("false");
        case 'n':
            out = JsonValue();
            return literal("null");
        default:
            return parseNumber(out);
        }
    }

    bool parseObject(JsonValue& out, int depth)
    {
        if (depth > maxDepth)
            return fail("nesting deeper than 512 levels");
        ++m_p;
        out = JsonValue::object();
        skipSpace();
        if (m_p != m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        // Member positions by name once the object is large: a duplicate name keeps the first
        // position and takes the last value (JSON.parse), found without a scan of the members.
        std::unordered_map<std::string, size_t> positions;
        for (;;) {
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return fail("expected a member name");
            std::string key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return fail("expected ':'");
            ++m_p;
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth))
                return false;
            auto& members = out.members();
            if (members.size() < kScanLimit) {
                out.insert(std::move(key), std::move(value));
            } else {
                if (positions.empty()) {
                    for (size_t i = 0; i < members.size(); ++i)
                        positions.emplace(members[i].first, i);
                }
                auto [it, added] = positions.emplace(key, members.size());
                if (added)
                    members.emplace_back(std::move(key), std::move(value));
                else
                    members[it->second].second = std::move(value);
            }
            skipSpace();
            if (m_p == m_end)
                return fail("unterminated object");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool parseArray(JsonValue& out, int depth)
    {
        if (depth > maxDepth)
            return fail("nesting deeper than 512 levels");
        ++m_p;
        out = JsonValue::array();
        skipSpace();
        if (m_p != m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        for (;;) {
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth))
                return false;
            out.append(std::move(value));
            skipSpace();
            if (m_p == m_end)
                return fail("unterminated array");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& s, unsigned cp)
    {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(unsigned& cp)
    {
        if (m_end - m_p < 4)
            return fail("incomplete \\u escape");
        cp = 0;
        for (int i = 0; i < 4; ++i, ++m_p) {
            const char c = *m_p;
            cp <<= 4;
            if (c >= '0' && c <= '9')
                cp |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                cp |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                cp |= unsigned(c - 'A' + 10);
            else
                return fail("invalid \\u escape");
        }
        return true;
    }

    bool parseString(std::string& s)
    {
        ++m_p; // opening quote
        const char* runStart = m_p;
        for (;;) {
            if (m_p == m_end)
                return fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(*m_p);
            if (c == '"' || c == '\\') {
                const QByteArrayView run(runStart, m_p - runStart);
                const qsizetype bad = firstInvalidUtf8(run);
                if (bad >= 0) {
                    m_p = runStart + bad;
                    return fail("text is not UTF-8");
                }
                s.append(runStart, size_t(m_p - runStart));
                if (c == '"') {
                    ++m_p;
                    return true;
                }
                if (!escape(s))
                    return false;
                runStart = m_p;
                continue;
            }
            if (c < 0x20)
                return fail("control character inside a string");
            ++m_p;
        }
    }

    bool escape(std::string& s)
    {
        ++m_p; // backslash
        if (m_p == m_end)
            return fail("unterminated escape");
        const char c = *m_p++;
        switch (c) {
        case '"':
            s += '"';
            return true;
        case '\\':
            s += '\\';
            return true;
        case '/':
            s += '/';
            return true;
        case 'b':
            s += '\b';
            return true;
        case 'f':
            s += '\f';
            return true;
        case 'n':
            s += '\n';
            return true;
        case 'r':
            s += '\r';
            return true;
        case 't':
            s += '\t';
            return true;
        case 'u':
            break;
        default:
            return fail("invalid escape sequence");
        }
        unsigned cp = 0;
        if (!hex4(cp))
            return false;
        if (cp >= 0xD800 && cp <= 0xDBFF && m_end - m_p >= 6 && m_p[0] == '\\' && m_p[1] == 'u') {
            const char* save = m_p;
            m_p += 2;
            unsigned low = 0;
            if (!hex4(low))
                return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                appendUtf8(s, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00));
                return true;
            }
            m_p = save; // not a pair: the high surrogate stands alone
        }
        appendUtf8(s, cp); // a lone surrogate becomes WTF-8, written back as its escape
        return true;
    }

    bool parseNumber(JsonValue& out)
    {
        const char* start = m_p;
        bool integer = true;
        if (m_p != m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
            return fail("unexpected character");
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p != m_end && *m_p == '.') {
            integer = false;
            ++m_p;
            if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
                return fail("expected a digit after '.'");
            while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !(*m_p >= '0' && *m_p <= '9'))
                return fail("expected a digit in the exponent");
            while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
        }
        std::string token(start, size_t(m_p - start));
        if (integer) {
            out = JsonValue::number(token == "-0" ? std::string("0") : std::move(token));
            return true;
        }
        bool ok = false;
        const double d = QByteArray::fromStdString(token).toDouble(&ok);
        if (!std::isfinite(d)) {
            out = JsonValue(); // Infinity: JSON.stringify writes null
            return true;
        }
        const QByteArray text = JsNumber::toString(d);
        out = JsonValue::number(text.toStdString());
        return true;
    }

    const char* m_p;
    const char* m_end;
    const char* m_begin;
    const char* m_error = nullptr;
    qint64 m_errorAt = 0;
};

} // namespace

Result<JsonValue> JsonParser::parse(QByteArrayView text)
{
    return Parser(text).run();
}

} // namespace pmkv
