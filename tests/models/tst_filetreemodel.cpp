#include "filefilterproxymodel.h"
#include "files/pmreader.h"
#include "filetreemodel.h"
#include "testtree.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace pmkv;

namespace {

std::shared_ptr<const FileTreeSnapshot> quirks()
{
    return FileTreeSnapshot::build(PmReader::read(test::quirksTreePath()).value());
}

int countLeaves(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    int leaves = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        leaves += model.rowCount(index) == 0 ? 1 : countLeaves(model, index);
    }
    return leaves;
}

} // namespace

class TestFileTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void foldersStandForTheirDocument();
    void problemsRollUp_data();
    void problemsRollUp();
    void filterKeepsParents();
    void onlyProblems();
    void onlyProblemsKeepsFolderProblems();
};

void TestFileTreeModel::passesModelTester()
{
    FileTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(quirks());
    model.setSnapshot(quirks()); // a reload resets cleanly
    FileFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSearchText(QStringLiteral("F-AI"));
    proxy.setOnlyProblems(true);
    proxy.setSearchText(QString());
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestFileTreeModel::foldersStandForTheirDocument()
{
    FileTreeModel model;
    model.setSnapshot(quirks());
    const QModelIndex epic = model.indexForPath(QStringLiteral("clinic/clinical-decision-support"));
    QVERIFY(epic.isValid());
    QCOMPARE(model.index(epic.row(), FileTreeModel::TitleColumn, epic.parent()).data().toString(),
             QStringLiteral("Clinical decision support"));
    QCOMPARE(epic.data(FileTreeModel::KindRole).toInt(), int(EntityKind::Epic));
    QCOMPARE(model.entityAt(epic)->relativePath,
             QStringLiteral("clinic/clinical-decision-support/epic.json"));
    // epic.json is the folder itself, not a child row.
    QVERIFY(!model.indexForPath(QStringLiteral("clinic/clinical-decision-support/epic.json"))
                 .isValid());
    const QModelIndex story =
        model.indexForPath(QStringLiteral("clinic/clinical-decision-support/F-AI-001.json"));
    QCOMPARE(story.data(FileTreeModel::KindRole).toInt(), int(EntityKind::Story));
    QCOMPARE(story.parent(), epic);
    // people.json comes first at the root.
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("people.json"));
}

void TestFileTreeModel::problemsRollUp_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");
    QTest::newRow("broken story") << QStringLiteral("clinic/clinical-decision-support/broken.json")
                                  << 1 << 0;
    QTest::newRow("clean story") << QStringLiteral(
                                        "clinic/clinical-decision-support/NFR-SEC-014.json")
                                 << 0 << 1;
    QTest::newRow("notes") << QStringLiteral("clinic/clinical-decision-support/notes.md") << 0 << 0;
}

void TestFileTreeModel::problemsRollUp()
{
    QFETCH(QString, path);
    QFETCH(int, errors);
    QFETCH(int, warnings);
    FileTreeModel model;
    const auto snapshot = quirks();
    model.setSnapshot(snapshot);
    const QModelIndex index = model.indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(FileTreeModel::ErrorsRole).toInt(), errors);
    QCOMPARE(index.data(FileTreeModel::WarningsRole).toInt(), warnings);
    // The project folder holds the sum of everything below it and its own project.json.
    const QModelIndex project = model.indexForPath(QStringLiteral("clinic"));
    int total = 0;
    for (const Problem& p : snapshot->index().problems)
        total += p.path.startsWith(QLatin1String("clinic")) ? 1 : 0;
    QCOMPARE(project.data(FileTreeModel::ErrorsRole).toInt() +
                 project.data(FileTreeModel::WarningsRole).toInt(),
             total);
    QCOMPARE(model.index(project.row(), FileTreeModel::ProblemsColumn).data().toString().isEmpty(),
             total == 0);
}

// The text is matched on a worker (it was matched row by row on the GUI thread as each
// character came: a tree of 100,000 stories held the window): the rows change once it is done.
void TestFileTreeModel::filterKeepsParents()
{
    FileTreeModel model;
    model.setSnapshot(quirks());
    FileFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy applied(&proxy, SIGNAL(searchApplied(QString)));
    QVERIFY(applied.isValid());
    const int all = countLeaves(proxy);
    proxy.setSearchText(QStringLiteral("sec-014")); // case-insensitive, matches the id
    QCOMPARE(countLeaves(proxy), all);              // (not matched yet)
    QVERIFY(applied.wait(10000));
    QCOMPARE(countLeaves(proxy), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("clinic"));
    applied.clear();
    proxy.setSearchText(
        QStringLiteral("Story F-AI-0")); // matches the titles of F-AI-001 and F-AI-002
    QVERIFY(applied.wait(10000));
    QCOMPARE(countLeaves(proxy), 2);
    // A reload is searched again.
    applied.clear();
    model.setSnapshot(quirks());
    QVERIFY(applied.wait(10000));
    QCOMPARE(countLeaves(proxy), 2);
    // Typing on: only the newest text's result shows.
    applied.clear();
    proxy.setSearchText(QStringLiteral("sec-014"));
    proxy.setSearchText(QStringLiteral("F-AI-001"));
    QVERIFY(applied.wait(10000));
    QTest::qWait(100);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(countLeaves(proxy), 1);
    // Cleared at once.
    proxy.setSearchText(QString());
    QCOMPARE(countLeaves(proxy), all);
}

void TestFileTreeModel::onlyProblems()
{
    FileTreeModel model;
    model.setSnapshot(quirks());
    FileFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    const int all = countLeaves(proxy);
    proxy.setOnlyProblems(true);
    const int withProblems = countLeaves(proxy);
    QVERIFY(withProblems > 0 && withProblems < all);
    std::function<void(const QModelIndex&)> check = [&](const QModelIndex& parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            QVERIFY(index.data(FileTreeModel::ErrorsRole).toInt() +
                        index.data(FileTreeModel::WarningsRole).toInt() >
                    0);
            check(index);
        }
    };
    check({});
}

// Issue #19, defect 9: "Only problems" dropped every row with children, so the problems of a
// project or an epic itself (its project.json or epic.json, its folder's name) disappeared.
void TestFileTreeModel::onlyProblemsKeepsFolderProblems()
{
    FileTreeModel model;
    model.setSnapshot(quirks());
    FileFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setOnlyProblems(true);
    const auto problems = [](const QModelIndex& index) {
        return index.data(FileTreeModel::ErrorsRole).toInt() +
               index.data(FileTreeModel::WarningsRole).toInt();
    };
    int folders = 0;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            int own = problems(index); // the rolled-up count less the children's
            for (int c = 0; c < model.rowCount(index); ++c)
                own -= problems(model.index(c, 0, index));
            if (own > 0) {
                folders += model.hasChildren(index) ? 1 : 0;
                QVERIFY2(proxy.mapFromSource(index).isValid(),
                         qPrintable(index.data(FileTreeModel::RelativePathRole).toString()));
            }
            walk(index);
        }
    };
    walk({});
    QVERIFY(folders > 0); // the quirks tree has folders with problems of their own
}

QTEST_MAIN(TestFileTreeModel)
#include "tst_filetreemodel.moc"
