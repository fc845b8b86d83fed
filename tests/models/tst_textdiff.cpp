// The diff view's text diff, for values that are not JSON: hunks of lines, and the characters
// that differ inside a changed line.
#include "textdiff.h"

#include <QTest>

using namespace pmkv;

class TestTextDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameTextHasNoHunk();
    void marksLinesAndCharacters();
    void addedAndRemovedLines();
};

void TestTextDiff::sameTextHasNoHunk()
{
    const TextDiff d = TextDiff::compare(QStringLiteral("a\nb"), QStringLiteral("a\nb"));
    QVERIFY(d.hunks().isEmpty());
    QVERIFY(d.leftLines().isEmpty() && d.rightSpans().isEmpty());
}

void TestTextDiff::marksLinesAndCharacters()
{
    const TextDiff d = TextDiff::compare(QStringLiteral("title: Two\nstatus: todo\nend"),
                                         QStringLiteral("title: Two\nstatus: done\nend"));
    QCOMPARE(d.hunks().size(), 1);
    QCOMPARE(d.hunks().first().leftLine, 1);
    QCOMPARE(d.leftLines(), QVector<int>{1});
    QCOMPARE(d.rightLines(), QVector<int>{1});
    // "todo" -> "done": the characters that differ, not the whole line.
    QVERIFY(!d.leftSpans().isEmpty());
    for (const TextDiff::Span& s : d.leftSpans()) {
        QCOMPARE(s.line, 1);
        QVERIFY(s.start >= 8); // after "status: "
    }
    int marked = 0;
    for (const TextDiff::Span& s : d.rightSpans())
        marked += s.length;
    QVERIFY(marked > 0 && marked < 4);
    QCOMPARE(d.hunkTexts(), QStringList{QStringLiteral("changed line 2")});
}

void TestTextDiff::addedAndRemovedLines()
{
    const TextDiff d = TextDiff::compare(QStringLiteral("a\nb\nc"), QStringLiteral("a\nc\nd\ne"));
    QCOMPARE(d.hunks().size(), 2);
    QCOMPARE(d.hunkTexts(),
             (QStringList{QStringLiteral("removed line 2"), QStringLiteral("added lines 3-4")}));
    QCOMPARE(d.leftLines(), QVector<int>{1});
    QCOMPARE(d.rightLines(), (QVector<int>{2, 3}));
    QVERIFY(d.leftSpans().isEmpty()); // nothing paired: whole lines only
}

QTEST_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
