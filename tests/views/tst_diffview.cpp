// DiffView: two labelled sides, small documents compared at once, large ones off the GUI
// thread (issue #18), and a comparison that is no longer wanted never shown; when a value is not
// JSON (#19) a line diff of the two texts, the characters that differ inside a changed line
// marked, F7 over the hunks, a word-wrap switch and the notice line.
#include "diffview.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace pmkv;

namespace {

// A JSON object of `fields` string fields; `changed` of them differ when `variant` is 1.
QByteArray document(int fields, int changed, int variant)
{
    QByteArray out = "{";
    for (int i = 0; i < fields; ++i) {
        if (i)
            out += ',';
        out += "\"field" + QByteArray::number(i) + "\":\"";
        out += (i < changed && variant == 1) ? "other " : "value ";
        out += QByteArray(40, 'x') + QByteArray::number(i) + '"';
    }
    return out + '}';
}

} // namespace

class TestDiffView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparesTextWhenNotJson();
    void jsonStaysAFieldDiff();
    void wrapsAndNotices();
    void smallDocumentsAreShownAtOnceWithTheirLabels()
    {
        DiffView view;
        QSignalSpy computed(&view, &DiffView::computed);
        QVERIFY(view.showDiff(QStringLiteral("Backup of atlas"), document(10, 2, 0),
                              QStringLiteral("Key on staging"), document(10, 2, 1)));
        QCOMPARE(computed.count(), 1);
        QCOMPARE(view.changeCount(), 2);
        auto* list = view.findChild<QTreeWidget*>(QStringLiteral("diffChanges"));
        QCOMPARE(list->headerItem()->text(2), QStringLiteral("Backup of atlas"));
        QCOMPARE(list->headerItem()->text(3), QStringLiteral("Key on staging"));
    }

    void largeDocumentsAreComparedOffTheGuiThread()
    {
        DiffView view;
        view.show();
        const QByteArray left = document(60000, 25, 0);
        const QByteArray right = document(60000, 25, 1);
        QVERIFY(left.size() + right.size() > DiffView::kInPlaceBytes);
        QSignalSpy computed(&view, &DiffView::computed);
        // Not shown yet: the comparison runs on a worker, the event loop keeps turning.
        QVERIFY(!view.showDiff(QStringLiteral("left"), left, QStringLiteral("right"), right));
        QCOMPARE(view.changeCount(), 0);
        QVERIFY(computed.wait(30000));
        QCOMPARE(view.changeCount(), 25);
        QVERIFY(view.leftText().contains(QStringLiteral("field59999")));
    }

    void anOlderComparisonIsDropped()
    {
        DiffView view;
        QSignalSpy computed(&view, &DiffView::computed);
        view.showDiff(QStringLiteral("a"), document(60000, 7, 0), QStringLiteral("b"),
                      document(60000, 7, 1));
        // A newer, small pair replaces it before it finished: only the newer one shows.
        QVERIFY(view.showDiff(QStringLiteral("c"), document(10, 3, 0), QStringLiteral("d"),
                              document(10, 3, 1)));
        QCOMPARE(view.changeCount(), 3);
        QTest::qWait(1500); // (time for the first one to finish on its worker)
        QCOMPARE(view.changeCount(), 3);
        QCOMPARE(computed.count(), 1);
        // Cleared while a large one runs: nothing comes back.
        view.showDiff(QStringLiteral("a"), document(60000, 7, 0), QStringLiteral("b"),
                      document(60000, 7, 1));
        view.clear(QStringLiteral("gone"));
        QTest::qWait(1500);
        QCOMPARE(view.changeCount(), 0);
        QCOMPARE(computed.count(), 1);
    }
};

void TestDiffView::comparesTextWhenNotJson()
{
    DiffView view;
    view.show();
    const bool fields = view.showDiff(
        QStringLiteral("alpha/core/F-AB-001.json"), R"({"id":"F-AB-001","status":"todo"})",
        QStringLiteral("pm:story"), "{\n  \"id\": \"F-AB-001\",\n  \"status\": \"done\"\n} oops");
    QVERIFY(!fields);           // no field comparison ...
    QVERIFY(view.isTextDiff()); // ... but a text one
    QCOMPARE(view.leftText(),
             QStringLiteral("{\n  \"id\": \"F-AB-001\",\n  \"status\": \"todo\"\n}"));
    QVERIFY(view.rightText().endsWith(QStringLiteral("} oops")));
    QCOMPARE(view.changeCount(), 1);
    QCOMPARE(view.changeTexts(), QStringList{QStringLiteral("changed lines 3-4")});
    // Inside the changed lines, the characters that differ are marked apart from the lines.
    auto* right = view.findChild<QPlainTextEdit*>(QStringLiteral("diffRight"));
    int characterMarks = 0;
    for (const QTextEdit::ExtraSelection& sel : right->extraSelections()) {
        if (sel.cursor.hasSelection()) {
            ++characterMarks;
            QVERIFY(sel.cursor.selectedText().size() < 6);
        }
    }
    QVERIFY(characterMarks > 0);
    QCOMPARE(right->textCursor().blockNumber(), 2); // on the first hunk
    view.nextDifference();                          // one hunk: wraps around
    QCOMPARE(view.currentChange(), 0);
    QVERIFY(view.currentFieldChange() == nullptr); // nothing to copy per field
}

void TestDiffView::jsonStaysAFieldDiff()
{
    DiffView view;
    QVERIFY(view.showDiff(QStringLiteral("a"), R"({"a":1})", QStringLiteral("b"), R"({"a":2})"));
    QVERIFY(!view.isTextDiff());
    QCOMPARE(view.changeTexts(), QStringList{QStringLiteral("changed /a")});
}

void TestDiffView::wrapsAndNotices()
{
    DiffView view;
    view.show();
    auto* left = view.findChild<QPlainTextEdit*>(QStringLiteral("diffLeft"));
    QCOMPARE(left->lineWrapMode(), QPlainTextEdit::NoWrap);
    view.wrapBox()->setChecked(true);
    QCOMPARE(left->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    view.showNotice(QStringLiteral("changed on disk"));
    QCOMPARE(view.noticeText(), QStringLiteral("changed on disk"));
    view.showDiff(QStringLiteral("a"), R"({"a":1})", QStringLiteral("b"), "x");
    QVERIFY(view.noticeText().isEmpty()); // another document
}

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
