#include "textdiff.h"

#include "diff/linediff.h"
#include "diff/sequencediff.h"

#include <QCoreApplication>

namespace pmkv {
namespace {

// Past this many characters a changed line is marked whole: a character diff of two long
// lines (a minified document) costs more than it shows.
constexpr int kCharDiffLimit = 4000;

void appendSpan(QVector<TextDiff::Span>& spans, int line, int at)
{
    if (!spans.isEmpty() && spans.last().line == line &&
        spans.last().start + spans.last().length == at) {
        ++spans.last().length;
        return;
    }
    spans.append({line, at, 1});
}

} // namespace

TextDiff TextDiff::compare(const QString& left, const QString& right)
{
    TextDiff d;
    QStringList removed;
    QStringList added;
    for (const LineEdit& e : LineDiff::diff(left.toStdString(), right.toStdString())) {
        const QString line = QString::fromStdString(e.text);
        switch (e.op) {
        case SequenceDiff::Op::Keep:
            d.closeHunk(removed, added);
            removed.clear();
            added.clear();
            ++d.m_left;
            ++d.m_right;
            break;
        case SequenceDiff::Op::Delete:
            removed << line;
            break;
        case SequenceDiff::Op::Insert:
            added << line;
            break;
        }
    }
    d.closeHunk(removed, added);
    return d;
}

void TextDiff::closeHunk(const QStringList& removed, const QStringList& added)
{
    if (removed.isEmpty() && added.isEmpty())
        return;
    m_hunks.append({m_left, int(removed.size()), m_right, int(added.size())});
    for (int i = 0; i < removed.size(); ++i)
        m_leftLines << m_left + i;
    for (int i = 0; i < added.size(); ++i)
        m_rightLines << m_right + i;
    // Lines changed in place, paired in order: their differing characters.
    for (int i = 0; i < qMin(removed.size(), added.size()); ++i)
        charSpans(removed.at(i), added.at(i), m_left + i, m_right + i, m_leftSpans, m_rightSpans);
    m_left += int(removed.size());
    m_right += int(added.size());
}

void TextDiff::charSpans(const QString& a, const QString& b, int lineA, int lineB,
                         QVector<Span>& spansA, QVector<Span>& spansB)
{
    if (a.size() > kCharDiffLimit || b.size() > kCharDiffLimit)
        return;
    std::vector<int> ca(size_t(a.size()));
    std::vector<int> cb(size_t(b.size()));
    for (qsizetype i = 0; i < a.size(); ++i)
        ca[size_t(i)] = a.at(i).unicode();
    for (qsizetype i = 0; i < b.size(); ++i)
        cb[size_t(i)] = b.at(i).unicode();
    int i = 0;
    int j = 0;
    for (SequenceDiff::Op op : SequenceDiff::diff(ca, cb)) {
        switch (op) {
        case SequenceDiff::Op::Keep:
            ++i;
            ++j;
            break;
        case SequenceDiff::Op::Delete:
            appendSpan(spansA, lineA, i++);
            break;
        case SequenceDiff::Op::Insert:
            appendSpan(spansB, lineB, j++);
            break;
        }
    }
}

QStringList TextDiff::hunkTexts() const
{
    auto lines = [](int first, int count) {
        return count == 1 ? QCoreApplication::translate("pmkv::TextDiff", "line %1").arg(first + 1)
                          : QCoreApplication::translate("pmkv::TextDiff", "lines %1-%2")
                                .arg(first + 1)
                                .arg(first + count);
    };
    QStringList texts;
    for (const Hunk& h : m_hunks) {
        if (h.leftCount == 0)
            texts << QCoreApplication::translate("pmkv::TextDiff", "added %1")
                         .arg(lines(h.rightLine, h.rightCount));
        else if (h.rightCount == 0)
            texts << QCoreApplication::translate("pmkv::TextDiff", "removed %1")
                         .arg(lines(h.leftLine, h.leftCount));
        else
            texts << QCoreApplication::translate("pmkv::TextDiff", "changed %1")
                         .arg(lines(h.leftLine, h.leftCount));
    }
    return texts;
}

} // namespace pmkv
