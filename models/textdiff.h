#pragma once

#include <QString>
#include <QVector>

namespace pmkv {

// A line diff of two texts for the diff view, when a value is not JSON: which lines of each
// side differ, grouped in hunks (a run of removed lines and the added lines that replace
// them), and inside a changed line paired with its counterpart, the characters that differ.
// Minimal (LineDiff / SequenceDiff, Myers); lines without their '\n'.
class TextDiff final
{
public:
    struct Span
    {
        int line = 0;
        int start = 0; // in UTF-16 code units, as QTextBlock positions count
        int length = 0;
    };
    struct Hunk
    {
        int leftLine = 0; // where it starts on each side (the line it comes before when empty)
        int leftCount = 0;
        int rightLine = 0;
        int rightCount = 0;
    };

    static TextDiff compare(const QString& left, const QString& right);

    const QVector<Hunk>& hunks() const { return m_hunks; }
    // Lines only on one side or changed (whole-line marks).
    const QVector<int>& leftLines() const { return m_leftLines; }
    const QVector<int>& rightLines() const { return m_rightLines; }
    // The characters that differ inside paired changed lines.
    const QVector<Span>& leftSpans() const { return m_leftSpans; }
    const QVector<Span>& rightSpans() const { return m_rightSpans; }
    // "lines 3-4 changed", "line 7 only in the key" ...: one text per hunk.
    QStringList hunkTexts() const;

private:
    void closeHunk(const QStringList& removed, const QStringList& added);
    static void charSpans(const QString& a, const QString& b, int lineA, int lineB,
                          QVector<Span>& spansA, QVector<Span>& spansB);

    QVector<Hunk> m_hunks;
    QVector<int> m_leftLines;
    QVector<int> m_rightLines;
    QVector<Span> m_leftSpans;
    QVector<Span> m_rightSpans;
    int m_left = 0; // the next line on each side while comparing
    int m_right = 0;
};

} // namespace pmkv
