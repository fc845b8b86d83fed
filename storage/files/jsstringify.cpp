#include "files/jsstringify.h"

#include "core/bytewriter.h"
#include "core/hexdigit.h"
#include "core/jsonstringrun.h"
#include "core/textposition.h"
#include "files/jscodepoint.h"
#include "files/jsnumber.h"
#include "files/jsobjectmembers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

namespace pmkv {
namespace {

constexpr int kMaxDepth = 512;

struct ParseFailure
{
    qsizetype offset;
    QString what;
};

// One pass over the input, writing the compact form straight into `out`.
class Writer
{
public:
    // The compact text is about the input's size (numbers rewritten may make it longer).
    Writer(QByteArrayView in, QStringList* notes, QStringList* duplicates)
        : m_in(in), m_notes(notes), m_duplicates(duplicates), m_out(in.size())
    {
        m_members.reserve(64);
    }

    QByteArray run()
    {
        if (m_in.size() >= 3 && std::memcmp(m_in.data(), "\xEF\xBB\xBF", 3) == 0)
            throw ParseFailure{
                0, QStringLiteral("starts with a UTF-8 byte-order mark, which the "
                                  "application's JSON.parse rejects; save it without BOM")};
        skipSpace();
        value(0);
        skipSpace();
        if (m_pos != m_in.size())
            throw ParseFailure{m_pos, QStringLiteral("unexpected text after the JSON value")};
        // The input's size was reserved; the compact text is shorter, and 100,000 values kept
        // for a plan would hold the difference (about 16 MB) until the end.
        return m_out.take(64);
    }

private:
    char peek() const { return m_pos < m_in.size() ? m_in[m_pos] : '\0'; }
    bool atEnd() const { return m_pos >= m_in.size(); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_in[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    [[noreturn]] void fail(const QString& what) const { throw ParseFailure{m_pos, what}; }

    void expect(char c)
    {
        if (peek() != c)
            fail(atEnd() ? QStringLiteral("unexpected end of file, expected '%1'")
                               .arg(QChar::fromLatin1(c))
                         : QStringLiteral("expected '%1'").arg(QChar::fromLatin1(c)));
        ++m_pos;
    }

    void value(int depth)
    {
        if (depth > kMaxDepth)
            fail(QStringLiteral("nested deeper than %1 levels").arg(kMaxDepth));
        switch (peek()) {
        case '{':
            object(depth);
            return;
        case '[':
            array(depth);
            return;
        case '"':
            string();
            return;
        case 't':
            literal("true");
            return;
        case 'f':
            literal("false");
            return;
        case 'n':
            literal("null");
            return;
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9')) {
                number();
                return;
            }
            fail(atEnd() ? QStringLiteral("unexpected end of file, expected a value")
                         : QStringLiteral("unexpected character, expected a value"));
        }
    }

    void literal(const char* word)
    {
        const qsizetype n = qsizetype(std::strlen(word));
        if (m_in.size() - m_pos < n || std::memcmp(m_in.data() + m_pos, word, size_t(n)) != 0)
            fail(QStringLiteral("invalid literal, expected '%1'").arg(QLatin1String(word)));
        m_out.append(word, n);
        m_pos += n;
    }

    JsObjectMembers::Range membersFrom(size_t base) const
    {
        return {m_members.data() + base, m_members.data() + m_members.size()};
    }

    void object(int depth)
    {
        expect('{');
        m_out.append('{');
        const qsizetype objectStart = m_out.size();
        // This object's members are m_members[base, ...): nested objects stack theirs above
        // and take them off before this one adds the member they are the value of.
        const size_t base = m_members.size();
        bool needsReorder = false;
        JsObjectMembers::KeysSeen seenKeys;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            m_out.append('}');
            return;
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                fail(QStringLiteral("expected a quoted member name"));
            if (m_members.size() > base)
                m_out.append(',');
            JsMember member{};
            member.start = m_out.size();
            const qsizetype keyOffset = m_pos;
            string();
            member.keyEnd = m_out.size();
            const QByteArrayView key(m_out.constData() + member.start,
                                     member.keyEnd - member.start);
            member.arrayIndex = JsObjectMembers::isArrayIndex(key, &member.index);
            const bool again =
                (!member.arrayIndex || m_duplicates) &&
                JsObjectMembers::wasSeen(seenKeys, m_out.constData(), membersFrom(base), member);
            if (member.arrayIndex || again)
                needsReorder = true;
            if (again && m_duplicates) {
                const TextPosition at = TextPosition::fromOffset(m_in, keyOffset);
                m_duplicates->append(QStringLiteral("line %1, column %2: member %3 appears again "
                                                    "in the same object; its last value is kept "
                                                    "(as JSON.parse keeps it), the others are lost")
                                         .arg(at.line)
                                         .arg(at.column)
                                         .arg(QString::fromUtf8(key)));
            }
            skipSpace();
            expect(':');
            m_out.append(':');
            skipSpace();
            value(depth + 1);
            member.end = m_out.size();
            m_members.push_back(member);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}');
            break;
        }
        if (needsReorder) {
            const QByteArray ordered =
                JsObjectMembers::inPropertyOrder(m_out.constData(), membersFrom(base));
            m_out.truncate(objectStart);
            m_out.append(ordered);
        }
        m_members.resize(base);
        m_out.append('}');
    }

    void array(int depth)
    {
        expect('[');
        m_out.append('[');
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            m_out.append(']');
            return;
        }
        for (bool first = true;; first = false) {
            skipSpace();
            if (!first)
                m_out.append(',');
            value(depth + 1);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect(']');
            break;
        }
        m_out.append(']');
    }

    char32_t hex4()
    {
        if (m_in.size() - m_pos < 4)
            fail(QStringLiteral("incomplete \\u escape"));
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexDigitValue(m_in[m_pos + i]);
            if (h < 0)
                fail(QStringLiteral("invalid \\u escape, expected four hex digits"));
            v = (v << 4) | char32_t(h);
        }
        m_pos += 4;
        return v;
    }

    void writeCodePoint(char32_t cp) { appendJsCodePoint(m_out, cp); }

    // Length of the valid UTF-8 sequence at m_pos (first byte >= 0x80), or 0.
    qsizetype utf8SequenceLength() const
    {
        const auto b = [&](qsizetype i) { return quint8(m_in[m_pos + i]); };
        const quint8 lead = b(0);
        const qsizetype left = m_in.size() - m_pos;
        const auto cont = [&](qsizetype i) { return i < left && (b(i) & 0xC0) == 0x80; };
        if (lead >= 0xC2 && lead <= 0xDF)
            return cont(1) ? 2 : 0;
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (!cont(1) || !cont(2))
                return 0;
            if (lead == 0xE0 && b(1) < 0xA0)
                return 0; // overlong
            if (lead == 0xED && b(1) >= 0xA0)
                return 0; // encoded surrogate
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3))
                return 0;
            if (lead == 0xF0 && b(1) < 0x90)
                return 0;
            if (lead == 0xF4 && b(1) >= 0x90)
                return 0;
            return 4;
        }
        return 0;
    }

    void string()
    {
        expect('"');
        m_out.append('"');
        for (;;) {
            // Copy the plain run in one go: the common case.
            const qsizetype runStart = m_pos;
            m_pos = jsonStringRunEnd<JsonStringStop::QuoteBackslashControlOrUtf8>(
                        m_in.data() + m_pos, m_in.data() + m_in.size()) -
                    m_in.data();
            m_out.append(m_in.data() + runStart, m_pos - runStart);
            if (atEnd())
                fail(QStringLiteral("unterminated string"));
            const quint8 c = quint8(m_in[m_pos]);
            if (c == '"') {
                ++m_pos;
                m_out.append('"');
                return;
            }
            if (c < 0x20)
                fail(QStringLiteral("control character inside a string (must be escaped)"));
            if (c >= 0x80) {
                const qsizetype n = utf8SequenceLength();
                if (n == 0)
                    fail(QStringLiteral("invalid UTF-8 byte sequence"));
                m_out.append(m_in.data() + m_pos, n);
                m_pos += n;
                continue;
            }
            escape();
        }
    }

    void escape()
    {
        ++m_pos; // the backslash
        if (atEnd())
            fail(QStringLiteral("unterminated escape"));
        const char e = m_in[m_pos++];
        switch (e) {
        case '"':
            writeCodePoint('"');
            return;
        case '\\':
            writeCodePoint('\\');
            return;
        case '/':
            writeCodePoint('/');
            return;
        case 'b':
            writeCodePoint('\b');
            return;
        case 'f':
            writeCodePoint('\f');
            return;
        case 'n':
            writeCodePoint('\n');
            return;
        case 'r':
            writeCodePoint('\r');
            return;
        case 't':
            writeCodePoint('\t');
            return;
        case 'u':
            break;
        default:
            --m_pos;
            fail(QStringLiteral("invalid escape sequence"));
        }
        const char32_t unit = hex4();
        if (unit >= 0xD800 && unit <= 0xDBFF && m_in.size() - m_pos >= 6 && m_in[m_pos] == '\\' &&
            m_in[m_pos + 1] == 'u') {
            const qsizetype save = m_pos;
            m_pos += 2;
            const char32_t low = hex4();
            if (low >= 0xDC00 && low <= 0xDFFF) {
                writeCodePoint(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                return;
            }
            m_pos = save; // not a pair: the high surrogate stands alone
        }
        writeCodePoint(unit);
    }

    void number()
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (peek() >= '1' && peek() <= '9') {
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        } else {
            fail(QStringLiteral("invalid number"));
        }
        bool integral = true;
        if (peek() == '.') {
            integral = false;
            ++m_pos;
            if (!(peek() >= '0' && peek() <= '9'))
                fail(QStringLiteral("invalid number: digits expected after '.'"));
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (!(peek() >= '0' && peek() <= '9'))
                fail(QStringLiteral("invalid number: digits expected in the exponent"));
            while (peek() >= '0' && peek() <= '9')
                ++m_pos;
        }
        const QByteArrayView text = m_in.sliced(start, m_pos - start);
        if (integral)
            writeInteger(text, start);
        else
            writeDouble(text, start);
    }

    void writeInteger(QByteArrayView text, qsizetype offset)
    {
        const bool negative = text[0] == '-';
        const QByteArrayView digits = negative ? text.sliced(1) : text;
        if (digits == "0") {
            m_out.append('0'); // -0 prints as 0
            return;
        }
        // 2^53 = 9007199254740992 (16 digits).
        constexpr QByteArrayView kMaxSafe = "9007199254740992";
        const bool safe = digits.size() < kMaxSafe.size() ||
                          (digits.size() == kMaxSafe.size() && digits <= kMaxSafe);
        if (!safe && m_notes) {
            const TextPosition at = TextPosition::fromOffset(m_in, offset);
            m_notes->append(QStringLiteral("line %1, column %2: integer %3 is beyond 2^53; kept "
                                           "digit for digit, but JavaScript reads it rounded")
                                .arg(at.line)
                                .arg(at.column)
                                .arg(QString::fromLatin1(text.data(), text.size())));
        }
        m_out.append(text.data(), text.size());
    }

    void writeDouble(QByteArrayView text, qsizetype offset)
    {
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc::result_out_of_range) {
            // from_chars reports underflow the same way: tiny numbers are 0 in JavaScript.
            const bool tiny = text.contains("e-") || text.contains("E-");
            if (tiny) {
                m_out.append('0');
                return;
            }
            if (m_notes) {
                const TextPosition at = TextPosition::fromOffset(m_in, offset);
                m_notes->append(QStringLiteral("line %1, column %2: number %3 is too large for "
                                               "JavaScript and is written as null")
                                    .arg(at.line)
                                    .arg(at.column)
                                    .arg(QString::fromLatin1(text.data(), text.size())));
            }
            m_out.append("null", 4);
            return;
        }
        Q_UNUSED(end);
        m_out.append(JsNumber::toString(value));
    }

    QByteArrayView m_in;
    QStringList* m_notes;
    QStringList* m_duplicates;
    ByteWriter m_out;
    qsizetype m_pos = 0;
    std::vector<JsMember> m_members; // of the objects being written, outermost first
};

} // namespace

QByteArray JsStringify::formatDouble(double value)
{
    return JsNumber::toString(value);
}

Result<QByteArray> JsStringify::fromJsonText(QByteArrayView json, QStringList* notes,
                                             qsizetype* errorOffset, QStringList* duplicates)
{
    try {
        Writer writer(json, notes, duplicates);
        return writer.run();
    } catch (const ParseFailure& failure) {
        if (errorOffset)
            *errorOffset = failure.offset;
        const TextPosition at = TextPosition::fromOffset(json, failure.offset);
        return makeError(
            QStringLiteral("json.parse"),
            QStringLiteral("line %1, column %2: %3").arg(at.line).arg(at.column).arg(failure.what));
    }
}

} // namespace pmkv
