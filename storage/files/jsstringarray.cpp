#include "files/jsstringarray.h"

namespace pmkv {
namespace {

const char kHex[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray& out, char16_t unit)
{
    const char escape[] = {'\\',
                           'u',
                           kHex[(unit >> 12) & 0xf],
                           kHex[(unit >> 8) & 0xf],
                           kHex[(unit >> 4) & 0xf],
                           kHex[unit & 0xf]};
    out.append(escape, sizeof escape);
}

// The usual name (a folder or file name): no character that needs an escape.
bool isPlain(const QString& text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == u'"' || u == u'\\' || QChar::isSurrogate(u))
            return false;
    }
    return true;
}

void appendEscaped(QByteArray& out, const QString& text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text.at(i).unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out.append(QStringView(text).mid(i, 2).toUtf8());
            ++i;
            continue;
        }
        switch (u) {
        case u'"':
            out.append("\\\"", 2);
            continue;
        case u'\\':
            out.append("\\\\", 2);
            continue;
        case u'\b':
            out.append("\\b", 2);
            continue;
        case u'\t':
            out.append("\\t", 2);
            continue;
        case u'\n':
            out.append("\\n", 2);
            continue;
        case u'\f':
            out.append("\\f", 2);
            continue;
        case u'\r':
            out.append("\\r", 2);
            continue;
        default:
            break;
        }
        if (u < 0x20 || QChar::isSurrogate(u))
            appendUnicodeEscape(out, u);
        else
            out.append(QStringView(text).mid(i, 1).toUtf8());
    }
}

} // namespace

QByteArray JsStringArray::of(const QStringList& strings)
{
    qsizetype size = 2;
    for (const QString& s : strings)
        size += s.size() + 3;
    QByteArray out;
    out.reserve(size);
    out.append('[');
    for (qsizetype i = 0; i < strings.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append('"');
        const QString& s = strings.at(i);
        if (isPlain(s))
            out.append(s.toUtf8());
        else
            appendEscaped(out, s);
        out.append('"');
    }
    out.append(']');
    return out;
}

} // namespace pmkv
