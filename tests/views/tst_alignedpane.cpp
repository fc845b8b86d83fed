// The aligned mode's pane (issue #19): it had no search box. The search finds rows by the
// names, files and keys of both sides, matched on a worker; the rows that lead to the matches
// open on both sides, Enter goes to the first match, an older search's result is dropped,
// rows rebuilt meanwhile come already searched, and clearing shows every row.
#include "alignedfilterproxymodel.h"
#include "alignedpane.h"
#include "alignedtree.h"
#include "alignedtreemodel.h"
#include "alignment.h"
#include "files/pmreader.h"
#include "testtree.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace pmkv;

namespace {

const QByteArray kStory1 = "pm:project:alpha:epic:core:story:F-AB-001";
const QByteArray kStory2 = "pm:project:alpha:epic:core:story:F-AB-002";
const QByteArray kOnlyKv = "pm:project:alpha:epic:core:story:F-AB-999";
const QByteArray kOther = "pm:project:beta:epic:ops:story:F-BE-001";

} // namespace

class TestAlignedPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchShowsMatchesOnBothSides();
    void enterGoesToTheFirstMatch();
    void olderSearchIsDropped();
    void rebuiltRowsComeSearched();
    void clearingShowsEveryRow();

private:
    std::shared_ptr<const AlignedTree> build(bool withOnlyKv = true) const;
    static QLineEdit* searchBox(AlignedPane& pane);
    // The entity rows the pane shows (depth first), by their row path.
    static QStringList shownRows(const AlignedPane& pane, const QModelIndex& parent = {});

    test::TestTree m_tree;
    std::shared_ptr<const FileTreeSnapshot> m_files;
    std::shared_ptr<const Alignment> m_alignment;
};

void TestAlignedPane::initTestCase()
{
    m_tree.write(QStringLiteral("pm/people.json"), R"([{"id": "p1", "name": "Ada"}])");
    m_tree.write(QStringLiteral("pm/alpha/project.json"),
                 R"({"name": "Alpha", "epicIds": ["core"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/epic.json"),
                 R"({"id": "core", "title": "Core", "storyIds": ["F-AB-001", "F-AB-002"]})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-001.json"),
                 R"({"id": "F-AB-001", "epicId": "core", "title": "One", "status": "todo"})");
    m_tree.write(QStringLiteral("pm/alpha/core/F-AB-002.json"),
                 R"({"id": "F-AB-002", "epicId": "core", "title": "Two", "status": "todo"})");
    m_tree.write(QStringLiteral("pm/beta/project.json"), R"({"name": "Beta", "epicIds": ["ops"]})");
    m_tree.write(QStringLiteral("pm/beta/ops/epic.json"),
                 R"({"id": "ops", "title": "Ops", "storyIds": ["F-BE-001"]})");
    m_tree.write(QStringLiteral("pm/beta/ops/F-BE-001.json"),
                 R"({"id": "F-BE-001", "epicId": "ops", "title": "Three", "status": "todo"})");
    auto index = PmReader::read(m_tree.path(QStringLiteral("pm")));
    QVERIFY(index);
    m_files = FileTreeSnapshot::build(std::move(index).value());
    m_alignment =
        Alignment::build(m_files, KeyLayout::preset(QStringLiteral("repository")).value());
}

std::shared_ptr<const AlignedTree> TestAlignedPane::build(bool withOnlyKv) const
{
    QVector<KvKeyItem> scanned{{kStory1, SyncState::Same}, {kOther, SyncState::Same}};
    if (withOnlyKv)
        scanned.append({kOnlyKv, SyncState::OnlyKv});
    return AlignedTree::build(*m_alignment, *m_files, scanned, {{kStory2, SyncState::OnlyFiles}});
}

QLineEdit* TestAlignedPane::searchBox(AlignedPane& pane)
{
    return pane.findChild<QLineEdit*>(QStringLiteral("alignedSearch"));
}

QStringList TestAlignedPane::shownRows(const AlignedPane& pane, const QModelIndex& parent)
{
    QStringList rows;
    const auto* proxy = pane.proxy();
    for (int row = 0; row < proxy->rowCount(parent); ++row) {
        const QModelIndex index = proxy->index(row, 0, parent);
        rows << pane.model()->rowPath(proxy->mapToSource(index));
        rows << shownRows(pane, index);
    }
    return rows;
}

void TestAlignedPane::searchShowsMatchesOnBothSides()
{
    AlignedPane pane;
    QAbstractItemModelTester tester(pane.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.resize(900, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setTree(build());
    QLineEdit* search = searchBox(pane);
    QVERIFY2(search, "the aligned mode has no search box");
    QSignalSpy applied(&pane, SIGNAL(searchApplied(QString)));
    QVERIFY(applied.isValid());
    // A story only in the key space, found by its id (its file side is a placeholder).
    QTest::keyClicks(search, QStringLiteral("f-ab-999"));
    QCOMPARE(shownRows(pane).size(), pane.model()->tree()->size() - 1); // (after the pause)
    QVERIFY(applied.wait(10000));
    QCOMPARE(shownRows(pane), (QStringList{QStringLiteral("alpha"), QStringLiteral("alpha/core"),
                                           QStringLiteral("alpha/core/F-AB-999")}));
    // Opened on both sides: the row is on screen on the left and on the right.
    const QModelIndex row = pane.proxy()->mapFromSource(pane.model()->indexForKey(kOnlyKv));
    QVERIFY(row.isValid());
    QVERIFY(pane.fileView()->isExpanded(row.parent()));
    QVERIFY(pane.keyView()->isExpanded(row.parent()));
    QVERIFY(pane.fileView()->visualRect(row).isValid());
    QVERIFY(pane.keyView()->visualRect(row.siblingAtColumn(AlignedTreeModel::KeyColumn)).isValid());
    // By a part of the key (the key side only says "story:F-BE-001").
    applied.clear();
    search->setText(QStringLiteral("epic:OPS:story"));
    QVERIFY(applied.wait(10000));
    QCOMPARE(shownRows(pane), (QStringList{QStringLiteral("beta"), QStringLiteral("beta/ops"),
                                           QStringLiteral("beta/ops/F-BE-001")}));
    // By the file.
    applied.clear();
    search->setText(QStringLiteral("core/epic.json"));
    QVERIFY(applied.wait(10000));
    QCOMPARE(shownRows(pane), (QStringList{QStringLiteral("alpha"), QStringLiteral("alpha/core")}));
}

void TestAlignedPane::enterGoesToTheFirstMatch()
{
    AlignedPane pane;
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setTree(build());
    QLineEdit* search = searchBox(pane);
    QVERIFY2(search, "the aligned mode has no search box");
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("F-AB-00"));
    QTest::keyClick(search, Qt::Key_Return);
    // (once the worker has matched the rows) F-AB-001 comes before F-AB-002.
    QTRY_COMPARE(pane.currentEntityPath(), QStringLiteral("alpha/core/F-AB-001.json"));
    QCOMPARE(pane.currentKey(), kStory1);
}

// Typing on: the result for the older text is dropped, only the newest one shows.
void TestAlignedPane::olderSearchIsDropped()
{
    AlignedPane pane;
    pane.setTree(build());
    QLineEdit* search = searchBox(pane);
    QVERIFY2(search, "the aligned mode has no search box");
    QSignalSpy applied(&pane, SIGNAL(searchApplied(QString)));
    search->setText(QStringLiteral("alpha"));
    Q_EMIT search->returnPressed(); // (at once, as Enter)
    QTest::qSleep(50);              // (its worker may be done: its result is still dropped)
    search->setText(QStringLiteral("F-BE"));
    Q_EMIT search->returnPressed(); // (at once, as Enter)
    QVERIFY(applied.wait(10000));
    QTest::qWait(100);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().first().toString(), QStringLiteral("F-BE"));
    QCOMPARE(shownRows(pane), (QStringList{QStringLiteral("beta"), QStringLiteral("beta/ops"),
                                           QStringLiteral("beta/ops/F-BE-001")}));
}

// Rows rebuilt while a search shows (a scan, a comparison, a write) come searched: they are
// never shown unfiltered.
void TestAlignedPane::rebuiltRowsComeSearched()
{
    AlignedPane pane;
    QAbstractItemModelTester tester(pane.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.setTree(build(false));
    QLineEdit* search = searchBox(pane);
    QVERIFY2(search, "the aligned mode has no search box");
    QSignalSpy applied(&pane, SIGNAL(searchApplied(QString)));
    search->setText(QStringLiteral("F-AB-9"));
    Q_EMIT search->returnPressed(); // (at once, as Enter)
    QVERIFY(applied.wait(10000));
    QVERIFY(shownRows(pane).isEmpty());
    const auto rebuilt = build(true);
    pane.setTree(rebuilt);
    QVERIFY(shownRows(pane).size() <= 3); // (the old rows until the new ones are searched)
    QTRY_COMPARE(pane.model()->tree(), rebuilt.get());
    QCOMPARE(shownRows(pane), (QStringList{QStringLiteral("alpha"), QStringLiteral("alpha/core"),
                                           QStringLiteral("alpha/core/F-AB-999")}));
}

void TestAlignedPane::clearingShowsEveryRow()
{
    AlignedPane pane;
    QAbstractItemModelTester tester(pane.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    pane.setTree(build());
    const QStringList all = shownRows(pane);
    QLineEdit* search = searchBox(pane);
    QVERIFY2(search, "the aligned mode has no search box");
    QSignalSpy applied(&pane, SIGNAL(searchApplied(QString)));
    search->setText(QStringLiteral("beta"));
    Q_EMIT search->returnPressed(); // (at once, as Enter)
    QVERIFY(applied.wait(10000));
    QVERIFY(shownRows(pane).size() < all.size());
    search->clear();
    Q_EMIT search->returnPressed(); // (at once, as Enter)
    QCOMPARE(applied.count(), 2);   // at once: nothing to match
    QCOMPARE(shownRows(pane), all);
}

QTEST_MAIN(TestAlignedPane)
#include "tst_alignedpane.moc"
