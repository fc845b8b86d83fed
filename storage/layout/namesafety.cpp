#include "layout/namesafety.h"

namespace pmkv {

QString NameSafety::whyUnsafe(const QString& name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    for (const QChar c : name) {
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
