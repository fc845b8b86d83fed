#include "jsonhighlighter.h"

namespace pmkv {

JsonHighlighter::JsonHighlighter(QTextDocument* document, bool darkTheme)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(darkTheme ? QColor(0x9C, 0xDC, 0xFE) : QColor(0x00, 0x4B, 0x8D));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(darkTheme ? QColor(0xCE, 0x91, 0x78) : QColor(0xA3, 0x15, 0x15));
    m_number.setForeground(darkTheme ? QColor(0xB5, 0xCE, 0xA8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(darkTheme ? QColor(0x56, 0x9C, 0xD6) : QColor(0x00, 0x00, 0xFF));
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    // Pretty-printed JSON keeps each string on one line, so a line-local scan is enough.
    for (int i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int end = i + 1;
            while (end < text.size() && text.at(end) != QLatin1Char('"'))
                end += text.at(end) == QLatin1Char('\\') ? 2 : 1;
            end = qMin(end + 1, int(text.size()));
            int after = end;
            while (after < text.size() && text.at(after) == QLatin1Char(' '))
                ++after;
            const bool isKey = after < text.size() && text.at(after) == QLatin1Char(':');
            setFormat(i, end - i, isKey ? m_key : m_string);
            i = end;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            int end = i + 1;
            while (end < text.size() &&
                   (text.at(end).isDigit() || QStringLiteral(".eE+-").contains(text.at(end))))
                ++end;
            setFormat(i, end - i, m_number);
            i = end;
        } else if (c.isLetter()) {
            int end = i + 1;
            while (end < text.size() && text.at(end).isLetter())
                ++end;
            setFormat(i, end - i, m_literal);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace pmkv
