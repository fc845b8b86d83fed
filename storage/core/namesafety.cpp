#include "core/namesafety.h"

#include <algorithm>

namespace pmkv {

QString NameSafety::whyUnsafe(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QStringLiteral("names a folder itself (\"%1\")").arg(name);
    // The usual name is printable ASCII without the characters below: said at once.
    const bool plain = std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u > u' ' && u < 0x7f && u != u':' && u != u'*' && u != u'?' && u != u'[' &&
               u != u']' && u != u'/' && u != u'\\';
    });
    if (plain)
        return {};
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return QStringLiteral("contains the path separator '%1'").arg(c);
        if (c == QLatin1Char(':'))
            return QStringLiteral("contains ':' (the key separator)");
        if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[') ||
            c == QLatin1Char(']'))
            return QStringLiteral("contains the glob character '%1'").arg(c);
        if (c.isSpace())
            return QStringLiteral("contains whitespace");
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("contains the control character U+%1")
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace pmkv
