#include "files/jsstringarray.h"

#include "files/jscodepoint.h"

namespace pmkv {
namespace {

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
            appendJsCodePoint(out, QChar::surrogateToUcs4(u, text.at(i + 1).unicode()));
            ++i;
            continue;
        }
        appendJsCodePoint(out, u); // a lone surrogate comes out escaped
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
