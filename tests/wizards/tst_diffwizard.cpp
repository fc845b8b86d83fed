// The diff wizard (issue #18), offscreen: two key spaces (the real pmkv-proxy over REST in
// front of one redis-server, and a second redis-server directly) that differ in one story's
// title, with and without an ignore rule, exported as HTML, JSON (RFC 6902) and CSV; a backup
// archive against the folder changed since; a bad ignore rule holds the page with its reason.
#include "alignedpane.h"
#include "alignedtreemodel.h"
#include "comparisonwindow.h"
#include "core/nextstep.h"
#include "darkpalette.h"
#include "diffresultpage.h"
#include "diffsidespage.h"
#include "diffview.h"
#include "diffwizard.h"
#include "mainwindow.h"
#include "pathfield.h"
#include "readablecolors.h"
#include "wizardfixture.h"
#include "workflows/backupworkflow.h"
#include "workflows/migrationworkflow.h"
#include "workflows/targetspec.h"

#include <QApplication>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace pmkv;

class TestDiffWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void comparesTwoKeySpaces();
    void ignoresAField();
    void comparesABackupWithTheFolder();
    void holdsABadIgnoreRule();
    void comparesTheFolderWithTheWindowsUnsavedConnection();
    void theSecretTypedForTheWindowGoesToItsAddressOnly();
    void theRuleErrorReadsOnTheDarkPalette();
    void opensAFolderAgainstAKeySpaceInTheWindow();
    void opensAnyTwoSidesInTheAlignedView();

private:
    // Runs the wizard from its sides page to its result.
    static void run(DiffWizard& wizard);
    static QByteArray retitled(const QByteArray& json, const QString& title);

    test::WizardFixture m_fixture;
    test::RedisServer m_second;
};

void TestDiffWizard::initTestCase()
{
    QVERIFY2(m_fixture.start(2, 2, 3), qPrintable(m_fixture.error()));
    QVERIFY2(m_fixture.migrate(), qPrintable(m_fixture.error()));
    QVERIFY2(m_second.start(), qPrintable(m_second.errorString()));
    // The same tree in the second key space, then one story retitled there.
    auto session = TargetSession::open(TargetSpec::forAddress(m_second.url()));
    QVERIFY(session);
    MigrationWorkflow::RunRequest request;
    request.scope.root = m_fixture.root();
    auto ran = MigrationWorkflow::run(request, *session.value(), m_fixture.target().context());
    QVERIFY2(ran, ran ? "" : qPrintable(ran.error().message));
    const QByteArray key = m_second
                               .cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                                     QStringLiteral("*:story:*")})
                               .split('\n')
                               .first();
    QVERIFY(!key.isEmpty());
    const QByteArray value = m_second.cli({QStringLiteral("GET"), QString::fromUtf8(key)});
    m_second.cli({QStringLiteral("SET"), QString::fromUtf8(key),
                  QString::fromUtf8(retitled(value, QStringLiteral("Retitled in the second")))});
    // A URL side reads its REST token from PMKV_TOKEN.
    qputenv("PMKV_TOKEN", m_fixture.proxy().token());
}

QByteArray TestDiffWizard::retitled(const QByteArray& json, const QString& title)
{
    QJsonObject document = QJsonDocument::fromJson(json).object();
    document.insert(QStringLiteral("title"), title);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

void TestDiffWizard::run(DiffWizard& wizard)
{
    QVERIFY2(wizard.sidesPage()->isComplete(), qPrintable(wizard.sidesPage()->errorText()));
    wizard.next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(DiffWizard::ResultPage), 60000);
}

void TestDiffWizard::comparesTwoKeySpaces()
{
    JobTarget target = m_fixture.target();
    target.profileSaved = true; // (a saved connection is named by its name)
    DiffWizard wizard(target);
    wizard.show();
    DiffSidesPage* sides = wizard.sidesPage();
    QCOMPARE(sides->leftField()->path(), m_fixture.root());
    QCOMPARE(sides->rightField()->path(), QStringLiteral("conn:local"));
    sides->leftField()->setPath(m_fixture.proxy().url().toString());
    sides->rightField()->setPath(m_second.url());
    run(wizard);
    DiffResultPage* result = wizard.resultPage();
    QVERIFY2(result->report(), qPrintable(result->summaryText()));
    QVERIFY2(result->summaryText().contains(QStringLiteral("1 changed, 0 only on the left, 0 only "
                                                           "on the right")),
             qPrintable(result->summaryText()));
    QCOMPARE(result->entityList()->topLevelItemCount(), 1);
    const QTreeWidgetItem* item = result->entityList()->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("changed"));
    QCOMPARE(item->text(2), QStringLiteral("/title"));
    QVERIFY(result->diffView()->changeCount() >= 1);
    QVERIFY(result->diffView()->rightText().contains(QStringLiteral("Retitled in the second")));

    // The three exports, written by the diff engine's writers.
    const QString html = m_fixture.path(QStringLiteral("kv.html"));
    const QString json = m_fixture.path(QStringLiteral("kv.json"));
    const QString csv = m_fixture.path(QStringLiteral("kv.csv"));
    auto h = result->exportTo(html, DiffWorkflow::Format::Html);
    auto j = result->exportTo(json, DiffWorkflow::Format::Json);
    auto c = result->exportTo(csv, DiffWorkflow::Format::Csv);
    for (auto* f : {&h, &j, &c}) {
        f->waitForFinished();
        QVERIFY(f->result());
    }
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QByteArray jsonBytes = jsonFile.readAll();
    QVERIFY(jsonBytes.contains("\"op\": \"replace\"") || jsonBytes.contains("\"op\":\"replace\""));
    QVERIFY(jsonBytes.contains("Retitled in the second"));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readAll().contains("/title"));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    QVERIFY(htmlFile.readAll().contains("<html"));
}

void TestDiffWizard::ignoresAField()
{
    DiffWizard wizard(m_fixture.target());
    wizard.show();
    wizard.sidesPage()->leftField()->setPath(m_fixture.proxy().url().toString());
    wizard.sidesPage()->rightField()->setPath(m_second.url());
    wizard.sidesPage()->ignoreEdit()->setText(QStringLiteral("/title, /updatedAt"));
    run(wizard);
    QCOMPARE(wizard.resultPage()->summaryText().section(QLatin1Char('\n'), 2),
             QStringLiteral("The two sides hold the same data."));
    QVERIFY(!wizard.resultPage()->report()->hasDifferences());
}

void TestDiffWizard::comparesABackupWithTheFolder()
{
    const QString archive = m_fixture.backupBeside();
    QVERIFY2(!archive.isEmpty(), qPrintable(m_fixture.error()));
    // A story changed in the folder since the backup.
    QString story;
    QDirIterator it(m_fixture.root(), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && story.isEmpty()) {
        const QString path = it.next();
        if (QDir(m_fixture.root()).relativeFilePath(path).count(QLatin1Char('/')) == 2 &&
            !path.endsWith(QLatin1String("/epic.json")))
            story = path;
    }
    QVERIFY(!story.isEmpty());
    QFile file(story);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray changed = retitled(file.readAll(), QStringLiteral("Changed since"));
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(changed);
    file.close();

    DiffWizard wizard(m_fixture.target());
    wizard.show();
    wizard.sidesPage()->leftField()->setPath(archive);
    wizard.sidesPage()->rightField()->setPath(m_fixture.root());
    run(wizard);
    DiffResultPage* result = wizard.resultPage();
    QVERIFY2(result->report(), qPrintable(result->summaryText()));
    QCOMPARE(result->report()->left.kind, QStringLiteral("backup"));
    QCOMPARE(result->entityList()->topLevelItemCount(), 1);
    QCOMPARE(result->entityList()->topLevelItem(0)->text(2), QStringLiteral("/title"));
    QVERIFY(result->diffView()->rightText().contains(QStringLiteral("Changed since")));
    // A backup against a folder has no place in the main window: no button for it.
    QVERIFY(result->openInWindowButton()->isHidden());
}

void TestDiffWizard::holdsABadIgnoreRule()
{
    DiffWizard wizard(m_fixture.target());
    wizard.show();
    DiffSidesPage* sides = wizard.sidesPage();
    QVERIFY(sides->isComplete());
    sides->ignoreEdit()->setText(QStringLiteral("title"));
    QVERIFY(!sides->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY2(sides->errorText().contains(QStringLiteral("title")), qPrintable(sides->errorText()));
    sides->ignoreEdit()->setText(QStringLiteral("/title"));
    QVERIFY(sides->isComplete());
    QVERIFY(sides->errorText().isEmpty());
}

// The window's connection given with --url (as the demo opens it) is saved nowhere; the right
// side was "conn:command-line", a saved connection that does not exist, and Compare failed
// with "no connection named command-line". An unsaved one is named by its address (a REST
// token from PMKV_TOKEN, as --url reads it).
void TestDiffWizard::comparesTheFolderWithTheWindowsUnsavedConnection()
{
    JobTarget target = m_fixture.target();
    target.profile = TargetSpec::forAddress(m_fixture.proxy().url().toString());
    target.typedSecret.clear();
    DiffWizard wizard(target);
    wizard.show();
    QCOMPARE(wizard.sidesPage()->rightField()->path(), m_fixture.proxy().url().toString());
    run(wizard);
    QVERIFY2(wizard.resultPage()->report(), qPrintable(wizard.resultPage()->summaryText()));
}

// A connection opened for this session with a typed token (no PMKV_TOKEN, nothing saved):
// its side reads with that token; another address typed on the page does not get it.
void TestDiffWizard::theSecretTypedForTheWindowGoesToItsAddressOnly()
{
    const QByteArray environmentToken = qgetenv("PMKV_TOKEN");
    qunsetenv("PMKV_TOKEN");
    const auto restore = qScopeGuard([&] { qputenv("PMKV_TOKEN", environmentToken); });
    JobTarget target = m_fixture.target();
    const QString address = m_fixture.proxy().url().toString();
    target.profile = TargetSpec::forAddress(address);
    target.typedSecret = m_fixture.proxy().token();
    {
        DiffWizard wizard(target);
        wizard.show();
        QCOMPARE(wizard.sidesPage()->rightField()->path(), address);
        run(wizard);
        QVERIFY2(wizard.resultPage()->report(), qPrintable(wizard.resultPage()->summaryText()));
    }
    DiffWizard wizard(target);
    wizard.show();
    const QString another = address + QStringLiteral("/");
    wizard.sidesPage()->rightField()->setPath(another);
    run(wizard);
    QVERIFY(!wizard.resultPage()->report());
    QVERIFY2(wizard.resultPage()->summaryText().contains(QStringLiteral("PMKV_TOKEN")),
             qPrintable(wizard.resultPage()->summaryText()));
}

// The error under the form was a fixed red, 2.5:1 on the dark palette's window.
void TestDiffWizard::theRuleErrorReadsOnTheDarkPalette()
{
    const QPalette light = QApplication::palette();
    QApplication::setPalette(DarkPalette::palette());
    {
        DiffWizard wizard(m_fixture.target());
        wizard.show();
        DiffSidesPage* sides = wizard.sidesPage();
        sides->ignoreEdit()->setText(QStringLiteral("title"));
        QLabel* error = nullptr;
        for (QLabel* label : sides->findChildren<QLabel*>()) {
            if (!label->text().isEmpty() && label->text() == sides->errorText())
                error = label;
        }
        QVERIFY(error);
        error->ensurePolished();
        const double contrast = ReadableColors::contrast(
            error->palette().color(QPalette::WindowText), sides->palette().color(QPalette::Window));
        QVERIFY2(contrast >= ReadableColors::kMinimumContrast,
                 qPrintable(QString::number(contrast)));
    }
    QApplication::setPalette(light);
}

// Issue #18: a folder against a key space opens in the main window (the folder, the key space
// as a profile of its own, the layout chosen here); two key spaces do not.
void TestDiffWizard::opensAFolderAgainstAKeySpaceInTheWindow()
{
    DiffWizard wizard(m_fixture.target());
    wizard.show();
    wizard.sidesPage()->leftField()->setPath(m_second.url());
    wizard.sidesPage()->rightField()->setPath(m_fixture.root());
    run(wizard);
    QPushButton* open = wizard.resultPage()->openInWindowButton();
    QVERIFY(!open->isHidden());
    QSignalSpy opened(&wizard, &DiffWizard::openDifferences);
    open->click();
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(0).toString(), m_fixture.root());
    const auto profile = opened.first().at(1).value<ConnectionProfile>();
    QCOMPARE(profile.address, m_second.url());
    QCOMPARE(profile.kind, ConnectionProfile::Kind::Redis);

    DiffWizard keys(m_fixture.target());
    keys.show();
    keys.sidesPage()->leftField()->setPath(m_fixture.proxy().url().toString());
    keys.sidesPage()->rightField()->setPath(m_second.url());
    run(keys);
    QVERIFY(keys.resultPage()->openInWindowButton()->isHidden());
}

// Issue #18: any two sides (here two key spaces: one story changed, one missing on the right,
// one only on the right) open in the aligned view and the diff view, the sides named.
void TestDiffWizard::opensAnyTwoSidesInTheAlignedView()
{
    const QList<QByteArray> stories =
        m_second
            .cli({QStringLiteral("--scan"), QStringLiteral("--pattern"),
                  QStringLiteral("*:story:*")})
            .split('\n');
    QByteArray changed;
    QByteArray gone;
    for (const QByteArray& key : stories) {
        if (key.isEmpty())
            continue;
        const bool retitledHere = m_second.cli({QStringLiteral("GET"), QString::fromUtf8(key)})
                                      .contains("Retitled in the second");
        (retitledHere ? changed : gone) = key;
    }
    QVERIFY(!changed.isEmpty() && !gone.isEmpty());
    const QByteArray goneValue = m_second.cli({QStringLiteral("GET"), QString::fromUtf8(gone)});
    const QByteArray added = gone + "-NEW";
    m_second.cli({QStringLiteral("SET"), QString::fromUtf8(added), QString::fromUtf8(goneValue)});
    m_second.cli({QStringLiteral("DEL"), QString::fromUtf8(gone)});

    // Opened from the main window's Migration menu, shown in a dock of the main window.
    MainWindow main;
    main.setJobsFolder(m_fixture.path(QStringLiteral("state")));
    main.show();
    main.takeStep(NextStep::forPath(NextStep::Action::Diff, m_fixture.root()));
    DiffWizard* wizard = main.findChild<DiffWizard*>();
    QVERIFY(wizard);
    const QString left = m_fixture.proxy().url().toString();
    wizard->sidesPage()->leftField()->setPath(left);
    wizard->sidesPage()->rightField()->setPath(m_second.url());
    run(*wizard);
    DiffResultPage* result = wizard->resultPage();
    QVERIFY2(result->report(), qPrintable(result->summaryText()));
    QVERIFY(!main.findChild<ComparisonWindow*>());
    QVERIFY(result->openAlignedButton()->isEnabled());
    result->openAlignedButton()->click();
    QPointer<ComparisonWindow> window = main.findChild<ComparisonWindow*>();
    QVERIFY(window);
    auto* dock = qobject_cast<QDockWidget*>(window->parentWidget());
    QVERIFY(dock);
    QCOMPARE(main.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QVERIFY(dock->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    QVERIFY(dock->windowTitle().contains(left));
    wizard->close();

    AlignedPane* pane = window->alignedPane();
    AlignedTreeModel* model = pane->model();
    QCOMPARE(model->headerData(AlignedTreeModel::FileColumn, Qt::Horizontal).toString(), left);
    QVERIFY(model->headerData(AlignedTreeModel::KeyColumn, Qt::Horizontal)
                .toString()
                .startsWith(m_second.url()));
    QVERIFY2(pane->summaryText().startsWith(QStringLiteral("1 only in ")),
             qPrintable(pane->summaryText()));

    // The changed story: both sides, its field diff below.
    QVERIFY(pane->selectKey(changed));
    QVERIFY(window->diffView()->changeCount() >= 1);
    QVERIFY(window->diffView()->rightText().contains(QStringLiteral("Retitled in the second")));
    // The story the right side lacks: a placeholder there, the state names the left side.
    QVERIFY(pane->selectEntityPath(QString::fromUtf8(gone)));
    const QModelIndex goneRow = model->indexForEntityPath(QString::fromUtf8(gone));
    QVERIFY(goneRow.siblingAtColumn(AlignedTreeModel::KeyColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    QVERIFY(goneRow.siblingAtColumn(AlignedTreeModel::KeyColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("(missing)")));
    QCOMPARE(goneRow.siblingAtColumn(AlignedTreeModel::StateColumn).data().toString(),
             QStringLiteral("only in %1").arg(left));
    QCOMPARE(window->diffView()->changeCount(), 0);
    // The story only the right side has.
    const QModelIndex addedRow = model->indexForKey(added);
    QVERIFY(addedRow.isValid());
    QVERIFY(addedRow.siblingAtColumn(AlignedTreeModel::FileColumn)
                .data(AlignedTreeModel::PlaceholderRole)
                .toBool());
    dock->close(); // deletes itself and the comparison
    QTRY_VERIFY(window.isNull());

    m_second.cli({QStringLiteral("SET"), QString::fromUtf8(gone), QString::fromUtf8(goneValue)});
    m_second.cli({QStringLiteral("DEL"), QString::fromUtf8(added)});
}

QTEST_MAIN(TestDiffWizard)
#include "tst_diffwizard.moc"
