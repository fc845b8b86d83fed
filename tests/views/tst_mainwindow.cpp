#include "documentview.h"
#include "filepane.h"
#include "folderloader.h"
#include "generate/treegenerator.h"
#include "mainwindow.h"
#include "problemgrouptree.h"
#include "testtree.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace pmkv;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensFolderAndShowsStatus();
    void selectingShowsFormattedJson();
    void brokenFileShowsItsProblems();
    void nonUtf8ShowsHex();
    void searchNarrowsTheTree();
    void missingFolderIsReported();
    void staleLoadIsDropped();
    void remembersLayoutAndFolder();
    void remembersOnlySavedConnections();
    void problemsPanelGroupsAndSelects();

private:
    bool openAndWait(MainWindow& window, const QString& folder, const QString& select = QString());
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("pmkv-studio-tests"));
    QSettings().clear();
}

bool TestMainWindow::openAndWait(MainWindow& window, const QString& folder, const QString& select)
{
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(folder, select);
    return loaded.wait(20000);
}

void TestMainWindow::opensFolderAndShowsStatus()
{
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, test::quirksTreePath()));
    QVERIFY2(window.statusText().contains(QStringLiteral("1 projects, 3 epics, 14 stories")),
             qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(QStringLiteral("errors")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("quirks")));
    // The platform appends "PMKV Studio" (the display name): the title does not say it again.
    QVERIFY2(!window.windowTitle().contains(QStringLiteral("PMKV Studio")),
             qPrintable(window.windowTitle()));
    // A first start gives the trees two thirds of the height, the detail pane one third.
    const QList<int> sizes = window.findChild<QSplitter*>(QStringLiteral("outerSplitter"))->sizes();
    QVERIFY2(sizes.size() == 2 && sizes.at(0) > sizes.at(1),
             qPrintable(QStringLiteral("%1 / %2").arg(sizes.value(0)).arg(sizes.value(1))));
}

void TestMainWindow::selectingShowsFormattedJson()
{
    MainWindow window;
    QVERIFY(openAndWait(window, test::quirksTreePath(),
                        QStringLiteral("clinic/clinical-decision-support/F-AI-099.json")));
    const QString text = window.documentView()->contentText();
    // Pretty JSON in JavaScript's key order, the big integer digit for digit.
    QVERIFY2(text.startsWith(QStringLiteral("{\n  \"1\": \"one\",\n  \"2\": \"two\",")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\"big\": 12345678901234567890")));
    // Selecting an epic folder shows its epic.json.
    QVERIFY(window.filePane()->selectPath(QStringLiteral("clinic/clinical-decision-support")));
    QVERIFY(window.documentView()->contentText().contains(QStringLiteral("\"id\": \"AI\"")));
    QVERIFY(!window.documentView()->problemTexts().isEmpty()); // epic.json's list warnings
}

void TestMainWindow::brokenFileShowsItsProblems()
{
    MainWindow window;
    QVERIFY(openAndWait(window, test::quirksTreePath(),
                        QStringLiteral("clinic/clinical-decision-support/broken.json")));
    const QStringList problems = window.documentView()->problemTexts();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(QStringLiteral("line 4, column 17:")),
             qPrintable(problems.first()));
    QVERIFY(
        window.documentView()->contentText().contains(QStringLiteral("[1, 2,,]"))); // raw text kept
}

void TestMainWindow::nonUtf8ShowsHex()
{
    MainWindow window;
    QVERIFY(openAndWait(window, test::quirksTreePath(),
                        QStringLiteral("clinic/clinical-decision-support/latin1.json")));
    QVERIFY2(window.documentView()->contentText().contains(QStringLiteral(" e9 ")),
             qPrintable(window.documentView()->contentText()));
}

void TestMainWindow::searchNarrowsTheTree()
{
    MainWindow window;
    QVERIFY(openAndWait(window, test::quirksTreePath()));
    QTreeView* tree = window.filePane()->view();
    const int before = tree->model()->rowCount();
    QTest::keyClicks(window.filePane()->searchBox(), QStringLiteral("NFR-SEC"));
    // (once the typing pauses, matched on a worker)
    QTRY_COMPARE(tree->model()->rowCount(), 1); // only "clinic" remains at the top
    const QModelIndex epic = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(tree->model()->rowCount(epic), 1);
    window.filePane()->searchBox()->clear();
    QTRY_COMPARE(tree->model()->rowCount(), before);
}

void TestMainWindow::missingFolderIsReported()
{
    MainWindow window;
    QSignalSpy failed(window.loader(), &FolderLoader::failed);
    // The failure shows a message box; close it as soon as it appears.
    QTimer::singleShot(0, this, [] {
        const auto close = [] {
            if (QWidget* modal = QApplication::activeModalWidget())
                modal->close();
        };
        QTimer* timer = new QTimer(qApp);
        QObject::connect(timer, &QTimer::timeout, close);
        timer->start(50);
    });
    window.openFolder(QStringLiteral("/nonexistent/pm"));
    QVERIFY(failed.wait(10000));
    QVERIFY(window.statusText().contains(QStringLiteral("/nonexistent/pm")));
}

void TestMainWindow::staleLoadIsDropped()
{
    test::TestTree other;
    other.write(QStringLiteral("pm/people.json"), "[]");
    other.write(QStringLiteral("pm/solo/project.json"), R"({"name": "Solo"})");
    MainWindow window;
    QSignalSpy loaded(window.loader(), &FolderLoader::loaded);
    window.openFolder(test::quirksTreePath());
    window.openFolder(other.path(QStringLiteral("pm"))); // supersedes the first
    QVERIFY(loaded.wait(20000));
    QTest::qWait(300); // give the first load time to finish too
    QCOMPARE(loaded.count(), 1);
    QVERIFY(window.statusText().contains(QStringLiteral("1 projects, 0 epics, 0 stories")));
}

void TestMainWindow::remembersLayoutAndFolder()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(openAndWait(window, test::quirksTreePath()));
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("sideSplitter"));
        splitter->setSizes({700, 300});
        sizes = splitter->sizes();
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("files/lastFolder")).toString(),
             test::quirksTreePath());
    MainWindow again;
    again.show();
    QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("sideSplitter"))->sizes(), sizes);
}

// Issue #19, item 11: a start with --redis (a connection that is not saved) was remembered as
// the last connection, so the next plain start looked for a saved one of that name, found
// none, and silently connected to nothing. Only a saved connection is remembered.
void TestMainWindow::remembersOnlySavedConnections()
{
    QSettings().setValue(QStringLiteral("kv/lastConnection"), QStringLiteral("saved-before"));
    {
        MainWindow window;
        window.show();
        ConnectionProfile p;
        p.name = QStringLiteral("command-line");
        p.kind = ConnectionProfile::Kind::Redis;
        p.address = QStringLiteral("redis://127.0.0.1:1"); // (nothing answers there)
        window.connectTo(p);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("kv/lastConnection")).toString(),
             QStringLiteral("saved-before"));
}

// Issue #20: one problem repeated on hundreds of files is one expandable row in the Problems
// panel (as `pmkv scan` prints it), and a file row selects the file.
void TestMainWindow::problemsPanelGroupsAndSelects()
{
    test::TestTree tree;
    TreeGenerator::Options options;
    options.quirks = true;
    options.epicsPerProject = 4;
    options.storiesPerEpic = 30;
    auto made = TreeGenerator::generate(tree.path(QStringLiteral("pm")), options);
    QVERIFY(made);
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, tree.path(QStringLiteral("pm"))));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("problemsDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    window.findChild<QAction*>(QStringLiteral("problemsAction"))->trigger();
    QVERIFY(dock->isVisible());
    auto* groups = window.findChild<ProblemGroupTree*>();
    // The unknown manager, named by every project, epic and story file: one group.
    const QString manager = TreeGenerator::unknownManager();
    QTreeWidgetItem* managerRow = nullptr;
    int problems = 0;
    for (int i = 0; i < groups->topLevelItemCount(); ++i) {
        problems += groups->groups().at(i).count();
        if (groups->topLevelItem(i)->text(0).contains(manager))
            managerRow = groups->topLevelItem(i);
    }
    QVERIFY(managerRow);
    QVERIFY2(
        groups->groupCount() < problems / 10,
        qPrintable(
            QStringLiteral("%1 groups for %2 problems").arg(groups->groupCount()).arg(problems)));
    QVERIFY2(managerRow->text(0).contains(QStringLiteral("125 files")),
             qPrintable(managerRow->text(0)));
    QVERIFY(dock->windowTitle().contains(QStringLiteral("warnings")));
    // A few groups show expanded; activating a file selects it in the file tree.
    QVERIFY(groups->groupCount() <= 3);
    QVERIFY(managerRow->isExpanded());
    QCOMPARE(managerRow->childCount(), 125);
    QTreeWidgetItem* file = managerRow->child(17);
    const QString path = file->text(0).section(QStringLiteral(": "), 0, 0);
    Q_EMIT groups->itemActivated(file, 0);
    QCOMPARE(window.filePane()->currentPath(), path);

    // Many groups show collapsed, their files made when a group is first expanded.
    QVector<Problem> many;
    for (int code = 0; code < 6; ++code) {
        for (int i = 0; i < 1000; ++i) {
            Problem p;
            p.severity = code == 5 ? Severity::Error : Severity::Warning;
            p.code = QStringLiteral("code.%1").arg(code);
            p.path = QStringLiteral("p/e/F-%1.json").arg(i);
            p.message = QStringLiteral("says thing %1").arg(code);
            many.append(p);
        }
    }
    ProblemGroupTree grouped;
    grouped.setProblems(many, QString(), QStringLiteral("kept"));
    QCOMPARE(grouped.groupCount(), 6);
    QVERIFY2(grouped.topLevelItem(0)->text(0).startsWith(QStringLiteral("Error: says thing 5")),
             qPrintable(grouped.topLevelItem(0)->text(0))); // errors first
    QVERIFY2(grouped.topLevelItem(1)->text(0).endsWith(QStringLiteral("(1,000 files; kept)")),
             qPrintable(grouped.topLevelItem(1)->text(0)));
    QCOMPARE(grouped.topLevelItem(1)->childCount(), 0);
    grouped.topLevelItem(1)->setExpanded(true);
    QCOMPARE(grouped.topLevelItem(1)->childCount(), 1000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
