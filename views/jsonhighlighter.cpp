#include "jsonhighlighter.h"

namespace pmkv {

QList<QColor> JsonHighlighter::colors(bool darkTheme)
{
    if (darkTheme) // key, string, number, literal
        return {QColor(0x9C, 0xDC, 0xFE), QColor(0xE8, 0xB4, 0x9C), QColor(0xB5, 0xCE, 0xA8),
                QColor(0x8C, 0xC4, 0xF0)};
    return {QColor(0x00, 0x4B, 0x8D), QColor(0xA3, 0x15, 0x15), QColor(0x0A, 0x66, 0x40),
            QColor(0x00, 0x00, 0xCC)};
}

JsonHighlighter::JsonHighlighter(QTextDocument* document, bool darkTheme)
    : QSyntaxHighlighter(document)
{
    const QList<QColor> c = colors(darkTheme);
    m_key.setForeground(c.at(0));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(c.at(1));
    m_number.setForeground(c.at(2));
    m_literal.setForeground(c.at(3));
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
