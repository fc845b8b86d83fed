#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pmkv {

// Colours JSON text: keys, strings, numbers, true/false/null. Picks its colours from the
// palette so it reads on light and dark themes alike.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonHighlighter(QTextDocument* document, bool darkTheme);
    // The colours of keys, strings, numbers and literals: each reads at 4.5:1 or more on the
    // theme's base and leaves room for a marked line's tint (ReadableColors::mark).
    static QList<QColor> colors(bool darkTheme);

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace pmkv
