#include "core/jsonreader.h"

#include "core/jsonstringrun.h"

#include <cstring>

namespace pmkv {

namespace {

// Inside a string, bytes >= 0x80 are taken as they are (UTF-8 is checked where it matters).
const char* plainRunEnd(const char* p, const char* end)
{
    return jsonStringRunEnd<JsonStringStop::QuoteBackslashOrControl>(p, end);
}

char* putUtf8(char* to, uint cp)
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

} // namespace

bool JsonReader::fail(const char* what)
{
    if (m_error.isEmpty())
        m_error = what;
    return false;
}

bool JsonReader::expect(char c)
{
    if (take(c))
        return true;
    if (m_error.isEmpty())
        m_error = QByteArray("expected '").append(c).append('\'');
    return false;
}

bool JsonReader::literal(QByteArrayView word)
{
    skipSpace();
    if (m_end - m_p >= word.size() && std::memcmp(m_p, word.data(), size_t(word.size())) == 0) {
        m_p += word.size();
        return true;
    }
    return false;
}

bool JsonReader::skipDigits()
{
    if (m_p == m_end || *m_p < '0' || *m_p > '9')
        return false;
    while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
        ++m_p;
    return true;
}

bool JsonReader::number(QByteArrayView& text)
{
    skipSpace();
    const char* start = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p < m_end && *m_p == '0')
        ++m_p;
    else if (m_p == m_end || *m_p < '1' || *m_p > '9' || !skipDigits())
        return fail("invalid number");
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!skipDigits())
            return fail("invalid number");
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (!skipDigits())
            return fail("invalid number");
    }
    text = QByteArrayView(start, m_p - start);
    return true;
}

int JsonReader::hex4()
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

// Where the string whose content starts at p ends (its closing quote), or the first control
// character or m_end when it does not end well (decodeEscapes then says what is wrong).
const char* JsonReader::stringEnd(const char* p, bool& escaped) const
{
    escaped = false;
    for (;;) {
        p = plainRunEnd(p, m_end);
        if (p == m_end || *p != '\\')
            return p;
        escaped = true;
        p = m_end - p > 2 ? p + 2 : m_end;
    }
}

bool JsonReader::string(QByteArrayView& view, QByteArray& storage)
{
    if (next() != '"')
        return fail("expected a string");
    ++m_p; // the opening quote
    bool escaped = false;
    const char* end = stringEnd(m_p, escaped);
    if (!escaped && end != m_end && *end == '"') {
        view = QByteArrayView(m_p, end - m_p);
        m_p = end + 1;
        return true;
    }
    if (!decodeEscapes(end, storage))
        return false;
    view = storage;
    return true;
}

bool JsonReader::string(QByteArray& out)
{
    QByteArrayView view;
    QByteArray storage;
    if (!string(view, storage))
        return false;
    out = storage.isNull() ? view.toByteArray() : std::move(storage);
    return true;
}

// Decoded text is never longer than its JSON form: one allocation for the whole value,
// written through a pointer (JSON documents sent as values are full of \" escapes: no append
// call per piece), cut to its length at the end.
bool JsonReader::decodeEscapes(const char* end, QByteArray& out)
{
    out.resize(end - m_p);
    char* to = out.data();
    for (;;) {
        const char* run = plainRunEnd(m_p, m_end);
        std::memcpy(to, m_p, size_t(run - m_p));
        to += run - m_p;
        m_p = run;
        if (m_p == m_end)
            return fail("unterminated string");
        const auto c = static_cast<unsigned char>(*m_p);
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
            const int cp = hex4();
            if (cp < 0)
                return fail("invalid \\u escape");
            if (cp >= 0xd800 && cp <= 0xdbff && m_end - m_p >= 6 && m_p[0] == '\\' &&
                m_p[1] == 'u') {
                const char* save = m_p;
                m_p += 2;
                const int low = hex4();
                if (low >= 0xdc00 && low <= 0xdfff) {
                    to = putUtf8(to, 0x10000 + ((uint(cp) - 0xd800) << 10) + (uint(low) - 0xdc00));
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

bool JsonReader::skipValue(QByteArrayView& text, int depth)
{
    const char c = next();
    const char* start = m_p;
    bool ok = false;
    if (c == '"') {
        QByteArrayView view;
        QByteArray storage;
        ok = string(view, storage);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        QByteArrayView number;
        ok = this->number(number);
    } else if (c == 't' || c == 'f' || c == 'n') {
        ok = literal("true") || literal("false") || literal("null") || fail("invalid JSON");
    } else if (c == '[' || c == '{') {
        if (depth <= 0)
            return fail("nested too deeply");
        ++m_p;
        const char close = c == '[' ? ']' : '}';
        ok = true;
        if (!take(close)) {
            do {
                QByteArrayView inner;
                if (c == '{') {
                    QByteArrayView key;
                    QByteArray storage;
                    ok = string(key, storage) && expect(':');
                }
                ok = ok && skipValue(inner, depth - 1);
            } while (ok && take(','));
            ok = ok && expect(close);
        }
    } else {
        return fail(m_p == m_end ? "unexpected end of the text" : "invalid JSON");
    }
    if (ok)
        text = QByteArrayView(start, m_p - start);
    return ok;
}

} // namespace pmkv
