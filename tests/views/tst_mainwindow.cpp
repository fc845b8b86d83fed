#include "documentview.h"
#include "filepane.h"
#include "folderloader.h"
#include "mainwindow.h"
#include "testtree.h"

#include <QApplication>
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
    QCOMPARE(tree->model()->rowCount(), 1); // only "clinic" remains at the top
    const QModelIndex epic = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(tree->model()->rowCount(epic), 1);
    window.filePane()->searchBox()->clear();
    QCOMPARE(tree->model()->rowCount(), before);
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
