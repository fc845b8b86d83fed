#include "files/compactjson.h"

#include "core/hexdigit.h"
#include "core/jsonstringrun.h"

namespace pmkv {

CompactJson::Type CompactJson::type() const
{
    if (m_text.isEmpty())
        return Null;
    switch (m_text.front()) {
    case '"':
        return String;
    case '{':
        return Object;
    case '[':
        return Array;
    case 't':
    case 'f':
        return Boolean;
    case 'n':
        return Null;
    default:
        return Number;
    }
}

const char* CompactJson::typeName() const
{
    switch (type()) {
    case String:
        return "string";
    case Number:
        return "number";
    case Boolean:
        return "boolean";
    case Null:
        return "null";
    case Array:
        return "array";
    case Object:
        return "object";
    }
    return "null";
}

qsizetype CompactJson::skipString(qsizetype pos) const
{
    // m_text[pos] is the opening quote.
    const char* const end = m_text.data() + m_text.size();
    for (++pos; pos < m_text.size(); ++pos) {
        pos = jsonStringRunEnd<JsonStringStop::QuoteOrBackslash>(m_text.data() + pos, end) -
              m_text.data();
        if (pos >= m_text.size())
            break;
        if (m_text[pos] == '"')
            return pos + 1;
        ++pos; // a backslash: the next byte is escaped
    }
    return m_text.size();
}

qsizetype CompactJson::skipValue(qsizetype pos) const
{
    if (pos >= m_text.size())
        return m_text.size();
    const char first = m_text[pos];
    if (first == '"')
        return skipString(pos);
    if (first == '{' || first == '[') {
        int depth = 0;
        while (pos < m_text.size()) {
            const char c = m_text[pos];
            if (c == '"') {
                pos = skipString(pos);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return pos + 1;
            }
            ++pos;
        }
        return m_text.size();
    }
    while (pos < m_text.size() && m_text[pos] != ',' && m_text[pos] != '}' && m_text[pos] != ']')
        ++pos;
    return pos;
}

template <typename Visit> void CompactJson::forEachItem(bool withNames, Visit visit) const
{
    qsizetype pos = 1; // after the opening bracket
    const qsizetype end = m_text.size() - 1;
    while (pos < end) {
        QByteArrayView name;
        if (withNames) {
            const qsizetype nameEnd = skipString(pos);
            name = m_text.sliced(pos + 1, qMax<qsizetype>(0, nameEnd - pos - 2));
            pos = nameEnd + 1; // past the colon
        }
        const qsizetype valueEnd = qMin(skipValue(pos), end);
        visit(name, CompactJson(m_text.sliced(pos, valueEnd - pos)));
        pos = valueEnd + 1; // past the comma
    }
}

std::vector<CompactJson::Member> CompactJson::members() const
{
    std::vector<Member> result;
    if (!isObject() || m_text.size() < 2)
        return result;
    forEachItem(true,
                [&](QByteArrayView name, CompactJson value) { result.emplace_back(name, value); });
    return result;
}

std::vector<CompactJson> CompactJson::elements() const
{
    std::vector<CompactJson> result;
    if (!isArray() || m_text.size() < 2)
        return result;
    forEachItem(false, [&](QByteArrayView, CompactJson value) { result.push_back(value); });
    return result;
}

const CompactJson* CompactJson::find(const std::vector<Member>& members, QByteArrayView name)
{
    for (const Member& m : members) {
        if (m.first == name)
            return &m.second;
    }
    return nullptr;
}

QString CompactJson::toString() const
{
    if (!isString() || m_text.size() < 2)
        return QString();
    const QByteArrayView body = m_text.sliced(1, m_text.size() - 2);
    if (!body.contains('\\'))
        return QString::fromUtf8(body);
    QByteArray utf8;
    utf8.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            utf8.append(c);
            continue;
        }
        const char e = body[++i];
        switch (e) {
        case 'b':
            utf8.append('\b');
            break;
        case 'f':
            utf8.append('\f');
            break;
        case 'n':
            utf8.append('\n');
            break;
        case 'r':
            utf8.append('\r');
            break;
        case 't':
            utf8.append('\t');
            break;
        case 'u': {
            char32_t unit = 0;
            for (int k = 1; k <= 4 && i + k < body.size(); ++k)
                unit = (unit << 4) | char32_t(qMax(0, hexDigitValue(body[i + k])));
            i += 4;
            // JsStringify escapes only control characters and lone surrogates.
            if (unit >= 0xD800 && unit <= 0xDFFF)
                utf8.append("\xEF\xBF\xBD"); // U+FFFD
            else
                utf8.append(char(unit));
            break;
        }
        default: // '"', '\\', '/'
            utf8.append(e);
        }
    }
    return QString::fromUtf8(utf8);
}

} // namespace pmkv
